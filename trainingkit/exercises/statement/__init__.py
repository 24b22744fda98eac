"""The message box and statement: ``model`` (bodies, the shared file), ``checks`` (the rubric), ``view`` (:class:`MessageBox`)."""
from .model import EXERCISE_ID
from .view import MessageBox, bodies_table, show_rubric

__all__ = ["EXERCISE_ID", "MessageBox", "bodies_table", "show_rubric"]
