"""Follow-up statuses on given days: before, inside and after a round's window, lost after two
missed rounds, withdrawn; response rates with their n and the privacy threshold."""
from __future__ import annotations

import datetime as dt

import pytest

from followup_helpers import PILOT_END, answer, course_with, roster
from trainingkit.course import load_course
from trainingkit.errors import TrainingkitError
from trainingkit.followup import followup_status, withdraw
from trainingkit.followup.schedule import add_months, rounds
from trainingkit.followup.status import classify
from conftest import REPO

CODES = ["P01", "P02", "P03", "P04", "P05", "P06"]


@pytest.fixture
def course():
    return load_course(REPO)


def statuses(store, course, on):
    s = followup_status(store, course, "pilot-2016", on)
    return {(r.participant, r.round): r.status for r in s.rows}, s


def test_rounds_are_due_1_3_and_6_calendar_months_after_the_last_day_with_a_14_day_window(course):
    m1, m3, m6 = rounds(course.config.cohorts["pilot-2016"].last_day, [1, 3, 6], 14)
    assert (m1.id, m1.due, m1.opens, m1.closes) == ("m1", dt.date(2016, 7, 8), dt.date(2016, 6, 24), dt.date(2016, 7, 22))
    assert m3.due == dt.date(2016, 9, 8) and m6.due == dt.date(2016, 12, 8)
    assert add_months(dt.date(2027, 1, 31), 1) == dt.date(2027, 2, 28)  # no 31 February


@pytest.mark.parametrize("on, expected", [
    (dt.date(2016, 6, 23), "upcoming"),   # the day before the window opens
    (dt.date(2016, 6, 24), "due"),        # first day of the window
    (dt.date(2016, 7, 22), "due"),        # last day of the window
    (dt.date(2016, 7, 23), "overdue"),    # the day after
])
def test_an_unanswered_round_before_inside_and_after_its_window(store, course, on, expected):
    roster(store, CODES)
    got, _ = statuses(store, course, on)
    assert got[("P01", "m1")] == expected
    assert got[("P01", "m3")] == "upcoming"


def test_two_missed_rounds_make_a_trainee_lost_and_an_answer_keeps_another_one_in(store, course):
    roster(store, CODES)
    answer(store, "P02", "m1", dt.date(2016, 7, 5))
    answer(store, "P03", "m3", dt.date(2016, 9, 30))  # late, after the window: still answered
    got, s = statuses(store, course, dt.date(2016, 9, 23))
    assert (got[("P01", "m1")], got[("P01", "m3")]) == ("overdue", "lost")
    assert (got[("P02", "m1")], got[("P02", "m3")]) == ("answered", "overdue")
    assert got[("P01", "m6")] == "upcoming"
    assert s.lost == {"P01", "P04", "P05", "P06"}
    got, _ = statuses(store, course, dt.date(2016, 10, 1))
    assert (got[("P03", "m1")], got[("P03", "m3")]) == ("overdue", "answered")


def test_a_withdrawn_trainee_is_withdrawn_in_every_round_not_answered_and_nothing_is_deleted(store, course):
    roster(store, CODES)
    answer(store, "P01", "m1", dt.date(2016, 7, 1))
    message = withdraw(store, "p01", "pilot-2016", dt.date(2016, 8, 1))
    assert "nothing deleted" in message
    got, _ = statuses(store, course, dt.date(2016, 9, 1))
    assert (got[("P01", "m1")], got[("P01", "m3")], got[("P01", "m6")]) == ("answered", "withdrawn", "withdrawn")
    got, _ = statuses(store, course, dt.date(2016, 7, 30))  # before the withdrawal it did not count
    assert got[("P01", "m3")] == "upcoming"
    assert len(store.responses("followup")) == 1
    assert "already withdrawn on 2016-08-01" in withdraw(store, "P01", "pilot-2016", dt.date(2016, 9, 1))


def test_withdraw_with_erase_deletes_the_trainees_responses_only(store, course):
    roster(store, CODES)
    store.set_tokens({"P01": "KGTHRND4", "P02": "5UXF44Z5"})
    first = answer(store, "P01", "m1", dt.date(2016, 7, 1))
    answer(store, "P01", "m1", dt.date(2016, 7, 2))
    store.mark_version(first)  # an organiser chose which version counts
    answer(store, "P02", "m1", dt.date(2016, 7, 1))
    assert "erased 2 responses" in withdraw(store, "P01", "pilot-2016", dt.date(2016, 8, 1), erase=True)
    assert list(store.responses("followup")["participant"]) == ["P02"]
    assert not store.token_matches("P01", "KGTHRND4") and store.token_matches("P02", "5UXF44Z5")
    got, _ = statuses(store, course, dt.date(2016, 9, 1))
    assert got[("P01", "m1")] == "withdrawn"


def test_response_rates_per_round_count_answered_of_expected_without_the_withdrawn(store, course):
    roster(store, CODES)
    for code in ("P01", "P02", "P03"):
        answer(store, code, "m1", dt.date(2016, 7, 1))
    withdraw(store, "P06", "pilot-2016", dt.date(2016, 6, 30))
    _, s = statuses(store, course, dt.date(2016, 7, 10))
    m1 = s.rates[0]
    assert (m1.round, m1.phase, m1.expected, m1.answered, m1.rate, m1.suppressed) == ("m1", "open", 5, 3, 60.0, False)


def test_a_rate_about_fewer_trainees_than_min_cell_is_suppressed(store, course):
    roster(store, CODES[:4])
    answer(store, "P01", "m1", dt.date(2016, 7, 1))
    _, s = statuses(store, course, dt.date(2016, 7, 10))
    assert s.rates[0].suppressed and s.rates[0].answered is None and s.rates[0].rate is None


def test_a_cohort_without_dates_or_roster_is_refused_with_what_to_do(store, course):
    with pytest.raises(TrainingkitError, match="cohort 'mekong-2027' has no dates"):
        followup_status(store, course, "mekong-2027", dt.date(2027, 1, 1))
    with pytest.raises(TrainingkitError, match="no roster"):
        followup_status(store, course, "pilot-2016", dt.date(2016, 7, 1))


def test_each_cohort_counts_from_its_own_last_day(store):
    course = course_with(**{"mekong-2027": (dt.date(2027, 3, 1), dt.date(2027, 3, 5))})
    roster(store, CODES)
    roster(store, ["Q01", "Q02", "Q03", "Q04", "Q05"], cohort="mekong-2027")
    answer(store, "Q01", "m1", dt.date(2027, 4, 1), cohort="mekong-2027")
    s = followup_status(store, course, "mekong-2027", dt.date(2027, 4, 10))
    assert s.rounds[0].due == dt.date(2027, 4, 5)
    assert {r.participant: r.status for r in s.rows if r.round == "m1"} == {
        "Q01": "answered", "Q02": "due", "Q03": "due", "Q04": "due", "Q05": "due"}


def test_classify_is_pure_and_a_third_missed_round_is_lost_too():
    rs = rounds(PILOT_END, [1, 3, 6], 14)
    rows = classify({"A"}, rs, {}, {}, dt.date(2017, 1, 1), lost_after=2)
    assert [r.status for r in rows] == ["overdue", "lost", "lost"]
    rows = classify({"A"}, rs, {}, {}, dt.date(2017, 1, 1), lost_after=3)
    assert [r.status for r in rows] == ["overdue", "overdue", "lost"]


def test_course_yml_rejects_a_cohort_that_ends_before_it_starts_and_rounds_out_of_order():
    from pydantic import ValidationError

    from trainingkit.course import CohortDates, FollowupPlan

    with pytest.raises(ValidationError, match="before first_day"):
        CohortDates(first_day=dt.date(2027, 3, 5), last_day=dt.date(2027, 3, 1))
    with pytest.raises(ValidationError, match="increasing"):
        FollowupPlan(rounds=[3, 1])
