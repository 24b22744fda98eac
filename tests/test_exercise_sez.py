"""The SEZ survey exercise: the synthetic file is what its seed gives and carries the planted
problems; the checks say exactly what is still wrong; the model cleaning passes them all."""
from types import SimpleNamespace

import nbformat
import pandas as pd
import pytest

from trainingkit.exercises import SavedWork, dataset, dataset_info
from trainingkit.exercises.kit.quiz import load_quiz
from trainingkit.exercises.sez.checks import (
    check_all, check_dates, check_hours, check_job_category, check_one_row_per_interview, check_summary,
    check_yes_no, check_zone, expected_summary,
)
from trainingkit.exercises.sez.generate import FILE, SEED, ZONES, raw_survey, true_survey, write_survey
from trainingkit.exercises.sez.view import SezSurvey, summary_alt_text, summary_figure

from conftest import REPO
from exercise_notebooks import outputs_text

NOTEBOOK = REPO / "exercises/ex-sez-survey.ipynb"


@pytest.fixture(scope="module")
def raw():
    return dataset("sez-survey-synthetic")


@pytest.fixture(scope="module")
def model(raw):
    """The notebook's own model cleaning (its solution cell), run on the raw file."""
    nb = nbformat.read(NOTEBOOK, as_version=4)
    [cleaning] = [c.source for c in nb.cells if "solution" in c.metadata.get("tags", []) and "model = raw.copy()" in c.source]
    space = {"pd": pd, "raw": raw, "ex": SimpleNamespace(check=lambda _: None)}
    exec(cleaning, space)
    return space["model"]


def problems(checks):
    return [(c.message, c.hint) for c in checks if not c.ok]


def messages(checks):
    return [c.message for c in checks if not c.ok]


def test_the_committed_file_is_exactly_what_the_seed_gives(tmp_path):
    (tmp_path / "datasets").mkdir()
    assert write_survey(tmp_path).read_bytes() == (REPO / FILE).read_bytes()


def test_the_generator_is_repeatable_and_the_seed_matters():
    assert raw_survey(SEED).equals(raw_survey(SEED))
    assert not raw_survey(SEED + 1).equals(raw_survey(SEED))


def test_the_truth_has_180_interviews_in_the_seven_zones():
    truth = true_survey()
    assert truth["interview_id"].is_unique and len(truth) == 180
    assert truth["zone"].value_counts().to_dict() == {z.name: z.interviews for z in ZONES}


def test_the_raw_file_carries_each_planted_problem(raw):
    repeated = raw[raw["interview_id"].duplicated(keep=False)]
    assert len(raw) == 187 and repeated["interview_id"].nunique() == 7
    assert len(raw.drop_duplicates()) == 182  # two copies were re-typed, so only the id gives them away
    assert {"30/02/2017", "2017-04-31", "2071-06-05"} <= set(raw["interview_date"].dropna())
    assert raw["interview_date"].isna().sum() == 2
    assert {"Bavet", "Bavet ", "bavet"} <= set(raw["zone"]) and {"KH", "Burma", "Thai"} <= set(raw["country"])
    assert raw["hours_per_day"].str.contains("h", na=False).any() and raw["hours_per_day"].isna().any()
    assert {"Y", "yes", "N", "don't know"} <= set(raw["written_contract"].dropna())
    assert raw["age"].isna().any()


def test_the_data_package_says_the_survey_is_synthetic():
    info = dataset_info("sez-survey-synthetic")
    assert info["synthetic"] is True
    assert info["description"].startswith("SYNTHETIC DATA: no real person is in it")
    assert "SYNTHETIC" in info["title"]


def test_the_model_cleaning_passes_every_check(model):
    assert problems(check_all(model)) == []
    assert len(check_all(model)) == 8


def test_the_raw_file_fails_every_check_with_what_is_wrong(raw):
    found = messages(check_all(raw))
    assert found == [
        "14 rows still share an interview id (SEZ-019, SEZ-074, SEZ-110, …).",
        "`interview_date` is still text ('17/03/2017', '18/03/2017', '4/4/2017').",
        "The column `country` still has 'Burma', 'Cambodia ', 'KH', 'KHM' and 9 more.",
        "The column `zone` still has 'BAVET', 'Bavet ', 'Bavet SEZ', 'Koh Kong SEZ' and 16 more.",
        "The column `job_category` is missing.",
        "`hours_per_day` is still text ('11 hrs', '8 hrs', '12 hrs', …).",
        "The column `written_contract` still has 'N', 'No', 'Y', 'Yes' and 3 more.",
        "The column `employer_keeps_documents` still has 'N', 'No', 'Y', 'Yes' and 3 more.",
    ]


def test_dropping_only_identical_rows_leaves_the_retyped_copies(model, raw):
    half = model.copy()
    retyped = raw.drop_duplicates()
    retyped = retyped[retyped["interview_id"].duplicated(keep=False)]
    half = pd.concat([half, half[half["interview_id"].isin(retyped["interview_id"])]])
    [(message, hint)] = problems(check_one_row_per_interview(half))
    assert message == "4 rows still share an interview id (SEZ-110, SEZ-125)."
    assert "compare the ids, not whole rows: drop_duplicates(subset='interview_id')" in hint


def test_dropping_interviews_with_bad_dates_is_flagged(model, raw):
    bad = raw.loc[raw["interview_date"].isin(["30/02/2017", "2017-04-31", "2071-06-05"]), "interview_id"]
    [(message, hint)] = problems(check_one_row_per_interview(model[~model["interview_id"].isin(bad)]))
    assert message.startswith("Interviews missing: 3 (")
    assert "leave the bad value empty instead of dropping the row" in hint


def test_reading_every_date_day_first_swaps_the_year_first_ones(model, raw):
    naive = model.copy()
    typed = raw.drop_duplicates("interview_id").set_index("interview_id")["interview_date"]
    naive["interview_date"] = pd.to_datetime(naive["interview_id"].map(typed), format="mixed", dayfirst=True, errors="coerce")
    found = problems(check_dates(naive))
    assert found[0][0] == "Dates outside the 2017 fieldwork: 1 (SEZ-094: 2071-05-06)."
    assert found[1][0].startswith("Dates that are not the day of the interview: ")
    assert "was typed '2017-" in found[1][0] and "Were day and month swapped?" in found[1][1]
    assert len(found) == 2


def test_a_date_format_left_unread_is_reported_as_lost(model, raw):
    lossy = model.copy()
    lossy.loc[lossy["team"] == "T7", "interview_date"] = pd.NaT  # "March 14, 2017" not read
    [(message, hint)] = problems(check_dates(lossy))
    assert message.startswith("Good dates lost: 26 (SEZ-") and ", 2017'" in message
    assert hint == "These dates were typed in a format your code did not read. Add that format."


def test_zones_that_are_only_stripped_still_show_their_spellings(raw):
    stripped = raw.assign(zone=raw["zone"].str.strip())
    [(message, hint)] = problems(check_zone(stripped))
    assert message == "The column `zone` still has 'BAVET', 'Bavet SEZ', 'Koh Kong SEZ', 'Koh kong' and 13 more."
    assert hint.startswith("Map every spelling to one of Tak, Mukdahan, Sa Kaeo, Poipet, Koh Kong, Bavet, Thilawa")


def test_a_job_put_in_the_wrong_category_is_named(model):
    wrong = model.copy()
    wrong.loc[wrong["job_type"] == "seafood peeling", "job_category"] = "services"
    [(message, _)] = problems(check_job_category(wrong))
    peelers = (model["job_type"] == "seafood peeling").sum()
    first = model.loc[model["job_type"] == "seafood peeling", "interview_id"].iloc[0]
    assert message.startswith(f"Rows with the wrong job category: {peelers}. For example, {first} ('seafood peeling') is food processing, not services")


def test_blank_hours_made_zero_are_flagged(model):
    zero = model.assign(hours_per_day=model["hours_per_day"].fillna(0))
    [(message, hint)] = problems(check_hours(zero))
    assert message.startswith(f"Rows whose hours differ from the form: {model['hours_per_day'].isna().sum()} (")
    assert hint == "A blank answer must stay missing (NaN), not become 0."


def test_dont_know_counted_as_no_is_flagged(model, raw):
    as_no = model.copy()
    as_no["written_contract"] = as_no["written_contract"].fillna(False)
    found = problems(check_yes_no(as_no))
    assert [m.split(":")[0] for m, _ in found] == ["Answers in `written_contract` that differ from the form"]
    assert found[0][1] == "Check which spellings you mapped to True, to False and to missing."


def test_a_missing_job_category_column_says_how_to_make_it(raw):
    [(message, hint)] = problems(check_job_category(raw))
    assert message == "The column `job_category` is missing."
    assert hint == "Make a new column `job_category` from `job_type`, with only garment, electronics, food processing, services."


def test_a_renamed_column_is_asked_back(model):
    [(message, hint)] = problems(check_dates(model.rename(columns={"interview_date": "date"})))
    assert (message, hint) == ("The column `interview_date` is missing.", "Keep the column names of the file: rename it back.")


def test_yes_no_left_as_text_gets_the_dont_know_hint(raw):
    [contract, documents] = problems(check_yes_no(raw))
    assert "\"don't know\" and blanks are no answer: leave them missing (pd.NA)" in contract[1]
    assert documents[0].startswith("The column `employer_keeps_documents` still has")


def test_the_model_summary_passes_and_a_rounded_one_too(model):
    summary = expected_summary(model)
    assert problems(check_summary(summary)) == []
    assert problems(check_summary(summary.round(0))) == []
    assert problems(check_summary(summary.reset_index())) == []  # grouped with as_index=False


def test_a_summary_of_uncleaned_zones_asks_to_clean_first(raw):
    [(message, hint)] = problems(check_summary(raw.groupby("zone").agg(interviews=("interview_id", "size"))))
    assert message.startswith("The summary has 27 zones, not 7: ")
    assert hint == "Clean the `zone` column first (step 2), then group again."


def test_a_summary_with_missing_columns_or_dont_know_as_no_is_told_which(model):
    as_no = model.assign(written_contract=model["written_contract"].fillna(False))
    summary = expected_summary(as_no).drop(columns="median_hours")
    found = problems(check_summary(summary))
    assert found[0] == ("The summary has no column `median_hours` (the median of hours_per_day).",
                        "Add it in the .agg(...) of your summary cell.")
    assert found[1][0].startswith("`contract_pct` is not yet right for ")
    assert found[1][1] == "Is \"don't know\" left missing, so it does not count as no?"


def test_the_model_findings_match_the_model_summary(model):
    summary = expected_summary(model)
    documents, contract = summary["documents_kept_pct"], summary["contract_pct"]
    assert all(38 <= documents[z] <= 45 for z in ("Tak", "Mukdahan", "Sa Kaeo"))
    assert all(documents[z] < 10 for z in ("Poipet", "Koh Kong", "Bavet", "Thilawa"))
    assert contract.idxmin() == "Sa Kaeo" and contract["Sa Kaeo"] < 25
    assert summary["median_hours"].to_dict() == {"Bavet": 10, "Koh Kong": 9, "Mukdahan": 10, "Poipet": 10, "Sa Kaeo": 11, "Tak": 11, "Thilawa": 9}


def test_the_chart_is_titled_synthetic_and_described_in_its_alt_text(model):
    summary = expected_summary(model).round(1)
    assert summary_figure(summary)._suptitle.get_text() == "SYNTHETIC practice data: women migrant workers in SEZs, by zone"
    alt = summary_alt_text(summary)
    assert alt.startswith("Bar chart of SYNTHETIC practice data by zone. Bavet: 36 interviews, written contract 54%")
    assert "Sa Kaeo: 24 interviews, written contract 23%, employer keeps documents 41%" in alt


def test_findings_are_saved_and_come_back(tmp_path):
    notes = SezSurvey(SavedWork("ex-sez-survey", tmp_path))
    notes.text.value = "1. In the synthetic Sa Kaeo sample, fewer than 1 in 4 had a written contract."
    again = SezSurvey(SavedWork("ex-sez-survey", tmp_path))
    assert again.text.value == "1. In the synthetic Sa Kaeo sample, fewer than 1 in 4 had a written contract."


@pytest.fixture(scope="module")
def executed(executed_exercise):
    return executed_exercise("ex-sez-survey").nb


@pytest.mark.slow
def test_the_notebook_finds_the_planted_problems_and_its_model_cleaning_passes(executed):
    nb = executed
    trainee = outputs_text(nb)
    assert "14 rows still share an interview id" in trainee and "SYNTHETIC DATA" in trainee
    model = outputs_text(nb, tag="solution")
    assert "`median_hours`: right for all 7 zones." in model and "Hint:" not in model
    assert "alt=\"Bar chart of SYNTHETIC practice data by zone." in model


@pytest.mark.slow
def test_the_quiz_answers_with_feedback_in_a_browser_without_a_kernel(executed, page, tmp_path):
    nb = executed
    [cell] = [c for c in nb.cells if c.source.strip() == "show_quiz(ex.id)"]
    data = [o["data"] for o in cell.outputs]
    html = "".join(d["text/html"] for d in data if "text/html" in d)
    script = "".join(d["application/javascript"] for d in data if "application/javascript" in d)
    (tmp_path / "quiz.html").write_text(f"<html><body>{html}<script>{script}</script></body></html>", encoding="utf-8")
    page.goto((tmp_path / "quiz.html").as_uri())
    page.get_by_text("12 of 20, 60%").click()
    assert page.get_by_text("This counts 'don't know' as 'no'.").is_visible()
    page.get_by_text("12 of 18, about 67%").click()
    assert page.get_by_text("Yes: 'don't know' is no answer, so it is left out of the share.").is_visible()
    assert page.console_errors == []

def test_each_quiz_question_has_one_right_answer_and_feedback_for_every_answer():
    QUIZ = load_quiz("ex-sez-survey", REPO)
    assert len(QUIZ) == 3
    for question in QUIZ:
        assert [a["correct"] for a in question["answers"]].count(True) == 1
        assert all(a["feedback"] for a in question["answers"])
