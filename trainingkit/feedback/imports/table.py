"""Read a CSV or XLSX file as a header and a stream of rows that remember their line numbers.

Rows are read one at a time, so memory stays small whatever the file's size, and a file over a
limit of ``course.yml`` (:class:`~trainingkit.course.ImportLimits`) is refused as soon as that
is known: its size before reading, a line, a cell, a column or a row count as it comes.

CSV: UTF-8 with or without BOM, ``,`` or ``;`` (KoboToolbox often uses ``;``), quoted fields
over several lines (not in the paper template: a sheet is one line). Quoting is strict: a quote
left open, or a row with more or fewer values than the header, is an error naming its line, so
one careless cell can never merge the records after it into itself. Text is never re-encoded or
trimmed, so Thai, Khmer and Burmese come through exactly.

XLSX: the first sheet, in openpyxl's read-only mode, ignoring the size the sheet declares (a
5 KB file can declare a million rows of 16,384 columns); the zip may unpack to at most 10 times
the file limit.
"""
from __future__ import annotations

import csv
import datetime as dt
import functools
import re
import zipfile
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator, NamedTuple

from ...course import ImportLimits
from ...errors import Finding, FindingsError, Location

XLSX_SUFFIXES = {".xlsx", ".xlsm"}
MB = 1024 * 1024
BAD_BYTE = re.compile("[\udc80-\udcff]")  # what surrogateescape makes of a byte that is not UTF-8


class Row(NamedTuple):
    line: int  # the file line (or sheet row) the record starts on; the header is line 1
    values: dict[str, str]


@dataclass
class Table:
    """A header and its rows: a list (:func:`read_table`) or a stream read once (:func:`open_table`)."""

    path: Path
    header: list[str]
    rows: Iterable[Row]


class ImportFileError(FindingsError):
    """The file cannot be read at all (encoding, format, quoting, empty, over a limit): one
    finding, naming the file and, when known, the line and column."""

    def __init__(self, path: Path | str, message: str, *, line: int | None = None, column: str | None = None):
        self.path = path
        super().__init__([Finding(Location(str(path), line=line, column=column), message)])


class ImportLimitError(ImportFileError):
    """The file is over one of the ``limits:`` in course.yml."""

    def __init__(self, path: Path, what: str, limit: str, value: int, *, line: int | None = None, column: str | None = None):
        self.limit = limit
        super().__init__(path, f"{what}, over the limit '{limit}: {value}' in course.yml; "
                         "if the file is right, raise that limit (under 'limits:') and import it again", line=line, column=column)


def read_table(path: Path, limits: ImportLimits | None = None) -> Table:
    """The whole table in memory: for small files such as a roster."""
    with open_table(path, limits) as table:
        return Table(table.path, table.header, list(table.rows))


@contextmanager
def open_table(path: Path, limits: ImportLimits | None = None, one_line_records=lambda header: False) -> Iterator[Table]:
    """The table with its rows as a stream; ``one_line_records(header)`` says whether a record
    must fit on one line (the paper template)."""
    path, limits = Path(path), limits or ImportLimits()
    size = path.stat().st_size
    if size > limits.file_mb * MB:
        raise ImportLimitError(path, f"the file is {size / MB:,.0f} MB", "file_mb", limits.file_mb)
    reader = _xlsx if path.suffix.lower() in XLSX_SUFFIXES else _csv
    with reader(path, limits) as (header, records, separator):
        duplicates = sorted({h for h in header if header.count(h) > 1 and h})
        if duplicates:
            raise ImportFileError(path, line=1, message=f"column {', '.join(duplicates)} appears twice")
        yield Table(path, header, _rows(path, header, records, limits, one_line_records(header), separator))


def _rows(path: Path, header: list[str], records, limits: ImportLimits, one_line: bool, separator: str) -> Iterator[Row]:
    width, cell_chars, count = len(header), limits.cell_chars, 0
    for line, last, values in records:
        count += 1
        if count > limits.rows:
            raise ImportLimitError(path, f"the file has more than {limits.rows:,} rows", "rows", limits.rows, line=line)
        joined = "".join(values)
        if not joined or joined.isspace():
            continue  # blank lines and empty spreadsheet rows
        if len(values) != width:
            raise ImportFileError(path, line=line, message=f"{len(values)} values but {width} columns; "
                                  "every row needs one value per column (is a quote or a separator missing?)")
        if len(joined) > cell_chars and max(map(len, values)) > cell_chars:  # no cell is longer than all of them
            column = next(h for h, v in zip(header, values) if len(v) > cell_chars)
            raise ImportLimitError(path, f"the cell holds more than {cell_chars:,} characters", "cell_chars", cell_chars,
                                   line=line, column=column)
        if last > line:
            _check_multiline(path, line, last, values, one_line, separator.join([""] * width))
        yield Row(line, dict(zip(header, values)))


def _check_multiline(path: Path, line: int, last: int, values: list[str], one_line: bool, row_separators: str) -> None:
    """A record over several lines: a comment with line breaks, or a quote left open.

    A quote left open swallows the rows after it into one cell, and the row count still fits
    when the quote closes at a later row's end. So a cell whose later lines hold exactly a
    row's separators (and at least two) is taken for swallowed rows."""
    if one_line:
        raise ImportFileError(path, line=line, message=f"a quote opened on this line is closed only on line {last}; "
                              "each sheet is one line of the template, so a cell cannot hold a line break")
    separator, count = row_separators[:1], len(row_separators)
    for value in values:
        for text in value.splitlines()[1:]:
            if count >= 2 and text.count(separator) == count:
                raise ImportFileError(path, line=line, message=f"a quoted value runs on to line {last} over lines that "
                                      "look like rows of their own: is a closing quote missing?")


# -- CSV ------------------------------------------------------------------------------------

@contextmanager
def _csv(path: Path, limits: ImportLimits):
    longest = limits.columns * (limits.cell_chars + 3)  # every cell full, quoted, with its separator
    with path.open(encoding="utf-8-sig", errors="surrogateescape", newline="") as stream:
        lines = _lines(path, stream, longest, limits.cell_chars)
        first = next(lines, "")
        if not first.strip():
            raise ImportFileError(path, "the first line must hold the column names")
        delimiter = ";" if first.count(";") > first.count(",") else ","
        reader = csv.reader(_prepend(first, lines), delimiter=delimiter, strict=True)
        header = [h.strip() for h in _next_record(path, reader)]
        if len(header) > limits.columns:
            raise ImportLimitError(path, f"the file has {len(header):,} columns", "columns", limits.columns, line=1)
        yield header, _csv_records(path, reader), delimiter


def _lines(path: Path, stream, longest: int, cell_chars: int) -> Iterator[str]:
    """Physical lines, each at most ``longest`` characters: a 1 GB line is refused, not read."""
    number = 0
    for line in iter(lambda: stream.readline(longest + 1), ""):
        number += 1
        if len(line) > longest:
            raise ImportLimitError(path, f"the line is longer than {longest:,} characters "
                                   "(every column's cell full: is this a CSV file?)", "cell_chars", cell_chars, line=number)
        bad = BAD_BYTE.search(line)
        if bad:
            raise ImportFileError(path, line=number, message=f"not UTF-8 text (character {bad.start() + 1}); "
                                  "save the file as CSV UTF-8")
        yield line


def _prepend(first: str, rest: Iterator[str]) -> Iterator[str]:
    yield first
    yield from rest


def _next_record(path: Path, reader) -> list[str]:
    start = reader.line_num + 1
    try:
        return next(reader)
    except csv.Error as exc:
        if str(exc) == "unexpected end of data":
            raise ImportFileError(path, line=start, message="a quote opened on this line is never closed") from None
        raise ImportFileError(path, line=start, message=str(exc)) from None


def _csv_records(path: Path, reader) -> Iterator[tuple[int, int, list[str]]]:
    """(first line, last line, values) per record."""
    while True:
        start = reader.line_num + 1
        try:
            values = _next_record(path, reader)
        except StopIteration:
            return
        yield start, reader.line_num, values


# -- XLSX -----------------------------------------------------------------------------------

def _cell(value) -> str:
    """A spreadsheet cell as the text a CSV export would hold."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (dt.datetime, dt.date)):
        return value.isoformat()
    return str(value)


@contextmanager
def _xlsx(path: Path, limits: ImportLimits):
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    _check_unpacked(path, limits)
    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, OSError, KeyError, ValueError, zipfile.BadZipFile) as exc:
        raise ImportFileError(path, f"not a readable XLSX workbook ({exc})") from None
    try:
        sheet = workbook.worksheets[0]  # Kobo puts the main table first; repeat groups follow
        sheet.reset_dimensions()  # never trust the declared size: rows would be padded to it
        first = next(sheet.iter_rows(min_row=1, max_row=1, max_col=limits.columns + 1, values_only=True), ())
        header = [_cell(v).strip() for v in first]
        while header and not header[-1]:
            header.pop()
        if not header:
            raise ImportFileError(path, "the first row of the first sheet must hold the column names")
        if len(header) > limits.columns:
            raise ImportLimitError(path, f"the sheet has more than {limits.columns:,} columns", "columns", limits.columns, line=1)
        # One column more than the header, to refuse a value right of it; cells further right are not read.
        rows = sheet.iter_rows(min_row=2, max_col=len(header) + 1, values_only=True)
        yield header, _xlsx_records(path, rows), ""
    finally:
        workbook.close()


def _xlsx_records(path: Path, rows) -> Iterator[tuple[int, int, list[str]]]:
    """Rows of the header's width, or one more when a value stands right of the header."""
    line = 1
    try:
        for line, values in enumerate(rows, start=2):
            if values.count(None) == len(values):
                yield line, line, []
                continue
            if values[-1] is None:
                values = values[:-1]
            yield line, line, [_cell(v) for v in values]
    except (ValueError, KeyError, TypeError, zipfile.BadZipFile, SyntaxError) as exc:  # SyntaxError: XML ParseError
        raise ImportFileError(path, line=line + 1, message=f"the sheet cannot be read ({exc})") from None


def _check_unpacked(path: Path, limits: ImportLimits) -> None:
    """A zip bomb is refused before anything is unpacked (zipfile holds each member to its declared size)."""
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError) as exc:
        raise ImportFileError(path, f"not a readable XLSX workbook ({exc})") from None
    unpacked = sum(m.file_size for m in members)
    if unpacked > limits.unpacked_mb * MB:
        raise ImportLimitError(path, f"the workbook unpacks to {unpacked / MB:,.0f} MB (10 times 'file_mb')",
                               "file_mb", limits.file_mb)
    shared = sum(m.file_size for m in members if m.filename.lower().endswith("sharedstrings.xml"))
    if shared > limits.file_mb * MB:  # openpyxl holds every shared string in memory
        raise ImportLimitError(path, f"the workbook's text unpacks to {shared / MB:,.0f} MB", "file_mb", limits.file_mb)


@functools.lru_cache(maxsize=4096)  # a paper file repeats a few dates a million times
def parse_time(text: str) -> dt.datetime:
    """ISO 8601 date or date-time (``Z`` or an offset allowed) → naive UTC; ``ValueError`` if not."""
    value = text.strip()
    try:
        parsed = dt.datetime.fromisoformat(value)
    except ValueError:
        raise ValueError(f"bad date '{value[:40]}' (write it as 2016-06-08 or 2016-06-08T16:30:00Z)") from None
    if parsed.tzinfo is not None:
        parsed = parsed.astimezone(dt.timezone.utc).replace(tzinfo=None)
    return parsed
