"""Hostile import files for the tests, and a store on SQLite or PostgreSQL for each.

Small cases are files in ``tests/fixtures/imports/`` (their exact bytes are the point); big ones
are made in the test's tmp folder when the test runs and never committed.
"""
from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook

from trainingkit.feedback import FeedbackStore
from trainingkit.errors import ImportRejected
from trainingkit.feedback.imports import import_file

FIXTURES = Path(__file__).parent / "fixtures" / "imports"
KOBO_END = ["participant", "overall", "recommend", "most_useful", "change_one_thing", "_uuid", "_submission_time"]
PAPER_END = ["paper_form_no", "participant", "date", "overall", "recommend", "most_useful", "change_one_thing"]
TIDY = ["response_id", "form_id", "participant", "submitted_at", "session", "question", "value"]


@pytest.fixture(params=["sqlite", "postgresql"])
def any_store(request, tmp_path, forms):
    """An empty store for the real forms, cohort pilot-2016, on each database in turn (a test
    module using it imports ``pg_server, pg_url`` from test_store)."""
    url = f"sqlite:///{tmp_path / 'fb.sqlite'}" if request.param == "sqlite" else request.getfixturevalue("pg_url")
    store = FeedbackStore(url, forms=forms, cohort="pilot-2016")
    yield store
    store.close()


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
