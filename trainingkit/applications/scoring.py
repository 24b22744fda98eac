"""Reviewers' scores in, final scores out.

A filled review sheet has the columns ``applicant, reviewer, criterion, score`` (others are read
past). All files are checked together and stored together, or not at all. The final score of an
applicant is the mean, over reviewers who scored every criterion, of the weighted rubric total,
plus the member bonus for member organisations.
"""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from ..feedback.imports.table import read_table
from ..errors import Finding, ImportRejected
from ..selection_rules import Selection

SCORE_COLUMNS = ["applicant", "reviewer", "criterion", "score"]
FINAL_COLUMNS = ["applicant", "reviews", "total", "bonus", "final"]


def read_scores(paths: list[Path], selection: Selection, assigned: set[tuple[str, str]]) -> list[dict]:
    """Scores from filled sheets; an empty score cell is a score not given yet, and is skipped."""
    rows, problems, seen = [], [], {}
    criteria = {c.id: c for c in selection.criteria}
    for path in map(Path, paths):
        table = read_table(path)
        missing = [Finding.about(c, f"column '{c}' is missing", 1, c) for c in SCORE_COLUMNS if c not in table.header]
        if missing:
            raise ImportRejected(path, missing)
        found = []
        for row in table.rows:
            v = {c: row.values[c].strip() for c in SCORE_COLUMNS}
            if not v["score"]:
                continue
            if (v["applicant"], v["reviewer"]) not in assigned:
                found.append(Finding.about("reviewer", f"reviewer '{v['reviewer']}' is not assigned to applicant '{v['applicant']}'",
                                     row.line, "reviewer"))
                continue
            criterion = criteria.get(v["criterion"])
            if criterion is None:
                found.append(Finding.about("criterion", f"unknown criterion '{v['criterion']}' (criteria: {', '.join(criteria)})",
                                     row.line, "criterion"))
                continue
            try:
                number = float(v["score"])  # a spreadsheet may save 4 as 4.0
                score = int(number)
                if number != score or score not in criterion.points:
                    raise ValueError
            except (ValueError, OverflowError):
                found.append(Finding.about("score", f"'{v['score']}' is not a whole score from {criterion.scale[0]} to "
                                              f"{criterion.scale[1]}", row.line, "score"))
                continue
            key = (v["applicant"], v["reviewer"], v["criterion"])
            if key in seen:
                found.append(Finding.about("score", f"scored again (first on {seen[key]})", row.line, "score"))
                continue
            seen[key] = f"{path.name} line {row.line}"
            rows.append({"applicant": key[0], "reviewer": key[1], "criterion": key[2], "score": score})
        problems += [(path, p) for p in found]
    if problems:
        first = problems[0][0]
        raise ImportRejected(first, [p if path == first else p.at(path=str(path)) for path, p in problems])
    return rows


def weighted_totals(scores: pd.DataFrame, selection: Selection) -> pd.DataFrame:
    """applicant, reviewer, total: one row per review that scores every criterion."""
    weights = {c.id: c.weight for c in selection.criteria}
    frame = scores[scores["criterion"].isin(weights)]
    per_review = frame.pivot_table(index=["applicant", "reviewer"], columns="criterion", values="score", aggfunc="first")
    per_review = per_review.reindex(columns=list(weights)).dropna()  # a review missing a criterion does not count
    totals = sum((per_review[c] * w for c, w in weights.items()), pd.Series(0.0, index=per_review.index))
    return totals.rename("total").reset_index()


def final_scores(scores: pd.DataFrame, selection: Selection, members: dict[str, bool]) -> pd.DataFrame:
    """applicant, reviews (complete ones), total (their mean), bonus, final — for every applicant
    in ``members`` (code → member organisation); ``final`` is NaN with no complete review."""
    totals = weighted_totals(scores, selection)
    grouped = totals.groupby("applicant")["total"].agg(["count", "mean"])
    rows = []
    for code, member in members.items():
        count = int(grouped["count"].get(code, 0))
        mean = float(grouped["mean"][code]) if count else float("nan")
        bonus = selection.member_bonus if member else 0.0
        rows.append({"applicant": code, "reviews": count, "total": mean, "bonus": bonus, "final": mean + bonus})
    return pd.DataFrame(rows, columns=FINAL_COLUMNS)
