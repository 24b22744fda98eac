"""``trainingkit translations status`` and ``check``: how far each language is, and what is broken.

``status``: per language and domain, how many texts are translated (draft + reviewed), drafts,
reviewed and missing, against the templates ``extract`` wrote.

``check``: every PO file reads; no translation breaks a placeholder, role, link or markup; no
PO file holds texts the templates no longer have (run ``extract``); and a language that
``course.yml`` calls ``released`` has every text reviewed.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass
from pathlib import Path

from babel.messages.pofile import PoFileError

from ..course import load_config
from ..errors import Finding, Location
from ..languages import ENGLISH_NAMES, SOURCE_LANGUAGE
from .catalog import DRAFT, LOCALES_DIR, MISSING, REVIEWED, domains, entries, po_path, read_catalog, state, template_path
from .markup import problems


@dataclass(frozen=True)
class Row:
    language: str
    state: str    # the language's state in course.yml
    domain: str
    total: int
    translated: int
    draft: int
    reviewed: int
    missing: int


def _relative(path: Path, root: Path) -> str:
    return path.relative_to(root).as_posix()


def status(root: Path) -> list[Row]:
    config = load_config(root)
    rows = []
    for code, lang_state in config.languages.items():
        if code == SOURCE_LANGUAGE:
            continue
        for domain in domains(root):
            wanted = [m.id for m in entries(read_catalog(template_path(root, domain)))]
            path = po_path(root, code, domain)
            catalog = read_catalog(path, code) if path.is_file() else None
            counts = {MISSING: 0, DRAFT: 0, REVIEWED: 0}
            for msgid in wanted:
                message = catalog.get(msgid) if catalog else None
                counts[state(message) if message is not None else MISSING] += 1
            rows.append(Row(code, lang_state, domain, len(wanted), counts[DRAFT] + counts[REVIEWED],
                            counts[DRAFT], counts[REVIEWED], counts[MISSING]))
    return rows


def status_table(rows: list[Row]) -> str:
    head = ["language", "state", "domain", "texts", "translated", "draft", "reviewed", "missing"]
    lines = [[f"{ENGLISH_NAMES[r.language]} ({r.language})", r.state, r.domain, str(r.total), str(r.translated),
              str(r.draft), str(r.reviewed), str(r.missing)] for r in rows]
    widths = [max(len(x) for x in col) for col in zip(head, *lines)]
    fmt = lambda cells: "  ".join(c.ljust(w) if i < 3 else c.rjust(w) for i, (c, w) in enumerate(zip(cells, widths)))
    return "\n".join([fmt(head), fmt(["-" * w for w in widths]), *map(fmt, lines)])


def status_json(rows: list[Row]) -> list[dict]:
    return [asdict(r) for r in rows]


def check(root: Path) -> list[Finding]:
    config = load_config(root)
    findings = []
    known = set(domains(root))
    for path in sorted((root / LOCALES_DIR).glob("*/LC_MESSAGES/*.po")):
        rel, code = _relative(path, root), path.parent.parent.name
        if code not in config.languages:
            findings.append(Finding(Location(rel), f"language '{code}' is not in course.yml's languages"))
        try:
            catalog = read_catalog(path, code)
        except (PoFileError, ValueError) as exc:
            findings.append(Finding(Location(rel), f"not a readable PO file: {exc}"))
            continue
        wanted = {m.id for m in entries(read_catalog(template_path(root, path.stem)))} if path.stem in known else set()
        stale = 0
        for m in entries(catalog):
            if m.id not in wanted:
                stale += 1
                continue
            for problem in problems(m.id, m.string):
                findings.append(Finding(Location(rel, line=m.lineno), f"{problem} (msgid {_short(m.id)})"))
        if stale:
            findings.append(Finding(Location(rel), f"{stale} text(s) the sources no longer have: run `trainingkit translations extract`"))
    for row in status(root):
        if row.state == "released" and (row.draft or row.missing):
            findings.append(Finding(Location(_relative(po_path(root, row.language, row.domain), root)), f"{ENGLISH_NAMES[row.language]} is released in course.yml, but {row.draft} draft(s) "
                                    f"and {row.missing} missing text(s) are not reviewed: review them, or make it a pilot"))
    return findings


def _short(text: str) -> str:
    return repr(text if len(text) <= 50 else text[:47] + "…")
