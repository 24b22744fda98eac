"""Text the build writes into pages from the course data: session and exercise headers, the
programme, the outcomes and the forms' QR code. Pure functions returning MyST Markdown."""
from __future__ import annotations

import copy
import datetime as dt
import posixpath
import re

from .course import Course, Exercise, Session
from .facts import load_facts, uses
from .facts_recheck import recheck_markdown
from .forms import qr
from .ratification_table import load_cells, ratification_markdown
from .schedule import Slot, as_markdown, programme

# Blocks a page may hold for text the build writes, so it is never retyped: the programme,
# the course's learning outcomes, (on daily review pages) the forms' QR code, the list of facts
# to re-check before a delivery, the ratification table (from the datasets) and what each
# edition's home page tells its reader to read first.
BLOCK = re.compile(r"^```\{(programme|outcomes|forms-qr|facts-recheck|ratification-table|start-here)\}[^\n]*\n```[ \t]*$", flags=re.M)
# What the home page of each edition tells its reader to read first.
START_HERE = {
    "trainer": ("trainer edition", "book/trainer-guide", "Trainer guide",
                "then the programme, and the evening before each day its page *Preparing for Day N*"),
    "participant": ("participant edition", "book/participant-guide", "Participant guide",
                    "then the programme, and each day's sessions"),
}


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


def start_here(course: Course, docname: str, edition: str) -> str:
    """A box on the home page that sends each edition's reader to their own guide."""
    name, guide, title, then = START_HERE[edition]
    body = f"You are reading the **{name}**. Read the [{title}]({link(course, docname, guide)}) first, {then}."
    return _admonition("Start here", "tip start-here", body)


def expand_blocks(text: str, course: Course, docname: str, forms_url: str | None = None, edition: str = "participant") -> str:
    """Replace ```{programme}``` with the computed programme tables, ```{outcomes}``` with the
    numbered learning outcomes of ``course.yml`` and ```{forms-qr}``` with the QR code figure
    for ``forms_url``."""

    def render(match) -> str:
        kind = match.group(1)
        if kind == "programme":
            return as_markdown(course, programme(course), lambda sid: link(course, docname, course.session(sid).docname)).rstrip()
        if kind == "ratification-table":
            return ratification_markdown(load_cells(course.root))
        if kind == "facts-recheck":
            return _facts_recheck(course, docname)
        if kind == "start-here":
            return start_here(course, docname, edition)
        if kind == "outcomes":
            return "\n".join(f"{n}. {o.text.rstrip('.')}." for n, o in enumerate(course.config.outcomes, start=1))
        src = posixpath.relpath(f"_static/{qr.QR_FILE}", posixpath.dirname(docname) or ".")
        return qr.figure(forms_url or qr.forms_url(), src)

    return BLOCK.sub(render, text)


def _facts_recheck(course: Course, docname: str) -> str:
    pages = {}
    for page in course.toc.docnames:
        for suffix in (".ipynb", ".md"):
            pages[f"{page}{suffix}"] = page

    def page_link(rel: str) -> str | None:
        return link(course, docname, pages[rel]) if rel in pages else None

    return recheck_markdown(load_facts(course.root), uses(course.root), dt.date.today(), page_link)


def expand_blocks_step(course: Course, docname: str, forms_url: str | None = None, edition: str = "participant"):
    """The same expansion as a notebook step, for every Markdown cell."""

    def step(nb):
        out = copy.copy(nb)
        out.cells = []
        for cell in nb.cells:
            text = "".join(cell.source)
            if cell.cell_type == "markdown" and BLOCK.search(text):
                cell = copy.deepcopy(cell)
                cell.source = expand_blocks(text, course, docname, forms_url, edition)
            out.cells.append(cell)
        return out

    return step
