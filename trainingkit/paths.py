"""Where the course lives: the folder holding ``course.yml``."""
from __future__ import annotations

import os
from pathlib import Path

from .errors import TrainingkitError

COURSE_FILE = "course.yml"
# The course data a packed trainingkit wheel carries (``trainingkit pack``, participant
# notebooks), so a notebook downloaded from the book finds its data with no course folder.
BUNDLED_COURSE = "_course"


def course_root(start: Path | str | None = None) -> Path:
    """Return the course root: ``TRAININGKIT_ROOT``, else the nearest folder up from
    ``start`` (default: the working directory) that holds ``course.yml``; else, searching from
    the working directory, the course data installed inside the package (a packed wheel)."""
    if start is None and os.environ.get("TRAININGKIT_ROOT"):
        start = os.environ["TRAININGKIT_ROOT"]
    here = Path(start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / COURSE_FILE).is_file():
            return folder
    bundled = Path(__file__).with_name(BUNDLED_COURSE)
    if start is None and (bundled / COURSE_FILE).is_file():
        return bundled
    raise TrainingkitError(
        f"{here}: no {COURSE_FILE} here or in any parent folder; run trainingkit inside the course"
    )


def relative(path: Path, root: Path) -> str:
    """A path as the user sees it in messages: relative to the course root, with '/'."""
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return str(path)
