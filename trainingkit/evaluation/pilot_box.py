"""The "Pilot feedback" box on each session page of the trainer edition."""
from __future__ import annotations

import copy
import html
import posixpath

import nbformat

from ..course import Course
from .model import Likert, Summary
from .render import escape_md
from .tables import needed

MAX_BOX_COMMENTS = 3
LIKERT_COLOURS = {"1": "#b2182b", "2": "#ef8a62", "3": "#bdbdbd", "4": "#67a9cf", "5": "#2166ac"}


def likert_bar_html(useful: Likert, label: str) -> str:
    """A horizontal bar of the 1–5 distribution, with the numbers in its accessible name."""
    parts = "".join(
        f'<span style="display:inline-block;height:100%;width:{100 * c / useful.n:.1f}%;background:{LIKERT_COLOURS[v]}"></span>'
        for v, c in useful.dist.items() if c
    )
    counts = ", ".join(f"{c} rated {v}" for v, c in useful.dist.items())
    return (
        f'<div class="likert-bar" role="img" aria-label="{html.escape(label)}: {counts}" '
        f'style="display:flex;height:1.1rem;width:100%;max-width:28rem;border:1px solid #666">{parts}</div>'
    )


def pilot_box(summary: Summary, session_id: str, title: str = "") -> str | None:
    """The box for one session page (MyST), or None if nobody rated the session."""
    useful = summary.sessions.get(session_id, {}).get("useful")
    if not useful or not useful.n:
        return None
    source = "SYNTHETIC data (not real trainees)" if summary.synthetic else f"cohort {escape_md(summary.cohort)}"
    lines = [
        ":::{admonition} Pilot feedback · trainer edition only",
        ":class: pilot-feedback trainer-notes",
        "",
    ]
    if useful.suppressed:
        lines += [f"From {source}. Usefulness: {needed(useful.n, summary.min_cell)}.", ""]
    else:
        lines += [
            f"From {source}. Usefulness: mean **{useful.mean}** of 5 from **n = {useful.n}** answers; "
            f"{useful.top2_pct} % rated it 4 or 5.", "",
            likert_bar_html(useful, f"Usefulness ratings for {title or session_id}"), "",
        ]
        comments = summary.comments.sessions.get(session_id, [])[:MAX_BOX_COMMENTS]
        if comments:
            lines += ["Comments:", "", *[f"- {escape_md(c)}" for c in comments], ""]
    lines.append(":::")
    return "\n".join(lines) + "\n"


def pilot_feedback_steps(summary: Summary | None):
    """A build hook for the trainer edition: the box after each session's header."""

    def make(course: Course, docname: str):
        session = next((s for s in course.sessions if s.docname == docname), None)
        box = pilot_box(summary, session.id, session.title) if (summary and session) else None
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
