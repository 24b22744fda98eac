"""Nothing overwritten silently: a second answer for the same participant, form and occasion is
a new version; the latest (or the one an organiser marked) counts; the rest are kept and counted
as replaced. Personal keys are kept only as salted hashes."""
from __future__ import annotations

import datetime as dt

import pytest
from click.testing import CliRunner

from conftest import REPO
from formcases import END
from trainingkit.cli import main
from trainingkit.errors import TrainingkitError
from trainingkit.feedback import FeedbackStore

DAY1 = {"day": "1", "pace": "about_right", **{f"d1_s{n}_useful": 4 for n in (1, 2, 3, 4)}}


def at(hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime(2016, 6, 4, hour, minute, tzinfo=dt.timezone.utc)


def test_a_second_end_form_is_a_new_version_and_only_the_latest_counts(any_store):
    first = any_store.submit("end", END, participant="KH-03", submitted_at=at(9))
    second = any_store.submit("end", {**END, "overall": 2}, participant="kh-03", source="web", submitted_at=at(10))
    other = any_store.submit("end", END, participant="TH-01", submitted_at=at(9))
    assert list(any_store.responses().response_id) == [other, second]
    assert any_store.replaced_count() == 1
    every = any_store.responses(versions="all")
    assert sorted(every.response_id) == sorted([first, second, other])  # nothing deleted
    assert dict(zip(every.response_id, every.counts)) == {first: False, second: True, other: True}
    assert len(any_store.answers()) == 9  # the answers of every version stay stored


def test_daily_versions_are_per_day_and_follow_up_versions_per_round(any_store):
    any_store.submit("daily", DAY1, participant="MM-02", submitted_at=at(16))
    any_store.submit("daily", {**DAY1, "pace": "too_fast"}, participant="MM-02", submitted_at=at(17))
    day2 = {"day": "2", "pace": "about_right", **{f"d2_s{n}_useful": 3 for n in (1, 2, 3, 4)}}
    any_store.submit("daily", day2, participant="MM-02", submitted_at=at(18))
    any_store.submit("followup", {"round": "m1", "engaged": "yes"}, participant="MM-02", submitted_at=at(9))
    any_store.submit("followup", {"round": "m3", "engaged": "no"}, participant="MM-02", submitted_at=at(10))
    counted = any_store.responses(versions="all").query("counts")
    assert sorted(zip(counted.form_id, counted.occasion)) == [("daily", "1"), ("daily", "2"), ("followup", "m1"), ("followup", "m3")]
    assert any_store.replaced_count("daily") == 1 and any_store.replaced_count("followup") == 0


def test_anonymous_responses_all_count(any_store):
    any_store.submit("end", END)
    any_store.submit("end", END)
    assert len(any_store.responses()) == 2 and any_store.replaced_count() == 0


def test_an_organiser_marks_the_version_that_counts_and_a_later_one_does_not_undo_it(any_store):
    honest = any_store.submit("end", END, participant="VN-04", submitted_at=at(9))
    any_store.submit("end", {**END, "overall": 1, "recommend": 0}, participant="VN-04", source="web", submitted_at=at(10))
    row = any_store.mark_version(honest)
    assert (row["participant"], row["form_id"], row["occasion"]) == ("VN-04", "end", "")
    any_store.submit("end", {**END, "overall": 1}, participant="VN-04", source="web", submitted_at=at(11))
    assert list(any_store.responses().response_id) == [honest]
    assert any_store.replaced_count() == 2
    history = any_store.history("vn-04")
    assert list(history.marked) == [True, False, False] and list(history.counts) == [True, False, False]


def test_marking_refuses_unknown_and_anonymous_responses(any_store):
    with pytest.raises(TrainingkitError, match="no response 'nope' in the store"):
        any_store.mark_version("nope")
    anonymous = any_store.submit("end", END)
    with pytest.raises(TrainingkitError, match="has no participant code: every anonymous response counts"):
        any_store.mark_version(anonymous)


def test_tokens_are_kept_as_salted_hashes_and_checked(any_store):
    any_store.set_tokens({"KH-01": "ABCDEFGH", "MM-02": "ABCDEFGH"})
    assert any_store.token_matches("kh-01", "abcd-efgh")  # as typed from a slip
    assert not any_store.token_matches("KH-01", "ABCDEFGX")
    assert not any_store.token_matches("ZZ-99", "ABCDEFGH")
    assert not any_store.token_matches("not a code!", "ABCDEFGH")
    assert not any_store.token_matches("KH-01", None)
    with any_store.engine.connect() as conn:
        rows = conn.exec_driver_sql("SELECT participant, salt, token_hash FROM tokens ORDER BY participant").all()
    assert "ABCDEFGH" not in repr(rows)
    assert rows[0].salt != rows[1].salt and rows[0].token_hash != rows[1].token_hash  # same key, different hashes


def test_a_new_key_replaces_the_old_one_even_where_the_old_one_was_just_checked(any_store):
    any_store.set_tokens({"KH-01": "ABCDEFGH"})
    assert any_store.token_matches("KH-01", "ABCDEFGH") and any_store.token_matches("KH-01", "ABCDEFGH")  # the second from memory
    any_store.set_tokens({"KH-01": "ZYXWVUTS"})  # a lost slip: the organiser gave a new key
    assert not any_store.token_matches("KH-01", "ABCDEFGH")
    assert any_store.token_matches("KH-01", "ZYXWVUTS")


def test_history_command_lists_versions_and_marks_one(tmp_path):
    db = f"sqlite:///{tmp_path / 'fb.sqlite'}"
    store = FeedbackStore(db, root=REPO)
    first = store.submit("end", END, participant="KH-03", submitted_at=at(9))
    store.submit("end", {**END, "overall": 1}, participant="KH-03", source="web", submitted_at=at(10))
    run = lambda *args: CliRunner().invoke(main, ["feedback", "history", *args, "--db", db], env={"TRAININGKIT_ROOT": str(REPO)})  # noqa: E731
    result = run("kh-03")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[1].startswith("  end      -         2016-06-04 09:00:00  notebook  ")
    assert lines[2].startswith("* end      -         2016-06-04 10:00:00  web       ")
    assert "1 earlier or unchosen version(s) kept but not counted" in lines[3]
    result = run("KH-03", "--count", first)
    assert result.exit_code == 0, result.output
    assert result.output.startswith(f"{first} now counts for KH-03, form end; the other versions are kept\n")
    assert f"* end      -         2016-06-04 09:00:00  notebook  {first}  (chosen)" in result.output
    assert run("nobody!").output == "'nobody!' is not a participant code (letters, digits, - or _, at most 32)\n"
