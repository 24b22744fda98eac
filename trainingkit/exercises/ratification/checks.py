"""The ratification exercise's checks: the trainee's matrix, the gaps, and the rubric for an
ask (a government, an instrument, an action, a date). Pure: tables and text in, checks out."""
from __future__ import annotations

import re

import pandas as pd

from ..kit.checks import Check, failed, passed
from ..kit.cited import with_facts
from ..kit.wording import has_time_frame
from .model import COUNTRY_WORDS, GAP_STATUSES, GOVERNMENT, INSTRUMENT_WORDS, NO_ASK_COUNTRIES, RATIFY, SIGN, expected_matrix

# Hints that state volatile facts cite them with the pages' roles; ``with_facts`` writes them out.
MYANMAR_HINT = (
    "Do not address Myanmar's military authorities as an ordinary target. {fact}`mm-ilo-commission-of-inquiry`. "
    "A public ask to them can put people at risk. Choose a gap of another "
    "country, or work on Myanmar through regional networks (TFAMW, MMN) and bodies in destination countries."
)
SIGNED_GAP_HINT = ("{fact}`ratification-icrmw`. A signature without ratification is a gap too (status signed).")
HINTS_WHERE = "trainingkit/exercises/ratification/checks.py"


def check_matrix(matrix, ratifications: pd.DataFrame) -> Check:
    """Is ``matrix`` one row per country, one column per instrument, holding the status?"""
    what = "Matrix"
    if matrix is None:
        return failed(f"{what}: not built yet.",
                      "Use ratifications.pivot(...): the countries as the index (rows), the instruments as the columns, the status as the values.")
    if not isinstance(matrix, pd.DataFrame):
        return failed(f"{what}: this is not a table.", "pivot() returns a table (a DataFrame): assign its result to matrix.")
    expected = expected_matrix(ratifications)
    if set(matrix.index) == set(expected.columns) and set(matrix.columns) == set(expected.index):
        return failed(f"{what}: rows and columns are swapped.",
                      "Put the countries in the rows (index=\"country\") and the instruments in the columns.")
    if set(matrix.index) != set(expected.index) or set(matrix.columns) != set(expected.columns):
        return failed(f"{what}: the rows or columns are not the countries and instruments.",
                      "Rows: the five countries (index=\"country\"); columns: the five instruments (columns=\"instrument\").")
    aligned = matrix.reindex(index=expected.index, columns=expected.columns)
    if aligned.equals(expected):
        counts = expected.stack().value_counts()
        return passed(f"{what}: right: {counts.get('ratified', 0)} of {expected.size} cells are ratified.")
    if aligned.astype(str).equals(expected_matrix(ratifications, "table_cell").astype(str)):
        return failed(f"{what}: it holds the fact sheet's marks.",
                      "Use values=\"status\": words such as not_ratified are easier to count and filter than ✘ marks.")
    return failed(f"{what}: some cells do not hold the status.",
                  "Use values=\"status\", and pivot() rather than pivot_table(), which counts or averages instead of keeping the words.")



def check_gaps(gaps, ratifications: pd.DataFrame) -> Check:
    """Are ``gaps`` exactly the rows an ask could target: not ratified, or signed only?"""
    what = "Gaps"
    if gaps is None or not isinstance(gaps, pd.DataFrame) or gaps.empty:
        return failed(f"{what}: none selected yet.",
                      "Keep the rows whose status is not_ratified or signed: ratifications[ratifications[\"status\"].isin([...])].")
    pairs = lambda df: set(zip(df["country"], df["instrument"]))
    expected = ratifications[ratifications["status"].isin(GAP_STATUSES)]
    got = pairs(gaps)
    if got == pairs(expected):
        return passed(f"{what}: right: {len(expected)} cells where an ask could push for ratification.")
    statuses = dict(zip(zip(ratifications["country"], ratifications["instrument"]), ratifications["status"]))
    found = {statuses.get(p) for p in got}
    if "ratified" in found:
        return failed(f"{what}: some of these are already ratified.", "A ratified convention is not a gap: leave out status ratified.")
    if "unknown" in found:
        return failed(f"{what}: this includes the ❓ cells.",
                      "A ❓ cell is not confirmed either way: check it in ILO NORMLEX first. Keep only not_ratified and signed.")
    if "signed" not in found:
        return failed(f"{what}: one kind of gap is missing.", with_facts(SIGNED_GAP_HINT, HINTS_WHERE))
    return failed(f"{what}: {len(got)} selected, {len(expected)} expected.", "Keep every row whose status is not_ratified or signed.")



def check_ask(text: str, country: str, instrument: str, status: str = "not_ratified") -> list[Check]:
    """The rubric: the ask names the government, the instrument, an action and a date."""
    lowered = (text or "").lower()
    named = [c for c, pattern in COUNTRY_WORDS.items() if re.search(pattern, lowered)]
    results = []
    if country in NO_ASK_COUNTRIES:
        results.append(failed("Government: not a target for this ask.", with_facts(MYANMAR_HINT, HINTS_WHERE)))
    elif country in named and re.search(GOVERNMENT, lowered):
        results.append(passed(f"Government: named ({country})."))
    elif named and country not in named:
        results.append(failed("Government: not the one of your gap.", f"Your gap is {country}'s: name {country}'s government or ministry."))
    else:
        results.append(failed("Government: not named.",
                              f"Say who must act: \"the Government of {country}\" or the ministry in charge, not just \"ASEAN\"."))

    instruments = [i for i, pattern in INSTRUMENT_WORDS.items() if re.search(pattern, lowered)]
    if instrument in instruments:
        results.append(passed(f"Instrument: named ({instrument})."))
    else:
        results.append(failed("Instrument: not named." if not instruments else "Instrument: not the one of your gap.",
                              f"Name the instrument of your gap, {instrument}, by its number or its name."))

    if re.search(RATIFY, lowered):
        results.append(passed("Action: says what the government should do."))
    elif re.search(SIGN, lowered) and status == "signed":
        results.append(failed("Action: it asks for a signature, which is already there.",
                              f"{country} has signed {instrument}: ask it to ratify, which makes the convention binding."))
    else:
        results.append(failed("Action: not clear.", "Use the verb that makes the change: ratify (or accede to) the convention."))

    if has_time_frame(lowered):
        results.append(passed("Date: says by when."))
    else:
        results.append(failed("Date: missing.", "Say by when, so you can follow it up: \"by December 2027\" or \"before the AFML in 2027\"."))
    return results


CHECKS = (check_matrix, check_gaps)


def check_all(matrix, gaps, ratifications: pd.DataFrame) -> list[Check]:
    """The two table checks, in the order a trainee works."""
    return [check_matrix(matrix, ratifications), check_gaps(gaps, ratifications)]
