"""Fixture forms for the tests: labels in Thai, Khmer and Burmese, and a small course that
carries them (the real daily form beside the given fixture forms)."""
from __future__ import annotations

from pathlib import Path

import yaml

from coursefactory import COURSE_YML, REPO, standard_day, write_course

# Test data in Thai, Khmer and Burmese ("very useful", "useful", "useful"): fixture labels that
# prove the schema and everything after it carry these scripts; not a translation of the course.
THAI, KHMER, BURMESE = "มีประโยชน์มาก", "មានប្រយោជន៍", "အသုံးဝင်သည်"


MULTI_FORM = {
    "id": "multi",
    "version": 2,
    "title": {"en": "Fixture form in four languages", "th": THAI, "km": KHMER, "my": BURMESE},
    "competences": {"type": "likert", "choices": "five", "required": True,
                    "label": {"en": "I can {outcome}.", "th": THAI, "km": KHMER, "my": BURMESE}},
    "questions": [
        {"id": "useful", "type": "likert", "choices": "five", "required": True,
         "label": {"en": "Useful?", "th": THAI, "km": KHMER, "my": BURMESE}},
        {"id": "recommend", "type": "rating", "label": {"en": "Recommend?", "th": THAI, "km": KHMER, "my": BURMESE}},
        {"id": "tools", "type": "select_multiple", "choices": "tools",
         "label": {"en": "Tools?", "th": THAI, "km": KHMER, "my": BURMESE}},
        {"id": "people", "type": "integer", "min": 0, "max": 50,
         "label": {"en": "How many?", "th": THAI, "km": KHMER, "my": BURMESE}},
        {"id": "note", "type": "text", "label": {"en": "Note", "th": THAI, "km": KHMER, "my": BURMESE}},
    ],
    "choices": {
        "five": [{"name": str(n), "label": {"en": f"{n} en", "th": f"{n} {THAI}", "km": f"{n} {KHMER}", "my": f"{n} {BURMESE}"}}
                 for n in range(1, 6)],
        "tools": [{"name": name, "label": {"en": name, "th": THAI, "km": KHMER, "my": BURMESE}} for name in ("tree", "map", "media")],
    },
}

END = {"overall": 4, "recommend": "9", "most_useful": "The power map"}  # an answer to the real end form


def make_course(root: Path, forms: dict[str, dict] | None = None) -> Path:
    """A two-day course with two outcomes, the real daily form and the given fixture forms."""
    config = {**COURSE_YML, "outcomes": [{"id": "mapping", "text": "Map the power around an advocacy target"},
                                         {"id": "asks", "text": "Write a clear ask"}],
              "languages": ["en", "th", "km", "my"]}
    write_course(root, {1: standard_day(1), 2: standard_day(2)}, course=config)
    (root / "feedback/forms").mkdir(parents=True)
    for name in ("daily",):
        (root / f"feedback/forms/{name}.yml").write_text((REPO / f"feedback/forms/{name}.yml").read_text(encoding="utf-8"), encoding="utf-8")
    for form_id, data in (forms or {"multi": MULTI_FORM}).items():
        (root / f"feedback/forms/{form_id}.yml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return root
