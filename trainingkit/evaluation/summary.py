"""The pilot's evaluation summary (``trainingkit feedback summary``): the feedback contract's
metrics, computed from tallies, with the privacy rule of ``privacy.py`` applied to every figure.
Four levels after Kirkpatrick: reaction (sessions, end, NPS), learning (pre/post), behaviour
(follow-up: engaged, actions) and results (follow-up: what came of an action).
"""
from __future__ import annotations

import pandas as pd

from ..course import Course
from .metrics import choice_shares, likert_summary, nps_summary, pct, pre_post_from_pairs, response_rate
from .model import (
    Actions, Comments, Count, End, FollowupRound, Group, GroupMean, Likert, Nps, PrePost, Profile, Rate, Share, Summary,
)
from .privacy import check_min_cell, mask_text, needs_other_label, protect
from .tallies import Tallies
from .vocabulary import (
    GROUP_MEANS, NOT_GIVEN, OTHER_GROUPS, ROSTER_ATTRIBUTES, form_rank, occasion_rank,
)


def _counts(frame: pd.DataFrame) -> dict[int, int]:
    return {int(v): int(c) for v, c in zip(frame["value"], frame["count"])}


def _ordered(ids, order: list[str]) -> list[str]:
    """``ids`` in programme order; ids the course no longer has go last, sorted."""
    known = [i for i in order if i in ids]
    return known + sorted(set(ids) - set(known))


def likert(counts: dict[int, int], min_cell: int) -> Likert:
    s = likert_summary(counts)
    return Likert(**s) if s["n"] >= min_cell else Likert(n=s["n"], suppressed=True)


def session_stats(scale_counts: pd.DataFrame, course: Course, min_cell: int) -> dict:
    """Per session and per 1–5 question of the daily form: n, mean, median, top2_pct, dist."""
    daily = scale_counts[(scale_counts["form_id"] == "daily") & (scale_counts["session"] != "")]
    out = {}
    for sid in _ordered(set(daily["session"]), [s.id for s in course.sessions]):
        rows = daily[daily["session"] == sid]
        out[sid] = {q: likert(_counts(g), min_cell) for q, g in rows.groupby("question", sort=True)}
    return out


def pre_post_stats(pairs: pd.DataFrame, course: Course, min_cell: int) -> dict:
    """Per c_* item: the paired change from the pre- to the post-course form."""
    order = [f"c_{o.id}" for o in course.config.outcomes]
    by_item = dict(tuple(pairs.groupby("question", sort=False)))
    out = {}
    for item in _ordered(set(by_item), order):
        rows = by_item[item]
        s = pre_post_from_pairs({(int(a), int(b)): int(c) for a, b, c in zip(rows["pre"], rows["post"], rows["count"])})
        out[item] = PrePost(**s) if s["n_pairs"] >= min_cell else PrePost(n_pairs=s["n_pairs"], suppressed=True)
    return out


def nps(counts: dict[int, int], min_cell: int) -> Nps:
    s = nps_summary(counts)
    return Nps(**s) if s["n"] >= min_cell else Nps(n=s["n"], suppressed=True)


def rates(respondents: pd.DataFrame, expected: int | None) -> dict:
    """Per form in course order (per day for ``daily``, per round for ``followup``)."""
    out: dict = {}
    for form in sorted(set(respondents["form_id"]), key=form_rank):
        rows = respondents[respondents["form_id"] == form]
        if form in ("daily", "followup"):
            pairs = sorted(zip(rows["occasion"].astype(str), rows["responded"]), key=lambda p: occasion_rank(form, p[0]))
            out[form] = {o: Rate(**response_rate(r, expected)) for o, r in pairs}
        else:
            out[form] = Rate(**response_rate(int(rows["responded"].sum()), expected))
    return out


def known_categories(course: Course) -> dict[str, list[str] | None]:
    """Categories a reader knows exist anyway; listing all of them reveals nothing."""
    return {"country": list(course.config.countries) or None, "org_type": None, "member": ["yes", "no"]}


def _people(persons, roster: pd.DataFrame) -> dict[str, tuple]:
    attrs = roster.set_index("participant")[list(ROSTER_ATTRIBUTES)]
    attrs = attrs.map(lambda g: g or NOT_GIVEN) if len(attrs) else attrs
    lookup = {p: tuple(row) for p, row in zip(attrs.index, attrs.itertuples(index=False))}
    none = (None,) * len(ROSTER_ATTRIBUTES)
    return {p: lookup.get(p, none) for p in persons}


def _groups_of(people: dict[str, tuple], i: int) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for p, key in people.items():
        if key[i] is not None:
            out.setdefault(key[i], []).append(p)
    return out


def _listing(shown: dict, present: set[str], known: list[str] | None, make_hidden) -> dict:
    """Shown groups, then the labels rule: every known category, or one "other groups" label."""
    out = dict(sorted(shown.items()))
    if known is not None:
        out = {g: out[g] if g in out else make_hidden() for g in known} | {g: v for g, v in out.items() if g not in known}
    if needs_other_label(sorted(present - set(shown)), known):
        out[OTHER_GROUPS] = make_hidden()
    return out


def breakdown_stats(t: Tallies, course: Course, min_cell: int) -> dict:
    """Per roster attribute and group: people ``n`` and each question's mean, audited together."""
    if t.roster.empty:
        return {}
    everyone = _people(t.persons["person"], t.roster)
    answered = {q: _people(rows["person"], t.roster) for q, rows in t.person_scores.groupby("question")}
    scores = t.person_scores.set_index(["question", "person"])
    shown_n = protect(everyone, ROSTER_ATTRIBUTES, min_cell)
    shown_q = {q: protect(p, ROSTER_ATTRIBUTES, min_cell) for q, p in answered.items()}
    known = known_categories(course)
    out = {}
    for i, attribute in enumerate(ROSTER_ATTRIBUTES):
        groups = _groups_of(everyone, i)
        shown = {}
        for group, members in groups.items():
            means = {}
            for q in GROUP_MEANS:
                if q in shown_q and group in shown_q[q][attribute]:
                    who = _groups_of(answered[q], i)[group]
                    rows = scores.loc[q].loc[who]
                    means[q] = GroupMean(n=len(who), mean=round(float(rows["total"].sum()) / int(rows["n"].sum()), 2))
                elif q in shown_q:
                    means[q] = GroupMean(suppressed=True)
            if group in shown_n[attribute]:
                shown[group] = Group(n=len(members), means=means)
        out[attribute] = _listing(shown, set(groups), known[attribute], lambda: Group(suppressed=True))
    return out


def profile(roster: pd.DataFrame, course: Course, min_cell: int) -> Profile:
    """The roster's people by attribute (everyone enrolled, whether they answered or not)."""
    if roster.empty:
        return Profile(participants=0)
    people = _people(roster["participant"], roster)
    shown = protect(people, ROSTER_ATTRIBUTES, min_cell)
    known = known_categories(course)
    groups = {}
    for i, attribute in enumerate(ROSTER_ATTRIBUTES):
        present = _groups_of(people, i)
        counts = {g: Count(n=len(m)) for g, m in present.items() if g in shown[attribute]}
        groups[attribute] = _listing(counts, set(present), known[attribute], lambda: Count(suppressed=True))
    return Profile(participants=len(roster), groups=groups)


def _open(texts: pd.DataFrame, names) -> list[str]:
    return [mask_text(str(t), names) for t in texts["value"]]


def _enough(t: Tallies, form: str, min_cell: int) -> set[str]:
    """The occasions of ``form`` with at least min_cell respondents: only their comments are shown."""
    rows = t.respondents[(t.respondents["form_id"] == form) & (t.respondents["responded"] >= min_cell)]
    return set(rows["occasion"].astype(str))


def end_stats(t: Tallies, names, min_cell: int) -> End:
    end = t.scale_counts[(t.scale_counts["form_id"] == "end") & (t.scale_counts["question"] == "overall")]
    texts = t.texts[(t.texts["form_id"] == "end") & t.texts["occasion"].astype(str).isin(_enough(t, "end", min_cell))]
    return End(
        overall=likert(_counts(end), min_cell),
        most_useful=_open(texts[texts["question"] == "most_useful"], names),
        change_one_thing=_open(texts[texts["question"] == "change_one_thing"], names),
    )


def _share(yes: int, n: int, min_cell: int) -> Share:
    return Share(n=n, yes=yes, pct=pct(yes, n)) if n >= min_cell else Share(n=n, suppressed=True)


def followup_stats(t: Tallies, min_cell: int) -> dict:
    """Per follow-up round: share engaged (answered yes), actions by type, results described."""
    out = {}
    follow = t.choices[t.choices["form_id"] == "followup"]
    asked = t.choice_respondents[t.choice_respondents["form_id"] == "followup"]
    rounds = t.respondents[t.respondents["form_id"] == "followup"]
    details = t.text_counts[(t.text_counts["form_id"] == "followup") & (t.text_counts["question"] == "actions_detail")]
    for round_ in sorted(set(rounds["occasion"].astype(str)), key=lambda o: occasion_rank("followup", o)):
        rows = follow[follow["occasion"].astype(str) == round_]
        engaged = rows[rows["question"] == "engaged"]
        n_engaged = int(engaged["count"].sum())
        actions = rows[rows["question"] == "actions"]
        n_actions = int(asked[(asked["occasion"].astype(str) == round_) & (asked["question"] == "actions")]["respondents"].sum())
        by_type = {k: Share(n=n_actions, yes=v["n"], pct=v["pct"])
                   for k, v in choice_shares(dict(zip(actions["value"], actions["count"])), n_actions).items()}
        responded = int(rounds.loc[rounds["occasion"].astype(str) == round_, "responded"].sum())
        described = int(details.loc[details["occasion"].astype(str) == round_, "count"].sum())
        out[round_] = FollowupRound(
            engaged=_share(int(engaged.loc[engaged["value"] == "yes", "count"].sum()), n_engaged, min_cell),
            actions=Actions(n=n_actions, by_type=by_type) if n_actions >= min_cell else Actions(n=n_actions, suppressed=True),
            results_described=_share(described, responded, min_cell),
        )
    return out


def comment_lists(t: Tallies, course: Course, names, min_cell: int) -> Comments:
    """Open comments at course level only, per session, per day and per follow-up round, masked;
    only for a day (round) whose form at least min_cell trainees sent."""
    days = _enough(t, "daily", min_cell)
    daily = t.texts[(t.texts["form_id"] == "daily") & t.texts["occasion"].astype(str).isin(days)]
    per_session = daily[(daily["question"] == "comment") & (daily["session"] != "")]
    per_day = daily[daily["question"] == "day_comment"]
    rounds = _enough(t, "followup", min_cell)
    details = t.texts[(t.texts["form_id"] == "followup") & (t.texts["question"] == "actions_detail")
                      & t.texts["occasion"].astype(str).isin(rounds)]
    return Comments(
        sessions={
            sid: _open(per_session[per_session["session"] == sid], names)
            for sid in _ordered(set(per_session["session"]), [s.id for s in course.sessions])
        },
        days={str(d): _open(rows, names) for d, rows in sorted(per_day.groupby("occasion"), key=lambda p: occasion_rank("daily", str(p[0])))},
        results={str(r): _open(rows, names) for r, rows in sorted(details.groupby("occasion"), key=lambda p: occasion_rank("followup", str(p[0])))},
    )


def summarise(t: Tallies, course: Course, *, expected: int | None, min_cell: int, names=(), synthetic: bool = False,
              cohort: str | None = None) -> Summary:
    """The whole summary, in the keys of the feedback contract plus end, follow-up, comments, profile."""
    check_min_cell(min_cell)
    recommend = t.scale_counts[(t.scale_counts["form_id"] == "end") & (t.scale_counts["question"] == "recommend")]
    return Summary(
        data="synthetic" if synthetic else "real",  # synthetic: the sample or a simulated pilot
        cohort=cohort or course.config.cohort,
        min_cell=min_cell,
        comments_included=t.texts_read,
        replaced=t.replaced,
        sessions=session_stats(t.scale_counts, course, min_cell),
        pre_post=pre_post_stats(t.pairs, course, min_cell),
        nps=nps(_counts(recommend), min_cell),
        response_rates=rates(t.respondents, expected),
        breakdowns=breakdown_stats(t, course, min_cell),
        end=end_stats(t, names, min_cell),
        followup=followup_stats(t, min_cell),
        comments=comment_lists(t, course, names, min_cell),
        profile=profile(t.roster, course, min_cell),
    )

