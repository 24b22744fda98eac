"""Evaluation metrics: pure functions with their definitions in the docstrings.

They take small, already-aggregated inputs (counts of each answer value, or one value per
participant), so the same functions serve a 17-trainee pilot and a store of 100,000
responses whose counting was done by the database. Rounding: means and medians to 2 decimals,
percentages to 1 decimal.
"""
from __future__ import annotations

import math
import warnings
from typing import Mapping

import pandas as pd
from scipy import stats

LIKERT = range(1, 6)
RECOMMEND = range(0, 11)
MIN_PAIRS_FOR_TEST = 6  # fewer pairs than this: no Wilcoxon p-value (it cannot be small)


def _r(x: float, places: int) -> float | None:
    return None if x is None or (isinstance(x, float) and math.isnan(x)) else round(float(x), places)


def pct(part: float, whole: float) -> float | None:
    """``part`` as a percentage of ``whole``, or None when ``whole`` is 0."""
    return _r(100 * part / whole, 1) if whole else None


def median_from_counts(counts: Mapping[int, int]) -> float | None:
    """The median of the values the counts describe (mean of the two middle values when n is even)."""
    n = sum(counts.values())
    if n == 0:
        return None
    middle, seen, lower = ((n - 1) // 2, n // 2), 0, None
    for value in sorted(counts):
        seen_next = seen + counts[value]
        if lower is None and middle[0] < seen_next:
            lower = value
        if middle[1] < seen_next:
            return (lower + value) / 2
        seen = seen_next
    return None


def likert_summary(counts: Mapping[int, int]) -> dict:
    """Summary of a 1–5 question from the count of each answer value.

    ``n`` answers; ``mean`` and ``median`` of the values; ``top2_pct`` = share of answers that
    are 4 or 5, in %; ``dist`` = the count of each value 1..5 (keys "1".."5").
    """
    counts = {v: int(counts.get(v, 0)) for v in LIKERT}
    n = sum(counts.values())
    mean = sum(v * c for v, c in counts.items()) / n if n else None
    return {
        "n": n,
        "mean": _r(mean, 2) if n else None,
        "median": _r(median_from_counts(counts), 2) if n else None,
        "top2_pct": pct(counts[4] + counts[5], n),
        "dist": {str(v): counts[v] for v in LIKERT},
    }


def nps_summary(counts: Mapping[int, int]) -> dict:
    """Net Promoter Score on the 0–10 ``recommend`` question.

    ``score`` = % of answers 9–10 (promoters) minus % of answers 0–6 (detractors), from −100 to
    +100, over the ``n`` who answered. ``dist`` counts each value 0..10.
    """
    counts = {v: int(counts.get(v, 0)) for v in RECOMMEND}
    n = sum(counts.values())
    promoters = counts[9] + counts[10]
    detractors = sum(counts[v] for v in range(0, 7))
    return {
        "n": n,
        "score": _r(100 * (promoters - detractors) / n, 1) if n else None,
        "promoters_pct": pct(promoters, n),
        "passives_pct": pct(counts[7] + counts[8], n),
        "detractors_pct": pct(detractors, n),
        "dist": {str(v): counts[v] for v in RECOMMEND},
    }


def pre_post_summary(pre: pd.Series, post: pd.Series) -> dict:
    """Paired change on one self-rated competence item (1–5).

    ``pre`` and ``post`` map participant → value. Pairs are participants with both (a trainee
    present in ``pre`` only does not count). ``mean_change`` = mean of post − pre over pairs;
    ``improved_pct`` = share of pairs with post > pre, in %; ``wilcoxon_p`` = two-sided p of the
    Wilcoxon signed-rank test (scipy, zero_method="pratt", method="approx": the normal
    approximation with tie correction, since Likert answers are full of ties and zeros, for
    which no exact null distribution exists), null below 6 pairs; when every pair is unchanged
    there is no evidence of change and p is 1.0.
    """
    pairs = pd.concat({"pre": pre, "post": post}, axis=1, join="inner").dropna()
    n = len(pairs)
    diff = pairs["post"] - pairs["pre"]
    p = None
    if n >= MIN_PAIRS_FOR_TEST:
        if (diff == 0).all():
            p = 1.0
        else:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", RuntimeWarning)
                p = _r(stats.wilcoxon(pairs["post"], pairs["pre"], zero_method="pratt", method="approx").pvalue, 4)
    return {
        "n_pairs": n,
        "mean_pre": _r(pairs["pre"].mean(), 2) if n else None,
        "mean_post": _r(pairs["post"].mean(), 2) if n else None,
        "mean_change": _r(diff.mean(), 2) if n else None,
        "improved_pct": pct(int((diff > 0).sum()), n),
        "same_pct": pct(int((diff == 0).sum()), n),
        "worse_pct": pct(int((diff < 0).sum()), n),
        "wilcoxon_p": p,
    }


def pre_post_from_pairs(pairs: Mapping[tuple[int, int], int]) -> dict:
    """``pre_post_summary`` from the count of each (pre, post) pair of answers, so a store can
    pair the forms itself and send back at most 25 counts per item."""
    import numpy as np

    pre = np.repeat([p for p, _ in pairs], list(pairs.values()))
    post = np.repeat([q for _, q in pairs], list(pairs.values()))
    return pre_post_summary(pd.Series(pre, dtype="float64"), pd.Series(post, dtype="float64"))


def response_rate(responded: int, expected: int | None) -> dict:
    """``responded`` participants out of ``expected`` (the roster); ``rate`` in %."""
    return {
        "responded": int(responded),
        "expected": None if expected is None else int(expected),
        "rate": pct(responded, expected) if expected else None,
    }


def choice_shares(counts: Mapping[str, int], respondents: int) -> dict:
    """For a tick-all-that-apply question: how many respondents ticked each choice, and that
    count as a % of the ``respondents`` who answered the question."""
    return {name: {"n": int(c), "pct": pct(c, respondents)} for name, c in counts.items()}
