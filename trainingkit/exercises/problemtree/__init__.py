"""Problem tree to objective tree: ``model`` (the tree, first drafts), ``checks``, ``view`` (:class:`ProblemTree`)."""
from .model import EXERCISE_ID
from .view import ProblemTree, show_trees

__all__ = ["EXERCISE_ID", "ProblemTree", "show_trees"]
