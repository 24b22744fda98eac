"""Run an exercise notebook as a trainee would: a fresh kernel, an empty work folder."""
from __future__ import annotations

import json
import os

import nbformat
from nbclient import NotebookClient

from conftest import REPO


def run_exercise(name: str, work_dir) -> nbformat.NotebookNode:
    path = REPO / "exercises" / f"{name}.ipynb"
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(nb, timeout=180, resources={"metadata": {"path": str(path.parent)}})
    client.execute(env={**os.environ, "TRAININGKIT_WORK_DIR": str(work_dir)})
    return nb


def errors(nb) -> list[str]:
    return [
        f"cell {i}: {o.get('ename')}: {o.get('evalue')}"
        for i, c in enumerate(nb.cells)
        for o in c.get("outputs", [])
        if o.get("output_type") == "error"
    ]


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
