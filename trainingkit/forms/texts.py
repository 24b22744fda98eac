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


# The phone pages (trainingkit forms serve). Plain words: a trainee reads them on a small
# screen, often in a second language; they never name the cohort or the software.
TOKEN_LABEL = {"en": "Your personal key"}
TOKEN_HINT = {"en": "On your slip, like ABCD-EFGH. Scanning the QR code on your slip fills in your code and key."}
WEB = {
    "en": {
        "landing_title": "Feedback forms",
        "landing_intro": "Choose the form the trainers asked for.",
        "where": "Your answers are saved on the trainers' computer in this room. The trainers see them "
                 "with your participant code, never your name. Reports show only totals for groups of people.",
        "welcome": "Your code {code} and your key are filled in on every form on this phone.",
        "required": "required",
        "optional": "optional",
        "choose_day": "Choose the day first: the questions about its sessions appear below it.",
        "submit": "Send my answers",
        "sending": "Sending…",
        "summary": "Please look again at {count} question(s):",
        "code_missing": "Write your participant code here.",
        "answer_needed": "Please answer this question.",
        "check_slip": "Check this on your slip.",
        "token_missing": "Write the personal key from your slip here.",
        "refused": "This code and key do not go together. Check both on your slip, capital letters and all. "
                   "If they still do not work, ask a trainer for a new slip. Your answers are kept on this phone.",
        "too_many_tries": "Too many tries from this phone. Please wait {minutes} minutes, or ask a trainer. "
                          "Your answers are kept on this phone.",
        "too_many_sends": "This form was already sent {count} times with your code in the last hour. Please wait "
                          "a while before sending it again, or ask a trainer.",
        "busy": "Many people are sending answers right now. Please try again in a minute. Your answers are kept on this phone.",
        "offline": "No connection right now. Your answers are kept on this phone and will be sent when the "
                   "connection is back. Keep this page open, or press the button again later.",
        "saved": "Thank you, your answers are saved. Receipt: {response_id}",
        "again": "If you send this form again for the same day, your newest answers are the ones that count.",
        "new": "Fill in this form again",
        "back": "All forms",
        "failed": "Your answers could not be saved. Please tell a trainer. Your answers are kept on this phone.",
        "no_such_form": "There is no such form. Go back to the list of forms.",
    }
}


def web_template(key: str, language: str) -> str:
    """The text with its ``{placeholders}``, for the page's script to fill in."""
    return WEB.get(language, {}).get(key) or WEB["en"][key]


def web(key: str, language: str, **values) -> str:
    return web_template(key, language).format(**values)
