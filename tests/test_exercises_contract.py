"""What every case exercise must do, whatever its case: the same notebook contract, a fresh run
that saves nothing, a model answer that only trainers see, a valid quiz, a view with one saved-
work notice and one way to show its checks. A new exercise is added to ``cases.CASES`` and this
module tests it like the other nine."""
import inspect
import re

import ipywidgets as w
import nbformat
import pytest

from trainingkit.cells import notebook_front_matter
from trainingkit.exercises.cases import CASES, view_class
from trainingkit.exercises.kit.checks import Results, as_html
from trainingkit.exercises.kit.quiz import load_quiz, quiz_file
from trainingkit.exercises.kit.view import ExerciseView, notice_html
from trainingkit.exercises.kit.work import SavedWork

from conftest import REPO
from exercise_notebooks import cells_tagged, html_outputs, outputs_text, participant_text

EXERCISES = sorted(CASES)


def notebook(exercise_id):
    return nbformat.read(REPO / "exercises" / f"{exercise_id}.ipynb", as_version=4)


def code(nb) -> str:
    return "\n".join(c.source for c in nb.cells if c.cell_type == "code")


def html_values(widget) -> list[str]:
    """The text of every HTML widget inside ``widget``, depth first."""
    found = [widget.value] if isinstance(widget, w.HTML) else []
    for child in getattr(widget, "children", ()):
        found += html_values(child)
    return found


def test_every_exercise_notebook_is_a_case_and_every_case_has_a_notebook():
    assert sorted(p.stem for p in (REPO / "exercises").glob("*.ipynb")) == EXERCISES


@pytest.mark.parametrize("exercise_id", EXERCISES)
def test_the_view_is_named_by_the_exercise_id_and_shows_its_parts(exercise_id):
    view = view_class(exercise_id)
    assert issubclass(view, ExerciseView) and view.id == exercise_id
    assert view.parts, "a view names the parts a notebook shows"
    front, _ = notebook_front_matter(notebook(exercise_id))
    assert front["id"] == exercise_id


@pytest.mark.parametrize("exercise_id", EXERCISES)
def test_the_notebook_follows_the_contract(exercise_id):
    package, name = CASES[exercise_id]
    source = code(notebook(exercise_id))
    assert f"from trainingkit.exercises.{package} import " in source and re.search(rf"\bex = {name}\(\)", source)
    if quiz_file(exercise_id, REPO).is_file():
        assert "show_quiz(ex.id)" in source
    unshaped = re.findall(r"from trainingkit\.exercises\.(?!kit\b|cases\b)(\w+)", source)
    assert set(unshaped) <= {package}, "a notebook imports its own case only"


@pytest.mark.parametrize("exercise_id", EXERCISES)
def test_a_quiz_if_any_is_valid(exercise_id):
    if not quiz_file(exercise_id, REPO).is_file():
        pytest.skip("this exercise has no quiz")
    questions = load_quiz(exercise_id, REPO)
    assert questions and all(q["type"] in {"multiple_choice", "many_choice", "numeric"} for q in questions)


def test_every_quiz_file_belongs_to_an_exercise():
    assert {p.stem for p in (REPO / "exercises/quizzes").glob("*.json")} <= set(EXERCISES)


@pytest.mark.parametrize("exercise_id", EXERCISES)
def test_a_damaged_work_file_is_set_aside_and_named_above_the_first_part(exercise_id, tmp_path):
    (tmp_path / f"{exercise_id}.json").write_text('{"half a file": ', encoding="utf-8")
    view = view_class(exercise_id)(work=SavedWork(exercise_id, tmp_path))
    assert view.work.notice and "could not be read" in view.work.notice
    first = getattr(view, view.parts[0])
    assert html_values(first)[0] == notice_html(view.work.notice)
    assert len(list(tmp_path.glob(f"{exercise_id}.unreadable-*.json"))) == 1


@pytest.mark.parametrize("exercise_id", EXERCISES)
def test_opening_a_view_saves_nothing(exercise_id, tmp_path):
    view = view_class(exercise_id)(work=SavedWork(exercise_id, tmp_path))
    assert view.work.notice is None and list(tmp_path.iterdir()) == []


def self_checked(exercise_id) -> bool:
    """Views that check the answer they hold (the code exercises check the trainee's own tables)."""
    view = view_class(exercise_id)
    return view.check_all is not ExerciseView.check_all and list(inspect.signature(view.check).parameters) == ["self"]


@pytest.mark.parametrize("exercise_id", [e for e in EXERCISES if self_checked(e)])
def test_check_shows_its_results_in_the_pane_and_returns_them(exercise_id, tmp_path):
    view = view_class(exercise_id)(work=SavedWork(exercise_id, tmp_path))
    checks = view.check()
    assert isinstance(checks, Results) and checks, "a fresh answer gets at least one check"
    assert view.results.value == as_html(checks) == checks._repr_html_()
    assert not all(c.ok for c in checks), "an empty answer does not pass"
    assert list(tmp_path.iterdir()) == [], "checking is not answering"


@pytest.mark.slow
@pytest.mark.parametrize("exercise_id", EXERCISES)
def test_the_notebook_runs_fresh_and_saves_nothing_until_answered(exercise_id, executed_exercise):
    run = executed_exercise(exercise_id)  # raises, naming the cell, if any cell fails
    assert run.saved == []


@pytest.mark.slow
@pytest.mark.parametrize("exercise_id", EXERCISES)
def test_the_model_answer_passes_and_only_trainers_see_it(exercise_id, executed_exercise):
    nb = executed_exercise(exercise_id).nb
    solutions = [c for c in cells_tagged(nb, "solution") if c.cell_type == "code"]
    assert solutions, "every exercise has a model answer for the trainer edition"
    assert outputs_text(nb, tag="solution").strip(), "the model answer shows something"
    shown = "".join(html_outputs(c) for c in solutions)
    assert "not yet:</span>" not in shown and "Hint:" not in shown, "no check of the model answer fails"
    participant = participant_text(nb)
    assert all(c.source not in participant for c in solutions)
    assert re.search(rf"\bex = {CASES[exercise_id][1]}\(\)", participant)
