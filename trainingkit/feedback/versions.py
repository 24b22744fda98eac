"""Versions of a response: which one counts, and how many were replaced.

A participant may answer the same form for the same occasion more than once (a second thought,
a retry, someone else with their code). Every answer is kept as a version; the evaluation
counts one per participant, form and occasion: the version an organiser marked, else the
latest (by ``submitted_at``, then response id, as the evaluation's SQL orders them).
Responses without a participant code are anonymous: each one counts.
"""
from __future__ import annotations

import pandas as pd

# The answer that names the occasion of a response, per form; other forms have one occasion, "".
OCCASION_QUESTION = {"daily": "day", "followup": "round"}
GROUP = ["cohort", "participant", "form_id", "occasion"]


def mark_counted(frame: pd.DataFrame, marked: set[str]) -> pd.DataFrame:
    """``frame`` (responses with ``occasion``) with ``counts``: True for the version that counts.

    ``marked`` holds the response ids an organiser chose. Pure: the store reads, this decides.
    """
    frame = frame.copy()
    frame["marked"] = frame["response_id"].isin(marked)
    named = frame["participant"].notna()
    ordered = frame[named].sort_values(["marked", "submitted_at", "response_id"], ascending=False, kind="stable")
    winners = set(ordered.drop_duplicates(GROUP)["response_id"])
    frame["counts"] = ~named | frame["response_id"].isin(winners)
    return frame


def replaced(frame: pd.DataFrame) -> int:
    """How many stored versions do not count because another version of the same answer does."""
    return int((~frame["counts"]).sum())
