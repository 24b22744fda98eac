"""The SEZ survey cleaned by choices instead of code (pure): the trainee picks, for each step,
what to do and what each spelling means; :func:`clean` applies those choices to the raw survey.

A step not chosen yet leaves its column as it came from the field, so the step's check still
says what is wrong there. The choices are plain data (saved in the trainee's work file):

``duplicates``  one of :data:`DUPLICATE_WAYS`
``zone``, ``country``, ``job_category``, ``answers``  {spelling (trimmed, lower case): meaning}
``date_formats``  {team: one of :data:`DATE_FORMATS`};  ``outside_empty``: bool
``hours``  one of :data:`HOURS_WAYS`
"""
from __future__ import annotations

import pandas as pd

from .model import FIELDWORK

DUPLICATE_WAYS = {
    "first_per_id": "Keep the first row of each interview id",
    "exact_rows": "Drop only the rows that are exactly the same as another row",
    "drop_repeated": "Drop every row whose interview id is repeated",
}
DATE_FORMATS = {  # key: (how a trainee recognises it, the format that reads it)
    "d/m/y": ("day/month/year, like 17/03/2017", "%d/%m/%Y"),
    "m/d/y": ("month/day/year, like 03/17/2017", "%m/%d/%Y"),
    "y-m-d": ("year-month-day, like 2017-03-17", "%Y-%m-%d"),
    "d-m-y": ("day-month-year, like 17-03-2017", "%d-%m-%Y"),
    "d mon y": ("day, short month name, year, like 17 Mar 2017", "%d %b %Y"),
    "month d, y": ("month name, day, year, like March 17, 2017", "%B %d, %Y"),
}
HOURS_WAYS = {
    "number_blank_missing": "Keep only the number (\"10 hrs\" becomes 10); a blank stays missing",
    "number_blank_zero": "Keep only the number; a blank becomes 0",
}
ANSWER_MEANINGS = {"yes": True, "no": False, "no answer": pd.NA}
YES_NO_COLUMNS = ("written_contract", "employer_keeps_documents")
# the column each mapping reads, and the column it writes
MAPPED = {"zone": ("zone", "zone"), "country": ("country", "country"), "job_category": ("job_type", "job_category")}


def spelling(value) -> str | None:
    """How a typed value is looked up in a mapping: trimmed and lower case."""
    return None if pd.isna(value) else str(value).strip().lower()


def spellings(raw: pd.DataFrame, column: str) -> list[str]:
    """Every distinct spelling of ``column``, in alphabetical order, for one drop-down each."""
    return sorted({s for s in raw[column].map(spelling).dropna()})


def answer_spellings(raw: pd.DataFrame) -> list[str]:
    return sorted({s for column in YES_NO_COLUMNS for s in raw[column].map(spelling).dropna()})


def _mapped(column: pd.Series, mapping: dict) -> pd.Series:
    """Each value replaced by its meaning; a spelling not chosen yet stays as it was typed."""
    return column.map(lambda v: mapping.get(spelling(v), v) if not pd.isna(v) else v)


def _dates(survey: pd.DataFrame, formats: dict, outside_empty: bool) -> pd.Series:
    typed = survey["interview_date"]
    if any(team not in formats or formats[team] not in DATE_FORMATS for team in survey["team"].dropna().unique()):
        return typed  # still text until every team's format is chosen
    out = pd.Series(pd.NaT, index=survey.index, dtype="datetime64[ns]")
    for team, key in formats.items():
        rows = survey["team"] == team
        out[rows] = pd.to_datetime(typed[rows], format=DATE_FORMATS[key][1], errors="coerce")
    if outside_empty:
        start, end = (pd.Timestamp(d) for d in FIELDWORK)
        out[(out < start) | (out > end)] = pd.NaT
    return out


def clean(raw: pd.DataFrame, choices: dict) -> pd.DataFrame:
    """The survey with every chosen step applied, in the order of the exercise."""
    survey = raw.copy()
    way = choices.get("duplicates")
    if way == "first_per_id":
        survey = survey.drop_duplicates(subset="interview_id")
    elif way == "exact_rows":
        survey = survey.drop_duplicates()
    elif way == "drop_repeated":
        survey = survey[~survey["interview_id"].duplicated(keep=False)]
    survey = survey.reset_index(drop=True)
    for name, (source, target) in MAPPED.items():
        if choices.get(name):
            survey[target] = _mapped(survey[source], choices[name])
    survey["interview_date"] = _dates(survey, choices.get("date_formats") or {}, bool(choices.get("outside_empty")))
    hours = choices.get("hours")
    if hours in HOURS_WAYS:
        number = pd.to_numeric(survey["hours_per_day"].astype("string").str.extract(r"(\d+)")[0])
        survey["hours_per_day"] = number.fillna(0) if hours == "number_blank_zero" else number
    answers = {k: ANSWER_MEANINGS[v] for k, v in (choices.get("answers") or {}).items() if v in ANSWER_MEANINGS}
    if answers:
        for column in YES_NO_COLUMNS:
            mapped = _mapped(survey[column], answers)
            done = mapped.map(lambda v: pd.isna(v) or isinstance(v, bool)).all()
            survey[column] = mapped.astype("boolean") if done else mapped
    return survey
