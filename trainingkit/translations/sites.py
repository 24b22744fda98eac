"""The participant edition in another language: ``_build/participant-<lang>/``.

Its sources are the staged participant sources (never the trainer's), plus:

- ``_config.yml`` with Sphinx's ``language`` and the :mod:`trainingkit.sphinx_lang` extension;
- ``_locales/<lang>/LC_MESSAGES/<domain>.po``: only the page translations a trainee may see
  (reviewed ones for a released language; reviewed and drafts for a pilot one), never one that
  breaks a placeholder, role or link. Sphinx compiles and applies them; every other paragraph
  stays English and is marked as English on the page.
"""
from __future__ import annotations

from pathlib import Path

import yaml
from babel.messages.catalog import Catalog

from ..languages import NATIVE_NAMES, SOURCE_LANGUAGE
from .catalog import DRAFT, LOCALES_DIR, OWN_DOMAINS, REVIEWED, entries, new_catalog, read_catalog, state
from .markup import problems
from .theme import THEME_DOMAINS

THEME_DOMAIN = "theme"

SITE_LOCALES = "_locales"
DRAFT_NOTE = "Draft translation — not yet reviewed. Paragraphs marked EN are still in English."


def site_name(edition: str, language: str) -> str:
    return edition if language == SOURCE_LANGUAGE else f"{edition}-{language}"


def shown_catalog(catalog: Catalog, language: str, allowed: tuple[str, ...]) -> tuple[Catalog, int]:
    """The entries a trainee may see, as plain (non-fuzzy) translations, and how many are drafts."""
    out, drafts = new_catalog(catalog.domain, language), 0
    for m in entries(catalog):
        if state(m) in allowed and not problems(m.id, m.string):
            out.add(m.id, m.string, context=m.context)
            drafts += state(m) == DRAFT
    return out, drafts


def _po_bytes(catalog: Catalog) -> bytes:
    import io

    from babel.messages.pofile import write_po

    buffer = io.BytesIO()
    write_po(buffer, catalog, width=100, omit_header=False)
    return buffer.getvalue()


def theme_files(shown: Catalog, language: str) -> dict[str, bytes]:
    """The theme's words as the catalogues Sphinx and the book theme read: ``sphinx.po`` (Sphinx
    compiles it itself) and ``booktheme.mo`` (registered by :mod:`trainingkit.sphinx_lang`)."""
    import io

    from babel.messages.mofile import write_mo

    out = {}
    for domain in THEME_DOMAINS:
        catalog = new_catalog(domain, language)
        for m in entries(shown):
            catalog.add(m.id, m.string)
        if domain == "sphinx":
            out[f"{SITE_LOCALES}/{language}/LC_MESSAGES/sphinx.po"] = _po_bytes(catalog)
        else:
            buffer = io.BytesIO()
            write_mo(buffer, catalog)
            out[f"{SITE_LOCALES}/{language}/LC_MESSAGES/{domain}.mo"] = buffer.getvalue()
    return out


def language_files(root: Path, participant: dict[str, bytes], language: str, language_state: str,
                   switcher: list[tuple[str, str]]) -> tuple[dict[str, bytes], int]:
    """The staged files of the participant site in ``language``, and how many drafts it shows.

    ``switcher`` is [(language code, site folder name)] of every language site built now."""
    allowed = {"released": (REVIEWED,), "pilot": (REVIEWED, DRAFT)}[language_state]
    files = dict(participant)
    drafts = 0
    for po in sorted((root / LOCALES_DIR / language / "LC_MESSAGES").glob("*.po")):
        if po.stem in OWN_DOMAINS and po.stem != THEME_DOMAIN:  # forms, interface …: not on the pages
            continue
        shown, n = shown_catalog(read_catalog(po, language), language, allowed)
        drafts += n
        if po.stem == THEME_DOMAIN:
            files.update(theme_files(shown, language))
        else:
            files[f"{SITE_LOCALES}/{language}/LC_MESSAGES/{po.name}"] = _po_bytes(shown)
    files["_config.yml"] = config_for(participant["_config.yml"], language, switcher, draft=drafts > 0)
    return files, drafts


def config_for(config_yml: bytes, language: str, switcher: list[tuple[str, str]], draft: bool) -> bytes:
    """The staged ``_config.yml`` with the site's language, its translations and its switcher."""
    config = yaml.safe_load(config_yml)
    sphinx = config.setdefault("sphinx", {})
    sphinx["extra_extensions"] = [*sphinx.get("extra_extensions", []), "trainingkit.sphinx_lang"]
    extra = sphinx.setdefault("config", {})
    extra["tk_languages"] = [[code, NATIVE_NAMES[code], site] for code, site in switcher]
    if language != SOURCE_LANGUAGE:
        extra.update(language=language, locale_dirs=[SITE_LOCALES], gettext_compact=True,
                     tk_draft_note=DRAFT_NOTE if draft else "")
        config["title"] = f"{config.get('title', '')} ({NATIVE_NAMES[language]})"
    return yaml.safe_dump(config, sort_keys=False, allow_unicode=True).encode()
