"""The table of contents: the order of pages and of sessions within each day.

``_toc.yml`` is the single place where session order lives; parts are the days.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml
from sphinx_external_toc.parsing import MalformedError, parse_toc_yaml

from .errors import Finding, Location

TOC_FILE = "_toc.yml"
PAGE_SUFFIXES = (".ipynb", ".md")


@dataclass(frozen=True)
class Part:
    caption: str
    docnames: tuple[str, ...]  # in reading order, sections flattened


@dataclass(frozen=True)
class Toc:
    root: str
    parts: tuple[Part, ...]

    @property
    def docnames(self) -> tuple[str, ...]:
        return (self.root, *(d for part in self.parts for d in part.docnames))


def load_toc(root: Path) -> Toc:
    """Parse ``_toc.yml`` (jb-book format) into parts of docnames."""
    try:
        site = parse_toc_yaml(root / TOC_FILE)
    except (MalformedError, yaml.YAMLError, OSError) as exc:
        raise ValueError(f"{TOC_FILE}: {exc}") from exc

    def walk(docname: str) -> list[str]:
        found = [docname]
        for tree in site[docname].subtrees:
            for item in tree.items:
                if isinstance(item, str):
                    found.extend(walk(item))
        return found

    parts = []
    for tree in site[site.root.docname].subtrees:
        names = [d for item in tree.items if isinstance(item, str) for d in walk(item)]
        parts.append(Part(caption=tree.caption or "", docnames=tuple(names)))
    return Toc(root=site.root.docname, parts=tuple(parts))


def page_file(root: Path, docname: str) -> Path | None:
    """The file behind a docname (``.ipynb`` or ``.md``), or None if there is none."""
    for suffix in PAGE_SUFFIXES:
        path = root / f"{docname}{suffix}"
        if path.is_file():
            return path
    return None


def toc_findings(root: Path, toc: Toc, page_dirs: tuple[str, ...]) -> list[Finding]:
    """Entries without files, and pages under ``page_dirs`` that the toc leaves out."""
    findings = [
        Finding(Location(TOC_FILE), f"entry '{d}' has no file {d}.ipynb or {d}.md")
        for d in toc.docnames
        if page_file(root, d) is None
    ]
    listed = set(toc.docnames)
    for folder in page_dirs:
        for path in sorted((root / folder).rglob("*")):
            if path.suffix not in PAGE_SUFFIXES or ".ipynb_checkpoints" in path.parts:
                continue
            rel = path.relative_to(root).with_suffix("").as_posix()
            if rel not in listed and path.name != "README.md":
                findings.append(Finding(Location(path.relative_to(root).as_posix()), f"not in {TOC_FILE}"))
    return findings


def without_pages(data: dict, drop: set[str]) -> dict:
    """A copy of raw ``_toc.yml`` data without the entries for ``drop`` docnames.

    A part or chapter left with nothing under it is invalid in jb-book, so it goes too.
    """

    def prune(node):
        if isinstance(node, list):
            kept = [prune(e) for e in node if not (isinstance(e, dict) and e.get("file") in drop)]
            return [e for e in kept if not (isinstance(e, dict) and _empty(e))]
        if isinstance(node, dict):
            pruned = {k: prune(v) for k, v in node.items()}
            return {k: v for k, v in pruned.items() if not (k == "sections" and v == [])}
        return node

    return prune(data)


def _empty(entry: dict) -> bool:
    return not any(entry.get(k) for k in ("file", "url", "glob", "chapters", "sections"))
