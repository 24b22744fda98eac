"""Ratification map: the country × instrument matrix and the gaps advocacy could target (pure).

The checks of the trainee's matrix, gaps and ask are in ``checks``; the map and the ask form
in ``view``."""
from __future__ import annotations

import pandas as pd


EXERCISE_ID = "ex-ratification-map"
DATASET = "ratifications"
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
# Myanmar's military authorities are not an ordinary target for an ask (fact check A-21, as of
# 2026-12-02): the ILO's Commission of Inquiry found in 2023 that they violate C87.
NO_ASK_COUNTRIES = ("Myanmar",)


def table_order(ratifications: pd.DataFrame) -> tuple[list[str], list[str]]:
    """Countries and instruments in the order of the fact sheet's table."""
    return list(ratifications["country"].unique()), list(ratifications["instrument"].unique())



def expected_matrix(ratifications: pd.DataFrame, values: str = "status") -> pd.DataFrame:
    countries, instruments = table_order(ratifications)
    return ratifications.pivot(index="country", columns="instrument", values=values).reindex(index=countries, columns=instruments)



def gap_options(ratifications: pd.DataFrame) -> list[tuple[str, str]]:
    """(label, "country|instrument") for each gap, for the drop-down."""
    gaps = ratifications[ratifications["status"].isin(GAP_STATUSES)]
    return [(f"{r.country}: {r.instrument} ({STATUS_STYLE[r.status][0]}"
             + ("; see the safety note" if r.country in NO_ASK_COUNTRIES else "") + ")", f"{r.country}|{r.instrument}")
            for r in gaps.itertuples()]
