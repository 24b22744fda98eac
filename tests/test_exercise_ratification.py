"""Ratification map: the data reproduces the fact sheet's table exactly; the matrix, gap and ask
checks pass right answers and name the usual slips; the ask is saved and reloads."""
import json
import re

import pandas as pd
import pytest

from trainingkit.exercises import SavedWork, dataset, dataset_info
from trainingkit.exercises.ratification.checks import check_ask, check_gaps, check_matrix
from trainingkit.exercises.ratification.model import EXERCISE_ID, gap_options
from trainingkit.exercises.ratification.view import Ratification, ratification_map

from conftest import REPO

# The Mekong rows of the course fact sheet's table (asean-facts.md of 2 December 2026, section 2), with
# the source codes of each cell; the other six states and instruments are in ratifications-more.csv.
FACT_SHEET = """
| Cambodia | ✔ 1999 ✅ [B17] | ✔ 1999 ✅ [B17 B68] | ✘ ✅ [B50] | ✘ ⚠️ [B52 B53] | signed 27 Sep 2004, not ratified ✅ [B54 B20] |
| Lao PDR | ✘ ✅ [B21] | ✘ ✅ [B21] | ✘ ✅ [B50] | ✘ ⚠️ [B52 B53] | ✘ ✅ [B54] |
| Myanmar | ✔ 1955 ✅ [B23 D13] | ✘ ✅ [B23] | ✘ ✅ [B50] | ✘ ⚠️ [B52 B53] | ✘ ⚠️ [B56] |
| Thailand | ✘ ✅ [B43 B44] | ✘ ✅ [B43 B44] | ✘ ✅ [B50] | ✘ ✅ [B43] | ✘ ⚠️ [B56] |
| Viet Nam | ✘ ⚠️ (planned for 2024; no deposit seen) [B25] | ✔ 5 Jul 2019 ✅ [B26] | ✘ ✅ [B50] | ✘ ⚠️ [B52 B53] | ✘ ⚠️ [B56] |
"""
INSTRUMENTS = ["C87", "C98", "C189", "C97 / C143", "ICRMW 1990"]
MODEL_ASK = ("The Government of Thailand should ratify ILO Convention 87 on freedom of association by the end of 2027, "
             "so that migrant workers can form and lead their own unions.")


@pytest.fixture
def ratifications():
    return dataset("ratifications", REPO)


def fact_sheet_cells():
    for line in FACT_SHEET.strip().splitlines():
        country, *cells = [c.strip() for c in line.strip("| ").split(" | ")]
        for instrument, cell in zip(INSTRUMENTS, cells):
            source = re.search(r"\[([A-Z]\d+(?: [A-Z]\d+)*)\]$", cell)
            yield (country, instrument), (re.sub(r"\s*\[[^\]]*\]$", "", cell), source.group(1) if source else "")


def test_every_cell_of_the_fact_sheet_table_is_reproduced_with_its_source(ratifications):
    expected = dict(fact_sheet_cells())
    rows = ratifications.fillna({"source": ""}).set_index(["country", "instrument"])
    got = {key: (row["table_cell"], row["source"]) for key, row in rows.iterrows()}
    assert got == expected
    assert len(got) == 25


def test_each_status_and_year_agrees_with_the_cell(ratifications):
    for row in ratifications.itertuples():
        cell = row.table_cell
        status = ("signed" if cell.startswith("signed") else "ratified" if cell.startswith("✔")
                  else "unknown" if cell.startswith("❓") else "not_ratified")
        assert row.status == status, row
        year = re.search(r"\b(19|20)\d\d\b", cell) if status in ("ratified", "signed") else None
        assert (None if pd.isna(row.year) else int(row.year)) == (int(year.group(0)) if year else None), row


def test_every_value_says_as_of_and_the_data_tells_to_recheck_normlex(ratifications):
    assert set(ratifications.loc[ratifications["instrument"] == "C189", "as_of"]) == {"2025-09"}
    assert set(ratifications.loc[ratifications["country"] == "Thailand", "as_of"]) >= {"2025-08"}
    assert ratifications["as_of"].notna().all() and ratifications["fact"].notna().all()
    assert "re-check every value in ILO NORMLEX" in dataset_info("ratifications", REPO)["description"]


def test_the_right_pivot_passes(ratifications):
    matrix = ratifications.pivot(index="country", columns="instrument", values="status")
    result = check_matrix(matrix, ratifications)
    assert result.ok and result.message == "Matrix: right: 4 of 25 cells are ratified."


@pytest.mark.parametrize("make, hint", [
    (lambda r: r.pivot(index="instrument", columns="country", values="status"),
     "Put the countries in the rows (index=\"country\") and the instruments in the columns."),
    (lambda r: r.pivot(index="country", columns="instrument", values="table_cell"),
     "Use values=\"status\": words such as not_ratified are easier to count and filter than ✘ marks."),
    (lambda r: r.pivot_table(index="country", columns="instrument", values="status", aggfunc="count"),
     "Use values=\"status\", and pivot() rather than pivot_table(), which counts or averages instead of keeping the words."),
    (lambda r: None,
     "Use ratifications.pivot(...): the countries as the index (rows), the instruments as the columns, the status as the values."),
])
def test_typical_matrix_slips_get_their_hint(ratifications, make, hint):
    result = check_matrix(make(ratifications), ratifications)
    assert not result.ok and result.hint == hint


def test_the_gaps_are_the_not_ratified_and_signed_cells(ratifications):
    gaps = ratifications[ratifications["status"].isin(["not_ratified", "signed"])]
    result = check_gaps(gaps, ratifications)
    assert result.ok and result.message == "Gaps: right: 21 cells where an ask could push for ratification."


@pytest.mark.parametrize("condition, hint_start", [
    # the fact sheet's own words and date, not a copy typed into the hint
    (lambda r: r["status"] == "not_ratified", "In ASEAN, Indonesia (2012), the Philippines (1995) and Timor-Leste (2004) "
     "are parties to the UN migrant workers convention (ICRMW); Cambodia signed in 2004 but has not ratified "
     "(as of 31 December 2024, partly confirmed ⚠️). A signature without ratification is a gap too"),
    (lambda r: r["status"] != "unknown", "A ratified convention is not a gap"),
])
def test_typical_gap_slips_get_their_hint(ratifications, condition, hint_start):
    result = check_gaps(ratifications[condition(ratifications)], ratifications)
    assert not result.ok and result.hint.startswith(hint_start)


def test_the_map_shows_each_cell_as_written_coloured_by_status_with_as_of_and_normlex(ratifications):
    page = ratification_map(ratifications).to_html()
    assert "signed 27 Sep 2004, not ratified ✅" in page and "✘ ⚠️ (planned for 2024; no deposit seen)" in page
    assert "#fbe8c6" in page  # amber for signed but not ratified
    assert "as of the fact sheet's sources (2010–2024)" in page and "Re-check every cell in ILO NORMLEX" in page


def test_the_model_ask_meets_the_whole_rubric():
    assert all(r.ok for r in check_ask(MODEL_ASK, "Thailand", "C87"))


def test_a_vague_ask_fails_each_part_of_the_rubric_with_a_hint():
    results = check_ask("ASEAN should do more for migrant workers.", "Lao PDR", "C98")
    assert [r.ok for r in results] == [False, False, False, False]
    assert [r.hint for r in results] == [
        "Say who must act: \"the Government of Lao PDR\" or the ministry in charge, not just \"ASEAN\".",
        "Name the instrument of your gap, C98, by its number or its name.",
        "Use the verb that makes the change: ratify (or accede to) the convention.",
        "Say by when, so you can follow it up: \"by December 2027\" or \"before the AFML in 2027\".",
    ]


def test_an_ask_to_another_government_or_about_another_convention_is_caught():
    results = check_ask(MODEL_ASK, "Viet Nam", "C189")
    assert results[0].hint == "Your gap is Viet Nam's: name Viet Nam's government or ministry."
    assert results[1].message == "Instrument: not the one of your gap."


def test_asking_for_a_signature_that_exists_points_to_ratification():
    results = check_ask("The Cambodian government should sign the ICRMW by 2027.", "Cambodia", "ICRMW 1990", "signed")
    assert results[2].hint == "Cambodia has signed ICRMW 1990: ask it to ratify, which makes the convention binding."
    assert [r.ok for r in results] == [True, True, False, True]


def test_the_gap_list_offers_every_gap_and_no_other_cell(ratifications):
    options = gap_options(ratifications)
    assert len(options) == 21
    assert ("Cambodia: ICRMW 1990 (signed, not ratified)", "Cambodia|ICRMW 1990") in options
    assert not any(value.startswith("Myanmar|C87") for _, value in options)


def test_the_chosen_gap_and_the_ask_are_saved_and_reloaded_with_their_check(ratifications, tmp_path):
    form = Ratification(ratifications, SavedWork(EXERCISE_ID, tmp_path))
    assert (form.gap.value, form.ask.value, form.results.value) == (None, "", "")
    form.gap.value = "Thailand|C87"
    form.ask.value = MODEL_ASK
    assert all(r.ok for r in form.check())
    saved = json.loads((tmp_path / f"{EXERCISE_ID}.json").read_text(encoding="utf-8"))
    assert saved == {"gap": "Thailand|C87", "ask": MODEL_ASK}

    again = Ratification(ratifications, SavedWork(EXERCISE_ID, tmp_path))
    assert (again.gap.value, again.ask.value) == ("Thailand|C87", MODEL_ASK)
    assert "Government: named (Thailand)." in again.results.value


def test_an_ask_to_myanmar_is_not_scored_as_an_ordinary_target():
    ask = "The Government of Myanmar should ratify ILO Convention 98 on collective bargaining by June 2027."
    government = check_ask(ask, "Myanmar", "C98")[0]
    assert (government.ok, government.message) == (False, "Government: not a target for this ask.")
    assert "Commission of Inquiry" in government.hint and "TFAMW, MMN" in government.hint


def test_the_myanmar_gaps_carry_the_safety_note(ratifications):
    labels = [label for label, value in gap_options(ratifications) if value.startswith("Myanmar|")]
    assert labels and all(label.endswith("; see the safety note)") for label in labels)
