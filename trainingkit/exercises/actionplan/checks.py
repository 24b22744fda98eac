"""The action plan's checks (pure): is each action SMART, a type, a specific what, a named
target, a date within six months of the course end, and a measurable indicator?"""
from __future__ import annotations

import datetime as dt

from ..kit.checks import Check, failed, passed
from ..kit.wording import has_measure
from .model import MIN_WHAT_WORDS, VAGUE_TARGETS, Action, day, plan_end


def check_action(number: int, action: Action, course_end: dt.date, types: dict[str, str]) -> list[Check]:
    """Is the action SMART: a type, a specific what, a named target, a date within six months
    of the course end, and a measurable indicator?"""
    name = f"Action {number}"
    out = []
    if action.kind in types:
        out.append(passed(f"{name}, type: {types[action.kind]}."))
    else:
        out.append(failed(f"{name}, type: not chosen.",
                          "Pick the kind of action from the list: the follow-up form asks about the same kinds, so you can report on your plan."))
    if len(action.what.split()) >= MIN_WHAT_WORDS:
        out.append(passed(f"{name}, what: specific."))
    else:
        out.append(failed(f"{name}, what: not specific yet.",
                          "Say what you will do, about what, in a full sentence, e.g. \"Send a joint submission on recruitment "
                          "fees to Thailand's national preparatory workshop for the AFML\"."))
    target = action.target.strip().lower().strip(".")
    if not target:
        out.append(failed(f"{name}, target: missing.", "Name who must act or listen: a ministry, an ASEAN body, a role."))
    elif target in VAGUE_TARGETS:
        out.append(failed(f"{name}, target: too general.",
                          f"\"{action.target.strip()}\" names no one in particular. Name the body or the role, e.g. \"the labour "
                          "ministry's official on the ACMW\". Name roles, never a person."))
    else:
        out.append(passed(f"{name}, target: named."))
    last = plan_end(course_end)
    if action.by_when is None:
        out.append(failed(f"{name}, by when: no date.", f"Choose the date by which it will be done, at the latest {day(last)}."))
    elif action.by_when <= course_end:
        out.append(failed(f"{name}, by when: before the course ends.",
                          f"{day(action.by_when)} is not after the course ends ({day(course_end)}): choose a date in the next six months."))
    elif action.by_when > last:
        out.append(failed(f"{name}, by when: more than six months away.",
                          f"The plan covers six months: choose a date by {day(last)}, or a first step that fits in that time."))
    else:
        out.append(passed(f"{name}, by when: {day(action.by_when)}, within six months."))
    if has_measure(action.indicator, quantifiers=True):
        out.append(passed(f"{name}, indicator: measurable."))
    else:
        out.append(failed(f"{name}, indicator: not measurable yet." if action.indicator.strip() else f"{name}, indicator: missing.",
                          "How will you know it is done? Put a number in it: \"1 submission sent\", \"3 meetings held\", "
                          "\"20 workers trained\"."))
    return out


def check_all(actions: list[Action], course_end: dt.date | None, types: dict[str, str]) -> list[Check]:
    """All checks of a plan: the course end date, at least one action, and each action."""
    if course_end is None:
        return [failed("Course end: no date.", "Give the date your course ends: the six months start from there.")]
    planned = [a for a in actions if not a.is_empty()]
    if not planned:
        return [failed("Plan: no action yet.", "Fill in at least one action: what you will do, for whom, by when, and how you will know.")]
    return [c for n, a in enumerate(planned, start=1) for c in check_action(n, a, course_end, types)]


CHECKS = (check_action,)  # run on each planned action by check_all
