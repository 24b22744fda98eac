"""The roster: participant codes with country, organisation type and membership; never names."""
from __future__ import annotations

import re
from pathlib import Path

from click.testing import CliRunner

from conftest import REPO
from test_import_formats import write_csv
from trainingkit.cli import main
from trainingkit.feedback import FeedbackStore
from trainingkit.feedback.roster import read_tokens

HEADER = ["participant", "name", "country", "org_type", "member"]


def run_roster(path, db, *options):
    tokens = Path(path).parent / "tokens.csv"  # the organiser's keys, here beside the roster
    return CliRunner().invoke(main, ["feedback", "roster", str(path), "--db", db, "--tokens", str(tokens), *options],
                              env={"TRAININGKIT_ROOT": str(REPO)})


def test_roster_command_stores_codes_and_groups_but_never_names(tmp_path):
    rows = [["kh-01", "Sokha Example", "Cambodia", "NGO", "yes"], ["MM-02", "", "Myanmar", "union", "no"],
            ["TH-03", "", "Thailand", "", ""]]
    db = f"sqlite:///{tmp_path / 'fb.sqlite'}"
    result = run_roster(write_csv(tmp_path / "roster.csv", HEADER, rows), db)
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0].endswith("3 participant(s) in the roster; column(s) name ignored (the store keeps codes, not names)")
    store = FeedbackStore(db, root=REPO)
    assert store.roster().fillna("(empty)").to_dict("records") == [
        {"participant": "KH-01", "country": "Cambodia", "org_type": "NGO", "member": True},
        {"participant": "MM-02", "country": "Myanmar", "org_type": "union", "member": False},
        {"participant": "TH-03", "country": "Thailand", "org_type": "(empty)", "member": "(empty)"},
    ]
    with store.engine.connect() as conn:
        dump = "\n".join(conn.connection.dbapi_connection.iterdump())
    assert "Sokha" not in dump


def test_a_second_roster_file_updates_participants_already_there(tmp_path):
    db = f"sqlite:///{tmp_path / 'fb.sqlite'}"
    run_roster(write_csv(tmp_path / "a.csv", HEADER, [["KH-01", "", "Cambodia", "NGO", "no"]]), db)
    run_roster(write_csv(tmp_path / "b.csv", HEADER, [["KH-01", "", "Cambodia", "NGO", "yes"], ["LA-01", "", "Laos", "NGO", "no"]]), db)
    roster = FeedbackStore(db, root=REPO).roster()
    assert roster[["participant", "member"]].values.tolist() == [["KH-01", True], ["LA-01", False]]


def test_a_bad_roster_is_refused_whole_with_every_problem(tmp_path):
    rows = [["KH-01", "", "Cambodia", "NGO", "yes"], ["KH-01", "", "Cambodge", "NGO", "maybe"], ["", "", "Laos", "NGO", "no"]]
    path = write_csv(tmp_path / "roster.csv", HEADER, rows)
    db = f"sqlite:///{tmp_path / 'fb.sqlite'}"
    result = run_roster(path, db)
    assert result.exit_code == 1
    assert result.output.splitlines() == [
        f"{path}, line 3, column country: unknown country 'Cambodge' (course.yml: Cambodia, Laos, Myanmar, Thailand, Vietnam)",
        f"{path}, line 3, column member: 'maybe' should be yes or no",
        f"{path}, line 3, column participant: 'KH-01' is already on line 2",
        f"{path}, line 4, column participant: participant code is empty",
        f"{path}: 4 problem(s); nothing was imported",
    ]
    assert FeedbackStore(db, root=REPO).roster().empty
    missing = run_roster(write_csv(tmp_path / "short.csv", ["participant", "country"], [["KH-01", "Cambodia"]]), db)
    assert missing.output.splitlines()[:2] == [f"{tmp_path / 'short.csv'}, line 1, column {c}: column '{c}' is missing"
                                                for c in ("member", "org_type")]


def test_the_roster_gives_each_trainee_a_personal_key_kept_only_as_a_hash(tmp_path):
    db = f"sqlite:///{tmp_path / 'fb.sqlite'}"
    result = run_roster(write_csv(tmp_path / "a.csv", HEADER, [["KH-01", "", "Cambodia", "NGO", "no"], ["MM-02", "", "Myanmar", "NGO", "no"]]), db)
    assert result.output.splitlines()[1].startswith(f"2 new token(s) written to {tmp_path / 'tokens.csv'}: keep that file private")
    keys = read_tokens(tmp_path / "tokens.csv")
    assert sorted(keys) == ["KH-01", "MM-02"] and all(re.fullmatch(r"[A-Z2-9]{4}-[A-Z2-9]{4}", k) for k in keys.values())
    assert (tmp_path / "tokens.csv").stat().st_mode & 0o077 == 0  # the organiser's eyes only
    store = FeedbackStore(db, root=REPO)
    assert all(store.token_matches(code, key) for code, key in keys.items())
    with store.engine.connect() as conn:
        dump = "\n".join(conn.connection.dbapi_connection.iterdump())
    assert not any(key.replace("-", "") in dump or key in dump for key in keys.values())
    # a second roster adds a trainee: only the newcomer gets a key, the others keep theirs
    result = run_roster(write_csv(tmp_path / "b.csv", HEADER, [["KH-01", "", "Cambodia", "NGO", "no"], ["LA-03", "", "Laos", "NGO", "no"]]), db)
    assert "1 new token(s)" in result.output
    again = read_tokens(tmp_path / "tokens.csv")
    assert again["KH-01"] == keys["KH-01"] and again["MM-02"] == keys["MM-02"] and "LA-03" in again
    assert store.token_matches("KH-01", keys["KH-01"])
    # a lost slip: a new key for KH-01 alone; the old one stops working
    result = run_roster(tmp_path / "b.csv", db, "--new-key", "kh-01")
    assert "1 new token(s)" in result.output
    renewed = read_tokens(tmp_path / "tokens.csv")
    assert renewed["KH-01"] != keys["KH-01"] and renewed["LA-03"] == again["LA-03"]
    assert store.token_matches("KH-01", renewed["KH-01"]) and not store.token_matches("KH-01", keys["KH-01"])
    assert "'VN-09' is not in this roster (--new-key)" in run_roster(tmp_path / "b.csv", db, "--new-key", "VN-09").output


def test_keys_can_come_from_a_token_column_and_bad_ones_are_refused_with_their_line(tmp_path):
    db = f"sqlite:///{tmp_path / 'fb.sqlite'}"
    header = ["participant", "country", "org_type", "member", "token"]
    result = run_roster(write_csv(tmp_path / "r.csv", header, [["KH-01", "Cambodia", "NGO", "no", "river-stone-42"],
                                                              ["MM-02", "Myanmar", "NGO", "no", "short"]]), db)
    assert result.exit_code == 1
    assert "line 3, column token: a token needs at least 8 letters or digits (A–Z, 0–9)" in result.output
    result = run_roster(write_csv(tmp_path / "r.csv", header, [["KH-01", "Cambodia", "NGO", "no", "river-stone-42"]]), db)
    assert result.exit_code == 0, result.output
    assert FeedbackStore(db, root=REPO).token_matches("KH-01", "RIVERSTONE42")
