"""The minimum-wage checks (pure): each recognises the usual slips (wrong base year, dividing
the wrong way, a ratio given as a percent) by recomputing them, and names the slip in its hint.
"""
from __future__ import annotations

import re

import numpy as np
import pandas as pd

from ..kit.checks import Check, failed, passed
from .model import DEMAND_BAHT, DEMAND_YEAR, INDEX, REAL, WAGE, index_of, real_wages

TOLERANCE = 0.5  # baht or percentage points: a trainee may round to whole numbers


def _same(a, b) -> bool:
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    return a.shape == b.shape and bool(np.allclose(a, b, rtol=0, atol=TOLERANCE, equal_nan=True))


def check_real_wages(table: pd.DataFrame) -> Check:
    """Is ``table[REAL]`` the lowest wage in 2016 baht? If not, which slip explains it?"""
    what = f"Real wages in {DEMAND_YEAR} baht"
    if REAL not in table or table[REAL].isna().all():
        return failed(f"{what}: not calculated yet.",
                      f"In the cell above, replace float(\"nan\") with a formula built from the columns {WAGE} and {INDEX}.")
    got = table[REAL]
    wage, index = table[WAGE], table[INDEX]
    base = index_of(table, DEMAND_YEAR)
    if _same(got, real_wages(table)):
        return passed(f"{what}: right. In {DEMAND_YEAR} itself the real wage equals the wage paid, "
                      f"{wage[table['year'] == DEMAND_YEAR].iloc[0]:.0f} baht.")
    base_year = table.loc[index == 100, "year"]
    slips = [
        (wage * 100 / index,
         f"These are baht of {base_year.iloc[0] if len(base_year) else 'the index base year'}, the year where the index is 100 "
         f"(wrong base year). The demand was made in {DEMAND_YEAR}: multiply by the {DEMAND_YEAR} index ({base}) instead of by 100."),
        (wage * index / base,
         "You divided the wrong way: when prices rise, the same baht buy less, so a later wage is worth less in "
         f"{DEMAND_YEAR} baht. Divide by each year's index and multiply by the {DEMAND_YEAR} index."),
        (wage / index,
         f"These are small ratios, not baht: after dividing by each year's index, multiply by the {DEMAND_YEAR} index ({base})."),
        (wage, "This is the wage as paid (nominal), unchanged: the prices of each year have not been taken into account."),
    ]
    if "highest_baht" in table:
        slips.append((real_wages(table, "highest_baht"),
                      f"You used the highest provincial rate; this exercise follows the lowest rate, {WAGE}."))
    for wrong, hint in slips:
        if _same(got, wrong):
            return failed(f"{what}: not yet right.", hint)
    last = table.dropna(subset=[WAGE]).iloc[-1]
    return failed(f"{what}: not yet right.",
                  f"Check one year by hand: in {last['year']:.0f}, {last[WAGE]:.0f} × {base} ÷ {last[INDEX]} = "
                  f"{last[WAGE] * base / last[INDEX]:.1f} baht.")


def check_gap(table: pd.DataFrame, year: int, gap_baht: float, gap_percent: float) -> list[Check]:
    """The gap between the lowest wage of ``year`` (in 2016 baht) and the 421-baht demand: in
    baht, and as the rise in percent the wage would need."""
    row = table.loc[table["year"] == year]
    if row.empty:
        raise ValueError(f"the table has no row for {year}")
    nominal = float(row[WAGE].iloc[0])
    real = float(real_wages(table)[row.index[0]])
    results = []

    what = f"Gap in {year}, in {DEMAND_YEAR} baht"
    slips = [
        (DEMAND_BAHT - nominal, f"You used the wage as paid in {year} ({nominal:.0f} baht). The demand was made in "
                                f"{DEMAND_YEAR}, so compare it with the {year} wage in {DEMAND_YEAR} baht (your real wage column)."),
        (real - DEMAND_BAHT, "The sign is the wrong way round: the gap is how far the wage is below the demand, 421 minus the wage."),
    ]
    results.append(_judge(what, gap_baht, DEMAND_BAHT - real, slips,
                          f"Take 421 minus the {year} real wage from your table (real_latest)."))

    what = f"Rise needed in {year}, in percent"
    ratio = DEMAND_BAHT / real
    slips = [
        (ratio, f"This is a ratio ({ratio:.3f}), not a percent: subtract 1, then multiply by 100."),
        (ratio - 1, f"This is a fraction ({ratio - 1:.3f}): multiply by 100 to get percent."),
        ((DEMAND_BAHT - real) / DEMAND_BAHT * 100, "You divided by the demand. The rise is measured from where the wage is now: divide the gap by the wage."),
        (real / DEMAND_BAHT * 100, "This is the wage as a percent of the demand. The question is how much the wage must rise: the gap divided by the wage, times 100."),
        ((DEMAND_BAHT / nominal - 1) * 100, f"You used the wage as paid in {year}; use the real wage, in {DEMAND_YEAR} baht."),
    ]
    results.append(_judge(what, gap_percent, (ratio - 1) * 100, slips,
                          "Divide the gap in baht by the real wage, then multiply by 100."))
    return results


def _judge(what: str, got, expected: float, slips, hint: str) -> Check:
    if np.ndim(got) > 0:  # a column or a one-row selection instead of a number
        if np.size(got) != 1:
            return failed(f"{what}: this is a column of numbers, not one number.",
                          "Select the row of the latest year only, and take its value with .item().")
        got = np.asarray(got, dtype=float).item()
    if got is None or (isinstance(got, float) and np.isnan(got)):
        return failed(f"{what}: not calculated yet.", hint)
    if _same(got, expected):
        return passed(f"{what}: right ({expected:.1f}).")
    for wrong, slip_hint in slips:
        if _same(got, wrong):
            return failed(f"{what}: not yet right.", slip_hint)
    return failed(f"{what}: not yet right.", hint)


ALT_MIN_WORDS = 12


def check_chart(fig, alt_text: str) -> list[Check]:
    """A chart others can read: a title that says the prices are illustrative, labelled axes
    with the unit, and alt text for readers who cannot see it."""
    ax = fig.axes[0] if fig.axes else None
    title = (ax.get_title() if ax else "") or (fig._suptitle.get_text() if fig._suptitle else "")
    results = []
    if not title:
        results.append(failed("Title: missing.", "Give the chart a title that says what it shows: ax.set_title(\"...\")."))
    elif "illustrative" not in title.lower():
        results.append(failed("Title: it does not say the prices are made up.",
                              "The price index is illustrative: say so in the title, for example \"(illustrative prices)\"."))
    else:
        results.append(passed("Title: says what the chart shows and that the prices are illustrative."))
    if ax and ax.get_xlabel() and ax.get_ylabel():
        if re.search(r"baht", ax.get_ylabel(), re.I):
            results.append(passed("Axes: both labelled, with the unit."))
        else:
            results.append(failed("Axes: the unit is missing.", "Say the unit on the vertical axis: baht per day."))
    else:
        results.append(failed("Axes: not both labelled.", "Label both axes: ax.set_xlabel(\"Year\") and ax.set_ylabel(\"Baht per day\")."))
    words = len(alt_text.split())
    if words < ALT_MIN_WORDS:
        results.append(failed("Alt text: too short." if words else "Alt text: missing.",
                              f"In one or two sentences ({ALT_MIN_WORDS} words or more), say what is plotted, the trend, "
                              "and that the prices are illustrative, for readers who cannot see the chart."))
    elif "illustrative" not in alt_text.lower():
        results.append(failed("Alt text: it does not say the prices are made up.",
                              "Readers of the alt text need the warning too: add that the prices are illustrative."))
    else:
        results.append(passed("Alt text: describes the chart."))
    return results


CHECKS = (check_real_wages, check_gap, check_chart)
