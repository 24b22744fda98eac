"""The course's languages, declared once: codes, the names a trainee recognises, and the
release states ``course.yml`` gives them.

English is the source language; every other language is reached through the PO files under
``locales/`` (see :mod:`trainingkit.translations`).
"""
from __future__ import annotations

SOURCE_LANGUAGE = "en"

# Languages of the course countries, with the name a trainee recognises in a language menu.
NATIVE_NAMES = {
    "en": "English",
    "km": "ភាសាខ្មែរ (Khmer)",
    "lo": "ພາສາລາວ (Lao)",
    "my": "မြန်မာဘာသာ (Burmese)",
    "th": "ภาษาไทย (Thai)",
    "vi": "Tiếng Việt (Vietnamese)",
}
# English names, as XLSForm writes a language ("Khmer (km)") and as the tables print them.
ENGLISH_NAMES = {"en": "English", "km": "Khmer", "lo": "Lao", "my": "Burmese", "th": "Thai", "vi": "Vietnamese"}

# What course.yml may say about a language:
#   source    English, the language everything is written in;
#   released  trainees get it; only reviewed strings are shown, the rest stays English;
#   pilot     shown anyway for a pilot: reviewed strings and drafts, with a visible draft note;
#   planned   being translated, not shown to trainees yet.
STATES = ("source", "released", "pilot", "planned")
SHOWN_STATES = ("source", "released", "pilot")
