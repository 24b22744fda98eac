"""Where the feedback comes from: the store named by ``TRAININGKIT_DB`` (or the default under
the course root), summarised through tallies computed in the database."""
from __future__ import annotations

from pathlib import Path

from sqlalchemy import func, inspect, select

from ..course import Course
from ..feedback.schema import participants
from ..feedback.store import default_url, make_engine
from .sql import tallies_from_store
from .summary import summarise

SYNTHETIC_SUFFIX = "-synthetic"  # `feedback simulate` writes to "<cohort>-synthetic", never to a real cohort


def synthetic_cohort(cohort: str) -> str:
    return cohort if cohort.endswith(SYNTHETIC_SUFFIX) else cohort + SYNTHETIC_SUFFIX


def store_summary(course: Course, url: str | None = None, cohort: str | None = None, min_cell: int | None = None) -> dict | None:
    """The summary of one cohort's feedback in the store (default: the course's cohort), or None
    when the store does not exist or holds nothing for it. Reading never creates a store."""
    url = url or default_url(course.root)
    engine = make_engine_if_exists(url)
    if engine is None:
        return None
    try:
        if not inspect(engine).has_table("responses"):
            return None
        cohort = cohort or course.config.cohort
        tallies = tallies_from_store(engine, cohort)
        if tallies.respondents.empty:
            return None
        with engine.connect() as conn:
            expected = conn.execute(select(func.count()).select_from(participants).where(participants.c.cohort == cohort)).scalar()
    finally:
        engine.dispose()
    summary = summarise(
        tallies, course, expected=expected or None, min_cell=min_cell or course.config.min_cell,
        synthetic=cohort.endswith(SYNTHETIC_SUFFIX),
    )
    summary["cohort"] = cohort
    return summary


def make_engine_if_exists(url: str):
    if url.startswith("sqlite"):
        database = url.split(":///", 1)[-1]
        if database and database != ":memory:" and not Path(database).is_file():
            return None
    return make_engine(url)
