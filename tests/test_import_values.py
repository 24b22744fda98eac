"""Numbers are finite whole numbers in the form's range; text holds no control characters and is
stored NFC-normalised; nothing is longer than its column. Every rule gives the same message on
SQLite and PostgreSQL, and a refusal by the database itself names a line, never a traceback."""
from __future__ import annotations

import unicodedata

import pytest

from importcases import FIXTURES, PAPER_END, TIDY, any_store, rejected  # noqa: F401  any_store is a fixture
from test_import_formats import write_csv
from test_store import pg_server, pg_url  # noqa: F401  fixtures: the PostgreSQL server of the store tests
from trainingkit.feedback import FeedbackStore, SubmissionError
from trainingkit.feedback import submission
from trainingkit.errors import ImportRejected
from trainingkit.feedback.imports import ImportFileError, import_file

GOOD_TIME = "2016-06-08T09:00:00Z"


def tidy(tmp_path, *answers, extra=None):
    """A tidy file of one end-form response: overall 4, recommend 8 and ``answers`` (question, value)."""
    header = [*TIDY, *(extra or {})]
    rows = [["t1", "end", "MM-01", GOOD_TIME, "", q, v, *(extra or {}).values()]
            for q, v in [("overall", "4"), ("recommend", "8"), *answers]]
    return write_csv(tmp_path / "tidy.csv", header, rows)


def test_inf_nan_exponents_and_other_number_forms_are_refused(any_store):
    assert rejected(any_store, FIXTURES / "paper-numbers.csv") == [
        "line 2, column recommend: 'inf' is not a number",
        "line 3, column overall: 'nan' is not a number",
        "line 4, column recommend: '1e400' is not a number",
        "line 5, column recommend: '1e1' is not a number",
        "line 6, column overall: '-inf' is not a number",
        "line 7, column recommend: '7.5' is not a whole number",
        "line 8, column recommend: '٨' is not a number",
        "line 9, column recommend: '0x8' is not a number",
        "line 10, column recommend: '1_0' is not a number",
        "line 11, column recommend: '99999999999999999999999' is not a number",
    ]


def test_whole_numbers_as_people_and_spreadsheets_write_them_are_read(tmp_path, any_store):
    rows = [["1", "MM-01", "2016-06-08", "4.0", " +8 ", "", ""], ["2", "MM-02", "2016-06-08", "05", "10.00", "", ""]]
    import_file(any_store, write_csv(tmp_path / "paper.csv", PAPER_END, rows))
    assert sorted(any_store.answers().value) == ["10", "4", "5", "8"]


def test_a_notebook_submission_of_an_infinite_or_fractional_float_is_refused(any_store):
    with pytest.raises(SubmissionError, match="recommend: 'inf' is not a number"):
        any_store.submit("end", {"overall": 4, "recommend": float("inf")})
    with pytest.raises(SubmissionError, match="overall: '4.5' is not a whole number"):
        any_store.submit("end", {"overall": 4.5, "recommend": 8})
    assert len(any_store.responses()) == 0


def test_nul_and_other_control_characters_are_refused_naming_line_column_and_character(tmp_path, any_store):
    path = tidy(tmp_path, ("most_useful", "maps\x00and more"), ("change_one_thing", "\x1b[31mred"))
    assert rejected(any_store, path) == [
        "line 4, column value: most_useful: holds the control character U+0000 (NUL) at character 5: "
        "remove it (only tab and line breaks are kept)",
        "line 5, column value: change_one_thing: holds the control character U+001B (ESC) at character 1: "
        "remove it (only tab and line breaks are kept)",
    ]


def test_tabs_and_line_breaks_are_kept_and_text_is_stored_nfc_normalised(tmp_path, any_store):
    decomposed = unicodedata.normalize("NFD", "Tiếng Việt rất hữu ích")
    assert decomposed != "Tiếng Việt rất hữu ích"
    import_file(any_store, tidy(tmp_path, ("most_useful", decomposed), ("change_one_thing", "one\ttwo\r\nthree")))
    stored = dict(zip(any_store.answers().question, any_store.answers().value))
    assert stored["most_useful"] == "Tiếng Việt rất hữu ích"
    assert stored["change_one_thing"] == "one\ttwo\r\nthree"


def test_values_longer_than_their_column_are_refused_the_same_on_both_databases(tmp_path, any_store):
    path = tidy(tmp_path, extra={"language": "english-uk", "form_version": "99999999999"})
    assert rejected(any_store, path) == [
        "line 2, column form_version: '99999999999' is not a version number",
        "line 2, column language: language is 10 characters long; at most 8",
    ]
    long_id = write_csv(tmp_path / "long.csv", TIDY, [["x" * 65, "end", "MM-01", GOOD_TIME, "", "overall", "4"],
                                                      ["x" * 65, "end", "MM-01", GOOD_TIME, "", "recommend", "8"]])
    assert rejected(any_store, long_id) == ["line 2, column response_id: response_id is 65 characters long; at most 64"]


def test_a_refusal_by_the_database_itself_is_a_line_and_a_reason(tmp_path, pg_url, forms, monkeypatch):
    # Every known rule is checked before writing; should one be missed, PostgreSQL's refusal
    # still comes back as a line of the file. Here the language length check is switched off.
    monkeypatch.setitem(submission.LENGTHS, "language", 100)
    store = FeedbackStore(pg_url, forms=forms, cohort="pilot-2016")
    rows = [["ok", "end", "MM-01", GOOD_TIME, "", "overall", "4", "en"], ["ok", "end", "MM-01", GOOD_TIME, "", "recommend", "8", "en"],
            ["t2", "end", "MM-02", GOOD_TIME, "", "overall", "4", "english-uk"], ["t2", "end", "MM-02", GOOD_TIME, "", "recommend", "8", "english-uk"]]
    path = write_csv(tmp_path / "tidy.csv", [*TIDY, "language"], rows)
    assert rejected(store, path) == [
        "line 4, column response_id: response: the database refuses this response "
        "(value too long for type character varying(8))"]
    store.close()


def outcome(store, path) -> list[str]:
    """What the organiser reads after importing ``path``: the report, or every problem."""
    try:
        return [str(import_file(store, path)).replace(str(path), "FILE")]
    except ImportRejected as exc:
        return [str(p.at(path=None)) for p in exc.findings]
    except ImportFileError as exc:
        return [str(exc).replace(str(path), "FILE")]


def test_every_hostile_fixture_reads_the_same_on_sqlite_and_postgresql(tmp_path, forms, pg_url):
    files = sorted(FIXTURES.glob("*.csv"))
    assert len(files) >= 5
    files.append(tidy(tmp_path, ("most_useful", "maps\x00and more"), extra={"language": "english-uk"}))
    stores = {"sqlite": FeedbackStore(f"sqlite:///{tmp_path / 'fb.sqlite'}", forms=forms, cohort="pilot-2016"),
              "postgresql": FeedbackStore(pg_url, forms=forms, cohort="pilot-2016")}
    read = {name: {path.name: outcome(store, path) for path in files} for name, store in stores.items()}
    assert read["sqlite"] == read["postgresql"]
    assert read["sqlite"]["tidy.csv"] == [
        "line 2, column language: language is 10 characters long; at most 8",
        "line 4, column value: most_useful: holds the control character U+0000 (NUL) at character 5: "
        "remove it (only tab and line breaks are kept)"]
    assert read["sqlite"]["paper-open-quote.csv"] == ["FILE, line 3: a quote opened on this line is never closed"]
    assert all(len(store.responses()) == 0 for store in stores.values()), "every one of them is refused whole"
    for store in stores.values():
        store.close()


def test_an_import_leaves_the_sqlite_connection_checking_foreign_keys(tmp_path, store):
    # The import writes without SQLite's foreign-key check (answers go in with their response);
    # the next user of the pooled connection must have it back.
    import_file(store, write_csv(tmp_path / "paper.csv", PAPER_END, [["1", "MM-01", "2016-06-08", "4", "8", "", ""]]))
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA cache_size").scalar() == -2000
