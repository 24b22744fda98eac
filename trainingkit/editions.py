"""One source, two editions: small pure notebook transforms, chained per edition.

Each step takes a notebook and returns a new one; ``build_edition`` copies the source once and
runs the steps in order. The participant edition *removes* trainer notes and model answers (and
every output computed from them); the trainer edition marks them as trainer-only.
"""
from __future__ import annotations

import copy
import json
import re
from typing import Callable, Iterable

from nbformat import NotebookNode

from . import deps
from .cells import EDITION_TAGS, is_edition_only, is_solution, is_trainer, source, split_front_matter, tags
from .errors import Finding, FindingsError, Location, TrainingkitError
from .paths import PARTICIPANT, TRAINER  # the editions' names are their folders in _build/

Step = Callable[[NotebookNode], NotebookNode]

EDITIONS = (PARTICIPANT, TRAINER)

TRAINER_NOTES_TITLE = "Trainer notes · not in the participant edition"
MODEL_ANSWER_TITLE = "Model answer"
RENDERED = "trainingkit_rendered"  # cell metadata flag that keeps the trainer steps idempotent
WIDGET_STATE = "application/vnd.jupyter.widget-state+json"
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"


class EditionError(FindingsError):
    """An edition cannot be built from a notebook: its finding names the file and the cell."""

    def __init__(self, path: str, cell: int | None, reason: str):
        self.path, self.cell, self.reason = path, cell, reason
        super().__init__([Finding(Location(path, cell=cell), reason)])


def _with_cells(nb: NotebookNode, cells: list) -> NotebookNode:
    out = copy.copy(nb)
    out.cells = cells
    return out


# --- participant steps -------------------------------------------------------------------------


def clear_dependent_outputs(nb: NotebookNode) -> NotebookNode:
    """Clear the outputs of kept code cells that use anything a trainer-only code cell set.

    Runs before the trainer-only cells are removed, since it needs them. A cell that cannot be
    parsed after a trainer-only cell loses its outputs too: when in doubt, show nothing.
    """
    kept_modules = set()
    for cell in nb.cells:
        if cell.cell_type == "code" and not is_edition_only(cell):
            try:
                kept_modules |= deps.modules_imported(source(cell))
            except SyntaxError:
                pass
    tainted: set[str] = set()
    seen_removed = False
    cells = []
    for cell in nb.cells:
        if cell.cell_type != "code":
            cells.append(cell)
            continue
        if is_edition_only(cell):
            seen_removed = True
            try:
                tainted |= deps.names_set(source(cell)) - kept_modules
            except SyntaxError:
                tainted.add("*")
            cells.append(cell)
            continue
        if seen_removed:  # every later cell, with outputs or not: dependence is transitive
            try:
                depends = "*" in tainted or bool(deps.names_read(source(cell)) & tainted)
                if depends:
                    tainted |= deps.names_set(source(cell))
            except SyntaxError:
                depends = True
            if depends and (cell.get("outputs") or cell.get("execution_count")):
                cell = copy.deepcopy(cell)
                cell.outputs = []
                cell.execution_count = None
        cells.append(cell)
    return _with_cells(nb, cells)


def remove_edition_cells(nb: NotebookNode) -> NotebookNode:
    """Delete every cell tagged ``trainer`` or ``solution``."""
    return _with_cells(nb, [c for c in nb.cells if not is_edition_only(c)])


def prune_widget_state(nb: NotebookNode) -> NotebookNode:
    """Keep only the saved widget models that a remaining output displays (and their children),
    so a removed cell's widgets, and any answer inside them, do not travel with the page."""
    state = nb.metadata.get("widgets", {}).get(WIDGET_STATE)
    if not state:
        return nb
    models = state.get("state", {})
    wanted = [
        out["data"][WIDGET_VIEW]["model_id"]
        for cell in nb.cells
        for out in cell.get("outputs", [])
        if WIDGET_VIEW in out.get("data", {})
    ]
    keep: set[str] = set()
    while wanted:
        model_id = wanted.pop()
        if model_id in keep or model_id not in models:
            continue
        keep.add(model_id)
        wanted.extend(re.findall(r"IPY_MODEL_([0-9a-f]+)", json.dumps(models[model_id])))
    out = copy.copy(nb)
    out.metadata = copy.deepcopy(nb.metadata)
    if keep:
        out.metadata.widgets[WIDGET_STATE]["state"] = {k: v for k, v in models.items() if k in keep}
    else:
        del out.metadata["widgets"]
    return out


def assert_no_trainer_content(nb: NotebookNode, path: str = "<notebook>") -> NotebookNode:
    """Fail closed: refuse a participant notebook that still holds a trainer-only cell."""
    for index, cell in enumerate(nb.cells):
        if is_edition_only(cell) or cell.get("metadata", {}).get(RENDERED):
            raise EditionError(path, index, "trainer-only cell left in the participant edition")
    return nb


# --- trainer steps -----------------------------------------------------------------------------


def _fence(body: str) -> str:
    """A colon fence longer than any inside ``body``, so nested directives stay nested."""
    runs = [len(m.group(0)) for m in re.finditer(r"^:{3,}", body, flags=re.M)]
    return ":" * max([3, *(r + 1 for r in runs)])


def _wrap(body: str, title: str, classes: str) -> str:
    fence = _fence(body)
    return f"{fence}{{admonition}} {title}\n:class: {classes}\n\n{body.strip()}\n{fence}\n"


def _rendered(cell) -> NotebookNode:
    cell = copy.deepcopy(cell)
    cell.metadata[RENDERED] = True
    return cell


_HEADING = re.compile(r"^(#{1,6})[ \t]+\S")
_CODE_FENCE = re.compile(r"^(`{3,}|~{3,})")


def trainer_sections(text: str) -> list[tuple[str | None, str]]:
    """A trainer note split at its headings: [(heading line or None, body)], in order.

    Lines inside code fences are never headings.
    """
    sections: list[tuple[str | None, list[str]]] = [(None, [])]
    fence = None
    for line in text.split("\n"):
        marker = _CODE_FENCE.match(line)
        if marker and (fence is None or marker.group(1)[0] == fence):
            fence = None if fence else marker.group(1)[0]
        elif fence is None and _HEADING.match(line):
            sections.append((line, []))
            continue
        sections[-1][1].append(line)
    return [(heading, "\n".join(body)) for heading, body in sections if heading or "\n".join(body).strip()]


def _promoted(heading: str, by: int) -> str:
    hashes = len(heading) - len(heading.lstrip("#"))
    return "#" * max(1, hashes - by) + heading[hashes:]


def render_trainer_notes(nb: NotebookNode) -> NotebookNode:
    """Trainer markdown cells become "Trainer notes" blocks; trainer code cells keep their
    ``tag_trainer`` CSS class, which the stylesheet labels the same way.

    A note's headings ("### Preparation", "### Run of the session" …) stay outside the blocks,
    so they are in the page contents; a note that opens at level 3 is raised to level 2,
    because these are sections of the page in their own right, not parts of the section before.
    """
    cells = []
    for cell in nb.cells:
        if is_trainer(cell) and cell.cell_type == "markdown" and not cell.metadata.get(RENDERED):
            cell = _rendered(cell)
            sections = trainer_sections(source(cell))
            first = next((h for h, _ in sections if h), None)
            by = 1 if first and first.startswith("### ") else 0
            parts = []
            for heading, body in sections:
                if heading:
                    parts.append(_promoted(heading, by) + "\n")
                if body.strip():
                    parts.append(_wrap(body, TRAINER_NOTES_TITLE, "trainer-notes"))
            cell.source = "\n".join(parts)
        cells.append(cell)
    return _with_cells(nb, cells)


def render_model_answers(nb: NotebookNode) -> NotebookNode:
    """Solution cells become a collapsed "Model answer": a dropdown for text, a folded cell
    for code."""
    cells = []
    for cell in nb.cells:
        if is_solution(cell) and not cell.metadata.get(RENDERED):
            cell = _rendered(cell)
            if cell.cell_type == "markdown":
                cell.source = _wrap(source(cell), MODEL_ANSWER_TITLE, "dropdown model-answer")
            else:
                cell.metadata.tags = [*tags(cell), "hide-cell"]
                cell.metadata["mystnb"] = {
                    "code_prompt_show": f"Show {MODEL_ANSWER_TITLE.lower()}",
                    "code_prompt_hide": f"Hide {MODEL_ANSWER_TITLE.lower()}",
                }
        cells.append(cell)
    return _with_cells(nb, cells)


# --- steps for both editions -------------------------------------------------------------------


def replace_front_matter(header: str) -> Step:
    """A step that swaps the front-matter YAML of the first markdown cell for ``header``."""

    def step(nb: NotebookNode) -> NotebookNode:
        cells = list(nb.cells)
        for index, cell in enumerate(cells):
            if cell.cell_type != "markdown":
                continue
            raw, body = split_front_matter(source(cell))
            if raw is not None:
                cell = copy.deepcopy(cell)
                cell.source = "\n\n".join(part for part in (header.strip(), body.strip()) if part) + "\n"
                cells[index] = cell
            break
        return _with_cells(nb, cells)

    return step


PARTICIPANT_STEPS: tuple[Step, ...] = (
    clear_dependent_outputs,  # needs the trainer-only cells, so it runs before they go
    remove_edition_cells,
    prune_widget_state,
)
TRAINER_STEPS: tuple[Step, ...] = (render_trainer_notes, render_model_answers)


def build_edition(nb: NotebookNode, steps: Iterable[Step]) -> NotebookNode:
    """Apply ``steps`` in order to a copy of ``nb``; the source is never changed."""
    out = copy.deepcopy(nb)
    for step in steps:
        out = step(out)
    return out


def steps_for(edition: str, header: str | None = None) -> tuple[Step, ...]:
    if edition not in EDITIONS:
        raise TrainingkitError(f"unknown edition '{edition}': choose {' or '.join(EDITIONS)}")
    chain = PARTICIPANT_STEPS if edition == PARTICIPANT else TRAINER_STEPS
    return chain + ((replace_front_matter(header),) if header is not None else ())


__all__ = [
    "EDITION_TAGS", "PARTICIPANT_STEPS", "TRAINER_STEPS", "build_edition", "steps_for",
    "assert_no_trainer_content", "EditionError",
]
