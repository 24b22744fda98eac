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

import numpy as np
import pandas as pd

from ..course import Course
from .tallies import TIDY

COUNTRIES = ("Cambodia", "Myanmar", "Thailand", "Vietnam")
ORG_TYPES = ("NGO", "NGO", "NGO", "trade union", "community organisation", "research institute")
FIRST_DAY = dt.date(2016, 6, 4)
PACE = ("too_slow", "right", "right", "right", "too_fast")
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
FOLLOWUP_DETAIL = (
    "We sent input to our national preparatory workshop before the AFML.",
    "We met the labour ministry about recruitment fees.",
    "I trained ten colleagues on the ASEAN mechanisms.",
)


def simulate(course: Course, participants: int = 17, seed: int = 2016) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(roster, tidy answers) of a synthetic pilot; the same seed gives the same data."""
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
    rated = [s for s in course.sessions if s.rated]
    quality = {s.id: float(np.clip(rng.normal(4.0, 0.45), 2.8, 4.7)) for s in rated}
    outcomes = [f"c_{o.id}" for o in course.config.outcomes]
    rows: list[tuple] = []
    counter = iter(range(1, 10**6))

    def respond(form, who, when, answers):
        rid = f"sim-{next(counter):05d}"
        for session, question, value in answers:
            if rng.random() < 0.04 and question not in ("day", "round"):
                continue  # a skipped question
            rows.append((rid, form, who, when.isoformat(timespec="minutes"), session, question, str(value)))

    def likert(mean):
        return int(np.clip(round(rng.normal(mean, 0.8)), 1, 5))

    last_day = max((d.number for d in course.days), default=5)
    for who in codes:
        leaves = who in leavers
        day1 = dt.datetime.combine(FIRST_DAY, dt.time(9, 40))
        pre = {c: likert(2.4 + skill[who]) for c in outcomes}
        respond("pre", who, day1, [("", c, v) for c, v in pre.items()])
        for day in course.days:
            sessions = [s for s in day.sessions if s.rated]
            if day.number == last_day or not sessions or (leaves and day.number > 3) or rng.random() < 0.08:
                continue
            when = dt.datetime.combine(FIRST_DAY + dt.timedelta(days=day.number - 1), dt.time(16, 45))
            answers = [("", "day", day.number), ("", "pace", PACE[rng.integers(0, len(PACE))])]
            for s in sessions:
                score = likert(quality[s.id] + skill[who] / 2)
                answers.append((s.id, "useful", score))
                if rng.random() < 0.25:
                    pool = SESSION_COMMENTS_GOOD if score >= 4 else SESSION_COMMENTS_BAD
                    answers.append((s.id, "comment", pool[rng.integers(0, len(pool))]))
            if rng.random() < 0.3:
                answers.append(("", "day_comment", DAY_COMMENTS[rng.integers(0, len(DAY_COMMENTS))]))
            respond("daily", who, when, answers)
        if leaves:
            continue
        last = dt.datetime.combine(FIRST_DAY + dt.timedelta(days=last_day - 1), dt.time(16, 20))
        respond("post", who, last, [("", c, int(np.clip(v + rng.integers(0, 3), 1, 5))) for c, v in pre.items()])
        overall = likert(4.1 + skill[who] / 2)
        respond("end", who, last, [
            ("", "overall", overall),
            ("", "recommend", int(np.clip(round(rng.normal(8.2 + skill[who], 1.4)), 0, 10))),
            ("", "most_useful", MOST_USEFUL[rng.integers(0, len(MOST_USEFUL))]),
            ("", "change_one_thing", CHANGE_ONE[rng.integers(0, len(CHANGE_ONE))]),
        ])
        for months, round_id, p_answer, p_engaged in ((1, "m1", 0.9, 0.8), (3, "m3", 0.75, 0.65), (6, "m6", 0.6, 0.55)):
            if rng.random() > p_answer:
                continue
            engaged = rng.random() < p_engaged
            taken = sorted(set(rng.choice(ACTIONS, size=int(rng.integers(1, 4)), replace=False))) if engaged else []
            answers = [("", "round", round_id), ("", "engaged", "yes" if engaged else "no"), ("", "actions", " ".join(taken))]
            if engaged and rng.random() < 0.5:
                answers.append(("", "actions_detail", FOLLOWUP_DETAIL[rng.integers(0, len(FOLLOWUP_DETAIL))]))
            respond("followup", who, last + dt.timedelta(days=30 * months), answers)
    answers = pd.DataFrame(rows, columns=TIDY)
    return roster, answers[answers["value"] != ""].reset_index(drop=True)
