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
