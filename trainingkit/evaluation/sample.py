"""Which summary the book shows: the store's feedback when it has any (the course's cohort, else
its synthetic pilot), else the synthetic sample kept in ``datasets/``. The report page and the
session boxes read the same summary, computed once per build, so they always agree."""
from __future__ import annotations

import os
from pathlib import Path

import pandas as pd

from ..course import Course
from .model import Summary
from .source import store_summary, synthetic_cohort
from .summary import summarise
from .tallies import tallies_from_answers

SAMPLE_ANSWERS = "datasets/feedback-sample-synthetic.csv"
SAMPLE_ROSTER = "datasets/roster-sample-synthetic.csv"
ENV_SUMMARY = "TRAININGKIT_SUMMARY"  # set by the build for the report notebook's kernel


def sample_summary(course: Course, min_cell: int | None = None) -> Summary | None:
    """The summary of the synthetic sample kept in ``datasets/``, or None if it is not there."""
    answers_path, roster_path = course.root / SAMPLE_ANSWERS, course.root / SAMPLE_ROSTER
    if not answers_path.is_file():
        return None
    answers = pd.read_csv(answers_path, dtype=str, keep_default_na=False)
    roster = pd.read_csv(roster_path, dtype=str, keep_default_na=False) if roster_path.is_file() else None
    return summarise(
        tallies_from_answers(answers, roster), course,
        expected=None if roster is None else len(roster),
        min_cell=min_cell or course.config.min_cell, synthetic=True, cohort=synthetic_cohort(course.config.cohort),
    )


def book_summary(course: Course) -> Summary | None:
    """What the trainer edition shows, with the cohorts compared when the store holds more than
    one real cohort, and the store cohort's levels 3 and 4 (issue 17: the follow-up package
    computes those parts)."""
    from ..feedback.store import default_url
    from ..followup.book import cohort_comparison
    from ..followup.figures import with_followup_levels

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
