"""What there is to translate, by domain, as gettext messages (English ``msgid`` + where it is).

=========  ===============================================================================
domain     text
=========  ===============================================================================
forms      every form's title, labels, hints and choices, as the form files write them (the
           generated questions as their templates: "How useful was “{session}”?")
interface  the words around the questions in notebooks and on phones, and the draft note
theme      the book theme's words the sites show ("Search", "Contents", buttons): see :mod:`.theme`
course     course title, learning outcomes, day titles, session titles, objectives, key points
glossary   each glossary term and its definition
=========  ===============================================================================

Whole pages of the participant edition come from Sphinx (:mod:`.pages`). Only text a trainee
reads is taken: trainer cells are skipped, and trainer-only pages are never read.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
import yaml

from ..cells import is_edition_only, source, split_front_matter
from ..course import Course
from ..forms.resolve import DAY_CHOICE, _lower_first, form_paths
from ..forms.texts import interface_strings
from ..glossary import GLOSSARY_PAGE
from .theme import THEME_STRINGS

KEY_POINTS = re.compile(r"^##\s+Key points\s*$", re.M)
BULLET = re.compile(r"^[-*]\s+(.*(?:\n(?![-*]\s)\S.*|\n {2,}.*)*)", re.M)


@dataclass
class Entry:
    """One English text: where it is used (``path``) and what it is (``note``, for translators)."""

    text: str
    locations: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


class Messages:
    """English texts in first-seen order, each once, with every place that uses it."""

    def __init__(self):
        self.entries: dict[str, Entry] = {}

    def add(self, text, where: str, note: str) -> None:
        if not isinstance(text, str) or not text.strip():
            return
        text = text.strip()
        entry = self.entries.setdefault(text, Entry(text))
        if where not in entry.locations:
            entry.locations.append(where)
        if note not in entry.notes:
            entry.notes.append(note)


def form_messages(root: Path) -> Messages:
    out = Messages()
    for path in form_paths(root):
        rel = path.relative_to(root).as_posix()
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        form = data.get("id", path.stem)
        en = lambda texts: (texts or {}).get("en") if isinstance(texts, dict) else None
        out.add(en(data.get("title")), rel, f"{form}: title of the form")
        block = data.get("competences") or {}
        out.add(en(block.get("label")), rel, f"{form}: self-rating of each outcome; {{outcome}} is its text")
        out.add(en(block.get("hint")), rel, f"{form}: hint of the self-ratings")
        sessions = data.get("sessions") or {}
        out.add(en(sessions.get("day_label")), rel, f"{form}: the question that picks the day")
        plan = data.get("plan_actions") or {}
        out.add(en(plan.get("action_label")), rel, f"{form}: heading of each planned action; {{n}} is its number")
        asked = (("session", sessions.get("questions") or []), ("question", data.get("questions") or []),
                 ("planned-action question", plan.get("questions") or []))
        for where, questions in asked:
            for q in questions:
                extra = "; {session} is the session's title" if where == "session" else ""
                out.add(en(q.get("label")), rel, f"{form}: {where} {q.get('id')}, label{extra}")
                out.add(en(q.get("hint")), rel, f"{form}: {where} {q.get('id')}, hint")
        for name, items in (data.get("choices") or {}).items():
            for c in items:
                out.add(en(c.get("label")), rel, f"{form}: choice {c.get('name')} of list {name}")
    return out


def interface_messages() -> Messages:
    out = Messages()
    for key, text in interface_strings():
        keep = "; keep each {name} as it is" if "{" in text else ""
        out.add(text, "trainingkit/forms/texts.py", key + keep)
    out.add(DAY_CHOICE, "trainingkit/forms/resolve.py", "a choice of the day question; {number} and {title} are filled in")
    return out


def theme_messages() -> Messages:
    out = Messages()
    for text, note in THEME_STRINGS:
        out.add(text, "trainingkit/translations/theme.py", note)
    return out


def key_points(markdown: str) -> list[str]:
    """The bullets under a ``## Key points`` heading, up to the next heading."""
    found = KEY_POINTS.search(markdown)
    if not found:
        return []
    section = re.split(r"^#", markdown[found.end():], maxsplit=1, flags=re.M)[0]
    return [" ".join(b.split()) for b in BULLET.findall(section)]


def course_messages(course: Course) -> Messages:
    out = Messages()
    out.add(course.config.title, "course.yml", "title of the course")
    for o in course.config.outcomes:
        # the forms use an outcome after "I can", with a lower-case first letter
        out.add(_lower_first(o.text), "course.yml", f"learning outcome {o.id} (read after 'I can')")
    for day in course.days:
        out.add(day.title, "_toc.yml", f"title of day {day.number}")
        for s in day.sessions:
            rel = s.path.relative_to(course.root).as_posix()
            out.add(s.title, rel, f"{s.id}: title of the session")
            for n, objective in enumerate(s.objectives, 1):
                out.add(objective, rel, f"{s.id}: objective {n}")
            nb = nbformat.read(s.path, as_version=4)
            for cell in nb.cells:
                if cell.cell_type == "markdown" and not is_edition_only(cell):
                    for point in key_points(split_front_matter(source(cell))[1]):
                        out.add(point, rel, f"{s.id}: key point")
    return out


def glossary_messages(root: Path) -> Messages:
    out = Messages()
    path = root / GLOSSARY_PAGE
    block = re.search(r"```\{glossary\}(.*?)```", path.read_text(encoding="utf-8"), re.S) if path.is_file() else None
    if not block:
        return out
    term = None
    for chunk in re.split(r"\n\s*\n", block.group(1)):
        lines = [l for l in chunk.splitlines() if l.strip() and not l.startswith(":")]
        if not lines:
            continue
        if not lines[0][0].isspace():
            term = lines[0].strip()
            out.add(term, GLOSSARY_PAGE, "a glossary term: keep an acronym as it is unless your language has its own")
            lines = lines[1:]
        if lines and term:
            out.add(" ".join(" ".join(lines).split()), GLOSSARY_PAGE, f"definition of {term}")
    return out


def own_messages(course: Course) -> dict[str, Messages]:
    """Every domain the kit extracts itself, by name."""
    return {
        "forms": form_messages(course.root),
        "interface": interface_messages(),
        "theme": theme_messages(),
        "course": course_messages(course),
        "glossary": glossary_messages(course.root),
    }
