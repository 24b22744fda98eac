"""The summary in words a reader can scan: Markdown for ``summary --format md``.

Open text is made inert before it is inserted into Markdown or MyST: line breaks become spaces
(so nothing can start a block: fence, directive, ``:::``, heading, table), and a backslash goes
before every mark that can open inline markup: backquotes (code, roles ``{raw}`...```), braces,
brackets (links), ``<`` and ``&`` (HTML, entities), ``*`` and ``_``, ``$`` (maths), ``|``
(tables), ``~``, a colon before another colon, and a list or heading marker at the start.
Jupyter Book also turns bare addresses into links (MyST's linkify: ``https://…``, ``www.x.org``,
``evil.com``, ``a@b.org``): a backslash before the ``:`` of ``://`` and ``mailto:``, a second
``/`` and a dot before a letter splits the text that linkify reads, so no address is linked.
"""
from __future__ import annotations

import re

import pandas as pd

from ..course import Course
from .findings import findings
from .model import Summary
from .tables import summary_tables

_INLINE = re.compile(r"([\\`*_{}\[\]<>&$|~]|:(?=[:/])|(?<=mailto):|/(?=/)|\.(?=[^\W\d_]))", re.IGNORECASE)
_LEADING = re.compile(r"^([-+#>=])")


def escape_md(text) -> str:
    """Plain text that Markdown and MyST show as it is, on one line."""
    text = _INLINE.sub(r"\\\1", " ".join(str(text).split()))
    return _LEADING.sub(r"\\\1", text) if not text[:1].isdigit() else re.sub(r"^(\d+)([.)])(?=\s|$)", r"\1\\\2", text)


def _cell(value) -> str:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return "–"
    return escape_md(value)


def markdown_table(frame: pd.DataFrame, columns: list[str] | None = None, empty: str = "No answers yet.") -> str:
    if frame.empty:
        return f"_{empty}_"
    cols = [c for c in (columns or list(frame.columns)) if c in frame.columns]
    rows = ["| " + " | ".join(c.replace("_", " ") for c in cols) + " |", "|" + "---|" * len(cols)]
    for values in frame[cols].itertuples(index=False):
        rows.append("| " + " | ".join(_cell(v) for v in values) + " |")
    return "\n".join(rows)


def banner(summary: Summary) -> str:
    cohort = escape_md(summary.cohort)
    if summary.synthetic:
        return f"**SYNTHETIC DATA** (cohort {cohort}): made up to show how the evaluation works, not real trainees' feedback."
    return f"Feedback from the store, cohort {cohort}."


def as_markdown(summary: Summary, course: Course) -> str:
    """The published summary: no open text (comments appear only in the trainer edition)."""
    summary = summary.published()
    t = summary_tables(summary, course)
    lines = ["# Pilot evaluation summary", "", banner(summary), "",
             f"No figure rests on fewer than {summary.min_cell} people; see the method note of the report.", "",
             "## Key findings", ""]
    lines += [f"- {escape_md(f)}" for f in findings(summary, course)] + [""]
    sections = [
        ("Response rates", "response_rates", "No forms yet."),
        ("Who took part", "profile", "No roster yet."),
        ("Sessions (usefulness, 1–5)", "sessions", "No daily forms yet."),
        ("Self-rated competence before and after", "pre_post", "No pre- and post-course pairs yet."),
        ("Would you recommend the course? (0–10)", "nps", "No end-of-course forms yet."),
        ("Follow-up", "followup", "No follow-up yet."),
        ("Levels 3 and 4: actions and outcomes", "levels", "No follow-up rounds or action plans in the store yet."),
        ("By group", "breakdowns", "No roster yet."),
    ]
    for title, key, empty in sections:
        frame = t[key]
        if key == "nps" and summary.nps.n == 0:
            frame = frame.iloc[0:0]
        lines += [f"## {title}", "", markdown_table(frame, empty=empty), ""]
    return "\n".join(lines).rstrip() + "\n"
