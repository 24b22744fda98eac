"""The six-month action plan: ``model`` (actions, export), ``checks`` (SMART), ``view`` (:class:`ActionPlan`)."""
from .model import EXERCISE_ID, followup_actions
from .view import ActionPlan

__all__ = ["EXERCISE_ID", "ActionPlan", "followup_actions"]
