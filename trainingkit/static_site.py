"""The notebook step for the static book, where no kernel runs behind the page.

``mark_widget_previews``: a code cell whose output is an ipywidget gets the tag
``widget-preview``. On the page (``_static/trainingkit.js``) such a widget is a preview: its
controls are switched off and a note says to open the exercise as a live notebook, so a
trainee never types into a box or clicks a button that does nothing.

The step changes only the edition's copy; source notebooks stay as they are. (A quiz's
``precision`` is checked where quizzes are read, ``exercises/kit/quiz.py``, so the quiz script
never needs patching here or in a live notebook.)
"""
from __future__ import annotations

import copy

from nbformat import NotebookNode

from .cells import tags

WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
PREVIEW_TAG = "widget-preview"


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


STATIC_SITE_STEPS = (mark_widget_previews,)
