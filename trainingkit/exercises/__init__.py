"""The ten case exercises, one shape each, on one shared kit (``kit/``).

Every case is a package with ``model.py`` (data and answers, pure), ``checks.py`` (``CHECKS``
and ``check_all``, pure) and ``view.py`` (``class <Case>(ExerciseView)``). A notebook does::

    from trainingkit.exercises.powermap import PowerMap
    ex = PowerMap()
    ex.placement      # one part per cell
    ex.check()        # the self-checks, shown as a list
    show_quiz(ex.id)  # exercises/quizzes/<exercise id>.json

What notebooks import besides their case is re-exported here.
"""
from .kit.checks import Check, Results, show
from .kit.data import dataset, dataset_info
from .kit.figures import show_figure
from .kit.quiz import show_quiz
from .kit.view import show_text
from .kit.work import SavedWork, work_dir

__all__ = ["Check", "Results", "SavedWork", "dataset", "dataset_info", "show", "show_figure", "show_quiz", "show_text",
           "work_dir"]
