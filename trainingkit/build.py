"""Build the editions: execute once, stage each edition's sources, run Sphinx on each.

``_build/.execution/``   executed notebooks, by content (see ``execute.py``)
``_build/<edition>/src`` the edition's sources: transformed notebooks, pages, config, toc
``_build/<edition>/html`` the site (``index.html``)

(:class:`~trainingkit.paths.BuildLayout` knows these paths.) Staging writes a file only when its bytes change, so Sphinx's own incremental build redoes only
the pages that really changed.
"""
from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
import yaml

from .clocktimes import clock_times_step
from .course import PAGE_DIRS, EXERCISE_DIR, Course, load_course
from .editions import EDITIONS, PARTICIPANT, assert_no_trainer_content, build_edition, steps_for
from .daypages import day_page_texts, toc_with_day_pages
from .errors import TrainingkitError
from .evaluation.pilot_box import pilot_feedback_steps
from .execute import NotebookJob, executed_notebooks, package_digest
from .exercises.cases import case_sources
from .facts import FACTS_FILE, ROLE
from .followup.book import ENV_SUMMARY, book_summary
from .forms.qr import forms_url
from .forms.qr import static_files as qr_static_files
from .offline.assets import npm_modules, offline_assets
from .offline.fonts import font_assets
from .pages import exercise_header, expand_blocks, expand_blocks_step, session_header
from .paths import BuildLayout
from .schedule import session_slots
from .siteconfig import edition_config
from .static_site import STATIC_SITE_STEPS
from .toc import TOC_FILE, PAGE_SUFFIXES, page_file, without_pages

CONFIG_FILE = "_config.yml"
STATIC_DIR = "_static"
SKIP_PARTS = {".ipynb_checkpoints", "__pycache__"}
DATAPACKAGE = "datasets/datapackage.yaml"


@dataclass
class BuildReport:
    sites: dict[str, Path] = field(default_factory=dict)
    executed: int = 0  # notebooks run now (the rest came from the cache)
    seconds: dict[str, float] = field(default_factory=dict)


def build(root: Path, editions=EDITIONS, jobs: int = 2, cache_dir: Path | None = None, progress=None,
          languages: tuple[str, ...] = ()) -> BuildReport:
    """Build ``editions`` of the course at ``root``; returns where each site is.

    ``languages``: the participant edition is also built in each of them, as
    ``_build/participant-<lang>/`` (see ``translations/sites.py``); the trainer edition stays English.

    ``cache_dir`` holds executed notebooks (default ``_build/.execution``; it is
    content-addressed, so courses may share one). ``progress(message)`` hears each step.
    """
    say = progress or (lambda message: None)
    report = BuildReport()
    started = time.perf_counter()
    course = load_course(root)
    # The feedback the trainer edition shows, computed once: the report notebook reads this
    # file and the session boxes come from the same dict, so the two always agree.
    summary = book_summary(course)
    summary_json = summary.model_dump_json() if summary else "null"
    layout = BuildLayout(root)
    summary_file = layout.summary
    summary_file.parent.mkdir(parents=True, exist_ok=True)
    summary_file.write_text(summary_json, encoding="utf-8")
    summary_digest = hashlib.sha256(summary_json.encode()).hexdigest()
    say(f"feedback summary ready ({time.perf_counter() - started:.1f} s); checking the notebooks")
    executed, report.executed = executed_notebooks(
        root, notebook_jobs(course, summary_file, summary_digest), cache_dir or layout.execution,
        jobs, progress=say,
    )
    url = forms_url()
    transforms = {"trainer": (pilot_feedback_steps(summary),)}
    report.seconds["execute"] = time.perf_counter() - started

    say(f"staging {', '.join(editions)} ({time.perf_counter() - started:.1f} s so far)")
    started = time.perf_counter()
    # Scripts and fonts the pages load, so the site works with no internet; the QR code that
    # takes phones to the feedback forms (shown on the trainer edition's daily review pages).
    assets = {**offline_assets(npm_modules()), **font_assets()}
    generated = {"trainer": {f"{STATIC_DIR}/{name}": data for name, data in qr_static_files(url).items()}}
    staged = {}
    sites = {edition: {**stage(course, edition, executed, transforms.get(edition, ()), url), **assets,
                       **generated.get(edition, {})} for edition in editions}
    if languages:
        sites.update(language_sites(course, sites.get(PARTICIPANT) or {**stage(course, PARTICIPANT, executed, (), url),
                                                                        **assets}, languages, say))
    code = package_digest()
    for name, files in sites.items():
        src = layout.src(name)
        written = sync_tree(src, files)
        if any(not rel.endswith(PAGE_SUFFIXES) for rel in written):
            # Sphinx copies static files (a new stylesheet, script or QR code) only when some
            # page is out of date: make the root page so.
            page_file(src, course.toc.root).touch()
        if written or not _site_is_current(layout, name, code):
            staged[name] = src
    report.seconds["stage"] = time.perf_counter() - started

    say("running Sphinx on each edition (from scratch this takes 10 to 30 s)" if staged else
        "every edition is up to date: Sphinx has nothing to do")
    started = time.perf_counter()
    report.sites = {**{name: layout.html(name) / "index.html" for name in sites}, **run_sphinx(layout, list(staged), code)}
    report.seconds["sphinx"] = time.perf_counter() - started
    return report


def language_sites(course: Course, participant: dict[str, bytes], languages, say) -> dict[str, dict[str, bytes]]:
    """The participant edition's files in each of ``languages`` (English links to them too)."""
    from .translations.sites import config_for, language_files, site_name

    states = course.config.languages
    for code in languages:
        if states.get(code) not in ("released", "pilot"):
            raise TrainingkitError(f"{code}: course.yml's languages give it '{states.get(code, 'nothing')}'; "
                                   "only released and pilot languages are built")
    switcher = [(code, site_name(PARTICIPANT, code)) for code in ("en", *languages)]
    out = {PARTICIPANT: {**participant, "_config.yml": config_for(participant["_config.yml"], "en", switcher, False)}}
    for code in languages:
        out[site_name(PARTICIPANT, code)], drafts = language_files(course.root, participant, code, states[code], switcher)
        say(f"{code}: {states[code]}, {drafts} draft translation(s) shown")
    return out


def notebook_jobs(course: Course, summary_file: Path, summary_digest: str) -> list[NotebookJob]:
    """Every notebook of the book, with the inputs its code reads (see ``execute.py``)."""
    root = course.root
    exercises = {e.docname: e for e in course.exercises}
    jobs = []
    for docname in course.toc.docnames:
        path = page_file(root, docname)
        if path is None or path.suffix != ".ipynb":
            continue
        if docname in exercises:
            meta = exercises[docname].meta
            # its datasets (read as the datapackage describes them) and its own content files,
            # which are named after its id (exercises/quizzes/<id>.json, …)
            own = [p.relative_to(root) for p in (root / EXERCISE_DIR).glob(f"*/{meta.id}.*")]
            data = [Path(d) for d in meta.datasets] + ([Path(DATAPACKAGE)] if meta.datasets else [])
            # quizzes, keys and hints write out the facts they cite (exercises/kit/cited.py)
            cites = own or any(ROLE.search(p.read_text(encoding="utf-8")) for p in case_sources(meta.id))
            facts = [Path(FACTS_FILE)] if cites and (root / FACTS_FILE).is_file() else []
            jobs.append(NotebookJob(path, tuple(data + own + facts)))
        elif docname in course.feedback_pages:
            jobs.append(NotebookJob(path, extra_digest=summary_digest, env={ENV_SUMMARY: str(summary_file)}))
        else:
            jobs.append(NotebookJob(path))
    return jobs


def stage(course: Course, edition: str, executed: dict, extra_steps=(), forms_url: str | None = None) -> dict[str, bytes]:
    """Every file of one edition's source tree, as {relative path: bytes}."""
    root = course.root
    files: dict[str, bytes] = {}

    config = edition_config(yaml.safe_load((root / CONFIG_FILE).read_text(encoding="utf-8")), edition)
    config["title"] = f"{config.get('title', course.config.title)} ({edition.capitalize()} edition)"
    files[CONFIG_FILE] = _yaml(config)

    slots = session_slots(course)
    # Pages made for each day (in brief; for trainers, preparing for it and its notes).
    day_texts = day_page_texts(course, slots, edition)
    for docname, text in day_texts.items():
        files[f"{docname}.md"] = expand_blocks(text, course, docname, forms_url, edition).encode()

    drop = set(course.trainer_pages) if edition == PARTICIPANT else set()
    toc = yaml.safe_load((root / TOC_FILE).read_text(encoding="utf-8"))
    files[TOC_FILE] = _yaml(toc_with_day_pages(without_pages(toc, drop), course, set(day_texts)))

    sessions = {s.docname: s for s in course.sessions}
    exercises = {e.docname: e for e in course.exercises}
    for docname in course.toc.docnames:
        if docname in drop:
            continue
        path = page_file(root, docname)
        rel = path.relative_to(root).as_posix()
        if path.suffix == ".md":
            files[rel] = expand_blocks(path.read_text(encoding="utf-8"), course, docname, forms_url, edition).encode()
            continue
        header = ""  # a front page's front matter is trainingkit's, not the reader's: drop it
        timing = ()
        if docname in sessions:
            slot = slots[sessions[docname].id]
            header = session_header(course, sessions[docname], slot, edition)
            timing = (clock_times_step(slot.start),)
        elif docname in exercises:
            header = exercise_header(course, exercises[docname])
        steps = timing + steps_for(edition, header) + (expand_blocks_step(course, docname, forms_url, edition),) + STATIC_SITE_STEPS
        steps += tuple(s for make in extra_steps if (s := make(course, docname)) is not None)
        nb = build_edition(executed[path], steps)
        if edition == PARTICIPANT:
            assert_no_trainer_content(nb, rel)
        files[rel] = nbformat.writes(nb).encode()

    if (root / FACTS_FILE).is_file():  # the {fact} roles read it beside the pages
        files[FACTS_FILE] = (root / FACTS_FILE).read_bytes()
    for folder in (STATIC_DIR, *PAGE_DIRS):
        for path in sorted((root / folder).rglob("*")):
            if path.is_file() and path.suffix not in PAGE_SUFFIXES and not SKIP_PARTS & set(path.parts):
                files[path.relative_to(root).as_posix()] = path.read_bytes()
    return files


def _yaml(data) -> bytes:
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True).encode()


def sync_tree(dest: Path, files: dict[str, bytes]) -> list[str]:
    """Make ``dest`` hold exactly ``files``, touching only what differs; return what was written
    or removed."""
    written = []
    for rel, data in files.items():
        target = dest / rel
        if target.is_file() and target.read_bytes() == data:
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        written.append(rel)
    if not dest.exists():
        return written
    for path in sorted(dest.rglob("*"), reverse=True):
        rel = path.relative_to(dest).as_posix()
        if path.is_file() and rel not in files:
            path.unlink()
            written.append(rel)  # a page taken away changes the site too
        elif path.is_dir() and not any(path.iterdir()):
            path.rmdir()
    return written


SIDE_BY_SIDE = 2  # Sphinx runs at once: both editions, or two language sites, per round


SPHINX_STAMP = ".sphinx-built"  # beside src/ and html/: the code digest of the last good Sphinx run


def _site_is_current(layout: BuildLayout, name: str, code: str) -> bool:
    """Nothing staged changed since Sphinx last succeeded on this edition with this code, so
    its run would rewrite nothing (a failed run leaves no stamp)."""
    stamp = layout.edition(name) / SPHINX_STAMP
    return (layout.html(name) / "index.html").is_file() and stamp.is_file() and stamp.read_text() == code


def run_sphinx(layout: BuildLayout, names: list[str], code: str) -> dict[str, Path]:
    """Run Sphinx on each staged edition, side by side; raise with every warning on failure."""
    failures = []
    for name in names:
        (layout.edition(name) / SPHINX_STAMP).unlink(missing_ok=True)
    for first in range(0, len(names), SIDE_BY_SIDE):
        failures += _run_round(layout, names[first:first + SIDE_BY_SIDE])
    if failures:
        raise TrainingkitError("\n".join(failures))
    for name in names:
        (layout.edition(name) / SPHINX_STAMP).write_text(code)
    return {edition: layout.html(edition) / "index.html" for edition in names}


def _run_round(layout: BuildLayout, names: list[str]) -> list[str]:
    procs = {}
    for edition in names:
        src = layout.src(edition)
        cmd = [sys.executable, "-m", "trainingkit.sphinx_run", str(src), str(layout.html(edition)), str(layout.doctrees(edition))]
        procs[edition] = (subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True), src)
    failures = []
    for edition, (proc, src) in procs.items():
        output, _ = proc.communicate()
        if proc.returncode != 0:
            # Sphinx re-reads only changed pages, so a warning would vanish on the next run:
            # forget the environment so the next build reads (and reports) everything again.
            shutil.rmtree(layout.doctrees(edition), ignore_errors=True)
            lines = [l.replace(f"{src}/", "") for l in output.splitlines() if "WARNING" in l or "ERROR" in l]
            failures.append(f"{edition} edition failed:\n" + "\n".join(lines or output.splitlines()[-20:]))
    return failures
