"""Cohorts compared in the trainer edition, when the store holds more than one (real) cohort,
and the summary the evaluation page reads (the evaluation's, with that comparison).

The build computes the comparison once, into the summary the evaluation page reads (so the
page is executed again whenever the comparison changes); the page draws the chart and the table
from it.
"""
from __future__ import annotations

import os
from pathlib import Path

from ..course import Course
from ..evaluation.model import Summary
from ..evaluation.sample import sample_summary
from ..evaluation.source import store_summary
from .compare import MEAN, CompareRow, Comparison, Cell, Difference, as_records, cohorts_in_store, compare

SUMMARY_KEY = "cohorts_compared"
MAX_COHORTS = 6  # the course's cohort and the five before it, in the order of their names
SYNTHETIC = "-synthetic"
ENV_SUMMARY = "TRAININGKIT_SUMMARY"  # set by the build for the report notebook's kernel


def cohort_comparison(course: Course, url: str | None = None) -> dict | None:
    """The comparison of the store's cohorts as plain data, or None with fewer than two."""
    from ..evaluation.source import make_engine_if_exists
    from ..feedback.store import default_url
    from ..forms.resolve import load_forms

    engine = make_engine_if_exists(url or default_url(course.root))
    if engine is None:
        return None
    try:
        from sqlalchemy import inspect

        if not inspect(engine).has_table("responses"):
            return None
        real = [c for c in cohorts_in_store(engine) if not c.endswith(SYNTHETIC)]
        current = course.config.cohort
        others = [c for c in real if c != current][-(MAX_COHORTS - 1):]
        cohorts = ([current] if current in real else []) + others
        if len(cohorts) < 2:
            return None
        titles = {s.id: s.title for s in course.sessions}
        result = compare(engine, load_forms(course), cohorts, course.config.min_cell, dict(course.config.moved_sessions), titles)
    finally:
        engine.dispose()
    return {"cohorts": list(result.cohorts), "min_cell": result.min_cell, "records": as_records(result)}


def comparison_from_data(data: dict) -> Comparison:
    """Back from :func:`cohort_comparison`'s plain data (as the summary JSON holds it)."""
    cohorts, rows, grouped = data["cohorts"], [], {}
    for r in data["records"]:
        key = (r["form"], r["session"], r["question"], r["label"], r.get("measure", MEAN), r.get("choice", ""), r.get("occasion", ""))
        grouped.setdefault(key, []).append(r)
    for (form_id, session, question, label, measure, choice, occasion), items in grouped.items():
        by = {i["cohort"]: i for i in items}
        cells = {c: Cell(by[c]["n"], by[c]["mean"], by[c]["sd"], by[c]["suppressed"]) for c in cohorts}
        diffs = tuple(Difference(c, cohorts[0], by[c]["diff_vs_first"], by[c]["n"], by[cohorts[0]]["n"]) for c in cohorts[1:])
        rows.append(CompareRow(form_id, session, question, label, cells, diffs, {c: by[c]["form_version"] for c in cohorts},
                               measure, choice, occasion))
    return Comparison(tuple(cohorts), data["min_cell"], tuple(rows))


def show_cohorts(summary: dict | None):
    """What the evaluation page's cohorts cell shows: the chart and the table, or a plain note."""
    from IPython.display import HTML

    from .compare_view import comparison_section

    data = (summary or {}).get(SUMMARY_KEY)
    if not data:
        return HTML("<p>No comparison yet: it appears here once the feedback store holds two or more real cohorts.</p>")
    return HTML(comparison_section(comparison_from_data(data)))


def book_summary(course: Course) -> Summary | None:
    """What the trainer edition shows, with the cohorts compared when the store holds more than
    one real cohort, and the store cohort's levels 3 and 4 (issue 17: computed here, in the
    follow-up package)."""
    from ..feedback.store import default_url
    from .figures import with_followup_levels

    summary = store_summary(course)
    if summary is not None:
        summary = with_followup_levels(summary, course, default_url(course.root))
    summary = summary or sample_summary(course)
    if summary is None:
        return None
    return summary.model_copy(update={"cohorts_compared": cohort_comparison(course)})


def load_summary(course: Course) -> Summary | None:
    """The summary a build prepared (``TRAININGKIT_SUMMARY``), or one computed now."""
    path = os.environ.get(ENV_SUMMARY)
    if path and Path(path).is_file():
        text = Path(path).read_text(encoding="utf-8")
        return None if text.strip() == "null" else Summary.model_validate_json(text)
    return book_summary(course)


def load_report():
    """What ``book/evaluation.ipynb`` shows: the report on the summary this build prepared."""
    from ..course import load_course
    from ..evaluation.report import Report  # IPython and the charts: only in the notebook
    from ..paths import course_root

    course = load_course(course_root())
    return Report(load_summary(course), course)
