"""The ASEAN advocacy calendar: this year's events (set by the trainer in a small data file),
the trainee's own activities, and the self-checks for impossible sequences (pure functions).

Months of events are not fixed: the AFML moves with the country that chairs ASEAN. The file
``datasets/asean-calendar-example.csv`` holds example months until the trainer sets this year's.
An activity is a dict ``{"what": ..., "kind": ..., "event": <event id>, "month": 1..15 or None}``;
months 13–15 are January–March of the next year, where follow-up often falls.
"""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from ..errors import TrainingkitError
from .checks import Check, failed, passed
from .data import dataset

EXERCISE_ID = "ex-asean-calendar"
DATASET = "asean-calendar-example"
DATASET_FILE = "datasets/asean-calendar-example.csv"

AFML = "afml"
WORKSHOP = "national-preparatory-workshop"
EVENT_KINDS = (WORKSHOP, AFML, "asean-summit", "acsc-apf")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
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
    frame = dataset(DATASET) if frame is None else frame
    missing = [c for c in ("id", "event", "short", "kind", "month") if c not in frame.columns]
    if missing:
        raise TrainingkitError(f"{DATASET_FILE}: missing column(s) {', '.join(missing)}")
    events, seen = [], set()
    for number, row in enumerate(frame.to_dict("records"), start=2):  # line 1 is the header
        where = f"{DATASET_FILE}, line {number}"
        text = {c: "" if pd.isna(row.get(c)) else str(row.get(c)).strip() for c in ("id", "event", "short", "kind", "note")}
        for column in ("id", "event", "short"):
            if not text[column]:
                raise TrainingkitError(f"{where}: field '{column}' is empty")
        if text["kind"] not in EVENT_KINDS:
            raise TrainingkitError(f"{where}: field 'kind' is '{text['kind']}'; use one of {', '.join(EVENT_KINDS)}")
        try:
            month = int(str(row["month"]).strip().removesuffix(".0"))
        except ValueError:
            month = 0
        if not 1 <= month <= 12:
            raise TrainingkitError(f"{where}: field 'month' is '{row['month']}'; write a month number from 1 to 12")
        if text["id"] in seen:
            raise TrainingkitError(f"{where}: id '{text['id']}' is used twice")
        seen.add(text["id"])
        events.append(Event(text["id"], text["event"], text["short"], text["kind"], month, text["note"]))
    forums = [e for e in events if e.kind == AFML]
    if len(forums) != 1:
        raise TrainingkitError(f"{DATASET_FILE}: needs exactly one row of kind '{AFML}', found {len(forums)}")
    for number, event in enumerate(events, start=2):
        if event.kind == WORKSHOP and event.month > forums[0].month:
            raise TrainingkitError(
                f"{DATASET_FILE}, line {number}: the national preparatory workshop ({month_name(event.month)}) "
                f"comes after the AFML it prepares ({month_name(forums[0].month)}); check both months"
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


def _name(activity: dict) -> str:
    return f"\"{activity['what'].strip() or KINDS[activity['kind']].lower()}\""


# --- checks ------------------------------------------------------------------------------------


def check_steps(activities: list[dict]) -> Check:
    present = {a["kind"] for a in activities}
    missing = [KINDS[k].lower() for k in REQUIRED_KINDS if k not in present]
    if not missing:
        return passed("Your plan has every step: evidence, national consultation, submission and follow-up.")
    return failed(
        f"Your plan has no {', '.join(missing)} yet.",
        "A year of advocacy has four steps around an event: prepare evidence (research, workers' "
        "stories), hold a national consultation to agree recommendations, make a submission, "
        "then follow up on what was decided. Add an activity for each missing step.",
    )


def check_months(activities: list[dict]) -> Check:
    undated = [a for a in activities if a["month"] is None]
    if not undated:
        return passed("Every activity has a month.")
    return failed(
        f"No month yet for: {', '.join(_name(a) for a in undated)}.",
        "Give every activity a month, even a rough one: the calendar can only show a clash when "
        "everything has a date.",
    )


def check_events_named(activities: list[dict]) -> Check:
    loose = [a for a in activities if a["kind"] in BEFORE + AFTER and not a["event"]]
    if not loose:
        return passed("Each step names the event it prepares or follows up.")
    return failed(
        f"Say which event these belong to: {', '.join(_name(a) for a in loose)}.",
        "A month only makes sense next to its event: a submission in August is on time for an "
        "October AFML but too late for a workshop in July.",
    )


def sequence_problems(activities: list[dict], events) -> list[tuple[int, Check]]:
    """(index of the activity, failed check) for each impossible order in the plan."""
    by_id = {e.id: e for e in events}
    forum = next(e for e in events if e.kind == AFML)
    out = []
    for i, a in enumerate(activities):
        event = by_id.get(a["event"])
        if event is None or a["month"] is None:
            continue
        when, at = month_name(a["month"]), month_name(event.month)
        if a["kind"] == "submission" and event.kind == WORKSHOP and a["month"] > forum.month:
            out.append((i, failed(
                f"{_name(a)} goes to the {event.event} in {at}, but is planned for {when}: after the "
                f"AFML ({month_name(forum.month)}) that the workshop prepares.",
                "National preparatory workshops come before the AFML and carry their "
                "recommendations into it. After the AFML the workshop's work is done for the year: "
                f"submit by {at}, or plan for next year's cycle.",
            )))
        elif a["kind"] in BEFORE and a["month"] > event.month:
            out.append((i, failed(
                f"{_name(a)} ({KINDS[a['kind']].lower()}) is planned for {when}, after the {event.event} in {at}.",
                "Evidence, consultations and submissions must be ready before the event they feed; "
                f"organisers often want inputs weeks ahead. Move it to {at} or earlier.",
            )))
        elif a["kind"] in AFTER and a["month"] < event.month:
            out.append((i, failed(
                f"{_name(a)} follows up the {event.event} in {at}, but is planned for {when}, before it.",
                "Follow-up comes after the event: check what was agreed, report back to workers and "
                f"partners, write to officials about the recommendations. Move it to {at} or later.",
            )))
    for i, a in enumerate(activities):
        if a["kind"] != "evidence" or a["month"] is None or not a["event"]:
            continue
        later = [s for s in activities if s["kind"] == "submission" and s["event"] == a["event"]
                 and s["month"] is not None and s["month"] < a["month"]]
        if later:
            out.append((i, failed(
                f"{_name(a)} ({month_name(a['month'])}) comes after the submission {_name(later[0])} "
                f"({month_name(later[0]['month'])}) it should support.",
                "A submission rests on its evidence: plan the evidence first, or the submission "
                "goes out without it.",
            )))
    return out


def check_sequence(activities: list[dict], events) -> list[Check]:
    """The problems found, or one pass once there is something to order (a dated step with its event)."""
    problems = [check for _, check in sequence_problems(activities, events)]
    if problems or not any(a["month"] is not None and a["event"] for a in activities):
        return problems
    return [passed("No impossible sequences: every step comes in a possible order.")]


def check_calendar(activities: list[dict], events=None) -> list[Check]:
    """Every self-check of the exercise, in the order a trainee works."""
    events = events or load_events()
    if not activities:  # the other checks would pass on an empty plan and say nothing useful
        return [check_steps(activities)]
    return [check_steps(activities), check_months(activities), check_events_named(activities),
            *check_sequence(activities, events)]
