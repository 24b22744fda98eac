"""The evaluation report page (``book/evaluation.ipynb``, trainer edition only): each method
returns one section as HTML, so the notebook is a few one-line cells. Every value is escaped;
a withheld figure says why; a chart is drawn only when it has data."""
from __future__ import annotations

import html

import pandas as pd
from IPython.display import HTML

from ..course import Course
from . import charts
from .findings import course_dates, findings, sections, targets
from .labels import session_title
from .method import method_note
from .model import Section, Summary
from .pilot_box import session_href
from .revise import is_negative, sessions_to_revise
from .tables import breakdowns_table, profile_table, response_rates_table
from .vocabulary import occasion_label

REPORT_DOCNAME = "book/evaluation"


def _esc(text) -> str:
    return html.escape(str(text))


def _value(v) -> str:
    if v is None or (not isinstance(v, str) and pd.isna(v)):
        return "–"
    return _esc(v)


def table_html(headers: list[str], rows: list[list]) -> str:
    """Cells are escaped here; pass ``html_cells`` columns through ``Markup`` if ever needed."""
    head = "".join(f"<th>{_esc(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{_value(cell)}</td>" for cell in row) + "</tr>" for row in rows)
    return _scroll(f'<table class="evaluation-table"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>')


def _scroll(table: str) -> str:
    """A wide table scrolls inside its own box on a phone, not the page; focusable, so a keyboard can scroll it."""
    return f'<div class="evaluation-scroll" role="region" aria-label="Table" tabindex="0">{table}</div>'


def frame_html(frame: pd.DataFrame, headers: dict[str, str]) -> str:
    cols = [c for c in headers if c in frame.columns]
    return table_html([headers[c] for c in cols], [list(r) for r in frame[cols].itertuples(index=False)])


def section_html(section: Section) -> str:
    rows = [[m.label, m.value if m.value is not None else m.note, "–" if m.n is None else m.n] for m in section.measures]
    note = f"<p><em>{_esc(section.note)}</em></p>" if section.note else ""
    return note + (table_html(["Measure", "Value", "People (n)"], rows) if rows else "")


NO_FEEDBACK = HTML("<p><em>No feedback yet: the store holds nothing for this course and there is no sample.</em></p>")


class Report:
    """``extra``: more section functions (summary, course) → Section, such as the follow-up
    package's action-plan figures; ``more()`` shows them after the four levels."""

    def __init__(self, summary: Summary | None, course: Course, extra=()):
        self.summary, self.course, self.extra = summary, course, tuple(extra)

    def _guard(self, method):
        return NO_FEEDBACK if self.summary is None else HTML(method())

    def banner(self) -> HTML:
        if not self.summary:
            return HTML('<div class="admonition warning"><p class="admonition-title">No feedback yet</p>'
                        "<p>The feedback store is empty and there is no synthetic sample in datasets/.</p></div>")
        s = self.summary
        if s.synthetic:
            return HTML(
                '<div class="admonition warning evaluation-banner"><p class="admonition-title">SYNTHETIC DATA</p>'
                f"<p>This report shows <strong>synthetic data</strong> (cohort {_esc(s.cohort)}), made up to show how "
                "the report works. It is not feedback from real trainees. When the feedback store holds real feedback "
                "for the course's cohort, rebuild the book to see the real report.</p></div>")
        return HTML(
            '<div class="admonition note evaluation-banner"><p class="admonition-title">Real feedback</p>'
            f"<p>This report shows the feedback in the store for cohort {_esc(s.cohort)}. "
            f"No figure rests on fewer than {s.min_cell} people.</p></div>")

    def key_findings(self) -> HTML:
        def body():
            items = "".join(f"<li>{_esc(f)}</li>" for f in findings(self.summary, self.course))
            rows = [[m.label, m.target, m.value or m.note, "–" if m.met is None else ("Yes" if m.met else "No")]
                    for m in targets(self.summary, self.course)]
            tgt = table_html(["Target", "Aim", "Measured", "Met"], rows) if rows else "<p><em>No targets in course.yml.</em></p>"
            return f'<ul class="key-findings">{items}</ul><h3>Targets</h3>{tgt}'
        return self._guard(body)

    def profile(self) -> HTML:
        def body():
            c = self.course.config
            facts = (f"<p>{_esc(c.title)}: {_esc(course_dates(self.course, self.summary.cohort))}, {_esc(c.venue or 'venue not given in course.yml')}. "
                     f"{self.summary.profile.participants} people on the roster.</p>")
            frame = profile_table(self.summary)
            if frame.empty:
                return facts + "<p><em>No roster yet: the profile needs the participants' country, organisation type and membership.</em></p>"
            return facts + frame_html(frame, {"attribute": "Attribute", "group": "Group", "people": "People", "note": "Note"})
        return self._guard(body)

    def response_rates(self) -> HTML:
        def body():
            frame = response_rates_table(self.summary)
            if frame.empty:
                return "<p><em>No forms yet.</em></p>"
            frame["rate"] = frame["rate"].map(lambda r: None if pd.isna(r) else f"{r} %")
            return frame_html(frame, {"form": "Form", "when": "When", "responded": "Responded",
                                      "expected": "Expected (roster)", "rate": "Rate", "lost": "Lost to follow-up", "note": "Note"})
        return self._guard(body)

    def level(self, key: str) -> HTML:
        def body():
            section = next(s for s in sections(self.summary, self.course) if s.key == key)
            chart = {"reaction": lambda: charts.usefulness_chart(self.summary, self.course),
                     "learning": lambda: charts.pre_post_chart(self.summary, self.course),
                     "behaviour": lambda: charts.followup_chart(self.summary)}.get(key, lambda: None)()
            captions = {"reaction": "Usefulness of each session, in programme order; n = answers per session.",
                        "learning": "Mean self-rated competence before and after.",
                        "behaviour": "Share of respondents still engaged in ASEAN advocacy, by round."}
            return charts.chart_html(chart, captions.get(key, "")) + section_html(section)
        return self._guard(body)

    def sessions(self) -> HTML:
        return self.level("reaction")

    def pre_post(self) -> HTML:
        return self.level("learning")

    def followup(self) -> HTML:
        return self.level("behaviour")

    def results(self) -> HTML:
        return self.level("results")

    def more(self) -> HTML:
        def body():
            return "".join(f"<h3>{_esc(s.title)}</h3>" + section_html(s) for s in (f(self.summary, self.course) for f in self.extra))
        return self._guard(body)

    def nps(self) -> HTML:
        def body():
            n, overall = self.summary.nps, self.summary.end.overall
            from .tables import needed
            text = (f"<p>Net Promoter Score <strong>{n.score}</strong> (n = {n.n}): % of 9–10 minus % of 0–6.</p>"
                    if not n.suppressed else f"<p>Net Promoter Score: {_esc(needed(n.n, self.summary.min_cell))}.</p>")
            text += (f"<p>Overall rating of the course: mean {overall.mean} of 5 (n = {overall.n}).</p>" if not overall.suppressed
                     else f"<p>Overall rating of the course: {_esc(needed(overall.n, self.summary.min_cell))}.</p>")
            return text + charts.chart_html(charts.nps_chart(self.summary), "Answers to: how likely are you to recommend the course?")
        return self._guard(body)

    def comments(self) -> HTML:
        def body():
            parts = []
            for sid, comments in self.summary.comments.sessions.items():
                items = "".join(f"<li>{_esc(c)}{' <em>(critical)</em>' if is_negative(c) else ''}</li>" for c in comments)
                parts.append(f"<h4>{_esc(session_title(self.course, sid))}</h4><ul>{items}</ul>")
            for round_, texts in self.summary.comments.results.items():
                items = "".join(f"<li>{_esc(c)}</li>" for c in texts)
                parts.append(f"<h4>What came of an action: {_esc(occasion_label('followup', round_).lower())} the course</h4><ul>{items}</ul>")
            return "".join(parts) or (f"<p><em>No comments to show: comments appear for a day once at least "
                                      f"{self.summary.min_cell} trainees have sent its form.</em></p>")
        return self._guard(body)

    def groups(self) -> HTML:
        def body():
            frame = breakdowns_table(self.summary)
            if frame.empty:
                return "<p><em>No roster: group figures need the participants' country, organisation type and membership.</em></p>"
            return frame_html(frame, {"attribute": "Attribute", "group": "Group", "people": "Respondents",
                                      "useful_mean": "Usefulness (mean)", "overall_mean": "Overall (mean)",
                                      "recommend_mean": "Recommend (mean)", "note": "Note"})
        return self._guard(body)

    def revise(self) -> HTML:
        def body():
            rows = sessions_to_revise(self.summary, self.course)
            if not rows:
                return "<p>No session meets a revision rule (among sessions with enough answers).</p>"
            cells = "".join(
                f'<tr><td><a href="{_esc(session_href(self.course, REPORT_DOCNAME, r["session"]))}">{_esc(r["title"])}</a></td>'
                f'<td>{"<br>".join(_esc(x) for x in r["reasons"])}</td></tr>' for r in rows)
            return _scroll(f'<table class="evaluation-table"><thead><tr><th>Session</th><th>Why revise it</th></tr></thead><tbody>{cells}</tbody></table>')
        return self._guard(body)

    def method(self) -> HTML:
        def body():
            return "".join(f"<h3>{_esc(h)}</h3>" + "".join(f"<p>{_esc(p)}</p>" for p in paras)
                           for h, paras in method_note(self.summary))
        return self._guard(body)
