"""Minimum wage and the 421-baht demand: real wages, the gap to the demand, the model answer.

The price index is ILLUSTRATIVE (synthetic): the checks (in ``checks``) test the method, not a
finding.
"""
from __future__ import annotations

import pandas as pd

EXERCISE_ID = "ex-minimum-wage"
WAGES, PRICES = "thai-minimum-wage", "cpi-illustrative"
DEMAND_BAHT = 421  # the Northern Labour Network's demand of May 2016
DEMAND_YEAR = 2016
WAGE = "lowest_baht"
INDEX = "cpi_illustrative"
REAL = f"real_{DEMAND_YEAR}"


def yearly_table(wages: pd.DataFrame, prices: pd.DataFrame) -> pd.DataFrame:
    """Step 1, done for the trainee: the lowest wage of each year (2025 has two rows) beside the
    price index of that year; years with no lowest rate are left out."""
    return (wages.groupby("year", as_index=False)[[WAGE, "highest_baht"]].min()
            .dropna(subset=[WAGE])
            .merge(prices, on="year"))


# The ways a trainee can choose to work out each figure, in plain words: the first of each is
# right; the others are the usual slips the checks name. Each takes (wage, index of the year,
# index of 2016) or (real wage, wage as paid) and returns the figure.
REAL_WAGE_WAYS = {
    "times_2016": ("wage × index of 2016 ÷ index of the year", lambda wage, index, base: wage * base / index),
    "times_100": ("wage × 100 ÷ index of the year", lambda wage, index, base: wage * 100 / index),
    "wrong_way": ("wage × index of the year ÷ index of 2016", lambda wage, index, base: wage * index / base),
    "divide_only": ("wage ÷ index of the year", lambda wage, index, base: wage / index),
}
GAP_WAYS = {
    "demand_minus_real": (f"{DEMAND_BAHT} − real wage", lambda real, paid: DEMAND_BAHT - real),
    "demand_minus_paid": (f"{DEMAND_BAHT} − wage as paid", lambda real, paid: DEMAND_BAHT - paid),
    "real_minus_demand": (f"real wage − {DEMAND_BAHT}", lambda real, paid: real - DEMAND_BAHT),
}
RISE_WAYS = {
    "gap_over_real": ("gap ÷ real wage × 100", lambda gap, real: gap / real * 100),
    "gap_over_demand": (f"gap ÷ {DEMAND_BAHT} × 100", lambda gap, real: gap / DEMAND_BAHT * 100),
    "demand_over_real": (f"{DEMAND_BAHT} ÷ real wage", lambda gap, real: DEMAND_BAHT / real),
    "real_over_demand": (f"real wage ÷ {DEMAND_BAHT} × 100", lambda gap, real: real / DEMAND_BAHT * 100),
}


def index_of(table: pd.DataFrame, year: int) -> float:
    row = table.loc[table["year"] == year, INDEX]
    if row.empty:
        raise ValueError(f"the table has no price index for {year}")
    return float(row.iloc[0])


def real_wages(table: pd.DataFrame, wage: str = WAGE) -> pd.Series:
    """Wages in baht of the demand's year: wage × index of that year ÷ index of each year."""
    return table[wage] * index_of(table, DEMAND_YEAR) / table[INDEX]


def model_answer(table: pd.DataFrame) -> pd.DataFrame:
    """For every year: the lowest wage, its value in 2016 baht, and the gap to the demand."""
    model = table[["year", WAGE, INDEX]].copy()
    model[REAL] = real_wages(table).round(1)
    model["gap_baht"] = (DEMAND_BAHT - real_wages(table)).round(1)
    model["rise_needed_percent"] = ((DEMAND_BAHT / real_wages(table) - 1) * 100).round(1)
    return model


def model_alt_text(model: pd.DataFrame) -> str:
    """Alt text for the chart, written from the numbers it shows."""
    first, last = model.iloc[0], model.iloc[-1]
    above = max(model[WAGE].max(), model[REAL].max()) < DEMAND_BAHT
    return (f"Line chart of Thailand's lowest daily minimum wage, {first['year']:.0f} to {last['year']:.0f}, with illustrative "
            f"prices. In baht of each year it went from {first[WAGE]:.0f} to {last[WAGE]:.0f}; in {DEMAND_YEAR} baht it stayed "
            f"between {model[REAL].min():.0f} and {model[REAL].max():.0f}. A dashed line marks the {DEMAND_BAHT}-baht demand "
            f"of {DEMAND_YEAR}" + (", above both lines in every year." if above else "."))
