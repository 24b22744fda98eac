"""The six-month action plan: ``model`` (actions, export), ``checks`` (SMART), ``view`` (:class:`ActionPlan`).

The follow-up rounds read plans through the names re-exported here (``Action``, ``export_plan``…).
"""
from .model import EXERCISE_ID, MODEL_COURSE_END, MODEL_PLAN, Action, export_plan, followup_actions
from .view import ActionPlan

__all__ = ["EXERCISE_ID", "MODEL_COURSE_END", "MODEL_PLAN", "Action", "ActionPlan", "export_plan", "followup_actions"]
