"""What a filled-in form produces: one response, before any store has seen it.

The widgets, the phone web app and every import build a :class:`Submission`; the store
(:mod:`trainingkit.feedback.submission`) checks it against the form and the roster. It lives
here, with the forms, so that the forms never import the store that is built on them.
"""
from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, field
from typing import Any


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
