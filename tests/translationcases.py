"""A one-day course with a small form, and translations written into its PO files, for the
translation and language-site tests."""
from __future__ import annotations

from pathlib import Path

import yaml

from coursefactory import COURSE_YML, REPO, standard_day, write_course
from trainingkit.translations.catalog import po_path, read_catalog, write_catalog

# Fixture strings in each script: test data that proves the texts travel, not a translation of
# the course (they say "useful" or "language" whatever the English says).
THAI, KHMER, LAO, BURMESE, VIET = "มีประโยชน์มาก", "មានប្រយោជន៍", "ມີປະໂຫຍດ", "အသုံးဝင်သည်", "Hữu ích"


FIXTURE = {"th": THAI, "km": KHMER, "lo": LAO, "my": BURMESE, "vi": VIET}


REVIEWED = ["reviewed-by: Thai reviewer, 2026-12-01"]


FORM = {
    "id": "mini", "version": 1, "title": {"en": "Mini form"},
    "questions": [
        {"id": "useful", "type": "select_one", "choices": "yn", "required": True, "label": {"en": "Was it useful?"}},
        {"id": "note", "type": "text", "label": {"en": "Anything else?"}, "hint": {"en": "A sentence is enough."}},
    ],
    "choices": {"yn": [{"name": "yes", "label": {"en": "Yes"}}, {"name": "no", "label": {"en": "No"}}]},
}


def make_course(root: Path, languages: dict) -> Path:
    config = {**COURSE_YML, "languages": languages}
    write_course(root, {1: standard_day(1)}, course=config)
    (root / "feedback/forms").mkdir(parents=True)
    (root / "feedback/forms/mini.yml").write_text(yaml.safe_dump(FORM), encoding="utf-8")
    (root / "feedback/forms/daily.yml").write_text((REPO / "feedback/forms/daily.yml").read_text(encoding="utf-8"), encoding="utf-8")
    return root


def translate(root: Path, language: str, domain: str, texts: dict[str, str], reviewed: bool) -> None:
    path = po_path(root, language, domain)
    catalog = read_catalog(path, language)
    for english, text in texts.items():
        message = catalog.get(english)
        assert message is not None, f"{english!r} was not extracted into {path.name}"
        message.string = text
        message.user_comments = list(REVIEWED) if reviewed else []
    write_catalog(path, catalog)
