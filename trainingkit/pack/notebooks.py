"""``participant-notebooks.zip``: the case exercises as live notebooks for a trainee's laptop,
with no trainer notes or model answers, and everything needed to run them with no internet.

::

    participant-notebooks/
      HOW-TO-OPEN.txt          one page, plain words
      requirements.txt         what to install, pinned (the course's own pins)
      wheelhouse/              every package as a wheel, for pip install --no-index
      course.yml  datasets/  feedback/forms/      the data the exercises read
      exercises/*.ipynb  exercises/quizzes/       the participant edition, outputs cleared

The notebooks are the participant edition's (``_build/participant/src``), so trainer and
solution cells are gone (and checked again here). The ``trainingkit`` wheel carries the same
course data inside the package, so a notebook downloaded from the book finds its data with no
course folder around it (see ``paths.course_root``).

The wheels are for the Python and the system of the machine that packs: the how-to says so at
the top and what to do on another system (a pack made there, or the internet once). They come
from the pip cache or PyPI, once: ``_build/wheelhouse`` keeps them for the next pack.
"""
from __future__ import annotations

import json
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import tomllib
import zipfile
from pathlib import Path
from urllib.parse import urlsplit
from urllib.request import url2pathname

import nbformat

from ..cells import tags
from ..course import EXERCISE_DIR, Course
from ..editions import assert_no_trainer_content
from ..errors import TrainingkitError
from ..paths import BUNDLED_COURSE, COURSE_FILE, PARTICIPANT, BuildLayout
from ..static_site import PREVIEW_TAG

ZIP_NAME = "participant-notebooks.zip"
FOLDER = "participant-notebooks"
WHEELHOUSE = "wheelhouse"
# The data the exercises read, beside the notebooks and inside the trainingkit wheel.
COURSE_DATA = (COURSE_FILE, "datasets", "feedback/forms")
# Inside the wheel also each exercise's own files (its quiz, the key its feedback reads), which
# the zip already has beside the notebooks: a notebook downloaded from the book, opened with no
# course folder, finds them there.
BUNDLED_DATA = (*COURSE_DATA, f"{EXERCISE_DIR}/quizzes", f"{EXERCISE_DIR}/keys")
# What the exercise notebooks need, by distribution name; versions come from requirements.txt.
# JupyterLab and its widgets to open them; ipykernel to run them; the rest is what
# trainingkit.exercises imports (trainingkit itself imports pydantic and sphinx-external-toc).
NEEDS = (
    "jupyterlab", "jupyterlab_widgets", "ipykernel", "ipywidgets", "nbclient", "nbformat",
    "pandas", "matplotlib", "jupyterquiz", "PyYAML", "platformdirs", "python-docx",
    "pydantic", "sphinx-external-toc",
)

HOW_TO = """\
HOW TO OPEN THE EXERCISES ON YOUR LAPTOP (no internet needed)

These are the case exercises of the course "{title}", for trainees.
They have no trainer notes and no model answers.

What you need: a laptop with {system} ({machine}) and Python {python}. This pack
works ONLY there: its packages were made on such a laptop. Ask a trainer if you are
not sure. Everything else is in this folder.

Another system (for example {others}) or another Python? Then this pack will not
install. Either ask the trainer to run "trainingkit pack" on a laptop like yours and
give you that pack, or, with internet once, leave out "--no-index" in step 3:

     .venv/bin/pip install --find-links wheelhouse -r requirements.txt
     (on Windows: .venv\\Scripts\\pip install --find-links wheelhouse -r requirements.txt)

1. Unzip this file. You get a folder called {folder}.

2. Open a terminal (on Windows: "Command Prompt") in that folder.

3. Install, once (this takes a few minutes; it uses only the files in this folder):

     {python_cmd} -m venv .venv
     {bin}pip install --no-index --find-links wheelhouse -r requirements.txt

4. Start JupyterLab, every time you work:

     {bin}jupyter lab

   Your web browser opens.

5. Open the folder "exercises" and click an exercise. Run the cells from top to bottom
   (Shift + Enter). Fill in the boxes and click the buttons.

Your answers are saved on this laptop, in your own user folder, not in the notebook.
Nothing you type is sent to anyone. To stop, close the browser tab, then press Ctrl + C
in the terminal.

A notebook you download from the course book also works here, in any folder: its data
and quiz come with the course's package.
"""


def requirement_lines(pins: str, needs=NEEDS) -> list[str]:
    """``name==version`` for each of ``needs``, from the text of requirements.txt."""
    pinned = {}
    for line in pins.splitlines():
        match = re.match(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*==\s*([^\s;#]+)", line)
        if match:
            pinned[_canonical(match[1])] = f"{match[1]}=={match[2]}"
    missing = [n for n in needs if _canonical(n) not in pinned]
    if missing:
        raise TrainingkitError(f"requirements.txt: no pinned version of {', '.join(missing)}, which the exercise notebooks need")
    return [pinned[_canonical(n)] for n in needs]


def _canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def participant_notebook(path: Path) -> nbformat.NotebookNode:
    """A participant-edition notebook ready to work in: no outputs, no saved widget state, no
    static-site tags; refused if a trainer or solution cell is left."""
    nb = nbformat.read(path, as_version=4)
    assert_no_trainer_content(nb, str(path))
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
        kept = [t for t in tags(cell) if t != PREVIEW_TAG]
        if "tags" in cell.metadata:
            cell.metadata["tags"] = kept
    nb.metadata.pop("widgets", None)
    return nb


def project_root() -> Path:
    """The trainingkit source tree (``pyproject.toml``, ``requirements.txt``) this runs from:
    the participant wheel is built from it, at its pins."""
    root = Path(__file__).resolve().parents[2]
    missing = [name for name in ("pyproject.toml", "requirements.txt") if not (root / name).is_file()]
    if missing:
        raise TrainingkitError(
            f"{root}: no {' or '.join(missing)}: the participant notebooks are packed from a checkout of "
            "the kit (make pack, or pip install -e . in it), not from an installed trainingkit"
        )
    return root


def build_requirements() -> list[str]:
    """What the trainingkit wheel is built with (``[build-system] requires``): kept in the
    wheelhouse too, so that a pack with no internet can build it."""
    return tomllib.loads((project_root() / "pyproject.toml").read_text(encoding="utf-8"))["build-system"]["requires"]


def build_trainingkit_wheel(course_root: Path, dest: Path, offline: bool = False) -> Path:
    """The trainingkit wheel, with the course data inside the package (``trainingkit/_course``).
    Its build tools come from ``dest`` first, and only from there when ``offline``."""
    package_root = project_root()
    with tempfile.TemporaryDirectory() as tmp:
        project = Path(tmp) / "trainingkit"
        shutil.copytree(package_root / "trainingkit", project / "trainingkit",
                        ignore=shutil.ignore_patterns("__pycache__", "*.pyc", "node_modules", BUNDLED_COURSE))
        for name in ("pyproject.toml", "README.md"):
            shutil.copy2(package_root / name, project / name)
        _copy_course_data(course_root, project / "trainingkit" / BUNDLED_COURSE)
        pyproject = project / "pyproject.toml"
        pyproject.write_text(participant_pyproject(pyproject.read_text(encoding="utf-8")), encoding="utf-8")
        _pip("wheel", "--no-deps", *(["--no-index"] if offline else []), "--find-links", str(dest),
             "--wheel-dir", str(dest), str(project))
    wheels = sorted(dest.glob("trainingkit-*.whl"), key=lambda p: p.stat().st_mtime)
    if not wheels:
        raise TrainingkitError(f"pip wrote no trainingkit wheel into {dest}")
    return wheels[-1]


def participant_pyproject(text: str, needs=NEEDS) -> str:
    """The project file for the participant wheel: it depends only on what the notebooks need
    (not on Jupyter Book, Playwright, Node…), and carries the course data in the package."""
    deps = "dependencies = [\n" + "".join(f'    "{n}",\n' for n in needs) + "]\n"
    text, count = re.subn(r"^dependencies = \[\n.*?^\]\n", lambda _m: deps, text, count=1, flags=re.M | re.S)
    if count != 1 or "[tool.setuptools.package-data]\n" not in text:
        raise TrainingkitError("pyproject.toml: no 'dependencies = [' list or no [tool.setuptools.package-data] table to adapt")
    return text.replace("[tool.setuptools.package-data]\n", f'[tool.setuptools.package-data]\n"trainingkit" = ["{BUNDLED_COURSE}/**/*"]\n', 1)


def _copy_course_data(course_root: Path, dest: Path) -> None:
    for name in BUNDLED_DATA:
        src = course_root / name
        if src.is_dir():
            shutil.copytree(src, dest / name, dirs_exist_ok=True)
        elif src.is_file():
            dest.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, dest / name)


def _pip(*args: str) -> None:
    cmd = [sys.executable, "-m", "pip", "--disable-pip-version-check", *args]
    done = subprocess.run(cmd, capture_output=True, text=True)
    if done.returncode != 0:
        tail = "\n".join((done.stderr or done.stdout).splitlines()[-15:])
        raise TrainingkitError(f"{' '.join(cmd[2:5])} … failed:\n{tail}")


def wheelhouse(requirements: Path, pins: Path, dest: Path) -> None:
    """Every wheel the requirements need, with their dependencies at the course's pins."""
    _pip("wheel", "--wheel-dir", str(dest), "--find-links", str(dest), "-r", str(requirements), "-c", str(pins))


def resolved_wheels(requirements: Path, wheels: Path) -> list[Path]:
    """The wheels an offline install of ``requirements`` from ``wheels`` takes, found by pip
    itself (a dry run with no index): proof, at pack time, that the wheelhouse is complete,
    and no stale wheel from an older pin travels in the zip."""
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "report.json"
        _pip("install", "--dry-run", "--ignore-installed", "--no-index", "--find-links", str(wheels),
             "-r", str(requirements), "--report", str(report), "--quiet")
        chosen = json.loads(report.read_text(encoding="utf-8"))["install"]
    paths = [Path(url2pathname(urlsplit(item["download_info"]["url"]).path)) for item in chosen]
    return sorted(paths, key=lambda p: p.name)


def make_participant_notebooks(course: Course, out: Path, wheel_cache: Path | None = None) -> Path:
    """Write ``out/participant-notebooks.zip``; returns its path."""
    root = course.root
    src = BuildLayout(root).src(PARTICIPANT)
    if not (src / EXERCISE_DIR).is_dir():
        raise TrainingkitError(f"{src} is missing: build the participant edition first (trainingkit build)")
    cache = wheel_cache or BuildLayout(root).wheelhouse
    pins = project_root() / "requirements.txt"
    lines = requirement_lines(pins.read_text(encoding="utf-8"))
    cache.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        reqs = Path(tmp) / "requirements.txt"

        def kit_and_wheels(offline: bool) -> list[Path]:
            for old in cache.glob("trainingkit-*.whl"):
                old.unlink()
            kit = build_trainingkit_wheel(root, cache, offline)
            reqs.write_text("\n".join(lines + [f"trainingkit=={kit.name.split('-')[1]}"]) + "\n", encoding="utf-8")
            return resolved_wheels(reqs, cache)

        try:  # a wheelhouse kept from the last pack has every wheel: no internet needed, as at a venue
            wheels = kit_and_wheels(offline=True)
        except TrainingkitError:  # else fetch what is missing (pip cache or PyPI), then check again
            third_party = Path(tmp) / "third-party.txt"
            third_party.write_text("\n".join(lines + build_requirements()) + "\n", encoding="utf-8")
            wheelhouse(third_party, pins, cache)
            wheels = kit_and_wheels(offline=False)

        target = out / ZIP_NAME
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_suffix(".zip.partial")
        with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
            put = lambda rel, data: archive.writestr(f"{FOLDER}/{rel}", data)  # noqa: E731
            put("HOW-TO-OPEN.txt", how_to(course))
            put("requirements.txt", reqs.read_text(encoding="utf-8"))
            for path in wheels:
                archive.write(path, f"{FOLDER}/{WHEELHOUSE}/{path.name}", compress_type=zipfile.ZIP_STORED)
            for name in COURSE_DATA:
                for path in _files(root / name):
                    archive.write(path, f"{FOLDER}/{path.relative_to(root).as_posix()}")
            for path in sorted((src / EXERCISE_DIR).rglob("*")):
                if not path.is_file() or ".ipynb_checkpoints" in path.parts:
                    continue
                rel = path.relative_to(src).as_posix()
                if path.suffix == ".ipynb":
                    put(rel, nbformat.writes(participant_notebook(path)))
                else:
                    archive.write(path, f"{FOLDER}/{rel}")
        partial.replace(target)  # never a half-written zip under the real name
    return target


def _files(path: Path) -> list[Path]:
    if path.is_file():
        return [path]
    return sorted(p for p in path.rglob("*") if p.is_file() and "__pycache__" not in p.parts)


def how_to(course: Course) -> str:
    system = platform.system() or "this system"
    windows = system == "Windows"
    others = " or ".join(s for s in ("Windows", "macOS", "Linux") if s != {"Darwin": "macOS"}.get(system, system))
    return HOW_TO.format(
        title=course.config.title, folder=FOLDER, python=".".join(platform.python_version_tuple()[:2]),
        system={"Darwin": "macOS"}.get(system, system), machine=platform.machine() or "this machine", others=others,
        python_cmd="py" if windows else "python3", bin=".venv\\Scripts\\" if windows else ".venv/bin/",
    )
