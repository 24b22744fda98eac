"""In a notebook: the form as widgets, tested without a kernel (widgets never open the store)."""
from __future__ import annotations

import nbformat
import pytest

from conftest import REPO
from formcases import BURMESE, KHMER, THAI, make_course
from trainingkit.course import load_course
from trainingkit.feedback import FeedbackStore
from trainingkit.forms import load_forms
from trainingkit.forms.widgets import FormWidget


@pytest.fixture
def setup(tmp_path):
    """(forms, store) of a small course with the multi-language fixture form."""
    root = make_course(tmp_path / "course")
    forms = load_forms(load_course(root))
    return forms, FeedbackStore(f"sqlite:///{tmp_path / 'fb.sqlite'}", forms=forms, cohort="test")


def fill_multi(form: FormWidget) -> None:
    form.participant.value = "mm-07"
    for name in ("c_mapping", "c_asks", "useful"):
        form.questions[name].input.value = "4"


def test_every_question_starts_visibly_not_answered(setup):
    forms, store = setup
    form = FormWidget(forms["multi"], store.save)
    assert {name: view.value for name, view in form.questions.items()} == {
        "c_mapping": None, "c_asks": None, "useful": None, "recommend": None, "tools": [], "people": "", "note": ""}
    assert {view.status.value.count("Not answered yet") for view in form.questions.values()} == {1}
    form.questions["recommend"].input.value = "0"  # zero is an answer, not a default
    assert "Answered" in form.questions["recommend"].status.value


def test_missing_answers_are_shown_next_to_their_questions_and_nothing_is_stored(setup):
    forms, store = setup
    form = FormWidget(forms["multi"], store.save)
    form.questions["people"].input.value = "many"
    assert form.on_submit() is None
    assert "required answer missing" in form.questions["useful"].status.value
    assert "'many' is not a number" in form.questions["people"].status.value
    assert "Write your participant code here." in form.participant_status.value
    assert "Please look at the questions marked in red." in form.message.value
    assert len(store.responses()) == 0


def test_submit_stores_the_answers_shows_a_receipt_and_clears_the_inputs(setup):
    forms, store = setup
    form = FormWidget(forms["multi"], store.save, language="th")
    fill_multi(form)
    form.questions["tools"].input.children[2].value = True
    form.questions["note"].input.value = BURMESE
    response_id = form.on_submit()
    assert response_id == form.response_id
    assert response_id in form.message.value
    answers = store.answers()
    assert dict(zip(answers.question, answers.value)) == {
        "c_mapping": "4", "c_asks": "4", "useful": "4", "tools": "media", "note": BURMESE}
    assert set(answers.participant) == {"MM-07"} and set(answers.language) == {"th"} and set(answers.source) == {"notebook"}
    assert form.participant.value == "" and form.questions["note"].value == "" and form.questions["tools"].value == []
    assert form.body.layout.display == "none"


def test_submitting_twice_stores_one_response(setup):
    forms, store = setup
    form = FormWidget(forms["multi"], store.save)
    fill_multi(form)
    first = form.on_submit()
    form.submit_button.click()  # a second click, as an impatient trainee would
    assert form.on_submit() == first
    assert list(store.responses().response_id) == [first]


def test_a_new_response_gets_a_new_id(setup):
    forms, store = setup
    form = FormWidget(forms["multi"], store.save)
    fill_multi(form)
    first = form.on_submit()
    form.start_new()
    fill_multi(form)
    second = form.on_submit()
    assert first != second and len(store.responses(versions="all")) == 2
    assert len(store.responses()) == 1 and store.replaced_count() == 1  # the same trainee: a new version, one counts


def test_choosing_a_language_changes_every_label(setup):
    forms, store = setup
    form = FormWidget(forms["multi"], store.save)
    assert [label for label, _ in form.language.options] == ["English", "ភាសាខ្មែរ (Khmer)", "မြန်မာဘာသာ (Burmese)", "ภาษาไทย (Thai)"]
    form.questions["useful"].input.value = "5"
    form.language.value = "km"
    assert KHMER in form.questions["useful"].label.value
    assert form.questions["useful"].input.options[0] == (f"1 {KHMER}", "1")
    assert form.questions["useful"].value == "5"  # the answer survives the change of language
    assert KHMER in form.title.value and THAI not in form.title.value


def test_the_daily_form_shows_the_sessions_of_the_chosen_day_only(setup):
    forms, store = setup
    form = FormWidget(forms["daily"], store.save)
    shown = lambda: [box._dom_classes[-1].removeprefix("tk-q-") for box in form.question_box.children]  # noqa: E731
    assert shown() == ["day", "pace", "day_comment"]
    form.questions["day"].input.value = "2"
    assert shown() == ["day", "d2_s1_useful", "d2_s1_comment", "d2_s2_useful", "d2_s2_comment", "d2_s3_useful",
                       "d2_s3_comment", "d2_s4_useful", "d2_s4_comment", "d2_s5_useful", "d2_s5_comment", "pace", "day_comment"]
    form.questions["d2_s1_useful"].input.value = "3"
    form.questions["day"].input.value = "1"  # changed their mind: day 2 answers are dropped
    assert form.questions["d2_s1_useful"].value is None


def test_each_form_notebook_is_one_short_cell_showing_its_form_with_nothing_saved():
    calls = {form_id: f'from trainingkit.feedback.notebook import show_form\n\nshow_form("{form_id}")'
             for form_id in ("pre", "daily", "post", "end")}
    # the follow-up form lists each trainee's own planned actions (issue 17)
    calls["followup"] = "from trainingkit.followup.plan_form import show_followup_form\n\nshow_followup_form()"
    for form_id, call in calls.items():
        nb = nbformat.read(REPO / f"feedback/{form_id}.ipynb", as_version=4)
        code = [c for c in nb.cells if c.cell_type == "code"]
        assert [c.source for c in code] == [call]
        assert code[0].outputs == [] and code[0].execution_count is None and "widgets" not in nb.metadata
