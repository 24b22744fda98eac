"""The ASEAN advocacy calendar (ex-asean-calendar): the trainer's events file, the checks for
impossible sequences with their hints, the timeline, saved plans, and the notebook run fresh."""
import pandas as pd
import pytest
from frictionless import Package, validate

from trainingkit.errors import TrainingkitError
from trainingkit.exercises.calendar.checks import check_all, check_events_named, check_months, check_steps
from trainingkit.exercises.calendar.model import Event, clean_activities, load_events, month_name
from trainingkit.exercises.calendar.view import Calendar, events_html, timeline_alt, timeline_figure
from trainingkit.exercises.kit.work import SavedWork

from conftest import REPO
from exercise_notebooks import cells_tagged, html_outputs, participant_text, untagged_html

EVENTS = (
    Event("npw", "National preparatory workshop for the AFML", "National preparatory workshop",
          "national-preparatory-workshop", 8, "Before the AFML."),
    Event("afml", "ASEAN Forum on Migrant Labour (AFML)", "AFML", "afml", 10, "Yearly."),
    Event("acsc-apf", "ACSC/APF", "ACSC/APF", "acsc-apf", 11, "Beside the Summit."),
)


def step(what, kind, event, month):
    return {"what": what, "kind": kind, "event": event, "month": month}


def good_plan():
    return [
        step("Collect workers' accounts of fees", "evidence", "npw", 5),
        step("National consultation with partners", "consultation", "npw", 7),
        step("Recommendations to the workshop", "submission", "npw", 8),
        step("Report back to workers' groups", "follow-up", "afml", 11),
        step("Letter to the ministry", "follow-up", "afml", 13),
    ]


def test_a_possible_plan_passes_every_check():
    results = check_all(good_plan(), EVENTS)
    assert [r.ok for r in results] == [True] * 4
    assert results[-1].message == "No impossible sequences: every step comes in a possible order."


def test_a_submission_to_the_workshop_after_the_afml_it_prepares_is_caught():
    plan = good_plan()
    plan[2]["month"] = 11
    [problem] = [r for r in check_all(plan, EVENTS) if not r.ok]
    assert problem.message == ('"Recommendations to the workshop" goes to the National preparatory workshop for the AFML '
                               "in August, but is planned for November: after the AFML (October) that the workshop prepares.")
    assert "National preparatory workshops come before the AFML" in problem.hint
    assert "submit by August, or plan for next year's cycle" in problem.hint


def test_a_submission_after_its_event_but_before_the_afml_is_still_too_late():
    plan = good_plan()
    plan[2]["month"] = 9
    [problem] = [r for r in check_all(plan, EVENTS) if not r.ok]
    assert problem.message.endswith("is planned for September, after the National preparatory workshop for the AFML in August.")
    assert problem.hint.endswith("Move it to August or earlier.")


def test_follow_up_before_the_event_is_caught():
    plan = good_plan()
    plan[3]["month"] = 9
    [problem] = [r for r in check_all(plan, EVENTS) if not r.ok]
    assert problem.message == ('"Report back to workers\' groups" follows up the ASEAN Forum on Migrant Labour (AFML) '
                               "in October, but is planned for September, before it.")
    assert problem.hint.startswith("Follow-up comes after the event") and problem.hint.endswith("Move it to October or later.")


def test_evidence_planned_after_the_submission_it_supports_is_caught():
    plan = good_plan()
    plan[0]["month"] = 8
    plan[2]["month"] = 6
    messages = [r.message for r in check_all(plan, EVENTS) if not r.ok]
    assert messages == ['"Collect workers\' accounts of fees" (August) comes after the submission '
                        '"Recommendations to the workshop" (June) it should support.']


def test_an_activity_with_no_month_is_named_and_the_hint_says_why_months_matter():
    plan = good_plan()
    plan[1]["month"] = None
    result = check_months(plan)
    assert not result.ok and result.message == 'No month yet for: "National consultation with partners".'
    assert "the calendar can only show a clash when everything has a date" in result.hint


def test_a_step_without_its_event_is_named():
    plan = good_plan()
    plan[4]["event"] = ""
    result = check_events_named(plan)
    assert not result.ok and result.message == 'Say which event these belong to: "Letter to the ministry".'


def test_a_plan_missing_a_step_is_told_what_each_step_is():
    result = check_steps([a for a in good_plan() if a["kind"] != "consultation"])
    assert not result.ok and result.message == "Your plan has no national consultation yet."
    assert "hold a national consultation to agree recommendations" in result.hint


def test_an_empty_plan_gets_only_the_steps_check():
    assert [r.message for r in check_all([], EVENTS)] == [
        "Your plan has no prepare evidence, national consultation, submission, follow-up yet."]


def test_months_after_december_are_the_next_year():
    assert [month_name(m) for m in (1, 12, 13, 15, None)] == [
        "January", "December", "January next year", "March next year", "no month"]


def test_saved_activities_with_unknown_values_are_blanked_not_trusted():
    saved = [step("A", "lobbying", "gone", 16), "junk", step("B", "submission", "afml", 10)]
    assert clean_activities(saved, EVENTS) == [step("A", "other", "", None), step("B", "submission", "afml", 10)]


def test_the_example_file_has_both_summits_and_says_it_is_an_example():
    events = load_events()
    assert sorted(e.kind for e in events) == ["acsc-apf", "afml", "asean-summit", "asean-summit", "national-preparatory-workshop"]
    assert [e.month for e in events if e.kind == "asean-summit"] == [5, 11]  # the Summit meets twice a year
    assert "example months unless your trainer set this year&#x27;s dates" in events_html(events)
    resource = Package(str(REPO / "datasets/datapackage.yaml")).get_resource("asean-calendar-example")
    assert validate(resource).valid
    assert resource.custom["synthetic"] is True and not resource.sources
    assert "synthetic" in resource.title and "not real dates" in resource.description


def frame(*rows):
    return pd.DataFrame([dict(zip(("id", "event", "short", "kind", "month", "note"), r)) for r in rows])


def test_a_month_outside_the_year_is_reported_with_line_and_field():
    with pytest.raises(TrainingkitError, match=r"asean-calendar-example.csv, line 2: field 'month' is '13'; write a month number from 1 to 12"):
        load_events(frame(("afml", "AFML", "AFML", "afml", 13, "")))


def test_a_workshop_after_the_afml_in_the_trainers_file_is_refused():
    rows = frame(("afml", "AFML", "AFML", "afml", 9, ""), ("npw", "Workshop", "Workshop", "national-preparatory-workshop", 10, ""))
    with pytest.raises(TrainingkitError, match=r"line 3: the national preparatory workshop \(October\) comes after the AFML it prepares \(September\)"):
        load_events(rows)


def test_an_unknown_event_kind_or_a_second_afml_is_refused():
    with pytest.raises(TrainingkitError, match=r"line 2: field 'kind' is 'summit'; use one of"):
        load_events(frame(("s", "Summit", "Summit", "summit", 11, "")))
    with pytest.raises(TrainingkitError, match=r"needs exactly one row of kind 'afml', found 2"):
        load_events(frame(("a", "AFML", "AFML", "afml", 10, ""), ("b", "AFML 2", "AFML 2", "afml", 11, "")))


def test_the_timeline_marks_impossible_steps_and_says_so_in_the_alt_text():
    plan = good_plan()
    plan[3]["month"] = 9
    fig = timeline_figure(plan, EVENTS)
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.texts].count("!") == 1
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert labels[:3] == ["National preparatory workshop", "AFML", "ACSC/APF"]
    assert labels[3] == "Prepare evidence: Collect workers' accounts of fees"  # activities sorted by month
    assert fig.get_suptitle() == "Advocacy calendar for the year" and ax.get_xlabel() == "Month"
    alt = timeline_alt(plan, EVENTS)
    assert "Follow-up: Report back to workers' groups, September, for the AFML (impossible order)." in alt
    assert "National preparatory workshop in August; AFML in October; ACSC/APF in November." in alt


def test_a_plan_is_saved_and_comes_back_in_the_planner(tmp_path):
    planner = Calendar(EVENTS, SavedWork("ex-asean-calendar", tmp_path))
    planner.add.click()
    planner.add.click()
    what, kind, event, month, _ = planner.rows.children[0].children
    what.value, kind.value, event.value, month.value = "Recommendations to the workshop", "submission", "npw", 8
    planner.rows.children[1].children[4].click()  # remove the second, empty row

    again = Calendar(EVENTS, SavedWork("ex-asean-calendar", tmp_path))
    assert again.activities() == [step("Recommendations to the workshop", "submission", "npw", 8)]
    assert again.rows.children[0].children[3].label == "August"


def test_a_new_planner_starts_empty_and_writes_nothing(tmp_path):
    planner = Calendar(EVENTS, SavedWork("ex-asean-calendar", tmp_path))
    assert planner.activities() == [] and not list(tmp_path.iterdir())


@pytest.mark.slow
def test_the_notebook_shows_the_events_and_its_model_plan_passes(executed_exercise):
    nb = executed_exercise("ex-asean-calendar").nb
    shown = untagged_html(nb)
    assert "No activities planned yet." in shown and "example months unless your trainer set" in shown
    model = "".join(html_outputs(c) for c in cells_tagged(nb, "solution"))
    assert model.count("✔") == 4 and "✘" not in model
    assert "Write to the labour ministry" not in participant_text(nb)
