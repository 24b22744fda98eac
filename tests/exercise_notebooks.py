"""Reading an executed exercise notebook: its outputs, its widgets, its participant edition.

The notebooks themselves are run once per test session by the ``executed_exercise`` fixture
(``conftest.py``), through ``trainingkit.execute.run_notebook`` as the build runs them.
"""
from __future__ import annotations

import json

import nbformat

from trainingkit.editions import PARTICIPANT_STEPS, build_edition


def html_outputs(cell) -> str:
    return "".join(out.get("data", {}).get("text/html", "") for out in cell.get("outputs", []))


def cells_tagged(nb, tag: str):
    return [c for c in nb.cells if tag in c.get("metadata", {}).get("tags", [])]


def untagged_html(nb, tag: str = "solution") -> str:
    """The HTML every code cell not tagged ``tag`` displayed: what a trainee sees."""
    return "".join(html_outputs(c) for c in nb.cells if tag not in c.metadata.get("tags", []))


def participant_text(nb) -> str:
    """Everything in the participant edition of an executed notebook, as one string."""
    return nbformat.writes(build_edition(nb, PARTICIPANT_STEPS))


def outputs_text(nb, tag: str | None = None) -> str:
    """All text and HTML the code cells (tagged ``tag``, if given) displayed."""
    parts = []
    for cell in nb.cells:
        if cell.cell_type != "code" or (tag and tag not in cell.metadata.get("tags", [])):
            continue
        for out in cell.get("outputs", []):
            parts.append(out.get("text", ""))
            parts.extend(str(out.get("data", {}).get(kind, "")) for kind in ("text/html", "text/plain"))
    return "\n".join(parts)


def widget_text(nb) -> str:
    """The saved state of every widget the notebook displayed, as JSON text."""
    return json.dumps(nb.metadata.get("widgets", {}), ensure_ascii=False)
