"""The fixtures every test module may use, defined (or registered) here once: a session
fixture imported into a test module would be a second fixture, set up a second time."""
import os
import uuid
from dataclasses import dataclass
from pathlib import Path

import pytest

from coursefactory import REPO, copy_course, standard_day, write_course

PG_ENV = "TRAININGKIT_TEST_PG_URL"


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


# Fixtures kept beside their helpers, registered here once for every module.
from browser import browser, page, phone  # noqa: E402,F401
from formserver import served  # noqa: E402,F401


@pytest.fixture(scope="session")
def pg_server():
    """A PostgreSQL server URL for the session: the one CI gives (``TRAININGKIT_TEST_PG_URL``,
    ``.ci/run`` sets it), else a throwaway local one from Debian's binaries; skipped when there
    are none (in CI that fails instead)."""
    from benchmarks.pgserver import pg_server as start_pg

    with start_pg() as server:
        if server is None:
            message = f"no PostgreSQL server: set {PG_ENV} or install Debian's postgresql package"
            pytest.fail(message) if os.environ.get("CI") else pytest.skip(message)
        yield server


@pytest.fixture
def pg_url(pg_server):
    """A fresh database on the session's server for one test."""
    import sqlalchemy as sa

    name = f"tk_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(pg_server, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(sa.text(f"CREATE DATABASE {name}"))
    yield sa.make_url(pg_server).set(database=name).render_as_string(hide_password=False)
    with admin.connect() as conn:
        conn.execute(sa.text(f"DROP DATABASE {name} WITH (FORCE)"))
    admin.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def url(request, tmp_path):
    """A store URL on each database in turn: a SQLite file not yet made, then a fresh PostgreSQL database."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'var/feedback.sqlite'}"
    return request.getfixturevalue("pg_url")


@pytest.fixture
def any_store(url, forms):
    """An empty store for the real forms, cohort pilot-2016, on SQLite and then on PostgreSQL."""
    from trainingkit.feedback import FeedbackStore

    s = FeedbackStore(url, forms=forms, cohort="pilot-2016")
    yield s
    s.close()


@pytest.fixture(scope="session")
def built_book(tmp_path_factory):
    """A copy of the real course with both editions built, once for the whole test session
    (for tests that only read the built sites; a test that changes the course makes its own)."""
    from trainingkit.build import build

    root = copy_course(tmp_path_factory.mktemp("built-book"))
    build(root, cache_dir=tmp_path_factory.getbasetemp() / "execution-cache")
    return root
