"""Errors a user can act on: each names the file (and cell or row) it is about."""
from __future__ import annotations

from dataclasses import dataclass


class TrainingkitError(Exception):
    """A problem the user can fix; the CLI prints the message and exits 1."""


@dataclass(frozen=True)
class Finding:
    """One problem found in the course, printed as ``file:cell: message``.

    ``cell`` is the cell index in a notebook, or ``None`` for a whole file.
    """

    path: str
    cell: int | None
    message: str

    def __lt__(self, other: "Finding") -> bool:  # by file, then whole-file findings, then cell
        key = lambda f: (f.path, -1 if f.cell is None else f.cell, f.message)
        return key(self) < key(other)

    def __str__(self) -> str:
        where = self.path if self.cell is None else f"{self.path}:{self.cell}"
        return f"{where}: {self.message}"


class CourseError(TrainingkitError):
    """The course cannot be loaded; carries every finding, not just the first."""

    def __init__(self, findings: list[Finding]):
        self.findings = sorted(findings)
        super().__init__("\n".join(str(f) for f in self.findings))


class DataError(TrainingkitError):
    """A data file an exercise reads is wrong: names the file, and the line and field when known.

    Printed as ``file, line N: message``; ``path``, ``line`` and ``field`` stay readable as data.
    """

    def __init__(self, path: str, message: str, line: int | None = None, field: str | None = None):
        self.path, self.message, self.line, self.field = str(path), message, line, field
        where = self.path if line is None else f"{self.path}, line {line}"
        super().__init__(f"{where}: {message}")
