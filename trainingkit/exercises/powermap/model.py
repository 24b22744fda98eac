"""Power mapping with ODI's alignment–interest–influence matrix (AIIM): the stakeholders, the
scales and the answer (pure).

An answer is a plain dict, as saved in the trainee's work file::

    {"objective": "Thailand's Ministry of Labour lets migrant workers form and lead unions",
     "placements": {"th-labour": {"alignment": -1, "interest": 3, "influence": 5}, ...},
     "roles": {"th-labour": {"role": "target", "reason": "It drafts the labour law ..."}, ...}}

A stakeholder is *placed* once all three of its scores are set; ``None`` means not placed yet.
"""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from ..kit.data import records

EXERCISE_ID = "ex-power-map"
DATASET = "stakeholders"
DATASET_FILE = "datasets/stakeholders.csv"  # named in the notes of the map

ALIGNMENT = {-2: "strongly against", -1: "against", 0: "neutral", 1: "for", 2: "strongly for"}
INTEREST = {1: "none", 2: "low", 3: "some", 4: "high", 5: "very high"}
INFLUENCE = {1: "very low", 2: "low", 3: "some", 4: "high", 5: "very high"}
SCALES = {"alignment": ALIGNMENT, "interest": INTEREST, "influence": INFLUENCE}
ROLES = ("target", "ally")

HIGH_INFLUENCE = 4  # a target needs at least this influence
ALIGNED = 1  # an ally needs at least this alignment ("for")
MIN_REASON_WORDS = 4
COLUMNS = ("id", "name", "short", "group", "country", "role")


@dataclass(frozen=True)
class Stakeholder:
    id: str
    name: str
    short: str  # label on the map
    group: str
    country: str
    role: str  # what they do, from the fact sheet


def load_stakeholders(frame: pd.DataFrame | None = None) -> tuple[Stakeholder, ...]:
    """The stakeholders of ``datasets/stakeholders.csv`` (or ``frame``), checked row by row."""
    rows = records(DATASET, COLUMNS, nonempty=("id", "name", "short", "group"), unique="id", frame=frame)
    return tuple(Stakeholder(**{c: values[c] for c in COLUMNS}) for _, values in rows)


def empty_answer() -> dict:
    return {"objective": "", "placements": {}, "roles": {}}


def clean_answer(data: dict, stakeholders) -> dict:
    """``data`` (e.g. read from a work file) reduced to known stakeholders and valid values."""
    known = {s.id for s in stakeholders}
    answer = empty_answer()
    answer["objective"] = str(data.get("objective") or "")
    for sid, scores in (data.get("placements") or {}).items():
        if sid in known and isinstance(scores, dict):
            answer["placements"][sid] = {
                dim: scores.get(dim) if scores.get(dim) in scale else None for dim, scale in SCALES.items()
            }
    for sid, choice in (data.get("roles") or {}).items():
        if sid in known and isinstance(choice, dict):
            role = choice.get("role") if choice.get("role") in ROLES else ""
            answer["roles"][sid] = {"role": role, "reason": str(choice.get("reason") or "")}
    return answer


def score(answer: dict, sid: str, dimension: str) -> int | None:
    return (answer.get("placements", {}).get(sid) or {}).get(dimension)


def at_least(answer: dict, sid: str, dimension: str, floor: int) -> bool:
    value = score(answer, sid, dimension)
    return value is not None and value >= floor


def is_placed(answer: dict, sid: str) -> bool:
    return all(score(answer, sid, dim) is not None for dim in SCALES)


def chosen(answer: dict, role: str) -> list[str]:
    """Ids the trainee chose as ``role`` ("target" or "ally"), in the order saved."""
    return [sid for sid, choice in answer.get("roles", {}).items() if choice.get("role") == role]


def names(stakeholders, ids) -> str:
    by_id = {s.id: s.short for s in stakeholders}
    return ", ".join(by_id[i] for i in ids)
