"""Pages the build writes for each day, from the session notebooks and their front matter:

- "Preparing for Day N" (trainer edition): for the evening before, every material from the
  sessions' front matter and every item of their trainer "Preparation" notes, with the session
  it serves, as a checklist;
- "Trainer notes, Day N" (trainer edition): all the day's trainer notes in programme order, each
  linked back to its session (as the Carpentries' instructor notes page does);
- "Day N in brief" (both editions): each session's key points.

Pure functions: a course and its notebooks in, MyST Markdown out. The pages live under
``days/`` in the staged sources; ``toc_with_day_pages`` puts them at the head of each day.
"""
from __future__ import annotations

import copy
import posixpath
import re
from dataclasses import dataclass

import nbformat

from .cells import is_edition_only, is_trainer, source
from .course import Course, Day, Session
from .editions import trainer_sections
from .schedule import Slot

DAY_DIR = "days"
PREPARATION_HEADING = "preparation"
KEY_POINTS_HEADING = "key points"


IN_BRIEF, PREPARING, TRAINER_NOTES = "in-brief", "preparing", "trainer-notes"


@dataclass(frozen=True)
class DayPage:
    kind: str
    docname: str
    title: str
    trainer_only: bool


def day_pages(day: int) -> tuple[DayPage, ...]:
    """The generated pages of a day, in the order they head the day's part of the menu."""
    return (
        DayPage(IN_BRIEF, f"{DAY_DIR}/day{day}-in-brief", f"Day {day} in brief", False),
        DayPage(PREPARING, f"{DAY_DIR}/day{day}-preparing", f"Preparing for Day {day}", True),
        DayPage(TRAINER_NOTES, f"{DAY_DIR}/day{day}-trainer-notes", f"Trainer notes, Day {day}", True),
    )


def day_page(day: int, kind: str) -> DayPage:
    return next(p for p in day_pages(day) if p.kind == kind)


def _heading_text(line: str) -> str:
    return line.lstrip("#").strip().lower()


def trainer_notes(nb) -> list[str]:
    """The Markdown of every trainer note of a notebook, in order."""
    return [source(c) for c in nb.cells if c.cell_type == "markdown" and is_trainer(c)]


def preparation_notes(nb) -> list[str]:
    """The bodies of the notebook's trainer "Preparation" sections."""
    return [
        body.strip()
        for note in trainer_notes(nb)
        for heading, body in trainer_sections(note)
        if heading and _heading_text(heading) == PREPARATION_HEADING and body.strip()
    ]


def key_points(nb) -> str | None:
    """The body of the notebook's "Key points" section (participant text), or None."""
    for cell in nb.cells:
        if cell.cell_type != "markdown" or is_edition_only(cell):
            continue
        for heading, body in trainer_sections(source(cell)):
            if heading and _heading_text(heading) == KEY_POINTS_HEADING and body.strip():
                return body.strip()
    return None


def _link(from_docname: str, session: Session) -> str:
    target = posixpath.relpath(f"{session.docname}{session.path.suffix}", posixpath.dirname(from_docname))
    return f"[{session.title}]({target})"


def _session_heading(page: DayPage, session: Session, slot: Slot) -> str:
    return f"## {slot.start:%H:%M}–{slot.end:%H:%M} · {session.title}\n\n{_link(page.docname, session)} · session `{session.id}` · {session.minutes} minutes"


def _checklist(markdown: str) -> str:
    """Top-level bullets as task-list items, so the page prints as a list to tick."""
    return re.sub(r"^- (?!\[)", "- [ ] ", markdown, flags=re.M)


def _demote(markdown: str, by: int) -> str:
    """Headings inside copied notes, moved down so they sit under the session's heading."""
    return re.sub(r"^(#{1,6})(?=[ \t])", lambda m: "#" * min(6, len(m.group(1)) + by), markdown, flags=re.M)


def preparing_page(page: DayPage, day: Day, notebooks: dict, slots: dict[str, Slot]) -> str:
    parts = [
        f"# {page.title}",
        f"For the evening before Day {day.number} ({day.title}): every material, print-out, room "
        "set-up and check the day's sessions need, with the session each serves, in programme order. "
        "It is made from each session's *Materials to prepare* and its trainer *Preparation* notes; "
        "change those, not this page.",
    ]
    for session in day.sessions:
        parts.append(_session_heading(page, session, slots[session.id]))
        if session.materials:
            parts.append("**Materials to prepare**\n\n" + "\n".join(f"- [ ] {m}" for m in session.materials))
        for note in preparation_notes(notebooks[session.docname]):
            parts.append("**Preparation**\n\n" + _checklist(_demote(note, 1)))
        if not session.materials and not preparation_notes(notebooks[session.docname]):
            parts.append("Nothing to prepare for this session.")
    return "\n\n".join(parts) + "\n"


def trainer_notes_page(page: DayPage, day: Day, notebooks: dict, slots: dict[str, Slot]) -> str:
    parts = [
        f"# {page.title}",
        f"All the trainer notes of Day {day.number} ({day.title}), in programme order, each under a "
        "link to its session.",
    ]
    for session in day.sessions:
        parts.append(_session_heading(page, session, slots[session.id]))
        notes = trainer_notes(notebooks[session.docname])
        parts.extend(_demote(n.strip(), _demotion(n)) for n in notes)
        if not notes:
            parts.append("This session has no trainer notes.")
    return "\n\n".join(parts) + "\n"


def _demotion(note: str) -> int:
    """How far a note's headings move down so its first one sits at level 3."""
    first = next((h for h, _ in trainer_sections(note) if h), None)
    return 0 if first is None else max(0, 3 - (len(first) - len(first.lstrip("#"))))


def in_brief_page(page: DayPage, day: Day, notebooks: dict, slots: dict[str, Slot]) -> str:
    parts = [f"# {page.title}", f"Day {day.number}: {day.title}. The key points of each session."]
    for session in day.sessions:
        parts.append(_session_heading(page, session, slots[session.id]))
        parts.append(key_points(notebooks[session.docname]) or "See the session page.")
    return "\n\n".join(parts) + "\n"


_WRITERS = {IN_BRIEF: in_brief_page, PREPARING: preparing_page, TRAINER_NOTES: trainer_notes_page}


def day_page_texts(course: Course, slots: dict[str, Slot], edition: str) -> dict[str, str]:
    """{docname: Markdown} of every generated day page of ``edition``."""
    notebooks = {s.docname: nbformat.read(s.path, as_version=4) for s in course.sessions}
    pages = {}
    for day in course.days:
        if not day.sessions:
            continue
        for page in day_pages(day.number):
            if page.trainer_only and edition != "trainer":
                continue
            pages[page.docname] = _WRITERS[page.kind](page, day, notebooks, slots)
    return pages


def toc_with_day_pages(toc: dict, course: Course, docnames: set[str]) -> dict:
    """A copy of raw ``_toc.yml`` data with each day's generated pages (those in ``docnames``)
    at the head of the part that holds the day's first session."""
    out = copy.deepcopy(toc)
    for day in course.days:
        if not day.sessions:
            continue
        first = day.sessions[0].docname
        for part in out.get("parts", []):
            chapters = part.get("chapters", [])
            if any(c.get("file") == first for c in chapters):
                pages = [{"file": p.docname} for p in day_pages(day.number) if p.docname in docnames]
                part["chapters"] = pages + chapters
                break
    return out
