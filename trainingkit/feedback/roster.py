"""The roster: who takes part, by code, with the group attributes reports break down by.

Columns ``participant, country, org_type, member`` (member: yes/no), and optionally ``token``:
each trainee's secret for the web forms. Without it the kit makes tokens for those who have
none; either way the store keeps only a salted hash, and the plain tokens go once into the
organiser's CSV (``var/tokens-<cohort>.csv``, not in git), from which the slips are printed.
A roster file may hold other columns, such as names for the organiser's own use: they are
never read into the store.
"""
from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from ..forms.model import check_participant
from .imports.table import read_table
from .store import ROSTER_COLUMNS, FeedbackStore
from ..errors import Finding, ImportRejected
from .tokens import check_given, new_token, shown

TOKEN_COLUMN = "token"
TOKENS_CSV = "var/tokens-{cohort}.csv"  # under the course root; var/ is git-ignored

YES, NO = {"yes", "y", "true", "1"}, {"no", "n", "false", "0"}


@dataclass(frozen=True)
class RosterReport:
    path: Path
    participants: int
    ignored_columns: tuple[str, ...]
    new_tokens: int = 0
    tokens_file: Path | None = None

    def __str__(self) -> str:
        text = f"{self.path}: {self.participants} participant(s) in the roster"
        if self.ignored_columns:
            text += f"; column(s) {', '.join(self.ignored_columns)} ignored (the store keeps codes, not names)"
        if self.new_tokens:
            text += (f"\n{self.new_tokens} new token(s) written to {self.tokens_file}: keep that file private, print "
                     "the slips from it (trainingkit feedback slips) and delete it after the course")
        return text


def read_roster(path: Path, countries: list[str] | None = None) -> tuple[list[dict], tuple[str, ...]]:
    """Validated roster rows and the ignored columns; :class:`ImportRejected` lists every problem."""
    table = read_table(path)
    problems = [Finding.about(c, f"column '{c}' is missing", 1, c) for c in ROSTER_COLUMNS if c not in table.header]
    if problems:
        raise ImportRejected(path, problems)
    rows, seen = [], {}
    for row in table.rows:
        v = row.values
        try:
            code = check_participant(v["participant"])
        except ValueError as exc:
            problems.append(Finding.about("participant", str(exc), row.line, "participant"))
            continue
        if code is None:
            problems.append(Finding.about("participant", "participant code is empty", row.line, "participant"))
            continue
        if code in seen:
            problems.append(Finding.about("participant", f"'{code}' is already on line {seen[code]}", row.line, "participant"))
        seen[code] = row.line
        country = v["country"].strip() or None
        if country and countries and country not in countries:
            problems.append(Finding.about("country", f"unknown country '{country}' (course.yml: {', '.join(countries)})", row.line, "country"))
        member = v["member"].strip().lower()
        if member and member not in YES | NO:
            problems.append(Finding.about("member", f"'{v['member']}' should be yes or no", row.line, "member"))
        record = {"participant": code, "country": country, "org_type": v["org_type"].strip() or None,
                  "member": None if not member else member in YES}
        if v.get(TOKEN_COLUMN, "").strip():
            try:
                record[TOKEN_COLUMN] = check_given(v[TOKEN_COLUMN])
            except ValueError as exc:
                problems.append(Finding.about(TOKEN_COLUMN, str(exc), row.line, TOKEN_COLUMN))
        rows.append(record)
    if problems:
        raise ImportRejected(path, problems)
    return rows, tuple(c for c in table.header if c and c not in (*ROSTER_COLUMNS, TOKEN_COLUMN))


def tokens_path(root: Path, cohort: str) -> Path:
    return Path(root) / TOKENS_CSV.format(cohort=cohort)


def import_roster(store: FeedbackStore, path: Path, countries: list[str] | None = None,
                  tokens_file: Path | None = None, renew: frozenset[str] = frozenset()) -> RosterReport:
    """Load the roster; give a token to each participant who has none, or is in ``renew`` (a
    lost slip), or takes one from the file, and add the plain new tokens to ``tokens_file``."""
    rows, ignored = read_roster(Path(path), countries)
    codes = {r["participant"] for r in rows}
    renew = {check_participant(c) for c in renew}
    if renew - codes:
        raise ImportRejected(Path(path), [Finding.about("participant", f"'{c}' is not in this roster (--new-key)") for c in sorted(renew - codes)])
    count = store.set_roster(rows)
    have = store.token_codes()
    plain = {r["participant"]: r.get(TOKEN_COLUMN) or new_token() for r in rows
             if TOKEN_COLUMN in r or r["participant"] not in have or r["participant"] in renew}
    if not plain:
        return RosterReport(Path(path), count, ignored)
    if tokens_file is None:
        from ..paths import course_root

        tokens_file = tokens_path(course_root(), store.cohort)
    write_tokens(tokens_file, {**read_tokens(tokens_file), **plain})  # before the hashes: no token is ever unknown
    store.set_tokens(plain)
    return RosterReport(Path(path), count, ignored, len(plain), tokens_file)


def read_tokens(path: Path) -> dict[str, str]:
    """The organiser's CSV ``participant,token``; empty when there is none yet."""
    if not Path(path).is_file():
        return {}
    with open(path, newline="", encoding="utf-8") as handle:
        return {row["participant"]: row["token"] for row in csv.DictReader(handle)}


def write_tokens(path: Path, plain: dict[str, str]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", newline="", encoding="utf-8") as handle:
        out = csv.writer(handle)
        out.writerow(["participant", "token"])
        out.writerows((code, shown(token)) for code, token in sorted(plain.items()))
    path.chmod(0o600)  # the organiser's eyes only
