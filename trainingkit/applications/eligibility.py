"""Who may be selected, with every reason why not: pure functions over one application's answers.

The rules of the call: a country in the course's list; submitted by the deadline or its last
extension (dates in UTC); endorsed by the organisation; both signatures on the Memorandum of
Agreement, or "pending" with the date it will be signed; commitment to six months of follow-up
and the ability to travel confirmed.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

import pandas as pd

from ..selection_rules import Selection

YES = "yes"
MOA_SIGNERS = {"moa_signed_applicant": "the applicant", "moa_signed_head": "the head of the organisation"}


def _given(answers: Mapping, name: str) -> str:
    value = answers.get(name)
    return "" if value is None or (isinstance(value, float) and value != value) else str(value).strip()


def reasons(answers: Mapping, submitted: dt.date, selection: Selection, countries: list[str]) -> list[str]:
    """Every rule the application breaks, in plain words; an empty list means eligible."""
    out = []
    country = _given(answers, "country")
    if country not in countries:
        out.append(f"country '{country or 'not given'}' is not one of the course's ({', '.join(countries)})")
    if submitted > selection.closes:
        extended = f" (deadline {selection.deadline}, extended to {selection.closes})" if selection.extensions else ""
        out.append(f"submitted on {submitted}, after the call closed on {selection.closes}{extended}")
    if _given(answers, "endorsed") != YES:
        out.append("not endorsed by the organisation")
    pending_until = _given(answers, "moa_pending_until")
    for question, who in MOA_SIGNERS.items():
        signed = _given(answers, question)
        if signed == "pending" and not _is_date(pending_until):
            out.append(f"Memorandum of Agreement: the signature of {who} is pending with no date it will be signed by")
        elif signed not in (YES, "pending"):
            out.append(f"Memorandum of Agreement not signed by {who}")
    if _given(answers, "commitment_6_months") != YES:
        out.append("no commitment to six months of follow-up")
    if _given(answers, "can_travel") != YES:
        out.append("cannot travel to other ASEAN countries")
    return out


def _is_date(text: str) -> bool:
    try:
        dt.date.fromisoformat(text)
    except ValueError:
        return False
    return True


def eligibility(applications: pd.DataFrame, selection: Selection, countries: list[str]) -> pd.DataFrame:
    """applicant, eligible (bool), reasons (a list, empty when eligible), one row per application."""
    rows = []
    for record in applications.to_dict("records"):
        found = reasons(record, record["submitted_at"].date(), selection, countries)
        rows.append({"applicant": record["applicant"], "eligible": not found, "reasons": found})
    return pd.DataFrame(rows, columns=["applicant", "eligible", "reasons"])
