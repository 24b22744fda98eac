"""Cohorts side by side: the same question ids across form versions, sessions by their stable id.

Two queries per comparison, inside the store, over the response of each trainee per form and
occasion (day of a daily form, round of a follow-up) that counts — the one an organiser marked,
else the latest, as ``FeedbackStore.responses`` decides:

- numeric questions (1–5, 0–10, counts): count, sum and sum of squares per cohort, form,
  session and question (and follow-up round: each round is its own row, so n counts people,
  not the answers of one person over three rounds), so each cell is a mean with its sd and n;
- choice questions (select_one, select_multiple): answers per value and occasion, so each cell
  is the share of respondents who chose a choice, with n (a follow-up round is its own row:
  "engaged at month 1" is compared with "engaged at month 1").

A session renamed keeps its id, so it lines up by itself; a session moved to another day gets a
new id, and ``course.yml``'s ``moved_sessions`` maps the old id to the new. Every row's cohorts
(numeric and choice alike) pass ``evaluation.privacy.protect`` together, with the cohorts as
the groups: each shown cell holds ``min_cell`` respondents or more, and no combination of the
shown cells and their pooled total gives away a smaller one; a suppressed cell's differences
are left out too.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

from sqlalchemy import bindparam, inspect, text

from ..errors import TrainingkitError
from ..evaluation.privacy import check_min_cell, protect
from ..feedback.versions import OCCASION_QUESTION
from ..forms.model import Form

NUMERIC_TYPES = ("likert", "rating", "integer")
CHOICE_TYPES = ("select_one", "select_multiple")
MEAN, SHARE = "mean", "share"  # what a row's cells hold: a mean, or the % of respondents who chose ``choice``

# The version that counts per (cohort, participant, form, occasion): a marked one first (the
# store's counted_versions), else the latest; anonymous responses each count. {marks} is the join
# on counted_versions, or nothing in a store made before it existed.
COUNTED = """
WITH heads AS (
  SELECT r.response_id, r.cohort, r.form_id, r.form_version, COALESCE(r.participant, '') AS participant, r.submitted_at,
    COALESCE((SELECT min(o.value) FROM answers o WHERE o.response_id = r.response_id AND o.session = ''
              AND o.question IN ('day', 'round')), '') AS occasion,
    {marked} AS marked
  FROM responses r {marks} WHERE r.cohort IN :cohorts
), ranked AS (
  SELECT h.*, ROW_NUMBER() OVER (PARTITION BY cohort, participant, form_id, occasion
                                 ORDER BY marked DESC, submitted_at DESC, response_id DESC) AS rn
  FROM heads h
)"""
_MARKS_JOIN = "LEFT JOIN counted_versions cv ON cv.response_id = r.response_id"
_MARKED = "CASE WHEN cv.response_id IS NULL THEN 0 ELSE 1 END"

AGGREGATE = """
SELECT k.cohort, k.form_id, k.occasion, a.session, a.question, count(*) AS n,
       sum(CAST(a.value AS FLOAT)) AS total, sum(CAST(a.value AS FLOAT) * CAST(a.value AS FLOAT)) AS squares,
       min(k.form_version) AS v_min, max(k.form_version) AS v_max
FROM ranked k JOIN answers a ON a.response_id = k.response_id
WHERE (k.participant = '' OR k.rn = 1) AND a.question IN :questions AND trim(a.value) <> ''
GROUP BY k.cohort, k.form_id, k.occasion, a.session, a.question
"""

# One row per value given (a select_multiple's value is its choices, space-separated).
CHOICES = """
SELECT k.cohort, k.form_id, k.occasion, a.session, a.question, a.value, count(*) AS n,
       min(k.form_version) AS v_min, max(k.form_version) AS v_max
FROM ranked k JOIN answers a ON a.response_id = k.response_id
WHERE (k.participant = '' OR k.rn = 1) AND a.question IN :questions AND trim(a.value) <> ''
GROUP BY k.cohort, k.form_id, k.occasion, a.session, a.question, a.value
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
    """One question (numeric: ``measure`` "mean") or one choice of a question (``measure``
    "share": each cell's ``mean`` is the % of its n respondents who chose ``choice``)."""

    form_id: str
    session: str
    question: str
    label: str
    cells: dict[str, Cell]
    differences: tuple[Difference, ...]  # a share's difference is in percentage points
    versions: dict[str, str]  # cohort: form versions the answers came from, "1" or "1-2"
    measure: str = MEAN
    choice: str = ""
    occasion: str = ""  # a follow-up round (or a day) for a choice question


@dataclass(frozen=True)
class Comparison:
    cohorts: tuple[str, ...]
    min_cell: int
    rows: tuple[CompareRow, ...]

    def row(self, form_id: str, question: str, session: str = "", choice: str = "", occasion: str = "") -> CompareRow:
        for r in self.rows:
            if (r.form_id, r.question, r.session, r.choice, r.occasion) == (form_id, question, session, choice, occasion):
                return r
        raise KeyError((form_id, question, session, choice, occasion))


def numeric_questions(forms: dict[str, Form]) -> dict[tuple[str, str], str]:
    """{(form id, question id): English label} of the 1–5, 0–10 and count questions."""
    out = {}
    for form in forms.values():
        for f in form.fields:
            if f.type in NUMERIC_TYPES:
                label = f.label.get("en", f.question) if not f.session else f.question
                out.setdefault((form.id, f.question), label)
    return out


def choice_questions(forms: dict[str, Form]) -> dict[tuple[str, str], tuple[str, list[str]]]:
    """{(form id, question id): (English label, choice names)} of the questions with fixed
    choices, less those that name the occasion (day, round) and the per-action slots (each
    trainee's own actions: a1_progress is not the same action in two plans)."""
    out = {}
    for form in forms.values():
        for f in form.fields:
            if f.type in CHOICE_TYPES and f.choices and not f.action_slot and OCCASION_QUESTION.get(form.id) != f.question:
                out.setdefault((form.id, f.question), (f.label.get("en", f.question), f.choice_names))
    return out


def _query(engine, sql: str, cohorts: list[str], questions: set[str]) -> list[tuple]:
    with engine.connect() as conn:
        marks = inspect(conn).has_table("counted_versions")
        counted = COUNTED.format(marks=_MARKS_JOIN if marks else "", marked=_MARKED if marks else "0")
        statement = text(counted + sql).bindparams(bindparam("cohorts", expanding=True), bindparam("questions", expanding=True))
        return [tuple(r) for r in conn.execute(statement, {"cohorts": list(cohorts), "questions": sorted(questions)})]


def aggregates(engine, cohorts: list[str], questions: set[str]) -> list[tuple]:
    return _query(engine, AGGREGATE, cohorts, questions)


def _versions(v_min, v_max) -> str:
    return "" if v_min is None else (str(v_min) if v_min == v_max else f"{v_min}-{v_max}")


def choice_rows(engine, forms: dict[str, Form], cohorts: list[str], min_cell: int, moved: dict[str, str],
                titles: dict[str, str]) -> list[CompareRow]:
    """Per choice question, occasion and session: each cohort's share choosing each choice, with n."""
    wanted = choice_questions(forms)
    if not wanted:
        return []
    given: dict[tuple, dict[str, list]] = {}  # (form, occasion, session, question) -> cohort -> [n, {choice: count}, v_min, v_max]
    for cohort, form_id, occasion, session, question, value, n, v_min, v_max in _query(
            engine, CHOICES, cohorts, {q for _, q in wanted}):
        if (form_id, question) not in wanted:
            continue
        key = (form_id, occasion, moved.get(session, session), question)
        acc = given.setdefault(key, {}).setdefault(cohort, [0, {}, v_min, v_max])
        acc[0] += n
        for choice in str(value).split():
            acc[1][choice] = acc[1].get(choice, 0) + n
        acc[2], acc[3] = min(acc[2], v_min), max(acc[3], v_max)
    rows = []
    for (form_id, occasion, session, question), by_cohort in sorted(given.items()):
        label, choices = wanted[(form_id, question)]
        sizes = {c: by_cohort.get(c, [0])[0] for c in cohorts}
        shown = shown_cohorts(sizes, min_cell)
        where = f"{session} {titles.get(session, '')}".strip() + ": " if session else ""
        when = f" ({occasion})" if occasion else ""
        for choice in choices:
            cells = {}
            for c in cohorts:
                n = sizes[c]
                count = by_cohort[c][1].get(choice, 0) if c in by_cohort else 0
                cells[c] = Cell(n, round(100 * count / n, 1)) if c in shown else Cell(n, suppressed=True)
            first = cohorts[0]
            diffs = tuple(Difference(c, first, round(cells[c].mean - cells[first].mean, 1)
                                     if cells[c].mean is not None and cells[first].mean is not None else None,
                                     cells[c].n, cells[first].n) for c in cohorts[1:])
            versions = {c: _versions(*by_cohort[c][2:]) if c in by_cohort else "" for c in cohorts}
            rows.append(CompareRow(form_id, session, question, f"{where}{label}{when}: {choice}", cells, diffs, versions,
                                   SHARE, choice, occasion))
    return rows


def _numeric_occasion(session: str, occasion: str) -> str:
    """The occasion a numeric row keeps apart: a follow-up round (a trainee answers each round,
    so pooling them would count one trainee once per round in n); none for a session's question,
    which its session id already places (a session moved to another day still lines up)."""
    return "" if session else occasion


def shown_cohorts(sizes: dict[str, int], min_cell: int) -> set[str]:
    """The cohorts whose cell may be shown, by ``protect`` with the cohorts as the groups: one
    respondent one answer per row, so a group's people all look alike to the rule and the sizes
    are all it needs; no cell below min_cell, and none that the others and their pooled total give away."""
    people = {f"{c}#{i}": (c,) for c, n in sizes.items() for i in range(n)}
    return protect(people, ("cohort",), min_cell)["cohort"]


def _cell(n: int, total: float, squares: float) -> Cell:
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
    for cohort, form_id, occasion, session, question, n, total, squares, v_min, v_max in aggregates(
            engine, cohorts, {q for _, q in wanted}):
        if (form_id, question) not in wanted:
            continue
        key = (form_id, moved.get(session, session), _numeric_occasion(session, occasion), question, cohort)
        acc = sums.setdefault(key, [0, 0.0, 0.0, v_min, v_max])
        acc[0] += n
        acc[1] += float(total or 0)
        acc[2] += float(squares or 0)
        acc[3], acc[4] = min(acc[3], v_min), max(acc[4], v_max)
    shares = choice_rows(engine, forms, cohorts, min_cell, moved, titles)
    present = {c for *_, c in sums} | {c for r in shares for c, cell in r.cells.items() if cell.n}
    absent = [c for c in cohorts if c not in present]
    if absent:
        raise TrainingkitError(f"no answers in the store for cohort(s) {', '.join(absent)}")
    rows = []
    for form_id, session, occasion, question in sorted({k[:4] for k in sums}):
        cells, versions = {}, {}
        got = {c: sums.get((form_id, session, occasion, question, c), [0, 0.0, 0.0, None, None]) for c in cohorts}
        shown = shown_cohorts({c: got[c][0] for c in cohorts}, min_cell)
        for c in cohorts:
            n, total, squares, v_min, v_max = got[c]
            cells[c] = _cell(n, total, squares) if c in shown else Cell(n, suppressed=True)
            versions[c] = _versions(v_min, v_max)
        first = cohorts[0]
        diffs = tuple(
            Difference(c, first, round(cells[c].mean - cells[first].mean, 2)
                       if cells[c].mean is not None and cells[first].mean is not None else None,
                       cells[c].n, cells[first].n)
            for c in cohorts[1:])
        label = wanted[(form_id, question)]
        if session:
            label = f"{session} {titles.get(session, '')}".strip() + f": {question}"
        label += f" ({occasion})" if occasion else ""
        rows.append(CompareRow(form_id, session, question, label, cells, diffs, versions, occasion=occasion))
    return Comparison(tuple(cohorts), min_cell, tuple(rows + shares))


def cohorts_in_store(engine) -> list[str]:
    with engine.connect() as conn:
        return [c for (c,) in conn.execute(text("SELECT DISTINCT cohort FROM responses ORDER BY cohort"))]


def as_records(comparison: Comparison) -> list[dict]:
    """One flat record per question (or choice) and cohort (CSV, JSON, a table). For a share,
    ``mean`` is the % choosing ``choice`` and ``diff_vs_first`` is in percentage points."""
    out = []
    for r in comparison.rows:
        diffs = {d.cohort: d for d in r.differences}
        for c in comparison.cohorts:
            cell, d = r.cells[c], diffs.get(c)
            out.append({"form": r.form_id, "session": r.session, "question": r.question, "label": r.label, "cohort": c,
                        "measure": r.measure, "occasion": r.occasion, "choice": r.choice,
                        "form_version": r.versions[c], "n": cell.n, "mean": cell.mean, "sd": cell.sd,
                        "suppressed": cell.suppressed, "diff_vs_first": d.diff if d else None,
                        "first_cohort": comparison.cohorts[0]})
    return out
