"""A synthetic pilot: a realistic, reproducible set of feedback for 17 trainees (by default).

SYNTHETIC DATA. Nothing here comes from a real trainee. It exists so organisers can try the
evaluation before a course, and so the report has something to show when a store is empty. It
follows the 2016 pilot's shape: trainees from four countries (Cambodia, Myanmar, Thailand,
Vietnam), five days (4–8 June 2016), a pre- and post-course form, daily forms on days 1–4, an
end-of-course form, and follow-ups after one, three and six months. Some answers are missing,
two trainees leave after day 3, and comments are a mix of praise and criticism.
"""
from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

import numpy as np
import pandas as pd

from ..course import Course
from .tallies import TIDY

COUNTRIES = ("Cambodia", "Myanmar", "Thailand", "Vietnam")
ORG_TYPES = ("NGO", "NGO", "NGO", "trade union", "community organisation", "research institute")
FIRST_DAY = dt.date(2016, 6, 4)
PACE = ("too_slow", "about_right", "about_right", "about_right", "too_fast")  # the daily form's choice names
ACTIONS = ("afml", "acsc_apf", "submission", "officials", "media", "evidence", "training", "network")

SESSION_COMMENTS_GOOD = (
    "The group work was the most useful part.",
    "Clear examples from our own countries.",
    "I can use this with my team at home.",
    "Good mix of input and practice.",
)
SESSION_COMMENTS_BAD = (
    "Too much talking from the front, not enough practice.",
    "Too fast for me; the English was difficult.",
    "I needed more time for the group task.",
    "Not clear how this links to our daily work.",
)
DAY_COMMENTS = (
    "A long day but worth it.",
    "Please send the slides and handouts in the evening.",
    "More breaks, please: the room was hot.",
    "I liked hearing from trainees from other countries.",
)
MOST_USEFUL = (
    "Planning the action with the whole group.",
    "The power map: I will use it in my organisation.",
    "Learning which ASEAN body does what.",
    "Writing a short statement and getting feedback.",
)
CHANGE_ONE = (
    "Fewer sessions on the first day.",
    "Translation for some key sessions.",
    "More time to prepare the action.",
    "Send the reading before the course.",
)
# Answers to the other open questions of the forms, by question id.
OTHER_TEXTS = {
    "expectations": (
        "Learn how to use ASEAN bodies for our cases.",
        "Meet colleagues from the other Mekong countries.",
        "Practise writing a short statement.",
    ),
    "first_step": (
        "Share the power map with my team next week.",
        "Ask our director to join the national preparatory workshop.",
        "Write to the network about our recruitment-fee cases.",
    ),
    "support_needed": (
        "Help to write a submission in English.",
        "News of the next AFML dates early.",
        "A short call with the trainers every month.",
    ),
}
NO_MODEL_TEXT = ("Nothing to add.",)
# Mean count per follow-up round of an engaged trainee, per result question.
RESULT_QUESTIONS = {"result_submissions": 0.6, "result_meetings": 1.0, "result_media": 0.4, "result_policy": 0.1}

FOLLOWUP_DETAIL = (
    "We sent input to our national preparatory workshop before the AFML.",
    "We met the labour ministry about recruitment fees.",
    "I trained ten colleagues on the ASEAN mechanisms.",
)


def simulate(course: Course, forms: dict, participants: int = 17, seed: int = 2016) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(roster, tidy answers) of a synthetic pilot; the same seed gives the same data.

    Every response is valid for its form in ``forms`` (id → ``trainingkit.forms.model.Form``):
    required questions are always answered, optional ones now and then. Questions the
    evaluation reads are modelled (a trainee's skill, each session's quality); any other
    question gets a plausible answer of its type.
    """
    rng = np.random.default_rng(seed)
    codes = [f"P{i:02d}" for i in range(1, participants + 1)]
    roster = pd.DataFrame(
        {
            "participant": codes,
            "country": list(rng.permutation([COUNTRIES[i % len(COUNTRIES)] for i in range(participants)])),
            "org_type": [ORG_TYPES[i] for i in rng.integers(0, len(ORG_TYPES), participants)],
            "member": np.where(rng.random(participants) < 0.7, "yes", "no"),
        }
    )
    leavers = set(rng.choice(codes, size=min(2, participants), replace=False))
    skill = dict(zip(codes, rng.normal(0, 0.6, participants)))
    quality = {s.id: float(np.clip(rng.normal(4.0, 0.45), 2.8, 4.7)) for s in course.sessions}
    rows: list[tuple] = []
    counter = iter(range(1, 10**6))

    def pick(pool):
        return pool[rng.integers(0, len(pool))]

    def likert(mean):
        return int(np.clip(round(rng.normal(mean, 0.8)), 1, 5))

    def generic(field):
        if field.type in ("likert", "select_one"):
            return pick(field.choice_names)
        if field.type == "select_multiple":
            return " ".join(sorted(set(rng.choice(field.choice_names, size=int(rng.integers(1, 3))))))
        if field.type == "rating":
            return int(rng.integers(5, 11))
        if field.type == "integer":
            return int(rng.integers(field.minimum or 0, (field.maximum or 10) + 1))
        return pick(OTHER_TEXTS.get(field.question, NO_MODEL_TEXT))

    # The follow-up's result counts (form version 2) come from their own generator, so every
    # answer the pilot sample had before them stays the same.
    later = np.random.default_rng([seed, 2])

    def respond(form_id, who, when, modelled, day=None, optional_rate=0.35):
        form = forms[form_id]
        rid = f"sim{seed}-{next(counter):05d}"
        for field in form.fields_for(day):
            if field.action_slot is not None:
                continue  # about a trainee's stored action plan: the synthetic pilot has none
            if field.question in RESULT_QUESTIONS:
                engaged = modelled(form.field("engaged")) == "yes"
                count = int(later.poisson(RESULT_QUESTIONS[field.question])) if engaged else 0
                rows.append((rid, form_id, who, when.isoformat(timespec="minutes"), "", field.question, str(count)))
                continue
            if not field.required and rng.random() > optional_rate:
                continue  # an optional question left blank
            value = modelled(field) if modelled else None
            value = generic(field) if value is None else value
            if value == "" and not field.required:
                continue
            rows.append((rid, form_id, who, when.isoformat(timespec="minutes"), field.session or "", field.question, str(value)))

    last_day = max((d.number for d in course.days), default=5)
    for who in codes:
        leaves = who in leavers
        pre = {f"c_{o.id}": likert(2.4 + skill[who]) for o in course.config.outcomes}
        day1 = dt.datetime.combine(FIRST_DAY, dt.time(9, 40))
        respond("pre", who, day1, lambda f: pre.get(f.question))
        for day in course.days:
            if day.number == last_day or not any(s.rated for s in day.sessions):
                continue
            if (leaves and day.number > 3) or rng.random() < 0.08:
                continue  # left the course, or did not send the form that day
            when = dt.datetime.combine(FIRST_DAY + dt.timedelta(days=day.number - 1), dt.time(16, 45))
            scores = {}

            def daily(field, day=day, scores=scores):
                if field.question == "day":
                    return day.number
                if field.question == "useful":
                    scores[field.session] = likert(quality[field.session] + skill[who] / 2)
                    return scores[field.session]
                if field.question == "comment":
                    good = scores.get(field.session, 4) >= 4
                    return pick(SESSION_COMMENTS_GOOD if good else SESSION_COMMENTS_BAD)
                if field.question == "pace":
                    return pick(PACE)
                if field.question == "day_comment":
                    return pick(DAY_COMMENTS)
                return None

            respond("daily", who, when, daily, day=day.number, optional_rate=0.25)
        if leaves:
            continue
        last = dt.datetime.combine(FIRST_DAY + dt.timedelta(days=last_day - 1), dt.time(16, 20))
        respond("post", who, last, lambda f: int(np.clip(pre[f.question] + rng.integers(0, 3), 1, 5)) if f.question in pre else None)
        end = {"overall": likert(4.1 + skill[who] / 2),
               "recommend": int(np.clip(round(rng.normal(8.2 + skill[who], 1.4)), 0, 10)),
               "most_useful": pick(MOST_USEFUL), "change_one_thing": pick(CHANGE_ONE)}
        respond("end", who, last, lambda f: end.get(f.question), optional_rate=0.7)
        for months, round_id, p_answer, p_engaged in ((1, "m1", 0.9, 0.8), (3, "m3", 0.75, 0.65), (6, "m6", 0.6, 0.55)):
            if rng.random() > p_answer:
                continue
            engaged = rng.random() < p_engaged
            taken = " ".join(sorted(set(rng.choice(ACTIONS, size=int(rng.integers(1, 4)), replace=False)))) if engaged else ""
            follow = {"round": round_id, "engaged": "yes" if engaged else "no", "actions": taken,
                      "actions_detail": pick(FOLLOWUP_DETAIL) if engaged else ""}
            respond("followup", who, last + dt.timedelta(days=30 * months), lambda f: follow.get(f.question),
                    optional_rate=0.8 if engaged else 0.2)
    return roster, pd.DataFrame(rows, columns=TIDY)


def simulate_into(root, participants: int = 17, seed: int = 2016, store=None) -> str:
    """Write a synthetic pilot into ``store`` (cohort "<cohort>-synthetic"), or, without a store,
    as the sample files in ``datasets/``; returns what was done, for the user."""
    from ..course import load_course
    from ..feedback.imports import import_file
    from ..forms.resolve import load_forms
    from .sample import SAMPLE_ANSWERS, SAMPLE_ROSTER
    from .source import synthetic_cohort

    course = load_course(root)
    roster, answers = simulate(course, load_forms(course), participants, seed)
    if store is None:
        roster.to_csv(course.root / SAMPLE_ROSTER, index=False)
        answers.to_csv(course.root / SAMPLE_ANSWERS, index=False)
        return f"SYNTHETIC sample written: {SAMPLE_ROSTER} ({len(roster)} participants), {SAMPLE_ANSWERS} ({len(answers)} answers)"
    cohort = synthetic_cohort(course.config.cohort)
    store.set_roster([{**r, "member": r["member"] == "yes"} for r in roster.to_dict("records")], cohort=cohort)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "synthetic-pilot.csv"
        answers.assign(cohort=cohort).to_csv(path, index=False)
        result = import_file(store, path, cohorts=(cohort,))
    return (f"SYNTHETIC pilot, cohort '{cohort}': {result}\n"
            f"Until the store holds feedback for '{course.config.cohort}', summary, export, report and the book use it, "
            "marked SYNTHETIC: trainingkit feedback summary --format md")
