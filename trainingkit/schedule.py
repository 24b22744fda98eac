"""The programme: clock times for every session and break, computed from the course data.

Each day starts fresh at its start time. Sessions follow one another in ``_toc.yml`` order; a
break is taken at the first session boundary at or after its planned time, so no session is
cut in two. Pure functions: a :class:`~trainingkit.course.Day` in, slots out.
"""
from __future__ import annotations

import csv
import datetime as dt
import io
import json
from dataclasses import asdict, dataclass
from typing import Callable, Iterable, Literal

from .course import Course, Day


@dataclass(frozen=True)
class Slot:
    day: int
    kind: Literal["session", "break"]
    id: str | None
    title: str
    start: dt.time
    end: dt.time
    minutes: int


def _minutes(t: dt.time) -> int:
    return t.hour * 60 + t.minute


def _clock(minutes: int) -> dt.time:
    """Minutes after midnight as a time; a plan that runs past midnight is clamped (and reported)."""
    minutes = min(minutes, 24 * 60 - 1)
    return dt.time(minutes // 60, minutes % 60)


def plan_day(day: Day) -> list[Slot]:
    """Sessions and breaks of one day, in order, with clock times."""
    now = _minutes(day.start)
    pending = sorted(day.breaks, key=lambda b: b.at)
    slots: list[Slot] = []

    def add(kind, ident, title, minutes):
        nonlocal now
        slots.append(Slot(day.number, kind, ident, title, _clock(now), _clock(now + minutes), minutes))
        now += minutes

    for session in day.sessions:
        while pending and now >= _minutes(pending[0].at):
            brk = pending.pop(0)
            add("break", None, brk.title, brk.minutes)
        add("session", session.id, session.title, session.minutes)
    return slots


def day_problems(day: Day, slots: list[Slot], max_break_delay: int) -> list[str]:
    """Why a day's plan does not work: it overruns, or a break slips too far or never comes."""
    problems = []
    finish = _minutes(day.start) + sum(s.minutes for s in slots)
    over = finish - _minutes(day.end)
    if over > 0:
        problems.append(
            f"day {day.number} runs to {_fmt_minutes(finish)}, {over} minutes past its end at "
            f"{day.end:%H:%M}: shorten sessions or breaks by {over} minutes"
        )
    taken = {s.title: s for s in slots if s.kind == "break"}
    for brk in day.breaks:
        slot = taken.get(brk.title)
        if slot is None:
            if slots and _minutes(brk.at) < _minutes(slots[-1].end):
                last = slots[-1]
                problems.append(
                    f"day {day.number}: {brk.title} ({brk.at:%H:%M}) is never taken: the last "
                    f"session, {last.id}, runs from {last.start:%H:%M} to {last.end:%H:%M}"
                )
            continue
        delay = _minutes(slot.start) - _minutes(brk.at)
        if delay > max_break_delay:
            problems.append(
                f"day {day.number}: {brk.title} starts at {slot.start:%H:%M}, {delay} minutes after "
                f"its planned {brk.at:%H:%M} (at most {max_break_delay}): adjust the sessions before it"
            )
    return problems


def _fmt_minutes(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def programme(course: Course) -> list[Slot]:
    """Every slot of the course, day by day."""
    return [slot for day in course.days for slot in plan_day(day)]


def session_slots(course: Course) -> dict[str, Slot]:
    return {s.id: s for s in programme(course) if s.kind == "session"}


def records(slots: Iterable[Slot]) -> list[dict]:
    """Slots as plain dicts with "HH:MM" times (the JSON and CSV rows)."""
    out = []
    for slot in slots:
        row = asdict(slot)
        row["start"], row["end"] = f"{slot.start:%H:%M}", f"{slot.end:%H:%M}"
        out.append(row)
    return out


def as_json(slots: Iterable[Slot]) -> str:
    return json.dumps(records(slots), indent=2, ensure_ascii=False)


def as_csv(slots: Iterable[Slot]) -> str:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=["day", "kind", "id", "title", "start", "end", "minutes"])
    writer.writeheader()
    writer.writerows(records(slots))
    return buf.getvalue()


def as_table(course: Course, slots: list[Slot]) -> str:
    lines = []
    for day in course.days:
        lines.append(f"Day {day.number}: {day.title}")
        for slot in (s for s in slots if s.day == day.number):
            label = slot.id or "break"
            lines.append(f"  {slot.start:%H:%M}-{slot.end:%H:%M}  {label:<6}  {slot.title} ({slot.minutes} min)")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def as_markdown(course: Course, slots: list[Slot], link: Callable[[str], str]) -> str:
    """The programme as MyST Markdown: one table per day; ``link(session_id)`` gives each href."""
    parts = []
    for day in course.days:
        rows = [f"## Day {day.number}: {day.title}", "", "| Time | Session | Minutes |", "|---|---|---|"]
        for slot in (s for s in slots if s.day == day.number):
            when = f"{slot.start:%H:%M}–{slot.end:%H:%M}"
            what = f"[{_escape_cell(slot.title)}]({link(slot.id)})" if slot.id else f"*{_escape_cell(slot.title)}*"
            rows.append(f"| {when} | {what} | {slot.minutes} |")
        parts.append("\n".join(rows))
    return "\n\n".join(parts) + "\n"


def _escape_cell(text: str) -> str:
    return text.replace("|", "\\|")
