"""Where the course lives (the folder holding ``course.yml``), and where its build puts things."""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from .errors import TrainingkitError

COURSE_FILE = "course.yml"
# The course data a packed trainingkit wheel carries (``trainingkit pack``, participant
# notebooks), so a notebook downloaded from the book finds its data with no course folder.
BUNDLED_COURSE = "_course"
BUILD_DIR = "_build"
PARTICIPANT = "participant"  # the editions, each built into _build/<name>/
TRAINER = "trainer"


@dataclass(frozen=True)
class BuildLayout:
    """Every path under ``<course>/_build/``, known in this one place: the build writes them,
    the pack, the lab, the QR code and the translations read them.

    An edition's folder is named by the edition (``participant``, ``trainer``) or, for the
    participant edition in another language, ``participant-<lang>``
    (:func:`trainingkit.translations.sites.site_name`)."""

    course: Path  # the course root

    def __post_init__(self):
        # Absolute, so a relative course root means the same folder to Sphinx's subprocesses,
        # which resolve the staged toc against the staged folder.
        object.__setattr__(self, "course", Path(self.course).resolve())

    @property
    def root(self) -> Path:
        return self.course / BUILD_DIR

    def edition(self, name: str) -> Path:
        return self.root / name

    def src(self, name: str) -> Path:
        """The edition's staged sources: transformed notebooks, pages, config, toc."""
        return self.edition(name) / "src"

    def html(self, name: str) -> Path:
        """The edition's site (``index.html``)."""
        return self.edition(name) / "html"

    def doctrees(self, name: str) -> Path:
        """Sphinx's environment for the edition, so that a rebuild reads only changed pages."""
        return self.edition(name) / ".doctrees"

    def static(self, name: str) -> Path:
        """The site's ``_static/`` (the trainer edition's holds the forms' QR code)."""
        return self.html(name) / "_static"

    @property
    def execution(self) -> Path:
        """Executed notebooks, by content (``execute.py``); courses may share one."""
        return self.root / ".execution"

    @property
    def summary(self) -> Path:
        """The feedback summary the trainer edition shows, computed once per build."""
        return self.root / "evaluation-summary.json"

    @property
    def gettext(self) -> Path:
        """The pages' text for translators (``trainingkit translations extract``)."""
        return self.root / "gettext"

    @property
    def pack(self) -> Path:
        """The delivery kit (``trainingkit pack``)."""
        return self.root / "pack"

    @property
    def wheelhouse(self) -> Path:
        """The participant notebooks' wheels, kept between packs."""
        return self.root / "wheelhouse"


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
