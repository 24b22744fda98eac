"""Answer keys are data (``exercises/keys/*.yml``): each fits its case's model, a broken key is
refused naming the file and the key path, and ``trainingkit check`` lists every broken quiz or
key of a course."""
import shutil

import pytest

from trainingkit.check import exercise_data
from trainingkit.errors import DataError, TrainingkitError
from trainingkit.exercises.cases import KEYS, key_model
from trainingkit.exercises.kit.data import records
from trainingkit.exercises.kit.keys import read_key

from conftest import REPO


class Course:  # the one attribute the rule reads
    def __init__(self, root):
        self.root = root


def copy_exercise_data(tmp_path):
    for folder in ("exercises/quizzes", "exercises/keys"):
        shutil.copytree(REPO / folder, tmp_path / folder)
    (tmp_path / "datasets").mkdir()
    shutil.copy(REPO / "datasets/facts.yaml", tmp_path / "datasets")  # the keys cite facts
    return tmp_path


@pytest.mark.parametrize("exercise_id", sorted(KEYS))
def test_every_key_of_the_course_fits_its_model(exercise_id):
    key = read_key(REPO / "exercises/keys" / f"{exercise_id}.yml", key_model(exercise_id))
    assert key.model_dump()


def test_the_real_course_has_no_broken_quiz_or_key():
    assert exercise_data(Course(REPO)) == []


def test_an_unknown_choice_in_the_mayday_key_is_named_with_its_key_path(tmp_path):
    root = copy_exercise_data(tmp_path)
    path = root / "exercises/keys/ex-mayday-demands.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("model: governor", "model: mayor", 1), encoding="utf-8")
    [finding] = exercise_data(Course(root))
    assert finding.path == "exercises/keys/ex-mayday-demands.yml"
    assert finding.key is None  # the model's own check names the path inside its message
    assert finding.message.startswith("demands/1/target: unknown choice mayor (use one of governor,")


def test_a_misspelt_key_name_is_refused_not_ignored(tmp_path):
    root = copy_exercise_data(tmp_path)
    path = root / "exercises/keys/ex-origin-recommendations.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("    hint: 'Sub-decree", "    hnit: 'Sub-decree", 1), encoding="utf-8")
    with pytest.raises(DataError) as err:
        read_key(path, key_model("ex-origin-recommendations"))
    assert (err.value.path, err.value.field) == ("exercises/keys/ex-origin-recommendations.yml", "responsible/1/hint")
    assert "responsible/1/hint: Field required" in str(err.value)


def test_a_bad_regular_expression_in_the_bodies_is_named(tmp_path):
    root = copy_exercise_data(tmp_path)
    path = root / "exercises/keys/ex-message-box.yml"
    path.write_text(path.read_text(encoding="utf-8").replace(r"names: \bACMW\b", r"names: \bACMW(", 1), encoding="utf-8")
    [finding] = exercise_data(Course(root))
    assert finding.key == "bodies/0 (ACMW)/names"
    assert finding.message.startswith("not a valid regular expression (")


def test_a_key_that_is_not_yaml_gives_its_line(tmp_path):
    root = copy_exercise_data(tmp_path)
    (root / "exercises/keys/ex-message-box.yml").write_text("bodies:\n  - id: ACMW\n   name: [unclosed\n", encoding="utf-8")
    [finding] = exercise_data(Course(root))
    assert (finding.path, finding.line) == ("exercises/keys/ex-message-box.yml", 3)
    assert finding.message.startswith("not valid YAML: ")


def test_a_key_file_no_exercise_reads_and_a_broken_quiz_are_both_listed(tmp_path):
    root = copy_exercise_data(tmp_path)
    (root / "exercises/keys/ex-unknown.yml").write_text("{}\n", encoding="utf-8")
    (root / "exercises/quizzes/ex-power-map.json").write_text(
        '[{"question": "Which body?", "type": "multiple_choice", "answers": '
        '[{"answer": "AFML", "correct": true, "feedback": "Yes."}, {"answer": "ACMW", "correct": true, "feedback": "No."}]}]',
        encoding="utf-8")
    assert [str(f) for f in exercise_data(Course(root))] == [
        "exercises/quizzes/ex-power-map.json: question 1: a multiple_choice question needs exactly one correct answer, not 2",
        "exercises/keys/ex-unknown.yml: no exercise reads this key (known: " + ", ".join(KEYS) + ")",
    ]


def test_rows_are_checked_against_the_data_package_with_file_line_and_field():
    import pandas as pd

    row = {"id": "a", "name": "A", "short": "A", "group": "G", "country": "", "role": "", "sources": "", "fact": ""}
    frame = pd.DataFrame([row, {**row, "name": "B"}])
    with pytest.raises(DataError) as err:
        records("stakeholders", nonempty=("id",), unique="id", frame=frame, root=REPO)
    assert (err.value.path, err.value.line, err.value.field) == ("datasets/stakeholders.csv", 3, "id")
    assert str(err.value) == "datasets/stakeholders.csv, line 3: id 'a' is used twice"
    assert isinstance(err.value, TrainingkitError)
    with pytest.raises(DataError, match=r"^datasets/stakeholders.csv: missing column\(s\) name, short"):
        records("stakeholders", frame=frame.drop(columns=["name", "short"]), root=REPO)


def test_an_exercise_reruns_when_its_key_changes_and_only_that_exercise():
    from trainingkit.build import notebook_jobs
    from trainingkit.course import load_course

    jobs = {job.path.relative_to(REPO).as_posix(): job for job in notebook_jobs(load_course(REPO), REPO / "s.json", "S")}
    readers = sorted(page for page, job in jobs.items()
                     if any(p.as_posix() == "exercises/keys/ex-mayday-demands.yml" for p in job.inputs))
    assert readers == ["exercises/ex-mayday-demands.ipynb"]


def test_the_smart_rubric_words_are_data_and_a_wrong_placeholder_is_refused(tmp_path):
    root = copy_exercise_data(tmp_path)
    path = root / "exercises/keys/ex-origin-recommendations.yml"
    text = path.read_text(encoding="utf-8")
    assert "It does not seem to be about recommendation {number} any more." in text
    path.write_text(text.replace("It is still about recommendation {number}.", "Still about {recommendation}.", 1),
                    encoding="utf-8")
    [finding] = exercise_data(Course(root))
    assert "smart/topic/pass: unknown placeholder recommendation (allowed: number)" in finding.message
