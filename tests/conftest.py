from pathlib import Path

import pytest

from coursefactory import standard_day, write_course

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture
def course_dir(tmp_path: Path) -> Path:
    """A valid two-day course in a temporary folder."""
    return write_course(tmp_path / "course", {1: standard_day(1), 2: standard_day(2)})

from browser import browser, page  # noqa: E402,F401  shared browser fixtures
