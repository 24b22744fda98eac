"""How far reviewers agree: Krippendorff's alpha (ordinal) over all reviews, per criterion too,
and the applicants whose reviewers differ by 2 or more on a criterion, to discuss.

Alpha comes from the ``krippendorff`` package. A unit is one (applicant, criterion); a coder is
a reviewer. Alpha is 1 for perfect agreement and 0 for agreement no better than chance; it is
undefined (None) when fewer than two reviewers scored anything or every score is the same.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

STATISTIC = "Krippendorff's alpha (ordinal)"
DISCUSS_GAP = 2


def alpha(reliability: np.ndarray, level: str = "ordinal", value_domain=None) -> float | None:
    """Alpha of a coders × units matrix (NaN where a coder gave no value)."""
    import krippendorff

    pairable = (np.sum(~np.isnan(reliability), axis=0) >= 2).sum() if reliability.size else 0
    values = reliability[~np.isnan(reliability)]
    if reliability.shape[0] < 2 or pairable == 0 or len(np.unique(values)) < 2:
        return None
    return float(krippendorff.alpha(reliability_data=reliability, level_of_measurement=level, value_domain=value_domain))


def reliability_matrix(scores: pd.DataFrame) -> np.ndarray:
    if scores.empty:
        return np.empty((0, 0))
    wide = scores.pivot_table(index="reviewer", columns=["applicant", "criterion"], values="score", aggfunc="first")
    return wide.to_numpy(dtype=float)


def agreement(scores: pd.DataFrame, criteria: list) -> dict:
    """``{"statistic", "alpha", "per_criterion": {id: alpha}, "reviews", "discuss": [...]}``."""
    domain = sorted({p for c in criteria for p in c.points})
    per = {c.id: alpha(reliability_matrix(scores[scores["criterion"] == c.id]), value_domain=list(c.points))
           for c in criteria}
    return {
        "statistic": STATISTIC,
        "alpha": alpha(reliability_matrix(scores), value_domain=domain),
        "per_criterion": per,
        "scores": int(len(scores)),
        "discuss": to_discuss(scores),
    }


def to_discuss(scores: pd.DataFrame, gap: int = DISCUSS_GAP) -> list[dict]:
    """[{applicant, criterion, low, high}] where reviewers' scores differ by ``gap`` or more."""
    if scores.empty:
        return []
    spread = scores.groupby(["applicant", "criterion"])["score"].agg(["min", "max"]).reset_index()
    flagged = spread[spread["max"] - spread["min"] >= gap]
    return [{"applicant": r.applicant, "criterion": r.criterion, "low": int(r["min"]), "high": int(r["max"])}
            for _, r in flagged.iterrows()]
