"""The evaluation's words, written once: form ids in course order, occasions and their labels,
the roles of questions, and the labels of roster attributes. Renaming a question or adding a
follow-up round is a change here."""
from __future__ import annotations

FORM_ORDER = ("pre", "daily", "post", "end", "followup")
FORM_LABELS = {
    "pre": "Pre-course form",
    "daily": "Daily form",
    "post": "Post-course form",
    "end": "End-of-course form",
    "followup": "Follow-up form",
}
ROUND_LABELS = {"m1": "1 month after", "m3": "3 months after", "m6": "6 months after"}
ROUND_ORDER = tuple(ROUND_LABELS)

SCALE_QUESTIONS = frozenset({"useful", "overall", "recommend"})  # plus every c_* competence item
CHOICE_QUESTIONS = frozenset({"pace", "engaged", "actions"})
TEXT_QUESTIONS = frozenset({"comment", "day_comment", "most_useful", "change_one_thing", "actions_detail", "support_needed"}
                           # the follow-up's open answers about each planned action (a1_evidence … a12_obstacles)
                           | {f"a{n}_{q}" for n in range(1, 13) for q in ("evidence", "obstacles")})
GROUP_MEANS = ("useful", "overall", "recommend")  # the figures a breakdown shows per group
QUESTION_LABELS = {
    "useful": "Usefulness of the sessions (1–5)",
    "overall": "Overall rating of the course (1–5)",
    "recommend": "Would recommend the course (0–10)",
}
# Level 4: the follow-up form's result questions (counts since the last form), in the report's words
RESULT_LABELS = {
    "result_submissions": "Submissions made",
    "result_meetings": "Meetings held with officials",
    "result_media": "Media coverage",
    "result_policy": "Policy changes",
}
PROGRESS_LABELS = {"done": "done", "in_progress": "in progress", "not_started": "not started", "dropped": "dropped",
                   "no_report": "no report by month 6"}

ROSTER_ATTRIBUTES = ("country", "org_type", "member")
ATTRIBUTE_LABELS = {"country": "Country", "org_type": "Type of organisation", "member": "Network member"}
NOT_GIVEN = "not given"
OTHER_GROUPS = "other groups"  # the one label under which unlisted suppressed groups are hidden


def is_scale(question: str) -> bool:
    return question in SCALE_QUESTIONS or question.startswith("c_")


def form_rank(form_id: str) -> int:
    return FORM_ORDER.index(form_id) if form_id in FORM_ORDER else len(FORM_ORDER)


def occasion_label(form_id: str, occasion: str) -> str:
    """'Day 2', '3 months after' or '' (a form sent once)."""
    if form_id == "daily":
        return f"Day {occasion}" if occasion else "Day not given"
    if form_id == "followup":
        return ROUND_LABELS.get(occasion, occasion or "Round not given")
    return ""


def occasion_rank(form_id: str, occasion: str) -> tuple:
    if form_id == "followup":
        return (ROUND_ORDER.index(occasion) if occasion in ROUND_ORDER else len(ROUND_ORDER), occasion)
    return (int(occasion) if occasion.isdigit() else 99, occasion)
