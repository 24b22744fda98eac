"""Import a feedback file whole or not at all: tidy CSV, KoboToolbox, ODK Central or paper template.

The format is told from the columns. The file is read row by row and every problem is collected
(line, column, reason); one problem and the store is left unchanged. A file over a limit of
``course.yml`` is refused at once (see :mod:`.table`).
"""
from __future__ import annotations

import gc
from dataclasses import dataclass
from pathlib import Path

from ...course import ImportLimits
from ...errors import Finding
from ..store import FeedbackStore
from . import kobo, odk, paper, tidy, wide
from .load import Loader, StoreWriteError
from .table import ImportFileError, ImportLimitError, open_table

WIDE_FORMATS = {"kobo": kobo, "odk": odk, "paper": paper}


@dataclass(frozen=True)
class ImportReport:
    path: Path
    format: str
    forms: tuple[str, ...]
    stored: int
    skipped: int  # responses whose id was already stored (or repeated in the file)
    answers: int
    zawgyi: tuple[Finding, ...] = ()  # warnings: answers in Burmese Zawgyi, stored as typed and flagged
    more_zawgyi: int = 0

    def __str__(self) -> str:
        lines = [str(f) for f in self.zawgyi]
        if self.more_zawgyi:
            lines.append(f"{self.path}: {self.more_zawgyi} more answer(s) in Zawgyi")
        return "\n".join([*lines, f"{self.path}: {self.format} file, form {', '.join(self.forms)}: {self.stored} response(s) stored "
                                   f"({self.answers} answers), {self.skipped} already stored and skipped"])


def detect_format(header: list[str]) -> str:
    for name, module in (("tidy", tidy), ("kobo", kobo), ("odk", odk), ("paper", paper)):
        if module.matches(header):
            return name
    raise ValueError("cannot tell the format from the columns: expected the tidy columns "
                     f"({', '.join(tidy.COLUMNS)}), Kobo's _uuid, ODK's meta-instanceID or the paper template's paper_form_no")


def import_file(store: FeedbackStore, path: Path, form_id: str | None = None, *,
                limits: ImportLimits | None = None, cohorts: frozenset[str] | tuple[str, ...] = ()) -> ImportReport:
    """Import ``path`` into ``store``: :class:`ImportReport`, or :class:`ImportRejected` listing every problem.

    ``limits`` come from course.yml (defaults if not given); ``cohorts`` are those a tidy file's
    ``cohort`` column may name besides the store's own (course.yml's).
    """
    path = Path(path)
    with open_table(path, limits, one_line_records=paper.matches) as table:
        try:
            fmt = detect_format(table.header)
            if fmt == "tidy":
                items = tidy.submissions(table, store.forms, form_id, store.cohort, frozenset(cohorts))
            else:
                layout = WIDE_FORMATS[fmt].LAYOUT
                form = wide.choose_form(table.header, store.forms, layout, form_id)
                items = wide.submissions(table, form, layout, store.cohort)
        except ValueError as exc:
            raise ImportFileError(path, line=1, message=str(exc)) from None
        collecting = gc.isenabled()
        gc.disable()  # a million rows make objects that never form cycles: collecting them cost a tenth
        try:
            with Loader(store, path) as loader:
                for item in items:
                    loader.add(item)
                loader.commit()
        finally:
            if collecting:
                gc.enable()
    return ImportReport(path=path, format=fmt, forms=tuple(sorted(loader.forms)),
                        stored=loader.stored, skipped=loader.skipped, answers=loader.answers,
                        zawgyi=tuple(loader.zawgyi), more_zawgyi=loader.more_zawgyi)


__all__ = ["ImportFileError", "ImportLimitError", "ImportReport", "StoreWriteError",
           "detect_format", "import_file"]
