"""Volatile facts: written once in ``datasets/facts.yaml``, cited by id everywhere else.

A fact that can change (a membership, a ratification, a wage, a law in force, a plan period,
an office holder) carries its sources, the date it was last confirmed (``as_of``), how sure
it is (``confidence``) and the date by which it must be checked again (``review_by``).

Pages cite a fact with the MyST role ``{fact}`id``` (its statement) or ``{fact-value}`id```
(its short value, such as "11"); datasets cite it in a ``fact`` column or field. Texts shown
outside Sphinx (quiz feedback, answer keys, hints built in the exercises' code) use the same
roles, written out by :func:`written_out`. This module loads and validates the file and finds
every citation; ``sphinx_facts`` renders the roles and ``check`` turns the findings into
checker lines.
"""
from __future__ import annotations

import csv
import datetime as dt
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import nbformat
import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from .errors import Finding, FindingsError, Location, key_path, validation_findings, yaml_finding

FACTS_FILE = "datasets/facts.yaml"
FACT_ID = r"^[a-z0-9]+(-[a-z0-9]+)*$"
CONFIDENCE = {"✅": "confirmed", "⚠️": "partly confirmed or weak source", "❓": "not confirmed"}
# In words beside the mark: the marks are emoji, which some devices and printers cannot draw.
CONFIDENCE_SHORT = {"✅": "confirmed", "⚠️": "partly confirmed", "❓": "not confirmed"}
# ``{fact}`id``` and ``{fact-value}`id```, in Markdown pages, notebook cells and data files.
ROLE = re.compile(r"\{(fact|fact-value)\}`([^`]*)`")
# Folders whose text may cite facts; data files in them (csv, yaml, json) are read too, so
# code-built texts kept as data point at the same ids.
CITING_DIRS = ("book", "modules", "exercises", "datasets", "feedback", "trainingkit/exercises")
DATA_SUFFIXES = (".yml", ".yaml", ".json", ".csv")
# Hints built in the exercises' code cite facts with the same roles, inside string literals.
CODE_CITING_DIR = "trainingkit/exercises"
FACT_COLUMN = "fact"


class Source(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    url: str = Field(pattern=r"^https?://\S+$")
    title: str = Field(min_length=1)
    code: str | None = Field(default=None, pattern=r"^[A-Z]\d+$")  # as in book/sources.md


class Fact(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=FACT_ID)
    statement: str = Field(min_length=1)
    value: str | None = None  # the short form, for a table cell or a sentence: "11", "400 baht"
    topic: str | None = None
    as_of: dt.date
    confidence: Literal["✅", "⚠️", "❓"]
    review_by: dt.date
    sources: list[Source] = Field(min_length=1)

    @field_validator("statement")
    @classmethod
    def _no_final_stop(cls, text: str) -> str:
        # the role is used mid-sentence; the page adds its own punctuation
        if text.rstrip().endswith("."):
            raise ValueError("write the statement without a final full stop: pages add their own")
        return text.strip()

    @model_validator(mode="after")
    def _review_after_as_of(self) -> "Fact":
        if self.review_by < self.as_of:
            raise ValueError(f"review_by ({self.review_by}) is before as_of ({self.as_of})")
        return self

    def age_days(self, today: dt.date) -> int:
        return (today - self.as_of).days

    def stale(self, today: dt.date) -> bool:
        return today > self.review_by

    @property
    def short(self) -> str:
        return self.value or self.statement

    @property
    def as_of_note(self) -> str:
        """'as of 16 September 2025, confirmed ✅': what every citation of the fact says beside it."""
        return f"as of {as_of_text(self.as_of)}, {CONFIDENCE_SHORT[self.confidence]} {self.confidence}"


class FactsError(FindingsError):
    """facts.yaml cannot be used; each finding names the key path (``facts/3 (id)/as_of``)."""

    def __init__(self, findings: list[Finding]):
        super().__init__(findings, ordered=False)  # in the file's order


def parse_facts(data, path: str = FACTS_FILE) -> dict[str, Fact]:
    """{id: Fact} from the loaded YAML; every problem is reported with its key path."""
    if not isinstance(data, dict) or set(data) != {"facts"} or not isinstance(data["facts"], list):
        raise FactsError([Finding(Location(path), "the file must hold one key, 'facts:', with a list of facts")])
    facts: dict[str, Fact] = {}
    problems: list[Finding] = []
    for index, item in enumerate(data["facts"]):
        try:
            fact = Fact.model_validate(item)
        except ValidationError as exc:
            problems += validation_findings(exc, Location(path), item, prefix=("facts", index))
            continue
        if fact.id in facts:
            where = key_path(("facts", index), data)
            problems.append(Finding(Location(path, key=where), f"id '{fact.id}' is used twice"))
            continue
        facts[fact.id] = fact
    if problems:
        raise FactsError(problems)
    return facts


def load_facts(root: Path) -> dict[str, Fact]:
    """The facts of the course at ``root`` ({} when it has no facts file)."""
    path = root / FACTS_FILE
    if not path.is_file():
        return {}
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise FactsError([yaml_finding(exc, Location(FACTS_FILE))]) from exc
    return parse_facts(data, FACTS_FILE)


@dataclass(frozen=True, order=True)
class Citation:
    """One use of a fact id: the file, the cell (notebooks) or row (csv), and the id."""

    path: str
    cell: int | None
    fact_id: str


def _texts(path: Path, rel: str):
    """(cell or row, text) pieces of a file that may cite a fact."""
    if path.suffix == ".ipynb":
        nb = nbformat.read(path, as_version=4)
        for index, cell in enumerate(nb.cells):
            if cell.cell_type == "markdown":
                yield index, "".join(cell.source)
    elif path.suffix == ".md":
        yield None, path.read_text(encoding="utf-8")
    elif path.suffix == ".csv":
        with path.open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle)
            for row_number, row in enumerate(reader, start=2):  # line 1 is the header
                yield row_number, " ".join(v for v in row.values() if isinstance(v, str))
    elif path.suffix in (*DATA_SUFFIXES, ".py"):
        yield None, path.read_text(encoding="utf-8")


def _column_ids(path: Path):
    """(row, id) for every id in a csv's ``fact`` column (several ids: separated by spaces)."""
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        if FACT_COLUMN not in (reader.fieldnames or []):
            return
        for row_number, row in enumerate(reader, start=2):
            for fact_id in (row.get(FACT_COLUMN) or "").split():
                yield row_number, fact_id


def _field_ids(data):
    """Ids under any ``fact:`` key of a YAML/JSON document (a string or a list of strings)."""
    if isinstance(data, dict):
        for key, value in data.items():
            if key == FACT_COLUMN and isinstance(value, str):
                yield value
            elif key == FACT_COLUMN and isinstance(value, list):
                yield from (v for v in value if isinstance(v, str))
            else:
                yield from _field_ids(value)
    elif isinstance(data, list):
        for item in data:
            yield from _field_ids(item)


def citations(root: Path) -> list[Citation]:
    """Every citation of a fact in the course: roles in text, ``fact`` columns and fields."""
    found: set[Citation] = set()
    for folder in CITING_DIRS:
        base = root / folder
        if not base.is_dir():
            continue
        for path in sorted(base.rglob("*")):
            if not path.is_file() or {".ipynb_checkpoints", "__pycache__"} & set(path.parts):
                continue
            code = path.suffix == ".py" and folder == CODE_CITING_DIR
            if path.suffix not in (".md", ".ipynb", *DATA_SUFFIXES) and not code:
                continue
            rel = path.relative_to(root).as_posix()
            if rel == FACTS_FILE:
                continue
            for cell, text in _texts(path, rel):
                found.update(Citation(rel, cell, m.group(2).strip()) for m in ROLE.finditer(text))
            if path.suffix == ".csv":
                found.update(Citation(rel, row, fact_id) for row, fact_id in _column_ids(path))
            elif path.suffix in (".yml", ".yaml", ".json"):
                try:
                    data = json.loads(path.read_text(encoding="utf-8")) if path.suffix == ".json" else yaml.safe_load(path.read_text(encoding="utf-8"))
                except (ValueError, yaml.YAMLError):
                    continue  # not this module's file to judge
                found.update(Citation(rel, None, fact_id) for fact_id in _field_ids(data))
    return sorted(found)


def uses(root: Path) -> dict[str, list[str]]:
    """{fact id: the files that cite it}, in file order."""
    out: dict[str, list[str]] = {}
    for c in citations(root):
        files = out.setdefault(c.fact_id, [])
        if c.path not in files:
            files.append(c.path)
    return out


def written_out(text: str, facts: dict[str, Fact], where: str) -> str:
    """``text`` with each fact role written out in plain words with its as-of note, for texts
    shown where no Sphinx runs (a quiz's feedback, a hint): "… ratified C189 (as of 16 September
    2025, confirmed ✅)". An unknown id raises :class:`FactsError` naming ``where``."""

    def one(match: re.Match) -> str:
        role, fact_id = match.group(1), match.group(2).strip()
        fact = facts.get(fact_id)
        if fact is None:
            raise FactsError([Finding(Location(where), f"unknown fact id '{fact_id}': add it to {FACTS_FILE} or fix the id")])
        words = fact.statement if role == "fact" else fact.short
        return f"{words} ({fact.as_of_note})"

    return ROLE.sub(one, text)


def as_of_text(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"


def age_text(fact: Fact, today: dt.date) -> str:
    """'14 months' or '20 days': how old the fact is on ``today``."""
    days = fact.age_days(today)
    months = (today.year - fact.as_of.year) * 12 + today.month - fact.as_of.month - (today.day < fact.as_of.day)
    return f"{months} month{'s' * (months != 1)}" if months >= 1 else f"{max(days, 0)} day{'s' * (days != 1)}"
