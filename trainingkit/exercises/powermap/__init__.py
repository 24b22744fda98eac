"""Power map (ODI's AIIM): ``model`` (stakeholders, answer), ``checks``, ``view`` (:class:`PowerMap`)."""
from .model import EXERCISE_ID
from .view import PowerMap, show_power_map

__all__ = ["EXERCISE_ID", "PowerMap", "show_power_map"]
