"""Exports that a spreadsheet cannot turn against its reader, and that say what they are.

Text starting with ``= + - @``, a tab, a carriage return or a NUL would run as a formula in
Excel or LibreOffice (OWASP "CSV injection"; ASVS 5.0 1.2.10): such cells get a leading
apostrophe. Workbooks are written with formulas and URLs off as well. Stored answers stay
untouched; only the exported copy is neutralised.

A workbook opens on an "About" sheet (what each sheet is and who may see it); every sheet has a
frozen header with filters and readable widths, a header even when it has no rows, and the
SYNTHETIC banner on top when the data is synthetic.
"""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from ..errors import TrainingkitError
from .privacy import mask_text

FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\0")
SYNTHETIC_BANNER = "SYNTHETIC DATA: made up to show how the evaluation works, not real trainees' feedback."
SHEET_ABOUT = {
    "answers": ("Every answer, one row each, by participant code; open text masked.",
                "INTERNAL: the organiser and trainers only. Never publish or send it on: it holds each trainee's answers."),
    "response_rates": ("How many on the roster sent each form, in course order.", "May be published."),
    "profile": ("Who took part: people by country, organisation type and membership.", "May be published."),
    "sessions": ("Usefulness of each session (1–5).", "May be published."),
    "pre_post": ("Self-rated competence before and after, per learning outcome.", "May be published."),
    "nps": ("Would trainees recommend the course (0–10): Net Promoter Score.", "May be published."),
    "followup": ("Follow-up rounds: engagement, actions taken, results described.", "May be published."),
    "levels": ("Levels 3 and 4: planned actions done by month 6, actions by type over all rounds, outcomes per round.",
               "May be published."),
    "breakdowns": ("Figures by group, checked together so no group can be worked out.", "May be published."),
}


def neutralise(value):
    """A cell value that no spreadsheet will execute."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def neutralised(frame: pd.DataFrame) -> pd.DataFrame:
    out = frame.copy()
    for column in out.columns:
        if out[column].dtype == object or pd.api.types.is_string_dtype(out[column]):
            out[column] = out[column].map(neutralise)
        elif pd.api.types.is_bool_dtype(out[column]):
            out[column] = out[column].map({True: "Yes", False: "No"})
    return out


def masked_answers(answers: pd.DataFrame, text_questions, names=()) -> pd.DataFrame:
    """Tidy answers with e-mails, phone numbers and the given names masked in open text."""
    is_text = answers["question"].isin(text_questions)
    out = answers.copy()
    out.loc[is_text, "value"] = out.loc[is_text, "value"].astype(str).map(lambda t: mask_text(t, names))
    return out


def about_frame(sheets: dict[str, pd.DataFrame], min_cell: int) -> pd.DataFrame:
    rows = [(name, *SHEET_ABOUT.get(name, ("", "")), len(frame)) for name, frame in sheets.items()]
    rows.append(("(all)", f"No published figure rests on fewer than {min_cell} people; withheld figures are empty with a note.", "", None))
    frame = pd.DataFrame(rows, columns=["sheet", "what it is", "who may see it", "rows"])
    frame["rows"] = pd.array(frame["rows"], dtype="Int64")
    return frame


def export(path: Path, answers: pd.DataFrame, tables: dict[str, pd.DataFrame], *, synthetic: bool = False,
           min_cell: int = 5) -> list[Path]:
    """Write ``answers`` and the summary ``tables`` to ``path`` (.csv or .xlsx); returns the files.

    A CSV export is one file per table: ``NAME.csv`` holds the answers, ``NAME.<table>.csv`` each
    summary table; synthetic data gets a ``data`` column saying SYNTHETIC on every row. An XLSX
    export is one workbook with an About sheet and a sheet per table.
    """
    sheets = {"answers": answers, **tables}
    suffix = path.suffix.lower()
    if suffix == ".csv":
        written = []
        for name, frame in sheets.items():
            target = path if name == "answers" else path.with_name(f"{path.stem}.{name}.csv")
            if synthetic:
                frame = frame.assign(data="SYNTHETIC")
            # RFC 4180 line ends: a CR inside a field then gets quoted instead of ending the row
            neutralised(frame).to_csv(target, index=False, encoding="utf-8", lineterminator="\r\n")
            written.append(target)
        return written
    if suffix == ".xlsx":
        options = {"strings_to_formulas": False, "strings_to_urls": False, "strings_to_numbers": False}
        with pd.ExcelWriter(path, engine="xlsxwriter", engine_kwargs={"options": options}) as book:
            for name, frame in {"About": about_frame(sheets, min_cell), **sheets}.items():
                _sheet(book, name[:31], neutralised(frame), synthetic)
        return [path]
    raise TrainingkitError(f"{path}: export to .csv or .xlsx (got '{path.suffix or 'no suffix'}')")


def _sheet(book, name: str, frame: pd.DataFrame, synthetic: bool) -> None:
    top = 1 if synthetic else 0
    frame.to_excel(book, sheet_name=name, index=False, startrow=top)
    sheet = book.sheets[name]
    if synthetic:
        sheet.write(0, 0, SYNTHETIC_BANNER, book.book.add_format({"bold": True, "font_color": "#9c0006", "bg_color": "#ffc7ce"}))
    sheet.freeze_panes(top + 1, 0)
    sheet.autofilter(top, 0, top + len(frame), max(len(frame.columns) - 1, 0))
    for i, column in enumerate(frame.columns):
        longest = max([len(str(column)), *(len(str(v)) for v in frame[column].head(500))])
        sheet.set_column(i, i, min(max(longest + 2, 8), 60))
