"""The May Day 2016 demands: ``model`` (the key, verdicts), ``checks``, ``view`` (:class:`MaydayDemands`)."""
from .model import EXERCISE_ID
from .view import MaydayDemands

__all__ = ["EXERCISE_ID", "MaydayDemands"]
