"""One response id, one response: given twice word for word it is stored once and counted;
with other answers it is refused, in the file or against the store, never dropped silently.
And a tidy file's cohort column cannot write into a cohort of its own choosing.
The messages are the same on SQLite and PostgreSQL."""
from __future__ import annotations

from importcases import FIXTURES, PAPER_END, TIDY, any_store, rejected  # noqa: F401  any_store is a fixture
from test_store import pg_server, pg_url  # noqa: F401  fixtures: the PostgreSQL server of the store tests
from test_import_formats import write_csv
from trainingkit.feedback.imports import import_file

HINT = ("is already stored with other answers, and an import never replaces one: see its versions with "
        "'trainingkit feedback history {code}'; to store the change, give this line a new paper_form_no: it is kept "
        "as a new version, and the latest counts (or the one chosen with --count)")


def test_a_kobo_uuid_given_twice_with_other_answers_refuses_the_file_naming_both_lines(any_store):
    assert rejected(any_store, FIXTURES / "kobo-conflicting-duplicates.csv") == [
        "line 5, column _uuid: response_id: line 3 has the same response id with other answers; "
        "each response needs an id of its own (a copy, or a typing slip?)"]


def test_a_paper_form_number_typed_twice_is_a_conflict_not_a_lost_sheet(any_store):
    assert rejected(any_store, FIXTURES / "paper-duplicate-number.csv") == [
        "line 4, column paper_form_no: response_id: line 2 has the same response id with other answers; "
        "each response needs an id of its own (a copy, or a typing slip?)"]


def test_a_response_repeated_word_for_word_is_stored_once_and_counted(tmp_path, any_store):
    rows = [["1", "MM-01", "2016-06-08", "4", "8", "", ""], ["2", "MM-02", "2016-06-08", "5", "9", "", ""]]
    report = import_file(any_store, write_csv(tmp_path / "paper.csv", PAPER_END, [*rows, rows[0]]))
    assert (report.stored, report.skipped) == (2, 1)
    tidy = [["t1", "end", "MM-01", "2016-06-08T09:00:00Z", "", "overall", "4"],
            ["t1", "end", "MM-01", "2016-06-08T09:00:00Z", "", "recommend", "8"]]
    report = import_file(any_store, write_csv(tmp_path / "tidy.csv", TIDY, tidy + tidy))  # two exports joined
    assert (report.stored, report.skipped, report.answers) == (1, 1, 2)


def test_a_tidy_response_answering_one_question_twice_differently_names_both_lines(tmp_path, any_store):
    rows = [["t1", "end", "MM-01", "2016-06-08T09:00:00Z", "", "overall", "4"],
            ["t1", "end", "MM-01", "2016-06-08T09:00:00Z", "", "recommend", "8"],
            ["t1", "end", "MM-01", "2016-06-08T09:00:00Z", "", "overall", "2"]]
    assert rejected(any_store, write_csv(tmp_path / "tidy.csv", TIDY, rows)) == [
        "line 4, column value: overall: response 't1' answers 'overall' on line 2 too, differently ('4', here '2'): "
        "one response id cannot hold two answers"]


def test_an_id_already_stored_with_other_answers_is_refused_with_how_to_see_its_versions(tmp_path, any_store):
    first = [["1", "MM-01", "2016-06-08", "4", "8", "", ""], ["2", "MM-02", "2016-06-08", "5", "9", "", ""]]
    import_file(any_store, write_csv(tmp_path / "day1.csv", PAPER_END, first))
    again = [first[0], ["2", "MM-02", "2016-06-08", "3", "9", "", "typed wrongly the first time"], ["3", "MM-03", "2016-06-08", "4", "7", "", ""]]
    problems = rejected(any_store, write_csv(tmp_path / "day2.csv", PAPER_END, again))
    rid = any_store.responses().set_index("participant").response_id["MM-02"]
    assert problems == [f"line 3, column paper_form_no: response_id: response '{rid}' " + HINT.format(code="MM-02")]
    assert sorted(any_store.answers().value) == ["4", "5", "8", "9"], "the stored sheets are as they were"


def test_the_same_file_imported_twice_is_skipped_and_counted_on_both_databases(tmp_path, any_store):
    lines = (FIXTURES / "kobo-conflicting-duplicates.csv").read_bytes().splitlines(keepends=True)
    path = tmp_path / "kobo.csv"
    path.write_bytes(b"".join(lines[:4]))  # without the conflicting last row: k1, k2, k1 again
    first, again = import_file(any_store, path), import_file(any_store, path)
    assert (first.stored, first.skipped, again.stored, again.skipped) == (2, 1, 0, 3)


def test_a_tidy_cohort_column_must_name_the_cohort_being_imported_or_one_of_course_yml(tmp_path, any_store):
    header = [*TIDY, "cohort"]
    rows = [["t1", "end", "MM-01", "2016-06-08T09:00:00Z", "", "overall", "4", "pilot-2017"],
            ["t1", "end", "MM-01", "2016-06-08T09:00:00Z", "", "recommend", "8", "pilot-2017"]]
    path = write_csv(tmp_path / "tidy.csv", header, rows)
    assert rejected(any_store, path) == [
        "line 2, column cohort: cohort 'pilot-2017' is not the cohort being imported nor one in course.yml ('pilot-2016')"]
    assert import_file(any_store, path, cohorts=("pilot-2017",)).stored == 1


def test_the_roster_of_the_cohort_a_tidy_file_names_is_checked(tmp_path, any_store):
    any_store.set_roster([{"participant": "MM-01", "country": "Myanmar", "org_type": "NGO", "member": True}], cohort="pilot-2017")
    header = [*TIDY, "cohort"]
    rows = [["t1", "end", "XX-99", "2016-06-08T09:00:00Z", "", "overall", "4", "pilot-2017"],
            ["t1", "end", "XX-99", "2016-06-08T09:00:00Z", "", "recommend", "8", "pilot-2017"]]
    assert rejected(any_store, write_csv(tmp_path / "tidy.csv", header, rows), cohorts=("pilot-2017",)) == [
        "line 2, column participant: unknown participant 'XX-99': not in the roster of cohort 'pilot-2017'"]


def test_a_paper_sheet_keeps_the_id_it_was_stored_under_before(tmp_path, any_store):
    # The id is uuid5(cohort/form/number): typing a sheet in again next year must find it stored.
    import uuid

    from trainingkit.feedback.imports.paper import NAMESPACE, sheet_id

    for name in ("pilot-2016/end/1", "pilot-2016/daily/12345", "ຄະນະ-2027/end/007"):
        assert sheet_id(name) == str(uuid.uuid5(NAMESPACE, name))
    import_file(any_store, write_csv(tmp_path / "paper.csv", PAPER_END, [["7", "MM-07", "2016-06-08", "4", "8", "", ""]]))
    assert any_store.responses().response_id.tolist() == [str(uuid.uuid5(NAMESPACE, "pilot-2016/end/7"))]
