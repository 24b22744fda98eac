"""datasets/facts.yaml: the course's volatile facts, each written once and cited by id."""
import datetime as dt

import nbformat
import pytest
import yaml

from trainingkit.facts import FACTS_FILE, FactsError, age_text, citations, load_facts, parse_facts, uses, written_out

from conftest import REPO
from coursefactory import markdown

GOOD = {
    "id": "thai-wage-bangkok",
    "statement": "The daily minimum wage in Bangkok is 400 baht, since 1 July 2025",
    "value": "400 baht",
    "as_of": dt.date(2025, 11, 30),
    "confidence": "✅",
    "review_by": dt.date(2027, 3, 31),
    "sources": [{"url": "https://www.nationthailand.com/news/policy/40052011", "title": "Nation Thailand", "code": "C57"}],
}


def test_the_real_facts_file_loads_and_holds_the_members_fact():
    facts = load_facts(REPO)
    assert facts["asean-members"].value == "11"
    assert "Timor-Leste" in facts["asean-members"].statement
    assert facts["thai-wage-bangkok"].value == "400 baht"
    assert facts["thai-wage-bangkok"].confidence == "✅"


def test_every_fact_has_a_source_with_an_address_and_is_dated():
    for fact in load_facts(REPO).values():
        assert fact.sources and all(s.url.startswith("https://") for s in fact.sources), fact.id
        assert fact.as_of <= fact.review_by, fact.id


def test_a_good_fact_parses():
    facts = parse_facts({"facts": [GOOD]})
    assert facts["thai-wage-bangkok"].short == "400 baht"


@pytest.mark.parametrize(
    "change, where, words",
    [
        ({"id": "Thai Wage"}, "facts/0 (Thai Wage)/id", "should match pattern"),
        ({"confidence": "ok"}, "facts/0 (thai-wage-bangkok)/confidence", "'✅', '⚠️' or '❓'"),
        ({"review_by": dt.date(2020, 1, 1)}, "facts/0 (thai-wage-bangkok)", "review_by (2020-01-01) is before as_of"),
        ({"sources": []}, "facts/0 (thai-wage-bangkok)/sources", "at least 1 item"),
        ({"sources": [{"url": "nation.com", "title": "x"}]}, "facts/0 (thai-wage-bangkok)/sources/0/url", "should match pattern"),
        ({"statement": "Bangkok pays 400 baht."}, "facts/0 (thai-wage-bangkok)/statement", "without a final full stop"),
        ({"colour": "red"}, "facts/0 (thai-wage-bangkok)/colour", "Extra inputs are not permitted"),
        ({"as_of": "last year"}, "facts/0 (thai-wage-bangkok)/as_of", "valid date"),
    ],
)
def test_a_bad_fact_is_reported_with_its_key_path(change, where, words):
    with pytest.raises(FactsError) as caught:
        parse_facts({"facts": [{**GOOD, **change}]})
    (found,) = caught.value.findings
    assert (found.path, found.key) == (FACTS_FILE, where)
    assert words in found.message
    assert str(caught.value).startswith(f"{FACTS_FILE}: {where}: ")


def test_an_id_used_twice_is_reported():
    with pytest.raises(FactsError) as caught:
        parse_facts({"facts": [GOOD, GOOD]})
    assert [(f.key, f.message) for f in caught.value.findings] == [("facts/1 (thai-wage-bangkok)", "id 'thai-wage-bangkok' is used twice")]


def test_a_file_without_a_facts_list_is_reported():
    with pytest.raises(FactsError, match="one key, 'facts:'"):
        parse_facts(["not", "a", "mapping"])


def test_broken_yaml_names_the_file(tmp_path):
    (tmp_path / "datasets").mkdir()
    (tmp_path / FACTS_FILE).write_text("facts: [\n")
    with pytest.raises(FactsError) as caught:
        load_facts(tmp_path)
    (found,) = caught.value.findings
    assert (found.path, found.line) == (FACTS_FILE, 2)
    assert found.message.startswith("not valid YAML")


def test_a_course_without_a_facts_file_has_no_facts(tmp_path):
    assert load_facts(tmp_path) == {}


def test_citations_are_found_in_pages_cells_csv_columns_and_yaml_fields(tmp_path):
    (tmp_path / "book").mkdir()
    (tmp_path / "book/index.md").write_text("ASEAN has {fact-value}`asean-members` members.\n")
    (tmp_path / "modules").mkdir()
    nb = nbformat.v4.new_notebook(cells=[markdown("Intro"), markdown("Wage: {fact}`thai-wage-bangkok`.")])
    nbformat.write(nb, tmp_path / "modules/s.ipynb")
    (tmp_path / "datasets").mkdir()
    (tmp_path / "datasets/r.csv").write_text("country,fact\nThailand,ratification-th-c87-c98 ratifications-table\nLao PDR,\n")
    (tmp_path / "trainingkit/exercises").mkdir(parents=True)
    (tmp_path / "trainingkit/exercises/q.yml").write_text(yaml.safe_dump({"questions": [{"text": "x", "fact": "asean-members"}]}))
    (tmp_path / "trainingkit/exercises/hints.py").write_text('HINT = "Note: {fact}`acwc-representatives`."\n')
    (tmp_path / "book/notes.py").write_text('X = "{fact}`not-a-citation-outside-the-exercises`"\n')
    found = {(c.path, c.cell, c.fact_id) for c in citations(tmp_path)}
    assert found == {
        ("book/index.md", None, "asean-members"),
        ("modules/s.ipynb", 1, "thai-wage-bangkok"),
        ("datasets/r.csv", 2, "ratification-th-c87-c98"),
        ("datasets/r.csv", 2, "ratifications-table"),
        ("trainingkit/exercises/q.yml", None, "asean-members"),
        ("trainingkit/exercises/hints.py", None, "acwc-representatives"),
    }
    assert uses(tmp_path)["asean-members"] == ["book/index.md", "trainingkit/exercises/q.yml"]


def test_age_is_told_in_months_or_days():
    fact = parse_facts({"facts": [GOOD]})["thai-wage-bangkok"]
    assert age_text(fact, dt.date(2026, 12, 2)) == "12 months"
    assert age_text(fact, dt.date(2025, 12, 1)) == "1 day"
    assert age_text(fact, dt.date(2025, 12, 30)) == "1 month"
    assert fact.stale(dt.date(2027, 4, 1)) and not fact.stale(dt.date(2027, 3, 31))


def test_a_role_outside_sphinx_is_written_out_with_its_as_of_date_and_confidence():
    facts = parse_facts({"facts": [GOOD]})
    text = "Bangkok pays {fact-value}`thai-wage-bangkok` a day. {fact}`thai-wage-bangkok`."
    assert written_out(text, facts, "exercises/quizzes/q.json") == (
        "Bangkok pays 400 baht (as of 30 November 2025, confirmed ✅) a day. "
        "The daily minimum wage in Bangkok is 400 baht, since 1 July 2025 (as of 30 November 2025, confirmed ✅).")


def test_a_role_naming_no_fact_is_refused_with_the_file():
    with pytest.raises(FactsError) as caught:
        written_out("See {fact}`asean-member`.", parse_facts({"facts": [GOOD]}), "exercises/keys/k.yml")
    assert [(f.path, f.key, f.message) for f in caught.value.findings] == [
        ("exercises/keys/k.yml", None, f"unknown fact id 'asean-member': add it to {FACTS_FILE} or fix the id")]


def test_keys_and_quizzes_never_type_an_as_of_date_by_hand():
    """A volatile fact in a key or a quiz is a role, so its date follows the fact sheet."""
    typed = [(path.relative_to(REPO).as_posix(), line.strip()[:80])
             for folder in ("exercises/keys", "exercises/quizzes") for path in sorted((REPO / folder).glob("*"))
             for line in path.read_text(encoding="utf-8").splitlines()
             if "as of" in line.lower() and not line.lstrip().startswith("#")]
    assert typed == []
