"""Minimum wage and the 421-baht demand: the wage table is the fact sheet's, the price index is
labelled illustrative, and each check names the usual slip."""
import base64
import json

import matplotlib
import numpy as np
import pytest

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

from trainingkit.exercises import SavedWork, dataset, dataset_info  # noqa: E402
from trainingkit.exercises.kit.figures import figure_html as chart_html  # noqa: E402
from trainingkit.exercises.kit.view import saved_text  # noqa: E402
from trainingkit.exercises.minwage.checks import check_chart, check_gap, check_real_wages  # noqa: E402
from trainingkit.exercises.minwage.model import EXERCISE_ID, model_alt_text, model_answer  # noqa: E402

from conftest import REPO  # noqa: E402


@pytest.fixture
def table():
    """Step 1 of the notebook: the lowest wage of each year beside the price index."""
    wages, prices = dataset("thai-minimum-wage", REPO), dataset("cpi-illustrative", REPO)
    return (wages.groupby("year", as_index=False)[["lowest_baht", "highest_baht"]].min()
            .dropna(subset=["lowest_baht"]).merge(prices, on="year"))


def with_real(table, values):
    out = table.copy()
    out["real_2016"] = values
    return out


def test_the_wage_data_gives_the_fact_sheet_rates_with_weak_figures_marked():
    wages = dataset("thai-minimum-wage", REPO).set_index(["year", "in_force_from"])
    assert wages.loc[(2013, "1 January 2013"), ["lowest_baht", "highest_baht"]].tolist() == [300, 300]
    assert wages.loc[(2025, "1 January 2025"), ["lowest_baht", "highest_baht", "bangkok_baht"]].tolist() == [337, 400, 372]
    assert wages.loc[(2022, "October 2022"), ["lowest_baht", "highest_baht"]].tolist() == [328, 354]
    weak = wages[wages["confidence"] == "weak"]
    assert weak.index.tolist() == [(2019, "no rise found")]  # confirmed since the check of December 2026
    assert wages.loc[(2025, "1 July 2025"), "bangkok_baht"] == 400
    assert wages.loc[(2025, "1 July 2025"), "fact"] == "thai-wage-bangkok"
    assert wages.loc[(2018, "1 April 2018"), ["lowest_baht", "highest_baht", "bangkok_baht"]].tolist() == [308, 330, 325]
    assert all("⚠️" in scope for scope in weak["scope"])
    assert wages.loc[(2021, "no rise"), ["lowest_baht", "highest_baht"]].tolist() == [313, 336]  # years with no rise have a row


def test_the_price_index_says_it_is_synthetic_and_illustrative():
    info = dataset_info("cpi-illustrative", REPO)
    assert info["synthetic"] is True
    assert "ILLUSTRATIVE" in info["title"] and "synthetic" in info["title"]
    assert "NOT official" in info["description"]


def test_real_wages_in_2016_baht_pass(table):
    result = check_real_wages(with_real(table, table["lowest_baht"] * 97.0 / table["cpi_illustrative"]))
    assert result.ok and result.message == "Real wages in 2016 baht: right. In 2016 itself the real wage equals the wage paid, 300 baht."


def test_real_wages_rounded_to_whole_baht_still_pass(table):
    assert check_real_wages(with_real(table, (table["lowest_baht"] * 97.0 / table["cpi_illustrative"]).round())).ok


def test_an_empty_column_is_not_yet_calculated(table):
    result = check_real_wages(with_real(table, np.nan))
    assert result.message == "Real wages in 2016 baht: not calculated yet."
    assert "lowest_baht and cpi_illustrative" in result.hint


def test_the_base_year_of_the_index_is_named_as_the_slip(table):
    result = check_real_wages(with_real(table, table["lowest_baht"] * 100 / table["cpi_illustrative"]))
    assert not result.ok
    assert result.hint.startswith("These are baht of 2020, the year where the index is 100 (wrong base year).")
    assert "multiply by the 2016 index (97.0) instead of by 100" in result.hint


def test_dividing_the_wrong_way_is_named_as_the_slip(table):
    result = check_real_wages(with_real(table, table["lowest_baht"] * table["cpi_illustrative"] / 97.0))
    assert result.hint.startswith("You divided the wrong way")


def test_the_nominal_wage_copied_unchanged_is_named(table):
    assert check_real_wages(with_real(table, table["lowest_baht"])).hint.startswith("This is the wage as paid (nominal)")


def test_another_wrong_series_gets_a_worked_example_for_one_year(table):
    result = check_real_wages(with_real(table, table["lowest_baht"] + 7))
    assert result.hint == "Check one year by hand: in 2025, 337 × 97.0 ÷ 109.0 = 299.9 baht."


REAL_2025 = 337 * 97.0 / 109.0  # the lowest wage of 2025 in 2016 baht, with the illustrative index


def test_the_gap_in_baht_and_the_rise_in_percent_pass(table):
    results = check_gap(table, 2025, 421 - REAL_2025, (421 / REAL_2025 - 1) * 100)
    assert [r.ok for r in results] == [True, True]
    assert [r.message for r in results] == ["Gap in 2025, in 2016 baht: right (121.1).", "Rise needed in 2025, in percent: right (40.4)."]


@pytest.mark.parametrize("percent, hint", [
    (421 / REAL_2025, "This is a ratio (1.404), not a percent: subtract 1, then multiply by 100."),
    (421 / REAL_2025 - 1, "This is a fraction (0.404): multiply by 100 to get percent."),
    ((421 - REAL_2025) / 421 * 100, "You divided by the demand. The rise is measured from where the wage is now: divide the gap by the wage."),
    ((421 / 337 - 1) * 100, "You used the wage as paid in 2025; use the real wage, in 2016 baht."),
])
def test_typical_percent_slips_get_their_own_hint(table, percent, hint):
    assert check_gap(table, 2025, 121.1, percent)[1].hint == hint


def test_a_gap_taken_from_the_nominal_wage_is_named(table):
    result = check_gap(table, 2025, 421 - 337, np.nan)
    assert result[0].hint.startswith("You used the wage as paid in 2025 (337 baht).")
    assert result[1].message == "Rise needed in 2025, in percent: not calculated yet."


def test_a_one_row_selection_counts_as_its_number_and_a_whole_column_is_refused(table):
    real = with_real(table, table["lowest_baht"] * 97.0 / table["cpi_illustrative"])["real_2016"]
    one_row = 421 - real[table["year"] == 2025]
    assert check_gap(table, 2025, one_row, np.nan)[0].ok
    column = check_gap(table, 2025, 421 - real, np.nan)[0]
    assert column.message == "Gap in 2025, in 2016 baht: this is a column of numbers, not one number."


def test_the_gap_hint_never_gives_the_model_real_wage(table):
    hint = check_gap(table, 2025, np.nan, np.nan)[0].hint
    assert hint == "Take 421 minus the 2025 real wage from your table (real_latest)."


def chart(title="Minimum wage (illustrative prices)", xlabel="Year", ylabel="Baht per day"):
    fig, ax = plt.subplots()
    ax.plot([2016, 2025], [300, 337])
    ax.set_title(title)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    return fig


ALT = "Line chart: Thailand's lowest daily minimum wage rose from 300 to 337 baht; prices are illustrative."


def test_a_chart_with_title_labels_and_alt_text_passes():
    assert [r.ok for r in check_chart(chart(), ALT)] == [True, True, True]


def test_a_title_that_hides_the_illustrative_prices_gets_a_hint():
    result = check_chart(chart(title="Minimum wage"), ALT)[0]
    assert result.hint == "The price index is illustrative: say so in the title, for example \"(illustrative prices)\"."


def test_axes_without_the_unit_and_missing_alt_text_get_hints():
    results = check_chart(chart(ylabel="Wage"), "")
    assert results[1].hint == "Say the unit on the vertical axis: baht per day."
    assert results[2].message == "Alt text: missing."
    assert check_chart(chart(), "A chart of wages over the years in Thailand since 2013, rising slowly.")[2].hint == (
        "Readers of the alt text need the warning too: add that the prices are illustrative.")


def test_the_chart_is_shown_as_an_image_that_carries_its_alt_text():
    page = chart_html(chart(), 'Wages "rose" <slowly>')
    assert 'alt="Wages &quot;rose&quot; &lt;slowly&gt;"' in page
    data = page.split("base64,")[1].split('"')[0]
    assert base64.b64decode(data).startswith(b"\x89PNG")


def test_the_model_answer_and_its_alt_text_come_from_the_numbers(table):
    model = model_answer(table).set_index("year")
    assert model.loc[2016, ["real_2016", "gap_baht", "rise_needed_percent"]].tolist() == [300.0, 121.0, 40.3]
    text = model_alt_text(model.reset_index())
    assert "from 300 to 337" in text and "illustrative prices" in text and "above both lines in every year" in text


def test_the_written_conclusion_is_saved_and_reloaded(tmp_path):
    box = saved_text(SavedWork(EXERCISE_ID, tmp_path), "conclusion", "Your conclusion")
    box.value = "The wage rose in baht; with real prices we could say more. ค่าแรง"
    assert json.loads((tmp_path / f"{EXERCISE_ID}.json").read_text(encoding="utf-8")) == {"conclusion": box.value}
    assert saved_text(SavedWork(EXERCISE_ID, tmp_path), "conclusion", "Your conclusion").value == box.value
