"""The tidy CSV of the feedback contract: one row per answer.

Columns ``response_id, form_id, participant, submitted_at, session, question, value``, and
optionally ``form_version, source, language, cohort`` (as ``FeedbackStore.answers()`` gives
them). Rows of one response may be anywhere in the file; what they say about the response
(form, participant, time …) must agree.
"""
from __future__ import annotations

from ...forms.model import Form
from ..submission import Problem, Submission
from .table import Table, parse_time

COLUMNS = ["response_id", "form_id", "participant", "submitted_at", "session", "question", "value"]
OPTIONAL = ["form_version", "source", "language", "cohort"]
PER_RESPONSE = ["form_id", "participant", "submitted_at", *OPTIONAL]


def matches(header: list[str]) -> bool:
    return set(COLUMNS) <= set(header)


def submissions(table: Table, forms: dict[str, Form], form_id: str | None = None):
    """(submissions, problems) read from a tidy table."""
    problems = [Problem(c, f"unknown column '{c}' (tidy columns: {', '.join(COLUMNS + OPTIONAL)})", 1, c)
                for c in table.header if c and c not in COLUMNS + OPTIONAL]
    groups: dict[str, list] = {}
    for row in table.rows:
        rid = row.values["response_id"].strip()
        if not rid:
            problems.append(Problem("response_id", "response_id is empty", row.line, "response_id"))
            continue
        groups.setdefault(rid, []).append(row)
    subs = []
    for rid, rows in groups.items():
        sub, found = _response(rid, rows, forms, form_id)
        problems += found
        if sub:
            subs.append(sub)
    return subs, problems


def _response(rid: str, rows, forms: dict[str, Form], only: str | None):
    first = rows[0]
    problems = []
    for column in PER_RESPONSE:
        for row in rows[1:]:
            if column in row.values and row.values[column] != first.values.get(column):
                problems.append(Problem(column, f"response '{rid}' has {column} '{first.values.get(column)}' on line "
                                                f"{first.line} but '{row.values[column]}' here", row.line, column))
                break
    form_id = first.values["form_id"].strip()
    if only and form_id != only:
        return None, problems + [Problem("form_id", f"form '{form_id}' found, but --form {only} was given", first.line, "form_id")]
    form = forms.get(form_id)
    if form is None:
        return None, problems + [Problem("form_id", f"unknown form '{form_id}' (forms: {', '.join(sorted(forms))})", first.line, "form_id")]
    sub = Submission(
        form_id=form_id, answers={}, participant=first.values["participant"], response_id=rid,
        source=first.values.get("source", "").strip() or "tidy",
        language=first.values.get("language", "").strip() or None,
        cohort=first.values.get("cohort", "").strip() or None, line=first.line,
        origins={"participant": (first.line, "participant"), "source": (first.line, "source")},
    )
    try:
        sub.submitted_at = parse_time(first.values["submitted_at"])
    except ValueError as exc:
        problems.append(Problem("submitted_at", str(exc), first.line, "submitted_at"))
    version = first.values.get("form_version", "").strip()
    if version:
        if version.isdigit():
            sub.form_version = int(version)
        else:
            problems.append(Problem("form_version", f"'{version}' is not a version number", first.line, "form_version"))
    for row in rows:
        question, session = row.values["question"].strip(), row.values["session"].strip()
        field = form.field_for(question, session)
        if field is None:
            about = f" about session '{session}'" if session else ""
            problems.append(Problem("question", f"unknown question '{question}'{about} in form '{form_id}'", row.line, "question"))
            continue
        if field.name in sub.answers:
            problems.append(Problem(field.name, f"a second answer to '{question}' in response '{rid}'", row.line, "question"))
            continue
        sub.answers[field.name] = row.values["value"]
        sub.origins[field.name] = (row.line, "value")
    return sub, problems
