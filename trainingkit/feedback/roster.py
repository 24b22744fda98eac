"""The roster: who takes part, by code, with the group attributes reports break down by.

Columns ``participant, country, org_type, member`` (member: yes/no). A roster file may hold
other columns, such as names for the organiser's own use: they are never read into the store.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..forms.model import check_participant
from .imports import ImportRejected
from .imports.table import read_table
from .store import ROSTER_COLUMNS, FeedbackStore
from .submission import Problem

YES, NO = {"yes", "y", "true", "1"}, {"no", "n", "false", "0"}


@dataclass(frozen=True)
class RosterReport:
    path: Path
    participants: int
    ignored_columns: tuple[str, ...]

    def __str__(self) -> str:
        text = f"{self.path}: {self.participants} participant(s) in the roster"
        if self.ignored_columns:
            text += f"; column(s) {', '.join(self.ignored_columns)} ignored (the store keeps codes, not names)"
        return text


def read_roster(path: Path, countries: list[str] | None = None) -> tuple[list[dict], tuple[str, ...]]:
    """Validated roster rows and the ignored columns; :class:`ImportRejected` lists every problem."""
    table = read_table(path)
    problems = [Problem(c, f"column '{c}' is missing", 1, c) for c in ROSTER_COLUMNS if c not in table.header]
    if problems:
        raise ImportRejected(path, problems)
    rows, seen = [], {}
    for row in table.rows:
        v = row.values
        try:
            code = check_participant(v["participant"])
        except ValueError as exc:
            problems.append(Problem("participant", str(exc), row.line, "participant"))
            continue
        if code is None:
            problems.append(Problem("participant", "participant code is empty", row.line, "participant"))
            continue
        if code in seen:
            problems.append(Problem("participant", f"'{code}' is already on line {seen[code]}", row.line, "participant"))
        seen[code] = row.line
        country = v["country"].strip() or None
        if country and countries and country not in countries:
            problems.append(Problem("country", f"unknown country '{country}' (course.yml: {', '.join(countries)})", row.line, "country"))
        member = v["member"].strip().lower()
        if member and member not in YES | NO:
            problems.append(Problem("member", f"'{v['member']}' should be yes or no", row.line, "member"))
        rows.append({"participant": code, "country": country, "org_type": v["org_type"].strip() or None,
                     "member": None if not member else member in YES})
    if problems:
        raise ImportRejected(path, problems)
    return rows, tuple(c for c in table.header if c and c not in ROSTER_COLUMNS)


def import_roster(store: FeedbackStore, path: Path, countries: list[str] | None = None) -> RosterReport:
    rows, ignored = read_roster(Path(path), countries)
    return RosterReport(Path(path), store.set_roster(rows), ignored)
