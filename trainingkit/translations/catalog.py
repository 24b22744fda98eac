"""PO files on disk and the one review convention.

Layout (the standard gettext one, which Poedit, Weblate and Sphinx all read)::

    locales/templates/<domain>.pot          what there is to translate (written by `extract`)
    locales/<lang>/LC_MESSAGES/<domain>.po  one language's translations

Review state of an entry (see ``locales/README.md``):

- **missing**: no translation (``msgstr ""``);
- **draft**: translated, but fuzzy (PO editors call it "needs work") or not marked reviewed.
  Anyone may write a draft; a draft is never shown as if it were reviewed;
- **reviewed**: translated, not fuzzy, and carrying a translator comment
  ``# reviewed-by: <role>, <date>`` that a reviewer who reads the language adds.

When the English of a reviewed entry changes, ``extract`` marks it fuzzy and removes its
``reviewed-by`` line, so a changed text is reviewed again.
"""
from __future__ import annotations

import io
from pathlib import Path

from babel.messages.catalog import Catalog, Message
from babel.messages.pofile import read_po, write_po

LOCALES_DIR = "locales"
TEMPLATES_DIR = "templates"
# The catalogues of the kit's own strings; every other catalogue holds one page's text.
OWN_DOMAINS = ("forms", "interface", "theme", "course", "glossary")
REVIEWED_BY = "reviewed-by:"
MISSING, DRAFT, REVIEWED = "missing", "draft", "reviewed"
STATES = (MISSING, DRAFT, REVIEWED)
PROJECT = "ASEAN Advocacy Training Kit"
HEADER = ("# {what} of the ASEAN Advocacy Training Kit (written by `trainingkit translations extract`).\n"
          "# An entry is a draft until a reviewer who reads the language checks it and adds the\n"
          "# translator comment `# reviewed-by: <role>, <date>` (see locales/README.md).\n#")


def new_catalog(domain: str, language: str | None = None) -> Catalog:
    from ..languages import ENGLISH_NAMES

    what = f"{ENGLISH_NAMES.get(language, language)} translations" if language else "Texts to translate"
    catalog = Catalog(locale=language, domain=domain, project=PROJECT, fuzzy=False,
                      copyright_holder="the kit's authors", msgid_bugs_address="the course organisers")
    catalog.header_comment = HEADER.format(what=what)
    return catalog


def template_path(root: Path, domain: str) -> Path:
    return root / LOCALES_DIR / TEMPLATES_DIR / f"{domain}.pot"


def po_path(root: Path, language: str, domain: str) -> Path:
    return root / LOCALES_DIR / language / "LC_MESSAGES" / f"{domain}.po"


def domains(root: Path) -> list[str]:
    """The domains there are templates for, in name order."""
    return sorted(p.stem for p in (root / LOCALES_DIR / TEMPLATES_DIR).glob("*.pot"))


def read_catalog(path: Path, locale: str | None = None) -> Catalog:
    with path.open("rb") as handle:
        return read_po(handle, locale=locale, abort_invalid=True)


def write_catalog(path: Path, catalog: Catalog) -> None:
    """Write atomically: a PO file a translator is working on is never left half-written."""
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=100, sort_output=False, include_previous=True)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(path.suffix + ".tmp")
    tmp.write_bytes(buffer.getvalue())
    tmp.replace(path)


def is_reviewed_comment(comment: str) -> bool:
    return comment.strip().lower().startswith(REVIEWED_BY)


def state(message: Message) -> str:
    """missing, draft or reviewed (see the module docstring)."""
    if not message.string:
        return MISSING
    if message.fuzzy or not any(is_reviewed_comment(c) for c in message.user_comments):
        return DRAFT
    return REVIEWED


def entries(catalog: Catalog) -> list[Message]:
    """The catalogue's messages, without the header entry."""
    return [m for m in catalog if m.id]


def update(template: Catalog, existing: Catalog | None, language: str) -> Catalog:
    """A language's catalogue for ``template``: kept translations, new entries empty, and every
    entry whose English changed made fuzzy and unreviewed; entries no longer used are dropped
    to the obsolete section (``#~``), where nothing reads them."""
    if existing is None:
        catalog = new_catalog(template.domain, language)
        for m in entries(template):
            catalog.add(m.id, "", locations=m.locations, auto_comments=m.auto_comments, context=m.context)
        return catalog
    existing.update(template, update_header_comment=False)
    for m in entries(existing):
        if m.fuzzy:
            m.user_comments = [c for c in m.user_comments if not is_reviewed_comment(c)]
    return existing
