"""Facts in the texts of keys, quizzes and hints: written once in ``datasets/facts.yaml``.

An answer key, a quiz or a hint built in code cites a volatile fact with the same roles as the
pages (see :mod:`trainingkit.facts`). A trainee's notebook has no Sphinx, so the roles are
written out here in plain words with the fact's as-of date and confidence: when the fact sheet
changes, every hint and every feedback changes with it.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from ...facts import FACTS_FILE, Fact, FactsError, load_facts, written_out
from ...errors import DataError
from ...paths import course_root


@lru_cache(maxsize=4)
def _facts(root: Path, mtime: float) -> dict[str, Fact]:
    return load_facts(root)


def course_facts(root: Path | None = None) -> dict[str, Fact]:
    """The course's facts, read again only when ``facts.yaml`` changes."""
    root = root or course_root()
    path = root / FACTS_FILE
    return _facts(root, path.stat().st_mtime if path.is_file() else 0.0)


def with_facts(data, where: str, root: Path | None = None):
    """``data`` (a text, or lists and mappings of texts) with its fact roles written out.

    A role naming no known fact raises :class:`DataError` naming ``where``."""
    facts = course_facts(root)
    try:
        return _walk(data, facts, where)
    except FactsError as exc:
        raise DataError(where, exc.findings[0].message) from None


def _walk(data, facts: dict[str, Fact], where: str):
    if isinstance(data, str):
        return written_out(data, facts, where)
    if isinstance(data, dict):
        return {key: _walk(value, facts, where) for key, value in data.items()}
    if isinstance(data, list):
        return [_walk(item, facts, where) for item in data]
    return data
