"""Cohorts side by side: the same question ids across form versions, sessions by their stable id.

One query per comparison, inside the store: the latest response of each trainee per form and
occasion (day of a daily form, round of a follow-up), then count, sum and sum of squares per
cohort, form, session and numeric question. A session renamed keeps its id, so it lines up by
itself; a session moved to another day gets a new id, and ``course.yml``'s ``moved_sessions``
maps the old id to the new. A cell resting on fewer than ``min_cell`` answers is suppressed, and
so is every difference it would enter.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

from sqlalchemy import bindparam, text

from ..errors import TrainingkitError
from ..evaluation.privacy import check_min_cell
from ..forms.model import Form

NUMERIC_TYPES = ("likert", "rating", "integer")

AGGREGATE = """
WITH heads AS (
  SELECT r.response_id, r.cohort, r.form_id, r.form_version, COALESCE(r.participant, '') AS participant, r.submitted_at,
    COALESCE((SELECT min(o.value) FROM answers o WHERE o.response_id = r.response_id AND o.session = ''
              AND o.question IN ('day', 'round')), '') AS occasion
  FROM responses r WHERE r.cohort IN :cohorts
), ranked AS (
  SELECT h.*, ROW_NUMBER() OVER (PARTITION BY cohort, participant, form_id, occasion
                                 ORDER BY submitted_at DESC, response_id DESC) AS rn
  FROM heads h
)
SELECT k.cohort, k.form_id, a.session, a.question, count(*) AS n,
       sum(CAST(a.value AS FLOAT)) AS total, sum(CAST(a.value AS FLOAT) * CAST(a.value AS FLOAT)) AS squares,
       min(k.form_version) AS v_min, max(k.form_version) AS v_max
FROM ranked k JOIN answers a ON a.response_id = k.response_id
WHERE (k.participant = '' OR k.rn = 1) AND a.question IN :questions AND trim(a.value) <> ''
GROUP BY k.cohort, k.form_id, a.session, a.question
"""


@dataclass(frozen=True)
class Cell:
    n: int
    mean: float | None = None
    sd: float | None = None
    suppressed: bool = False


@dataclass(frozen=True)
class Difference:
    """``cohort`` minus the first cohort, with the n of each side; None where either is suppressed."""

    cohort: str
    versus: str
    diff: float | None
    n: int
    n_versus: int


@dataclass(frozen=True)
class CompareRow:
    form_id: str
    session: str
    question: str
    label: str
    cells: dict[str, Cell]
    differences: tuple[Difference, ...]
    versions: dict[str, str]  # cohort: form versions the answers came from, "1" or "1-2"


@dataclass(frozen=True)
class Comparison:
    cohorts: tuple[str, ...]
    min_cell: int
    rows: tuple[CompareRow, ...]

    def row(self, form_id: str, question: str, session: str = "") -> CompareRow:
        for r in self.rows:
            if (r.form_id, r.question, r.session) == (form_id, question, session):
                return r
        raise KeyError((form_id, question, session))


def numeric_questions(forms: dict[str, Form]) -> dict[tuple[str, str], str]:
    """{(form id, question id): English label} of the 1–5, 0–10 and count questions."""
    out = {}
    for form in forms.values():
        for f in form.fields:
            if f.type in NUMERIC_TYPES:
                label = f.label.get("en", f.question) if not f.session else f.question
                out.setdefault((form.id, f.question), label)
    return out


def aggregates(engine, cohorts: list[str], questions: set[str]) -> list[tuple]:
    statement = text(AGGREGATE).bindparams(bindparam("cohorts", expanding=True), bindparam("questions", expanding=True))
    with engine.connect() as conn:
        return [tuple(r) for r in conn.execute(statement, {"cohorts": list(cohorts), "questions": sorted(questions)})]


def _cell(n: int, total: float, squares: float, min_cell: int) -> Cell:
    if n < min_cell:
        return Cell(n, suppressed=True)
    mean = total / n
    sd = math.sqrt(max(squares - n * mean * mean, 0.0) / (n - 1)) if n > 1 else None
    return Cell(n, round(mean, 2), round(sd, 2) if sd is not None else None)


def compare(engine, forms: dict[str, Form], cohorts: list[str], min_cell: int,
            moved_sessions: dict[str, str] | None = None, session_titles: dict[str, str] | None = None) -> Comparison:
    """Per numeric question (and session) each cohort's n, mean and sd, and its difference from the first."""
    check_min_cell(min_cell)
    if len(cohorts) < 2:
        raise TrainingkitError("compare needs two or more cohorts, e.g. trainingkit feedback compare pilot-2016 mekong-2027")
    if len(set(cohorts)) != len(cohorts):
        raise TrainingkitError(f"a cohort is named twice: {' '.join(cohorts)}")
    moved, titles = moved_sessions or {}, session_titles or {}
    wanted = numeric_questions(forms)
    sums: dict[tuple, list] = {}
    for cohort, form_id, session, question, n, total, squares, v_min, v_max in aggregates(engine, cohorts, {q for _, q in wanted}):
        if (form_id, question) not in wanted:
            continue
        key = (form_id, moved.get(session, session), question, cohort)
        acc = sums.setdefault(key, [0, 0.0, 0.0, v_min, v_max])
        acc[0] += n
        acc[1] += float(total or 0)
        acc[2] += float(squares or 0)
        acc[3], acc[4] = min(acc[3], v_min), max(acc[4], v_max)
    present = {c for *_, c in sums}
    absent = [c for c in cohorts if c not in present]
    if absent:
        raise TrainingkitError(f"no answers in the store for cohort(s) {', '.join(absent)}")
    rows = []
    for form_id, session, question in sorted({k[:3] for k in sums}):
        cells, versions = {}, {}
        for c in cohorts:
            n, total, squares, v_min, v_max = sums.get((form_id, session, question, c), [0, 0.0, 0.0, None, None])
            cells[c] = _cell(n, total, squares, min_cell)
            versions[c] = "" if v_min is None else (str(v_min) if v_min == v_max else f"{v_min}-{v_max}")
        first = cohorts[0]
        diffs = tuple(
            Difference(c, first, round(cells[c].mean - cells[first].mean, 2)
                       if cells[c].mean is not None and cells[first].mean is not None else None,
                       cells[c].n, cells[first].n)
            for c in cohorts[1:])
        label = wanted[(form_id, question)]
        if session:
            label = f"{session} {titles.get(session, '')}".strip() + f": {question}"
        rows.append(CompareRow(form_id, session, question, label, cells, diffs, versions))
    return Comparison(tuple(cohorts), min_cell, tuple(rows))


def cohorts_in_store(engine) -> list[str]:
    with engine.connect() as conn:
        return [c for (c,) in conn.execute(text("SELECT DISTINCT cohort FROM responses ORDER BY cohort"))]


def as_records(comparison: Comparison) -> list[dict]:
    """One flat record per question and cohort (CSV, JSON, a table)."""
    out = []
    for r in comparison.rows:
        diffs = {d.cohort: d for d in r.differences}
        for c in comparison.cohorts:
            cell, d = r.cells[c], diffs.get(c)
            out.append({"form": r.form_id, "session": r.session, "question": r.question, "label": r.label, "cohort": c,
                        "form_version": r.versions[c], "n": cell.n, "mean": cell.mean, "sd": cell.sd,
                        "suppressed": cell.suppressed, "diff_vs_first": d.diff if d else None,
                        "first_cohort": comparison.cohorts[0]})
    return out
