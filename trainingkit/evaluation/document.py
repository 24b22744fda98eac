"""The evaluation report on its own, for the organisation and its funder:
``trainingkit feedback report -o pilot.pdf|pilot.docx``.

One outline (``blocks``) rendered two ways: DOCX with python-docx, PDF as HTML printed by the
kit's Chromium (``trainingkit/pdf.py``). Published figures only: no comments, every figure under the
privacy rule, SYNTHETIC in the title and footer when it applies."""
from __future__ import annotations

import base64
import html
import io
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from ..course import Course
from ..errors import TrainingkitError
from . import charts
from .findings import course_dates, findings, sections, targets
from .method import method_note
from .model import Summary
from .tables import profile_table, response_rates_table


@dataclass
class Heading:
    text: str
    level: int = 1


@dataclass
class Para:
    text: str


@dataclass
class Bullets:
    items: list[str]


@dataclass
class Table:
    headers: list[str]
    rows: list[list[str]]


@dataclass
class Image:
    png: bytes
    alt: str


def _s(v) -> str:
    return "–" if v is None or (not isinstance(v, str) and pd.isna(v)) else str(v)


def title(summary: Summary, course: Course) -> str:
    return ("SYNTHETIC DATA – " if summary.synthetic else "") + f"Evaluation report: {course.config.title}"


def blocks(summary: Summary, course: Course, extra=()) -> list:
    summary = summary.published()
    c = course.config
    out: list = [Heading(title(summary, course), 0)]
    if summary.synthetic:
        out.append(Para("SYNTHETIC DATA: every figure here is made up to show how the report works. It is not feedback from real trainees."))
    out.append(Para(f"Cohort {summary.cohort}. {course_dates(course, summary.cohort)}, {c.venue or 'venue not given in course.yml'}."))
    out += [Heading("Key findings"), Bullets(findings(summary, course)), Heading("Targets", 2)]
    tgt = targets(summary, course)
    out.append(Table(["Target", "Aim", "Measured", "People (n)", "Met"],
                     [[m.label, _s(m.target), m.value or m.note, _s(m.n), "–" if m.met is None else ("Yes" if m.met else "No")] for m in tgt])
               if tgt else Para("No targets in course.yml."))
    out += [Heading("Who took part"), Para(f"{summary.profile.participants} people on the roster.")]
    profile = profile_table(summary)
    out.append(Table(["Attribute", "Group", "People", "Note"], [[_s(v) for v in r] for r in profile.itertuples(index=False)])
               if not profile.empty else Para("No roster yet."))
    out.append(Heading("Response rates", 2))
    rates = response_rates_table(summary)
    out.append(Table(["Form", "When", "Responded", "Expected", "Rate (%)", "Lost to follow-up", "Note"],
                     [[_s(v) for v in r] for r in rates.itertuples(index=False)])
               if not rates.empty else Para("No forms yet."))
    chart_for = {"reaction": lambda: charts.usefulness_chart(summary, course),
                 "learning": lambda: charts.pre_post_chart(summary, course),
                 "behaviour": lambda: charts.followup_chart(summary)}
    for section in sections(summary, course, extra):
        out.append(Heading(section.title))
        if section.note:
            out.append(Para(section.note))
        chart = chart_for.get(section.key, lambda: None)()
        if chart is not None:
            fig, alt = chart
            out.append(Image(charts.png(fig), alt))
        if section.measures:
            out.append(Table(["Measure", "Value", "People (n)"],
                             [[m.label, m.value if m.value is not None else m.note, _s(m.n)] for m in section.measures]))
    out.append(Heading("Method note"))
    for heading, paras in method_note(summary):
        out += [Heading(heading, 2), *[Para(p) for p in paras]]
    return out


def write_docx(path: Path, summary: Summary, course: Course, extra=()) -> Path:
    from docx import Document
    from docx.shared import Cm

    doc = Document()
    for b in blocks(summary, course, extra):
        if isinstance(b, Heading):
            doc.add_heading(b.text, b.level)
        elif isinstance(b, Para):
            doc.add_paragraph(b.text)
        elif isinstance(b, Bullets):
            for item in b.items:
                doc.add_paragraph(item, style="List Bullet")
        elif isinstance(b, Table):
            table = doc.add_table(rows=1, cols=len(b.headers))
            table.style = "Table Grid"
            for cell, text in zip(table.rows[0].cells, b.headers):
                cell.text = text
                cell.paragraphs[0].runs[0].bold = True
            for row in b.rows:
                for cell, text in zip(table.add_row().cells, row):
                    cell.text = text
        elif isinstance(b, Image):
            doc.add_picture(io.BytesIO(b.png), width=Cm(16))
            doc.paragraphs[-1].runs[0]._r.xpath("./w:drawing/wp:inline/wp:docPr")[0].set("descr", b.alt)
    if summary.synthetic:
        doc.sections[0].footer.paragraphs[0].text = "SYNTHETIC DATA – not real trainees' feedback"
    doc.core_properties.title = title(summary, course)
    doc.save(path)
    return path


CSS = """
body { font-family: 'Noto Sans', sans-serif; font-size: 10.5pt; line-height: 1.4; color: #111; }
h1 { font-size: 18pt; } h2 { font-size: 14pt; margin-top: 1.4em; } h3 { font-size: 11.5pt; }
table { border-collapse: collapse; width: 100%; margin: 0.6em 0; page-break-inside: auto; }
th, td { border: 1px solid #888; padding: 3px 6px; text-align: left; vertical-align: top; }
th { background: #eee; } tr { page-break-inside: avoid; }
img { max-width: 100%; } .synthetic { color: #9c0006; font-weight: bold; }
"""


def report_html(summary: Summary, course: Course, extra=()) -> tuple[str, tuple[str, ...]]:
    parts, bookmarks = [], []
    tags = {0: "h1", 1: "h2", 2: "h3"}
    for b in blocks(summary, course, extra):
        if isinstance(b, Heading):
            parts.append(f"<{tags[b.level]}>{html.escape(b.text)}</{tags[b.level]}>")
        elif isinstance(b, Para):
            cls = ' class="synthetic"' if b.text.startswith("SYNTHETIC") else ""
            parts.append(f"<p{cls}>{html.escape(b.text)}</p>")
        elif isinstance(b, Bullets):
            parts.append("<ul>" + "".join(f"<li>{html.escape(i)}</li>" for i in b.items) + "</ul>")
        elif isinstance(b, Table):
            head = "".join(f"<th>{html.escape(h)}</th>" for h in b.headers)
            body = "".join("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in r) + "</tr>" for r in b.rows)
            parts.append(f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>")
        elif isinstance(b, Image):
            parts.append(f'<img alt="{html.escape(b.alt)}" src="data:image/png;base64,{base64.b64encode(b.png).decode()}">')
    doc = (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{html.escape(title(summary, course))}</title>'
           f"<style>{CSS}</style></head><body>{''.join(parts)}</body></html>")
    return doc, tuple(bookmarks)


def write_pdf(path: Path, summary: Summary, course: Course, extra=()) -> Path:
    from ..pdf import PrintJob, print_pdfs

    doc, bookmarks = report_html(summary, course, extra)
    label = ("SYNTHETIC DATA – " if summary.synthetic else "") + f"Evaluation report, cohort {summary.cohort}"
    print_pdfs({path: PrintJob(doc, label, bookmarks)})
    return path


def write_report(path: Path, summary: Summary, course: Course, extra=()) -> Path:
    """``extra``: section functions (summary, course) → Section added after the four levels."""
    suffix = path.suffix.lower()
    if suffix == ".docx":
        return write_docx(path, summary, course, extra)
    if suffix == ".pdf":
        return write_pdf(path, summary, course, extra)
    raise TrainingkitError(f"{path}: the report is written as .pdf or .docx (got '{path.suffix or 'no suffix'}')")
