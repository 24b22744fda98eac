"""Notebook steps for the static book, where no kernel runs behind the page.

- ``mark_widget_previews``: a code cell whose output is an ipywidget gets the tag
  ``widget-preview``. On the page (``_static/trainingkit.js``) such a widget is a preview: its
  controls are switched off and a note says to open the exercise as a live notebook, so a
  trainee never types into a box or clicks a button that does nothing.
- ``guard_quiz_precision``: jupyterquiz rounds a numeric answer with ``toPrecision(precision)``
  and checks ``precision > 0`` before rounding the typed answer, but not before rounding the
  right one, so ``"precision": 0`` throws a RangeError and the question never answers. The
  step adds the same check to the embedded script.

The steps change only the edition's copy; source notebooks stay as they are.
"""
from __future__ import annotations

import copy
import re

from nbformat import NotebookNode

from .cells import tags

WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
JAVASCRIPT = "application/javascript"
PREVIEW_TAG = "widget-preview"

_UNGUARDED = re.compile(r'if \("precision" in ths\.dataset\) \{(\s*value = answer\.value\.toPrecision\(ths\.dataset\.precision\))')
_GUARDED = r'if (("precision" in ths.dataset) && (ths.dataset.precision > 0)) {\1'


def _shows_widget(cell) -> bool:
    return any(WIDGET_VIEW in out.get("data", {}) for out in cell.get("outputs", []))


def mark_widget_previews(nb: NotebookNode) -> NotebookNode:
    out = copy.copy(nb)
    out.cells = []
    for cell in nb.cells:
        if cell.cell_type == "code" and _shows_widget(cell) and PREVIEW_TAG not in tags(cell):
            cell = copy.deepcopy(cell)
            cell.metadata["tags"] = [*tags(cell), PREVIEW_TAG]
        out.cells.append(cell)
    return out


def guarded_quiz_script(script: str) -> str:
    return _UNGUARDED.sub(_GUARDED, script)


def guard_quiz_precision(nb: NotebookNode) -> NotebookNode:
    out = copy.copy(nb)
    out.cells = []
    for cell in nb.cells:
        scripts = [o for o in cell.get("outputs", []) if JAVASCRIPT in o.get("data", {})]
        if any(_UNGUARDED.search(_text(o["data"][JAVASCRIPT])) for o in scripts):
            cell = copy.deepcopy(cell)
            for output in cell.outputs:
                if JAVASCRIPT in output.get("data", {}):
                    output["data"][JAVASCRIPT] = guarded_quiz_script(_text(output["data"][JAVASCRIPT]))
        out.cells.append(cell)
    return out


def _text(data) -> str:
    return "".join(data) if isinstance(data, list) else data


STATIC_SITE_STEPS = (mark_widget_previews, guard_quiz_precision)
