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


@dataclass
class SharedBuild:
    """The real course, copied and built for the session (both editions). Its notebooks ran once
    in the session, into a cold execution cache: ``executed_cold`` counts those runs, and
    ``runs`` keeps each notebook as that run left it, with the work folder its kernel had.
    ``report`` is this process's build of its copy."""

    root: Path
    report: object  # trainingkit.build.BuildReport
    cache: Path
    runs: dict[str, ExecutedExercise]
    executed_cold: int


@pytest.fixture(scope="session")
def shared_build(tmp_path_factory) -> SharedBuild:
    """Each xdist worker builds its own copy (``book_variant`` rebuilds it in place), but only
    the first runs the notebooks: the others wait on a lock for its cache and read its runs,
    so a cold run is never done twice while both compete for the cores."""
    import json

    import nbformat
    from filelock import FileLock

    import trainingkit.build
    import trainingkit.execute

    shared = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        shared = shared.parent  # the session's folder, above each worker's own
    cache, runs_dir = shared / "execution-cache", shared / "build-runs"
    cold = runs_dir / "cold.json"
    root = copy_course(tmp_path_factory.mktemp("book"))
    executed_notebooks = trainingkit.build.executed_notebooks
    run_notebook = trainingkit.execute.run_notebook

    def observed(nb, path, root, env=None, work_dir=None):
        """The build's own run, kept with its work folder for the tests to look into."""
        work = runs_dir / path.stem
        work.mkdir()
        done = run_notebook(nb, path, root, env, work_dir=work)
        nbformat.write(done, runs_dir / f"{path.stem}.ipynb")
        return done

    def once(*args, **kwargs):
        with FileLock(shared / "build-runs.lock"):
            runs_dir.mkdir(exist_ok=True)
            results, executed = executed_notebooks(*args, **kwargs)
            if not cold.exists():
                cold.write_text(json.dumps({"executed": executed}))
        return results, executed

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(trainingkit.execute, "run_notebook", observed)
        patch.setattr(trainingkit.build, "executed_notebooks", once)
        report = trainingkit.build.build(root, cache_dir=cache)
    runs = {nb.stem: ExecutedExercise(nbformat.read(nb, as_version=4), runs_dir / nb.stem)
            for nb in runs_dir.glob("*.ipynb")}
    return SharedBuild(root, report, cache, runs, json.loads(cold.read_text())["executed"])


@pytest.fixture(scope="session")
def built_book(shared_build) -> Path:
    """The session's built copy of the real course, for tests that only read the built sites
    (a test that changes the course uses ``book_variant``)."""
    return shared_build.root


@pytest.fixture(scope="session")
def book_variant(shared_build):
    """``with book_variant(change) as (root, report):`` the shared build with ``change(root)``
    applied and rebuilt in place, so only what changed runs again (Sphinx keeps its environment
    only where it was built: a copy elsewhere would re-read every page). Afterwards the tree is
    put back as it was, byte for byte, for the next module. Use it from a module-scoped fixture."""
    import contextlib
    import shutil

    from trainingkit.build import build

    root = shared_build.root

    @contextlib.contextmanager
    def variant(change):
        pristine = root.with_name(root.name + "-pristine")
        shutil.copytree(root, pristine, symlinks=True)  # copy2: times kept, so Sphinx sees nothing new
        try:
            change(root)
            yield root, build(root, cache_dir=shared_build.cache)
        finally:
            shutil.rmtree(root)
            pristine.rename(root)

    return variant


def pytest_collection_modifyitems(items):
    """The longest modules run first, each module's tests kept together (so its fixtures are set
    up once): with ``-n`` (and ``--no-loadscope-reorder``, which keeps this order) the workers
    then end together, the short modules filling the gaps. A module's length is the largest
    ``slow(seconds=…)`` estimate among its tests: a slow test without one counts 1 s, others 0."""
    length: dict = {}
    for item in items:
        marker = item.get_closest_marker("slow")
        seconds = marker.kwargs.get("seconds", 1) if marker else 0
        length[item.module] = max(length.get(item.module, 0), seconds)
    items.sort(key=lambda item: -length[item.module])  # stable: a module's tests stay together


def _session_builds_the_book(session) -> bool:
    return any("shared_build" in getattr(item, "fixturenames", ()) for item in session.items)


@pytest.fixture(scope="session")
def executed_exercise(request, tmp_path_factory):
    """``run(exercise_id)``: the notebook executed once per session, with its own empty work
    folder, through ``trainingkit.execute.run_notebook``: the shared build's own run when this
    session builds the book anyway, else a run of that notebook alone."""
    import nbformat

    from trainingkit.execute import run_notebook

    done: dict[str, ExecutedExercise] = {}
    if _session_builds_the_book(request.session):
        done.update(request.getfixturevalue("shared_build").runs)

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
