"""The ASEAN advocacy calendar: this year's events (set by the trainer in a small data file),
and the trainee's own activities (pure functions; the self-checks are in ``checks``).

Months of events are not fixed: the AFML moves with the country that chairs ASEAN. The file
``datasets/asean-calendar-example.csv`` holds example months until the trainer sets this year's.
An activity is a dict ``{"what": ..., "kind": ..., "event": <event id>, "month": 1..15 or None}``;
months 13–15 are January–March of the next year, where follow-up often falls.
"""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from ...errors import DataError
from ..kit.data import records
from ..kit.wording import MONTH_NAMES as MONTHS

EXERCISE_ID = "ex-asean-calendar"
DATASET = "asean-calendar-example"
DATASET_FILE = "datasets/asean-calendar-example.csv"

AFML = "afml"
WORKSHOP = "national-preparatory-workshop"
EVENT_KINDS = (WORKSHOP, AFML, "asean-summit", "acsc-apf")
PLAN_MONTHS = 15  # this year, then January to March of the next

# The steps of an advocacy year, in the order they must happen around one event.
KINDS = {
    "evidence": "Prepare evidence",
    "consultation": "National consultation",
    "submission": "Submission",
    "follow-up": "Follow-up",
    "other": "Other",
}
BEFORE = ("evidence", "consultation", "submission")  # at the latest in the event's month
AFTER = ("follow-up",)  # at the earliest in the event's month
REQUIRED_KINDS = ("evidence", "consultation", "submission", "follow-up")


def month_name(month: int | None) -> str:
    """1 → "January", 13 → "January next year", None → "no month"."""
    if month is None:
        return "no month"
    if month > 12:
        return f"{MONTHS[month - 13]} next year"
    return MONTHS[month - 1]


@dataclass(frozen=True)
class Event:
    id: str
    event: str
    short: str  # name on the timeline
    kind: str
    month: int
    note: str


def load_events(frame: pd.DataFrame | None = None) -> tuple[Event, ...]:
    """This year's events from the trainer's file, each row checked; errors name line and field."""
    rows = records(DATASET, ("id", "event", "short", "kind", "month"), nonempty=("id", "event", "short"), frame=frame)
    events, seen = [], set()
    for line, text in rows:
        if text["kind"] not in EVENT_KINDS:
            raise DataError(DATASET_FILE, f"field 'kind' is '{text['kind']}'; use one of {', '.join(EVENT_KINDS)}",
                            line=line, field="kind")
        try:
            month = int(text["month"].removesuffix(".0"))
        except ValueError:
            month = 0
        if not 1 <= month <= 12:
            given = f"is '{text['month']}'" if text["month"] else "is empty"
            raise DataError(DATASET_FILE, f"field 'month' {given}; write a month number from 1 to 12", line=line, field="month")
        if text["id"] in seen:
            raise DataError(DATASET_FILE, f"id '{text['id']}' is used twice", line=line, field="id")
        seen.add(text["id"])
        events.append(Event(text["id"], text["event"], text["short"], text["kind"], month, text.get("note", "")))
    forums = [e for e in events if e.kind == AFML]
    if len(forums) != 1:
        raise DataError(DATASET_FILE, f"needs exactly one row of kind '{AFML}', found {len(forums)}", field="kind")
    for line, event in enumerate(events, start=2):
        if event.kind == WORKSHOP and event.month > forums[0].month:
            raise DataError(
                DATASET_FILE,
                f"the national preparatory workshop ({month_name(event.month)}) comes after the AFML it prepares "
                f"({month_name(forums[0].month)}); check both months",
                line=line, field="month",
            )
    return tuple(events)


def clean_activities(items, events) -> list[dict]:
    """Saved activities with unknown kinds, events or months blanked rather than trusted."""
    ids = {e.id for e in events}
    out = []
    for item in items or []:
        if not isinstance(item, dict):
            continue
        month = item.get("month")
        out.append({
            "what": str(item.get("what") or ""),
            "kind": item.get("kind") if item.get("kind") in KINDS else "other",
            "event": item.get("event") if item.get("event") in ids else "",
            "month": month if isinstance(month, int) and 1 <= month <= PLAN_MONTHS else None,
        })
    return out


def activity_name(activity: dict) -> str:
    return f"\"{activity['what'].strip() or KINDS[activity['kind']].lower()}\""
