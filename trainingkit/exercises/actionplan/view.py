"""What the trainee sees in the action-plan exercise: the course end, one block of fields per
action, and buttons to add an action, check the plan and save it as Markdown and Word."""
from __future__ import annotations

import datetime as dt
import html
from pathlib import Path

import ipywidgets as w

from ..kit.checks import Check, as_html
from ..kit.view import ExerciseView
from ..kit.work import SavedWork
from .checks import check_all
from .model import EXERCISE_ID, Action, export_plan, followup_actions, plan_table


class ActionPlan(ExerciseView):
    """The course end date and one block of fields per action; every change is saved, and the
    plan reloads when the notebook is opened again. ``rows`` holds each action's widgets and
    ``box`` shows them with the buttons."""

    id = EXERCISE_ID
    parts = ("box",)

    def __init__(self, work: SavedWork | None = None, types: dict[str, str] | None = None, today: dt.date | None = None):
        super().__init__(work)
        self.types = types if types is not None else followup_actions()
        saved_end = self.work.get("course_end")
        self.course_end = w.DatePicker(description="Course ends on",
                                       value=dt.date.fromisoformat(saved_end) if saved_end else (today or dt.date.today()),
                                       style={"description_width": "initial"})
        self.course_end.observe(lambda _: self.save(), names="value")
        self.rows: list[dict] = []
        self.actions_box = w.VBox()
        for data in self.work.get("actions") or [{}]:
            self.add_action(Action.from_saved(data), save=False)
        buttons = []
        for label, icon, action in (("Add an action", "plus", lambda _: self.add_action()),
                                    ("Check my plan", "check", lambda _: self.check()),
                                    ("Save as Markdown and Word", "download", lambda _: self.export())):
            button = w.Button(description=label, icon=icon, layout=w.Layout(width="auto"))
            button.on_click(action)
            buttons.append(button)
        self.box = w.VBox([*self.notice(), self.course_end, self.actions_box, w.HBox(buttons), self.results])

    def add_action(self, action: Action = Action(), save: bool = True) -> None:
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

    def check_all(self) -> list[Check]:
        return check_all(self.actions(), self.course_end.value, self.types)

    def export(self) -> tuple[Path, Path] | None:
        """Write the plan to the trainee's work folder, with the checks still open shown beside."""
        results = self.check()
        if self.course_end.value is None or all(a.is_empty() for a in self.actions()):
            return None
        paths = export_plan(self.actions(), self.course_end.value, self.types, self.work.path.parent)
        self.results.value = as_html(results) + "<p>Saved: " + " and ".join(
            f"<code>{html.escape(str(p))}</code>" for p in paths) + "</p>"
        return paths

    def plan_table(self):
        return plan_table(self.actions(), self.types).style
