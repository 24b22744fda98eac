"""Every metric against small hand-computed cases (ties, missing answers, a trainee in pre only,
all-equal answers, groups at and below the threshold)."""
import json

import pandas as pd
import pytest
from scipy import stats

from trainingkit.course import load_course
from trainingkit.errors import TrainingkitError
from trainingkit.evaluation.metrics import likert_summary, median_from_counts, nps_summary, pre_post_summary
from trainingkit.evaluation.privacy import mask_text, protect
from trainingkit.evaluation.summary import summarise
from trainingkit.evaluation.tallies import tallies_from_answers

from evaluationcases import daily, tidy


def test_likert_summary_with_an_odd_number_of_answers():
    assert likert_summary({1: 1, 3: 2, 4: 3, 5: 1}) == {
        "n": 7, "mean": 3.43, "median": 4.0, "top2_pct": 57.1,
        "dist": {"1": 1, "2": 0, "3": 2, "4": 3, "5": 1},
    }


def test_likert_median_of_an_even_number_of_answers_is_the_mean_of_the_middle_two():
    assert median_from_counts({2: 2, 4: 2}) == 3.0
    assert likert_summary({2: 2, 4: 2})["top2_pct"] == 50.0


def test_likert_summary_with_no_answers_has_n_0_and_no_figures():
    assert likert_summary({}) == {"n": 0, "mean": None, "median": None, "top2_pct": None, "dist": {str(v): 0 for v in range(1, 6)}}


def test_nps_is_promoters_minus_detractors_in_percent():
    assert nps_summary({10: 1, 9: 2, 8: 1, 7: 1, 6: 1, 3: 1, 0: 1})["score"] == 0.0
    result = nps_summary({10: 2, 9: 1, 7: 1})
    assert (result["n"], result["score"], result["promoters_pct"], result["detractors_pct"]) == (4, 75.0, 75.0, 0.0)


def test_pre_post_pairs_only_trainees_with_both_forms():
    pre = pd.Series({"A": 2, "B": 3, "C": 2, "D": 1, "E": 3, "F": 2, "G": 4, "H": 3})
    post = pd.Series({"A": 4, "B": 3, "C": 4, "D": 3, "E": 4, "F": 2, "G": 5})  # H left early
    result = pre_post_summary(pre, post)
    expected_p = stats.wilcoxon([4, 3, 4, 3, 4, 2, 5], [2, 3, 2, 1, 3, 2, 4], zero_method="pratt", method="approx").pvalue
    assert result == {
        "n_pairs": 7, "mean_pre": 2.43, "mean_post": 3.57, "mean_change": 1.14,
        "improved_pct": 71.4, "same_pct": 28.6, "worse_pct": 0.0, "wilcoxon_p": round(expected_p, 4),
    }


def test_no_wilcoxon_below_six_pairs_and_p_1_when_nobody_changed():
    five = pd.Series({k: 3 for k in "ABCDE"})
    assert pre_post_summary(five, five + 1)["wilcoxon_p"] is None
    six = pd.Series({k: 3 for k in "ABCDEF"})
    result = pre_post_summary(six, six)
    assert (result["n_pairs"], result["mean_change"], result["wilcoxon_p"]) == (6, 0.0, 1.0)


def _one_attribute(sizes):
    people = {f"{g}{i}": (g,) for g, n in sizes.items() for i in range(n)}
    return protect(people, ("country",), 5)["country"]


def test_groups_at_the_threshold_are_shown_and_below_it_suppressed_with_a_second_group():
    # Laos (2) is hidden; Thailand (5) too, else the total minus Cambodia would give Laos back
    assert _one_attribute({"Cambodia": 6, "Thailand": 5, "Laos": 2}) == {"Cambodia"}
    assert _one_attribute({"a": 5, "b": 7}) == {"a", "b"}


def test_small_groups_are_suppressed_until_together_they_reach_the_threshold():
    assert _one_attribute({"A": 8, "B": 9, "C": 2, "D": 2}) == {"B"}


def test_text_is_masked_but_years_and_wages_are_not():
    text = "Write to a.b@example.org or call +66 81 234 5678. The 2016 demand was 421 baht. Ask Somchai."
    assert mask_text(text, names=["Somchai"]) == (
        "Write to [e-mail removed] or call [phone removed]. The 2016 demand was 421 baht. Ask [name removed]."
    )


def course_answers():
    rows = []
    # day 1: four trainees; T1 sends day 1 twice (only the later one counts)
    rows += daily("r1", "T1", 1, {"d1-s1": 2, "d1-s2": 5}, when="2016-06-04T16:40", comment="Too fast")
    rows += daily("r1b", "T1", 1, {"d1-s1": 4, "d1-s2": 5}, when="2016-06-04T16:55", comment="Good map work", pace="right")
    rows += daily("r2", "T2", 1, {"d1-s1": 5, "d1-s2": 4}, pace="too_fast")
    rows += daily("r3", "T3", 1, {"d1-s1": 3, "d1-s2": 4}, comment="Email me at t3@example.org")
    rows += daily("r4", "T4", 1, {"d1-s1": 4, "d1-s2": ""})  # did not rate d1-s2
    rows += daily("r5", "T1", 2, {"d2-s1": 4})
    for rid, who, c in [("p1", "T1", 2), ("p2", "T2", 3), ("p3", "T3", 2), ("p4", "T4", 4)]:
        rows.append((rid, "pre", who, "2016-06-04T09:30", "", "c_analysis", str(c)))
    for rid, who, c in [("q1", "T1", 4), ("q2", "T2", 3), ("q3", "T3", 5)]:  # T4 left early
        rows.append((rid, "post", who, "2016-06-08T16:00", "", "c_analysis", str(c)))
    for rid, who, overall, rec in [("e1", "T1", 5, 10), ("e2", "T2", 4, 8), ("e3", "T3", 3, 6)]:
        rows += [(rid, "end", who, "2016-06-08T16:10", "", "overall", str(overall)),
                 (rid, "end", who, "2016-06-08T16:10", "", "recommend", str(rec))]
    rows += [("e1", "end", "T1", "2016-06-08T16:10", "", "most_useful", "=HYPERLINK(\"x\") the power map")]
    for rid, who, eng, acts in [("f1", "T1", "yes", "afml media"), ("f2", "T2", "no", ""), ("f3", "T3", "yes", "afml")]:
        rows += [(rid, "followup", who, "2016-07-08T10:00", "", "round", "m1"),
                 (rid, "followup", who, "2016-07-08T10:00", "", "engaged", eng),
                 (rid, "followup", who, "2016-07-08T10:00", "", "actions", acts)]
    return tidy(rows)


ROSTER = pd.DataFrame(
    {"participant": ["T1", "T2", "T3", "T4", "T5"], "country": ["Cambodia", "Cambodia", "Thailand", "Thailand", "Myanmar"],
     "org_type": ["NGO"] * 5, "member": ["yes", "yes", "no", "yes", "no"]}
)


@pytest.fixture
def summary(course_dir):
    course = load_course(course_dir)
    return summarise(tallies_from_answers(course_answers(), ROSTER), course, expected=5, min_cell=3)


def test_sessions_count_the_latest_response_per_trainee_and_skip_missing_answers(summary):
    assert summary.sessions["d1-s1"]["useful"].model_dump() == {
        "n": 4, "suppressed": False, "mean": 4.0, "median": 4.0, "top2_pct": 75.0, "dist": {"1": 0, "2": 0, "3": 1, "4": 2, "5": 1}
    }
    assert summary.sessions["d1-s2"]["useful"].n == 3
    assert list(summary.sessions) == ["d1-s1", "d1-s2", "d2-s1"]  # programme order
    # one trainee alone on day 2: the count is said, the figure is not
    assert summary.sessions["d2-s1"]["useful"].model_dump() == {
        "n": 1, "suppressed": True, "mean": None, "median": None, "top2_pct": None, "dist": None}


def test_pre_post_leaves_out_the_trainee_who_left_early(summary):
    item = summary.pre_post["c_analysis"]
    assert (item.n_pairs, item.mean_pre, item.mean_post, item.mean_change, item.improved_pct, item.wilcoxon_p) == (
        3, 2.33, 4.0, 1.67, 66.7, None
    )


def test_response_rates_use_the_roster_as_denominator(summary):
    rates = summary.model_dump()["response_rates"]
    assert rates["pre"] == {"responded": 4, "expected": 5, "rate": 80.0}
    assert rates["daily"] == {"1": {"responded": 4, "expected": 5, "rate": 80.0}, "2": {"responded": 1, "expected": 5, "rate": 20.0}}
    assert rates["followup"] == {"m1": {"responded": 3, "expected": 5, "rate": 60.0}}
    assert list(rates) == ["pre", "daily", "post", "end", "followup"]  # course order


def test_nps_end_and_followup(summary):
    assert (summary.nps.n, summary.nps.score) == (3, 0.0)
    assert summary.end.overall.mean == 4.0
    assert summary.followup["m1"].engaged.model_dump() == {"n": 3, "suppressed": False, "yes": 2, "pct": 66.7}
    # two trainees ticked actions: fewer than min_cell (3), so no action shares
    assert summary.followup["m1"].actions.model_dump() == {"n": 2, "suppressed": True, "by_type": {}}


def test_breakdowns_suppress_groups_below_min_cell(summary, course_dir):
    by_country = summary.model_dump()["breakdowns"]["country"]
    hidden = {"suppressed": True, "n": None, "means": {}}
    countries = load_course(course_dir).config.countries
    # 2 each, min_cell 3: all hidden; the labels are course.yml's list (or one "other groups"), so they tell nothing
    assert by_country == ({c: hidden for c in countries} if countries else {"other groups": hidden})


def test_comments_are_course_level_and_masked(summary):
    assert summary.comments.sessions["d1-s1"] == ["Good map work", "Email me at [e-mail removed]"]
    assert summary.end.most_useful == ['=HYPERLINK("x") the power map']  # escaped where shown
    assert "d2-s1" not in summary.comments.sessions  # day 2: one respondent, so no comments


def test_min_cell_below_3_is_refused(course_dir):
    with pytest.raises(TrainingkitError, match="--min-cell 2 is too small"):
        summarise(tallies_from_answers(course_answers(), ROSTER), load_course(course_dir), expected=5, min_cell=2)


def test_suppressed_figures_cannot_be_recovered_from_totals_in_the_json(course_dir):
    rows = []
    people = {f"K{i}": "Cambodia" for i in range(6)} | {f"T{i}": "Thailand" for i in range(5)} | {"L0": "Laos", "L1": "Laos"}
    for i, who in enumerate(people):
        rows += daily(f"r{i}", who, 1, {"d1-s1": 1 + i % 5})
    roster = pd.DataFrame({"participant": list(people), "country": list(people.values()), "org_type": "NGO", "member": "yes"})
    summary = summarise(tallies_from_answers(tidy(rows), roster), load_course(course_dir), expected=13, min_cell=5)
    country = summary.model_dump()["breakdowns"]["country"]
    shown = {g: s for g, s in country.items() if not s["suppressed"]}
    assert set(shown) == {"Cambodia"}
    # what a reader can recover: total respondents minus those shown = the hidden groups together
    total = summary.response_rates["daily"]["1"].responded
    assert total - sum(s["n"] for s in shown.values()) == 7 >= summary.min_cell
    assert all(s == {"suppressed": True, "n": None, "means": {}} for g, s in country.items() if g not in shown)
