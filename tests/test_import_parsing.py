"""Parsing can never merge records: a quote left open, a row of the wrong width or a paper
sheet over two lines is an error naming its line, and nothing is stored."""
from __future__ import annotations

import pytest

from importcases import FIXTURES, KOBO_END, TIDY
from test_import_formats import as_dict, write_csv
from trainingkit.feedback.imports import import_file
from trainingkit.feedback.imports.table import ImportFileError


def refused(store, path) -> str:
    with pytest.raises(ImportFileError) as info:
        import_file(store, path)
    assert len(store.responses()) == 0
    return str(info.value)


def test_an_open_quote_in_a_paper_sheet_cannot_swallow_the_sheets_after_it(store):
    # Sheet 2's last cell opens a quote that is never closed: on main, sheets 3 and 4 became its comment.
    path = FIXTURES / "paper-open-quote.csv"
    assert refused(store, path) == f"{path}, line 3: a quote opened on this line is never closed"


def test_a_paper_sheet_is_one_line_even_when_a_later_quote_closes_the_open_one(store):
    path = FIXTURES / "paper-quote-closed-later.csv"
    assert refused(store, path) == (f"{path}, line 3: a quote opened on this line is closed only on line 5; "
                                    "each sheet is one line of the template, so a cell cannot hold a line break")


def test_a_quoted_value_running_over_lines_that_look_like_rows_is_refused_in_a_kobo_file(tmp_path, store):
    path = tmp_path / "kobo.csv"
    path.write_text(",".join(KOBO_END) + "\n"
                    'MM-01,4,8,"Role play,,k1,2016-06-08T10:00:00\n'
                    "MM-02,5,9,,,k2,2016-06-08T10:01:00\n"
                    'MM-03,3,7,,,k3,2016-06-08T10:02:00"\n', encoding="utf-8")
    assert refused(store, path) == (f"{path}, line 2: 4 values but 7 columns; every row needs one value per column "
                                    "(is a quote or a separator missing?)")
    path.write_text(",".join(KOBO_END) + "\n"
                    'MM-01,4,8,,"Role play\n'
                    "MM-02,5,9,,,k2,2016-06-08T10:01:00\n"
                    'MM-03,3,7,,end",k3,2016-06-08T10:02:00\n', encoding="utf-8")
    assert refused(store, path) == (f"{path}, line 2: a quoted value runs on to line 4 over lines that look like rows "
                                    "of their own: is a closing quote missing?")


def test_a_comment_over_several_lines_is_still_read_from_kobo_and_tidy_files(tmp_path, store):
    comment = "First, the power map.\nSecond, the calendar, with dates; and cases."
    path = write_csv(tmp_path / "kobo.csv", KOBO_END, [["MM-01", "4", "8", comment, "", "k1", "2016-06-08T10:00:00"]])
    assert import_file(store, path).stored == 1
    assert as_dict(store.answers(), "k1")[(None, "most_useful")] == comment


@pytest.mark.parametrize("line, reason", [
    ("r2,end,MM-02,2016-06-08,,overall", "6 values but 7 columns"),
    ("r2,end,MM-02,2016-06-08,,overall,4,", "8 values but 7 columns"),
    ("r2,end,MM-02,2016-06-08,,overall,4,extra", "8 values but 7 columns"),
])
def test_a_row_with_more_or_fewer_values_than_the_header_is_refused(tmp_path, store, line, reason):
    path = tmp_path / "tidy.csv"
    path.write_text(",".join(TIDY) + "\nr1,end,MM-01,2016-06-08,,overall,4\n" + line + "\n", encoding="utf-8")
    assert refused(store, path) == (f"{path}, line 3: {reason}; every row needs one value per column "
                                    "(is a quote or a separator missing?)")


def test_text_after_a_closing_quote_is_refused_not_glued_on(tmp_path, store):
    path = tmp_path / "tidy.csv"
    path.write_text(",".join(TIDY) + '\nr1,end,MM-01,2016-06-08,,most_useful,"maps"x\n', encoding="utf-8")
    assert refused(store, path) == f"{path}, line 2: ',' expected after '\"'"


def test_a_byte_that_is_not_utf8_is_reported_with_its_line(tmp_path, store):
    path = tmp_path / "latin1.csv"
    path.write_bytes(",".join(TIDY).encode() + b"\nr1,end,MM-01,2016-06-08,,overall,4\nr2,end,MM-02,2016-06-08,,most_useful,Caf\xe9\n")
    assert refused(store, path) == f"{path}, line 3: not UTF-8 text (character 41); save the file as CSV UTF-8"
