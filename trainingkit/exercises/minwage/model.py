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
