"""Text the build writes into pages from the course data: session and exercise headers, and
the programme. Pure functions returning MyST Markdown."""
from __future__ import annotations

import posixpath
import re

from .course import Course, Exercise, Session
from .schedule import Slot, as_markdown, programme

PROGRAMME_BLOCK = re.compile(r"^```\{programme\}[^\n]*\n```[ \t]*$", flags=re.M)


def link(course: Course, from_docname: str, to_docname: str) -> str:
    """A relative link from one page to another, to the file MyST resolves (.ipynb or .md)."""
    target = next((p for p in (course.root / f"{to_docname}.ipynb", course.root / f"{to_docname}.md") if p.is_file()))
    return posixpath.relpath(f"{to_docname}{target.suffix}", posixpath.dirname(from_docname) or ".")


def _bullets(items) -> str:
    return "\n".join(f"- {item}" for item in items)


def _admonition(title: str, classes: str, body: str) -> str:
    return f":::{{admonition}} {title}\n:class: {classes}\n\n{body}\n:::"


def session_header(course: Course, session: Session, slot: Slot, edition: str) -> str:
    """Title, clock time, objectives, exercises; and, for trainers, the materials."""
    parts = [
        f"# {session.title}",
        f"**Day {session.day} · {slot.start:%H:%M}–{slot.end:%H:%M} · {session.minutes} minutes** · session `{session.id}`",
        _admonition("Objectives", "session-objectives", "By the end of this session you can:\n\n" + _bullets(session.objectives)),
    ]
    if session.exercises:
        exercises = [course.exercise(e) for e in session.exercises]
        parts.append(
            "**Case exercises:** "
            + "; ".join(f"[{e.title}]({link(course, session.docname, e.docname)}) ({e.minutes} min)" for e in exercises)
        )
    if edition == "trainer" and session.materials:
        parts.append(_admonition("Materials to prepare · trainer notes", "trainer-notes", _bullets(session.materials)))
    return "\n\n".join(parts) + "\n"


def exercise_header(course: Course, exercise: Exercise) -> str:
    used_in = [s for s in course.sessions if exercise.id in s.exercises]
    line = f"**Case exercise · about {exercise.minutes} minutes**"
    if used_in:
        line += " · used in " + ", ".join(
            f"[{s.title}]({link(course, exercise.docname, s.docname)}) (day {s.day})" for s in used_in
        )
    parts = [f"# {exercise.title}", line]
    if exercise.datasets:
        parts.append("**Data:** " + ", ".join(f"`{d}`" for d in exercise.datasets))
    return "\n\n".join(parts) + "\n"


def expand_programme(text: str, course: Course, docname: str) -> str:
    """Replace a ```{programme}``` block in a page with the computed programme tables."""
    if not PROGRAMME_BLOCK.search(text):
        return text
    table = as_markdown(course, programme(course), lambda sid: link(course, docname, course.session(sid).docname))
    return PROGRAMME_BLOCK.sub(lambda _: table.rstrip(), text)
