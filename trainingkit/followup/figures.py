"""The follow-up figures the evaluation page and report show, read from the store for one cohort.

Everything published passes the privacy rule of :mod:`.progress` (``min_cell``).
"""
from __future__ import annotations

import dataclasses
import datetime as dt

from ..course import Course
from .plans import current_plans
from .progress import levels_3_4
from .records import FORM_ID, followup_status

ACTION_CHOICES = "actions"


def action_types(store) -> list[str]:
    form = store.forms[FORM_ID]
    return [c.name for c in form.field(ACTION_CHOICES).choices]


def max_actions(store) -> int:
    """How many of a trainee's actions the follow-up form can ask about (its a<n>_id slots)."""
    return max((f.action_slot or 0 for f in store.forms[FORM_ID].fields), default=0)


def followup_figures(store, course: Course, cohort: str | None = None, on: dt.date | None = None,
                     min_cell: int | None = None) -> dict:
    """Response rates per round (typed, with n, as dicts) and the level 3 and 4 figures."""
    cohort = cohort or store.cohort
    min_cell = min_cell or course.config.min_cell
    status = followup_status(store, course, cohort, on, min_cell)
    months = {r.id: r.months for r in status.rounds}
    figures = levels_3_4(store.answers(form_id=FORM_ID, cohort=cohort, versions="counted"), current_plans(store.engine, cohort),
                         months, action_types(store), min_cell)
    rates = [{**dataclasses.asdict(r), "due": r.due.isoformat()} for r in status.rates]
    return {"cohort": cohort, "on": status.on.isoformat(), "response_rates": rates, **figures}
