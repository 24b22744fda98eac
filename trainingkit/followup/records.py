"""Follow-up data in the feedback store: rounds answered, withdrawals, and the status on a date.

Everything reads or writes through the store's engine, so it works on SQLite and PostgreSQL
alike and one transaction covers each change.
"""
from __future__ import annotations

import datetime as dt

from sqlalchemy import delete, select

from ..course import Course
from ..errors import TrainingkitError
from ..feedback.schema import answers, counted_versions, participants, responses, tokens
from ..feedback.submission import utc_now
from ..forms.model import check_participant
from .schema import ensure_tables, plan_actions, withdrawals
from .schedule import cohort_rounds
from .status import FollowupStatus, classify, round_rates

FORM_ID = "followup"
ROUND_QUESTION = "round"


def answered_rounds(store, cohort: str) -> dict[tuple[str, str], dt.date]:
    """{(participant, round): the day of the version that counts} for the cohort's follow-up
    responses. Which version counts is the store's one rule (``FeedbackStore.responses``: the
    one an organiser marked, else the latest), so status, reminders and figures agree."""
    frame = store.responses(form_id=FORM_ID, cohort=cohort, versions="all")
    frame = frame[frame["counts"] & frame["participant"].notna() & (frame["occasion"] != "")]
    return {(p, occasion): at.date() for p, occasion, at in zip(frame["participant"], frame["occasion"], frame["submitted_at"])}


def withdrawn(engine, cohort: str) -> dict[str, dt.date]:
    ensure_tables(engine)
    w = withdrawals.c
    with engine.connect() as conn:
        return dict(conn.execute(select(w.participant, w.withdrawn_on).where(w.cohort == cohort)).all())


def roster_codes(engine, cohort: str) -> set[str]:
    with engine.connect() as conn:
        return set(conn.execute(select(participants.c.participant).where(participants.c.cohort == cohort)).scalars())


def _round_choices(store) -> list[str] | None:
    form = store.forms.get(FORM_ID)
    if form is None or ROUND_QUESTION not in form.names:
        return None
    return form.field(ROUND_QUESTION).choice_names


def followup_status(store, course: Course, cohort: str | None = None, on: dt.date | None = None,
                    min_cell: int | None = None) -> FollowupStatus:
    """Each trainee x round status of ``cohort`` on ``on`` (today) and the response rate per round.

    The rates are published figures: a round with fewer than ``min_cell`` expected trainees is
    suppressed. The per-trainee rows are the organiser's working list, never published.
    """
    cohort = cohort or store.cohort
    on = on or dt.date.today()
    rounds = cohort_rounds(course, cohort, _round_choices(store))
    codes = roster_codes(store.engine, cohort)
    if not codes:
        raise TrainingkitError(f"cohort '{cohort}' has no roster in the store: load it first (trainingkit feedback roster FILE --cohort {cohort})")
    rows = classify(codes, rounds, answered_rounds(store, cohort), withdrawn(store.engine, cohort), on,
                    course.config.followup.lost_after)
    rates = round_rates(rows, rounds, on, min_cell or course.config.min_cell)
    return FollowupStatus(cohort, on, tuple(rounds), tuple(rows), tuple(rates))


def withdraw(store, code: str, cohort: str | None = None, on: dt.date | None = None, erase: bool = False) -> str:
    """Record that a trainee withdrew (no more reminders). Nothing is deleted unless ``erase``:
    then their responses, answers, plans, version marks and web key in this cohort go, in the
    same transaction, and only the withdrawal (a code and a date) stays so that no reminder reaches them again."""
    cohort = cohort or store.cohort
    code = check_participant(code)
    if code not in roster_codes(store.engine, cohort):
        raise TrainingkitError(f"'{code}' is not in the roster of cohort '{cohort}'")
    ensure_tables(store.engine)
    on = on or dt.date.today()
    with store.engine.begin() as conn:
        w = withdrawals.c
        known = conn.execute(select(w.withdrawn_on).where(w.cohort == cohort, w.participant == code)).scalar()
        if known is None:
            conn.execute(withdrawals.insert().values(cohort=cohort, participant=code, withdrawn_on=on, stored_at=utc_now()))
        erased = ""
        if erase:
            ids = select(responses.c.response_id).where(responses.c.cohort == cohort, responses.c.participant == code)
            for table in (counted_versions, tokens):  # the version marks point at the responses; no key left to answer with
                conn.execute(delete(table).where(table.c.cohort == cohort, table.c.participant == code))
            n_answers = conn.execute(delete(answers).where(answers.c.response_id.in_(ids))).rowcount
            n_responses = conn.execute(delete(responses).where(responses.c.cohort == cohort, responses.c.participant == code)).rowcount
            n_plans = conn.execute(delete(plan_actions).where(plan_actions.c.cohort == cohort,
                                                              plan_actions.c.participant == code)).rowcount
            erased = f"; erased {n_responses} responses ({n_answers} answers) and {n_plans} planned-action rows"
    when = known or on
    already = "already withdrawn" if known else "withdrawn"
    return f"{code} ({cohort}) {already} on {when.isoformat()}: no more reminders{erased or '; nothing deleted'}"
