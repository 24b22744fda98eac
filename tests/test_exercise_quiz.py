"""Quizzes are data: every exercise quiz can be answered and explains every answer; a broken
question is refused with the quiz and question named."""
import json

import pytest

from trainingkit.errors import DataError, TrainingkitError
from trainingkit.exercises.kit.quiz import load_quiz, validate_quiz

from conftest import REPO


def choice(answer, correct, feedback="Because."):
    return {"answer": answer, "correct": correct, "feedback": feedback}


NUMERIC_ANSWERS = [{"type": "value", "value": 0, "correct": True, "feedback": "Yes."},
                   {"type": "default", "feedback": "Count again."}]


@pytest.mark.parametrize("path", sorted((REPO / "exercises/quizzes").glob("*.json")), ids=lambda p: p.stem)
def test_the_exercise_quizzes_are_valid(path):
    questions = json.loads(path.read_text(encoding="utf-8"))
    assert validate_quiz(path.stem, questions) is questions


def test_a_numeric_question_may_round_within_the_scripts_range_or_be_exact():
    for precision in (1, 3, 100):
        assert validate_quiz("q", [{"question": "How many?", "type": "numeric", "precision": precision, "answers": NUMERIC_ANSWERS}])
    ratification = json.loads((REPO / "exercises/quizzes/ex-ratification-map.json").read_text(encoding="utf-8"))
    assert [q.get("precision") for q in ratification if q["type"] == "numeric"] == [None]  # a count is exact


def test_a_quiz_file_with_a_precision_of_zero_is_refused_naming_the_file_and_field(tmp_path):
    (tmp_path / "exercises/quizzes").mkdir(parents=True)
    question = {"question": "How many?", "type": "numeric", "precision": 0, "answers": NUMERIC_ANSWERS}
    (tmp_path / "exercises/quizzes/ex-a.json").write_text(json.dumps([question]), encoding="utf-8")
    with pytest.raises(DataError) as err:
        load_quiz("ex-a", tmp_path)
    assert err.value.path == "exercises/quizzes/ex-a.json" and err.value.field == "precision"
    assert str(err.value).startswith("exercises/quizzes/ex-a.json: question 1: precision is 0,")


@pytest.mark.parametrize("question, message", [
    ({"question": "Which body?", "type": "multiple_choice", "answers": [choice("AFML", True), choice("ACMW", True)]},
     "quiz 'q', question 1: a multiple_choice question needs exactly one correct answer, not 2"),
    ({"question": "Which bodies?", "type": "many_choice", "answers": [choice("AFML", True), choice("ACMW", False)]},
     "quiz 'q', question 1: a many_choice question needs two or more correct answers"),
    ({"question": "Which body?", "type": "multiple_choice", "answers": [choice("AFML", True), choice("ACMW", False, "")]},
     "quiz 'q', question 1: every answer needs feedback that explains it; missing for ['ACMW']"),
    ({"question": "How many?", "type": "numeric", "answers": [{"type": "value", "value": 0, "correct": True, "feedback": "Yes."}]},
     "quiz 'q', question 1: a numeric question needs a default answer whose feedback helps with a wrong number"),
    ({"question": "How many?", "type": "numeric", "precision": 0, "answers": NUMERIC_ANSWERS},
     "quiz 'q', question 1: precision is 0, but it must be a whole number of significant digits from 1 to 100; "
     "leave precision out for an exact answer"),
    ({"question": "How many?", "type": "numeric", "precision": 101, "answers": NUMERIC_ANSWERS},
     "quiz 'q', question 1: precision is 101, but it must be a whole number of significant digits from 1 to 100; "
     "leave precision out for an exact answer"),
    ({"question": "How many?", "type": "numeric", "precision": "2", "answers": NUMERIC_ANSWERS},
     "quiz 'q', question 1: precision is '2', but it must be a whole number of significant digits from 1 to 100; "
     "leave precision out for an exact answer"),
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
