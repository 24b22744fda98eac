"""The summary in words a reader can scan: Markdown for ``summary --format md``.

Open text is escaped for Markdown and HTML, so a comment can never become a link, a script or a
heading where it is shown.
"""
from __future__ import annotations

import html
import re

import pandas as pd

from ..course import Course
from .tables import summary_tables

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|~>-])")


def escape_md(text: str) -> str:
    """Plain text that Markdown and HTML show as it is."""
    return _MD_SPECIAL.sub(r"\\\1", html.escape(" ".join(str(text).split()), quote=False))


def _table(frame: pd.DataFrame, columns: list[str]) -> str:
    if frame.empty:
        return "_No answers yet._"
    cols = [c for c in columns if c in frame.columns]
    rows = ["| " + " | ".join(cols) + " |", "|" + "---|" * len(cols)]
    for _, row in frame[cols].iterrows():
        rows.append("| " + " | ".join("–" if pd.isna(v) else escape_md(v) for v in row) + " |")
    return "\n".join(rows)


def banner(summary: dict) -> str:
    if summary["data"] == "synthetic":
        return f"**SYNTHETIC DATA** (cohort `{escape_md(summary['cohort'])}`): made up to show how the evaluation works, not real trainees' feedback."
    return f"Feedback from the store, cohort `{escape_md(summary['cohort'])}`."


def as_markdown(summary: dict, course: Course) -> str:
    t = summary_tables(summary, course)
    nps = summary["nps"]
    lines = [
        "# Pilot evaluation summary", "", banner(summary), "",
        f"Groups with fewer than {summary['min_cell']} respondents are not shown.", "",
        "## Response rates", "", _table(t["response_rates"], ["form", "occasion", "responded", "expected", "rate"]), "",
        "## Sessions (usefulness, 1–5)", "", _table(t["sessions"], ["session", "title", "n", "mean", "median", "top2_pct"]), "",
        "## Self-rated competence before and after", "",
        _table(t["pre_post"], ["item", "n_pairs", "mean_pre", "mean_post", "mean_change", "improved_pct", "wilcoxon_p"]), "",
        "## Would you recommend the course? (0–10)", "",
        f"Net Promoter Score {nps['score'] if nps['score'] is not None else '–'} (n = {nps['n']}): "
        f"{nps['promoters_pct'] or 0} % promoters, {nps['detractors_pct'] or 0} % detractors.", "",
        "## Follow-up", "", _table(t["followup"], ["round", "measure", "n", "count", "pct"]), "",
        "## By group", "", _table(t["breakdowns"], ["attribute", "group", "suppressed", "n", "useful_mean", "overall_mean", "recommend_mean"]), "",
        "## Comments", "",
    ]
    for sid, comments in summary["comments"]["sessions"].items():
        title = escape_md(course.session(sid).title) if sid in {s.id for s in course.sessions} else escape_md(sid)
        lines += [f"### {title}", "", *[f"- {escape_md(c)}" for c in comments], ""]
    for label, key in (("Most useful", "most_useful"), ("Change one thing", "change_one_thing")):
        if summary["end"][key]:
            lines += [f"### {label}", "", *[f"- {escape_md(c)}" for c in summary["end"][key]], ""]
    return "\n".join(lines).rstrip() + "\n"
