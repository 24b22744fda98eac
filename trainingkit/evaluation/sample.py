"""Which summary the book shows: the store's feedback when it has any (the course's cohort, else
its synthetic pilot), else the synthetic sample kept in ``datasets/``. The report page and the
session boxes read the same summary, computed once per build (with the cohorts compared:
:mod:`trainingkit.followup.book`), so they always agree."""
from __future__ import annotations

import pandas as pd

from ..course import Course
from .model import Summary
from .source import synthetic_cohort
from .summary import summarise
from .tallies import tallies_from_answers

SAMPLE_ANSWERS = "datasets/feedback-sample-synthetic.csv"
SAMPLE_ROSTER = "datasets/roster-sample-synthetic.csv"


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
