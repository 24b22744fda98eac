"""The ratification table of the course, written from the datasets so that it is kept once:
``ratifications.csv`` (the exercise's Mekong rows) and ``ratifications-more.csv`` (the rest).
A pure function to MyST Markdown; the build writes it in place of a ```{ratification-table}```
block (``pages.expand_blocks``)."""
from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

FILES = ("datasets/ratifications.csv", "datasets/ratifications-more.csv")
COUNTRIES = ("Brunei", "Cambodia", "Indonesia", "Lao PDR", "Malaysia", "Myanmar", "Philippines",
             "Singapore", "Thailand", "Timor-Leste", "Viet Nam")
TABLES = (
    ("Freedom of association, forced labour, equality", ("C87", "C98", "C29", "P29", "C105", "C100", "C111")),
    ("Migrant workers, fishers, domestic workers, harassment", ("C97", "C143", "C188", "C189", "C190", "ICRMW 1990")),
)
SHARED = {"C97 / C143": ("C97", "C143")}  # one row of the exercise's data, two columns here


def load_cells(root: Path) -> dict[tuple[str, str], dict]:
    cells = {}
    for name in FILES:
        path = root / name
        if not path.is_file():
            continue
        with path.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                for instrument in SHARED.get(row["instrument"], (row["instrument"],)):
                    cells[(row["country"], instrument)] = row
    return cells


def _as_of(text: str) -> str:
    if len(text) == 7:  # 2025-08
        return dt.date.fromisoformat(f"{text}-01").strftime("%b %Y")
    return text


def ratification_markdown(cells: dict[tuple[str, str], dict]) -> str:
    out = []
    for title, instruments in TABLES:
        out += [f"**{title}**", "", "| | " + " | ".join(instruments) + " |", "|---" * (len(instruments) + 1) + "|"]
        for country in COUNTRIES:
            row = []
            for instrument in instruments:
                cell = cells.get((country, instrument))
                row.append(f"{cell['table_cell']} *{_as_of(cell['as_of'])}*" if cell else "not in our sources")
            out.append(f"| {country} | " + " | ".join(row) + " |")
        out.append("")
    return "\n".join(out).rstrip()
