"""Where the course lives: the folder holding ``course.yml``."""
from __future__ import annotations

import os
from pathlib import Path

from .errors import TrainingkitError

COURSE_FILE = "course.yml"


def course_root(start: Path | str | None = None) -> Path:
    """Return the course root: ``TRAININGKIT_ROOT``, else the nearest folder up from
    ``start`` (default: the working directory) that holds ``course.yml``."""
    if start is None and os.environ.get("TRAININGKIT_ROOT"):
        start = os.environ["TRAININGKIT_ROOT"]
    here = Path(start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / COURSE_FILE).is_file():
            return folder
    raise TrainingkitError(
        f"{here}: no {COURSE_FILE} here or in any parent folder; run trainingkit inside the course"
    )


def relative(path: Path, root: Path) -> str:
    """A path as the user sees it in messages: relative to the course root, with '/'."""
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return str(path)
