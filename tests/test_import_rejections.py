"""Bad input: a file is imported whole or not at all, and every rejected row names its line,
column and reason. The store is unchanged after a rejection."""
from __future__ import annotations

import pytest
from click.testing import CliRunner

from conftest import REPO
from test_import_formats import exported_columns, write_csv
from trainingkit.cli import main
from trainingkit.feedback import FeedbackStore
from trainingkit.errors import ImportRejected
from trainingkit.feedback.imports import import_file
from trainingkit.feedback.imports.table import ImportFileError

TIDY = ["response_id", "form_id", "participant", "submitted_at", "session", "question", "value"]
PAPER_END = ["paper_form_no", "participant", "date", "overall", "recommend", "most_useful", "change_one_thing"]
GOOD = ["1", "MM-01", "2016-06-08", "4", "8", "", ""]


def rejected(store, path, form_id=None) -> list[str]:
    with pytest.raises(ImportRejected) as info:
        import_file(store, path, form_id)
    assert len(store.responses()) == 0, "a rejected file must leave the store unchanged"
    return [str(p.at(path=None)) for p in info.value.findings]  # each as it reads after the file's name


def end_rows(tmp_path, *rows):
    return write_csv(tmp_path / "paper.csv", PAPER_END, [GOOD, *rows])


def tidy_file(tmp_path, *rows):
    good = [["ok", "end", "MM-01", "2016-06-08T09:00:00Z", "", "overall", "4"],
            ["ok", "end", "MM-01", "2016-06-08T09:00:00Z", "", "recommend", "8"]]
    return write_csv(tmp_path / "tidy.csv", TIDY, [*good, *rows])


def test_an_unknown_form_is_rejected_with_its_line(tmp_path, store):
    path = tidy_file(tmp_path, ["r2", "evaluation", "MM-02", "2016-06-08T09:00:00Z", "", "overall", "4"])
    assert rejected(store, path) == [
        "line 4, column form_id: unknown form 'evaluation' (forms: daily, end, followup, post, pre)"]


def test_an_unknown_question_is_rejected_in_tidy_rows_and_in_kobo_columns(tmp_path, store, forms):
    path = tidy_file(tmp_path, ["ok", "end", "MM-01", "2016-06-08T09:00:00Z", "d1-s2", "overall", "4"])
    assert rejected(store, path) == ["line 4, column question: unknown question 'overall' about session 'd1-s2' in form 'end'"]
    header = [*exported_columns(forms["end"], "/"), "feeling", "_uuid", "_submission_time"]
    kobo = write_csv(tmp_path / "kobo.csv", header, [["MM-01", "4", "8", "", "", "good", "k1", "2016-06-08T09:00:00"]])
    assert rejected(store, kobo, "end") == ["line 1, column feeling: unknown question 'feeling' in form 'end'"]


def test_values_out_of_range_or_not_numbers_are_rejected(tmp_path, store):
    path = end_rows(tmp_path, ["2", "MM-02", "2016-06-08", "6", "ten", "", ""], ["3", "MM-03", "2016-06-08", "3", "11", "", ""])
    assert rejected(store, path) == [
        "line 3, column overall: 6 is out of range (1–5)",
        "line 3, column recommend: 'ten' is not a number",
        "line 4, column recommend: 11 is out of range (0–10)",
    ]


def test_a_bad_date_is_rejected(tmp_path, store):
    path = end_rows(tmp_path, ["2", "MM-02", "08/06/2016", "4", "8", "", ""])
    assert rejected(store, path) == ["line 3, column date: bad date '08/06/2016' (write it as 2016-06-08 or 2016-06-08T16:30:00Z)"]


def test_a_missing_required_answer_is_rejected(tmp_path, store):
    path = end_rows(tmp_path, ["2", "MM-02", "2016-06-08", "", "8", "", ""])
    assert rejected(store, path) == ["line 3, column overall: required answer missing"]
    tidy = tidy_file(tmp_path, ["r3", "end", "MM-03", "2016-06-08T09:00:00Z", "", "overall", "4"])
    assert rejected(store, tidy) == ["line 4, column recommend: required answer missing"]


def test_an_unknown_participant_is_rejected_once_a_roster_exists(tmp_path, store):
    store.set_roster([{"participant": "MM-01", "country": "Myanmar", "org_type": "NGO", "member": True}])
    path = end_rows(tmp_path, ["2", "MM-02", "2016-06-08", "4", "8", "", ""])
    assert rejected(store, path) == [
        "line 3, column participant: unknown participant 'MM-02': not in the roster of cohort 'pilot-2016'"]


def test_rows_of_one_response_that_disagree_are_rejected(tmp_path, store):
    path = tidy_file(tmp_path, ["ok", "end", "MM-09", "2016-06-08T09:00:00Z", "", "most_useful", "maps"])
    assert rejected(store, path) == ["line 4, column participant: response 'ok' has participant 'MM-01' on line 2 but 'MM-09' here"]


def test_an_already_stored_response_is_skipped_and_counted_not_duplicated(tmp_path, store):
    import_file(store, end_rows(tmp_path))
    report = import_file(store, end_rows(tmp_path, ["2", "MM-02", "2016-06-08", "5", "9", "", ""]))
    assert (report.stored, report.skipped) == (1, 1)
    assert len(store.responses()) == 2


def test_a_file_that_is_not_utf8_or_has_no_known_columns_is_refused(tmp_path, store):
    latin = tmp_path / "latin1.csv"
    latin.write_bytes(",".join(PAPER_END).encode() + b"\r\n1,MM-01,2016-06-08,4,8,Caf\xe9,\r\n")
    with pytest.raises(ImportFileError, match="not UTF-8 text .* save the file as CSV UTF-8"):
        import_file(store, latin)
    other = write_csv(tmp_path / "other.csv", ["name", "score"], [["x", "1"]])
    with pytest.raises(ImportFileError, match="cannot tell the format from the columns"):
        import_file(store, other)


def test_pre_and_post_exports_need_form_to_say_which(tmp_path, store, forms):
    header = [*exported_columns(forms["pre"], "/")[:7], "_uuid", "_submission_time"]
    path = write_csv(tmp_path / "pre.csv", header, [["MM-01", "3", "3", "2", "2", "1", "1", "k1", "2016-06-04T01:00:00"]])
    with pytest.raises(ImportFileError, match="the columns fit forms post, pre: say which with --form"):
        import_file(store, path)
    assert rejected(store, path, "pre") == ["line 2, column asean_experience: required answer missing"]


def test_the_import_command_prints_every_problem_and_exits_1(tmp_path):
    path = end_rows(tmp_path, ["2", "MM-02", "2016-06-31", "9", "8", "", ""])
    db = tmp_path / "cli.sqlite"
    result = CliRunner().invoke(main, ["feedback", "import", str(path), "--db", f"sqlite:///{db}"],
                                env={"TRAININGKIT_ROOT": str(REPO)})
    assert result.exit_code == 1
    assert result.output.splitlines() == [
        f"{path}, line 3, column date: bad date '2016-06-31' (write it as 2016-06-08 or 2016-06-08T16:30:00Z)",
        f"{path}, line 3, column overall: 9 is out of range (1–5)",
        f"{path}: 2 problem(s); nothing was imported",
    ]
    assert len(FeedbackStore(f"sqlite:///{db}", root=REPO).responses()) == 0
