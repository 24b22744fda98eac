"""Cell roles and front matter: the only place that knows tag names.

A session notebook marks trainer-only content with Jupyter cell tags, which are visible and
editable in JupyterLab. Everything else reads them through the predicates here.
"""
from __future__ import annotations

import yaml

TRAINER = "trainer"  # facilitation notes: trainer edition only
SOLUTION = "solution"  # model answers: trainer edition only
EDITION_TAGS = frozenset({TRAINER, SOLUTION})

# Tags MyST-NB and Jupyter Book understand; anything else is a typo the checker reports,
# because a misspelt "trainr" would otherwise leak a trainer note into the participant edition.
MYST_NB_TAGS = frozenset(
    {
        "hide-input", "hide-output", "hide-cell",
        "remove-input", "remove-output", "remove-cell", "remove-stderr", "remove-stdout",
        "skip-execution", "raises-exception", "thebe-init", "full-width", "margin",
        "output_scroll", "scroll-output", "scroll-input",
    }
)
KNOWN_TAGS = EDITION_TAGS | MYST_NB_TAGS

FENCE = "---"


def tags(cell) -> list[str]:
    return list(cell.get("metadata", {}).get("tags", []))


def is_trainer(cell) -> bool:
    return TRAINER in tags(cell)


def is_solution(cell) -> bool:
    return SOLUTION in tags(cell)


def is_edition_only(cell) -> bool:
    """True for cells that exist only in the trainer edition."""
    return bool(EDITION_TAGS.intersection(tags(cell)))


def source(cell) -> str:
    src = cell.get("source", "")
    return "".join(src) if isinstance(src, list) else src


def split_front_matter(text: str) -> tuple[str | None, str]:
    """Split ``---\\nyaml\\n---\\nbody`` into (yaml text, body); (None, text) without front matter."""
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].strip() != FENCE:
        return None, text
    for end, line in enumerate(lines[1:], start=1):
        if line.strip() == FENCE:
            return "".join(lines[1:end]), "".join(lines[end + 1 :]).lstrip("\n")
    return None, text


def notebook_front_matter(nb) -> tuple[dict | None, int | None]:
    """Front matter of a notebook: the YAML block opening its first markdown cell.

    Returns (data, cell index), or (None, None) when there is none. Raises ``yaml.YAMLError``
    for YAML that does not parse, and ``ValueError`` when it is not a mapping.
    """
    for index, cell in enumerate(nb.cells):
        if cell.cell_type != "markdown":
            continue
        raw, _ = split_front_matter(source(cell))
        if raw is None:
            return None, None
        data = yaml.safe_load(raw) or {}
        if not isinstance(data, dict):
            raise ValueError("front matter must be a YAML mapping of keys to values")
        return data, index
    return None, None


def markdown_front_matter(text: str) -> dict:
    """Front matter of a Markdown page, or {} when it has none."""
    raw, _ = split_front_matter(text)
    data = yaml.safe_load(raw) if raw else None
    return data if isinstance(data, dict) else {}
