"""Where the feedback comes from: the store named by ``TRAININGKIT_DB`` (or the default under
the course root), summarised through tallies computed in the database.

One cohort at a time, never a mix: the course's own cohort when the store holds any of its
feedback, else the synthetic pilot that ``feedback simulate`` wrote ("<cohort>-synthetic"),
which is then labelled SYNTHETIC wherever it is shown.
"""
from __future__ import annotations

from pathlib import Path

from sqlalchemy import func, inspect, select

from ..course import Course
from ..feedback.schema import participants, responses
from ..feedback.store import default_url, make_engine
from .model import Summary
from .sql import tallies_from_store
from .summary import summarise

SYNTHETIC_SUFFIX = "-synthetic"  # `feedback simulate` writes to "<cohort>-synthetic", never to a real cohort


def synthetic_cohort(cohort: str) -> str:
    return cohort if cohort.endswith(SYNTHETIC_SUFFIX) else cohort + SYNTHETIC_SUFFIX


def is_synthetic(cohort: str) -> bool:
    return cohort.endswith(SYNTHETIC_SUFFIX)


def _has_feedback(conn, cohort: str) -> bool:
    """Anything stored for the cohort: a roster (the first stage of a course) or responses."""
    for table in (participants, responses):
        if conn.execute(select(func.count()).select_from(table).where(table.c.cohort == cohort)).scalar():
            return True
    return False


def resolve_cohort(conn, course: Course, cohort: str | None) -> str | None:
    """The cohort asked for; by default the course's, or its synthetic pilot when the course's
    cohort has no feedback yet. None when neither has any."""
    if cohort:
        return cohort if _has_feedback(conn, cohort) else None
    for candidate in (course.config.cohort, synthetic_cohort(course.config.cohort)):
        if _has_feedback(conn, candidate):
            return candidate
    return None


def store_summary(course: Course, url: str | None = None, cohort: str | None = None, min_cell: int | None = None,
                  names=(), comments: bool = True) -> Summary | None:
    """The summary of one cohort's feedback in the store (see the module docstring), or None
    when the store does not exist or holds nothing for it. Reading never creates a store.
    ``comments=False``: the open text is not read (what is published shows none)."""
    url = url or default_url(course.root)
    engine = make_engine_if_exists(url)
    if engine is None:
        return None
    try:
        if not inspect(engine).has_table("responses"):
            return None
        with engine.connect() as conn:
            cohort = resolve_cohort(conn, course, cohort)
            if cohort is None:
                return None
            expected = conn.execute(select(func.count()).select_from(participants).where(participants.c.cohort == cohort)).scalar()
        tallies = tallies_from_store(engine, cohort, texts=comments)
    finally:
        engine.dispose()
    return summarise(
        tallies, course, expected=expected or None, min_cell=min_cell or course.config.min_cell,
        names=names, synthetic=is_synthetic(cohort), cohort=cohort,
    )


def make_engine_if_exists(url: str):
    if url.startswith("sqlite"):
        database = url.split(":///", 1)[-1]
        if database and database != ":memory:" and not Path(database).is_file():
            return None
    return make_engine(url)
