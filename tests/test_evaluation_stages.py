"""Every stage of a course reads as a report: the page, the Markdown and the JSON say what is
missing and show no None, NaN, warning or traceback; free text reaches a page as text."""
import re
import warnings

import pandas as pd
import pytest

from conftest import REPO
from trainingkit.course import load_course
from trainingkit.evaluation.document import write_report
from trainingkit.evaluation.model import schema
from trainingkit.evaluation.pilot_box import pilot_box
from trainingkit.evaluation.render import as_markdown
from trainingkit.evaluation.report import Report
from trainingkit.evaluation.sample import SAMPLE_ANSWERS, SAMPLE_ROSTER
from trainingkit.evaluation.summary import summarise
from trainingkit.evaluation.tallies import tallies_from_answers

COURSE = load_course(REPO)
ANSWERS = pd.read_csv(REPO / SAMPLE_ANSWERS, dtype=str, keep_default_na=False)
ROSTER = pd.read_csv(REPO / SAMPLE_ROSTER, dtype=str, keep_default_na=False)
JUNK = re.compile(r"\bNone\b|\bnan\b|NaN|Traceback|Warning|/work/|c_action_followup|acsc_apf|about_right|\bTrue\b|\bFalse\b")


def _day(frame):
    ids = frame.loc[frame["question"] == "day"].set_index("response_id")["value"]
    return frame["response_id"].map(ids).fillna("")


def _round(frame):
    ids = frame.loc[frame["question"] == "round"].set_index("response_id")["value"]
    return frame["response_id"].map(ids).fillna("")


STAGES = {
    "roster only": lambda a: a.iloc[0:0],
    "pre only": lambda a: a[a["form_id"] == "pre"],
    "day 1": lambda a: a[(a["form_id"] == "pre") | ((a["form_id"] == "daily") & (_day(a) == "1"))],
    "days 1-3": lambda a: a[(a["form_id"] == "pre") | ((a["form_id"] == "daily") & _day(a).isin(["1", "2", "3"]))],
    "all but post": lambda a: a[~a["form_id"].isin(["post", "followup"])],
    "full course": lambda a: a[a["form_id"] != "followup"],
    "follow-up m1": lambda a: a[(a["form_id"] != "followup") | (_round(a) == "m1")],
    "follow-up m3": lambda a: a[(a["form_id"] != "followup") | _round(a).isin(["m1", "m3"])],
    "follow-up m6": lambda a: a,
}


def stage_summary(name):
    return summarise(tallies_from_answers(STAGES[name](ANSWERS), ROSTER), COURSE, expected=17, min_cell=5,
                     synthetic=True, cohort="pilot-2016-synthetic")


def page(summary) -> str:
    report = Report(summary, COURSE)
    methods = ["banner", "key_findings", "profile", "response_rates", "sessions", "revise", "pre_post", "nps",
               "followup", "results", "comments", "groups", "method"]
    return "\n".join(getattr(report, m)().data for m in methods)


@pytest.mark.parametrize("stage", list(STAGES))
def test_each_stage_reads_as_a_report(stage):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        summary = stage_summary(stage)
        html, md, js = page(summary), as_markdown(summary, COURSE), summary.published().to_json()
    text_only = re.sub(r'src="data:image/png;base64,[^"]+"', "", html)
    assert not JUNK.search(text_only), JUNK.search(text_only).group(0)
    assert not JUNK.search(md.replace("None", "", 0)), JUNK.search(md).group(0)
    assert "NaN" not in js
    assert "SYNTHETIC" in html and "SYNTHETIC" in md


def test_what_is_missing_is_said():
    html = page(stage_summary("roster only"))
    assert "No forms yet." in html and "No daily forms yet." in html and "No follow-up yet" in html
    assert "<img" not in html  # no charts without data
    day1 = page(stage_summary("day 1"))
    assert "Learning: not measured yet" in day1 and "no answers yet" in day1
    assert day1.count("<img") == 1  # the usefulness chart only
    full = page(stage_summary("full course"))
    assert "no follow-up yet" in full.lower() and full.count("<img") == 3


def test_a_day_with_too_few_answers_says_how_many_it_has():
    answers = ANSWERS[(ANSWERS["form_id"] == "daily") & (_day(ANSWERS) == "1")]
    few = answers[answers["participant"].isin(["P01", "P02", "P03"])]
    summary = summarise(tallies_from_answers(few, ROSTER), COURSE, expected=17, min_cell=5, synthetic=True)
    assert "not enough answers yet: 3 of the 5 needed" in page(summary)
    box = pilot_box(summary, next(iter(summary.sessions)))
    assert "not enough answers yet: 3 of the 5 needed" in box and "mean" not in box


def test_an_empty_store_reads_as_no_feedback_yet():
    html = "\n".join(getattr(Report(None, COURSE), m)().data for m in ("banner", "key_findings", "sessions", "method"))
    assert "No feedback yet" in html and not JUNK.search(html)


HOSTILE = [
    "```{raw} html\n<script>alert(1)</script>\n```",
    "{raw}`html <b>bold</b>`",
    ":::{warning}\nhi\n:::",
    "```{code-cell} python\nimport os\n```",
    "$$\\frac{1}{2}$$ and $x^2$",
    "<img src=x onerror=alert(1)>",
    "[click](javascript:alert(1)) ![i](x.png)",
    "# heading\n- list\n1. item\n> quote",
    "{{ substitution }} &amp; *bold* _it_ | pipe",
]


def test_comments_reach_a_page_as_text_never_markup():
    from docutils.core import publish_parts
    from myst_parser.parsers.docutils_ import Parser

    rows = []
    for i in range(6):
        for j, text in enumerate(HOSTILE):
            rows += [(f"r{i}", "daily", f"P{i:02d}", "2016-06-04T17:00", "d1-s1", "useful", "4"),
                     (f"r{i}", "daily", f"P{i:02d}", "2016-06-04T17:00", "", "day", "1")]
    answers = pd.DataFrame(rows, columns=ANSWERS.columns).drop_duplicates()
    comments = pd.DataFrame([(f"r{i}", "daily", f"P{i:02d}", "2016-06-04T17:00", "d1-s1", "comment", HOSTILE[i % len(HOSTILE)])
                             for i in range(6)], columns=ANSWERS.columns)
    summary = summarise(tallies_from_answers(pd.concat([answers, comments]), None), COURSE, expected=None, min_cell=5)
    summary.comments.sessions["d1-s1"] = HOSTILE  # every construct, whatever the box's limit
    import trainingkit.evaluation.pilot_box as pb
    pb.MAX_BOX_COMMENTS, limit = len(HOSTILE), pb.MAX_BOX_COMMENTS
    try:
        box = pilot_box(summary, "d1-s1")
    finally:
        pb.MAX_BOX_COMMENTS = limit
    settings = {"myst_enable_extensions": ["colon_fence", "dollarmath", "deflist", "substitution", "tasklist"],
                "report_level": 5, "raw_enabled": False}
    body = publish_parts(box, parser=Parser(), writer_name="html5", settings_overrides=settings)["body"]
    for bad in ("<script", "<img src=x", "<b>bold</b>", 'class="math', "<h1", "<ol", "<blockquote", "href=\"javascript", "<pre",
                "admonition warning", "system-message"):
        assert bad not in body.split("Pilot feedback", 1)[1], bad
    assert body.count("<li>") == len(HOSTILE)  # one list item per comment, nothing else
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body and "{{ substitution }} &amp;amp; *bold* _it_ | pipe" in body


def test_the_report_pages_escape_comments():
    summary = stage_summary("full course")
    summary.comments.sessions["d1-s1"] = ["<script>alert(1)</script>"]
    html = Report(summary, COURSE).comments().data
    assert "<script>" not in html and "&lt;script&gt;" in html


def test_the_summary_schema_keeps_the_contract_keys_and_is_published():
    import json

    from trainingkit.evaluation.model import SCHEMA_FILE

    props = schema()["properties"]
    assert {"sessions", "pre_post", "nps", "response_rates", "breakdowns", "min_cell"} <= set(props)
    assert json.loads(SCHEMA_FILE.read_text(encoding="utf-8")) == schema(), "regenerate: trainingkit feedback summary --format schema"
    defs = schema()["$defs"]
    assert {"n", "mean", "median", "top2_pct", "dist"} <= set(defs["Likert"]["properties"])
    assert {"n_pairs", "mean_pre", "mean_post", "mean_change", "improved_pct", "wilcoxon_p"} <= set(defs["PrePost"]["properties"])
    assert {"responded", "expected", "rate"} == set(defs["Rate"]["properties"])


def test_the_docx_report_reads_back(tmp_path):
    import docx

    path = write_report(tmp_path / "pilot.docx", stage_summary("follow-up m6"), COURSE)
    doc = docx.Document(path)
    headings = [p.text for p in doc.paragraphs if p.style.name.startswith(("Heading", "Title"))]
    assert headings[0].startswith("SYNTHETIC DATA – Evaluation report")
    assert {"Key findings", "Targets", "Who took part", "Level 1 · Reaction", "Level 4 · Results", "Method note"} <= set(headings)
    cells = [c.text for t in doc.tables for row in t.rows for c in row.cells]
    assert "Each session rated 4 or 5 by at least 80 % of those who rated it" in cells and "Cambodia" in cells
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "4 June 2016 to 8 June 2016, Bangkok, Thailand" in text
    assert "The group work was the most useful part." not in text + "".join(cells)  # no comments in a published report


@pytest.mark.slow(seconds=20)  # the whole module's length
def test_the_pdf_report_reads_back(tmp_path):
    from pypdf import PdfReader

    path = write_report(tmp_path / "pilot.pdf", stage_summary("follow-up m6"), COURSE)
    import unicodedata

    text = unicodedata.normalize("NFKC", " ".join(p.extract_text() for p in PdfReader(path).pages))  # ﬁ → fi
    text = " ".join(text.split())
    for words in ("SYNTHETIC DATA", "Key findings", "Who took part", "Targets", "Level 4 · Results", "Method note",
                  "Bangkok, Thailand"):
        assert words in text, words


def test_a_section_from_another_package_joins_the_page_and_the_report(tmp_path):
    import docx

    from trainingkit.evaluation.model import Measure, Section

    def action_plans(summary, course):  # as the follow-up package would add its figures
        return Section(key="plans", title="Action plans", level=3,
                       measures=[Measure(label="Plans with a first step done", value="60 %", n=10)])

    summary = stage_summary("follow-up m6")
    html = Report(summary, COURSE, extra=[action_plans]).more().data
    assert "<h3>Action plans</h3>" in html and "<td>Plans with a first step done</td><td>60 %</td><td>10</td>" in html
    doc = docx.Document(write_report(tmp_path / "r.docx", summary, COURSE, extra=[action_plans]))
    assert "Action plans" in [p.text for p in doc.paragraphs]
