"""Import a feedback file whole or not at all: tidy CSV, KoboToolbox, ODK Central or paper template.

The format is told from the columns. Every problem is collected (line, column, reason) before
anything is written; one problem and the store is left unchanged.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ...errors import TrainingkitError
from ..store import FeedbackStore
from ..submission import Problem
from . import kobo, odk, paper, tidy, wide
from .table import ImportFileError, read_table

WIDE_FORMATS = {"kobo": kobo, "odk": odk, "paper": paper}


@dataclass(frozen=True)
class ImportReport:
    path: Path
    format: str
    forms: tuple[str, ...]
    stored: int
    skipped: int  # responses whose id was already stored (or repeated in the file)
    answers: int

    def __str__(self) -> str:
        return (f"{self.path}: {self.format} file, form {', '.join(self.forms)}: {self.stored} response(s) stored "
                f"({self.answers} answers), {self.skipped} already stored and skipped")


class ImportRejected(TrainingkitError):
    """The file was not imported; ``problems`` says why, each with line and column."""

    def __init__(self, path: Path, problems: list[Problem]):
        self.path, self.problems = path, sorted(problems, key=lambda p: (p.line or 0, p.column or ""))
        lines = [f"{path}: {p}" for p in self.problems]
        super().__init__("\n".join([*lines, f"{path}: {len(problems)} problem(s); nothing was imported"]))


def detect_format(header: list[str]) -> str:
    for name, module in (("tidy", tidy), ("kobo", kobo), ("odk", odk), ("paper", paper)):
        if module.matches(header):
            return name
    raise ValueError("cannot tell the format from the columns: expected the tidy columns "
                     f"({', '.join(tidy.COLUMNS)}), Kobo's _uuid, ODK's meta-instanceID or the paper template's paper_form_no")


def import_file(store: FeedbackStore, path: Path, form_id: str | None = None) -> ImportReport:
    path = Path(path)
    table = read_table(path)
    try:
        fmt = detect_format(table.header)
        if fmt == "tidy":
            subs, problems = tidy.submissions(table, store.forms, form_id)
        else:
            layout = WIDE_FORMATS[fmt].LAYOUT
            form = wide.choose_form(table.header, store.forms, layout, form_id)
            subs, problems = wide.submissions(table, form, layout, store.cohort)
    except ValueError as exc:
        raise ImportFileError(f"{path}: line 1: {exc}") from None
    prepared, invalid = store.prepare(subs)
    if problems or invalid:
        raise ImportRejected(path, problems + invalid)
    result = store.write(prepared)
    return ImportReport(
        path=path, format=fmt, forms=tuple(sorted({s.form_id for s in subs})),
        stored=len(result.stored), skipped=len(result.skipped),
        answers=result.answers,
    )


__all__ = ["ImportFileError", "ImportRejected", "ImportReport", "detect_format", "import_file"]
