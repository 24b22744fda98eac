"""Wide tables, one row per response and one column per field: KoboToolbox, ODK Central, paper.

A column is a field name (``pace``, ``d1_s2_useful``), perhaps behind group prefixes
(``day1/d1_s2_useful`` in Kobo, ``day1-d1_s2_useful`` in ODK), or one choice of a
select_multiple split into its own column (``actions/afml`` holding 1 or 0). Each tool's
own columns (ids, times, status …) are named in its :class:`Layout` and skipped.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterator

from ...forms.model import Form
from ...errors import Finding
from ...forms.response import Submission
from .table import Row, Table, parse_time

PARTICIPANT = "participant"  # the first question of every exported form (see forms.xlsform)
TRUE, FALSE = {"1", "true", "True", "TRUE"}, {"0", "false", "False", "FALSE", ""}


@dataclass(frozen=True)
class Layout:
    source: str
    group_separator: str | None  # None: no groups (the paper template)
    id_column: str
    time_column: str
    system: frozenset[str]  # the tool's own columns, compared after removing group prefixes
    response_id: Callable[[Row, Form, str], str]  # (row, form, cohort) → id
    version: Callable[[Row, Form], int] = lambda row, form: form.version
    hint: str = ""  # said when no form fits the columns


@dataclass(frozen=True)
class Column:
    header: str
    field: str | None = None   # a field's value
    choice: str | None = None  # one choice of a split select_multiple


def classify(header: list[str], form: Form, layout: Layout) -> tuple[list[Column], list[str]]:
    """The columns that carry answers, and the headers that fit neither the form nor the tool."""
    base = (lambda path: path.rsplit(layout.group_separator, 1)[-1]) if layout.group_separator else (lambda path: path)
    columns, unknown = [], []
    for name in header:
        if not name or name.startswith("_") or name in layout.system or base(name) in layout.system:
            continue
        if base(name) == PARTICIPANT:
            columns.append(Column(name))
        elif base(name) in form.names:
            columns.append(Column(name, base(name)))
        elif "/" in name and _is_choice_column(form, *name.rsplit("/", 1), base):
            head, choice = name.rsplit("/", 1)
            columns.append(Column(name, base(head), choice))
        else:
            unknown.append(name)
    return columns, unknown


def _is_choice_column(form: Form, head: str, choice: str, base) -> bool:
    name = base(head)
    return name in form.names and form.field(name).type == "select_multiple" and choice in form.field(name).choice_names


def choose_form(header: list[str], forms: dict[str, Form], layout: Layout, form_id: str | None) -> Form:
    """The form ``--form`` names, else the one form every answer column fits."""
    if form_id:
        if form_id not in forms:
            raise ValueError(f"unknown form '{form_id}' (forms: {', '.join(sorted(forms))})")
        return forms[form_id]
    fitting = [f for f in forms.values() if _fits(*classify(header, f, layout))]
    if len(fitting) == 1:
        return fitting[0]
    if fitting:
        raise ValueError(f"the columns fit forms {', '.join(sorted(f.id for f in fitting))}: say which with --form")
    raise ValueError(f"the columns fit no form: say which with --form to see the unknown columns{layout.hint}")


def _fits(columns: list[Column], unknown: list[str]) -> bool:
    return not unknown and any(c.field for c in columns)


def submissions(table: Table, form: Form, layout: Layout, cohort: str) -> Iterator[Submission | Finding]:
    """The submissions (and problems) of a wide table already matched to ``form``, row by row."""
    columns, unknown = classify(table.header, form, layout)
    problems = [Finding.about(name, f"unknown question '{name}' in form '{form.id}'", 1, name) for name in unknown]
    for needed in (layout.id_column, layout.time_column):
        if needed not in table.header:
            problems.append(Finding.about(needed, f"column '{needed}' is missing", 1, needed))
    if problems:
        yield from problems
        return
    for row in table.rows:
        sub, found = _submission(row, form, columns, layout, cohort)
        yield from found
        yield sub


def _submission(row: Row, form: Form, columns: list[Column], layout: Layout, cohort: str):
    problems = []
    sub = Submission(form.id, {}, source=layout.source, line=row.line, response_id=layout.response_id(row, form, cohort),
                     form_version=layout.version(row, form), cohort=cohort)
    sub.origins["response_id"] = (row.line, layout.id_column)
    if not sub.response_id:
        problems.append(Finding.about(layout.id_column, "response id is empty", row.line, layout.id_column))
    try:
        sub.submitted_at = parse_time(row.values[layout.time_column])
    except ValueError as exc:
        problems.append(Finding.about(layout.time_column, str(exc), row.line, layout.time_column))
    split: dict[str, list[str]] = {}
    for col in columns:
        value = row.values.get(col.header, "")
        if col.field is None:
            sub.participant = value
            sub.origins["participant"] = (row.line, col.header)
        elif col.choice is None:
            sub.answers[col.field] = value
            sub.origins[col.field] = (row.line, col.header)
        elif value.strip() not in TRUE | FALSE:
            problems.append(Finding.about(col.field, f"'{value}' should be 1 or 0", row.line, col.header))
        else:
            picked = split.setdefault(col.field, [])
            sub.origins.setdefault(col.field, (row.line, col.header))
            if value.strip() in TRUE:
                picked.append(col.choice)
    for name, picked in split.items():
        if not str(sub.answers.get(name, "")).strip():  # the summary column wins when present
            sub.answers[name] = picked
    return sub, problems
