"""The summary as flat tables (one DataFrame each, labels not codes, in course order): for the
exports, the Markdown and the report. Counts are integers; a figure withheld by the privacy
rule is empty, with a note saying why."""
from __future__ import annotations

import pandas as pd

from ..course import Course
from .labels import attribute_label, choice_label, group_label, outcome_label, session_title
from .model import Rate, Summary
from .vocabulary import FORM_LABELS, GROUP_MEANS, PROGRESS_LABELS, QUESTION_LABELS, RESULT_LABELS, occasion_label

INT_COLUMNS = {"level", "of", "day", "n", "n_pairs", "responded", "expected", "lost", "count", "people", *(f"dist_{v}" for v in range(11)),
               *(f"{q}_n" for q in GROUP_MEANS)}


def needed(n: int, min_cell: int) -> str:
    """What a withheld figure says instead of its value."""
    if n == 0:
        return "no answers yet"
    return f"not enough answers yet: {n} of the {min_cell} needed"


def _frame(rows: list[dict], columns: list[str]) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=columns)
    for c in columns:
        if c in INT_COLUMNS:
            frame[c] = pd.array(frame[c], dtype="Int64")
    return frame


def sessions_table(summary: Summary, course: Course) -> pd.DataFrame:
    rows = []
    for sid, questions in summary.sessions.items():
        day = course.session(sid).day if sid in {s.id for s in course.sessions} else None
        for question, s in questions.items():
            rows.append({"day": day, "session": session_title(course, sid), "question": QUESTION_LABELS.get(question, question),
                         "n": s.n, "mean": s.mean, "median": s.median, "top2_pct": s.top2_pct,
                         **{f"dist_{v}": (s.dist or {}).get(str(v)) for v in range(1, 6)},
                         "note": needed(s.n, summary.min_cell) if s.suppressed else ""})
    return _frame(rows, ["day", "session", "question", "n", "mean", "median", "top2_pct",
                         *(f"dist_{v}" for v in range(1, 6)), "note"])


def pre_post_table(summary: Summary, course: Course) -> pd.DataFrame:
    rows = [{"competence": outcome_label(course, item), **s.model_dump(exclude={"suppressed"}),
             "note": needed(s.n_pairs, summary.min_cell) if s.suppressed else ""} for item, s in summary.pre_post.items()]
    return _frame(rows, ["competence", "n_pairs", "mean_pre", "mean_post", "mean_change", "improved_pct", "same_pct",
                         "worse_pct", "wilcoxon_p", "note"])


def nps_table(summary: Summary) -> pd.DataFrame:
    n = summary.nps
    row = {**n.model_dump(exclude={"dist", "suppressed"}), **{f"dist_{v}": (n.dist or {}).get(str(v)) for v in range(11)},
           "note": needed(n.n, summary.min_cell) if n.suppressed else ""}
    return _frame([row], list(row))


def response_rates_table(summary: Summary) -> pd.DataFrame:
    """Per form (and day or round): who sent it of whom. The follow-up rounds are the status's
    (``followup_levels``, when the store has them): withdrawn trainees are out of ``expected``,
    and ``lost`` counts those lost to follow-up."""
    rows = []
    levels = summary.followup_levels
    for form, value in summary.response_rates.items():
        if form == "followup" and levels is not None:
            continue
        items = [("", value)] if isinstance(value, Rate) else list(value.items())
        rows += [{"form": FORM_LABELS.get(form, form), "when": occasion_label(form, o), **r.model_dump(), "lost": None, "note": ""}
                 for o, r in items]
    for r in levels.response_rates if levels is not None else ():
        rows.append({"form": FORM_LABELS["followup"], "when": occasion_label("followup", r.round), "responded": r.answered,
                     "expected": r.expected, "rate": r.rate, "lost": r.lost,
                     "note": f"fewer than {summary.min_cell} trainees expected: not shown" if r.suppressed
                     else "expected: the roster less the withdrawn"})
    return _frame(rows, ["form", "when", "responded", "expected", "rate", "lost", "note"])


def breakdowns_table(summary: Summary) -> pd.DataFrame:
    rows = []
    for attribute, groups in summary.breakdowns.items():
        for group, s in groups.items():
            row = {"attribute": attribute_label(attribute), "group": group_label(attribute, group),
                   "shown": "No" if s.suppressed else "Yes", "people": s.n}
            for q in GROUP_MEANS:
                m = s.means.get(q)
                row[f"{q}_mean"], row[f"{q}_n"] = (m.mean, m.n) if m else (None, None)
            row["note"] = f"fewer than {summary.min_cell} people, or none: not shown" if s.suppressed else ""
            rows.append(row)
    return _frame(rows, ["attribute", "group", "shown", "people", *(c for q in GROUP_MEANS for c in (f"{q}_mean", f"{q}_n")), "note"])


def followup_table(summary: Summary, course: Course) -> pd.DataFrame:
    rows = []
    for round_, s in summary.followup.items():
        when = occasion_label("followup", round_)
        note = lambda f: needed(f.n, summary.min_cell) if f.suppressed else ""  # noqa: E731
        rows.append({"round": when, "measure": "Engaged in ASEAN advocacy (answered yes)", "n": s.engaged.n,
                     "count": s.engaged.yes, "pct": s.engaged.pct, "note": note(s.engaged)})
        rows.append({"round": when, "measure": "Described what came of an action (results)", "n": s.results_described.n,
                     "count": s.results_described.yes, "pct": s.results_described.pct, "note": note(s.results_described)})
        if s.actions.suppressed:
            rows.append({"round": when, "measure": "Actions taken", "n": s.actions.n, "count": None, "pct": None, "note": note(s.actions)})
        for action, a in s.actions.by_type.items():
            rows.append({"round": when, "measure": f"Action: {choice_label(course, 'actions', action)}", "n": a.n,
                         "count": a.yes, "pct": a.pct, "note": ""})
    return _frame(rows, ["round", "measure", "n", "count", "pct", "note"])


def levels_table(summary: Summary, course: Course) -> pd.DataFrame:
    """Levels 3 and 4 from the follow-up package (``summary.followup_levels``): the share of
    planned actions done by month 6 (and by type), actions by type over all rounds, and the
    outcomes each round reported. Empty when the store holds no follow-up for the cohort."""
    levels, k = summary.followup_levels, summary.min_cell
    if levels is None:
        return _frame([], ["level", "round", "measure", "n", "count", "of", "pct", "note"])
    rows = []

    def add(level, when, measure, n, count=None, of=None, pct=None, suppressed=False):
        rows.append({"level": level, "round": when, "measure": measure, "n": n, "count": None if suppressed else count,
                     "of": None if suppressed else of, "pct": None if suppressed else pct,
                     "note": needed(n, k) if suppressed else ""})

    done = levels.planned_done_by_m6
    add(3, "by 6 months", "Planned actions done", done.n, done.done, done.actions, done.pct_done, done.suppressed)
    if not done.suppressed:
        for status, count in done.by_progress.items():
            add(3, "by 6 months", f"Planned actions {PROGRESS_LABELS.get(status, status)}", done.n, count, done.actions,
                round(100 * count / done.actions, 1) if done.actions else None)
        for kind, d in done.by_type.items():
            add(3, "by 6 months", f"Planned actions done: {choice_label(course, 'actions', kind)}", d.n, d.done, d.actions,
                d.pct_done, d.suppressed)
    types = levels.actions_by_type
    if types.suppressed:
        add(3, "all rounds", "Actions taken, by type", types.n, suppressed=True)
    for kind, t in types.by_type.items():
        add(3, "all rounds", f"Reported at least once: {choice_label(course, 'actions', kind)}", types.n, t.trainees, types.n, t.pct)
    for round_, questions in levels.outcomes.items():
        for q, o in questions.items():
            add(4, occasion_label("followup", round_), RESULT_LABELS.get(q, q), o.n, o.total, None, None, o.suppressed)
            if not o.suppressed:
                add(4, occasion_label("followup", round_), f"{RESULT_LABELS.get(q, q)}: reported one or more", o.n, o.any, o.n, o.pct_any)
    return _frame(rows, ["level", "round", "measure", "n", "count", "of", "pct", "note"])


def profile_table(summary: Summary) -> pd.DataFrame:
    rows = [{"attribute": attribute_label(a), "group": group_label(a, g), "people": c.n,
             "note": f"fewer than {summary.min_cell}, or none: not shown" if c.suppressed else ""}
            for a, groups in summary.profile.groups.items() for g, c in groups.items()]
    return _frame(rows, ["attribute", "group", "people", "note"])


def summary_tables(summary: Summary, course: Course) -> dict[str, pd.DataFrame]:
    return {
        "response_rates": response_rates_table(summary),
        "profile": profile_table(summary),
        "sessions": sessions_table(summary, course),
        "pre_post": pre_post_table(summary, course),
        "nps": nps_table(summary),
        "followup": followup_table(summary, course),
        "levels": levels_table(summary, course),
        "breakdowns": breakdowns_table(summary),
    }
