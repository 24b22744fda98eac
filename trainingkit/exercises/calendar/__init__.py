"""The ASEAN advocacy calendar: ``model`` (events, activities), ``checks``, ``view`` (:class:`Calendar`)."""
from .model import EXERCISE_ID, load_events
from .view import Calendar, show_timeline

__all__ = ["EXERCISE_ID", "Calendar", "load_events", "show_timeline"]
