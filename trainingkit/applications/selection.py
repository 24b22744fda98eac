"""The selection: the set of eligible applicants with the highest total final score that fits
the places, the per-country bounds and the per-organisation cap, found exactly.

An integer program solved by HiGHS through ``scipy.optimize.milp`` (scipy is already a
dependency; HiGHS is a maintained exact MILP solver that runs in-process, with no solver binary
or temporary files), with a zero optimality gap. Scores count to 3 decimals (whole thousandths),
so "equal" is exact. Among the best sets, a second solve keeps the best total and prefers the
applicants drawn first in a seeded draw, so ties are broken reproducibly.
"""
from __future__ import annotations

import random
from dataclasses import dataclass

import numpy as np
from scipy.optimize import Bounds as VarBounds, LinearConstraint, milp
from scipy.sparse import csr_matrix, vstack

from ..errors import TrainingkitError
from .assignment import org_key
from ..selection_rules import Selection

SCALE = 1000  # scores in whole thousandths


@dataclass(frozen=True)
class Candidate:
    applicant: str
    country: str
    organisation: str
    final: float
    draw: int = 0  # position in the seeded draw, 1 first

    @property
    def points(self) -> int:
        return round(self.final * SCALE)


class SelectionError(TrainingkitError):
    pass


def draw(codes: list[str], seed: int) -> dict[str, int]:
    """Each code's position in a seeded draw (1 first): the same seed and codes, the same draw."""
    shuffled = random.Random(seed).sample(sorted(codes), len(codes))
    return {code: i + 1 for i, code in enumerate(shuffled)}


def effective_minimums(candidates: list[Candidate], selection: Selection) -> dict[str, int]:
    """A country's minimum, or the number of its eligible applicants when fewer."""
    counts: dict[str, int] = {}
    for c in candidates:
        counts[c.country] = counts.get(c.country, 0) + 1
    return {country: min(b.min, counts.get(country, 0)) for country, b in selection.countries.items()}


def _constraints(candidates: list[Candidate], selection: Selection):
    n = len(candidates)
    rows, lows, highs = [np.ones(n)], [0], [selection.places]
    mins = effective_minimums(candidates, selection)
    for country, bound in selection.countries.items():
        rows.append(np.array([1.0 if c.country == country else 0.0 for c in candidates]))
        lows.append(mins[country])
        highs.append(np.inf if bound.max is None else bound.max)
    if selection.org_cap is not None:
        by_org: dict[str, list[int]] = {}
        for i, c in enumerate(candidates):
            by_org.setdefault(org_key(c.organisation), []).append(i)
        for members in by_org.values():
            if len(members) > selection.org_cap:
                row = np.zeros(n)
                row[members] = 1.0
                rows.append(row)
                lows.append(0)
                highs.append(selection.org_cap)
    return csr_matrix(np.vstack(rows)), np.array(lows, dtype=float), np.array(highs, dtype=float)


def _solve(cost: np.ndarray, matrix, lows, highs):
    n = len(cost)
    result = milp(cost, constraints=LinearConstraint(matrix, lows, highs), integrality=np.ones(n),
                  bounds=VarBounds(0, 1), options={"mip_rel_gap": 0, "presolve": True})
    return result


def select(candidates: list[Candidate], selection: Selection) -> list[str]:
    """The codes selected (sorted); :class:`SelectionError` when the bounds cannot all be met."""
    if not candidates:
        return []
    points = np.array([c.points for c in candidates], dtype=float)
    matrix, lows, highs = _constraints(candidates, selection)
    first = _solve(-points, matrix, lows, highs)
    if first.status != 0:
        raise SelectionError(f"no selection meets every bound ({first.message}): check the country minimums "
                             "against the organisation cap and the eligible applicants")
    best = round(-first.fun)
    # Second solve: keep the best total (whole thousandths, so exact) and prefer early draws.
    matrix2 = vstack([matrix, csr_matrix(points)], format="csr")
    lows2, highs2 = np.append(lows, best - 0.5), np.append(highs, np.inf)
    second = _solve(np.array([c.draw for c in candidates], dtype=float), matrix2, lows2, highs2)
    x = second.x if second.status == 0 else first.x
    return sorted(c.applicant for c, v in zip(candidates, x) if v > 0.5)


def keeps_bounds(chosen: list[Candidate], selection: Selection, minimums: dict[str, int] | None = None) -> list[str]:
    """Every bound ``chosen`` breaks (empty when it keeps them all)."""
    broken = []
    if len(chosen) > selection.places:
        broken.append(f"{len(chosen)} selected for {selection.places} places")
    counts: dict[str, int] = {}
    orgs: dict[str, int] = {}
    for c in chosen:
        counts[c.country] = counts.get(c.country, 0) + 1
        orgs[org_key(c.organisation)] = orgs.get(org_key(c.organisation), 0) + 1
    for country, bound in selection.countries.items():
        low = (minimums or {}).get(country, bound.min)
        if counts.get(country, 0) < low:
            broken.append(f"{country}: {counts.get(country, 0)} selected, minimum {low}")
        if bound.max is not None and counts.get(country, 0) > bound.max:
            broken.append(f"{country}: {counts.get(country, 0)} selected, maximum {bound.max}")
    if selection.org_cap is not None:
        broken += [f"an organisation has {n} selected, cap {selection.org_cap}" for n in orgs.values() if n > selection.org_cap]
    return broken
