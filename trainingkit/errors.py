"""The one vocabulary for problems: where (:class:`Location`), what (:class:`Finding`), and the
errors that carry them (under :class:`TrainingkitError`).

Every problem prints in one shape, ``where: key/path: message``: ``where`` is the file and the
cell (``modules/day1/x.ipynb:3``) or the line and column (``roster.csv, line 4, column country``),
``key/path`` the place inside structured data (``questions/2 (pace)/type``). Callers and tests
read the fields (``exc.findings[0].location.cell == 3``), not the text, as papermill's users read
``PapermillExecutionError.cell_index``. This module imports nothing of the package, so every
layer may use it.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Iterable

ERROR, WARNING = "error", "warning"


@dataclass(frozen=True)
class Location:
    """Where a problem is. Every field is optional: a submission's problem knows its field and
    perhaps its line and column, and the import that read the file adds the path."""

    path: str | None = None
    cell: int | None = None  # a cell index in a notebook
    line: int | None = None  # a line in a text file, or a row of a sheet (the header is line 1)
    column: str | None = None  # a table's column, as its header names it
    key: str | None = None  # a key path inside structured data: ``questions/2 (pace)/type``

    def __str__(self) -> str:
        """The ``where`` part: ``path:cell``, then ``line N`` and ``column C`` (the key is not a where)."""
        head = (self.path or "") + (f":{self.cell}" if self.cell is not None else "")
        parts = [head] if head else []
        if self.line is not None:
            parts.append(f"line {self.line}")
        if self.column:
            parts.append(f"column {self.column}")
        return ", ".join(parts)

    @property
    def order(self) -> tuple:
        """Sort by file, then whole-file before cells, then line and column."""
        return (self.path or "", -1 if self.cell is None else self.cell, self.line or 0, self.column or "")

    def at(self, **changes) -> "Location":
        """This location with some fields filled in or changed: ``loc.at(path="roster.csv")``."""
        return replace(self, **changes)


@dataclass(frozen=True)
class Finding:
    """One problem: its location, a message in plain words, how serious, and an optional code
    a program can match on."""

    location: Location
    message: str
    severity: str = ERROR
    code: str | None = None

    @classmethod
    def about(cls, key: str, message: str, line: int | None = None, column: str | None = None) -> "Finding":
        """A problem with one field of a row or a submission: the path is added by whoever read the
        file. On a line, the column is the field's own unless another is named."""
        return cls(Location(line=line, column=column or (key if line is not None else None), key=key), message)

    @property
    def path(self) -> str | None:
        return self.location.path

    @property
    def cell(self) -> int | None:
        return self.location.cell

    @property
    def line(self) -> int | None:
        return self.location.line

    @property
    def column(self) -> str | None:
        return self.location.column

    @property
    def key(self) -> str | None:
        return self.location.key

    def at(self, **changes) -> "Finding":
        """The same finding at a location with some fields filled in: ``f.at(path=...)``."""
        return replace(self, location=self.location.at(**changes))

    def __lt__(self, other: "Finding") -> bool:
        return (self.location.order, self.key or "", self.message) < (other.location.order, other.key or "", other.message)

    def __str__(self) -> str:
        """``where: key/path: message``; the key is left out where it is the column already named."""
        parts = [str(self.location)]
        if self.key and self.key != self.column:
            parts.append(self.key)
        parts.append(self.message)
        return ": ".join(p for p in parts if p)


class TrainingkitError(Exception):
    """A problem the user can fix; the CLI prints the message and exits with ``exit_code``.

    ``findings`` hold the problems as data (none for a plain message); ``location`` is the first one's.
    """

    exit_code = 1
    findings: tuple[Finding, ...] = ()

    @property
    def location(self) -> Location | None:
        return self.findings[0].location if self.findings else None


class FindingsError(TrainingkitError):
    """Something cannot be used; carries every finding, not just the first, one per line.

    ``summary``, if given, is a last line that sums up (``3 problem(s); nothing was imported``).
    """

    separator = "\n"

    def __init__(self, findings: Iterable[Finding], summary: str | None = None, *, ordered: bool = True):
        found = list(findings)
        self.findings = tuple(sorted(found) if ordered else found)
        self.summary = summary
        lines = [str(f) for f in self.findings] + ([summary] if summary else [])
        super().__init__(self.separator.join(lines))


class ImportRejected(FindingsError):
    """A file was not imported, and nothing of it was stored: a finding per problem, each with its
    line and column in ``path`` unless it names another file (``more`` problems past the first
    ones shown were not listed)."""

    def __init__(self, path, findings: Iterable[Finding], more: int = 0):
        self.path, self.more = path, more
        found = sorted((f if f.path else f.at(path=str(path)) for f in findings), key=lambda f: (f.line or 0, f.column or ""))
        shown = f" (the first {len(found)} are shown)" if more else ""
        super().__init__(found, f"{path}: {len(found) + more} problem(s){shown}; nothing was imported", ordered=False)


class CourseError(FindingsError):
    """The course cannot be loaded."""


class DataError(FindingsError):
    """A data file an exercise reads is wrong: names the file, and the line and field when known.

    Printed as ``file, line N: key/path: message``; ``path``, ``line`` and ``field`` stay readable
    as data. ``field`` is the column or key the message is about: a table's message names its
    column itself; ``key``, for structured data, is printed before the message (and is the field).
    """

    def __init__(self, path: str, message: str, line: int | None = None, field: str | None = None,
                 key: str | None = None):
        self.path, self.message, self.line, self.field = str(path), message, line, field or key
        super().__init__([Finding(Location(self.path, line=line, key=key), message)])

    @classmethod
    def first_of(cls, exc, path: str, data=None) -> "DataError":
        """The first error of a pydantic ``ValidationError`` about the data of ``path``."""
        found = validation_findings(exc, Location(path), data)[0]
        return cls(path, found.message, key=found.key or None)


class ExecutionError(TrainingkitError):
    """A notebook failed while it ran, kept as data as papermill's ``PapermillExecutionError`` does:
    the notebook as executed (``notebook``, with the error output), the failed cell's index, its
    execution count, and the error's name, value and traceback lines."""

    def __init__(self, path: str, cell: int | None, ename: str, evalue: str, traceback: list[str] | None = None,
                 exec_count: int | None = None, notebook=None):
        self.path, self.cell, self.ename, self.evalue = path, cell, ename, evalue
        self.traceback, self.exec_count, self.notebook = list(traceback or []), exec_count, notebook
        what = f"{ename}: {evalue}" if evalue else ename
        self.findings = (Finding(Location(path, cell=cell), f"execution failed: {what}", code=ename),)
        super().__init__(str(self.findings[0]))


def key_path(loc: Iterable, data=None) -> str:
    """``('questions', 2, 'type')`` → ``questions/2 (pace)/type``: a list item's ``id``, when ``data``
    gives it, helps to find the item."""
    parts, node = [], data
    for step in loc:
        node = node[step] if _has(node, step) else None
        part = str(step)
        if isinstance(step, int) and isinstance(node, dict) and isinstance(node.get("id"), (str, int)):
            part += f" ({node['id']})"
        parts.append(part)
    return "/".join(parts)


def _has(node, step) -> bool:
    if isinstance(node, dict):
        return step in node
    return isinstance(node, list) and isinstance(step, int) and 0 <= step < len(node)


def validation_findings(exc, location: Location, data=None, prefix: tuple = ()) -> list[Finding]:
    """One finding per error of a pydantic ``ValidationError``, each at ``location`` with the key
    path of the value it is about (``prefix`` first: where ``data`` sits in its file)."""
    out = []
    for err in exc.errors():
        key = key_path((*prefix, *err["loc"]), _nest(prefix, data))
        out.append(Finding(location.at(key=key or location.key), err["msg"].removeprefix("Value error, ")))
    return out


def _nest(prefix: tuple, data):
    """``data`` placed under ``prefix`` so that :func:`key_path` can walk the whole path."""
    for step in reversed(prefix):
        data = {step: data} if not isinstance(step, int) else [None] * step + [data]
    return data


def yaml_finding(exc, location: Location) -> Finding:
    """A YAML syntax error at ``location``, with the line it names (PyYAML counts from 0)."""
    mark = getattr(exc, "problem_mark", None)
    line = mark.line + 1 if mark is not None else location.line
    return Finding(location.at(line=line), f"not valid YAML: {getattr(exc, 'problem', None) or exc}")
