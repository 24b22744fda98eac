"""The checker's fact rules: facts.yaml is valid, every cited id exists, no page counts the
member states by hand, and a cited fact past its review date warns (fails with --strict-facts)."""
import datetime as dt

import yaml
from click.testing import CliRunner

from trainingkit.check import check_course, stale_facts
from trainingkit.cli import main
from trainingkit.facts import FACTS_FILE

from conftest import REPO
from coursefactory import edit_notebook, markdown


def fact(fact_id="asean-members", **change):
    return {
        "id": fact_id, "statement": "ASEAN has 11 member states", "value": "11",
        "as_of": dt.date(2026, 12, 2), "confidence": "✅", "review_by": dt.date(2027, 6, 30),
        "sources": [{"url": "https://www.asiaone.com/asia/timor-leste", "title": "AsiaOne", "code": "A39"}],
        **change,
    }


def write_facts(root, *facts):
    (root / "datasets").mkdir(exist_ok=True)
    (root / FACTS_FILE).write_text(yaml.safe_dump({"facts": list(facts)}, allow_unicode=True))


def cite(root, text):
    edit_notebook(root / "modules/day1/d1-s2-topic.ipynb", lambda nb: nb.cells.append(markdown(text)))


def problems(root):
    return [str(f) for f in check_course(root)]


def test_a_cited_fact_that_exists_passes(course_dir):
    write_facts(course_dir, fact())
    cite(course_dir, "ASEAN has {fact-value}`asean-members` members.")
    assert problems(course_dir) == []


def test_an_unknown_fact_id_fails_with_its_cell(course_dir):
    write_facts(course_dir, fact())
    cite(course_dir, "Bangkok pays {fact}`thai-wage-bangkk`.")
    assert problems(course_dir) == [
        "modules/day1/d1-s2-topic.ipynb:2: unknown fact id 'thai-wage-bangkk': add it to datasets/facts.yaml or fix the id"
    ]


def test_an_unknown_id_in_a_dataset_column_fails_with_its_row(course_dir):
    write_facts(course_dir, fact())
    (course_dir / "datasets/r.csv").write_text("country,fact\nThailand,asean-members\nLao PDR,ratification-la-c87\n")
    assert problems(course_dir) == [
        "datasets/r.csv:3: unknown fact id 'ratification-la-c87': add it to datasets/facts.yaml or fix the id"
    ]


def test_a_citation_without_any_facts_file_fails(course_dir):
    cite(course_dir, "{fact}`asean-members`")
    assert problems(course_dir) == [
        "modules/day1/d1-s2-topic.ipynb:2: unknown fact id 'asean-members': add it to datasets/facts.yaml or fix the id"
    ]


def test_an_invalid_facts_file_is_reported_with_key_paths(course_dir):
    write_facts(course_dir, fact(confidence="sure"), fact("asean-members"))
    assert problems(course_dir) == [
        "datasets/facts.yaml: facts/0 (asean-members)/confidence: Input should be '✅', '⚠️' or '❓'",
    ]


def test_a_page_that_counts_the_members_by_hand_fails(course_dir):
    write_facts(course_dir, fact())
    cite(course_dir, "ASEAN's ten member states meet. ASEAN has {fact-value}`asean-members` members.")
    (course_dir / "book/index.md").write_text("# Test book\n\nThe 11 ASEAN members. The ten ASEAN countries. ASEAN-10.\n"
                                              "The five Mekong countries and 17 trainees are not counts of members.\n")
    assert problems(course_dir) == [
        "book/index.md: '11 ASEAN members': state the number of member states through {fact-value}`asean-members`, which changes when ASEAN does",
        "book/index.md: 'ASEAN-10': state the number of member states through {fact-value}`asean-members`, which changes when ASEAN does",
        "book/index.md: 'ten ASEAN countries': state the number of member states through {fact-value}`asean-members`, which changes when ASEAN does",
        "modules/day1/d1-s2-topic.ipynb:2: 'ten member states': state the number of member states through {fact-value}`asean-members`, which changes when ASEAN does",
    ]


def test_a_cited_fact_past_its_review_date_is_a_warning_not_an_error(course_dir):
    write_facts(course_dir, fact(review_by=dt.date(2027, 6, 30)), fact("uncited", review_by=dt.date(2027, 1, 1)))
    cite(course_dir, "{fact}`asean-members`")
    assert problems(course_dir) == []
    assert stale_facts(course_dir, dt.date(2027, 6, 30)) == []
    (warning,) = stale_facts(course_dir, dt.date(2027, 7, 1))  # the uncited fact does not warn
    assert str(warning) == ("datasets/facts.yaml: fact 'asean-members' was due for re-checking on 2027-06-30 "
                            "(as of 2026-12-02): check its sources, then update as_of and review_by")


def test_the_cli_warns_on_a_stale_fact_and_fails_with_strict_facts(course_dir):
    write_facts(course_dir, fact(as_of=dt.date(2020, 1, 1), review_by=dt.date(2020, 6, 30)))
    cite(course_dir, "{fact}`asean-members`")
    env = {"TRAININGKIT_ROOT": str(course_dir)}
    relaxed = CliRunner().invoke(main, ["check"], env=env)
    assert relaxed.exit_code == 0
    assert "warning: datasets/facts.yaml: fact 'asean-members' was due for re-checking on 2020-06-30" in relaxed.output
    strict = CliRunner().invoke(main, ["check", "--strict-facts"], env=env)
    assert strict.exit_code == 1
    assert "datasets/facts.yaml: fact 'asean-members' was due for re-checking on 2020-06-30" in strict.output


def test_no_page_of_the_real_course_counts_the_members_by_hand():
    from trainingkit.check import member_counts
    from trainingkit.course import load_course
    assert member_counts(load_course(REPO)) == []


def test_the_real_course_cites_only_known_facts_and_none_is_overdue_today():
    assert [str(f) for f in check_course(REPO) if "fact" in f.message] == []
    assert stale_facts(REPO, dt.date(2026, 12, 2)) == []
