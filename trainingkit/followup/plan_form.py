"""The follow-up form in a notebook (and Voilà) with the trainee's own planned actions listed.

Once a trainee types a code that has a plan, each slot ``a<n>_*`` shows that trainee's n-th
action (the order of :func:`~.plans.current_plans`, the same as the XLSForm choices file) and
asks for its progress, evidence and obstacles; the slots beyond the plan stay hidden and
unanswered. The action's id travels in ``a<n>_id``, filled here, never typed.
"""
from __future__ import annotations

import html

from ..forms.model import check_participant
from ..forms.widgets import FormWidget
from .plans import PlannedAction


class PlanFollowupWidget(FormWidget):
    def __init__(self, form, submit, plans: dict[str, list[PlannedAction]], **kwargs):
        self.plans = plans
        super().__init__(form, submit, **kwargs)
        for view in self._slot_views():
            if view.field.name.endswith("_id"):
                view.input.layout.display = "none"  # filled from the plan, shown as the label
                view.status.layout.display = "none"
        self.participant.observe(lambda _change: self.show_plan(), names="value")
        self.show_plan()

    def _slot_views(self):
        return [v for v in self.questions.values() if v.field.action_slot is not None]

    def own_actions(self) -> list[PlannedAction]:
        try:
            code = check_participant(self.participant.value)
        except ValueError:
            return []
        return self.plans.get(code, []) if code else []

    def show_plan(self) -> None:
        actions = self.own_actions()
        for view in self._slot_views():
            n = view.field.action_slot
            mine = actions[n - 1] if n <= len(actions) else None
            view.box.layout.display = None if mine else "none"
            if view.field.name.endswith("_id"):
                view.input.value = mine.action_id if mine else ""
                if mine:
                    due = f" (by {mine.due:%d %B %Y})" if mine.due else ""
                    view.label.value = (f"<b>{html.escape(view.field.text('label', self.language.value))}</b><br>"
                                        f"{html.escape(mine.action)}{html.escape(due)}")
            elif not mine:
                view.clear()

    def set_language(self, language: str) -> None:
        super().set_language(language)
        if hasattr(self, "plans"):
            self.show_plan()

    def answers(self) -> dict:
        shown = len(self.own_actions())
        return {name: value for name, value in super().answers().items()
                if self.form.field(name).action_slot is None or self.form.field(name).action_slot <= shown}

    def _clear(self) -> None:
        super()._clear()
        self.show_plan()


def show_followup_form(language: str | None = None, db: str | None = None) -> PlanFollowupWidget:
    """What ``feedback/followup.ipynb`` calls: the follow-up form with each trainee's own actions."""
    from ..course import load_course
    from ..feedback import FeedbackStore
    from ..forms.resolve import load_forms
    from ..paths import course_root
    from .plans import current_plans

    root = course_root()
    course = load_course(root)
    forms = load_forms(course)
    store = FeedbackStore(db, root=root, forms=forms, cohort=course.config.cohort)
    return PlanFollowupWidget(forms["followup"], store.save, current_plans(store.engine, store.cohort),
                              source="notebook", language=language)  # phones use `forms serve`
