"""A withdrawal: the place goes to the best-placed on the waitlist whose entry keeps every bound.

Pure: decision rows (as :mod:`.decisions` makes them) and the candidates in, new rows out. The
waitlist keeps its length: the best not-selected applicant joins at its end.
"""
from __future__ import annotations

from ..errors import TrainingkitError
from .decisions import NOT_SELECTED, SELECTED, WAITLIST, WITHDRAWN, ranked
from ..selection_rules import Selection
from .selection import Candidate, effective_minimums, keeps_bounds


class WithdrawError(TrainingkitError):
    pass


def withdraw(rows: list[dict], code: str, candidates: dict[str, Candidate], selection: Selection) -> tuple[list[dict], str]:
    """(new rows, what happened in a sentence)."""
    by_code = {r["applicant"]: dict(r) for r in rows}
    if code not in by_code:
        raise WithdrawError(f"no decision for applicant '{code}': run trainingkit applications select first")
    row = by_code[code]
    if row["status"] == WITHDRAWN:
        raise WithdrawError(f"{code} has already withdrawn")
    was = row["status"]
    row.update(status=WITHDRAWN, position=None, reason=f"withdrew (was {was.replace('_', ' ')})")
    message = f"{code} withdrawn"
    minimums = effective_minimums(list(candidates.values()), selection)
    if was == SELECTED:
        chosen = [candidates[r["applicant"]] for r in by_code.values() if r["status"] == SELECTED]
        waiting = sorted((r for r in by_code.values() if r["status"] == WAITLIST), key=lambda r: r["position"])
        promoted = next((r for r in waiting if not keeps_bounds(chosen + [candidates[r["applicant"]]], selection, minimums)), None)
        if promoted is None:
            broken = keeps_bounds(chosen, selection, minimums)
            message += ("; no one on the waitlist keeps every bound, so the place stays open"
                        + (f" ({'; '.join(broken)})" if broken else ""))
        else:
            place = promoted["position"]
            promoted.update(status=SELECTED, position=None,
                            reason=f"selected from waitlist {place} when {code} withdrew: "
                                   f"the best-placed whose entry keeps every bound")
            message += f"; {promoted['applicant']} takes the place (was waitlist {place})"
    if was in (SELECTED, WAITLIST):
        _refill(by_code, candidates, selection)
    return list(by_code.values()), message


def _refill(by_code: dict[str, dict], candidates: dict[str, Candidate], selection: Selection) -> None:
    """Renumber the waitlist and bring the best not-selected applicant onto its end."""
    waiting = sorted((r for r in by_code.values() if r["status"] == WAITLIST), key=lambda r: r["position"])
    rest = ranked([candidates[r["applicant"]] for r in by_code.values() if r["status"] == NOT_SELECTED])
    while len(waiting) < selection.waitlist and rest:
        joining = by_code[rest.pop(0).applicant]
        joining["status"] = WAITLIST
        joining["reason"] = joining["reason"].replace("not selected", "joined the waitlist after a withdrawal; was not selected", 1)
        waiting.append(joining)
    for position, r in enumerate(waiting, start=1):
        r["position"] = position
