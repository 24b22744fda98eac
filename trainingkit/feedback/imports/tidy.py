"""The tidy CSV of the feedback contract: one row per answer.

Columns ``response_id, form_id, participant, submitted_at, session, question, value``, and
optionally ``form_version, source, language, cohort`` (as ``FeedbackStore.answers()`` gives
them). Rows of one response may be anywhere in the file; what they say about the response
(form, participant, time …) must agree.
"""
from __future__ import annotations

from typing import Iterator

from ...forms.model import Form
from ...errors import Finding
from ...forms.response import Submission
from .table import Row, Table, parse_time

COLUMNS = ["response_id", "form_id", "participant", "submitted_at", "session", "question", "value"]
OPTIONAL = ["form_version", "source", "language", "cohort"]
PER_RESPONSE = ["form_id", "participant", "submitted_at", *OPTIONAL]


def matches(header: list[str]) -> bool:
    return set(COLUMNS) <= set(header)


class _Response:
    """The rows of one response seen so far: its first row whole, then each answer compactly."""

    __slots__ = ("first", "answers", "reported", "repeated")

    def __init__(self, first: Row):
        self.first = first
        self.answers: list[tuple[int, str, str, str]] = []  # (line, session, question, value)
        self.reported: set[str] = set()  # per-response columns already said to disagree
        self.repeated = False  # a row given twice, word for word


def submissions(table: Table, forms: dict[str, Form], form_id: str | None = None, cohort: str = "",
                cohorts: frozenset[str] = frozenset()) -> Iterator[Submission | Finding]:
    """The submissions (and problems) of a tidy table, each response once its rows are all read.

    Rows of one response may be anywhere in the file, so their answers are kept (compactly)
    until the end. ``cohort`` is the cohort being imported; a ``cohort`` column may name it or
    one of ``cohorts`` (those of course.yml).
    """
    for c in table.header:
        if c and c not in COLUMNS + OPTIONAL:
            yield Finding.about(c, f"unknown column '{c}' (tidy columns: {', '.join(COLUMNS + OPTIONAL)})", 1, c)
    per_response = [c for c in PER_RESPONSE if c in table.header]
    groups: dict[str, _Response] = {}
    for row in table.rows:
        values = row.values
        rid = values["response_id"].strip()
        if not rid:
            yield Finding.about("response_id", "response_id is empty", row.line, "response_id")
            continue
        group = groups.get(rid)
        if group is None:
            group = groups[rid] = _Response(row)
        else:
            yield from _disagreements(rid, group, row, per_response)
        group.answers.append((row.line, values["session"].strip(), values["question"].strip(), values["value"]))
    allowed = {cohort, *cohorts}
    for rid, group in groups.items():
        yield from _response(rid, group, forms, form_id, allowed)


def _disagreements(rid: str, group: _Response, row: Row, columns: list[str]) -> Iterator[Finding]:
    first = group.first.values
    for column in columns:
        if row.values[column] != first[column] and column not in group.reported:
            group.reported.add(column)
            yield Finding.about(column, f"response '{rid}' has {column} '{first[column]}' on line {group.first.line} "
                                  f"but '{row.values[column]}' here", row.line, column)


def _response(rid: str, group: _Response, forms: dict[str, Form], only: str | None, cohorts: set[str]):
    first = group.first
    form_id = first.values["form_id"].strip()
    if only and form_id != only:
        yield Finding.about("form_id", f"form '{form_id}' found, but --form {only} was given", first.line, "form_id")
        return
    form = forms.get(form_id)
    if form is None:
        yield Finding.about("form_id", f"unknown form '{form_id}' (forms: {', '.join(sorted(forms))})", first.line, "form_id")
        return
    cohort = first.values.get("cohort", "").strip() or None
    if cohort and cohort not in cohorts:
        known = ", ".join(f"'{c}'" for c in sorted(cohorts) if c)
        yield Finding.about("cohort", f"cohort '{cohort}' is not the cohort being imported nor one in course.yml ({known})",
                      first.line, "cohort")
        return
    sub = Submission(
        form_id=form_id, answers={}, participant=first.values["participant"], response_id=rid,
        source=first.values.get("source", "").strip() or "tidy",
        language=first.values.get("language", "").strip() or None, cohort=cohort, line=first.line,
        origins={name: (first.line, name) for name in ("participant", "source", "response_id", "language", "cohort", "form_version")},
    )
    try:
        sub.submitted_at = parse_time(first.values["submitted_at"])
    except ValueError as exc:
        yield Finding.about("submitted_at", str(exc), first.line, "submitted_at")
    version = first.values.get("form_version", "").strip()
    if version:
        if version.isascii() and version.isdigit() and len(version) <= 9:
            sub.form_version = int(version)
        else:
            yield Finding.about("form_version", f"'{version[:40]}' is not a version number", first.line, "form_version")
    seen: dict[str, tuple[int, str]] = {}
    for line, session, question, value in group.answers:
        field = form.field_for(question, session)
        if field is None:
            about = f" about session '{session}'" if session else ""
            yield Finding.about("question", f"unknown question '{question}'{about} in form '{form_id}'", line, "question")
            continue
        if field.name in seen:
            earlier, old = seen[field.name]
            if value == old:
                group.repeated = True  # the same row twice, as when two exports are joined: stored once
            else:
                yield Finding.about(field.name, f"response '{rid}' answers '{question}' on line {earlier} too, differently "
                                          f"('{old[:40]}', here '{value[:40]}'): one response id cannot hold two answers",
                              line, "value")
            continue
        seen[field.name] = (line, value)
        sub.answers[field.name] = value
        sub.origins[field.name] = (line, "value")
    yield sub
    if group.repeated:
        yield sub  # counted as given twice, like a response repeated in a wide file
