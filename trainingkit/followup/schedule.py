"""The follow-up rounds of a cohort: due dates counted from the course's last day, with a window.

A round ``m<months>`` is due ``months`` calendar months after the last day (8 June + 1 month =
8 July; 31 January + 1 month = 28 or 29 February) and open ``window_days`` either side.
"""
from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

from ..course import Course
from ..errors import CourseError, Finding, Location
from ..paths import COURSE_FILE

SYNTHETIC_SUFFIX = "-synthetic"  # as `trainingkit feedback simulate` names its cohort


@dataclass(frozen=True)
class Round:
    id: str          # "m3": the followup form's `round` choice
    months: int
    due: dt.date
    opens: dt.date
    closes: dt.date

    def phase(self, on: dt.date) -> str:
        """"before", "open" or "after" the window on ``on``."""
        if on < self.opens:
            return "before"
        return "open" if on <= self.closes else "after"


def round_id(months: int) -> str:
    return f"m{months}"


def add_months(day: dt.date, months: int) -> dt.date:
    year, month = divmod(day.month - 1 + months, 12)
    year, month = day.year + year, month + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def rounds(last_day: dt.date, months: list[int], window_days: int) -> list[Round]:
    window = dt.timedelta(days=window_days)
    out = []
    for m in months:
        due = add_months(last_day, m)
        out.append(Round(round_id(m), m, due, due - window, due + window))
    return out


def cohort_rounds(course: Course, cohort: str, round_choices: list[str] | None = None) -> list[Round]:
    """The rounds of ``cohort`` from ``course.yml``; each must be a choice of the form's ``round``."""
    config = course.config
    # a simulated pilot ("<cohort>-synthetic") runs on the dates of the cohort it imitates
    dates = config.cohorts.get(cohort) or config.cohorts.get(cohort.removesuffix(SYNTHETIC_SUFFIX))
    if dates is None:
        known = ", ".join(sorted(config.cohorts)) or "none"
        raise CourseError([Finding(Location(COURSE_FILE, key="cohorts"), f"cohort '{cohort}' has no dates (cohorts with dates: "
                                   f"{known}); add e.g. {cohort}: {{first_day: 2026-06-01, last_day: 2026-06-05}}")])
    found = rounds(dates.last_day, config.followup.rounds, config.followup.window_days)
    if round_choices is not None:
        missing = [r.id for r in found if r.id not in round_choices]
        if missing:
            raise CourseError([Finding(Location(COURSE_FILE, key="followup/rounds"), f"{', '.join(missing)} are not choices of "
                                       f"the followup form's 'round' question ({', '.join(round_choices)}): "
                                       "add them to feedback/forms/followup.yml")])
    return found
