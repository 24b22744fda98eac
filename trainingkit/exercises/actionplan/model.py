"""Six-month action plan: SMART actions checked one by one, exported as Markdown and Word.

Each action's type is one of the ``actions`` choices of the follow-up form, read from
``feedback/forms/followup.yml``, so a trainee's plan and their follow-up answers 1, 3 and 6
months later use the same words and can be compared.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import asdict, dataclass
from pathlib import Path

import pandas as pd
import yaml

from ..errors import TrainingkitError
from ..paths import course_root
from .checks import Check, as_html, failed, passed
from .savedfields import WidgetForm, notice
from .work import SavedWork

EXERCISE_ID = "ex-action-plan"
FOLLOWUP_FORM = "feedback/forms/followup.yml"
CHOICE_LIST = "actions"
PLAN_MONTHS = 6
EXPORT_NAME = "six-month-action-plan"
MIN_WHAT_WORDS = 5
# A target must be someone who can say yes: these alone name no one in particular.
VAGUE_TARGETS = {"asean", "government", "the government", "governments", "officials", "authorities",
                 "stakeholders", "policy makers", "policymakers", "the public", "public", "everyone", "people"}
NUMBER_WORDS = r"\b(one|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|fifty|hundred|dozen|all|every|at least)\b"


def followup_actions(root: Path | None = None) -> dict[str, str]:
    """The action types of the follow-up form: {choice id: English label}, in the form's order."""
    path = (root or course_root()) / FOLLOWUP_FORM
    try:
        form = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        choices = form["choices"][CHOICE_LIST]
        types = {c["name"]: c["label"]["en"] for c in choices}
    except OSError as exc:
        raise TrainingkitError(f"{FOLLOWUP_FORM}: cannot be read ({exc.strerror})") from exc
    except (KeyError, TypeError) as exc:
        raise TrainingkitError(f"{FOLLOWUP_FORM}: choices.{CHOICE_LIST} must list choices with a name and an English label") from exc
    for index, choice in enumerate(choices):
        # An unquoted comma inside {en: ...} silently cuts a label in two: refuse it.
        broken = [lang for lang, text in choice["label"].items() if not isinstance(text, str) or not text.strip()]
        if broken:
            raise TrainingkitError(f"{FOLLOWUP_FORM}: choices.{CHOICE_LIST}[{index}] ({choice['name']}): label has "
                                   f"no text for {broken}; quote a label that contains a comma")
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

def _day(date: dt.date) -> str:
    return f"{date.day} {date:%B %Y}"


def plan_end(course_end: dt.date) -> dt.date:
    """The last day of the plan: six calendar months after the course ends."""
    return (pd.Timestamp(course_end) + pd.DateOffset(months=PLAN_MONTHS)).date()


def check_action(number: int, action: Action, course_end: dt.date, types: dict[str, str]) -> list[Check]:
    """Is the action SMART: a type, a specific what, a named target, a date within six months
    of the course end, and a measurable indicator?"""
    name = f"Action {number}"
    out = []
    if action.kind in types:
        out.append(passed(f"{name}, type: {types[action.kind]}."))
    else:
        out.append(failed(f"{name}, type: not chosen.",
                          "Pick the kind of action from the list: the follow-up form asks about the same kinds, so you can report on your plan."))
    if len(action.what.split()) >= MIN_WHAT_WORDS:
        out.append(passed(f"{name}, what: specific."))
    else:
        out.append(failed(f"{name}, what: not specific yet.",
                          "Say what you will do, about what, in a full sentence, e.g. \"Send a joint submission on recruitment "
                          "fees to Thailand's national preparatory workshop for the AFML\"."))
    target = action.target.strip().lower().strip(".")
    if not target:
        out.append(failed(f"{name}, target: missing.", "Name who must act or listen: a ministry, an ASEAN body, a role."))
    elif target in VAGUE_TARGETS:
        out.append(failed(f"{name}, target: too general.",
                          f"\"{action.target.strip()}\" names no one in particular. Name the body or the role, e.g. \"the labour "
                          "ministry's official on the ACMW\". Name roles, never a person."))
    else:
        out.append(passed(f"{name}, target: named."))
    last = plan_end(course_end)
    if action.by_when is None:
        out.append(failed(f"{name}, by when: no date.", f"Choose the date by which it will be done, at the latest {_day(last)}."))
    elif action.by_when <= course_end:
        out.append(failed(f"{name}, by when: before the course ends.",
                          f"{_day(action.by_when)} is not after the course ends ({_day(course_end)}): choose a date in the next six months."))
    elif action.by_when > last:
        out.append(failed(f"{name}, by when: more than six months away.",
                          f"The plan covers six months: choose a date by {_day(last)}, or a first step that fits in that time."))
    else:
        out.append(passed(f"{name}, by when: {_day(action.by_when)}, within six months."))
    if re.search(r"\d", action.indicator) or re.search(NUMBER_WORDS, action.indicator, re.I):
        out.append(passed(f"{name}, indicator: measurable."))
    else:
        out.append(failed(f"{name}, indicator: not measurable yet." if action.indicator.strip() else f"{name}, indicator: missing.",
                          "How will you know it is done? Put a number in it: \"1 submission sent\", \"3 meetings held\", "
                          "\"20 workers trained\"."))
    return out


def check_plan(actions: list[Action], course_end: dt.date | None, types: dict[str, str]) -> list[Check]:
    """All checks of a plan: the course end date, at least one action, and each action."""
    if course_end is None:
        return [failed("Course end: no date.", "Give the date your course ends: the six months start from there.")]
    planned = [a for a in actions if not a.is_empty()]
    if not planned:
        return [failed("Plan: no action yet.", "Fill in at least one action: what you will do, for whom, by when, and how you will know.")]
    return [c for n, a in enumerate(planned, start=1) for c in check_action(n, a, course_end, types)]


def plan_rows(actions: list[Action], types: dict[str, str]) -> list[list[str]]:
    rows = [["#", "Type of action", "What", "Target", "By when", "Indicator"]]
    for n, a in enumerate((a for a in actions if not a.is_empty()), start=1):
        rows.append([str(n), types.get(a.kind, "–"), a.what.strip(), a.target.strip(),
                     _day(a.by_when) if a.by_when else "–", a.indicator.strip()])
    return rows


def plan_table(actions: list[Action], types: dict[str, str]) -> pd.DataFrame:
    """The plan as a table, one row per action, for showing in the notebook."""
    header, *rows = plan_rows(actions, types)
    return pd.DataFrame(rows, columns=header).set_index("#")


def _intro(course_end: dt.date) -> str:
    return (f"Course ended on {_day(course_end)}; this plan runs until {_day(plan_end(course_end))}. "
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


class ActionPlanForm(WidgetForm):
    """The course end date and one block of fields per action; every change is saved, and the
    plan reloads when the notebook is opened again. ``rows`` holds each action's widgets."""

    def __init__(self, work: SavedWork, types: dict[str, str], today: dt.date | None = None):
        import ipywidgets as w

        self.work, self.types, self._w = work, types, w
        saved_end = work.get("course_end")
        self.course_end = w.DatePicker(description="Course ends on",
                                       value=dt.date.fromisoformat(saved_end) if saved_end else (today or dt.date.today()),
                                       style={"description_width": "initial"})
        self.course_end.observe(lambda _: self.save(), names="value")
        self.rows: list[dict] = []
        self.actions_box = w.VBox()
        for data in work.get("actions") or [{}]:
            self.add_action(Action.from_saved(data), save=False)
        buttons = []
        for label, icon, action in (("Add an action", "plus", lambda _: self.add_action()),
                                    ("Check my plan", "check", lambda _: self.check()),
                                    ("Save as Markdown and Word", "download", lambda _: self.export())):
            button = w.Button(description=label, icon=icon, layout=w.Layout(width="auto"))
            button.on_click(action)
            buttons.append(button)
        self.result = w.HTML()
        parts = [notice(work), self.course_end, self.actions_box, w.HBox(buttons), self.result]
        self.box = w.VBox([p for p in parts if p is not None])

    def add_action(self, action: Action = Action(), save: bool = True) -> None:
        w = self._w
        wide = w.Layout(width="100%")
        fields = {
            "kind": w.Dropdown(options=[("(choose)", None), *((label, key) for key, label in self.types.items())],
                               value=action.kind if action.kind in self.types else None, description="Type", layout=wide),
            "what": w.Textarea(value=action.what, description="What", rows=2, layout=wide,
                               placeholder="What you will do, about what"),
            "target": w.Text(value=action.target, description="Target", layout=wide,
                             placeholder="Who must act or listen: a body or a role, never a person's name"),
            "by_when": w.DatePicker(value=action.by_when, description="By when"),
            "indicator": w.Text(value=action.indicator, description="Indicator", layout=wide,
                                placeholder="How you will know it is done, with a number"),
        }
        for field in fields.values():
            field.observe(lambda _: self.save(), names="value")
        self.rows.append(fields)
        heading = w.HTML(f"<b>Action {len(self.rows)}</b>")
        self.actions_box.children = [*self.actions_box.children, w.VBox([heading, *fields.values()])]
        if save:
            self.save()

    def actions(self) -> list[Action]:
        return [Action(r["kind"].value, r["what"].value, r["target"].value, r["by_when"].value, r["indicator"].value)
                for r in self.rows]

    def save(self) -> None:
        self.work.set("course_end", self.course_end.value.isoformat() if self.course_end.value else None)
        self.work.set("actions", [a.to_saved() for a in self.actions()])

    def check(self) -> list[Check]:
        results = check_plan(self.actions(), self.course_end.value, self.types)
        self.result.value = as_html(results)
        return results

    def export(self) -> tuple[Path, Path] | None:
        """Write the plan to the trainee's work folder, with the checks still open shown beside."""
        results = check_plan(self.actions(), self.course_end.value, self.types)
        if self.course_end.value is None or all(a.is_empty() for a in self.actions()):
            self.result.value = as_html(results)
            return None
        paths = export_plan(self.actions(), self.course_end.value, self.types, self.work.path.parent)
        self.result.value = as_html(results) + "<p>Saved: " + " and ".join(f"<code>{p}</code>" for p in paths) + "</p>"
        return paths
