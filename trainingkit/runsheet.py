"""The run of a session: the minute-by-minute table in its trainer notes.

A trainer cell holds a heading "Run of the session" followed by a Markdown table with the
columns ``Clock | Minutes | Activity | Objectives``. *Objectives* lists the numbers of the
session objectives an activity practises ("1, 3", or "–" for none). The checker uses it to prove
that the run adds up to the session's minutes and that every objective is practised.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from markdown_it import MarkdownIt
from nbformat import NotebookNode

from .cells import is_trainer, source
from .errors import Finding, FindingsError, Location

HEADING = "run of the session"
_MD = MarkdownIt("commonmark").enable("table")


@dataclass(frozen=True)
class RunStep:
    minutes: int
    activity: str
    objectives: tuple[int, ...]


class RunSheetError(FindingsError):
    """A session's run cannot be read; its finding names the cell (the caller adds the notebook)."""

    def __init__(self, cell: int | None, message: str):
        self.cell = cell
        super().__init__([Finding(Location(cell=cell), message)])


def _tables_after_heading(text: str):
    """Rows (lists of cell texts) of the first table after a "Run of the session" heading."""
    tokens = _MD.parse(text)
    armed, rows, row, in_table = False, [], None, False
    for i, tok in enumerate(tokens):
        if tok.type == "heading_open":
            armed = tokens[i + 1].content.strip().lower() == HEADING
        elif armed and tok.type == "table_open":
            in_table = True
        elif in_table and tok.type == "tr_open":
            row = []
        elif in_table and tok.type == "inline" and row is not None:
            row.append(tok.content.strip())
        elif in_table and tok.type == "tr_close":
            rows.append(row)
            row = None
        elif in_table and tok.type == "table_close":
            return rows
    return None


def parse_run(nb: NotebookNode) -> tuple[list[RunStep], int]:
    """The run of a session notebook and the index of the cell holding it."""
    for index, cell in enumerate(nb.cells):
        if cell.cell_type != "markdown" or not is_trainer(cell):
            continue
        rows = _tables_after_heading(source(cell))
        if rows is None:
            continue
        header = [h.lower() for h in rows[0]]
        for column in ("minutes", "activity", "objectives"):
            if column not in header:
                raise RunSheetError(index, f"run of the session: the table needs a '{column.capitalize()}' column")
        steps = []
        for number, row in enumerate(rows[1:], start=1):
            cells = dict(zip(header, row))
            try:
                minutes = int(cells["minutes"])
            except ValueError:
                raise RunSheetError(index, f"run of the session, row {number}: minutes '{cells['minutes']}' is not a whole number") from None
            objectives = tuple(int(n) for n in re.findall(r"\d+", cells["objectives"]))
            steps.append(RunStep(minutes, cells["activity"], objectives))
        return steps, index
    raise RunSheetError(None, "no 'Run of the session' table in a trainer cell")


def run_problems(nb: NotebookNode, minutes: int, objective_count: int) -> list[Finding]:
    """Findings, each naming its cell, for a run that does not add up or leaves an objective unpractised."""
    try:
        steps, cell = parse_run(nb)
    except RunSheetError as exc:
        return list(exc.findings)
    problems = []
    at = Location(cell=cell)
    total = sum(s.minutes for s in steps)
    if total != minutes:
        problems.append(Finding(at, f"run of the session adds up to {total} minutes, but the session has {minutes}"))
    practised = {n for s in steps for n in s.objectives}
    for number in sorted(practised - set(range(1, objective_count + 1))):
        problems.append(Finding(at, f"run of the session refers to objective {number}, but there are only {objective_count}"))
    for number in range(1, objective_count + 1):
        if number not in practised:
            problems.append(Finding(at, f"objective {number} is not practised by any activity in the run of the session"))
    return problems
