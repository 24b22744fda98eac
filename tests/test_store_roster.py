"""The roster: participant codes with country, organisation type and membership; never names."""
from __future__ import annotations

from click.testing import CliRunner

from conftest import REPO
from test_import_formats import write_csv
from trainingkit.cli import main
from trainingkit.feedback import FeedbackStore

HEADER = ["participant", "name", "country", "org_type", "member"]


def run_roster(path, db):
    return CliRunner().invoke(main, ["feedback", "roster", str(path), "--db", db], env={"TRAININGKIT_ROOT": str(REPO)})


def test_roster_command_stores_codes_and_groups_but_never_names(tmp_path):
    rows = [["kh-01", "Sokha Example", "Cambodia", "NGO", "yes"], ["MM-02", "", "Myanmar", "union", "no"],
            ["TH-03", "", "Thailand", "", ""]]
    db = f"sqlite:///{tmp_path / 'fb.sqlite'}"
    result = run_roster(write_csv(tmp_path / "roster.csv", HEADER, rows), db)
    assert result.exit_code == 0, result.output
    assert result.output.endswith("3 participant(s) in the roster; column(s) name ignored (the store keeps codes, not names)\n")
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
        f"{path}: line 3, column country: unknown country 'Cambodge' (course.yml: Cambodia, Laos, Myanmar, Thailand, Vietnam)",
        f"{path}: line 3, column member: 'maybe' should be yes or no",
        f"{path}: line 3, column participant: 'KH-01' is already on line 2",
        f"{path}: line 4, column participant: participant code is empty",
        f"{path}: 4 problem(s); nothing was imported",
    ]
    assert FeedbackStore(db, root=REPO).roster().empty
    missing = run_roster(write_csv(tmp_path / "short.csv", ["participant", "country"], [["KH-01", "Cambodia"]]), db)
    assert missing.output.splitlines()[:2] == [f"{tmp_path / 'short.csv'}: line 1, column {c}: column '{c}' is missing"
                                                for c in ("member", "org_type")]
