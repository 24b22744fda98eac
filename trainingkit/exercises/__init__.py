"""The ten case exercises, one shape each, on one shared kit (``kit/``).

Every case is a package with ``model.py`` (data and answers, pure), ``checks.py`` (``CHECKS``
and ``check_all``, pure) and ``view.py`` (``class <Case>(ExerciseView)``); ``cases.py`` lists
them. A notebook does::

    from trainingkit.exercises import show_quiz
    from trainingkit.exercises.powermap import PowerMap
    ex = PowerMap()
    ex.placement      # one part per cell
    ex.check()        # the self-checks, shown as a list
    show_quiz(ex.id)  # exercises/quizzes/<exercise id>.json

What notebooks import besides their case is re-exported here, loaded on first use so that the
checker, which reads quizzes and keys, does not load widgets and matplotlib.
"""
from importlib import import_module

_EXPORTS = {
    "Check": "kit.checks", "Results": "kit.checks", "show": "kit.checks",
    "dataset": "kit.data", "dataset_info": "kit.data",
    "show_figure": "kit.figures",
    "show_quiz": "kit.quiz",
    "show_text": "kit.view",
    "SavedWork": "kit.work", "work_dir": "kit.work",
}
__all__ = sorted(_EXPORTS)


def __getattr__(name: str):
    if name in _EXPORTS:
        return getattr(import_module(f"{__name__}.{_EXPORTS[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
