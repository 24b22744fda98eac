"""The summary computed in the store (SQL tallies) equals the one computed with pandas, on
SQLite and PostgreSQL; the CLI simulates, summarises and exports; the sample is current."""
import json
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from click.testing import CliRunner

from conftest import REPO
from test_store import pg_server, pg_url, url  # noqa: F401  the store's SQLite/PostgreSQL fixtures
from trainingkit.cli import main
from trainingkit.course import load_course
from trainingkit.evaluation.sample import SAMPLE_ANSWERS, SAMPLE_ROSTER, sample_summary
from trainingkit.evaluation.simulate import simulate, simulate_into
from trainingkit.evaluation.source import store_summary
from trainingkit.evaluation.summary import summarise
from trainingkit.evaluation.tallies import tallies_from_answers
from trainingkit.feedback import FeedbackStore
from trainingkit.forms import load_forms


@pytest.fixture(scope="module")
def course():
    return load_course(REPO)


def test_the_sample_in_datasets_is_what_simulate_makes_today(course):
    roster, answers = simulate(course, load_forms(course), 17, 2016)
    stored = pd.read_csv(REPO / SAMPLE_ANSWERS, dtype=str, keep_default_na=False)
    assert stored.equals(answers.astype(str)), "the course changed: run `trainingkit feedback simulate --sample`"
    assert pd.read_csv(REPO / SAMPLE_ROSTER, dtype=str).equals(roster.astype(str))


def test_the_sample_has_17_trainees_from_four_countries_and_late_leavers(course):
    roster, answers = simulate(course, load_forms(course), 17, 2016)
    assert len(roster) == 17 and roster["country"].nunique() == 4
    finished = set(answers.loc[answers["form_id"] == "end", "participant"])
    assert len(set(roster["participant"]) - finished) == 2


def test_summary_from_the_store_equals_summary_from_pandas(url, course):  # noqa: F811
    store = FeedbackStore(url, root=REPO)
    simulate_into(REPO, 17, 2016, store)
    cohort = course.config.cohort + "-synthetic"
    from_store = store_summary(course, url, cohort)
    answers = store.answers(cohort=cohort)
    answers["submitted_at"] = answers["submitted_at"].dt.strftime("%Y-%m-%dT%H:%M")
    roster = store.roster(cohort=cohort).assign(member=lambda r: r["member"].map({True: "yes", False: "no"}))
    from_pandas = summarise(tallies_from_answers(answers, roster), course, expected=17, min_cell=5, synthetic=True, cohort=cohort)
    assert from_store == from_pandas
    assert from_store.data == "synthetic" and from_store.response_rates["pre"].model_dump() == {"responded": 17, "expected": 17, "rate": 100.0}
    store.close()


def test_reading_a_store_that_does_not_exist_creates_nothing(tmp_path, course):
    url = f"sqlite:///{tmp_path / 'var/feedback.sqlite'}"
    assert store_summary(course, url) is None
    assert not (tmp_path / "var").exists()


def test_the_sample_summary_is_labelled_synthetic(course):
    summary = sample_summary(course)
    assert (summary.data, summary.cohort, summary.min_cell) == ("synthetic", "pilot-2016-synthetic", 5)


def cli(*args, db):
    return CliRunner().invoke(main, list(args), env={"TRAININGKIT_ROOT": str(REPO), "TRAININGKIT_DB": db})


def test_simulate_then_the_readme_commands_use_it_marked_synthetic(tmp_path):
    db = f"sqlite:///{tmp_path / 'feedback.sqlite'}"
    made = cli("feedback", "simulate", "--seed", "7", db=db)
    assert made.exit_code == 0 and "SYNTHETIC pilot, cohort 'pilot-2016-synthetic'" in made.output
    # the README's next commands, as written there: no --cohort needed
    summary = json.loads(cli("feedback", "summary", db=db).output)
    assert (summary["data"], summary["cohort"]) == ("synthetic", "pilot-2016-synthetic")
    assert set(summary) >= {"sessions", "pre_post", "nps", "response_rates", "breakdowns", "min_cell", "end", "followup"}
    assert summary["comments"] == {"sessions": {}, "days": {}, "results": {}} and summary["end"]["most_useful"] == []  # published: no comments
    assert json.loads(cli("feedback", "summary", "--min-cell", "3", db=db).output)["min_cell"] == 3
    refused = cli("feedback", "summary", "--min-cell", "2", db=db)
    assert refused.exit_code == 1 and "--min-cell 2 is too small" in refused.output
    md = cli("feedback", "summary", "--format", "md", db=db).output
    assert md.startswith("# Pilot evaluation summary\n\n**SYNTHETIC DATA**")
    assert "None" not in md and "nan" not in md.lower() and "\\`" not in md
    out = tmp_path / "pilot.xlsx"
    assert cli("feedback", "export", "-o", str(out), db=db).exit_code == 0
    book = openpyxl.load_workbook(out)
    assert book.sheetnames[0] == "About" and book["answers"].max_row > 500
    for sheet in book.worksheets:
        assert sheet["A1"].value.startswith("SYNTHETIC DATA"), sheet.title
        assert sheet.freeze_panes == "A3" and sheet.auto_filter.ref, sheet.title
    about = {r[0]: r[2] for r in book["About"].iter_rows(min_row=3, values_only=True)}
    assert about["answers"].startswith("INTERNAL")
    rates = list(book["response_rates"].iter_rows(min_row=3, values_only=True))
    assert rates[0][:3] == ("Pre-course form", None, 17) and isinstance(rates[0][2], int)


def test_a_real_cohort_is_never_mixed_with_the_synthetic_one(tmp_path):
    db = f"sqlite:///{tmp_path / 'feedback.sqlite'}"
    cli("feedback", "simulate", db=db)
    store = FeedbackStore(db, root=REPO)
    store.set_roster([{"participant": f"R{i}", "country": "Cambodia", "org_type": "NGO", "member": True} for i in range(6)])
    store.close()
    summary = json.loads(cli("feedback", "summary", db=db).output)
    assert (summary["data"], summary["cohort"]) == ("real", "pilot-2016")
    # no form sent; the follow-up rounds (long past) are the status's: 0 of the 6 on the roster
    assert set(summary["response_rates"]) == {"followup"} and summary["profile"]["participants"] == 6
    assert summary["response_rates"]["followup"]["m1"] == {"responded": 0, "expected": 6, "rate": 0.0}
    md = cli("feedback", "summary", "--format", "md", db=db).output
    assert "SYNTHETIC" not in md and "No daily forms yet." in md


def test_a_marked_version_counts_and_replaced_versions_are_said(tmp_path, course):
    store = FeedbackStore(f"sqlite:///{tmp_path / 'feedback.sqlite'}", root=REPO)
    for i in range(5):
        store.submit("end", {"overall": 4, "recommend": 8}, participant=f"P{i:02d}", response_id=f"e{i}")
    store.submit("end", {"overall": 1, "recommend": 0}, participant="P00", response_id="e0-later")  # P00 changed their mind
    url = f"sqlite:///{tmp_path / 'feedback.sqlite'}"
    latest = store_summary(course, url)
    assert latest.replaced == 1 and latest.end.overall.mean == 3.4  # (1 + 4 * 4) / 5
    store.mark_version("e0")  # the organiser counts the first one
    marked = store_summary(course, url)
    assert marked.replaced == 1 and marked.end.overall.mean == 4.0
    from trainingkit.evaluation.findings import findings
    assert "Data: 1 response was replaced by a later version (or by one the organiser marked) and not counted." in findings(marked, course)
    store.close()
