"""The ratification map: ``model`` (matrix, gaps), ``checks`` (matrix, gaps, the ask), ``view`` (:class:`Ratification`)."""
from .model import EXERCISE_ID
from .view import Ratification, ratification_map

__all__ = ["EXERCISE_ID", "Ratification", "ratification_map"]
