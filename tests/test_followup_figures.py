"""Levels 3 and 4 against hand-computed values, and the privacy threshold on every figure."""
from __future__ import annotations

import datetime as dt

import pytest

from conftest import REPO
from followup_helpers import answer, roster
from trainingkit.course import load_course
from trainingkit.errors import TrainingkitError
from trainingkit.exercises.actionplan import followup_actions
from trainingkit.followup import followup_figures, followup_status, import_plans

D = dt.date
PLANS = ("participant,action_id,action,due,indicator,type\n"
         "P01,1,Submission to the AFML workshop,2016-09-30,1 sent,afml\n"
         "P01,2,Train partner staff,2016-08-31,15 trained,training\n"
         "P02,1,Article on the Cebu Declaration,2016-11-15,1 article,media\n"
         "P03,1,Collect wage data,2016-10-31,30 interviews,evidence\n"
         "P04,1,Input to the AFML,2016-10-15,1 input,afml\n"
         "P05,1,Input to the AFML,2016-10-15,1 input,afml\n")


@pytest.fixture
def figures(store, tmp_path):
    roster(store, ["P01", "P02", "P03", "P04", "P05", "P06"])
    path = tmp_path / "plans.csv"
    path.write_text(PLANS, encoding="utf-8")
    import_plans(store, path, followup_actions(REPO), 6)
    # m1: five respondents; P02 answers twice and only the later answer counts
    answer(store, "P01", "m1", D(2016, 7, 1), actions="afml media", result_submissions=1, result_meetings=2,
           a1_id="1", a1_progress="in_progress", a2_id="2", a2_progress="done",
           actions_detail="We met the labour ministry; call me on +66 81 234 5678")
    answer(store, "P02", "m1", D(2016, 7, 1), actions="afml", result_submissions=3)
    answer(store, "P02", "m1", D(2016, 7, 3), actions="media", result_submissions=0, result_meetings=1,
           a1_id="1", a1_progress="not_started")
    answer(store, "P03", "m1", D(2016, 7, 2), engaged="no", result_submissions=0)
    answer(store, "P04", "m1", D(2016, 7, 2), actions="afml training", result_submissions=2)
    answer(store, "P05", "m1", D(2016, 7, 4), actions="afml", result_submissions=0)
    # m3: three respondents, fewer than min_cell
    answer(store, "P01", "m3", D(2016, 9, 1), actions="afml", a1_id="1", a1_progress="done", actions_detail="A small story")
    answer(store, "P02", "m3", D(2016, 9, 1), actions="media")
    answer(store, "P04", "m3", D(2016, 9, 1), actions="afml")
    # m6: five respondents
    answer(store, "P01", "m6", D(2016, 12, 1), actions="submission")
    answer(store, "P02", "m6", D(2016, 12, 1), actions="media", a1_id="1", a1_progress="done")
    answer(store, "P03", "m6", D(2016, 12, 1), engaged="no", a1_id="1", a1_progress="dropped")
    answer(store, "P04", "m6", D(2016, 12, 1), actions="afml", a1_id="1", a1_progress="in_progress")
    answer(store, "P05", "m6", D(2016, 12, 1), engaged="no")
    return followup_figures(store, load_course(REPO), "pilot-2016", D(2016, 12, 31), 5)


def test_actions_by_round_count_each_trainees_latest_answer(figures):
    m1 = figures["actions_by_round"]["m1"]
    assert m1["n"] == 5
    assert m1["engaged"] == {"n": 5, "yes": 4, "pct": 80.0}
    assert m1["by_type"]["afml"] == {"count": 3, "pct": 60.0}   # P01, P04, P05 (not P02's first answer)
    assert m1["by_type"]["media"] == {"count": 2, "pct": 40.0}  # P01, P02
    assert m1["by_type"]["training"] == {"count": 1, "pct": 20.0}
    assert figures["actions_by_round"]["m3"] == {"n": 3, "suppressed": True}


def test_actions_by_type_count_trainees_over_all_rounds(figures):
    by_type = figures["actions_by_type"]
    assert by_type["n"] == 5
    assert {t: v["trainees"] for t, v in by_type["by_type"].items() if v["trainees"]} == {
        "afml": 3, "media": 2, "training": 1, "submission": 1}


def test_share_of_planned_actions_done_by_month_6(figures):
    done = figures["planned_done_by_m6"]
    # P01: 1 done (m3), 2 done (m1); P02 done (m6); P03 dropped; P04 in progress; P05 never reported
    assert (done["n"], done["actions"], done["done"], done["pct_done"]) == (5, 6, 3, 50.0)
    assert done["by_progress"] == {"done": 3, "in_progress": 1, "not_started": 0, "dropped": 1, "no_report": 1}
    assert done["by_type"]["afml"] == {"n": 3, "suppressed": True}  # planned by three trainees only


def test_outcomes_reported_per_round_with_their_n(figures):
    m1 = figures["outcomes"]["m1"]
    assert m1["result_submissions"] == {"n": 5, "total": 3, "any": 2, "pct_any": 40.0}
    assert m1["result_meetings"] == {"n": 2, "suppressed": True}


def test_stories_are_masked_and_none_come_from_a_small_round(figures):
    assert figures["stories"]["m1"] == {"n": 5, "stories": ["We met the labour ministry; call me on [phone removed]"]}
    assert figures["stories"]["m3"] == {"n": 3, "suppressed": True}


def test_response_rates_come_with_their_n(figures):
    m1, m3, m6 = figures["response_rates"]
    assert (m1["round"], m1["expected"], m1["answered"], m1["rate"]) == ("m1", 6, 5, 83.3)
    # P06 never answers: m1 overdue, m3 and m6 lost; P03, P05 and P06 missed m3
    assert (m3["answered"], m3["rate"], m3["lost"]) == (3, 50.0, 1)
    assert (m6["answered"], m6["rate"], m6["lost"]) == (5, 83.3, 1)


def test_every_figure_is_suppressed_for_a_cohort_below_the_threshold(store, tmp_path):
    roster(store, ["P01", "P02", "P03", "P04"])
    for code in ("P01", "P02", "P03", "P04"):
        answer(store, code, "m1", D(2016, 7, 1), actions="afml", result_submissions=1, actions_detail="A story")
    figures = followup_figures(store, load_course(REPO), "pilot-2016", D(2016, 12, 31), 5)
    assert all(r["suppressed"] and r["rate"] is None for r in figures["response_rates"])
    assert figures["actions_by_round"]["m1"] == {"n": 4, "suppressed": True}
    assert figures["actions_by_type"] == {"n": 4, "suppressed": True}
    assert figures["planned_done_by_m6"] == {"n": 0, "suppressed": True}
    assert figures["outcomes"]["m1"]["result_submissions"] == {"n": 4, "suppressed": True}
    assert figures["stories"]["m1"] == {"n": 4, "suppressed": True}
    with pytest.raises(TrainingkitError, match="too small"):
        followup_figures(store, load_course(REPO), "pilot-2016", D(2016, 12, 31), 2)


def test_a_marked_older_version_is_the_one_status_and_figures_count(store, figures):
    """P02 answered m1 twice; the organiser marks the first (``feedback history P02 --count ID``).
    Status, rates and every level 3 and 4 figure then read that version, by the store's one rule."""
    versions = store.history("P02")
    first = versions[(versions["form_id"] == "followup") & (versions["occasion"] == "m1")].sort_values("submitted_at").iloc[0]
    store.mark_version(first["response_id"])
    course = load_course(REPO)
    marked = followup_figures(store, course, "pilot-2016", D(2016, 12, 31), 5)
    m1 = marked["actions_by_round"]["m1"]
    # P02's first m1 answer ticked afml, not media: afml P01 P02 P04 P05, media P01 only
    assert (m1["n"], m1["by_type"]["afml"], m1["by_type"]["media"]) == (5, {"count": 4, "pct": 80.0}, {"count": 1, "pct": 20.0})
    assert figures["actions_by_round"]["m1"]["by_type"]["afml"]["count"] == 3  # before the mark
    # result_submissions at m1: P01 1, P02 3 (was 0), P03 0, P04 2, P05 0
    assert marked["outcomes"]["m1"]["result_submissions"] == {"n": 5, "total": 6, "any": 3, "pct_any": 60.0}
    # the marked version carries no a1 report: P02's action 1 is still done (m6), nothing else moves
    assert marked["planned_done_by_m6"]["done"] == 3
    assert marked["response_rates"] == figures["response_rates"]  # the round is answered either way
    status = followup_status(store, course, "pilot-2016", D(2016, 12, 31))
    p02 = next(r for r in status.rows if (r.participant, r.round) == ("P02", "m1"))
    assert (p02.status, p02.answered_on) == ("answered", D(2016, 7, 1))  # the marked version's day, not 3 July's
