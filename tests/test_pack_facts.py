"""The facts to re-check at the front of a day pack: only the rows the day's pages cite, with a
line that says so, and links made plain for paper."""
from trainingkit.pack import facts_note
from trainingkit.pack.compose import Page, article, links_to

PAGE = """<html><body><article class="bd-article"><section><h1>Facts to re-check before this delivery</h1>
<table><thead><tr><th>Fact</th><th>Used in</th></tr></thead><tbody>
<tr><td>ASEAN has 11 member states</td><td><a href="../modules/day1/d1-s3-asean-architecture.html">d1-s3</a>, <a href="glossary.html">glossary</a></td></tr>
<tr><td>Bangkok pays 400 baht</td><td><a href="../modules/day3/d3-s3-evidence-and-research.html">d3-s3</a></td></tr>
<tr><td>Thailand's law on foreign workers</td><td><a href="../exercises/ex-mayday-demands.html#x">ex-mayday-demands</a></td></tr>
<tr><td>Not cited yet</td><td>not cited yet</td></tr>
</tbody></table></section></article></body></html>"""


def facts_page(tmp_path):
    path = tmp_path / "book" / "facts-to-recheck.html"
    path.parent.mkdir(exist_ok=True)
    path.write_text(PAGE, encoding="utf-8")
    return Page(path)


def test_a_day_keeps_only_the_facts_its_sessions_and_exercises_cite(tmp_path):
    kept = article(facts_page(tmp_path), links_to(["modules/day1/d1-s3-asean-architecture", "exercises/ex-mayday-demands"]))
    rows = [r.find("td").get_text() for r in kept.select("tbody tr")]
    assert rows == ["ASEAN has 11 member states", "Thailand's law on foreign workers"]
    assert kept.select("a[href]") == []  # links to other pages mean nothing on paper


def test_without_a_filter_every_fact_stays(tmp_path):
    assert len(article(facts_page(tmp_path)).select("tbody tr")) == 4


def test_the_note_counts_the_day_s_facts(tmp_path):
    kept = article(facts_page(tmp_path), links_to(["modules/day3/d3-s3-evidence-and-research"]))
    assert facts_note(kept, 3).get_text() == ("Day 3: the 1 fact that this day's sessions and exercises cite. "
                                              "The trainer edition's page lists every fact of the course.")
    none = article(facts_page(tmp_path), links_to(["modules/day5/d5-s1-advocacy-action"]))
    assert facts_note(none, 5).get_text() == "Day 5: no session or exercise of this day cites a volatile fact."
