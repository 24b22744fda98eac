"""``trainingkit translations extract``: templates from the sources, then each language's PO file
brought up to date (new texts empty, changed texts fuzzy and unreviewed, translations kept)."""
from __future__ import annotations

import io
from dataclasses import dataclass, field
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import write_po

from ..course import load_course
from ..errors import TrainingkitError
from ..languages import SOURCE_LANGUAGE
from .catalog import OWN_DOMAINS, new_catalog, domains, entries, po_path, read_catalog, template_path, update, write_catalog
from .sources import Messages, own_messages

# Lines of a PO header that change on every run; a file differing only in them is not rewritten.
VOLATILE = (b'"POT-Creation-Date:', b'"PO-Revision-Date:', b'"Generated-By:')


@dataclass
class ExtractReport:
    domains: dict[str, int] = field(default_factory=dict)  # domain: number of texts
    written: list[str] = field(default_factory=list)        # files changed, relative to the root
    pages_skipped: str = ""                                 # why the pages were not extracted


def template(domain: str, messages: Messages) -> Catalog:
    catalog = new_catalog(domain)
    for e in messages.entries.values():
        catalog.add(e.text, locations=[(where, None) for where in e.locations], auto_comments=e.notes)
    return catalog


def _serialise(catalog: Catalog) -> bytes:
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=100, sort_output=False, include_previous=True)
    return buffer.getvalue()


def _stable(data: bytes) -> bytes:
    return b"\n".join(l for l in data.splitlines() if not l.startswith(VOLATILE))


def _write_if_changed(path: Path, catalog: Catalog) -> bool:
    data = _serialise(catalog)
    if path.is_file() and _stable(path.read_bytes()) == _stable(data):
        return False
    write_catalog(path, catalog)
    return True


def extract(root: Path, pages: bool = True) -> ExtractReport:
    """Write ``locales/templates/*.pot`` and update ``locales/<lang>/LC_MESSAGES/*.po`` for every
    language ``course.yml`` names (planned ones too: translators start before release)."""
    from .pages import page_templates  # the build machinery, only when pages are wanted

    course = load_course(root)
    report = ExtractReport()
    templates = {name: template(name, messages) for name, messages in own_messages(course).items()}
    if pages:
        page_catalogs = page_templates(root)
        clash = sorted(set(page_catalogs) & set(OWN_DOMAINS))
        if clash:
            raise TrainingkitError(f"a folder of pages is named like a kit domain ({', '.join(clash)}); rename the folder")
        templates.update(page_catalogs)
    else:
        report.pages_skipped = "--no-pages: the participant pages were not extracted (their old templates are kept)"
    if pages:  # a folder of pages that is gone takes its template with it
        for stale in set(domains(root)) - set(templates):
            template_path(root, stale).unlink()
            report.written.append(template_path(root, stale).relative_to(root).as_posix())
    languages = [code for code in course.config.languages if code != SOURCE_LANGUAGE]
    for name, catalog in templates.items():
        report.domains[name] = len(entries(catalog))
        path = template_path(root, name)
        if _write_if_changed(path, catalog):
            report.written.append(path.relative_to(root).as_posix())
        for code in languages:
            po = po_path(root, code, name)
            existing = read_catalog(po, code) if po.is_file() else None
            if _write_if_changed(po, update(catalog, existing, code)):
                report.written.append(po.relative_to(root).as_posix())
    return report
