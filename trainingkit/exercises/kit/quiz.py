"""Self-check quizzes with jupyterquiz: questions are data, checked here, shown by one call.

A quiz is a list of jupyterquiz questions (``multiple_choice``, ``many_choice`` or
``numeric``), kept in ``exercises/quizzes/<exercise id>.json`` where trainers can edit it and
``trainingkit check`` validates it. Volatile facts in the feedback are cited with the pages'
fact roles and written out with their as-of date when the quiz is read. The questions and their feedback are embedded in the page as JavaScript, so a
quiz works in the static book without a kernel and without the network.
"""
from __future__ import annotations

import json
from pathlib import Path

from ...errors import DataError
from ...paths import course_root
from .cited import with_facts

QUIZ_DIR = "exercises/quizzes"

# jupyterquiz's default colours fail WCAG AA in places (white on orange, red and green feedback
# on dark purple, pale text in the answer box): these keep every pair at 4.5:1 or better.
ACCESSIBLE_COLOURS = {
    "--jq-multiple-choice-bg": "#392061",
    "--jq-mc-button-bg": "#fafafa",
    "--jq-many-choice-bg": "#8a3300",
    "--jq-numeric-bg": "#392061",
    "--jq-numeric-input-bg": "#1f1f1f",
    "--jq-numeric-input-label": "#101010",
    "--jq-string-bg": "#4c1a57",
    "--jq-incorrect-color": "#ffb3b3",
    "--jq-correct-color": "#9ff0a8",
    "--jq-text-color": "#fafafa",
    "--jq-link-color": "#c6d8ff",
}

CHOICE_TYPES = {"multiple_choice", "many_choice"}
NUMERIC = "numeric"
PRECISION_RANGE = (1, 100)  # significant digits that toPrecision() accepts


def validate_quiz(name: str, questions: list[dict]) -> list[dict]:
    """Return ``questions`` if every question can be answered and explains every answer.

    Raises :class:`DataError` naming the quiz and the question: a choice question needs
    answers with feedback and the right number of correct ones; a numeric one needs a correct
    value or range, and a precision, if it has one, that the quiz script can round with.
    """
    if not questions:
        raise DataError(f"quiz '{name}'", "no questions")
    for number, question in enumerate(questions, start=1):
        where = f"quiz '{name}', question {number}"
        if not str(question.get("question", "")).strip():
            raise DataError(where, "the question text is empty")
        kind = question.get("type")
        answers = question.get("answers") or []
        if kind in CHOICE_TYPES:
            correct = [a for a in answers if a.get("correct")]
            if len(answers) < 2:
                raise DataError(where, "give at least two answers to choose from")
            if kind == "multiple_choice" and len(correct) != 1:
                raise DataError(where, f"a multiple_choice question needs exactly one correct answer, not {len(correct)}")
            if kind == "many_choice" and len(correct) < 2:
                raise DataError(where, "a many_choice question needs two or more correct answers")
            silent = [a.get("answer") for a in answers if not str(a.get("feedback", "")).strip()]
            if silent:
                raise DataError(where, f"every answer needs feedback that explains it; missing for {silent}")
        elif kind == NUMERIC:
            if not any(a.get("correct") and ("value" in a or "range" in a) for a in answers):
                raise DataError(where, "a numeric question needs a correct value or range")
            if not any(a.get("type") == "default" and str(a.get("feedback", "")).strip() for a in answers):
                raise DataError(where, "a numeric question needs a default answer whose feedback helps with a wrong number")
            if "precision" in question and not _valid_precision(question["precision"]):
                low, high = PRECISION_RANGE
                raise DataError(where, f"precision is {question['precision']!r}, but it must be a whole number of significant "
                                       f"digits from {low} to {high}; leave precision out for an exact answer", field="precision")
        else:
            raise DataError(where, f"unknown type '{kind}' (use multiple_choice, many_choice or numeric)")
    return questions


def _valid_precision(value) -> bool:
    # jupyterquiz rounds both the typed and the right answer with JavaScript's toPrecision(),
    # which throws a RangeError outside 1..100: the question would then never answer.
    return isinstance(value, int) and not isinstance(value, bool) and PRECISION_RANGE[0] <= value <= PRECISION_RANGE[1]


def quiz_file(exercise_id: str, root: Path | None = None) -> Path:
    return (root or course_root()) / QUIZ_DIR / f"{exercise_id}.json"


def read_quiz(path: Path) -> list[dict]:
    """The questions of one quiz file, validated; a file that cannot be read is named."""
    try:
        questions = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise DataError(f"{QUIZ_DIR}/{path.name}", f"cannot read the quiz ({exc})") from exc
    where = f"{QUIZ_DIR}/{path.name}"
    if not isinstance(questions, list):
        raise DataError(where, "a quiz file holds a list of questions")
    try:
        validate_quiz(path.stem, questions)
    except DataError as exc:  # name the file rather than the quiz
        raise DataError(where, str(exc).removeprefix(f"quiz '{path.stem}', "), field=exc.field) from None
    return with_facts(questions, where, root=path.parent.parent.parent)  # <root>/exercises/quizzes/<file>


def load_quiz(exercise_id: str, root: Path | None = None) -> list[dict]:
    """The validated questions of ``exercises/quizzes/<exercise_id>.json``."""
    return read_quiz(quiz_file(exercise_id, root))


def show_quiz(exercise_id: str, root: Path | None = None) -> None:
    """Display the exercise's quiz; answers keep their order so a trainer can say "answer B"."""
    from jupyterquiz import display_quiz

    display_quiz(load_quiz(exercise_id, root), shuffle_answers=False, colors=ACCESSIBLE_COLOURS)
