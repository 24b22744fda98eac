"""The one vocabulary for problems: a location, a finding, one formatter, one error hierarchy.

Tests here read the fields of a finding; the text is checked once, for its one shape
``where: key/path: message``.
"""
from __future__ import annotations

import ast
import builtins
import inspect
from pathlib import Path

import click
import nbformat
import pytest
import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from trainingkit.errors import (
    WARNING, CourseError, DataError, ExecutionError, Finding, FindingsError, ImportRejected, Location,
    TrainingkitError, key_path, validation_findings, yaml_finding,
)

REPO = Path(__file__).resolve().parents[1]


# -- the location and the finding ----------------------------------------------------------

@pytest.mark.parametrize("location, where", [
    (Location("course.yml"), "course.yml"),
    (Location("modules/day1/x.ipynb", cell=3), "modules/day1/x.ipynb:3"),
    (Location("modules/day1/x.ipynb", cell=0), "modules/day1/x.ipynb:0"),
    (Location("roster.csv", line=4, column="country"), "roster.csv, line 4, column country"),
    (Location("datasets/stakeholders.csv", line=3), "datasets/stakeholders.csv, line 3"),
    (Location(line=5, column="_uuid"), "line 5, column _uuid"),
    (Location(key="questions/2 (pace)/type"), ""),  # a key path says what, not where
])
def test_a_location_prints_the_file_then_the_cell_or_the_line_and_column(location, where):
    assert str(location) == where


def test_a_finding_reads_where_then_key_path_then_message():
    finding = Finding(Location("feedback/forms/daily.yml", key="questions/2 (pace)/type"), "unknown type 'scale'")
    assert str(finding) == "feedback/forms/daily.yml: questions/2 (pace)/type: unknown type 'scale'"
    assert (finding.path, finding.cell, finding.line, finding.column, finding.key) == (
        "feedback/forms/daily.yml", None, None, None, "questions/2 (pace)/type")
    assert (finding.severity, finding.code) == ("error", None)
    assert str(Finding(Location("course.yml"), "no days")) == "course.yml: no days"
    assert str(Finding(Location(), "nothing to say where")) == "nothing to say where"


def test_a_field_problem_names_its_own_column_unless_another_is_given():
    same = Finding.about("recommend", "required answer missing", line=4)
    assert (same.line, same.column, same.key) == (4, "recommend", "recommend")
    assert str(same) == "line 4, column recommend: required answer missing"  # the key is not said twice
    other = Finding.about("response_id", "is empty", line=5, column="_uuid")
    assert str(other) == "line 5, column _uuid: response_id: is empty"
    lineless = Finding.about("participant", "'XX-9' is not in this roster")
    assert (lineless.line, lineless.column) == (None, None)
    assert str(lineless) == "participant: 'XX-9' is not in this roster"


def test_the_file_is_added_by_whoever_read_it_and_the_rest_is_kept():
    found = Finding.about("overall", "9 is out of range (1–5)", line=3).at(path="end.csv")
    assert (found.path, found.line, found.column, found.key) == ("end.csv", 3, "overall", "overall")
    assert str(found) == "end.csv, line 3, column overall: 9 is out of range (1–5)"


def test_findings_sort_by_file_whole_file_first_then_cell_line_and_column():
    findings = [
        Finding(Location("b.ipynb", cell=2), "m"),
        Finding(Location("a.ipynb", cell=10), "m"),
        Finding(Location("a.ipynb", cell=2), "m"),
        Finding(Location("a.ipynb"), "z"),
        Finding(Location("a.ipynb", line=1), "a"),
    ]
    assert [(f.path, f.cell, f.line) for f in sorted(findings)] == [
        ("a.ipynb", None, None), ("a.ipynb", None, 1), ("a.ipynb", 2, None), ("a.ipynb", 10, None), ("b.ipynb", 2, None)]


# -- one formatter for validation errors ------------------------------------------------------

class Question(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str
    type: str = Field(pattern="^(likert|text)$")


class Spec(BaseModel):
    model_config = ConfigDict(extra="forbid")
    version: int = Field(ge=1)
    questions: list[Question] = []

    @field_validator("questions")
    @classmethod
    def _some(cls, value):
        if value and all(q.type == "text" for q in value):
            raise ValueError("ask at least one likert question")
        return value


def test_each_pydantic_error_becomes_a_finding_with_its_key_path_and_the_item_id():
    data = {"version": 0, "questions": [{"id": "useful", "type": "likert"}, {"id": "pace", "type": "scale"}, {"type": "text"}]}
    with pytest.raises(ValidationError) as caught:
        Spec.model_validate(data)
    found = validation_findings(caught.value, Location("feedback/forms/daily.yml"), data)
    assert [(f.path, f.key) for f in found] == [
        ("feedback/forms/daily.yml", "version"),
        ("feedback/forms/daily.yml", "questions/1 (pace)/type"),
        ("feedback/forms/daily.yml", "questions/2/id"),  # no id to name it by
    ]
    assert found[0].message == "Input should be greater than or equal to 1"
    assert found[2].message == "Field required"


def test_a_validator_message_loses_pydantics_value_error_prefix():
    data = {"version": 1, "questions": [{"id": "a", "type": "text"}]}
    with pytest.raises(ValidationError) as caught:
        Spec.model_validate(data)
    (found,) = validation_findings(caught.value, Location("f.yml"), data)
    assert (found.key, found.message) == ("questions", "ask at least one likert question")


def test_a_prefix_places_a_part_of_a_file_and_a_location_key_stands_for_the_whole_of_it():
    item = {"id": "wage", "version": "x"}
    with pytest.raises(ValidationError) as caught:
        Spec.model_validate(item)
    found = validation_findings(caught.value, Location("datasets/facts.yaml"), item, prefix=("facts", 3))
    assert sorted(f.key for f in found) == ["facts/3 (wage)/id", "facts/3 (wage)/version"]
    with pytest.raises(ValidationError) as top:
        Spec.model_validate([])  # the whole value is wrong: no key path of its own
    (whole,) = validation_findings(top.value, Location("m.ipynb", cell=0, key="front matter"), [])
    assert (whole.cell, whole.key) == (0, "front matter")


def test_key_path_walks_dicts_and_lists_and_ignores_what_is_not_there():
    data = {"questions": [{"id": "q1"}, {"id": 7}]}
    assert key_path(("questions", 1, "label", "en"), data) == "questions/1 (7)/label/en"
    assert key_path(("questions", 5, "type"), data) == "questions/5/type"
    assert key_path(("questions", 0), None) == "questions/0"
    assert key_path((), data) == ""


def test_a_yaml_error_gives_its_line_counted_from_one():
    text = "id: bad\nquestions: [\n  - a: b\n"
    with pytest.raises(yaml.YAMLError) as caught:
        yaml.safe_load(text)
    found = yaml_finding(caught.value, Location("feedback/forms/bad.yml"))
    assert (found.path, found.line) == ("feedback/forms/bad.yml", caught.value.problem_mark.line + 1)
    assert found.message.startswith("not valid YAML: ")
    assert str(found).startswith(f"feedback/forms/bad.yml, line {found.line}: not valid YAML: ")


# -- one hierarchy -----------------------------------------------------------------------------

def _class_bases() -> dict[str, list[str]]:
    """Every class the package defines, by name, with the names of its bases (read, not imported:
    importing every module would start Sphinx, Voilà and the rest)."""
    out = {}
    for path in (REPO / "trainingkit").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef):
                bases = [b.id if isinstance(b, ast.Name) else b.attr for b in node.bases if isinstance(b, (ast.Name, ast.Attribute))]
                out[f"{path.relative_to(REPO).as_posix()}:{node.name}"] = bases
    return out


def _reaches(name: str, target: str, by_name: dict[str, list[str]], seen=()) -> bool:
    if name == target:
        return True
    return any(_reaches(b, target, by_name, (*seen, name)) for b in by_name.get(name, []) if b not in seen)


def test_every_error_the_package_defines_is_a_trainingkit_error():
    classes = _class_bases()
    by_name = {key.split(":")[1]: bases for key, bases in classes.items()}
    builtin = {n for n, obj in vars(builtins).items() if inspect.isclass(obj) and issubclass(obj, BaseException)}
    errors = [key for key in classes if any(_reaches(key.split(":")[1], b, by_name) for b in builtin)]
    assert "trainingkit/feedback/submission.py:SubmissionError" in errors  # the walk reaches the subpackages
    assert "trainingkit/runsheet.py:RunSheetError" in errors
    outside = [key for key in errors if not _reaches(key.split(":")[1], "TrainingkitError", by_name)]
    assert outside == []


def test_errors_that_were_value_errors_are_trainingkit_errors_with_findings():
    from trainingkit.feedback import SubmissionError
    from trainingkit.runsheet import RunSheetError

    for cls in (SubmissionError, RunSheetError):
        assert issubclass(cls, FindingsError) and not issubclass(cls, ValueError)
    sub = SubmissionError([Finding.about("recommend", "required answer missing"), Finding.about("overall", "'x' is not a number")])
    assert [f.key for f in sub.findings] == ["recommend", "overall"]  # in the form's order
    assert str(sub) == "recommend: required answer missing; overall: 'x' is not a number"  # one line, as a form shows it
    run = RunSheetError(4, "run of the session: the table needs a 'Minutes' column")
    assert (run.cell, run.location.cell) == (4, 4)


def test_a_findings_error_carries_every_finding_one_per_line_sorted():
    exc = CourseError([Finding(Location("modules/b.ipynb", cell=1), "second"), Finding(Location("modules/a.ipynb"), "first")])
    assert [f.path for f in exc.findings] == ["modules/a.ipynb", "modules/b.ipynb"]
    assert str(exc).splitlines() == ["modules/a.ipynb: first", "modules/b.ipynb:1: second"]
    assert exc.location == Location("modules/a.ipynb")
    assert exc.exit_code == 1
    assert TrainingkitError("plain").findings == () and TrainingkitError("plain").location is None


def test_an_import_rejection_names_the_file_in_each_finding_and_sums_up():
    exc = ImportRejected(Path("end.csv"), [Finding.about("overall", "9 is out of range (1–5)", line=3),
                                           Finding.about("date", "bad date", line=2)], more=4)
    assert [(f.path, f.line) for f in exc.findings] == [("end.csv", 2), ("end.csv", 3)]
    assert str(exc).splitlines()[-1] == "end.csv: 6 problem(s) (the first 2 are shown); nothing was imported"
    other = Finding.about("score", "not a number", line=2).at(path="b.csv")
    assert [f.path for f in ImportRejected(Path("a.csv"), [other]).findings] == ["b.csv"]  # a finding keeps its own file


def test_a_data_error_keeps_file_line_and_field_as_data():
    exc = DataError("datasets/stakeholders.csv", "id 'a' is used twice", line=3, field="id")
    assert (exc.path, exc.line, exc.field, exc.location.line) == ("datasets/stakeholders.csv", 3, "id", 3)
    assert str(exc) == "datasets/stakeholders.csv, line 3: id 'a' is used twice"
    keyed = DataError("exercises/keys/ex.yml", "Field required", key="responsible/1/hint")
    assert (keyed.field, str(keyed)) == ("responsible/1/hint", "exercises/keys/ex.yml: responsible/1/hint: Field required")


def test_stale_facts_are_warnings_not_errors():
    import datetime as dt

    from trainingkit.check import stale_facts

    found = stale_facts(REPO, today=dt.date(2100, 1, 1))  # by then every cited fact is due
    assert found and {f.severity for f in found} == {WARNING}
    assert {f.path for f in found} == {"datasets/facts.yaml"}


# -- the execution error, as papermill keeps it ----------------------------------------------

def test_a_failed_notebook_keeps_the_cell_the_error_name_value_and_traceback(tmp_path):
    from trainingkit.execute import run_notebook

    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_markdown_cell("# A page"), nbformat.v4.new_code_cell("x = 1"),
                nbformat.v4.new_code_cell("raise KeyError('no such column: country')"), nbformat.v4.new_code_cell("y = 2")]
    path = tmp_path / "exercises" / "slip.ipynb"
    path.parent.mkdir()
    with pytest.raises(ExecutionError) as caught:
        run_notebook(nb, path, tmp_path, work_dir=tmp_path)
    exc = caught.value
    assert (exc.path, exc.cell, exc.ename, exc.evalue) == ("exercises/slip.ipynb", 2, "KeyError", "'no such column: country'")
    assert exc.exec_count == 2
    assert any("KeyError" in line for line in exc.traceback)
    assert exc.notebook.cells[2].outputs[-1]["output_type"] == "error"  # the notebook as it ran
    assert exc.notebook.cells[3].get("execution_count") is None  # nothing ran after the failure
    (finding,) = exc.findings
    assert (finding.location, finding.code) == (Location("exercises/slip.ipynb", cell=2), "KeyError")
    assert str(exc) == "exercises/slip.ipynb:2: execution failed: KeyError: 'no such column: country'"


# -- the command line: one place turns an error into a message and an exit code ---------------

def _commands(group: click.Group, prefix: str):
    for name, cmd in group.commands.items():
        if isinstance(cmd, click.Group):
            yield from _commands(cmd, f"{prefix} {name}")
        else:
            yield f"{prefix} {name}", cmd


def test_every_command_goes_through_the_one_error_handler():
    from trainingkit.cli import friendly, main

    handler = friendly(lambda: None).__code__
    unwrapped = [name for name, cmd in _commands(main, "trainingkit") if cmd.callback.__code__ is not handler]
    assert unwrapped == []


def test_the_error_handler_prints_the_findings_and_uses_the_errors_exit_code():
    from click.testing import CliRunner
    from trainingkit.cli import friendly

    class Busy(TrainingkitError):
        exit_code = 3

    @click.command()
    @click.argument("kind")
    @friendly
    def fails(kind):
        if kind == "course":
            raise CourseError([Finding(Location("course.yml", key="days"), "no days"), Finding(Location("_toc.yml"), "empty")])
        raise Busy("the store is busy")

    course = CliRunner().invoke(fails, ["course"])
    assert (course.exit_code, course.output.splitlines()) == (1, ["_toc.yml: empty", "course.yml: days: no days"])
    busy = CliRunner().invoke(fails, ["busy"])
    assert (busy.exit_code, busy.output.strip()) == (3, "the store is busy")
    assert busy.exception is None or isinstance(busy.exception, SystemExit)  # no traceback reaches the user
