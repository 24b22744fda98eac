"""Reviewers' scores in, final scores out.

A filled review sheet has the columns ``applicant, reviewer, criterion, score`` (others are read
past). All files are checked together and stored together, or not at all. The final score of an
applicant is the mean, over reviewers who scored every criterion, of the weighted rubric total,
plus the member bonus for member organisations.
"""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from ..feedback.imports import ImportRejected
from ..feedback.imports.table import read_table
from ..feedback.submission import Problem
from .rubric import Selection

SCORE_COLUMNS = ["applicant", "reviewer", "criterion", "score"]
FINAL_COLUMNS = ["applicant", "reviews", "total", "bonus", "final"]


def read_scores(paths: list[Path], selection: Selection, assigned: set[tuple[str, str]]) -> list[dict]:
    """Scores from filled sheets; an empty score cell is a score not given yet, and is skipped."""
    rows, problems, seen = [], [], {}
    criteria = {c.id: c for c in selection.criteria}
    for path in map(Path, paths):
        table = read_table(path)
        missing = [Problem(c, f"column '{c}' is missing", 1, c) for c in SCORE_COLUMNS if c not in table.header]
        if missing:
            raise ImportRejected(path, missing)
        found = []
        for row in table.rows:
            v = {c: row.values[c].strip() for c in SCORE_COLUMNS}
            if not v["score"]:
                continue
            if (v["applicant"], v["reviewer"]) not in assigned:
                found.append(Problem("reviewer", f"reviewer '{v['reviewer']}' is not assigned to applicant '{v['applicant']}'",
                                     row.line, "reviewer"))
                continue
            criterion = criteria.get(v["criterion"])
            if criterion is None:
                found.append(Problem("criterion", f"unknown criterion '{v['criterion']}' (criteria: {', '.join(criteria)})",
                                     row.line, "criterion"))
                continue
            try:
                score = int(v["score"])
                if str(score) != v["score"].lstrip("+").removesuffix(".0") or score not in criterion.points:
                    raise ValueError
            except ValueError:
                found.append(Problem("score", f"'{v['score']}' is not a whole score from {criterion.scale[0]} to "
                                              f"{criterion.scale[1]}", row.line, "score"))
                continue
            key = (v["applicant"], v["reviewer"], v["criterion"])
            if key in seen:
                found.append(Problem("score", f"scored again (first on {seen[key]})", row.line, "score"))
                continue
            seen[key] = f"{path.name} line {row.line}"
            rows.append({"applicant": key[0], "reviewer": key[1], "criterion": key[2], "score": score})
        problems += [(path, p) for p in found]
    if problems:
        first = problems[0][0]
        raise ImportRejected(first, [Problem(p.field, f"{path.name}: {p.reason}" if path != first else p.reason, p.line, p.column)
                                     for path, p in problems])
    return rows


def weighted_totals(scores: pd.DataFrame, selection: Selection) -> pd.DataFrame:
    """applicant, reviewer, total: one row per review that scores every criterion."""
    weights = {c.id: c.weight for c in selection.criteria}
    frame = scores[scores["criterion"].isin(weights)]
    per_review = frame.pivot_table(index=["applicant", "reviewer"], columns="criterion", values="score", aggfunc="first")
    complete = per_review.dropna(subset=list(weights)) if set(weights) <= set(per_review.columns) else per_review.iloc[0:0]
    totals = sum(complete[c] * w for c, w in weights.items()) if len(complete) else pd.Series(dtype=float)
    return pd.DataFrame({"total": totals}).reset_index()[["applicant", "reviewer", "total"]] if len(complete) else \
        pd.DataFrame(columns=["applicant", "reviewer", "total"])


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
