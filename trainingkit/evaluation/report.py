"""The evaluation report page (``book/evaluation.ipynb``, trainer edition only): each method
returns one section as HTML, so the notebook is a few one-line cells."""
from __future__ import annotations

import html

from IPython.display import HTML

from ..course import Course, load_course
from ..paths import course_root
from . import charts
from .book import is_negative, load_summary, session_href, sessions_to_revise
from .tables import response_rates_table

REPORT_DOCNAME = "book/evaluation"


def _esc(text) -> str:
    return html.escape(str(text))


def _table(headers: list[str], rows: list[list]) -> str:
    head = "".join(f"<th>{_esc(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>" for row in rows)
    return f'<table class="evaluation-table"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


class Report:
    def __init__(self, summary: dict | None, course: Course):
        self.summary, self.course = summary, course
        self.synthetic = bool(summary) and summary["data"] == "synthetic"

    def _empty(self) -> HTML | None:
        return None if self.summary else HTML("<p><em>No feedback yet.</em></p>")

    def banner(self) -> HTML:
        if not self.summary:
            return HTML('<div class="admonition warning"><p class="admonition-title">No feedback yet</p>'
                        "<p>The feedback store is empty and there is no synthetic sample in datasets/.</p></div>")
        if self.synthetic:
            return HTML(
                '<div class="admonition warning evaluation-banner"><p class="admonition-title">Synthetic data</p>'
                f"<p>This report shows <strong>synthetic data</strong> (cohort <code>{_esc(self.summary['cohort'])}</code>), "
                "made up to show how the report works. It is not feedback from real trainees. When the feedback store "
                "holds real feedback for the course's cohort, rebuild the book to see the real report.</p></div>"
            )
        return HTML(
            f'<div class="admonition note evaluation-banner"><p class="admonition-title">Real feedback</p>'
            f"<p>This report shows the feedback in the store for cohort <code>{_esc(self.summary['cohort'])}</code>. "
            f"Groups with fewer than {self.summary['min_cell']} respondents are not shown.</p></div>"
        )

    def response_rates(self) -> HTML:
        if empty := self._empty():
            return empty
        frame = response_rates_table(self.summary)
        labels = {"m1": "1 month", "m3": "3 months", "m6": "6 months"}
        rows = [
            [_esc(r.form), _esc(f"day {r.occasion}" if r.form == "daily" else labels.get(r.occasion, r.occasion)),
             r.responded, "–" if r.expected is None else r.expected, "–" if r.rate is None else f"{r.rate} %"]
            for r in frame.itertuples()
        ]
        return HTML(_table(["Form", "When", "Responded", "Expected (roster)", "Rate"], rows))

    def sessions(self) -> HTML:
        if empty := self._empty():
            return empty
        fig, alt = charts.usefulness_chart(self.summary, self.course, self.synthetic)
        return HTML(charts.figure_html(fig, alt, "Usefulness of each session, in programme order; n = answers per session."))

    def pre_post(self) -> HTML:
        if empty := self._empty():
            return empty
        fig, alt = charts.pre_post_chart(self.summary, self.synthetic)
        outcomes = {f"c_{o.id}": o.text for o in self.course.config.outcomes}
        rows = [
            [f"<code>{_esc(k)}</code> {_esc(outcomes.get(k, ''))}", v["n_pairs"], v["mean_pre"], v["mean_post"],
             v["mean_change"], f"{v['improved_pct']} %", "–" if v["wilcoxon_p"] is None else v["wilcoxon_p"]]
            for k, v in self.summary["pre_post"].items()
        ]
        table = _table(["Competence", "Pairs (n)", "Before", "After", "Change", "Improved", "Wilcoxon p"], rows)
        note = "<p>Wilcoxon signed-rank test (Pratt), shown only from 6 pairs up. Self-ratings, not a test of knowledge.</p>"
        return HTML(charts.figure_html(fig, alt, "Mean self-rated competence before and after.") + table + note)

    def nps(self) -> HTML:
        if empty := self._empty():
            return empty
        fig, alt = charts.nps_chart(self.summary, self.synthetic)
        n = self.summary["nps"]
        text = (f"<p>Net Promoter Score <strong>{n['score']}</strong> (n = {n['n']}): % of 9–10 minus % of 0–6. "
                f"Overall rating of the course: mean {self.summary['end']['overall']['mean']} of 5 "
                f"(n = {self.summary['end']['overall']['n']}).</p>")
        return HTML(text + charts.figure_html(fig, alt, "Answers to: how likely are you to recommend the course?"))

    def followup(self) -> HTML:
        if empty := self._empty():
            return empty
        if not self.summary["followup"]:
            return HTML("<p><em>No follow-up forms yet.</em></p>")
        fig, alt = charts.followup_chart(self.summary, self.synthetic)
        labels = {"m1": "1 month", "m3": "3 months", "m6": "6 months"}
        rows = [
            [_esc(labels.get(r, r)), _esc(action), a["n"], f"{a['pct']} %"]
            for r, s in self.summary["followup"].items() for action, a in s["actions"]["by_type"].items()
        ]
        return HTML(charts.figure_html(fig, alt, "Share of respondents still engaged in ASEAN advocacy, by round.")
                    + _table(["Round", "Action taken", "Trainees", "Share of those who answered"], rows))

    def comments(self) -> HTML:
        if empty := self._empty():
            return empty
        parts = []
        for sid, comments in self.summary["comments"]["sessions"].items():
            title = self.course.session(sid).title if sid in {s.id for s in self.course.sessions} else sid
            items = "".join(
                f"<li>{_esc(c)}{' <em>(critical)</em>' if is_negative(c) else ''}</li>" for c in comments
            )
            parts.append(f"<h4>{_esc(sid)} {_esc(title)}</h4><ul>{items}</ul>")
        return HTML("".join(parts) or "<p><em>No comments yet.</em></p>")

    def groups(self) -> HTML:
        if empty := self._empty():
            return empty
        rows = []
        for attribute, groups in self.summary["breakdowns"].items():
            for group, s in groups.items():
                if s.get("suppressed"):
                    rows.append([_esc(attribute), _esc(group), f"<em>fewer than {self.summary['min_cell']} respondents: not shown</em>", "", "", ""])
                else:
                    rows.append([_esc(attribute), _esc(group), s["n"], s["useful_mean"], s["overall_mean"], s["recommend_mean"]])
        if not rows:
            return HTML("<p><em>No roster: group figures need the participants' country, organisation type and membership.</em></p>")
        return HTML(_table(["Attribute", "Group", "Respondents", "Usefulness (mean)", "Overall (mean)", "Recommend (mean)"], rows))

    def revise(self) -> HTML:
        if empty := self._empty():
            return empty
        rows = [
            [f'<a href="{_esc(session_href(self.course, REPORT_DOCNAME, r["session"]))}">{_esc(r["session"])} {_esc(r["title"])}</a>',
             "<br>".join(_esc(x) for x in r["reasons"])]
            for r in sessions_to_revise(self.summary, self.course)
        ]
        if not rows:
            return HTML("<p>No session meets a revision rule.</p>")
        return HTML(_table(["Session", "Why revise it"], rows))


def load_report() -> Report:
    course = load_course(course_root())
    return Report(load_summary(course), course)
