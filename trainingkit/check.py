"""The course checker: every rule returns findings (``file:cell: message``); none stops early."""
from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from pathlib import Path

import nbformat

from .accessibility import draws_chart, gives_alt_text, heading_problems, images_without_alt, plotting_names
from .cells import KNOWN_TAGS, is_edition_only, source, split_front_matter, tags
from .course import PAGE_DIRS, Course, collect_course
from .errors import WARNING, CourseError, DataError, Finding, Location
from .facts import FACTS_FILE, ROLE, FactsError, citations, load_facts
from .paths import COURSE_FILE
from .glossary import GLOSSARY_PAGE, glossary_terms, reader_text, unlinked_first_uses
from .runsheet import run_problems
from .schedule import day_problems, plan_day
from .toc import TOC_FILE, page_file, toc_findings

WIDGET_STATE_KEY = "widgets"


def check_course(root: Path) -> list[Finding]:
    """All problems in the course at ``root``, sorted by file and cell."""
    try:
        course, findings = collect_course(root)
    except CourseError as exc:  # course.yml itself is broken: nothing else can be judged
        return list(exc.findings)
    if course is None:
        return sorted(findings)
    findings += toc_findings(root, course.toc, PAGE_DIRS)
    for rule in RULES:
        findings += rule(course)
    return sorted(set(findings))


def _notebooks(course: Course):
    """Every notebook in the course folders, listed in the toc or not."""
    for folder in (*PAGE_DIRS, "feedback", "applications"):
        for path in sorted((course.root / folder).rglob("*.ipynb")):
            if ".ipynb_checkpoints" not in path.parts:
                yield path, path.relative_to(course.root).as_posix()


def duplicate_ids(course: Course) -> list[Finding]:
    ids = Counter(s.id for s in course.sessions)
    ex_ids = Counter(e.id for e in course.exercises)
    out = [Finding(Location(s.path.relative_to(course.root).as_posix()), f"session id '{s.id}' is used by {ids[s.id]} notebooks")
           for s in course.sessions if ids[s.id] > 1]
    out += [Finding(Location(e.path.relative_to(course.root).as_posix()), f"exercise id '{e.id}' is used by {ex_ids[e.id]} notebooks")
            for e in course.exercises if ex_ids[e.id] > 1]
    return out


def day_fit(course: Course) -> list[Finding]:
    out = []
    for day in course.days:
        for problem in day_problems(day, plan_day(day), course.config.max_break_delay):
            out.append(Finding(Location(COURSE_FILE), problem))
    return out


def days_match_parts(course: Course) -> list[Finding]:
    """A session's ``day`` must match the toc part it sits in, and the part's caption."""
    out = []
    for part in course.toc.parts:
        days = {s.day for s in course.sessions if s.docname in part.docnames}
        if len(days) > 1:
            out.append(Finding(Location(TOC_FILE), f"part '{part.caption}' mixes sessions of days {sorted(days)}"))
        elif days and not part.caption.startswith(f"Day {days.pop()}"):
            day = next(s.day for s in course.sessions if s.docname in part.docnames)
            out.append(Finding(Location(TOC_FILE), f"part '{part.caption}' holds day {day} sessions: caption it 'Day {day}: …'"))
    for session in course.sessions:
        folder = session.docname.split("/")[1] if session.docname.count("/") >= 2 else ""
        if folder != f"day{session.day}":
            out.append(Finding(Location(session.path.relative_to(course.root).as_posix()), f"day {session.day} session must live in modules/day{session.day}/"))
    return out


def cell_tags(course: Course) -> list[Finding]:
    out = []
    for path, rel in _notebooks(course):
        nb = nbformat.read(path, as_version=4)
        for index, cell in enumerate(nb.cells):
            for tag in tags(cell):
                if tag not in KNOWN_TAGS:
                    out.append(Finding(Location(rel, cell=index), f"unknown cell tag '{tag}' (known: trainer, solution, and MyST-NB's hide-*/remove-* tags)"))
    return out


def committed_outputs(course: Course) -> list[Finding]:
    """Notebooks are committed clean: answers and results must not travel in a file."""
    out = []
    for path, rel in _notebooks(course):
        nb = nbformat.read(path, as_version=4)
        if WIDGET_STATE_KEY in nb.metadata:
            out.append(Finding(Location(rel), "widget state saved in the notebook metadata: clear it before committing"))
        for index, cell in enumerate(nb.cells):
            if cell.cell_type == "code" and (cell.get("outputs") or cell.get("execution_count")):
                out.append(Finding(Location(rel, cell=index), "outputs committed: clear outputs before committing"))
    return out


def exercise_refs(course: Course) -> list[Finding]:
    known = {e.id for e in course.exercises}
    return [
        Finding(Location(s.path.relative_to(course.root).as_posix()), f"exercises: no notebook in exercises/ provides '{ex}'")
        for s in course.sessions
        for ex in s.exercises
        if ex not in known
    ]


def exercise_data(course: Course) -> list[Finding]:
    """Quizzes (``exercises/quizzes/*.json``) and answer keys (``exercises/keys/*.yml``) are
    content trainers edit: each must load, and each key must fit its case's model."""
    from .exercises.cases import KEYS, key_model
    from .exercises.kit.keys import KEY_DIR, read_key
    from .exercises.kit.quiz import QUIZ_DIR, read_quiz

    out = []
    for path in sorted((course.root / QUIZ_DIR).glob("*.json")):
        try:
            read_quiz(path)
        except DataError as exc:
            out += exc.findings
    for path in sorted((course.root / KEY_DIR).glob("*.yml")):
        if path.stem not in KEYS:
            out.append(Finding(Location(f"{KEY_DIR}/{path.name}"), f"no exercise reads this key (known: {', '.join(KEYS)})"))
            continue
        try:
            read_key(path, key_model(path.stem))
        except DataError as exc:
            out += exc.findings
    return out


def dataset_paths(course: Course) -> list[Finding]:
    return [
        Finding(Location(e.path.relative_to(course.root).as_posix()), f"datasets: '{d}' does not exist")
        for e in course.exercises
        for d in e.datasets
        if not (course.root / d).is_file()
    ]


def session_runs(course: Course) -> list[Finding]:
    """Each session's run adds up to its minutes and practises every objective (traceability)."""
    out = []
    for session in course.sessions:
        nb = nbformat.read(session.path, as_version=4)
        rel = session.path.relative_to(course.root).as_posix()
        out += [f.at(path=rel) for f in run_problems(nb, session.minutes, len(session.objectives))]
    return out


PLACEHOLDER = re.compile(r"\b(TODO|TBD|FIXME|XXX)\b|lorem ipsum|coming soon|to be written", re.I)


def placeholders(course: Course) -> list[Finding]:
    """No page ships with placeholder text."""
    out = []
    for folder in PAGE_DIRS:
        for path in sorted((course.root / folder).rglob("*")):
            rel = path.relative_to(course.root).as_posix()
            if path.suffix == ".md":
                texts = [(None, path.read_text(encoding="utf-8"))]
            elif path.suffix == ".ipynb" and ".ipynb_checkpoints" not in path.parts:
                texts = list(enumerate(source(c) for c in nbformat.read(path, as_version=4).cells))
            else:
                continue
            for cell, text in texts:
                if match := PLACEHOLDER.search(text):
                    out.append(Finding(Location(rel, cell=cell), f"placeholder text '{match.group(0)}': write the real content"))
    return out


def glossary_links(course: Course) -> list[Finding]:
    terms = glossary_terms(course.root)
    out = []
    for docname in course.toc.docnames:
        path = next((p for p in (course.root / f"{docname}.md", course.root / f"{docname}.ipynb") if p.is_file()), None)
        if path is None or path.relative_to(course.root).as_posix() == GLOSSARY_PAGE:
            continue
        rel = path.relative_to(course.root).as_posix()
        for cell, term in unlinked_first_uses(reader_text(path), terms):
            out.append(Finding(Location(rel, cell=cell), f"first use of '{term}' should link the glossary: {{term}}`{term}`"))
    return out


def _pages(course: Course):
    """(path, relative path, docname) of every page in the toc."""
    for docname in course.toc.docnames:
        if (path := page_file(course.root, docname)) is not None:
            yield path, path.relative_to(course.root).as_posix(), docname


def _markdown(path: Path, nb=None) -> list[tuple[int | None, str, bool]]:
    """(cell, text without front matter, edition-only?) of a page's Markdown."""
    if path.suffix == ".md":
        return [(None, split_front_matter(path.read_text(encoding="utf-8"))[1], False)]
    return [(i, split_front_matter(source(c))[1], is_edition_only(c)) for i, c in enumerate(nb.cells) if c.cell_type == "markdown"]


def alt_texts(course: Course) -> list[Finding]:
    """Every image and chart says what it shows, for readers who cannot see it."""
    out = []
    for path, rel, _ in _pages(course):
        nb = nbformat.read(path, as_version=4) if path.suffix == ".ipynb" else None
        for cell, text, _ in _markdown(path, nb):
            out += [Finding(Location(rel, cell=cell), message) for message in images_without_alt(text)]
        if nb is None:
            continue
        code = [(i, c) for i, c in enumerate(nb.cells) if c.cell_type == "code"]
        modules, figures = plotting_names([source(c) for _, c in code])
        for index, cell in code:
            if draws_chart(source(cell), modules, figures) and not gives_alt_text(source(cell), cell.metadata):
                out.append(Finding(Location(rel, cell=index), "this cell draws a chart without alt text: show it with its alt text "
                                   "(e.g. figure_html(fig, alt, caption)) or set the cell metadata mystnb: image: alt:"))
    return out


def heading_levels(course: Course) -> list[Finding]:
    """Headings go down one level at a time, in both editions; the build writes the title of
    session and exercise pages as their H1."""
    titled = {s.docname for s in course.sessions} | {e.docname for e in course.exercises}
    out = set()
    for path, rel, docname in _pages(course):
        nb = nbformat.read(path, as_version=4) if path.suffix == ".ipynb" else None
        cells = _markdown(path, nb)
        for edition_cells in (cells, [c for c in cells if not c[2]]):  # trainer, participant
            out.update(f.at(path=rel) for f in heading_problems([(i, text) for i, text, _ in edition_cells], docname in titled))
    return sorted(out)


def _facts_or_findings(course: Course):
    try:
        return load_facts(course.root), []
    except FactsError as exc:
        return None, list(exc.findings)


def facts_file(course: Course) -> list[Finding]:
    """datasets/facts.yaml holds valid facts (each problem with its key path)."""
    return _facts_or_findings(course)[1]


def fact_ids(course: Course) -> list[Finding]:
    """Every cited fact id exists (in a page's {fact} role, a dataset's fact column or field)."""
    facts, broken = _facts_or_findings(course)
    if facts is None:
        return []  # reported by facts_file
    return [Finding(Location(c.path, cell=c.cell), f"unknown fact id '{c.fact_id}': add it to {FACTS_FILE} or fix the id")
            for c in citations(course.root) if c.fact_id not in facts]


# "ten member states", "11 members", "the ten ASEAN countries", "ASEAN-10": a count that changes.
MEMBER_COUNT = re.compile(
    r"\b(?:nine|ten|eleven|twelve|[0-9]{1,2})\s+(?:(?:ASEAN\s+|Southeast Asian\s+)?(?:member\s+(?:states?|countries)|members)"
    r"|(?:ASEAN|Southeast Asian)\s+(?:states|countries|nations|governments))\b|\bASEAN-1[0-9]\b",
    re.I)


def member_counts(course: Course) -> list[Finding]:
    """No page states how many members ASEAN has except through the fact {fact-value}`asean-members`."""
    out = []
    for path, rel, _ in _pages(course):
        nb = nbformat.read(path, as_version=4) if path.suffix == ".ipynb" else None
        for cell, text, _ in _markdown(path, nb):
            for match in MEMBER_COUNT.finditer(ROLE.sub(" ", text)):
                out.append(Finding(Location(rel, cell=cell), f"'{match.group(0)}': state the number of member states through "
                                   "{fact-value}`asean-members`, which changes when ASEAN does"))
    return out


def stale_facts(root: Path, today: dt.date | None = None) -> list[Finding]:
    """Warnings, not errors: each cited fact past its review_by date (``check --strict-facts``
    makes them fail)."""
    try:
        facts = load_facts(root)
    except FactsError:
        return []  # an error of check_course
    today = today or dt.date.today()
    cited = {c.fact_id for c in citations(root)}
    return [Finding(Location(FACTS_FILE), f"fact '{f.id}' was due for re-checking on {f.review_by} (as of {f.as_of}): "
                    "check its sources, then update as_of and review_by", severity=WARNING)
            for f in facts.values() if f.id in cited and f.stale(today)]


RULES = [
    duplicate_ids, day_fit, days_match_parts, cell_tags, committed_outputs, exercise_refs, exercise_data,
    dataset_paths, session_runs, placeholders, glossary_links, alt_texts, heading_levels,
    facts_file, fact_ids, member_counts,
]
