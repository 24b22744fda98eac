"""Six-month action plan: action types come from the follow-up form; each action is checked for
SMART-ness; the plan is saved, reloads, and exports as Markdown and Word."""
import datetime as dt
import json

import docx
import pytest
import yaml

from trainingkit.errors import TrainingkitError
from trainingkit.exercises import SavedWork
from trainingkit.exercises.actionplan.checks import check_action, check_all
from trainingkit.exercises.actionplan.model import (
    EXERCISE_ID, FOLLOWUP_FORM, MODEL_COURSE_END, MODEL_PLAN, Action, export_plan, followup_actions, plan_end,
    plan_markdown,
)
from trainingkit.exercises.actionplan.view import ActionPlan

from conftest import REPO

END = dt.date(2016, 6, 8)  # the last day of the 2016 pilot


@pytest.fixture(scope="module")
def types():
    return followup_actions(REPO)


def good(**change):
    action = dict(kind="afml", what="Send a joint submission on recruitment fees to the national workshop",
                  target="The workshop's organisers in the labour ministry", by_when=dt.date(2016, 9, 30),
                  indicator="1 submission sent")
    return Action(**{**action, **change})


def test_action_types_are_the_choice_ids_of_the_followup_form_in_its_order(types):
    form = yaml.safe_load((REPO / FOLLOWUP_FORM).read_text(encoding="utf-8"))
    assert list(types) == [c["name"] for c in form["choices"]["actions"]]
    assert types["submission"] == "Sent a statement or submission to an ASEAN body (ACMW, AICHR or ACWC)"


def test_a_label_cut_by_an_unquoted_comma_is_refused_naming_the_choice(tmp_path):
    (tmp_path / "feedback/forms").mkdir(parents=True)
    (tmp_path / FOLLOWUP_FORM).write_text(
        "choices:\n  actions:\n    - {name: submission, label: {en: To an ASEAN body (ACMW, AICHR or ACWC)}}\n")
    with pytest.raises(TrainingkitError) as err:
        followup_actions(tmp_path)
    assert str(err.value) == ("feedback/forms/followup.yml: choices.actions[0] (submission): label has no text for "
                              "['AICHR or ACWC)']; quote a label that contains a comma")


def test_a_missing_form_is_named(tmp_path):
    with pytest.raises(TrainingkitError, match=r"^feedback/forms/followup.yml: cannot be read"):
        followup_actions(tmp_path)


def test_the_model_plan_is_smart(types):
    results = check_all(list(MODEL_PLAN), MODEL_COURSE_END, types)
    assert len(results) == 15 and all(r.ok for r in results)


def test_six_months_are_calendar_months_from_the_course_end():
    assert plan_end(END) == dt.date(2016, 12, 8)
    assert plan_end(dt.date(2016, 8, 31)) == dt.date(2017, 2, 28)


@pytest.mark.parametrize("change, message, hint", [
    (dict(kind=None), "Action 1, type: not chosen.",
     "Pick the kind of action from the list: the follow-up form asks about the same kinds, so you can report on your plan."),
    (dict(what="Lobby ASEAN"), "Action 1, what: not specific yet.", None),
    (dict(target="ASEAN"), "Action 1, target: too general.", None),
    (dict(target=" "), "Action 1, target: missing.", "Name who must act or listen: a ministry, an ASEAN body, a role."),
    (dict(by_when=None), "Action 1, by when: no date.", "Choose the date by which it will be done, at the latest 8 December 2016."),
    (dict(by_when=dt.date(2016, 6, 1)), "Action 1, by when: before the course ends.", None),
    (dict(by_when=dt.date(2016, 12, 9)), "Action 1, by when: more than six months away.",
     "The plan covers six months: choose a date by 8 December 2016, or a first step that fits in that time."),
    (dict(indicator="Submission sent to the organisers"), "Action 1, indicator: not measurable yet.", None),
])
def test_each_part_that_is_not_smart_gets_its_own_hint(types, change, message, hint):
    failures = [r for r in check_action(1, good(**change), END, types) if not r.ok]
    assert [r.message for r in failures] == [message]
    if hint:
        assert failures[0].hint == hint


def test_a_vague_target_hint_quotes_it_and_asks_for_a_role_not_a_person(types):
    hint = next(r.hint for r in check_action(2, good(target="the government."), END, types) if not r.ok)
    assert hint.startswith('"the government." names no one in particular.') and hint.endswith("Name roles, never a person.")


def test_a_plan_needs_a_course_end_and_one_action(types):
    assert check_all([good()], None, types)[0].message == "Course end: no date."
    assert check_all([Action(), Action()], END, types)[0].message == "Plan: no action yet."
    assert [r.message for r in check_all([Action(), good()], END, types)][0] == "Action 1, type: Took part in or sent input to the AFML or one of its national preparatory workshops."


def test_the_plan_exports_as_markdown_and_word_with_one_row_per_action(types, tmp_path):
    actions = [good(what="Ask | compare fees"), Action(), good(kind="media", what="Publish one article on recruitment fees in Thailand")]
    md, word = export_plan(actions, END, types, tmp_path)
    assert (md.name, word.name) == ("six-month-action-plan.md", "six-month-action-plan.docx")
    text = md.read_text(encoding="utf-8")
    assert text == plan_markdown(actions, END, types)
    assert "Course ended on 8 June 2016; this plan runs until 8 December 2016." in text
    assert "| 1 | Took part in or sent input to the AFML or one of its national preparatory workshops | Ask \\| compare fees |" in text
    assert text.count("\n| ") == 3  # header and two actions: the empty one is left out
    table = docx.Document(word).tables[0]
    assert [c.text for c in table.rows[0].cells] == ["#", "Type of action", "What", "Target", "By when", "Indicator"]
    assert [c.text for c in table.rows[2].cells][1:3] == [types["media"], "Publish one article on recruitment fees in Thailand"]
    assert len(table.rows) == 3


def test_a_fresh_form_shows_one_empty_action_and_saves_nothing(types, tmp_path):
    form = ActionPlan(SavedWork(EXERCISE_ID, tmp_path), types, today=END)
    assert form.course_end.value == END
    assert [a.is_empty() for a in form.actions()] == [True]
    assert list(tmp_path.iterdir()) == []


def test_the_plan_is_saved_as_it_is_typed_and_reloads_into_the_form(types, tmp_path):
    form = ActionPlan(SavedWork(EXERCISE_ID, tmp_path), types, today=dt.date(2030, 1, 1))
    form.course_end.value = END
    row = form.rows[0]
    row["kind"].value, row["what"].value, row["target"].value = "afml", good().what, good().target
    row["by_when"].value, row["indicator"].value = dt.date(2016, 9, 30), "1 submission sent"
    form.add_action()
    form.rows[1]["kind"].value = "media"
    saved = json.loads((tmp_path / f"{EXERCISE_ID}.json").read_text(encoding="utf-8"))
    assert saved["course_end"] == "2016-06-08"
    assert saved["actions"][0] == {**good().to_saved(), "by_when": "2016-09-30"}
    assert saved["actions"][1]["kind"] == "media"

    again = ActionPlan(SavedWork(EXERCISE_ID, tmp_path), types, today=dt.date(2030, 1, 1))
    assert again.course_end.value == END
    assert again.actions() == [good(), Action(kind="media")]
    assert all(r.ok for r in again.check()[:5])


def test_the_export_button_writes_into_the_trainees_work_folder(types, tmp_path):
    form = ActionPlan(SavedWork(EXERCISE_ID, tmp_path), types, today=END)
    assert form.export() is None  # nothing planned yet: nothing written
    assert "Plan: no action yet." in form.results.value
    for name, value in good().to_saved().items():
        form.rows[0][name].value = good().by_when if name == "by_when" else value
    md, word = form.export()
    assert md.parent == word.parent == tmp_path
    assert str(md) in form.results.value and word.is_file()
