"""Six-month action plan: the actions, the model plan, and the export as Markdown and Word.

Each action's type is one of the ``actions`` choices of the follow-up form, read from
``feedback/forms/followup.yml``, so a trainee's plan and their follow-up answers 1, 3 and 6
months later use the same words and can be compared.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass
from pathlib import Path

import pandas as pd
import yaml

from ...errors import DataError
from ...paths import course_root

EXERCISE_ID = "ex-action-plan"
FOLLOWUP_FORM = "feedback/forms/followup.yml"
CHOICE_LIST = "actions"
PLAN_MONTHS = 6
EXPORT_NAME = "six-month-action-plan"
MIN_WHAT_WORDS = 5
# A target must be someone who can say yes: these alone name no one in particular.
VAGUE_TARGETS = {"asean", "government", "the government", "governments", "officials", "authorities",
                 "stakeholders", "policy makers", "policymakers", "the public", "public", "everyone", "people"}


def followup_actions(root: Path | None = None) -> dict[str, str]:
    """The action types of the follow-up form: {choice id: English label}, in the form's order."""
    path = (root or course_root()) / FOLLOWUP_FORM
    try:
        form = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        choices = form["choices"][CHOICE_LIST]
        types = {c["name"]: c["label"]["en"] for c in choices}
    except OSError as exc:
        raise DataError(FOLLOWUP_FORM, f"cannot be read ({exc.strerror})") from exc
    except (KeyError, TypeError) as exc:
        raise DataError(FOLLOWUP_FORM, f"choices.{CHOICE_LIST} must list choices with a name and an English label",
                        field=f"choices/{CHOICE_LIST}") from exc
    for index, choice in enumerate(choices):
        # An unquoted comma inside {en: ...} silently cuts a label in two: refuse it.
        broken = [lang for lang, text in choice["label"].items() if not isinstance(text, str) or not text.strip()]
        if broken:
            raise DataError(FOLLOWUP_FORM, f"choices.{CHOICE_LIST}[{index}] ({choice['name']}): label has no text for "
                            f"{broken}; quote a label that contains a comma", field=f"choices/{CHOICE_LIST}/{index}/label")
    return types


@dataclass(frozen=True)
class Action:
    kind: str | None = None  # a follow-up form choice id
    what: str = ""
    target: str = ""
    by_when: dt.date | None = None
    indicator: str = ""

    def is_empty(self) -> bool:
        return not (self.kind or self.what.strip() or self.target.strip() or self.by_when or self.indicator.strip())

    def to_saved(self) -> dict:
        return {**asdict(self), "by_when": self.by_when.isoformat() if self.by_when else None}

    @classmethod
    def from_saved(cls, data: dict) -> "Action":
        when = data.get("by_when")
        return cls(data.get("kind"), data.get("what", ""), data.get("target", ""),
                   dt.date.fromisoformat(when) if when else None, data.get("indicator", ""))


# A model plan for a trainee of the 2016 pilot (course ended 8 June 2016), shown to trainers.
MODEL_COURSE_END = dt.date(2016, 6, 8)
MODEL_PLAN = (
    Action("afml", "Send a two-page submission on the recruitment fees migrant workers pay to Thailand's national "
                   "preparatory workshop for the AFML", "The workshop's organisers in the labour ministry",
           dt.date(2016, 9, 30), "1 submission sent, signed by at least 3 partner organisations"),
    Action("training", "Run a half-day session on the ACMW and the AFML for staff of partner organisations",
           "Staff of 5 partner organisations in Chiang Mai", dt.date(2016, 8, 31), "15 people trained; 10 feedback forms returned"),
    Action("media", "Publish a short article on what the Cebu Declaration asks of Thailand on migrant workers' wages",
           "Readers of one national newspaper", dt.date(2016, 11, 15), "1 article published"),
)


def day(date: dt.date) -> str:
    return f"{date.day} {date:%B %Y}"


def plan_end(course_end: dt.date) -> dt.date:
    """The last day of the plan: six calendar months after the course ends."""
    return (pd.Timestamp(course_end) + pd.DateOffset(months=PLAN_MONTHS)).date()


def plan_rows(actions: list[Action], types: dict[str, str]) -> list[list[str]]:
    rows = [["#", "Type of action", "What", "Target", "By when", "Indicator"]]
    for n, a in enumerate((a for a in actions if not a.is_empty()), start=1):
        rows.append([str(n), types.get(a.kind, "–"), a.what.strip(), a.target.strip(),
                     day(a.by_when) if a.by_when else "–", a.indicator.strip()])
    return rows


def plan_table(actions: list[Action], types: dict[str, str]) -> pd.DataFrame:
    """The plan as a table, one row per action, for showing in the notebook."""
    header, *rows = plan_rows(actions, types)
    return pd.DataFrame(rows, columns=header).set_index("#")


def _intro(course_end: dt.date) -> str:
    return (f"Course ended on {day(course_end)}; this plan runs until {day(plan_end(course_end))}. "
            "Look at it again before each follow-up form (1, 3 and 6 months after the course).")


def plan_markdown(actions: list[Action], course_end: dt.date, types: dict[str, str]) -> str:
    """The plan as a Markdown page with one table row per action."""
    cell = lambda text: " ".join(text.split()).replace("|", "\\|")
    rows = plan_rows(actions, types)
    table = [f"| {' | '.join(cell(c) for c in row)} |" for row in rows]
    table.insert(1, "|" + "---|" * len(rows[0]))
    return f"# Six-month action plan\n\n{_intro(course_end)}\n\n" + "\n".join(table) + "\n"


def write_plan_docx(actions: list[Action], course_end: dt.date, types: dict[str, str], path: Path) -> Path:
    """The plan as a Word document with the same table."""
    from docx import Document

    doc = Document()
    doc.add_heading("Six-month action plan", level=0)
    doc.add_paragraph(_intro(course_end))
    rows = plan_rows(actions, types)
    table = doc.add_table(rows=len(rows), cols=len(rows[0]))
    table.style = "Table Grid"
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    for cell in table.rows[0].cells:
        for run in cell.paragraphs[0].runs:
            run.bold = True
    doc.save(path)
    return path


def export_plan(actions: list[Action], course_end: dt.date, types: dict[str, str], folder: Path) -> tuple[Path, Path]:
    """Write the plan as ``six-month-action-plan.md`` and ``.docx`` in ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    markdown = folder / f"{EXPORT_NAME}.md"
    markdown.write_text(plan_markdown(actions, course_end, types), encoding="utf-8")
    return markdown, write_plan_docx(actions, course_end, types, folder / f"{EXPORT_NAME}.docx")
