"""Countries of origin, the Phnom Penh recommendations: ``model`` (the key, the grid), ``checks``, ``view`` (:class:`Origin`)."""
from .model import EXERCISE_ID
from .view import Origin, grid_alt_text, grid_figure

__all__ = ["EXERCISE_ID", "Origin", "grid_alt_text", "grid_figure"]
