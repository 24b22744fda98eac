"""The May Day 2016 demands: classify each demand by target, standard and ASEAN entry point.

The model classification is data, in ``exercises/keys/ex-mayday-demands.yml`` (:class:`MaydayKey`).
Targets and standards have one best answer and, where the demand can fairly be read two ways,
an accepted alternative; entry points are judgement calls, so each demand lists the defensible
alternatives and why they are defensible. ``KEY``, ``OPTIONS`` and ``ENTRY_NOTES`` read the key
file when first used.
"""
from __future__ import annotations

from typing import Literal

import pandas as pd
from pydantic import model_validator

from ..kit.keys import KeyModel, key_attributes, load_key

EXERCISE_ID = "ex-mayday-demands"
DATASET = "mayday-2016-demands"
DIMENSIONS = ("target", "standard", "entry")
DIMENSION_LABELS = {"target": "Target", "standard": "Standard", "entry": "ASEAN entry point"}
Dimension = Literal["target", "standard", "entry"]


class Answer(KeyModel):
    model: str
    why: str  # why the model answer fits: shown when a trainee agrees, and in the debrief
    hint: str  # what to look at when the choice is neither the model nor a defensible one
    accepted: dict[str, str] = {}  # alternative -> why it is defensible


class MaydayKey(KeyModel):
    options: dict[Dimension, dict[str, str]]  # question -> {choice id: label}
    entry_notes: dict[str, str]  # entry point -> what it is and cannot do
    demands: dict[int, dict[Dimension, Answer]]

    @model_validator(mode="after")
    def _consistent(self):
        missing = [d for d in DIMENSIONS if d not in self.options]
        if missing:
            raise ValueError(f"options: no choices for {', '.join(missing)}")
        unnoted = sorted(set(self.options["entry"]) - set(self.entry_notes))
        if unnoted:
            raise ValueError(f"entry_notes: no note for {', '.join(unnoted)}")
        for demand, answers in self.demands.items():
            if set(answers) != set(DIMENSIONS):
                raise ValueError(f"demands/{demand}: needs a target, a standard and an entry")
            for dim, answer in answers.items():
                unknown = [c for c in (answer.model, *answer.accepted) if c not in self.options[dim]]
                if unknown:
                    raise ValueError(f"demands/{demand}/{dim}: unknown choice {', '.join(unknown)} "
                                     f"(use one of {', '.join(self.options[dim])})")
                if answer.model in answer.accepted:
                    raise ValueError(f"demands/{demand}/{dim}: the model answer is also listed as accepted")
        return self


def key() -> MaydayKey:
    return load_key(EXERCISE_ID, MaydayKey)


__getattr__ = key_attributes(EXERCISE_ID, MaydayKey, {"KEY": "demands", "OPTIONS": "options", "ENTRY_NOTES": "entry_notes"})


MODEL, DEFENSIBLE, DIFFERENT, NOT_CHOSEN = "matches the model", "defensible", "different", "not chosen"


def verdict(demand: int, dimension: str, choice: str | None) -> str:
    """How a choice compares with the model: model, defensible, different or not chosen."""
    if not choice:
        return NOT_CHOSEN
    answer = key().demands[demand][dimension]
    if choice == answer.model:
        return MODEL
    return DEFENSIBLE if choice in answer.accepted else DIFFERENT


def your_classification(choices: dict) -> pd.DataFrame:
    """The trainee's choices, one row per demand, each marked ✔ (model), ≈ (defensible) or ✘."""
    marks = {MODEL: "✔", DEFENSIBLE: "≈", DIFFERENT: "✘"}
    rows = []
    for demand in key().demands:
        row = {"Demand": demand}
        for dim in DIMENSIONS:
            choice = choices.get(str(demand), {}).get(dim)
            mark = marks.get(verdict(demand, dim, choice))
            row[DIMENSION_LABELS[dim]] = f"{mark} {key().options[dim][choice]}" if mark else "–"
        rows.append(row)
    return pd.DataFrame(rows).set_index("Demand")


def debrief_table(choices: dict) -> pd.DataFrame:
    """The trainee's choice beside the model classification and its reason, per demand and
    dimension: the table for the debrief."""
    rows = []
    for demand, answers in key().demands.items():
        for dim, answer in answers.items():
            choice = choices.get(str(demand), {}).get(dim)
            alternatives = "; ".join(key().options[dim][a] for a in answer.accepted) or "–"
            rows.append({
                "Demand": demand,
                "Question": DIMENSION_LABELS[dim],
                "Your choice": key().options[dim].get(choice, "–"),
                "Model": key().options[dim][answer.model],
                "Also defensible": alternatives,
                "Verdict": verdict(demand, dim, choice),
                "Why": answer.why,
            })
    return pd.DataFrame(rows).set_index(["Demand", "Question"])
