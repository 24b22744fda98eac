"""Import applications whole or not at all: KoboToolbox, ODK Central, the paper template or tidy CSV.

The feedback imports read the file and turn its rows into submissions (formats told apart by
their columns); the application form checks every answer. Every problem is collected with its
line and column before anything is written. Each new application gets its pseudonymous code
here; its name, e-mail and phone go to the contacts table, never with the answers.
"""
from __future__ import annotations

import base64
import datetime as dt
import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from ..feedback.imports import detect_format
from ..feedback.imports import WIDE_FORMATS
from ..feedback.imports import tidy, wide
from ..feedback.imports.table import ImportFileError, read_table
from ..errors import Finding, ImportRejected
from ..feedback.submission import SubmissionError, utc_now
from ..forms.response import Submission
from ..forms.model import Form
from .form import personal_fields
from .store import SYNTHETIC_SOURCE, ApplicationStore

EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
DATE_QUESTIONS = ("moa_pending_until",)


def applicant_code(cohort: str, response_id: str) -> str:
    """A short code from the export's response id: the same file imported twice gives the same
    codes, and the code says nothing about the person."""
    digest = hashlib.sha256(f"{cohort}/{response_id}".encode()).digest()
    return "A" + base64.b32encode(digest).decode()[:8]


@dataclass(frozen=True)
class IntakeReport:
    path: Path
    format: str
    stored: int
    skipped: int

    def __str__(self) -> str:
        return (f"{self.path}: {self.format} file: {self.stored} application(s) stored, "
                f"{self.skipped} already stored and skipped")


def read_submissions(path: Path, form: Form, cohort: str) -> tuple[str, list[Submission], list[Finding]]:
    table = read_table(path)  # a call is small: the whole table in memory, with the feedback limits
    try:
        fmt = detect_format(table.header)
        if fmt == "tidy":
            items = list(tidy.submissions(table, {form.id: form}, form.id, cohort))
        else:
            items = list(wide.submissions(table, form, WIDE_FORMATS[fmt].LAYOUT, cohort))
    except ValueError as exc:
        raise ImportFileError(path, line=1, message=str(exc)) from None
    subs = [item for item in items if isinstance(item, Submission)]
    return fmt, subs, [item for item in items if isinstance(item, Finding)]


def check_submission(sub: Submission, form: Form) -> tuple[dict[str, str], list[Finding]]:
    """The canonical answers of one application, and what is wrong with it (line and column)."""
    origin = lambda name: sub.origins.get(name, (sub.line, None))  # noqa: E731
    values, field_problems = form.check(sub.answers)
    problems = [Finding.about(name, reason, *origin(name)) for name, reason in field_problems.items()]
    if "email" in values and not EMAIL.match(values["email"].strip()):
        problems.append(Finding.about("email", f"'{values['email']}' is not an e-mail address", *origin("email")))
    for name in DATE_QUESTIONS:
        if name in values:
            try:
                dt.date.fromisoformat(values[name].strip())
            except ValueError:
                problems.append(Finding.about(name, f"bad date '{values[name]}' (write it as 2016-04-10)", *origin(name)))
    return values, problems


def import_applications(store: ApplicationStore, path: Path, form: Form, *, synthetic: bool = False) -> IntakeReport:
    """Check the whole file, then store it in one transaction; :class:`ImportRejected` lists
    every problem and leaves the store unchanged."""
    path = Path(path)
    fmt, subs, problems = read_submissions(path, form, store.cohort)
    personal = personal_fields(form)
    known, codes = store.known_response_ids(), store.known_codes()
    records, seen, skipped = [], set(), 0
    for sub in subs:
        values, found = check_submission(sub, form)
        problems += found
        rid = sub.response_id
        if not rid or found:
            continue
        if rid in known or rid in seen:
            skipped += 1
            continue
        seen.add(rid)
        code = applicant_code(store.cohort, rid)
        if code in codes:  # 40 bits: practically never; refuse rather than merge two people
            problems.append(Finding.about("response_id", f"response '{rid}' gives code {code}, already in use", sub.line, None))
            continue
        codes.add(code)
        records.append(record(code, sub, values, personal, SYNTHETIC_SOURCE if synthetic else sub.source))
    if problems:
        raise ImportRejected(path, problems)
    return IntakeReport(path, fmt, store.add(records), skipped)


def record(code: str, sub: Submission, values: dict[str, str], personal: tuple[str, ...], source: str) -> dict:
    """What :meth:`ApplicationStore.add` stores: the answers apart from the personal fields."""
    return {
        "application": {"applicant": code, "response_id": sub.response_id, "submitted_at": sub.submitted_at or utc_now(),
                        "source": source},
        "answers": {k: v for k, v in values.items() if k not in personal},
        "contact": {k: values.get(k) for k in personal},
    }


def save_one(store: ApplicationStore, form: Form, sub: Submission) -> str:
    """Store one application filled in a notebook; return its applicant code. The same response
    id saved twice (a second click) is stored once."""
    values, problems = check_submission(sub, form)
    if problems:
        raise SubmissionError(problems)
    code = applicant_code(store.cohort, sub.response_id)
    store.add([record(code, sub, values, personal_fields(form), sub.source)])
    return code
