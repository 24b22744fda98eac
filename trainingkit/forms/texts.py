"""The words around the questions (participant code, buttons, states), per language.

Only English is written here: translations of the course's own words are made by people who
speak the language, never guessed. Other languages fall back to English until added.
"""
from __future__ import annotations

PARTICIPANT_LABEL = {"en": "Your participant code"}
PARTICIPANT_HINT = {"en": "The short code you chose or were given, the same on every form. Never your name."}
UI = {
    "en": {
        "language": "Language",
        "not_answered": "Not answered yet",
        "answered": "Answered",
        "required": "required",
        "optional": "optional",
        "code_missing": "Write your participant code here.",
        "choose_day": "Choose the day first: the questions about its sessions appear below.",
        "submit": "Submit",
        "new": "Start a new response",
        "fix": "Please look at the questions marked in red.",
        "saved": "Thank you, your answers are saved. Receipt (response id): {response_id}",
        "failed": "Your answers could not be saved: {error}. Please tell a trainer.",
    }
}


def ui(key: str, language: str, **values) -> str:
    texts = UI.get(language, {})
    return (texts.get(key) or UI["en"][key]).format(**values)
