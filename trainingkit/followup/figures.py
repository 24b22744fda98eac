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


LEVEL_KEYS = ("response_rates", "planned_done_by_m6", "outcomes", "actions_by_type")


def followup_levels(store, course: Course, cohort: str | None = None, on: dt.date | None = None,
                    min_cell: int | None = None):
    """:func:`followup_figures` typed for the evaluation summary (no stories: open text rides in
    the summary's comments, trainer edition only)."""
    from ..evaluation.model import FollowupLevels

    figures = followup_figures(store, course, cohort, on, min_cell)
    return FollowupLevels(on=figures["on"], **{k: figures[k] for k in LEVEL_KEYS})


def with_followup_levels(summary, course: Course, url: str, on: dt.date | None = None, forms=None):
    """``summary`` with its cohort's levels 3 and 4 and, for the follow-up form, the status's
    response rates (withdrawn trainees out of the base): one rate wherever the kit shows it.
    Unchanged when the store holds no roster for the cohort (the synthetic sample in datasets/)."""
    from ..evaluation.model import Rate
    from ..feedback.store import FeedbackStore
    from .records import roster_codes

    store = FeedbackStore(url, root=course.root, cohort=summary.cohort, forms=forms)
    try:
        if FORM_ID not in store.forms or not roster_codes(store.engine, summary.cohort):
            return summary
        levels = followup_levels(store, course, summary.cohort, on, summary.min_cell)
    finally:
        store.engine.dispose()
    rates = dict(summary.response_rates)
    rates[FORM_ID] = {r.round: Rate(responded=r.answered, expected=r.expected, rate=r.rate)
                      for r in levels.response_rates if not r.suppressed}
    return summary.model_copy(update={"followup_levels": levels, "response_rates": rates})
