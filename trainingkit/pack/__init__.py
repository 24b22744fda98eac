"""The delivery kit (``trainingkit pack``): from the built book, ``_build/pack/`` gets

- ``participant-site.zip``, ``trainer-site.zip``: each edition's site, which works opened from
  disk with no network (the build bundles the scripts its pages load, see ``assets.py``);
- ``trainer-day-N.pdf``: the day's programme, then each session's plan, trainer notes and model
  answers, as the trainer edition shows them, unfolded;
- ``participant-handouts.pdf``: the case, the task and the debrief of every exercise, from the
  participant edition.
"""
from __future__ import annotations

import time
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from bs4 import BeautifulSoup

from ..course import Course, load_course
from ..editions import EDITIONS, PARTICIPANT, TRAINER
from ..errors import TrainingkitError
from .compose import Page, article, cover, document, handout_sections, links_to, programme_section, stylesheets
from .pdf import PrintJob, print_pdfs

PACK_DIR = "_build/pack"
PROGRAMME = "book/programme"
FACTS_PAGE, FACTS_TITLE = "book/facts-to-recheck", "Facts to re-check before this delivery"
HANDOUTS = "participant-handouts.pdf"
SKIP = {".buildinfo"}  # Sphinx's own rebuild stamp: of no use to a reader


@dataclass
class PackReport:
    files: list[Path] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)  # parts that could not be made, and why


def site_dir(root: Path, edition: str) -> Path:
    site = root / "_build" / edition / "html"
    if not (site / "index.html").is_file():
        raise TrainingkitError(f"{site}/index.html is missing: build the book first (trainingkit build)")
    return site


def zip_site(site: Path, target: Path, folder: str) -> Path:
    """Zip a built site under one top folder, so it unpacks into a folder of its own."""
    target.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
        for path in sorted(site.rglob("*")):
            if path.is_file() and path.name not in SKIP:
                archive.write(path, f"{folder}/{path.relative_to(site).as_posix()}")
    return target


def day_documents(course: Course, site: Path, out: Path) -> dict[Path, PrintJob]:
    """{trainer-day-N.pdf: print job} for every day of the course."""
    programme = Page(site / f"{PROGRAMME}.html")
    css = stylesheets(programme)
    book = course.config.title
    docs = {}
    for day in course.days:
        heading = f"Day {day.number}: {day.title}"
        timetable = programme_section(programme, day.number)
        timetable.find("h2").string = "Programme"
        first = cover(heading, [f"{book} · trainer pack: the day's programme, then each session's plan, trainer notes and model answers."])
        parts = [("pack-programme", [*first, timetable])]
        # The facts the day's sessions and exercises cite come first, so a trainer checks them
        # the week before.
        facts_page = site / f"{FACTS_PAGE}.html"
        with_facts = FACTS_PAGE in course.toc.docnames and facts_page.is_file()
        if with_facts:
            pages = [s.docname for s in day.sessions]
            pages += [course.exercise(e).docname for s in day.sessions for e in s.exercises]
            facts = article(Page(facts_page), links_to(pages))
            facts.find("h1").insert_after(facts_note(facts, day.number))
            parts.append(("pack-facts", [facts]))
        parts += [("pack-session", [article(Page(site / f"{s.docname}.html"))]) for s in day.sessions]
        outline = (heading, *((FACTS_TITLE,) if with_facts else ()),
                   *(s.title for s in day.sessions))
        docs[out / f"trainer-day-{day.number}.pdf"] = PrintJob(
            document(f"Trainer pack · {heading}", css, parts), f"{book} · trainer pack · Day {day.number}", outline,
        )
    return docs


def facts_note(facts, day: int):
    """The line that says this list is the day's share of the trainer page's list."""
    rows = len(facts.select("tbody tr"))
    note = BeautifulSoup("", "html.parser").new_tag("p", attrs={"class": "pack-lead"})
    note.string = (f"Day {day}: the {rows} fact{'s' * (rows != 1)} that this day's sessions and exercises cite. "
                   "The trainer edition's page lists every fact of the course." if rows else
                   f"Day {day}: no session or exercise of this day cites a volatile fact.")
    return note


def handout_document(course: Course, site: Path) -> PrintJob:
    """The handouts: a cover, then each exercise (course.exercises is in toc order)."""
    if not course.exercises:
        raise TrainingkitError(f"{HANDOUTS} not written: the toc lists no exercise pages (exercises/*.ipynb, part 'Case exercises')")
    book = course.config.title
    pages = [Page(site / f"{e.docname}.html") for e in course.exercises]
    first = cover("Case exercises", [f"{book} · participant handouts: the case, the task and the debrief of each exercise. Work through the steps in the exercise notebooks."])
    parts = [("pack-cover", first)] + [("pack-exercise", handout_sections(p)) for p in pages]
    return PrintJob(
        document(f"Participant handouts · {book}", stylesheets(pages[0]), parts), f"{book} · participant handouts",
        ("Case exercises", *(e.title for e in course.exercises)),
    )


def make_pack(root: Path) -> PackReport:
    """Write the pack from the built book at ``root``; returns the files written, the timings
    and the parts that could not be made (every part that can be made is written)."""
    report = PackReport()
    course = load_course(root)
    out = root / PACK_DIR
    sites = {edition: site_dir(root, edition) for edition in EDITIONS}

    started = time.perf_counter()
    for edition, site in sites.items():
        report.files.append(zip_site(site, out / f"{edition}-site.zip", f"{edition}-site"))
    report.seconds["zip"] = time.perf_counter() - started

    started = time.perf_counter()
    documents = day_documents(course, sites[TRAINER], out)
    try:
        documents[out / HANDOUTS] = handout_document(course, sites[PARTICIPANT])
    except TrainingkitError as exc:
        (out / HANDOUTS).unlink(missing_ok=True)  # never leave an old one that looks current
        report.problems.append(str(exc))
    report.files += print_pdfs(documents)
    report.seconds["pdf"] = time.perf_counter() - started
    return report
