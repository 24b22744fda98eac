"""Exports that a spreadsheet cannot turn against its reader.

Text starting with ``= + - @``, a tab, a carriage return or a NUL would run as a formula in
Excel or LibreOffice (OWASP "CSV injection"; ASVS 5.0 1.2.10): such cells get a leading
apostrophe. Workbooks are written with formulas and URLs off as well. Stored answers stay
untouched; only the exported copy is neutralised.
"""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from ..errors import TrainingkitError
from .privacy import mask_text

FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\0")


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
    return out


def masked_answers(answers: pd.DataFrame, text_questions: set[str], names=()) -> pd.DataFrame:
    """Tidy answers with e-mails, phone numbers and roster names masked in open text."""
    is_text = answers["question"].isin(text_questions)
    out = answers.copy()
    out.loc[is_text, "value"] = out.loc[is_text, "value"].astype(str).map(lambda t: mask_text(t, names))
    return out


def export(path: Path, answers: pd.DataFrame, tables: dict[str, pd.DataFrame]) -> list[Path]:
    """Write ``answers`` and the summary ``tables`` to ``path`` (.csv or .xlsx); returns the files.

    A CSV export is one file per table: ``NAME.csv`` holds the answers, ``NAME.<table>.csv`` each
    summary table. An XLSX export is one workbook with a sheet per table.
    """
    sheets = {"answers": answers, **tables}
    suffix = path.suffix.lower()
    if suffix == ".csv":
        written = []
        for name, frame in sheets.items():
            target = path if name == "answers" else path.with_name(f"{path.stem}.{name}.csv")
            # RFC 4180 line ends: a CR inside a field then gets quoted instead of ending the row
            neutralised(frame).to_csv(target, index=False, encoding="utf-8", lineterminator="\r\n")
            written.append(target)
        return written
    if suffix == ".xlsx":
        options = {"strings_to_formulas": False, "strings_to_urls": False, "strings_to_numbers": False}
        with pd.ExcelWriter(path, engine="xlsxwriter", engine_kwargs={"options": options}) as book:
            for name, frame in sheets.items():
                neutralised(frame).to_excel(book, sheet_name=name[:31], index=False)
        return [path]
    raise TrainingkitError(f"{path}: export to .csv or .xlsx (got '{path.suffix or 'no suffix'}')")
