"""Helpers for the case-exercise tests: run a notebook as a trainee would, read its outputs,
and read a quiz file."""
from __future__ import annotations

import json
import os
from pathlib import Path

import nbformat
from nbclient import NotebookClient

from trainingkit.editions import PARTICIPANT_STEPS, build_edition


def run_fresh(path: Path, work: Path):
    """Execute ``path`` top to bottom in a new kernel, with ``work`` as the (empty) work folder."""
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(nb, timeout=180, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}})
    client.execute(env={**os.environ, "TRAININGKIT_WORK_DIR": str(work)})
    return nb


def html_outputs(cell) -> str:
    return "".join(out.get("data", {}).get("text/html", "") for out in cell.get("outputs", []))


def cells_tagged(nb, tag: str):
    return [c for c in nb.cells if tag in c.get("metadata", {}).get("tags", [])]


def participant_text(nb) -> str:
    """Everything in the participant edition of an executed notebook, as one string."""
    return nbformat.writes(build_edition(nb, PARTICIPANT_STEPS))


def quiz_problems(path: Path) -> list[str]:
    """What is wrong with a jupyterquiz file: each question needs one right answer, and every
    answer needs feedback (that is where the hint lives)."""
    problems = []
    for n, question in enumerate(json.loads(path.read_text(encoding="utf-8")), start=1):
        answers = question.get("answers", [])
        if question.get("type") != "multiple_choice":
            problems.append(f"question {n}: type is not multiple_choice")
        if sum(bool(a.get("correct")) for a in answers) != 1:
            problems.append(f"question {n}: needs exactly one correct answer")
        problems += [f"question {n}: answer {k} has no feedback" for k, a in enumerate(answers, 1) if not a.get("feedback")]
    return problems
