"""Feedback in the trainer edition: which summary the book shows, the "sessions to revise"
list, and the "Pilot feedback" box on each session page. The report page and the boxes read
the same summary, computed once per build, so they always agree."""
from __future__ import annotations

import copy
import json
import os
import posixpath
import re
from pathlib import Path

import nbformat
import pandas as pd

from ..course import Course
from .render import escape_md
from .source import store_summary, synthetic_cohort
from .summary import summarise
from .tallies import tallies_from_answers

SAMPLE_ANSWERS = "datasets/feedback-sample-synthetic.csv"
SAMPLE_ROSTER = "datasets/roster-sample-synthetic.csv"
ENV_SUMMARY = "TRAININGKIT_SUMMARY"  # set by the build for the report notebook's kernel
MAX_BOX_COMMENTS = 3

# A plain word list, so a trainer can see why a comment counts as critical; it is a pointer to
# read the comments, not a verdict.
NEGATIVE = re.compile(
    r"\b(too (fast|slow|long|short|much|many|difficult)|not (enough|clear|useful|relevant)|"
    r"difficult|confus\w*|boring|unclear|rushed|waste|hard to|more time|less (talk|input|theory)|didn't|did not)\b",
    re.I,
)
MIN_COMMENTS_FOR_SHARE = 3


def sample_summary(course: Course, min_cell: int | None = None) -> dict | None:
    """The summary of the synthetic sample kept in ``datasets/``, or None if it is not there."""
    answers_path, roster_path = course.root / SAMPLE_ANSWERS, course.root / SAMPLE_ROSTER
    if not answers_path.is_file():
        return None
    answers = pd.read_csv(answers_path, dtype=str, keep_default_na=False)
    roster = pd.read_csv(roster_path, dtype=str, keep_default_na=False) if roster_path.is_file() else None
    summary = summarise(
        tallies_from_answers(answers, roster), course,
        expected=None if roster is None else len(roster),
        min_cell=min_cell or course.config.min_cell, synthetic=True,
    )
    summary["cohort"] = synthetic_cohort(course.config.cohort)
    return summary


def book_summary(course: Course) -> dict | None:
    """What the trainer edition shows: the store's feedback when it has any, else the sample;
    with the cohorts compared when the store holds more than one (issue 17)."""
    summary = store_summary(course) or sample_summary(course)
    if summary is not None:
        from ..followup.book import SUMMARY_KEY, cohort_comparison

        summary[SUMMARY_KEY] = cohort_comparison(course)
    return summary


def load_summary(course: Course) -> dict | None:
    """The summary a build prepared (``TRAININGKIT_SUMMARY``), or one computed now."""
    path = os.environ.get(ENV_SUMMARY)
    if path and Path(path).is_file():
        return json.loads(Path(path).read_text(encoding="utf-8"))
    return book_summary(course)


def is_negative(comment: str) -> bool:
    return bool(NEGATIVE.search(comment))


def sessions_to_revise(summary: dict, course: Course) -> list[dict]:
    """Sessions with mean usefulness below 3.5, or a top-2 share below 60 %, or the largest
    share of critical comments (among sessions with at least 3 comments)."""
    reasons: dict[str, list[str]] = {}
    for sid, questions in summary["sessions"].items():
        s = questions.get("useful")
        if not s or not s["n"]:
            continue
        if s["mean"] < 3.5:
            reasons.setdefault(sid, []).append(f"mean usefulness {s['mean']} (below 3.5, n={s['n']})")
        if s["top2_pct"] < 60:
            reasons.setdefault(sid, []).append(f"{s['top2_pct']} % rated it 4 or 5 (below 60 %, n={s['n']})")
    shares = {
        sid: sum(map(is_negative, comments)) / len(comments)
        for sid, comments in summary["comments"]["sessions"].items()
        if len(comments) >= MIN_COMMENTS_FOR_SHARE
    }
    if shares and max(shares.values()) > 0:
        top = max(shares.values())
        for sid, share in shares.items():
            if share == top:
                n = len(summary["comments"]["sessions"][sid])
                reasons.setdefault(sid, []).append(f"largest share of critical comments ({round(100 * share)} % of {n})")
    order = [s.id for s in course.sessions]
    return [
        {"session": sid, "title": course.session(sid).title if sid in order else sid, "reasons": reasons[sid]}
        for sid in sorted(reasons, key=lambda i: order.index(i) if i in order else len(order))
    ]


def likert_bar_html(dist: dict, n: int, label: str) -> str:
    """A horizontal bar of the 1–5 distribution, with the numbers in its accessible name."""
    colours = {"1": "#b2182b", "2": "#ef8a62", "3": "#bdbdbd", "4": "#67a9cf", "5": "#2166ac"}
    parts = "".join(
        f'<span style="display:inline-block;height:100%;width:{100 * c / n:.1f}%;background:{colours[v]}"></span>'
        for v, c in dist.items() if c
    )
    counts = ", ".join(f"{c} rated {v}" for v, c in dist.items())
    return (
        f'<div class="likert-bar" role="img" aria-label="{label}: {counts}" '
        f'style="display:flex;height:1.1rem;width:100%;max-width:28rem;border:1px solid #666">{parts}</div>'
    )


def pilot_box(summary: dict, session_id: str) -> str | None:
    """The "Pilot feedback" box for one session page, or None if it has no ratings."""
    useful = summary["sessions"].get(session_id, {}).get("useful")
    if not useful or not useful["n"]:
        return None
    comments = summary["comments"]["sessions"].get(session_id, [])[:MAX_BOX_COMMENTS]
    source = "SYNTHETIC data (not real trainees)" if summary["data"] == "synthetic" else f"cohort {summary['cohort']}"
    lines = [
        ":::{admonition} Pilot feedback · trainer edition only",
        ":class: pilot-feedback trainer-notes",
        "",
        f"From {source}. Usefulness: mean **{useful['mean']}** of 5 from **n = {useful['n']}** answers; "
        f"{useful['top2_pct']} % rated it 4 or 5.",
        "",
        likert_bar_html(useful["dist"], useful["n"], f"Usefulness ratings for {session_id}"),
        "",
    ]
    if comments:
        lines += ["Comments:", "", *[f"- {escape_md(c)}" for c in comments], ""]
    lines.append(":::")
    return "\n".join(lines) + "\n"


def pilot_feedback_steps(summary: dict | None):
    """A build hook for the trainer edition: the box after each session's header."""

    def make(course: Course, docname: str):
        session = next((s for s in course.sessions if s.docname == docname), None)
        box = pilot_box(summary, session.id) if (summary and session) else None
        if box is None:
            return None

        def step(nb):
            out = copy.copy(nb)
            cell = nbformat.v4.new_markdown_cell(box)
            cell.id = f"{session.id}-pilot-feedback"
            out.cells = [nb.cells[0], cell, *nb.cells[1:]]
            return out

        return step

    return make


def session_href(course: Course, from_docname: str, session_id: str) -> str:
    """Link from a page's HTML to a session's HTML page."""
    target = course.session(session_id).docname + ".html"
    return posixpath.relpath(target, posixpath.dirname(from_docname))
