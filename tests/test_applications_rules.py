"""The call's rules as pure functions: the rubric in course.yml, eligibility with every reason,
and reviewers' agreement against Krippendorff's published worked example."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from pydantic import ValidationError

from apphelpers import COUNTRIES, GOOD_ANSWERS, rubric, submitted
from conftest import REPO
from trainingkit.applications.agreement import STATISTIC, agreement, alpha, to_discuss
from trainingkit.applications.eligibility import reasons
from trainingkit.applications.scoring import final_scores
from trainingkit.course import load_config
from trainingkit.errors import TrainingkitError

# -- the rubric ------------------------------------------------------------------------------


def test_the_course_call_follows_the_pilot():
    sel = load_config(REPO).selection
    assert (sel.places, str(sel.deadline), str(sel.closes), str(sel.notify_by)) == (20, "2016-03-27", "2016-04-12", "2016-04-15")
    assert [c.id for c in sel.criteria] == ["advocacy", "leadership", "english", "commitment"]
    assert set(sel.countries) == set(COUNTRIES) and sel.org_cap == 2 and sel.member_bonus == 2


@pytest.mark.parametrize("changes, message", [
    ({"extensions": ["2016-03-01"]}, "each must come after the deadline"),
    ({"notify_by": "2016-04-01"}, "notify_by 2016-04-01 is before the call closes (2016-04-12)"),
    ({"countries": {"Laos": {"min": 3}, "Thailand": {"min": 2}}}, "the minimums add up to 5, more than the 4 places"),
    ({"countries": {"Laos": {"min": 3, "max": 1}}}, "max 1 is below min 3"),
    ({"criteria": [{"id": "x", "label": "X", "scale": [1, 3], "weight": 1, "descriptors": {1: "a", 2: "b"}}]},
     "give one for each score 1..3 (given: 1, 2)"),
])
def test_a_rubric_that_does_not_add_up_is_refused(changes, message):
    with pytest.raises(ValidationError) as info:
        rubric(**changes)
    assert message in str(info.value)


def test_bounds_for_a_country_outside_the_course_are_refused(tmp_path):
    text = (REPO / "course.yml").read_text(encoding="utf-8").replace("    Vietnam: {min: 2, max: 6}", "    Malaysia: {min: 2, max: 6}")
    (tmp_path / "course.yml").write_text(text, encoding="utf-8")
    with pytest.raises(TrainingkitError) as info:
        load_config(tmp_path)
    assert "selection.countries: Malaysia not in countries" in str(info.value)


# -- eligibility: each rule with an application that breaks it ---------------------------------

def test_a_complete_application_on_time_is_eligible():
    assert reasons(GOOD_ANSWERS, submitted("2016-03-27"), rubric(), COUNTRIES) == []


def test_an_application_within_the_extension_is_eligible():
    assert reasons(GOOD_ANSWERS, submitted("2016-04-12"), rubric(), COUNTRIES) == []


def test_a_pending_signature_with_a_date_is_eligible():
    answers = {**GOOD_ANSWERS, "moa_signed_head": "pending", "moa_pending_until": "2016-04-20"}
    assert reasons(answers, submitted("2016-04-01"), rubric(), COUNTRIES) == []


@pytest.mark.parametrize("changes, day, expected", [
    ({"country": "Malaysia"}, "2016-04-01",
     "country 'Malaysia' is not one of the course's (Cambodia, Laos, Myanmar, Thailand, Vietnam)"),
    ({}, "2016-04-13", "submitted on 2016-04-13, after the call closed on 2016-04-12 (deadline 2016-03-27, extended to 2016-04-12)"),
    ({"endorsed": "no"}, "2016-04-01", "not endorsed by the organisation"),
    ({"moa_signed_applicant": "no"}, "2016-04-01", "Memorandum of Agreement not signed by the applicant"),
    ({"moa_signed_head": None}, "2016-04-01", "Memorandum of Agreement not signed by the head of the organisation"),
    ({"moa_signed_head": "pending"}, "2016-04-01",
     "Memorandum of Agreement: the signature of the head of the organisation is pending with no date it will be signed by"),
    ({"moa_signed_applicant": "pending", "moa_pending_until": "soon"}, "2016-04-01",
     "Memorandum of Agreement: the signature of the applicant is pending with no date it will be signed by"),
    ({"commitment_6_months": "no"}, "2016-04-01", "no commitment to six months of follow-up"),
    ({"can_travel": float("nan")}, "2016-04-01", "cannot travel to other ASEAN countries"),
])
def test_each_broken_rule_gives_its_reason(changes, day, expected):
    assert reasons({**GOOD_ANSWERS, **changes}, submitted(day), rubric(), COUNTRIES) == [expected]


def test_every_broken_rule_is_listed_not_just_the_first():
    answers = {**GOOD_ANSWERS, "endorsed": "no", "can_travel": "no"}
    found = reasons(answers, submitted("2016-05-01"), rubric(extensions=[]), COUNTRIES)
    assert found == ["submitted on 2016-05-01, after the call closed on 2016-03-27", "not endorsed by the organisation",
                     "cannot travel to other ASEAN countries"]


# -- scores ---------------------------------------------------------------------------------------

def test_the_final_score_is_the_mean_weighted_total_plus_the_member_bonus():
    scores = pd.DataFrame([("A1", "R1", "advocacy", 4), ("A1", "R1", "english", 3),   # 2*4 + 3 = 11
                           ("A1", "R2", "advocacy", 3), ("A1", "R2", "english", 2),   # 2*3 + 2 = 8
                           ("A2", "R1", "advocacy", 5), ("A2", "R1", "english", 1),   # 11
                           ("A2", "R2", "advocacy", 5)],                              # incomplete: not counted
                          columns=["applicant", "reviewer", "criterion", "score"])
    finals = final_scores(scores, rubric(), {"A1": True, "A2": False, "A3": True}).set_index("applicant")
    assert finals.loc["A1", ["reviews", "total", "bonus", "final"]].tolist() == [2, 9.5, 1.0, 10.5]
    assert finals.loc["A2", ["reviews", "final"]].tolist() == [1, 11.0]
    assert finals.loc["A3", "reviews"] == 0 and np.isnan(finals.loc["A3", "final"])


# -- agreement ------------------------------------------------------------------------------------

# Krippendorff, K. (2011). Computing Krippendorff's Alpha-Reliability, section C: 4 observers,
# 12 units, values 1-5, with missing values. Published: nominal .743, ordinal .815, interval .849.
N = np.nan
KRIPPENDORFF_2011 = np.array([
    [1, 2, 3, 3, 2, 1, 4, 1, 2, N, N, N],
    [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, N, 3],
    [N, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, N],
    [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, N],
])


@pytest.mark.parametrize("level, published", [("nominal", 0.743), ("ordinal", 0.815), ("interval", 0.849)])
def test_alpha_matches_krippendorffs_worked_example(level, published):
    assert round(alpha(KRIPPENDORFF_2011, level), 3) == published


def test_agreement_over_reviews_names_its_statistic_and_flags_gaps_of_two():
    rows = []
    for unit, column in enumerate(KRIPPENDORFF_2011.T):
        for reviewer, value in enumerate(column):
            if not np.isnan(value):
                rows.append((f"A{unit:02d}", f"R{reviewer}", "advocacy", int(value)))
    scores = pd.DataFrame(rows, columns=["applicant", "reviewer", "criterion", "score"])
    result = agreement(scores, rubric().criteria[:1])
    assert result["statistic"] == STATISTIC == "Krippendorff's alpha (ordinal)"
    assert round(result["alpha"], 3) == 0.815 and round(result["per_criterion"]["advocacy"], 3) == 0.815
    # Unit 6 (A05) was scored 1, 2, 3 and 4: a gap of 3. No other unit differs by 2.
    assert result["discuss"] == [{"applicant": "A05", "criterion": "advocacy", "low": 1, "high": 4}]


def test_agreement_is_undefined_with_one_reviewer():
    scores = pd.DataFrame([("A1", "R1", "advocacy", 3), ("A2", "R1", "advocacy", 5)],
                          columns=["applicant", "reviewer", "criterion", "score"])
    assert agreement(scores, rubric().criteria[:1])["alpha"] is None
    assert to_discuss(scores) == []
