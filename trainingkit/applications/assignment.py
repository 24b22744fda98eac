"""Who reviews whom: every eligible applicant gets ``k`` reviewers, none from the applicant's own
organisation, and the loads stay as even as the conflicts allow.

Greedy by scarcity: applicants with the fewest possible reviewers are served first, each by the
least-loaded reviewers they may have (ties in a seeded order). With no conflicts the loads then
differ by at most one.
"""
from __future__ import annotations

import random
from pathlib import Path

from ..feedback.imports.table import read_table
from ..errors import Finding, ImportRejected, TrainingkitError

REVIEWER_COLUMNS = ["reviewer", "organisation"]


def org_key(name) -> str:
    """Organisations compared as people write them: case and spacing do not matter."""
    return " ".join(str(name or "").casefold().split())


class AssignmentError(TrainingkitError):
    pass


def assign(applicants: list[tuple[str, str]], reviewers: list[tuple[str, str]], k: int, seed: int = 0) -> list[tuple[str, str]]:
    """(applicant, reviewer) pairs; ``applicants`` and ``reviewers`` are (code, organisation)."""
    rng = random.Random(seed)
    order = {r: i for i, r in enumerate(rng.sample([r for r, _ in reviewers], len(reviewers)))}
    allowed = {a: [r for r, ro in reviewers if org_key(ro) != org_key(ao)] for a, ao in applicants}
    short = sorted(a for a, options in allowed.items() if len(options) < k)
    if short:
        raise AssignmentError(f"{len(short)} applicant(s) have fewer than {k} reviewers outside their organisation: "
                              f"{', '.join(short[:10])}{' …' if len(short) > 10 else ''}; add reviewers")
    load = {r: 0 for r, _ in reviewers}
    queue = sorted(allowed, key=lambda a: (len(allowed[a]), rng.random()))
    pairs = []
    for a in queue:
        chosen = sorted(allowed[a], key=lambda r: (load[r], order[r]))[:k]
        for r in chosen:
            load[r] += 1
            pairs.append((a, r))
    return sorted(pairs)


def read_reviewers(path: Path) -> list[dict]:
    """reviewers.csv: ``reviewer,organisation`` (a code or role, not a name, keeps the sheets neutral)."""
    table = read_table(Path(path))
    problems = [Finding.about(c, f"column '{c}' is missing", 1, c) for c in REVIEWER_COLUMNS if c not in table.header]
    rows, seen = [], {}
    for row in table.rows if not problems else []:
        reviewer, organisation = row.values["reviewer"].strip(), row.values["organisation"].strip()
        if not reviewer:
            problems.append(Finding.about("reviewer", "reviewer is empty", row.line, "reviewer"))
        elif reviewer in seen:
            problems.append(Finding.about("reviewer", f"'{reviewer}' is already on line {seen[reviewer]}", row.line, "reviewer"))
        if not organisation:
            problems.append(Finding.about("organisation", "organisation is empty (it keeps reviewers off their own applicants)",
                                    row.line, "organisation"))
        seen[reviewer] = row.line
        rows.append({"reviewer": reviewer, "organisation": organisation})
    if not rows and not problems:
        problems.append(Finding.about("reviewer", "no reviewers in the file", 2, "reviewer"))
    if problems:
        raise ImportRejected(Path(path), problems)
    return rows


def loads(pairs: list[tuple[str, str]]) -> dict[str, int]:
    out: dict[str, int] = {}
    for _a, r in pairs:
        out[r] = out.get(r, 0) + 1
    return out
