"""How facts reach the reader: the {fact} roles in a Sphinx build, the ratification table written
from the datasets, and the trainer page "Facts to re-check before this delivery"."""
import csv
import datetime as dt
import io
from contextlib import redirect_stderr

import pytest
import yaml
from bs4 import BeautifulSoup
from sphinx.application import Sphinx

from trainingkit.course import load_course
from trainingkit.facts import FACTS_FILE, load_facts, parse_facts, uses
from trainingkit.facts_recheck import recheck_markdown
from trainingkit.pages import expand_blocks
from trainingkit.ratification_table import COUNTRIES, load_cells, ratification_markdown

from conftest import REPO

FACT = {
    "id": "thai-wage-bangkok", "statement": "The daily minimum wage in Bangkok is 400 baht, since 1 July 2025",
    "value": "400 baht", "as_of": dt.date(2025, 11, 30), "confidence": "✅", "review_by": dt.date(2027, 3, 31),
    "sources": [{"url": "https://www.nationthailand.com/news/policy/40052011", "title": "The Nation Thailand", "code": "C57"}],
}


def sphinx_build(tmp_path, page: str, facts=(FACT,)):
    src, out = tmp_path / "src", tmp_path / "out"
    (src / "datasets").mkdir(parents=True)
    (src / FACTS_FILE).write_text(yaml.safe_dump({"facts": list(facts)}, allow_unicode=True), encoding="utf-8")
    (src / "conf.py").write_text("extensions = ['myst_parser', 'trainingkit.sphinx_facts']\nexclude_patterns = ['datasets']\n")
    (src / "index.md").write_text(page, encoding="utf-8")
    warnings = io.StringIO()
    app = Sphinx(str(src), str(src), str(out), str(tmp_path / "doctrees"), "html", status=None, warning=warnings)
    app.build()
    return BeautifulSoup((out / "index.html").read_text(encoding="utf-8"), "html.parser"), warnings.getvalue()


def test_the_fact_role_shows_the_statement_its_date_mark_and_a_link_to_its_source(tmp_path):
    soup, warnings = sphinx_build(tmp_path, "# Wages\n\nToday: {fact}`thai-wage-bangkok`.\n")
    assert warnings == ""
    abbr = soup.select_one("abbr.fact")
    assert abbr.get_text() == FACT["statement"]
    assert "Source: C57 The Nation Thailand <https://www.nationthailand.com/news/policy/40052011>" in abbr["title"]
    assert "re-check by 31 March 2027" in abbr["title"]
    meta = soup.select_one(".fact-meta")
    assert meta.get_text() == " (as of 30 November 2025, confirmed ✅: C57)"
    assert meta.find("a")["href"] == "https://www.nationthailand.com/news/policy/40052011"


def test_the_fact_value_role_shows_the_short_value(tmp_path):
    soup, _ = sphinx_build(tmp_path, "# Wages\n\nBangkok pays {fact-value}`thai-wage-bangkok` a day.\n")
    assert soup.select_one("abbr.fact").get_text() == "400 baht"


def test_an_unknown_fact_id_warns_with_the_page_and_shows_the_id(tmp_path):
    soup, warnings = sphinx_build(tmp_path, "# Wages\n\nToday: {fact}`thai-wage-bangkk`.\n")
    assert "index.md:3: WARNING: unknown fact id 'thai-wage-bangkk': add it to datasets/facts.yaml" in warnings
    assert soup.find("code").get_text() == "thai-wage-bangkk"


def test_the_ratification_table_has_every_cell_of_both_datasets_for_all_eleven_states():
    cells = load_cells(REPO)
    text = ratification_markdown(cells)
    rows = [line for line in text.splitlines() if line.startswith("| ") and not line.startswith("| |")]
    assert len(COUNTRIES) == 11 and len(rows) == 22  # two tables, eleven states each
    for name in ("ratifications.csv", "ratifications-more.csv"):
        for row in csv.DictReader((REPO / "datasets" / name).open(encoding="utf-8")):
            assert row["table_cell"] in text, row
    assert "| Thailand | ✘ ✅ *Aug 2025* | ✘ ✅ *Aug 2025* | ✔ 1969 ✅ *Aug 2025* | ✔ 4 Jun 2018 ✅ *Aug 2025* |" in text
    assert "| Timor-Leste | ✔ 2009 ✅ *2024* |" in text


def test_every_ratification_cell_points_to_a_known_fact():
    facts = load_facts(REPO)
    for name in ("ratifications.csv", "ratifications-more.csv", "stakeholders.csv", "thai-minimum-wage.csv"):
        for row in csv.DictReader((REPO / "datasets" / name).open(encoding="utf-8")):
            assert all(f in facts for f in (row.get("fact") or "").split()), (name, row)


def test_the_recheck_list_puts_overdue_facts_first_and_says_where_each_is_used():
    facts = parse_facts({"facts": [
        FACT,
        {**FACT, "id": "asean-members", "statement": "ASEAN has 11 member states", "review_by": dt.date(2026, 6, 30),
         "as_of": dt.date(2025, 10, 26)},
    ]})
    text = recheck_markdown(facts, {"thai-wage-bangkok": ["modules/day3/x.ipynb", "datasets/w.csv"]},
                            dt.date(2026, 12, 2), lambda rel: "../modules/day3/x.ipynb" if rel.endswith(".ipynb") else None)
    lines = text.splitlines()
    assert lines[0].startswith("This list was made on 2 December 2026") and "2 facts; 1 is past" in lines[0]
    assert lines[4].startswith("| ASEAN has 11 member states (`asean-members`) | ✅ confirmed | 26 October 2025 · 13 months · re-check by **30 June 2026 (overdue)** | not cited yet |")
    assert "| [x](../modules/day3/x.ipynb), w.csv (data) | [C57](https://www.nationthailand.com/news/policy/40052011) |" in lines[5]


def test_the_real_recheck_page_lists_every_fact_with_the_pages_that_cite_it():
    course = load_course(REPO)
    page = (REPO / "book/facts-to-recheck.md").read_text(encoding="utf-8")
    text = expand_blocks(page, course, "book/facts-to-recheck")
    facts, cited = load_facts(REPO), uses(REPO)
    for fact_id in facts:
        assert f"(`{fact_id}`)" in text, fact_id
    row = next(line for line in text.splitlines() if "(`asean-members`)" in line)
    assert "[d1-s3-asean-architecture](../modules/day1/d1-s3-asean-architecture.ipynb)" in row
    assert "[glossary](glossary.md)" in row
    # every fact the course cites is cited somewhere a trainer can find
    assert set(cited) <= set(facts)
    assert {"asean-members", "thai-wage-bangkok", "thai-foreign-workers-law", "almm-work-programme",
            "asean-secretary-general", "ratification-th-c87-c98", "mm-ilo-article-33"} <= set(cited)


def test_the_recheck_page_is_in_the_trainer_edition_only():
    assert "book/facts-to-recheck" in load_course(REPO).trainer_pages
