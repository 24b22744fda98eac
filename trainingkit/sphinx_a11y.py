"""A Sphinx extension (``_config.yml`` ``sphinx: extra_extensions``) for what the Markdown
parsers leave inaccessible: MyST's task lists draw each checkbox as raw HTML with no label, so a
screen reader announces "checkbox, not checked" and nothing more. Each checkbox is labelled with
the text of its list item."""
from __future__ import annotations

import html

from docutils import nodes

CHECKBOX = '<input class="task-list-item-checkbox"'


def label_task_checkboxes(app, doctree, docname) -> None:
    for raw in list(doctree.findall(nodes.raw)):
        if not raw.astext().startswith(CHECKBOX) or "aria-label" in raw.astext():
            continue
        item = raw.parent
        text = " ".join(n.astext() for n in item.findall(nodes.Text) if not isinstance(n.parent, nodes.raw)).strip()
        labelled = raw.astext().replace(CHECKBOX, f'{CHECKBOX} aria-label="{html.escape(text)}"', 1)
        raw.replace_self(nodes.raw(labelled, labelled, format=raw.get("format", "html")))


def setup(app):
    app.connect("doctree-resolved", label_task_checkboxes)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
