"""The translation a trainee may see, or none (then the English shows).

``course.yml`` gives each language a state (see :mod:`trainingkit.languages`): a released
language shows reviewed strings only; a pilot language shows reviewed strings and drafts,
and whatever shows a draft says so; a planned language shows nothing yet. A translation that
breaks a placeholder, role or link (:mod:`.markup`) is never shown.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from babel.messages.catalog import Catalog

from ..languages import SOURCE_LANGUAGE
from .catalog import DRAFT, LOCALES_DIR, REVIEWED, po_path, read_catalog, state
from .markup import problems


@dataclass(frozen=True)
class Translation:
    text: str
    draft: bool


class Translator:
    """Translations of one course, gated by the language states of its ``course.yml``."""

    def __init__(self, root: Path, states: dict[str, str]):
        self.root = Path(root)
        self.states = dict(states)
        self._catalogs: dict[tuple[str, str], Catalog | None] = {}

    def catalog(self, domain: str, language: str) -> Catalog | None:
        key = (domain, language)
        if key not in self._catalogs:
            path = po_path(self.root, language, domain)
            self._catalogs[key] = read_catalog(path, language) if path.is_file() else None
        return self._catalogs[key]

    def get(self, domain: str, language: str, english: str, context: str | None = None) -> Translation | None:
        """The translation of ``english`` a trainee may see in ``language``, or ``None``."""
        allowed = {"released": (REVIEWED,), "pilot": (REVIEWED, DRAFT)}.get(self.states.get(language, ""), ())
        if not english or not allowed:
            return None
        catalog = self.catalog(domain, language)
        message = catalog.get(english, context) if catalog else None
        if message is None or state(message) not in allowed or problems(english, message.string):
            return None
        return Translation(message.string, state(message) == DRAFT)

    def texts(self, domain: str, english: str, languages, context: str | None = None) -> tuple[dict[str, str], set[str]]:
        """``{language: text}`` for ``english`` in each language that has a showable translation
        (English included), and the languages in which that text is a draft."""
        out, drafts = {SOURCE_LANGUAGE: english}, set()
        for code in languages:
            if code == SOURCE_LANGUAGE:
                continue
            found = self.get(domain, code, english, context)
            if found:
                out[code] = found.text
                if found.draft:
                    drafts.add(code)
        return out, drafts

    def has_drafts(self, domain: str, language: str) -> bool:
        """Whether anything this domain shows in ``language`` is a draft."""
        if self.states.get(language) != "pilot":
            return False
        catalog = self.catalog(domain, language)
        return bool(catalog) and any(m.id and state(m) == DRAFT and not problems(m.id, m.string) for m in catalog)


def _stamp(root: Path) -> tuple:
    """Changes whenever a PO file changes, so a running server picks up a reviewer's work."""
    base = root / LOCALES_DIR
    return tuple(sorted((p.as_posix(), p.stat().st_mtime_ns) for p in base.glob("*/LC_MESSAGES/*.po"))) if base.is_dir() else ()


@lru_cache(maxsize=8)
def _translator(root: Path, stamp: tuple, states: tuple) -> Translator:
    return Translator(root, dict(states))


def translator(root: Path, states: dict[str, str]) -> Translator:
    """The course's translator, read again only when a PO file has changed."""
    root = Path(root).resolve()
    return _translator(root, _stamp(root), tuple(sorted(states.items())))
