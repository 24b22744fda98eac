"""Minimum wage and the 421-baht demand: ``model`` (real wages, the model answer), ``checks``, ``view`` (:class:`MinimumWage`)."""
from .model import EXERCISE_ID
from .view import MinimumWage, show_chart

__all__ = ["EXERCISE_ID", "MinimumWage", "show_chart"]
