"""Ratification map: the country × instrument matrix, the gaps advocacy could target, and an
ask for one gap checked by a small rubric (a government, an instrument, an action, a date)."""
from __future__ import annotations

import re

import pandas as pd

from .checks import Check, as_html, failed, passed
from .savedfields import WidgetForm, notice, saved_dropdown, saved_text
from .work import SavedWork

EXERCISE_ID = "ex-ratification-map"
GAP_STATUSES = ("not_ratified", "signed")  # "unknown" (❓) is checked in NORMLEX before it is a gap
STATUS_STYLE = {  # status: (words, colour name, background); the cell text keeps its mark too
    "ratified": ("ratified", "green", "#d7ecd9"),
    "not_ratified": ("not ratified", "red", "#f7d9d9"),
    "signed": ("signed, not ratified", "amber", "#fbe8c6"),
    "unknown": ("not confirmed", "grey", "#e4e4e4"),
}

COUNTRY_WORDS = {
    "Cambodia": r"cambodia\w*",
    "Lao PDR": r"lao\b|laos|lao pdr",
    "Myanmar": r"myanmar|burm\w+",
    "Thailand": r"thai\w*",
    "Viet Nam": r"viet ?nam\w*",
}
INSTRUMENT_WORDS = {
    "C87": r"\bc ?87\b|convention (no\.? ?)?87\b|freedom of association",
    "C98": r"\bc ?98\b|convention (no\.? ?)?98\b|collective bargaining",
    "C189": r"\bc ?189\b|convention (no\.? ?)?189\b|domestic workers",
    "C97 / C143": r"\bc ?(97|143)\b|convention (no\.? ?)?(97|143)\b|migration for employment",
    "ICRMW 1990": r"\bicrmw\b|migrant workers convention|rights of all migrant workers",
}
GOVERNMENT = r"\b(government|ministry|minister|cabinet|parliament|national assembly|prime minister)\b"
RATIFY = r"\b(ratif\w*|accede\w*|accession|deposit\w*)\b"
SIGN = r"\bsign\w*\b"
MONTHS = "january|february|march|april|may|june|july|august|september|october|november|december"
WHEN = rf"\b20\d\d\b|\b({MONTHS})\b|\bwithin (a|one|two|three|six|twelve|\d+) (months?|years?)\b"


def table_order(ratifications: pd.DataFrame) -> tuple[list[str], list[str]]:
    """Countries and instruments in the order of the fact sheet's table."""
    return list(ratifications["country"].unique()), list(ratifications["instrument"].unique())


def expected_matrix(ratifications: pd.DataFrame, values: str = "status") -> pd.DataFrame:
    countries, instruments = table_order(ratifications)
    return ratifications.pivot(index="country", columns="instrument", values=values).reindex(index=countries, columns=instruments)


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


def ratification_map(ratifications: pd.DataFrame):
    """The matrix as the fact sheet writes each cell, coloured by status (a pandas Styler)."""
    cells = expected_matrix(ratifications, "table_cell")
    status = expected_matrix(ratifications)
    colours = status.apply(lambda col: [f"background-color: {STATUS_STYLE[s][2]}" for s in col])
    legend = " · ".join(f"{colour}: {words}" for words, colour, _ in STATUS_STYLE.values())
    return (cells.style.apply(lambda _: colours, axis=None)
            .set_caption(f"Ratifications as of the fact sheet's sources (2010–2024). Colours: {legend}. "
                         "Re-check every cell in ILO NORMLEX before you use it.")
            .set_table_attributes('class="ratification-map"'))


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
        return failed(f"{what}: one kind of gap is missing.",
                      "Cambodia signed the ICRMW in 2004 but has not ratified it (as of the table's source): a signature without ratification is a gap too (status signed).")
    return failed(f"{what}: {len(got)} selected, {len(expected)} expected.", "Keep every row whose status is not_ratified or signed.")


def gap_options(ratifications: pd.DataFrame) -> list[tuple[str, str]]:
    """(label, "country|instrument") for each gap, for the drop-down."""
    gaps = ratifications[ratifications["status"].isin(GAP_STATUSES)]
    return [(f"{r.country}: {r.instrument} ({STATUS_STYLE[r.status][0]})", f"{r.country}|{r.instrument}") for r in gaps.itertuples()]


def check_ask(text: str, country: str, instrument: str, status: str = "not_ratified") -> list[Check]:
    """The rubric: the ask names the government, the instrument, an action and a date."""
    lowered = (text or "").lower()
    named = [c for c, pattern in COUNTRY_WORDS.items() if re.search(pattern, lowered)]
    results = []
    if country in named and re.search(GOVERNMENT, lowered):
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

    if re.search(WHEN, lowered):
        results.append(passed("Date: says by when."))
    else:
        results.append(failed("Date: missing.", "Say by when, so you can follow it up: \"by December 2027\" or \"before the AFML in 2027\"."))
    return results


class AskForm(WidgetForm):
    """Pick a gap, write the ask, check it against the rubric; both answers are saved."""

    def __init__(self, ratifications: pd.DataFrame, work: SavedWork):
        import ipywidgets as w

        self.statuses = {f"{r.country}|{r.instrument}": r.status for r in ratifications.itertuples()}
        self.gap = saved_dropdown(work, "gap", gap_options(ratifications), description="Gap")
        self.ask = saved_text(work, "ask", "The Government of ... should ratify ... by ...", rows=4)
        self.button = w.Button(description="Check my ask", icon="check")
        self.result = w.HTML()
        self.button.on_click(lambda _: self.check())
        if self.ask.value and self.gap.value:
            self.check()
        self.box = w.VBox([x for x in (notice(work), self.gap, self.ask, self.button, self.result) if x is not None])

    def check(self) -> list[Check]:
        if not self.gap.value:
            results = [failed("Gap: not chosen.", "Choose the gap your ask is about in the list above.")]
        else:
            country, instrument = self.gap.value.split("|")
            results = check_ask(self.ask.value, country, instrument, self.statuses[self.gap.value])
        self.result.value = as_html(results)
        return results


QUIZ = [
    {
        "question": "Which Mekong country was the first to ratify ILO Convention 87 on freedom of association, according to the table?",
        "type": "multiple_choice",
        "answers": [
            {"answer": "Myanmar", "correct": True, "feedback": "Yes: Myanmar ratified C87 in 1955, long before Cambodia (1999)."},
            {"answer": "Cambodia", "correct": False, "feedback": "Cambodia ratified C87 in 1999. Look at the other ✔ in the C87 column."},
            {"answer": "Thailand", "correct": False, "feedback": "Thailand has not ratified C87 (✘). In Thailand, migrants can join a union but cannot set one up or lead it."},
            {"answer": "Viet Nam", "correct": False, "feedback": "Viet Nam had planned to ratify C87 in 2024; the fact sheet could not confirm its current status (❓)."},
        ],
    },
    {
        "question": "Cambodia's ICRMW cell says \"signed 2004, not ratified\". What does that mean for an ask?",
        "type": "multiple_choice",
        "answers": [
            {"answer": "Cambodia is not yet bound: the ask is to ratify", "correct": True,
             "feedback": "Yes: a signature shows intent, but only ratification makes the convention binding."},
            {"answer": "Cambodia is bound since 2004", "correct": False,
             "feedback": "A signature alone does not bind a state to a convention; ratification does."},
            {"answer": "There is nothing to ask", "correct": False,
             "feedback": "Signed but not ratified is a gap: the government has already said it is interested."},
        ],
    },
    {
        "question": "How many of the five Mekong countries had ratified C189 on domestic workers, according to the 2017 ILO statement in the table?",
        "type": "numeric",
        "precision": 0,
        "answers": [
            {"type": "value", "value": 0, "correct": True,
             "feedback": "Right: none. In 2017 only the Philippines had ratified C189 in ASEAN."},
            {"type": "default", "feedback": "Count the ✔ in the C189 column."},
        ],
    },
]
