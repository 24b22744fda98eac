"""The glossary and the rule that links it: on every page, the first use of each acronym in
text trainees read is a ``{term}`` link to the glossary."""
from __future__ import annotations

import re
from pathlib import Path

import nbformat

from .cells import is_edition_only, source, split_front_matter

GLOSSARY_PAGE = "book/glossary.md"
ACRONYM = re.compile(r"^[A-Z][A-Z0-9/]+$")
ROLE = re.compile(r"\{term\}`([^`]*)`")
CODE = re.compile(r"```.*?```|`[^`\n]*`", re.S)


def glossary_terms(root: Path) -> list[str]:
    """Terms defined in the ``{glossary}`` block of the glossary page."""
    path = root / GLOSSARY_PAGE
    if not path.is_file():
        return []
    block = re.search(r"```\{glossary\}(.*?)```", path.read_text(encoding="utf-8"), re.S)
    if not block:
        return []
    return [l.strip() for l in block.group(1).splitlines() if l.strip() and not l[0].isspace() and not l.startswith(":")]


def reader_text(path: Path) -> list[tuple[int | None, str]]:
    """(cell, text) a trainee reads on a page: Markdown without front matter or trainer cells."""
    if path.suffix == ".md":
        return [(None, split_front_matter(path.read_text(encoding="utf-8"))[1])]
    nb = nbformat.read(path, as_version=4)
    return [
        (i, split_front_matter(source(c))[1])
        for i, c in enumerate(nb.cells)
        if c.cell_type == "markdown" and not is_edition_only(c)
    ]


def unlinked_first_uses(texts: list[tuple[int | None, str]], terms: list[str]) -> list[tuple[int | None, str]]:
    """(cell, term) where an acronym's first use on the page is plain text, not a link."""
    acronyms = [t for t in terms if ACRONYM.match(t)]
    events: dict[str, tuple] = {}  # term -> (position, cell, linked)
    for order, (cell, text) in enumerate(texts):
        blank = lambda m: " " * len(m.group(0))
        roles = [(m.start(), m.group(1)) for m in ROLE.finditer(text)]
        plain = CODE.sub(blank, ROLE.sub(blank, text))  # roles first: they contain backticks too
        plain = "\n".join(" " * len(l) if l.lstrip().startswith("#") else l for l in plain.split("\n"))
        for term in acronyms:
            if term in events:
                continue
            word = re.compile(rf"(?<![\w/]){re.escape(term)}s?(?![\w/])")
            linked = [pos for pos, inner in roles if word.search(inner)]
            unlinked = word.search(plain)
            first_link = linked[0] if linked else None
            if unlinked and (first_link is None or unlinked.start() < first_link):
                events[term] = (order, cell, False)
            elif first_link is not None:
                events[term] = (order, cell, True)
    return [(cell, term) for term, (_, cell, linked) in events.items() if not linked]
