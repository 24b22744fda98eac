"""The course as data: ``course.yml``, ``_toc.yml`` and each notebook's front matter.

Every session's id, title, day, minutes, objectives, materials and exercises are written once,
in the front matter of its notebook, and validated here. The programme, the forms and the
evaluation all read them from :func:`load_course`.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Literal

import nbformat
import yaml
from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationError, model_validator

from .selection_rules import Selection
from .cells import markdown_front_matter, notebook_front_matter
from .errors import CourseError, Finding, Location, validation_findings, yaml_finding
from .languages import NATIVE_NAMES, SHOWN_STATES, SOURCE_LANGUAGE, STATES
from .paths import COURSE_FILE
from .toc import Toc, load_toc, page_file

SESSION_DIR = "modules"
EXERCISE_DIR = "exercises"
BOOK_DIR = "book"
PAGE_DIRS = (BOOK_DIR, SESSION_DIR, EXERCISE_DIR)

SESSION_ID = r"^d([1-9])-s([0-9]{1,2})$"
EXERCISE_ID = r"^ex-[a-z0-9]+(-[a-z0-9]+)*$"


def _clock(value):
    """Accept "09:00" strings; YAML 1.1 reads an unquoted 10:30 as the number 630 (minutes)."""
    if isinstance(value, int) and not isinstance(value, bool):
        return dt.time(value // 60, value % 60)
    return value


Clock = Annotated[dt.time, BeforeValidator(_clock)]
Text = Annotated[str, Field(min_length=1), BeforeValidator(lambda v: v.strip() if isinstance(v, str) else v)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class SessionMeta(_Strict):
    """Front matter of a session notebook (``modules/dayN/*.ipynb``)."""

    id: str = Field(pattern=SESSION_ID, description="d<day>-s<number>, e.g. d1-s2")
    title: Text
    day: int = Field(ge=1, le=9)
    minutes: int = Field(gt=0, le=480)
    objectives: list[Text] = Field(min_length=2, max_length=4)
    materials: list[Text] = []
    exercises: list[Annotated[str, Field(pattern=EXERCISE_ID)]] = []
    # False for sessions trainees are not asked to rate in the daily form (the daily review
    # itself, the closing): rating a session while it is still running says nothing.
    rated: bool = True

    @model_validator(mode="after")
    def _id_matches_day(self):
        if int(re.match(SESSION_ID, self.id).group(1)) != self.day:
            raise ValueError(f"id '{self.id}' does not start with d{self.day}- although day is {self.day}")
        return self


class ExerciseMeta(_Strict):
    """Front matter of a case-exercise notebook (``exercises/*.ipynb``)."""

    id: str = Field(pattern=EXERCISE_ID, description="ex-<name>, e.g. ex-ratification-map")
    title: Text
    minutes: int = Field(gt=0, le=480)
    datasets: list[Text] = []


class PageMeta(BaseModel):
    """Front matter keys trainingkit reads on a front page (``book/``); others belong to MyST."""

    model_config = ConfigDict(extra="ignore", frozen=True)
    edition: Literal["all", "trainer"] = "all"
    # the page's code reads the feedback summary, so a new answer must re-run it (and only it)
    reads_feedback: bool = False


class BreakSpec(_Strict):
    """A break taken at the first session boundary at or after ``at``."""

    title: Text
    at: Clock
    minutes: int = Field(gt=0, le=240)


class DayOverride(_Strict):
    start: Clock | None = None
    end: Clock | None = None
    breaks: list[BreakSpec] | None = None


class Outcome(_Strict):
    """A learning outcome of the whole course; the pre/post forms rate each as ``c_<id>``."""

    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    text: Text


def _language_states(value):
    """``[en, km]`` (the older form) means English plus languages not shown yet."""
    if isinstance(value, list):
        return {code: "source" if code == SOURCE_LANGUAGE else "planned" for code in value}
    if isinstance(value, dict) and SOURCE_LANGUAGE not in value:
        return {SOURCE_LANGUAGE: "source", **value}
    return value


LanguageState = Literal[STATES]


class Target(_Strict):
    """A target the evaluation report shows beside its measured value."""

    measure: Literal["session_top2_pct", "competence_gain", "nps", "response_rate", "engaged_pct"]
    at_least: float
    text: Text


class CohortDates(_Strict):
    """When one training ran: the follow-up rounds count from its last day."""

    first_day: dt.date
    last_day: dt.date
    title: Text | None = None

    @model_validator(mode="after")
    def _in_order(self):
        if self.last_day < self.first_day:
            raise ValueError(f"last_day {self.last_day} is before first_day {self.first_day}")
        return self


class FollowupPlan(_Strict):
    """The follow-up rounds: months after the last day, each open ``window_days`` either side."""

    rounds: list[int] = Field(default=[1, 3, 6], min_length=1)
    window_days: int = Field(default=14, ge=0, le=90)
    lost_after: int = Field(default=2, ge=1, description="missed rounds that make a trainee lost to follow-up")

    @model_validator(mode="after")
    def _rounds_increase(self):
        if any(m <= 0 for m in self.rounds) or self.rounds != sorted(set(self.rounds)):
            raise ValueError(f"rounds must be whole months after the course, increasing: {self.rounds}")
        return self


SessionId = Annotated[str, Field(pattern=SESSION_ID)]
class ImportLimits(_Strict):
    """``limits:`` in course.yml: a feedback or roster file over any of these is refused at once.

    The defaults hold a shared store's export of many cohorts; raise one when a real file needs it.
    """

    file_mb: int = Field(default=256, ge=1, le=4096, description="size of one file, in MB")
    rows: int = Field(default=1_000_000, ge=1, description="records of one file (blank ones included)")
    columns: int = Field(default=1000, ge=1, le=16384)
    cell_chars: int = Field(default=10_000, ge=100, le=100_000,  # the csv module stops at 131,072
                            description="characters in one cell")

    @property
    def unpacked_mb(self) -> int:
        """An XLSX is a zip: what it may unpack to (real exports pack about 5 to 10 times)."""
        return 10 * self.file_mb


class FormLimits(_Strict):
    """``forms:`` in ``course.yml``: what one answer and one participant may send."""

    max_text_length: int = Field(default=5000, ge=1, description="most characters in a text answer")
    max_submissions_per_hour: int = Field(default=10, ge=1, description="web submissions per participant and form")


class CourseConfig(_Strict):
    """``course.yml``: times, breaks and cohort defaults (session order lives in ``_toc.yml``)."""

    title: Text
    cohort: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    day_start: Clock = dt.time(9, 0)
    day_end: Clock = dt.time(17, 0)
    breaks: list[BreakSpec] = []
    max_break_delay: int = Field(default=15, ge=0, description="minutes a break may slip")
    days: dict[int, DayOverride] = {}
    outcomes: list[Outcome] = []
    languages: Annotated[dict[str, LanguageState], BeforeValidator(_language_states)] = {SOURCE_LANGUAGE: "source"}
    countries: list[Text] = []
    min_cell: int = Field(default=5, ge=3)
    venue: Text | None = None  # the evaluation report's cohort profile
    targets: list[Target] = []
    # Each training's dates, by cohort id (the follow-up rounds count from the last day).
    cohorts: dict[Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9-]*$")], CohortDates] = {}
    followup: FollowupPlan = FollowupPlan()
    # A session moved to another day gets a new id; comparing cohorts maps its old id to the new.
    moved_sessions: dict[SessionId, SessionId] = {}
    limits: ImportLimits = ImportLimits()
    forms: FormLimits = FormLimits()
    selection: Selection | None = None  # the call for applications (trainingkit applications)

    @model_validator(mode="after")
    def _bounded_countries_are_course_countries(self):
        if self.selection and (unknown := sorted(set(self.selection.countries) - set(self.countries))):
            raise ValueError(f"selection.countries: {', '.join(unknown)} not in countries ({', '.join(self.countries)})")
        return self

    @model_validator(mode="after")
    def _languages_known(self):
        unknown = sorted(set(self.languages) - set(NATIVE_NAMES))
        if unknown:
            raise ValueError(f"languages: unknown language code {', '.join(unknown)} (known: {', '.join(NATIVE_NAMES)})")
        sources = [code for code, state in self.languages.items() if state == "source"]
        if sources != [SOURCE_LANGUAGE]:
            raise ValueError(f"languages: {SOURCE_LANGUAGE} is the source language, and the only one "
                             f"(found source: {', '.join(sources) or 'none'})")
        return self

    def shown_languages(self) -> tuple[str, ...]:
        """Languages trainees may see (source, released, pilot), English first."""
        return tuple(code for code, state in self.languages.items() if state in SHOWN_STATES)


class _ReadsMeta:
    """``session.id``, ``session.title`` … read through to the validated metadata."""

    def __getattr__(self, name):
        if name.startswith("__") or name == "meta":
            raise AttributeError(name)
        return getattr(self.meta, name)


@dataclass(frozen=True)
class Session(_ReadsMeta):
    meta: SessionMeta
    path: Path
    docname: str


@dataclass(frozen=True)
class Exercise(_ReadsMeta):
    meta: ExerciseMeta
    path: Path
    docname: str


@dataclass(frozen=True)
class Day:
    number: int
    title: str
    start: dt.time
    end: dt.time
    breaks: tuple[BreakSpec, ...]
    sessions: tuple[Session, ...]


@dataclass(frozen=True)
class Course:
    root: Path
    config: CourseConfig
    toc: Toc
    days: tuple[Day, ...]
    exercises: tuple[Exercise, ...]
    trainer_pages: frozenset[str]  # docnames that exist only in the trainer edition
    feedback_pages: frozenset[str] = frozenset()  # docnames whose code reads the feedback summary

    @property
    def sessions(self) -> tuple[Session, ...]:
        return tuple(s for day in self.days for s in day.sessions)

    def session(self, session_id: str) -> Session:
        for s in self.sessions:
            if s.id == session_id:
                return s
        raise KeyError(session_id)

    def exercise(self, exercise_id: str) -> Exercise:
        for e in self.exercises:
            if e.id == exercise_id:
                return e
        raise KeyError(exercise_id)


def pydantic_findings(path: str, cell: int | None, exc: ValidationError, data=None) -> list[Finding]:
    """One finding per schema error, naming its key path: ``objectives/0: Input should be …``."""
    return validation_findings(exc, Location(path, cell=cell, key="front matter"), data)


def load_config(root: Path) -> CourseConfig:
    path = root / COURSE_FILE
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        return CourseConfig.model_validate(data)
    except yaml.YAMLError as exc:
        raise CourseError([yaml_finding(exc, Location(COURSE_FILE))]) from exc
    except ValidationError as exc:
        raise CourseError(pydantic_findings(COURSE_FILE, None, exc, data)) from exc


def read_meta(path: Path, root: Path, model: type[BaseModel]):
    """Validate a notebook's front matter against ``model``: (meta or None, findings)."""
    rel = path.relative_to(root).as_posix()
    try:
        nb = nbformat.read(path, as_version=4)
        data, cell = notebook_front_matter(nb)
    except (ValueError, yaml.YAMLError, OSError) as exc:
        return None, [Finding(Location(rel, cell=0, key="front matter"), str(exc))]
    if data is None:
        return None, [Finding(Location(rel, cell=0), "missing front matter: the first markdown cell must open with a --- YAML block")]
    try:
        return model.model_validate(data), []
    except ValidationError as exc:
        return None, pydantic_findings(rel, cell, exc, data)


def _page_meta(path: Path) -> PageMeta:
    if path.suffix == ".md":
        return PageMeta.model_validate(markdown_front_matter(path.read_text(encoding="utf-8")))
    data, _ = notebook_front_matter(nbformat.read(path, as_version=4))
    return PageMeta.model_validate(data or {})


def collect_course(root: Path) -> tuple[Course | None, list[Finding]]:
    """Load everything that can be loaded and report every problem found on the way."""
    findings: list[Finding] = []
    config = load_config(root)
    try:
        toc = load_toc(root)
    except ValueError as exc:
        return None, [Finding(Location("_toc.yml"), str(exc).removeprefix("_toc.yml: "))]

    sessions_by_day: dict[int, list[Session]] = {}
    exercises: list[Exercise] = []
    trainer_pages = set()
    day_titles: dict[int, str] = {}
    for part in toc.parts:
        for docname in part.docnames:
            path = page_file(root, docname)
            if path is None:
                continue  # reported by the toc rule
            top = docname.split("/", 1)[0]
            if top == SESSION_DIR:
                meta, found = read_meta(path, root, SessionMeta)
                findings += found
                if meta:
                    sessions_by_day.setdefault(meta.day, []).append(Session(meta, path, docname))
                    day_titles.setdefault(meta.day, _day_title(part.caption, meta.day))
            elif top == EXERCISE_DIR:
                meta, found = read_meta(path, root, ExerciseMeta)
                findings += found
                if meta:
                    exercises.append(Exercise(meta, path, docname))
    feedback_pages = set()
    for docname in toc.docnames:
        path = page_file(root, docname)
        if path and docname.split("/", 1)[0] == BOOK_DIR:
            meta = _page_meta(path)
            if meta.edition == "trainer":
                trainer_pages.add(docname)
            if meta.reads_feedback:
                feedback_pages.add(docname)

    days = []
    for number in sorted(sessions_by_day):
        override = config.days.get(number, DayOverride())
        days.append(
            Day(
                number=number,
                title=day_titles[number],
                start=override.start or config.day_start,
                end=override.end or config.day_end,
                breaks=tuple(override.breaks if override.breaks is not None else config.breaks),
                sessions=tuple(sessions_by_day[number]),
            )
        )
    course = Course(root, config, toc, tuple(days), tuple(exercises), frozenset(trainer_pages),
                    frozenset(feedback_pages))
    return course, findings


def _day_title(caption: str, number: int) -> str:
    """"Day 1: ASEAN and migration" → "ASEAN and migration" (the toc caption is the source)."""
    return re.sub(rf"^\s*Day\s+{number}\s*[:—–-]\s*", "", caption).strip() or f"Day {number}"


def load_course(root: Path) -> Course:
    """The validated course; raises :class:`CourseError` listing every metadata problem."""
    course, findings = collect_course(root)
    if findings or course is None:
        raise CourseError(findings)
    return course
