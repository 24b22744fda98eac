"""The SEZ survey (SYNTHETIC data): ``model`` (zones, seed), ``generate`` (the survey file), ``checks``, ``view`` (:class:`SezSurvey`)."""
from .model import EXERCISE_ID
from .view import SezSurvey, show_summary_chart

__all__ = ["EXERCISE_ID", "SezSurvey", "show_summary_chart"]
