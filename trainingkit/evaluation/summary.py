"""The pilot's evaluation summary (``trainingkit feedback summary``): the feedback contract's
metrics, computed from tallies. Four levels after Kirkpatrick: reaction (sessions, end, NPS),
learning (pre/post), behaviour (follow-up); results are logged by the network, not surveyed.
"""
from __future__ import annotations

import pandas as pd

from ..course import Course
from .metrics import choice_shares, likert_summary, nps_summary, pct, pre_post_summary, response_rate
from .privacy import check_min_cell, mask_text, suppress
from .tallies import Tallies

FORMS_ONCE = ("pre", "post", "end")
GROUP_MEANS = ("useful", "overall", "recommend")


def _counts(frame: pd.DataFrame) -> dict[int, int]:
    return {int(v): int(c) for v, c in zip(frame["value"], frame["count"])}


def _ordered(ids, order: list[str]) -> list[str]:
    """``ids`` in programme order; ids the course no longer has go last, sorted."""
    known = [i for i in order if i in ids]
    return known + sorted(set(ids) - set(known))


def session_stats(scale_counts: pd.DataFrame, course: Course) -> dict:
    """Per session and per 1–5 question of the daily form: n, mean, median, top2_pct, dist."""
    daily = scale_counts[(scale_counts["form_id"] == "daily") & (scale_counts["session"] != "")]
    out = {}
    for sid in _ordered(set(daily["session"]), [s.id for s in course.sessions]):
        rows = daily[daily["session"] == sid]
        out[sid] = {q: likert_summary(_counts(g)) for q, g in rows.groupby("question", sort=True)}
    return out


def pre_post_stats(paired: pd.DataFrame, course: Course) -> dict:
    """Per c_* item: the paired change from the pre- to the post-course form."""
    order = [f"c_{o.id}" for o in course.config.outcomes]
    out = {}
    for item in _ordered(set(paired["question"]), order):
        rows = paired[paired["question"] == item]
        series = {f: rows[rows["form_id"] == f].set_index("participant")["value"] for f in ("pre", "post")}
        out[item] = pre_post_summary(series["pre"], series["post"])
    return out


def rates(respondents: pd.DataFrame, expected: int | None) -> dict:
    """Per form (per day for ``daily``, per round for ``followup``): responded, expected, rate."""
    out: dict = {}
    for form, rows in respondents.groupby("form_id", sort=False):
        if form in ("daily", "followup"):
            out[form] = {str(o): response_rate(r, expected) for o, r in sorted(zip(rows["occasion"], rows["responded"]))}
        else:
            out[form] = response_rate(int(rows["responded"].sum()), expected)
    order = ["pre", "daily", "post", "end", "followup"]
    return {k: out[k] for k in sorted(out, key=lambda f: order.index(f) if f in order else len(order))}


def breakdown_stats(group_scores: pd.DataFrame, group_respondents: pd.DataFrame, min_cell: int) -> dict:
    """Per roster attribute and group: respondents ``n`` and mean answers, or suppressed."""
    out = {}
    for attribute, groups in group_respondents.groupby("attribute", sort=True):
        stats = {}
        for group, n in zip(groups["group"], groups["n"]):
            row = {"n": int(n)}
            scores = group_scores[(group_scores["attribute"] == attribute) & (group_scores["group"] == group)]
            for question in GROUP_MEANS:
                s = scores[scores["question"] == question]
                answers = int(s["n"].sum())
                row[f"{question}_mean"] = round(float(s["total"].sum()) / answers, 2) if answers else None
            stats[str(group)] = row
        out[attribute] = suppress(stats, min_cell)
    return out


def _texts(texts: pd.DataFrame, names) -> list[str]:
    return [mask_text(str(t), names) for t in texts["value"]]


def end_stats(t: Tallies, names) -> dict:
    end = t.scale_counts[(t.scale_counts["form_id"] == "end") & (t.scale_counts["question"] == "overall")]
    texts = t.texts[t.texts["form_id"] == "end"]
    return {
        "overall": likert_summary(_counts(end)),
        "most_useful": _texts(texts[texts["question"] == "most_useful"], names),
        "change_one_thing": _texts(texts[texts["question"] == "change_one_thing"], names),
    }


def followup_stats(t: Tallies) -> dict:
    """Per follow-up round: respondents, share engaged (answered yes), and actions by type."""
    out = {}
    follow = t.choices[t.choices["form_id"] == "followup"]
    asked = t.choice_respondents[t.choice_respondents["form_id"] == "followup"]
    for round_, rows in follow.groupby("occasion", sort=True):
        engaged = rows[rows["question"] == "engaged"]
        n_engaged = int(engaged["count"].sum())
        yes = int(engaged.loc[engaged["value"] == "yes", "count"].sum())
        actions = rows[rows["question"] == "actions"]
        n_actions = int(asked[(asked["occasion"] == round_) & (asked["question"] == "actions")]["respondents"].sum())
        out[str(round_)] = {
            "engaged": {"n": n_engaged, "yes": yes, "pct": pct(yes, n_engaged)},
            "actions": {"n": n_actions, "by_type": choice_shares(dict(zip(actions["value"], actions["count"])), n_actions)},
        }
    return out


def comment_lists(t: Tallies, course: Course, names) -> dict:
    """Open comments at course level only: per session and per day, masked."""
    daily = t.texts[t.texts["form_id"] == "daily"]
    per_session = daily[(daily["question"] == "comment") & (daily["session"] != "")]
    per_day = daily[daily["question"] == "day_comment"]
    return {
        "sessions": {
            sid: _texts(per_session[per_session["session"] == sid], names)
            for sid in _ordered(set(per_session["session"]), [s.id for s in course.sessions])
        },
        "days": {str(d): _texts(rows, names) for d, rows in per_day.groupby("occasion", sort=True)},
    }


def summarise(t: Tallies, course: Course, *, expected: int | None, min_cell: int, names=(), synthetic: bool = False) -> dict:
    """The whole summary, in the keys of the feedback contract plus end, follow-up and comments."""
    check_min_cell(min_cell)
    recommend = t.scale_counts[(t.scale_counts["form_id"] == "end") & (t.scale_counts["question"] == "recommend")]
    return {
        "data": "synthetic" if synthetic else "real",  # synthetic: the sample or a simulated pilot
        "cohort": course.config.cohort,
        "min_cell": min_cell,
        "sessions": session_stats(t.scale_counts, course),
        "pre_post": pre_post_stats(t.paired, course),
        "nps": nps_summary(_counts(recommend)),
        "response_rates": rates(t.respondents, expected),
        "breakdowns": breakdown_stats(t.group_scores, t.group_respondents, min_cell),
        "end": end_stats(t, names),
        "followup": followup_stats(t),
        "comments": comment_lists(t, course, names),
    }
