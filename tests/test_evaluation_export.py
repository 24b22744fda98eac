"""Exports neutralise formula text, keep Thai, Khmer and Burmese intact, and never carry names."""
import csv

import openpyxl
import pandas as pd
import pytest

from trainingkit.course import load_course
from trainingkit.errors import TrainingkitError
from trainingkit.evaluation.export import export, masked_answers, neutralise
from trainingkit.evaluation.render import as_markdown, escape_md
from trainingkit.evaluation.summary import summarise
from trainingkit.evaluation.tables import summary_tables
from trainingkit.evaluation.tallies import TEXT_QUESTIONS, TIDY, tallies_from_answers

DANGEROUS = ['=HYPERLINK("http://x","click")', "+1+2", "-2+3", "@SUM(A1)", "\tindent", "\rreturn"]
SCRIPTS = ["มีประโยชน์มาก", "មានប្រយោជន៍ណាស់", "အလွန်အသုံးဝင်သည်", "Rất hữu ích"]


def answers():
    rows = [(f"r{i}", "end", f"P{i}", "2016-06-08T16:00", "", "most_useful", text)
            for i, text in enumerate(DANGEROUS + SCRIPTS)]
    rows.append(("r99", "end", "P99", "2016-06-08T16:00", "", "overall", "4"))
    return pd.DataFrame(rows, columns=TIDY)


@pytest.mark.parametrize("text", DANGEROUS)
def test_text_a_spreadsheet_would_run_gets_an_apostrophe(text):
    assert neutralise(text) == "'" + text


def test_ordinary_text_and_numbers_are_left_alone():
    assert [neutralise(v) for v in ("Good", "4", 4, "ค่าแรง 421 บาท")] == ["Good", "4", 4, "ค่าแรง 421 บาท"]


@pytest.fixture
def tables(course_dir):
    course = load_course(course_dir)
    summary = summarise(tallies_from_answers(answers()), course, expected=None, min_cell=5)
    return summary, summary_tables(summary, course)


def test_csv_export_is_neutralised_and_keeps_every_script(tmp_path, tables):
    _, frames = tables
    files = export(tmp_path / "pilot.csv", answers(), frames)
    assert [f.name for f in files][:4] == ["pilot.csv", "pilot.response_rates.csv", "pilot.profile.csv", "pilot.sessions.csv"]
    with open(tmp_path / "pilot.csv", encoding="utf-8", newline="") as fh:
        values = [row["value"] for row in csv.DictReader(fh)]
    assert values[: len(DANGEROUS)] == ["'" + t for t in DANGEROUS]
    assert values[len(DANGEROUS): len(DANGEROUS) + len(SCRIPTS)] == SCRIPTS


def test_xlsx_export_has_no_formulas_and_keeps_every_script(tmp_path, tables):
    _, frames = tables
    export(tmp_path / "pilot.xlsx", answers(), frames)
    book = openpyxl.load_workbook(tmp_path / "pilot.xlsx")
    assert book.sheetnames == ["About", "answers", "response_rates", "profile", "sessions", "pre_post", "nps", "followup", "levels", "breakdowns"]
    # openpyxl shows a carriage return as the XML escape _x000D_
    cells = [row[6].replace("_x000D_", "\r") for row in book["answers"].iter_rows(min_row=2, values_only=True)]
    assert cells[: len(DANGEROUS)] == ["'" + t for t in DANGEROUS]
    assert cells[len(DANGEROUS): len(DANGEROUS) + len(SCRIPTS)] == SCRIPTS
    assert not any(c.data_type == "f" for row in book["answers"].iter_rows() for c in row)


def test_an_unknown_export_format_is_refused(tmp_path, tables):
    with pytest.raises(TrainingkitError, match=r"pilot.json: export to .csv or .xlsx"):
        export(tmp_path / "pilot.json", answers(), tables[1])


def test_exported_open_text_is_masked():
    frame = pd.DataFrame([("r1", "end", "P1", "", "", "most_useful", "Call me on 081 234 5678, Dara")], columns=TIDY)
    assert masked_answers(frame, TEXT_QUESTIONS, ["Dara"])["value"].tolist() == ["Call me on [phone removed], [name removed]"]


def test_markdown_escapes_comments(tables, course_dir):
    summary, _ = tables
    md = as_markdown(summary, load_course(course_dir))
    assert "=HYPERLINK(\"http://x\",\"click\")" not in md
    assert escape_md('<script>alert(1)</script> [x](http://evil)') == "\\<script\\>alert(1)\\</script\\> \\[x\\](http\\:\\//evil)"  # linkify must not link it
