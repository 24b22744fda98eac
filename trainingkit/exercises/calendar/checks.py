"""The calendar's self-checks: missing steps, undated or unattached steps, impossible orders.

Every check takes ``(activities, events)`` and returns a check or a list of them; :data:`CHECKS`
lists them and :func:`check_all` runs them all (pure).
"""
from __future__ import annotations

from ..kit.checks import Check, failed, passed
from .model import AFML, AFTER, BEFORE, KINDS, REQUIRED_KINDS, WORKSHOP, activity_name, load_events, month_name

def check_steps(activities: list[dict], events=None) -> Check:
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


def check_months(activities: list[dict], events=None) -> Check:
    undated = [a for a in activities if a["month"] is None]
    if not undated:
        return passed("Every activity has a month.")
    return failed(
        f"No month yet for: {', '.join(activity_name(a) for a in undated)}.",
        "Give every activity a month, even a rough one: the calendar can only show a clash when "
        "everything has a date.",
    )


def check_events_named(activities: list[dict], events=None) -> Check:
    loose = [a for a in activities if a["kind"] in BEFORE + AFTER and not a["event"]]
    if not loose:
        return passed("Each step names the event it prepares or follows up.")
    return failed(
        f"Say which event these belong to: {', '.join(activity_name(a) for a in loose)}.",
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
                f"{activity_name(a)} goes to the {event.event} in {at}, but is planned for {when}: after the "
                f"AFML ({month_name(forum.month)}) that the workshop prepares.",
                "National preparatory workshops come before the AFML and carry their "
                "recommendations into it. After the AFML the workshop's work is done for the year: "
                f"submit by {at}, or plan for next year's cycle.",
            )))
        elif a["kind"] in BEFORE and a["month"] > event.month:
            out.append((i, failed(
                f"{activity_name(a)} ({KINDS[a['kind']].lower()}) is planned for {when}, after the {event.event} in {at}.",
                "Evidence, consultations and submissions must be ready before the event they feed; "
                f"organisers often want inputs weeks ahead. Move it to {at} or earlier.",
            )))
        elif a["kind"] in AFTER and a["month"] < event.month:
            out.append((i, failed(
                f"{activity_name(a)} follows up the {event.event} in {at}, but is planned for {when}, before it.",
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
                f"{activity_name(a)} ({month_name(a['month'])}) comes after the submission {activity_name(later[0])} "
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


CHECKS = (check_steps, check_months, check_events_named, check_sequence)


def check_all(activities: list[dict], events=None) -> list[Check]:
    """Every self-check of the exercise, in the order a trainee works."""
    events = events or load_events()
    if not activities:  # the other checks would pass on an empty plan and say nothing useful
        return [check_steps(activities)]
    out = []
    for check in CHECKS:
        found = check(activities, events)
        out += found if isinstance(found, list) else [found]
    return out
