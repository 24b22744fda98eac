"""Every applicant's line: selected, waitlisted (in order), not selected or not eligible, and why.

Pure: from the candidates (eligible and scored), the selected codes and the ineligible
applicants' reasons to the rows stored in ``selection_decisions``.
"""
from __future__ import annotations

from .assignment import org_key
from ..selection_rules import Selection
from .selection import Candidate, effective_minimums

SELECTED, WAITLIST, NOT_SELECTED, INELIGIBLE, WITHDRAWN = "selected", "waitlist", "not_selected", "ineligible", "withdrawn"
STATUS_ORDER = (SELECTED, WAITLIST, NOT_SELECTED, INELIGIBLE, WITHDRAWN)


def ranked(candidates: list[Candidate]) -> list[Candidate]:
    """Best score first; equal scores (to 3 decimals) in the order of the seeded draw."""
    return sorted(candidates, key=lambda c: (-c.points, c.draw))


def _why_not(c: Candidate, chosen: list[Candidate], selection: Selection) -> str:
    in_country = sum(1 for s in chosen if s.country == c.country)
    bound = selection.countries.get(c.country)
    if bound and bound.max is not None and in_country >= bound.max:
        return f"{c.country} already has its maximum of {bound.max} selected"
    if selection.org_cap is not None and sum(1 for s in chosen if org_key(s.organisation) == org_key(c.organisation)) >= selection.org_cap:
        return f"the organisation already has its cap of {selection.org_cap} selected"
    return "the selected have higher scores, or fill a country's minimum"


def decide(candidates: list[Candidate], selected: list[str], ineligible: dict[str, list[str]],
           selection: Selection) -> list[dict]:
    order = ranked(candidates)
    chosen_set = set(selected)
    chosen = [c for c in order if c.applicant in chosen_set]
    mins = effective_minimums(candidates, selection)
    rows, waiting = [], 0
    for rank, c in enumerate(order, start=1):
        score = f"score {c.final:.2f}, rank {rank} of {len(order)} eligible"
        if c.applicant in chosen_set:
            reason = f"selected: {score}"
            if rank > selection.places:
                reason += f"; taken so that {c.country} has its minimum of {mins.get(c.country, 0)}"
            rows.append(_row(c, SELECTED, None, reason))
        elif waiting < selection.waitlist:
            waiting += 1
            rows.append(_row(c, WAITLIST, waiting, f"waitlist {waiting}: {score}; not selected because "
                                                   f"{_why_not(c, chosen, selection)}"))
        else:
            rows.append(_row(c, NOT_SELECTED, None, f"not selected: {score}, below the {selection.waitlist} on the waitlist"))
    for code, reasons in sorted(ineligible.items()):
        rows.append({"applicant": code, "status": INELIGIBLE, "position": None, "score": None, "draw": 0,
                     "reason": "not eligible: " + "; ".join(reasons)})
    return rows


def _row(c: Candidate, status: str, position, reason: str) -> dict:
    return {"applicant": c.applicant, "status": status, "position": position, "score": round(c.final, 3),
            "draw": c.draw, "reason": reason}
