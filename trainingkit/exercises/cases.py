"""The ten cases: which package and view class hold each exercise, and which key files they read.

Declared once here, so the checker can validate every key file against its model and the
contract test can reach every view, without importing the (widget-heavy) views up front.
"""
from __future__ import annotations

from importlib import import_module
from pathlib import Path

# exercise id (= notebook name, work file, quiz file) -> (case package, view class)
CASES: dict[str, tuple[str, str]] = {
    "ex-action-plan": ("actionplan", "ActionPlan"),
    "ex-asean-calendar": ("calendar", "Calendar"),
    "ex-mayday-demands": ("mayday", "MaydayDemands"),
    "ex-message-box": ("statement", "MessageBox"),
    "ex-minimum-wage": ("minwage", "MinimumWage"),
    "ex-origin-recommendations": ("origin", "Origin"),
    "ex-power-map": ("powermap", "PowerMap"),
    "ex-problem-tree": ("problemtree", "ProblemTree"),
    "ex-ratification-map": ("ratification", "Ratification"),
    "ex-sez-survey": ("sez", "SezSurvey"),
}
# exercise id -> the pydantic model of exercises/keys/<exercise id>.yml, in the case's model.py
KEYS: dict[str, str] = {
    "ex-mayday-demands": "MaydayKey",
    "ex-message-box": "StatementKey",
    "ex-origin-recommendations": "OriginKey",
}


def view_class(exercise_id: str):
    package, name = CASES[exercise_id]
    return getattr(import_module(f"{__package__}.{package}.view"), name)


def key_model(exercise_id: str):
    package, _ = CASES[exercise_id]
    return getattr(import_module(f"{__package__}.{package}.model"), KEYS[exercise_id])


def case_sources(exercise_id: str) -> list[Path]:
    """The Python files of the exercise's case package (unknown exercises have none)."""
    if exercise_id not in CASES:
        return []
    return sorted((Path(__file__).parent / CASES[exercise_id][0]).glob("*.py"))
