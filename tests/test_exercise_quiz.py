"""Quizzes are data: every exercise quiz can be answered and explains every answer; a broken
question is refused with the quiz and question named."""
import json

import pytest

from trainingkit.errors import DataError, TrainingkitError
from trainingkit.exercises.kit.quiz import load_quiz, validate_quiz

from conftest import REPO


def choice(answer, correct, feedback="Because."):
    return {"answer": answer, "correct": correct, "feedback": feedback}


@pytest.mark.parametrize("name", ["ex-mayday-demands", "ex-ratification-map"])
def test_the_exercise_quizzes_are_valid(name):
    questions = json.loads((REPO / "exercises/quizzes" / f"{name}.json").read_text(encoding="utf-8"))
    assert validate_quiz(name, questions) is questions


@pytest.mark.parametrize("question, message", [
    ({"question": "Which body?", "type": "multiple_choice", "answers": [choice("AFML", True), choice("ACMW", True)]},
     "quiz 'q', question 1: a multiple_choice question needs exactly one correct answer, not 2"),
    ({"question": "Which bodies?", "type": "many_choice", "answers": [choice("AFML", True), choice("ACMW", False)]},
     "quiz 'q', question 1: a many_choice question needs two or more correct answers"),
    ({"question": "Which body?", "type": "multiple_choice", "answers": [choice("AFML", True), choice("ACMW", False, "")]},
     "quiz 'q', question 1: every answer needs feedback that explains it; missing for ['ACMW']"),
    ({"question": "How many?", "type": "numeric", "answers": [{"type": "value", "value": 0, "correct": True, "feedback": "Yes."}]},
     "quiz 'q', question 1: a numeric question needs a default answer whose feedback helps with a wrong number"),
    ({"question": "Which body?", "type": "slider", "answers": []},
     "quiz 'q', question 1: unknown type 'slider' (use multiple_choice, many_choice or numeric)"),
    ({"question": " ", "type": "multiple_choice", "answers": []}, "quiz 'q', question 1: the question text is empty"),
])
def test_a_broken_question_is_refused_with_quiz_and_question_named(question, message):
    with pytest.raises(TrainingkitError) as err:
        validate_quiz("q", [question])
    assert str(err.value) == message


def test_a_quiz_file_that_is_not_json_is_named_with_its_folder(tmp_path):
    (tmp_path / "exercises/quizzes").mkdir(parents=True)
    (tmp_path / "exercises/quizzes/ex-a.json").write_text('[{"question": ', encoding="utf-8")
    with pytest.raises(DataError) as err:
        load_quiz("ex-a", tmp_path)
    assert err.value.path == "exercises/quizzes/ex-a.json"
    assert str(err.value).startswith("exercises/quizzes/ex-a.json: cannot read the quiz (")


def test_feedback_that_cites_a_fact_shows_the_fact_sheets_words_and_date():
    c189 = load_quiz("ex-ratification-map", REPO)[2]["answers"][0]["feedback"]
    assert c189 == ("Right: none. The Philippines (2012) is the only ASEAN state, and the only Asian state, to have "
                    "ratified C189 on domestic workers (as of 16 September 2025, confirmed ✅).")


def test_a_quiz_citing_an_unknown_fact_is_named_with_its_file(tmp_path):
    (tmp_path / "exercises/quizzes").mkdir(parents=True)
    quiz = [{"question": "Members?", "type": "multiple_choice",
             "answers": [choice("Ten", False), choice("Eleven", True, "Yes: {fact-value}`asean-memberz`.")]}]
    (tmp_path / "exercises/quizzes/ex-a.json").write_text(json.dumps(quiz), encoding="utf-8")
    with pytest.raises(DataError) as err:
        load_quiz("ex-a", tmp_path)
    assert (err.value.path, err.value.message) == (
        "exercises/quizzes/ex-a.json", "unknown fact id 'asean-memberz': add it to datasets/facts.yaml or fix the id")
