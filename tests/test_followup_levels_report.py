"""Levels 3 and 4 on the evaluation page and in its exports: the follow-up package's one
computation (``followup figures``) carried in the typed summary, against hand-computed values,
with the status's response rates and every figure under the privacy rule."""
from __future__ import annotations

import datetime as dt

import docx
import pandas as pd
import pytest

from conftest import REPO
from followup_helpers import answer, roster
from test_followup_figures import PLANS
from trainingkit.course import load_course
from trainingkit.evaluation.document import write_report
from trainingkit.evaluation.export import export
from trainingkit.evaluation.model import Summary, schema
from trainingkit.evaluation.report import Report
from trainingkit.evaluation.source import store_summary
from trainingkit.evaluation.tables import levels_table, response_rates_table, summary_tables
from trainingkit.exercises.actionplan import followup_actions
from trainingkit.followup import import_plans, withdraw
from trainingkit.followup.figures import with_followup_levels
from trainingkit.followup.progress import shown_types

D = dt.date
ON = D(2016, 12, 31)
COURSE = load_course(REPO)


def _summary(store) -> Summary:
    summary = store_summary(COURSE, store.url, "pilot-2016", 5)
    return with_followup_levels(summary, COURSE, store.url, ON)


@pytest.fixture
def summary(store, tmp_path):
    """Six trainees, P06 withdrawn on 1 July 2016; the plans and answers of test_followup_figures."""
    roster(store, ["P01", "P02", "P03", "P04", "P05", "P06"])
    (tmp_path / "plans.csv").write_text(PLANS, encoding="utf-8")
    import_plans(store, tmp_path / "plans.csv", followup_actions(REPO), 6)
    withdraw(store, "P06", "pilot-2016", D(2016, 7, 1))
    for code, subs, meets in (("P01", 1, 2), ("P02", 0, 1), ("P03", 0, None), ("P04", 2, None), ("P05", 0, None)):
        extra = {"result_meetings": meets} if meets is not None else {}
        answer(store, code, "m1", D(2016, 7, 2), actions="afml" if code != "P02" else "media", result_submissions=subs, **extra)
    answer(store, "P01", "m3", D(2016, 9, 1), actions="afml", a1_id="1", a1_progress="done", a2_id="2", a2_progress="done")
    answer(store, "P02", "m3", D(2016, 9, 1), actions="media")
    answer(store, "P04", "m3", D(2016, 9, 1), actions="afml training")
    for code, progress in (("P01", None), ("P02", "done"), ("P03", "dropped"), ("P04", "in_progress"), ("P05", None)):
        extra = {"a1_id": "1", "a1_progress": progress} if progress else {}
        answer(store, code, "m6", D(2016, 12, 1), actions="media", **extra)
    return _summary(store)


def test_the_typed_summary_carries_levels_3_and_4(summary):
    levels = summary.followup_levels
    done = levels.planned_done_by_m6
    # 6 planned actions: P01's two and P02's done, P03's dropped, P04's in progress, P05's no report
    assert (done.n, done.actions, done.done, done.pct_done) == (5, 6, 3, 50.0)
    assert done.by_progress == {"done": 3, "in_progress": 1, "not_started": 0, "dropped": 1, "no_report": 1}
    assert all(t.suppressed for t in done.by_type.values())  # afml planned by 3, the others by 1
    # over all rounds: afml P01 P03 P04 P05 (4 of 5), media all five, training P04
    by_type = levels.actions_by_type
    assert (by_type.n, by_type.by_type["afml"].trainees, by_type.by_type["afml"].pct) == (5, 4, 80.0)
    assert (by_type.by_type["media"].trainees, by_type.by_type["training"].trainees) == (5, 1)
    # m1 submissions: 1 + 0 + 0 + 2 + 0 = 3 in all, 2 of 5 reported one or more; meetings rest on 2 answers
    m1 = levels.outcomes["m1"]
    assert (m1["result_submissions"].n, m1["result_submissions"].total, m1["result_submissions"].any) == (5, 3, 2)
    assert m1["result_meetings"].suppressed and m1["result_meetings"].total is None
    assert Summary.model_validate_json(summary.to_json()) == summary
    assert "followup_levels" in schema()["properties"] and "FollowupLevels" in schema()["$defs"]


def test_the_follow_up_response_rate_is_the_status_rate(summary):
    """P06 withdrew: out of the base of every round (5 expected, not the roster's 6)."""
    rows = response_rates_table(summary)
    follow = rows[rows["form"] == "Follow-up form"].set_index("when")
    assert list(follow.index) == ["1 month after", "3 months after", "6 months after"]
    assert follow.loc["1 month after", ["responded", "expected", "rate", "lost"]].tolist() == [5, 5, 100.0, 0]
    # P03 and P05 missed m3 (one round missed each: overdue, not lost)
    assert follow.loc["3 months after", ["responded", "expected", "rate", "lost"]].tolist() == [3, 5, 60.0, 0]
    assert summary.response_rates["followup"]["m3"].model_dump() == {"responded": 3, "expected": 5, "rate": 60.0}
    page = Report(summary, COURSE).response_rates().data
    assert "Lost to follow-up" in page and "60.0 %" in page and "the roster less the withdrawn" in page


def test_the_page_shows_levels_3_and_4(summary):
    report = Report(summary, COURSE)
    behaviour, results = report.followup().data, report.results().data
    assert "Planned actions done by 6 months after" in behaviour and "50.0 % (3 of 6 actions)" in behaviour
    assert "80.0 % (4)" in behaviour  # afml over all rounds
    assert "1 month after: submissions made" in results and "3 in all; 2 trainees (40.0 %) reported one or more" in results
    assert "1 month after: meetings held with officials" in results and "not enough answers yet: 2 of the 5 needed" in results


def test_the_exports_carry_levels_3_and_4(summary, tmp_path):
    written = export(tmp_path / "pilot.csv", pd.DataFrame(columns=["participant"]), summary_tables(summary.published(), COURSE))
    levels = pd.read_csv(next(p for p in written if p.name == "pilot.levels.csv"), dtype=str, keep_default_na=False)
    done = levels[levels["measure"] == "Planned actions done"].iloc[0]
    assert (done["n"], done["count"], done["of"], done["pct"]) == ("5", "3", "6", "50.0")
    subs = levels[(levels["round"] == "1 month after") & (levels["measure"] == "Submissions made")].iloc[0]
    assert (subs["n"], subs["count"], subs["pct"]) == ("5", "3", "")
    path = write_report(tmp_path / "pilot.docx", summary, COURSE)
    cells = [c.text for t in docx.Document(path).tables for row in t.rows for c in row.cells]
    assert "50.0 % (3 of 6 actions)" in cells and "3 in all; 2 trainees (40.0 %) reported one or more" in cells
    assert "Lost to follow-up" in cells


def test_a_small_cohort_shows_no_level_3_or_4_figure_on_the_page_or_in_the_export(store, tmp_path):
    roster(store, ["P01", "P02", "P03", "P04"])
    (tmp_path / "plans.csv").write_text("".join(line + "\n" for line in PLANS.splitlines() if not line.startswith("P05")), encoding="utf-8")
    import_plans(store, tmp_path / "plans.csv", followup_actions(REPO), 6)
    for code in ("P01", "P02", "P03", "P04"):
        answer(store, code, "m1", D(2016, 7, 1), actions="afml", result_submissions=7, a1_id="1", a1_progress="done")
    summary = _summary(store)
    levels = summary.followup_levels
    assert levels.planned_done_by_m6.suppressed and levels.planned_done_by_m6.pct_done is None
    assert levels.actions_by_type.suppressed and levels.actions_by_type.by_type == {}
    assert levels.outcomes["m1"]["result_submissions"].suppressed
    assert all(r.suppressed and r.rate is None for r in levels.response_rates)
    assert "followup" not in summary.response_rates or summary.response_rates["followup"] == {}
    page = Report(summary, COURSE).followup().data + Report(summary, COURSE).results().data
    assert "not enough answers yet: 4 of the 5 needed" in page and "28 in all" not in page
    table = levels_table(summary, COURSE)
    assert table["count"].isna().all() and table["pct"].isna().all()
    assert set(table["note"]) == {"not enough answers yet: 4 of the 5 needed", "no answers yet"}  # m3 and m6: none
    rates = response_rates_table(summary)
    assert rates[rates["form"] == "Follow-up form"]["rate"].isna().all()


def test_a_type_hidden_by_the_threshold_cannot_come_back_by_subtraction():
    """Threshold alone: training (2 planners) is hidden. Combined: the total is the sum of the
    types, so total − afml − media would give training back; one more type goes."""
    five = lambda p: {f"{p}{i}" for i in range(5)}  # noqa: E731
    assert shown_types({"afml": five("A"), "media": five("M")}, 5) == {"afml", "media"}
    shown = shown_types({"afml": five("A"), "media": five("M"), "training": {"T1", "T2"}}, 5)
    assert len(shown) == 1 and shown <= {"afml", "media"}
    assert shown_types({"afml": five("A"), "training": {"T1"}}, 5) == set()  # the total less afml is T1


def test_a_roster_with_no_follow_up_yet_gives_empty_figures_not_an_error(store):
    roster(store, ["P01", "P02", "P03", "P04", "P05", "P06"])
    store.submit("end", {"overall": 4, "recommend": 8}, participant="P01")
    levels = _summary(store).followup_levels
    assert levels.actions_by_type.model_dump() == {"n": 0, "suppressed": True, "by_type": {}}
    assert levels.outcomes["m1"]["result_submissions"].n == 0
    assert [(r.round, r.answered, r.expected) for r in levels.response_rates] == [("m1", 0, 6), ("m3", 0, 6), ("m6", 0, 6)]
