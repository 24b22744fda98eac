"""The report's words, from the data by stated rules: key findings, targets beside measured
values, and the four levels (after Kirkpatrick) as typed sections. ``METHOD_RULES`` is quoted
in the method note, so a reader can check every sentence against the tables.

A section is a function (summary, course) → ``Section``; ``sections(..., extra=...)`` takes more
of them (the follow-up package adds its action-plan figures this way)."""
from __future__ import annotations

from typing import Callable, Iterable

from ..course import Course
from .labels import choice_label, outcome_label, session_title
from .model import Measure, Rate, Section, Summary
from .tables import needed
from .vocabulary import RESULT_LABELS, occasion_label

SectionFunction = Callable[[Summary, Course], Section]

METHOD_RULES = (
    "A session's usefulness is the mean of its 1–5 ratings; 'rated 4 or 5' is the share of ratings that are 4 or 5.",
    "The highest and lowest sessions are those with the highest and lowest mean usefulness among sessions with enough answers.",
    "Competence change is the mean, over trainees who sent both the pre- and the post-course form, of post minus pre; "
    "the course-wide figure is the plain mean of the outcomes' changes.",
    "The Wilcoxon signed-rank test (Pratt's handling of zeros, normal approximation) is shown from 6 pairs up; "
    "p below 0.05 is called a clear change.",
    "Net Promoter Score = % answering 9–10 minus % answering 0–6 to 'would you recommend the course'.",
    "Engagement is the share of a follow-up round's respondents who answered yes to taking part in ASEAN advocacy; "
    "results (Level 4) are the share who described what came of an action.",
    "A session is to revise when its mean is below 3.5, fewer than 60 % rated it 4 or 5, or it has the largest share "
    "of critical comments (word list) among sessions with enough comments.",
)


def _shown_sessions(summary: Summary):
    return [(sid, q["useful"]) for sid, q in summary.sessions.items() if "useful" in q and not q["useful"].suppressed]


def _shown_items(summary: Summary):
    return [(k, v) for k, v in summary.pre_post.items() if not v.suppressed]


def _latest_round(summary: Summary):
    shown = [(r, s) for r, s in summary.followup.items() if not s.engaged.suppressed]
    return shown[-1] if shown else None


def replaced_note(summary: Summary) -> str:
    if not summary.replaced:
        return ""
    return (f"{summary.replaced} response{'s were' if summary.replaced != 1 else ' was'} replaced by a later version "
            "(or by one the organiser marked) and not counted.")


def findings(summary: Summary, course: Course) -> list[str]:
    """Key findings in plain sentences; each says what it rests on, or what is missing."""
    out, k = [], summary.min_cell
    sessions = _shown_sessions(summary)
    if sessions:
        best = max(sessions, key=lambda p: (p[1].mean, p[1].n))
        worst = min(sessions, key=lambda p: (p[1].mean, -p[1].n))
        high = sum(1 for _, s in sessions if s.top2_pct >= 80)
        out.append(f"Reaction: {high} of {len(sessions)} sessions were rated 4 or 5 by at least 80 % of those who rated them. "
                   f"Most useful: {session_title(course, best[0])} (mean {best[1].mean} of 5, n = {best[1].n}); "
                   f"least useful: {session_title(course, worst[0])} (mean {worst[1].mean}, n = {worst[1].n}).")
    elif summary.sessions:
        out.append(f"Reaction: no session has {k} ratings yet, so no session figure is shown.")
    else:
        out.append("Reaction: no daily forms yet.")
    items = _shown_items(summary)
    if items:
        rose = [i for i, v in items if v.mean_change > 0]
        mean_change = round(sum(v.mean_change for _, v in items) / len(items), 2)
        top = max(items, key=lambda p: p[1].mean_change)
        clear = sum(1 for _, v in items if v.wilcoxon_p is not None and v.wilcoxon_p < 0.05)
        out.append(f"Learning: self-rated competence rose on {len(rose)} of {len(items)} outcomes, by {mean_change:+} points "
                   f"on average (clear change on {clear}); most on “{outcome_label(course, top[0])}” "
                   f"({top[1].mean_change:+}, n = {top[1].n_pairs} pairs).")
    else:
        out.append("Learning: not measured yet (it needs pre- and post-course forms from "
                   f"at least {k} trainees).")
    if not summary.nps.suppressed:
        out.append(f"Recommendation: Net Promoter Score {summary.nps.score:+} from {summary.nps.n} trainees.")
    else:
        out.append(f"Recommendation: {needed(summary.nps.n, k)} (end-of-course form).")
    latest = _latest_round(summary)
    if latest:
        r, s = latest
        out.append(f"Behaviour: {occasion_label('followup', r).lower()} the course, {s.engaged.pct} % of "
                   f"{s.engaged.n} respondents were taking part in ASEAN advocacy.")
    else:
        out.append("Behaviour and results: no follow-up yet." if not summary.followup
                   else f"Behaviour and results: no follow-up round has {k} answers yet.")
    if note := replaced_note(summary):
        out.append(f"Data: {note}")
    return out


# --- targets ------------------------------------------------------------------------------

def _measured(summary: Summary, measure: str) -> tuple[float | None, str, int | None]:
    """(value to compare, value in words, people behind it)."""
    if measure == "session_top2_pct":
        sessions = _shown_sessions(summary)
        if not sessions:
            return None, "", None
        low = min(sessions, key=lambda p: p[1].top2_pct)
        return low[1].top2_pct, f"lowest {low[1].top2_pct} % ({len(sessions)} sessions)", low[1].n
    if measure == "competence_gain":
        items = _shown_items(summary)
        if not items:
            return None, "", None
        value = round(sum(v.mean_change for _, v in items) / len(items), 2)
        return value, f"{value:+} points", min(v.n_pairs for _, v in items)
    if measure == "nps":
        return (None, "", None) if summary.nps.suppressed else (summary.nps.score, f"{summary.nps.score:+}", summary.nps.n)
    if measure == "response_rate":
        rates = [r for v in summary.response_rates.values() for r in ([v] if isinstance(v, Rate) else v.values()) if r.rate is not None]
        if not rates:
            return None, "", None
        low = min(rates, key=lambda r: r.rate)
        return low.rate, f"lowest {low.rate} %", low.expected
    if measure == "engaged_pct":
        latest = _latest_round(summary)
        return (None, "", None) if not latest else (latest[1].engaged.pct, f"{latest[1].engaged.pct} %", latest[1].engaged.n)
    raise ValueError(measure)


def targets(summary: Summary, course: Course) -> list[Measure]:
    out = []
    for t in course.config.targets:
        value, words, n = _measured(summary, t.measure)
        out.append(Measure(label=t.text, target=f"at least {t.at_least:g}", value=words or None, n=n,
                           met=None if value is None else value >= t.at_least,
                           note="" if value is not None else "not measured yet: not enough answers"))
    return out


# --- the four levels ----------------------------------------------------------------------

def reaction(summary: Summary, course: Course) -> Section:
    k, measures = summary.min_cell, []
    for sid, q in summary.sessions.items():
        s = q.get("useful")
        if s is None:
            continue
        measures.append(Measure(label=session_title(course, sid), n=s.n,
                                value=None if s.suppressed else f"mean {s.mean} of 5; {s.top2_pct} % rated 4 or 5",
                                note=needed(s.n, k) if s.suppressed else ""))
    overall = summary.end.overall
    measures.append(Measure(label="Overall rating of the course", n=overall.n,
                            value=None if overall.suppressed else f"mean {overall.mean} of 5",
                            note=needed(overall.n, k) if overall.suppressed else ""))
    nps = summary.nps
    measures.append(Measure(label="Net Promoter Score", n=nps.n, value=None if nps.suppressed else f"{nps.score:+}",
                            note=needed(nps.n, k) if nps.suppressed else ""))
    return Section(key="reaction", title="Level 1 · Reaction", level=1, measures=measures,
                   note="" if summary.sessions else "No daily forms yet.")


def learning(summary: Summary, course: Course) -> Section:
    k = summary.min_cell
    measures = [Measure(label=outcome_label(course, item), n=v.n_pairs,
                        value=None if v.suppressed else f"{v.mean_pre} → {v.mean_post} ({v.mean_change:+})",
                        note=needed(v.n_pairs, k) if v.suppressed else "")
                for item, v in summary.pre_post.items()]
    return Section(key="learning", title="Level 2 · Learning", level=2, measures=measures,
                   note="" if measures else "Not measured yet: it needs the pre- and post-course forms.")


def behaviour(summary: Summary, course: Course) -> Section:
    k, measures = summary.min_cell, []
    for r, s in summary.followup.items():
        when = occasion_label("followup", r)
        measures.append(Measure(label=f"{when}: taking part in ASEAN advocacy", n=s.engaged.n,
                                value=None if s.engaged.suppressed else f"{s.engaged.pct} %",
                                note=needed(s.engaged.n, k) if s.engaged.suppressed else ""))
        for action, a in s.actions.by_type.items():
            measures.append(Measure(label=f"{when}: {choice_label(course, 'actions', action)}", n=a.n, value=f"{a.pct} %"))
    measures += plan_measures(summary, course)
    return Section(key="behaviour", title="Level 3 · Behaviour", level=3, measures=measures,
                   note="" if measures else "No follow-up yet (1, 3 and 6 months after the course).")


def results(summary: Summary, course: Course) -> Section:
    k = summary.min_cell
    measures = [Measure(label=f"{occasion_label('followup', r)}: described what came of an action", n=s.results_described.n,
                        value=None if s.results_described.suppressed else f"{s.results_described.pct} %",
                        note=needed(s.results_described.n, k) if s.results_described.suppressed else "")
                for r, s in summary.followup.items()]
    measures += outcome_measures(summary)
    return Section(key="results", title="Level 4 · Results", level=4, measures=measures,
                   note="No follow-up yet." if not measures else
                   "What came of the actions is told in the follow-up answers (trainer edition); "
                   "changes for migrant workers are confirmed by the network's own log.")


def _measure(label: str, n: int, value: str, suppressed: bool, k: int) -> Measure:
    return Measure(label=label, n=n, value=None if suppressed else value, note=needed(n, k) if suppressed else "")


def plan_measures(summary: Summary, course: Course) -> list[Measure]:
    """Level 3 from the store's plans and rounds: planned actions done by month 6, and actions by type over all rounds."""
    levels, k = summary.followup_levels, summary.min_cell
    if levels is None:
        return []
    d = levels.planned_done_by_m6
    out = [_measure("Planned actions done by 6 months after", d.n, f"{d.pct_done} % ({d.done} of {d.actions} actions)", d.suppressed, k)]
    out += [_measure(f"Planned actions done by 6 months after: {choice_label(course, 'actions', kind)}", t.n,
                     f"{t.pct_done} % ({t.done} of {t.actions})", t.suppressed, k) for kind, t in d.by_type.items()]
    a = levels.actions_by_type
    if a.suppressed:
        out.append(_measure("All rounds: actions taken, by type", a.n, "", True, k))
    out += [Measure(label=f"All rounds: {choice_label(course, 'actions', kind)} (trainees who reported it)", n=a.n,
                    value=f"{t.pct} % ({t.trainees})") for kind, t in a.by_type.items()]
    return out


def outcome_measures(summary: Summary) -> list[Measure]:
    """Level 4: what each round's respondents reported (submissions, meetings, media, policy changes)."""
    levels, k = summary.followup_levels, summary.min_cell
    if levels is None:
        return []
    return [_measure(f"{occasion_label('followup', r)}: {RESULT_LABELS.get(q, q).lower()}", o.n,
                     f"{o.total} in all; {o.any} trainees ({o.pct_any} %) reported one or more", o.suppressed, k)
            for r, questions in levels.outcomes.items() for q, o in questions.items()]


LEVELS: tuple[SectionFunction, ...] = (reaction, learning, behaviour, results)


def sections(summary: Summary, course: Course, extra: Iterable[SectionFunction] = ()) -> list[Section]:
    return [f(summary, course) for f in (*LEVELS, *extra)]


def course_dates(course: Course, cohort: str) -> str:
    """The training's dates from course.yml's ``cohorts`` (a synthetic pilot has its real cohort's)."""
    dates = course.config.cohorts.get(cohort.removesuffix("-synthetic"))
    if dates is None:
        return f"dates of cohort {cohort} not given in course.yml"
    return f"{dates.first_day:%-d %B %Y} to {dates.last_day:%-d %B %Y}"
