"""One response on its way into the store, and the checks every way in shares.

The notebook, the phone forms, Kobo, ODK, paper and tidy imports all build
:class:`~trainingkit.forms.response.Submission` objects; :func:`prepare` checks one against its form and the roster and returns the rows to store.
"""
from __future__ import annotations

import datetime as dt
import re
import unicodedata

from ..errors import Finding, FindingsError
from ..forms.model import Form, check_participant
from ..forms.response import Submission, new_response_id
from .encodings import is_zawgyi
from .schema import NO_SESSION, SOURCES, responses as responses_table


ANSWER_ROW = ("response_id", "session", "question", "value")


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None, microsecond=0)


class SubmissionError(FindingsError):
    """A submission cannot be stored: a finding per field (``key``), with the line and column
    of the file it came from when there is one. Printed on one line, as a form shows it."""

    separator = "; "

    def __init__(self, findings: list[Finding]):
        super().__init__(findings, ordered=False)  # in the order of the form


# One rule for all text on its way into the store, so that SQLite and PostgreSQL store the same:
# control characters are refused (tab, line feed and carriage return are kept, as a comment may
# hold them). PostgreSQL cannot store NUL at all, and the others are invisible or break the
# exports. Text is then NFC-normalised, so that the same Thai, Khmer or Vietnamese word typed
# on two devices is stored, compared and counted as one.
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
CONTROL_NAMES = {0: "NUL", 0x1B: "ESC", 0x7F: "DEL"}
# Lengths the database enforces (PostgreSQL) or would silently ignore (SQLite): checked here.
MAX_VERSION = 2**31 - 1  # an INTEGER column on both databases
LENGTHS = {name: responses_table.c[name].type.length for name in ("response_id", "cohort", "language")}


def clean_text(text: str) -> str:
    """``text`` NFC-normalised; ``ValueError`` naming the first control character it holds.

    Burmese in Zawgyi is kept exactly as typed: NFC could reorder its marks, and a later
    conversion to Unicode needs the original (see :mod:`.encodings`)."""
    if text.isascii() and text.isprintable():  # most ids and many answers: nothing to look for
        return text
    found = CONTROL.search(text)
    if found:
        code = ord(found.group())
        name = f" ({CONTROL_NAMES[code]})" if code in CONTROL_NAMES else ""
        raise ValueError(f"holds the control character U+{code:04X}{name} at character {found.start() + 1}: "
                         "remove it (only tab and line breaks are kept)")
    if unicodedata.is_normalized("NFC", text) or is_zawgyi(text):
        return text
    return unicodedata.normalize("NFC", text)


def _check_label(name: str, value: str | None, problems: list, origin) -> str | None:
    """An id, cohort or language: clean text no longer than its column."""
    if value is None:
        return None
    try:
        value = clean_text(value)
    except ValueError as exc:
        problems.append(Finding.about(name, f"{name} {exc}", *origin(name)))
        return value
    if len(value) > LENGTHS[name]:
        problems.append(Finding.about(name, f"{name} is {len(value)} characters long; at most {LENGTHS[name]}", *origin(name)))
    return value


def _utc(value: dt.datetime | None) -> dt.datetime:
    if value is None:
        return utc_now()
    if value.tzinfo is not None:
        value = value.astimezone(dt.timezone.utc).replace(tzinfo=None)
    return value


def prepare(sub: Submission, forms: dict[str, Form], cohort: str, roster: set[str] | None):
    """The ``responses`` row (a dict) and the ``answers`` rows (tuples in the order of
    :data:`ANSWER_ROW`) for ``sub``, or :class:`SubmissionError`.

    ``roster`` holds the cohort's participant codes; when it is not empty, a participant must
    be in it.
    """
    origin = lambda name: sub.origins.get(name, (sub.line, None))  # noqa: E731
    form = forms.get(sub.form_id)
    if form is None:
        reason = f"unknown form '{sub.form_id}' (forms: {', '.join(sorted(forms))})"
        raise SubmissionError([Finding.about("form_id", reason, *origin("form_id"))])
    problems = []
    if sub.source not in SOURCES:
        problems.append(Finding.about("source", f"unknown source '{sub.source}' (sources: {', '.join(SOURCES)})", *origin("source")))
    try:
        participant = check_participant(sub.participant)
    except ValueError as exc:
        participant = None
        problems.append(Finding.about("participant", str(exc), *origin("participant")))
    if participant and roster and participant not in roster:
        problems.append(Finding.about("participant", f"unknown participant '{participant}': not in the roster of cohort '{sub.cohort or cohort}'",
                                *origin("participant")))
    response_id = _check_label("response_id", sub.response_id, problems, origin) or new_response_id()
    cohort = _check_label("cohort", sub.cohort or cohort, problems, origin)
    language = _check_label("language", sub.language, problems, origin)
    version = sub.form_version or form.version
    if not 0 < version <= MAX_VERSION:
        problems.append(Finding.about("form_version", f"form version {version} is out of range (1–{MAX_VERSION})", *origin("form_version")))
    values, field_problems = form.check(sub.answers)
    problems += [Finding.about(name, reason, *origin(name)) for name, reason in field_problems.items()]
    for name, value in values.items():
        if form.field(name).type == "text":  # other types are canonical already (digits, choice names)
            try:
                values[name] = clean_text(value)
            except ValueError as exc:
                problems.append(Finding.about(name, str(exc), *origin(name)))
    if problems:
        raise SubmissionError(problems)
    response = {
        "response_id": response_id,
        "cohort": cohort,
        "form_id": form.id,
        "form_version": version,
        "participant": participant,
        "source": sub.source,
        "language": language,
        "submitted_at": _utc(sub.submitted_at),
    }
    fields = (form.field(name) for name in values)
    rows = [(response_id, f.session or NO_SESSION, f.question, value) for f, value in zip(fields, values.values())]
    return response, rows


def content(response: dict, rows: list[tuple]) -> tuple:
    """What makes two responses with one id the same response: who, when, which form and
    cohort, and every answer (not how or when it was stored)."""
    return (response["cohort"], response["form_id"], response["participant"], response["submitted_at"],
            tuple(sorted(row[1:] for row in rows)))
