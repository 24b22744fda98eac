"""Real clock times in a session's timing tables, from its place in the programme.

Session notebooks time their activities from the start of the session: the run of the session
has a "Clock" column in minutes ("20–50"), and a page may have a table whose first column is
"Time from the start" in hours and minutes ("0:20–0:50"). A trainer at 11:50 needs the time of
day, so the build writes it in ("09:20–09:50 (20–50 min)"), keeping the minutes alongside. The
text is then in the page and in its search index. Pure functions of the Markdown text.
"""
from __future__ import annotations

import copy
import datetime as dt
import re

from nbformat import NotebookNode

from .cells import source

# First-column headings of the tables timed from the start of the session, lower case.
TIMED_COLUMNS = ("clock", "time from the start")
CLOCK_HEADING = "Clock (minutes from the start)"
_SPAN = re.compile(r"^\s*(?P<a>\d+(?::\d{2})?)\s*[–-]\s*(?P<b>\d+(?::\d{2})?)\s*$")
_SEPARATOR = re.compile(r"^\|?\s*:?-{3,}")
# The run's own explanation of its old column, which the clock times make untrue.
_OLD_EXPLANATION = re.compile(r"Clock times are minutes from the start of the session(?=[;.])")


def _offset(text: str) -> int:
    """Minutes from the start: "20" is 20; "1:20" is 80."""
    if ":" in text:
        hours, minutes = text.split(":")
        return int(hours) * 60 + int(minutes)
    return int(text)


def _at(start: dt.time, minutes: int) -> str:
    total = start.hour * 60 + start.minute + minutes
    return f"{total // 60 % 24:02d}:{total % 60:02d}"


def clock_span(cell: str, start: dt.time) -> str | None:
    """ "20–50" (or "0:20–0:50") in a session starting at 10:45 → "11:05–11:35 (20–50 min)";
    None when the cell is not a span of minutes."""
    match = _SPAN.match(cell)
    if match is None:
        return None
    a, b = _offset(match["a"]), _offset(match["b"])
    return f"{_at(start, a)}–{_at(start, b)} ({a}–{b} min)"


def _cells(line: str) -> list[str]:
    return line.strip().strip("|").split("|")


def with_clock_times(text: str, start: dt.time) -> str:
    """``text`` with every timed table's first column in clock times; other text unchanged.

    A row whose first cell is not a span (a note, a total) is left as it is.
    """
    lines = text.split("\n")
    out, in_table = [], False
    for index, line in enumerate(lines):
        stripped = line.strip()
        if not stripped.startswith("|"):
            in_table = False
            out.append(line)
            continue
        if not in_table:
            following = lines[index + 1] if index + 1 < len(lines) else ""
            first = _cells(stripped)[0].strip()
            if first.lower() in TIMED_COLUMNS and _SEPARATOR.match(following.strip()):
                in_table = True
                cells = _cells(stripped)
                cells[0] = f" {CLOCK_HEADING} "
                line = "|" + "|".join(cells) + "|"
            out.append(line)
            continue
        cells = _cells(stripped)
        span = clock_span(cells[0], start)
        if span is not None:
            cells[0] = f" {span} "
            line = "|" + "|".join(cells) + "|"
        out.append(line)
    result = "\n".join(out)
    return _OLD_EXPLANATION.sub(f"Clock times are the time of day (the session starts at {start:%H:%M}), with minutes from its start in brackets", result)


def clock_times_step(start: dt.time):
    """A notebook step writing clock times into every Markdown cell's timed tables."""

    def step(nb: NotebookNode) -> NotebookNode:
        out = copy.copy(nb)
        out.cells = []
        for cell in nb.cells:
            if cell.cell_type == "markdown":
                text = source(cell)
                timed = with_clock_times(text, start)
                if timed != text:
                    cell = copy.deepcopy(cell)
                    cell.source = timed
            out.cells.append(cell)
        return out

    return step
