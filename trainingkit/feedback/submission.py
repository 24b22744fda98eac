"""One response on its way into the store, and the checks every way in shares.

The notebook, Voilà, Kobo, ODK, paper and tidy imports all build :class:`Submission` objects;
:func:`prepare` checks one against its form and the roster and returns the rows to store.
"""
from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, field
from typing import Any

from ..forms.model import Form, check_participant
from .schema import NO_SESSION, SOURCES


ANSWER_ROW = ("response_id", "session", "question", "value")


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None, microsecond=0)


def new_response_id() -> str:
    return str(uuid.uuid4())


@dataclass
class Submission:
    form_id: str
    answers: dict[str, Any]
    participant: str | None = None
    response_id: str | None = None
    source: str = "notebook"
    language: str | None = None
    submitted_at: dt.datetime | None = None  # UTC; naive values are taken as UTC
    cohort: str | None = None
    form_version: int | None = None
    # Where the response starts in a file and where each field's value came from (line,
    # column), so that every problem names a line and a column.
    line: int | None = None
    origins: dict[str, tuple[int, str]] = field(default_factory=dict)


@dataclass(frozen=True)
class Problem:
    """Why a submission (or one of its answers) cannot be stored."""

    field: str
    reason: str
    line: int | None = None
    column: str | None = None

    def __str__(self) -> str:
        if self.line is None:
            return f"{self.field}: {self.reason}"
        column = self.column or self.field
        about = f" ({self.field})" if column != self.field else ""
        return f"line {self.line}, column {column}{about}: {self.reason}"


class SubmissionError(ValueError):
    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("; ".join(str(p) for p in problems))


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
        raise SubmissionError([Problem("form_id", reason, *origin("form_id"))])
    problems = []
    if sub.source not in SOURCES:
        problems.append(Problem("source", f"unknown source '{sub.source}' (sources: {', '.join(SOURCES)})", *origin("source")))
    try:
        participant = check_participant(sub.participant)
    except ValueError as exc:
        participant = None
        problems.append(Problem("participant", str(exc), *origin("participant")))
    if participant and roster and participant not in roster:
        problems.append(Problem("participant", f"unknown participant '{participant}': not in the roster of cohort '{sub.cohort or cohort}'",
                                *origin("participant")))
    values, field_problems = form.check(sub.answers)
    problems += [Problem(name, reason, *origin(name)) for name, reason in field_problems.items()]
    if problems:
        raise SubmissionError(problems)
    response_id = sub.response_id or new_response_id()
    response = {
        "response_id": response_id,
        "cohort": sub.cohort or cohort,
        "form_id": form.id,
        "form_version": sub.form_version or form.version,
        "participant": participant,
        "source": sub.source,
        "language": sub.language,
        "submitted_at": _utc(sub.submitted_at),
    }
    fields = (form.field(name) for name in values)
    rows = [(response_id, f.session or NO_SESSION, f.question, value) for f, value in zip(fields, values.values())]
    return response, rows
