"""The feedback store loses nothing and stores nothing twice, on SQLite and on PostgreSQL.

PostgreSQL: ``TRAININGKIT_TEST_PG_URL`` (``.ci/run`` starts a server and sets it); without it
the tests start a throwaway server when Debian's PostgreSQL binaries are installed, and skip
only when there are none (in CI they fail instead).
"""
from __future__ import annotations

import datetime as dt
import multiprocessing

import pandas as pd
import pytest

from conftest import REPO
from formcases import END, make_course
from trainingkit.course import load_course
from trainingkit.feedback import FeedbackStore, SubmissionError
from trainingkit.forms.response import Submission
from trainingkit.feedback.store import ANSWER_COLUMNS, default_url
from trainingkit.forms import load_forms

def test_a_submitted_response_comes_back_as_tidy_answers(any_store):
    at = dt.datetime(2016, 6, 8, 9, 30, tzinfo=dt.timezone(dt.timedelta(hours=7)))  # Bangkok time
    rid = any_store.submit("end", END, participant="th-02", source="web", language="en", submitted_at=at)
    answers = any_store.answers()
    assert list(answers.columns) == ANSWER_COLUMNS
    assert answers[["question", "value"]].values.tolist() == [
        ["most_useful", "The power map"], ["overall", "4"], ["recommend", "9"]]
    row = answers.iloc[0]
    assert (row.response_id, row.form_id, row.participant, row.session, row.form_version, row.source, row.language,
            row.cohort) == (rid, "end", "TH-02", "", 1, "web", "en", "pilot-2016")
    assert row.submitted_at == pd.Timestamp("2016-06-08 02:30", tz="UTC")


def test_the_same_response_id_is_stored_once(any_store):
    rid = any_store.submit("end", END, participant="KH-01")
    again = any_store.submit("end", {**END, "overall": 1}, participant="KH-01", response_id=rid)
    assert again == rid
    assert len(any_store.responses()) == 1
    assert any_store.answers().set_index("question").value["overall"] == "4"  # the first one stands


def test_daily_answers_carry_their_session(any_store):
    answers = {"day": "3", "pace": "too_fast", "d3_s1_useful": 5, "d3_s2_useful": 4, "d3_s3_useful": 4,
               "d3_s4_useful": 3, "d3_s2_comment": "ต้องการเวลามากกว่านี้"}
    any_store.submit("daily", answers, participant="TH-05")
    got = any_store.answers("daily")
    assert sorted(zip(got.session, got.question, got.value)) == [
        ("", "day", "3"), ("", "pace", "too_fast"), ("d3-s1", "useful", "5"), ("d3-s2", "comment", "ต้องการเวลามากกว่านี้"),
        ("d3-s2", "useful", "4"), ("d3-s3", "useful", "4"), ("d3-s4", "useful", "3")]


def test_an_invalid_response_is_refused_with_every_problem_and_nothing_is_stored(any_store):
    with pytest.raises(SubmissionError) as info:
        any_store.submit("end", {"overall": 7, "recommend": "nine", "mood": "fine"}, participant="my name")
    assert sorted(str(p) for p in info.value.findings) == [
        "mood: unknown question 'mood' in form 'end'",
        "overall: 7 is out of range (1–5)",
        "participant: 'my name' is not a participant code (letters, digits, - or _, at most 32)",
        "recommend: 'nine' is not a number",
    ]
    with pytest.raises(SubmissionError, match="unknown form 'evaluation'"):
        any_store.submit("evaluation", {})
    assert len(any_store.responses()) == 0 and len(any_store.answers()) == 0


def test_a_batch_is_stored_whole_or_not_at_all(any_store):
    good = Submission("end", END, participant="VN-01")
    bad = Submission("end", {"overall": 4}, participant="VN-02")  # recommend is required
    with pytest.raises(SubmissionError, match="recommend: required answer missing"):
        any_store.submit_many([good, bad])
    assert len(any_store.responses()) == 0
    result = any_store.submit_many([good, Submission("end", END, participant="VN-02")])
    assert (len(result.stored), result.skipped, result.answers) == (2, [], 6)


def test_once_a_roster_exists_only_its_participants_may_answer(any_store):
    any_store.submit("end", END, participant="ANY-1")  # no roster yet: any code
    any_store.set_roster([{"participant": "MM-01", "country": "Myanmar", "org_type": "NGO", "member": True}])
    any_store.submit("end", END, participant="mm-01")
    any_store.submit("end", END)  # anonymous answers stay possible
    with pytest.raises(SubmissionError, match="unknown participant 'MM-02': not in the roster of cohort 'pilot-2016'"):
        any_store.submit("end", END, participant="MM-02")
    assert any_store.roster().to_dict("records") == [{"participant": "MM-01", "country": "Myanmar", "org_type": "NGO", "member": True}]


def test_several_trainings_share_one_store_by_cohort(url, forms):
    first = FeedbackStore(url, forms=forms, cohort="pilot-2016")
    second = FeedbackStore(url, forms=forms, cohort="mekong-2017")
    first.submit("end", END, participant="A1")
    second.submit("end", END, participant="A1")
    second.submit("followup", {"round": "m1", "engaged": "yes", "actions": ["media", "afml"]}, participant="A1")
    assert sorted(first.responses().cohort) == ["mekong-2017", "mekong-2017", "pilot-2016"]
    assert list(first.responses(cohort="pilot-2016").form_id) == ["end"]
    followup = first.answers("followup")
    assert followup.set_index("question").value["actions"] == "afml media"  # choice order, space-separated


def _submit_twice(url: str, number: int, barrier) -> None:
    store = FeedbackStore(url, forms=load_forms(load_course(REPO)), cohort="pilot-2016")
    barrier.wait()  # everyone writes at the same moment
    rid = f"concurrent-{number:02d}"
    for _ in range(2):
        store.submit("end", {**END, "overall": 1 + number % 5}, participant=f"P{number:02d}", response_id=rid)


@pytest.mark.slow(seconds=20)  # the whole module's length (25 processes, twice)
def test_25_processes_submitting_each_response_twice_store_each_exactly_once(url):
    FeedbackStore(url, forms=load_forms(load_course(REPO)), cohort="pilot-2016").close()
    context = multiprocessing.get_context("fork")
    barrier = context.Barrier(25)
    workers = [context.Process(target=_submit_twice, args=(url, n, barrier)) for n in range(25)]
    for w in workers:
        w.start()
    for w in workers:
        w.join(120)
    assert [w.exitcode for w in workers] == [0] * 25
    store = FeedbackStore(url, forms=load_forms(load_course(REPO)), cohort="pilot-2016")
    assert sorted(store.responses().response_id) == [f"concurrent-{n:02d}" for n in range(25)]
    answers = store.answers()
    assert len(answers) == 75
    assert answers.groupby("response_id").size().eq(3).all()


def test_the_default_store_is_sqlite_under_the_course_root_in_wal_mode(tmp_path, monkeypatch):
    root = make_course(tmp_path / "course")
    monkeypatch.delenv("TRAININGKIT_DB", raising=False)
    assert default_url(root) == f"sqlite:///{root.resolve()}/var/feedback.sqlite"
    store = FeedbackStore(root=root)
    store.submit("multi", {"c_mapping": 3, "c_asks": 4, "useful": 5})
    assert (root / "var/feedback.sqlite").is_file()
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
    assert store.cohort == "test"
    monkeypatch.setenv("TRAININGKIT_DB", "sqlite:////elsewhere/fb.sqlite")
    assert default_url(root) == "sqlite:////elsewhere/fb.sqlite"


def test_var_is_git_ignored():
    assert "var/" in (REPO / ".gitignore").read_text().split()
