"""The power map's self-checks, in the order a trainee works (pure: an answer in, checks out).

Every check takes ``(answer, stakeholders)``; :data:`CHECKS` lists them and :func:`check_all`
runs them all.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..kit.checks import Check, failed, passed
from .model import (
    ALIGNED, ALIGNMENT, HIGH_INFLUENCE, INFLUENCE, MIN_REASON_WORDS, at_least, chosen, is_placed, load_stakeholders,
    names, score,
)


def check_objective(answer: dict, stakeholders=None) -> Check:
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
        f"Not placed yet: {names(stakeholders, missing)}.",
        "Give every stakeholder all three scores, even when you are unsure: a rough guess you "
        "can discuss is better than a gap. Alignment: do they agree with your objective? "
        "Interest: do they spend time or money on the issue, or speak about it? Influence: can "
        "they sway the decision?",
    )


def check_choices(answer: dict, stakeholders=None) -> Check:
    if chosen(answer, "target") and chosen(answer, "ally"):
        return passed("You chose at least one target and one ally.")
    return failed(
        "Choose at least one target and one ally.",
        "A target is the person or body that can make the change, or push those who can. An ally "
        "agrees with you and helps you reach the target. Look at your map: targets are among the "
        "large circles, allies in the top half.",
    )


@dataclass(frozen=True)
class RoleRule:
    """What a chosen role needs (a floor on one dimension), and what to say either way."""

    role: str
    dimension: str
    floor: int
    scale: dict
    good: str  # followed by the names
    none: tuple[str, str]  # message, hint when nothing is chosen
    weak: str  # followed by the names with their rating
    hint: str


TARGETS = RoleRule(
    "target", "influence", HIGH_INFLUENCE, INFLUENCE,
    "Your targets have high influence",
    ("No target chosen yet.", "Choose the stakeholder who can make the change you want."),
    "Targets without high influence",
    "On the AIIM, influence tells you where to focus: a target must be able to make the "
    "change or sway those who decide. Pick a stakeholder you placed at high or very high "
    "influence (a large circle), or rate this one again if you underrated its power.",
)
ALLIES = RoleRule(
    "ally", "alignment", ALIGNED, ALIGNMENT,
    "Your allies agree with your objective",
    ("No ally chosen yet.", "Choose a stakeholder who shares your objective and can help you."),
    "Allies who do not agree with your objective",
    "An ally shares your objective: alignment 'for' or 'strongly for', the top half of the "
    "map. A neutral or opposed stakeholder is someone to persuade, not an ally. The AIIM "
    "suggests: if they care a lot, challenge their views or limit their influence; if they "
    "care little, keep them informed and watch them.",
)


def check_role(answer: dict, stakeholders, rule: RoleRule) -> Check:
    """Does every stakeholder chosen for ``rule.role`` reach the rule's floor?"""
    picked = chosen(answer, rule.role)
    short = [sid for sid in picked if not at_least(answer, sid, rule.dimension, rule.floor)]
    if picked and not short:
        return passed(f"{rule.good}: {names(stakeholders, picked)}.")
    if not picked:
        return failed(*rule.none)
    rated = "; ".join(
        f"{names(stakeholders, [sid])} ({rule.scale.get(score(answer, sid, rule.dimension), 'not placed')})" for sid in short
    )
    return failed(f"{rule.weak}: {rated}.", rule.hint)


def check_targets(answer: dict, stakeholders) -> Check:
    return check_role(answer, stakeholders, TARGETS)


def check_allies(answer: dict, stakeholders) -> Check:
    return check_role(answer, stakeholders, ALLIES)


def check_reasons(answer: dict, stakeholders) -> Check:
    picked = chosen(answer, "target") + chosen(answer, "ally")
    thin = [sid for sid in picked if len(answer["roles"][sid].get("reason", "").split()) < MIN_REASON_WORDS]
    if picked and not thin:
        return passed("Every target and ally has a reason.")
    if not picked:
        return failed("No targets or allies to give reasons for yet.", "Choose them first, then say why.")
    return failed(
        f"Give a reason (a short sentence) for: {names(stakeholders, thin)}.",
        "One sentence is enough. For a target: what power does it have over your objective? For "
        "an ally: what can it bring, such as members, evidence, access to officials or a voice "
        "in the media?",
    )


CHECKS = (check_objective, check_placed, check_choices, check_targets, check_allies, check_reasons)


def check_all(answer: dict, stakeholders=None) -> list[Check]:
    """Every self-check of the exercise, in the order a trainee works."""
    stakeholders = stakeholders or load_stakeholders()
    return [check(answer, stakeholders) for check in CHECKS]


