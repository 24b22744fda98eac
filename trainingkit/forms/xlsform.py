"""A form as an XLSForm workbook (survey, choices, settings) for KoboToolbox and ODK.

Every form starts with the ``participant`` code question. The daily form asks the ``day``
first and puts each day's per-session questions in a group ``day<N>`` shown only for that
day; the questions keep their field names (``d1_s2_useful``), so Kobo exports them as
``day1/d1_s2_useful`` and ODK as ``day1-d1_s2_useful``, which the imports read back.
Labels and hints are written per language as ``label::Thai (th)``.
"""
from __future__ import annotations

from pathlib import Path

from .model import DAY_FIELD, Field, Form
from .spec import DEFAULT_LANGUAGE, XLSFORM_LANGUAGES
from .texts import PARTICIPANT_HINT, PARTICIPANT_LABEL

SURVEY_COLUMNS = ["type", "name", "label", "hint", "required", "appearance", "relevant", "constraint",
                  "constraint_message", "parameters"]
# The trainee's own planned actions come from a CSV attached to the form (select_one_from_file),
# filtered to their code and the slot: `trainingkit followup choices` writes it.
PLAN_ACTIONS_FILE = "plan_actions.csv"
PARTICIPANT_CONSTRAINT = "regex(., '^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$')"


def language_column(column: str, code: str) -> str:
    return f"{column}::{XLSFORM_LANGUAGES.get(code, code)} ({code})"


def _texts(column: str, texts: dict[str, str], languages) -> dict[str, str]:
    # A language without its own text shows the English one rather than a blank.
    return {language_column(column, code): texts.get(code) or texts.get(DEFAULT_LANGUAGE, "") for code in languages} if texts else {}


def _question(f: Field, languages, relevant: str = "") -> dict:
    row = {"name": f.name, **_texts("label", f.label, languages), **_texts("hint", f.hint, languages)}
    if f.required:
        row["required"] = "yes"
    if relevant:
        row["relevant"] = relevant
    if f.action_slot is not None:
        action = f"a{f.action_slot}_id"
        if f.name == action:
            row.update(type=f"select_one_from_file {PLAN_ACTIONS_FILE}",
                       choice_filter=f"participant = ${{participant}} and slot = '{f.action_slot}'")
            return row
        row["relevant"] = f"${{{action}}} != ''"
    if f.type in ("likert", "select_one"):
        row["type"] = f"select_one {f.list_name}"
        if f.type == "likert":
            row["appearance"] = "likert"
    elif f.type == "select_multiple":
        row["type"] = f"select_multiple {f.list_name}"
    elif f.type == "rating":
        row.update(type="range", parameters="start=0 end=10 step=1")
    elif f.type == "integer":
        row["type"] = "integer"
        bounds = [f". >= {f.minimum}" if f.minimum is not None else "", f". <= {f.maximum}" if f.maximum is not None else ""]
        if any(bounds):
            row["constraint"] = " and ".join(b for b in bounds if b)
    else:
        row["type"] = "text"
        row["appearance"] = "multiline"
    return row


def workbook(form: Form) -> dict[str, list[dict]]:
    """The XLSForm as sheets of row dicts (pyxform accepts this shape directly)."""
    langs = form.languages
    survey = [{"type": "text", "name": "participant", "required": "yes", "constraint": PARTICIPANT_CONSTRAINT,
               **_texts("label", PARTICIPANT_LABEL, langs), **_texts("hint", PARTICIPANT_HINT, langs)}]
    day_labels = {c.name: c.label for f in form.fields if f.name == DAY_FIELD for c in f.choices}
    group = None  # the day whose group is open
    for f in form.fields:
        if f.day != group and group is not None:
            survey.append({"type": "end_group", "name": f"day{group}"})
            group = None
        if f.day is not None and group is None:
            group = f.day
            survey.append({"type": "begin_group", "name": f"day{group}", "relevant": f"${{{DAY_FIELD}}} = '{group}'",
                           **_texts("label", day_labels[str(group)], langs)})
        survey.append(_question(f, langs))
    if group is not None:
        survey.append({"type": "end_group", "name": f"day{group}"})
    choices, lists_done = [], set()
    for f in form.fields:
        if f.list_name and f.list_name not in lists_done:
            lists_done.add(f.list_name)
            choices += [{"list_name": f.list_name, "name": c.name, **_texts("label", c.label, langs)} for c in f.choices]
    settings = [{"form_title": form.title.get(DEFAULT_LANGUAGE, ""), "form_id": form.id, "version": str(form.version),
                 "default_language": f"{XLSFORM_LANGUAGES[DEFAULT_LANGUAGE]} ({DEFAULT_LANGUAGE})"}]
    return {"survey": survey, "choices": choices, "settings": settings}


def _header(rows: list[dict], first: list[str]) -> list[str]:
    """Known columns first (label and hint expanded per language), then any others in order."""
    seen = list(dict.fromkeys(key for row in rows for key in row))
    ordered = [k for base in first for k in seen if k == base or k.startswith(base + "::")]
    return ordered + [k for k in seen if k not in ordered]


def write_xlsform(form: Form, path: Path) -> Path:
    """Write the workbook ``path`` (.xlsx) that KoboToolbox and ODK Central accept."""
    return write_sheets(workbook(form), path)


def write_sheets(sheets: dict[str, list[dict]], path: Path) -> Path:
    """Write XLSForm sheets (as :func:`workbook` makes them) to ``path``."""
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)
    firsts = {"survey": SURVEY_COLUMNS, "choices": ["list_name", "name", "label"], "settings": []}
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        header = _header(rows, firsts[name])
        sheet.append(header)
        for row in rows:
            sheet.append([row.get(key, "") for key in header])
            for cell in sheet[sheet.max_row]:
                if isinstance(cell.value, str) and cell.value.startswith("="):
                    cell.data_type = "s"  # text that starts with "=" is not a formula
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    book.save(path)
    return path
