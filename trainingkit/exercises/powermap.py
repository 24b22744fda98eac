"""Power mapping with ODI's alignment–interest–influence matrix (AIIM): the stakeholders, the
scales, and the self-checks (pure: an answer in, checks out).

An answer is a plain dict, as saved in the trainee's work file::

    {"objective": "Thailand's Ministry of Labour lets migrant workers form and lead unions",
     "placements": {"th-labour": {"alignment": -1, "interest": 3, "influence": 5}, ...},
     "roles": {"th-labour": {"role": "target", "reason": "It drafts the labour law ..."}, ...}}

A stakeholder is *placed* once all three of its scores are set; ``None`` means not placed yet.
"""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from ..errors import TrainingkitError
from .checks import Check, failed, passed
from .data import dataset

EXERCISE_ID = "ex-power-map"
DATASET = "stakeholders"
DATASET_FILE = "datasets/stakeholders.csv"

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
    frame = dataset(DATASET) if frame is None else frame
    missing = [c for c in COLUMNS if c not in frame.columns]
    if missing:
        raise TrainingkitError(f"{DATASET_FILE}: missing column(s) {', '.join(missing)}")
    out, seen = [], set()
    for number, row in enumerate(frame.to_dict("records"), start=2):  # line 1 is the header
        values = {c: "" if pd.isna(row[c]) else str(row[c]).strip() for c in COLUMNS}
        for column in ("id", "name", "short", "group"):
            if not values[column]:
                raise TrainingkitError(f"{DATASET_FILE}, line {number}: field '{column}' is empty")
        if values["id"] in seen:
            raise TrainingkitError(f"{DATASET_FILE}, line {number}: id '{values['id']}' is used twice")
        seen.add(values["id"])
        out.append(Stakeholder(**values))
    return tuple(out)


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


def _names(stakeholders, ids) -> str:
    by_id = {s.id: s.short for s in stakeholders}
    return ", ".join(by_id[i] for i in ids)


# --- checks ------------------------------------------------------------------------------------


def check_objective(answer: dict) -> Check:
    if len(answer.get("objective", "").split()) >= 3:
        return passed("Your map is for one objective.")
    return failed(
        "Write your advocacy objective first.",
        "A map only makes sense for one objective: the same body can support one change and "
        "oppose another. For example: \"Thailand's Ministry of Labour lets migrant workers form "
        "and lead unions.\"",
    )


def check_placed(answer: dict, stakeholders) -> Check:
    missing = [s.id for s in stakeholders if not is_placed(answer, s.id)]
    if not missing:
        return passed(f"All {len(stakeholders)} stakeholders are placed.")
    return failed(
        f"Not placed yet: {_names(stakeholders, missing)}.",
        "Give every stakeholder all three scores, even when you are unsure: a rough guess you "
        "can discuss is better than a gap. Alignment: do they agree with your objective? "
        "Interest: do they spend time or money on the issue, or speak about it? Influence: can "
        "they sway the decision?",
    )


def check_choices(answer: dict) -> Check:
    if chosen(answer, "target") and chosen(answer, "ally"):
        return passed("You chose at least one target and one ally.")
    return failed(
        "Choose at least one target and one ally.",
        "A target is the person or body that can make the change, or push those who can. An ally "
        "agrees with you and helps you reach the target. Look at your map: targets are among the "
        "large circles, allies in the top half.",
    )


def check_targets(answer: dict, stakeholders) -> Check:
    targets = chosen(answer, "target")
    weak = [sid for sid in targets if not at_least(answer, sid, "influence", HIGH_INFLUENCE)]
    if targets and not weak:
        return passed(f"Your targets have high influence: {_names(stakeholders, targets)}.")
    if not targets:
        return failed("No target chosen yet.", "Choose the stakeholder who can make the change you want.")
    rated = "; ".join(
        f"{_names(stakeholders, [sid])} ({INFLUENCE.get(score(answer, sid, 'influence'), 'not placed')})" for sid in weak
    )
    return failed(
        f"Targets without high influence: {rated}.",
        "On the AIIM, influence tells you where to focus: a target must be able to make the "
        "change or sway those who decide. Pick a stakeholder you placed at high or very high "
        "influence (a large circle), or rate this one again if you underrated its power.",
    )


def check_allies(answer: dict, stakeholders) -> Check:
    allies = chosen(answer, "ally")
    unaligned = [sid for sid in allies if not at_least(answer, sid, "alignment", ALIGNED)]
    if allies and not unaligned:
        return passed(f"Your allies agree with your objective: {_names(stakeholders, allies)}.")
    if not allies:
        return failed("No ally chosen yet.", "Choose a stakeholder who shares your objective and can help you.")
    rated = "; ".join(
        f"{_names(stakeholders, [sid])} ({ALIGNMENT.get(score(answer, sid, 'alignment'), 'not placed')})" for sid in unaligned
    )
    return failed(
        f"Allies who do not agree with your objective: {rated}.",
        "An ally shares your objective: alignment 'for' or 'strongly for', the top half of the "
        "map. A neutral or opposed stakeholder is someone to persuade, not an ally. The AIIM "
        "suggests: if they care a lot, challenge their views or limit their influence; if they "
        "care little, keep them informed and watch them.",
    )


def check_reasons(answer: dict, stakeholders) -> Check:
    picked = chosen(answer, "target") + chosen(answer, "ally")
    thin = [sid for sid in picked if len(answer["roles"][sid].get("reason", "").split()) < MIN_REASON_WORDS]
    if picked and not thin:
        return passed("Every target and ally has a reason.")
    if not picked:
        return failed("No targets or allies to give reasons for yet.", "Choose them first, then say why.")
    return failed(
        f"Give a reason (a short sentence) for: {_names(stakeholders, thin)}.",
        "One sentence is enough. For a target: what power does it have over your objective? For "
        "an ally: what can it bring, such as members, evidence, access to officials or a voice "
        "in the media?",
    )


def check_power_map(answer: dict, stakeholders=None) -> list[Check]:
    """Every self-check of the exercise, in the order a trainee works."""
    stakeholders = stakeholders or load_stakeholders()
    return [
        check_objective(answer),
        check_placed(answer, stakeholders),
        check_choices(answer),
        check_targets(answer, stakeholders),
        check_allies(answer, stakeholders),
        check_reasons(answer, stakeholders),
    ]
