from dataclasses import dataclass
from pathlib import Path

import pytest

from coursefactory import standard_day, write_course

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def forms():
    """The real course's feedback forms."""
    from trainingkit.course import load_course
    from trainingkit.forms import load_forms

    return load_forms(load_course(REPO))


@pytest.fixture
def store(tmp_path, forms):
    """An empty SQLite feedback store for the real forms, cohort pilot-2016."""
    from trainingkit.feedback import FeedbackStore

    return FeedbackStore(f"sqlite:///{tmp_path / 'fb.sqlite'}", forms=forms, cohort="pilot-2016")


@pytest.fixture
def course_dir(tmp_path: Path) -> Path:
    """A valid two-day course in a temporary folder."""
    return write_course(tmp_path / "course", {1: standard_day(1), 2: standard_day(2)})

@dataclass(frozen=True)
class ExecutedExercise:
    """An exercise notebook run top to bottom in a fresh kernel, and the work folder it had."""

    nb: object
    work: Path

    @property
    def saved(self) -> list[str]:
        """What the run wrote into the trainee's work folder (nothing, until someone answers)."""
        return sorted(p.name for p in self.work.iterdir())


@pytest.fixture(scope="session")
def executed_exercise(tmp_path_factory):
    """``run(exercise_id)``: the notebook executed once per session, with its own empty work
    folder, through ``trainingkit.execute.run_notebook`` as the build runs it."""
    import nbformat

    from trainingkit.execute import run_notebook

    done: dict[str, ExecutedExercise] = {}

    def run(exercise_id: str) -> ExecutedExercise:
        if exercise_id not in done:
            path = REPO / "exercises" / f"{exercise_id}.ipynb"
            work = tmp_path_factory.mktemp(f"work-{exercise_id}")
            nb = run_notebook(nbformat.read(path, as_version=4), path, REPO, work_dir=work)
            done[exercise_id] = ExecutedExercise(nb, work)
        return done[exercise_id]

    return run


from browser import browser, page  # noqa: E402,F401  shared browser fixtures


@pytest.fixture(scope="session")
def built_book(tmp_path_factory):
    """A copy of the real course with both editions built, once for the whole test session
    (for tests that only read the built sites; a test that changes the course makes its own)."""
    from test_build import copy_course
    from trainingkit.build import build

    root = copy_course(tmp_path_factory.mktemp("built-book"))
    build(root, cache_dir=tmp_path_factory.getbasetemp() / "execution-cache")
    return root
