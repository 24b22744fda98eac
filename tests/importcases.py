"""Hostile import files for the tests, and how a refused import is read back.

Small cases are files in ``tests/fixtures/imports/`` (their exact bytes are the point); big ones
are made in the test's tmp folder when the test runs and never committed.
"""
from __future__ import annotations

import csv
import io
import re
import zipfile
from pathlib import Path

import pandas as pd
import pytest
from openpyxl import Workbook

from trainingkit.errors import ImportRejected
from trainingkit.feedback.imports import import_file
from trainingkit.forms.xlsform import workbook

FIXTURES = Path(__file__).parent / "fixtures" / "imports"
KOBO_END = ["participant", "overall", "recommend", "most_useful", "change_one_thing", "_uuid", "_submission_time"]
PAPER_END = ["paper_form_no", "participant", "date", "overall", "recommend", "most_useful", "change_one_thing"]
TIDY = ["response_id", "form_id", "participant", "submitted_at", "session", "question", "value"]


def rejected(store, path, **options) -> list[str]:
    """The problems of a refused import, each as printed; the store must be unchanged."""
    before = len(store.responses())
    with pytest.raises(ImportRejected) as info:
        import_file(store, path, **options)
    assert len(store.responses()) == before, "a rejected file must leave the store unchanged"
    return [str(p.at(path=None)) for p in info.value.findings]  # each as it reads after the file's name


def xlsx_with_sheet_xml(path: Path, rows: list[list], edit) -> Path:
    """A workbook of ``rows`` whose sheet XML is then changed by ``edit(bytes) -> bytes``."""
    book = Workbook()
    for row in rows:
        book.active.append(row)
    packed = io.BytesIO()
    book.save(packed)
    source = zipfile.ZipFile(packed)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info in source.infolist():
            data = source.read(info.filename)
            out.writestr(info, edit(data) if info.filename == "xl/worksheets/sheet1.xml" else data)
    return path


def dimension_bomb(path: Path, last_cell: bool = False) -> Path:
    """The 5 KB workbook declaring A1:XFD1048576 (17 billion cells) around one response; with
    ``last_cell``, a real cell in the sheet's last row and column as well."""
    def edit(xml: bytes) -> bytes:
        xml = re.sub(rb'<dimension ref="[^"]*"/>', b'<dimension ref="A1:XFD1048576"/>', xml)
        if last_cell:
            xml = xml.replace(b"</sheetData>", b'<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is>'
                                               b'</c></row></sheetData>')
        return xml

    return xlsx_with_sheet_xml(path, [KOBO_END, ["MM-01", 4, 8, "", "", "k1", "2016-06-08T10:00:00"]], edit)


def exported_columns(form, separator: str) -> list[str]:
    """The answer columns Kobo ("/") or ODK ("-") exports for our XLSForm: group path + name."""
    columns, groups = [], []
    for row in workbook(form)["survey"]:
        if row["type"] == "begin_group":
            groups.append(row["name"])
        elif row["type"] == "end_group":
            groups.pop()
        else:
            columns.append(separator.join([*groups, row["name"]]))
    return columns


def write_csv(path, header, rows, delimiter=",", bom=False):
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    path.write_bytes(("\ufeff" if bom else "").encode() + out.getvalue().encode("utf-8"))
    return path


def as_dict(answers: pd.DataFrame, response_id: str) -> dict:
    mine = answers[answers.response_id == response_id]
    return {(s or None, q): v for s, q, v in zip(mine.session, mine.question, mine.value)}
