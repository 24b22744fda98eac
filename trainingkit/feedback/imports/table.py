"""Read a CSV or XLSX file into a header and rows that remember their line numbers.

CSV: UTF-8 with or without BOM, ``,`` or ``;`` (KoboToolbox often uses ``;``), quoted fields
over several lines. Text is never re-encoded or trimmed, so Thai, Khmer and Burmese come
through exactly.
"""
from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from ...errors import TrainingkitError

XLSX_SUFFIXES = {".xlsx", ".xlsm"}


class Row(NamedTuple):
    line: int  # the file line (or sheet row) the record starts on; the header is line 1
    values: dict[str, str]


@dataclass(frozen=True)
class Table:
    path: Path
    header: list[str]
    rows: list[Row]


class ImportFileError(TrainingkitError):
    """The file cannot be read at all (encoding, format, empty)."""


def read_table(path: Path) -> Table:
    path = Path(path)
    if path.suffix.lower() in XLSX_SUFFIXES:
        header, records = _xlsx_records(path)
    else:
        header, records = _csv_records(path)
    duplicates = sorted({h for h in header if header.count(h) > 1 and h})
    if duplicates:
        raise ImportFileError(f"{path}: line 1: column {', '.join(duplicates)} appears twice")
    rows, width = [], len(header)
    for line, values in records:
        if not "".join(values).strip():
            continue  # blank lines and empty spreadsheet rows
        if len(values) > width and "".join(values[width:]).strip():
            raise ImportFileError(f"{path}: line {line}: more values ({len(values)}) than columns ({width})")
        if len(values) != width:
            values = (values + [""] * width)[:width]
        rows.append(Row(line, dict(zip(header, values))))
    return Table(path, header, rows)


def _csv_records(path: Path):
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ImportFileError(f"{path}: not UTF-8 text (byte {exc.start}); save the file as CSV UTF-8") from None
    first = text[: text.find("\n")] if "\n" in text else text
    if not first.strip():
        raise ImportFileError(f"{path}: the first line must hold the column names")
    delimiter = ";" if first.count(";") > first.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    header = [h.strip() for h in next(reader)]
    records, line = [], 2
    try:
        for values in reader:
            records.append((line, values))
            line = reader.line_num + 1
    except csv.Error as exc:
        raise ImportFileError(f"{path}: line {line}: {exc}") from None
    return header, records


def _cell(value) -> str:
    """A spreadsheet cell as the text a CSV export would hold."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _xlsx_records(path: Path):
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, OSError, KeyError, ValueError) as exc:
        raise ImportFileError(f"{path}: not a readable XLSX workbook ({exc})") from None
    sheet = workbook.worksheets[0]  # Kobo puts the main table first; repeat groups follow
    rows = sheet.iter_rows(values_only=True)
    try:
        header = [_cell(v).strip() for v in next(rows)]
    except StopIteration:
        raise ImportFileError(f"{path}: the first sheet is empty") from None
    records = [(number, [_cell(v) for v in values]) for number, values in enumerate(rows, start=2)]
    workbook.close()
    return header, records


def parse_time(text: str) -> dt.datetime:
    """ISO 8601 date or date-time (``Z`` or an offset allowed) → naive UTC; ``ValueError`` if not."""
    value = text.strip()
    try:
        parsed = dt.datetime.fromisoformat(value)
    except ValueError:
        raise ValueError(f"bad date '{value}' (write it as 2016-06-08 or 2016-06-08T16:30:00Z)") from None
    if parsed.tzinfo is not None:
        parsed = parsed.astimezone(dt.timezone.utc).replace(tzinfo=None)
    return parsed
