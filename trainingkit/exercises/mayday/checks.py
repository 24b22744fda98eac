"""Feedback on each classification choice (pure): why it fits, why it is defensible, or what to
look at. :data:`CHECKS` and :func:`check_all` judge a whole saved classification."""
from __future__ import annotations

from ..kit.checks import Check, failed, passed
from .model import DEFENSIBLE, DIMENSION_LABELS, DIMENSIONS, MODEL, NOT_CHOSEN, key, verdict


def check_choice(demand: int, dimension: str, choice: str | None) -> Check:
    """Immediate feedback on one choice: why it fits, why it is defensible, or what to look at."""
    k = key()
    if demand not in k.demands or dimension not in DIMENSIONS:
        raise ValueError(f"no demand {demand} with a '{dimension}' to classify")
    answer = k.demands[demand][dimension]
    label = k.options[dimension].get(choice, choice)
    what = f"Demand {demand}, {DIMENSION_LABELS[dimension]}"
    result = verdict(demand, dimension, choice)
    if result == NOT_CHOSEN:
        return failed(f"{what}: not chosen yet.", answer.hint)
    if result == MODEL:
        return passed(f"{what}: {label}. {answer.why}")
    if result == DEFENSIBLE:
        return passed(f"{what}: {label} is defensible. {answer.accepted[choice]} "
                      f"The model answer is {k.options[dimension][answer.model]}: {answer.why}")
    note = k.entry_notes[choice] + " " if dimension == "entry" else ""
    return failed(f"{what}: {label} is not the best fit.", note + answer.hint)


def check_demand(choices: dict, demand: int) -> list[Check]:
    """The feedback on every choice made for one demand (nothing for a question not answered yet)."""
    made = choices.get(str(demand), {})
    return [check_choice(demand, dim, made[dim]) for dim in DIMENSIONS if made.get(dim)]


CHECKS = (check_demand,)


def check_all(choices: dict) -> list[Check]:
    """Every choice of a saved classification, demand by demand; a question not answered yet
    gets its hint."""
    return [check_choice(demand, dim, choices.get(str(demand), {}).get(dim))
            for demand in key().demands for dim in DIMENSIONS]
