"""Book build (issue 14): cold `make book` on a fresh clone, nothing changed, one new answer, both editions vs plain Jupyter Book.

The clone is of the committed HEAD, so commit before measuring. The pytest part of `make test`
is timed by running it (it prints its own wall time), not here.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]
PARTS = ["course.yml", "_config.yml", "_toc.yml", "_static", "book", "modules", "exercises", "datasets", "feedback", "locales"]
FEEDBACK = "datasets/feedback-sample-synthetic.csv"
RAN = re.compile(r"^\s*ran (\S+) in ", re.M)


def _env() -> dict:
    env = {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "MAKEFLAGS", "MFLAGS")}
    env["PATH"] = os.pathsep.join(p for p in env.get("PATH", "").split(os.pathsep) if ".venv" not in p)
    return env


def _timed(args: list[str], cwd: Path) -> tuple[float, str]:
    started = time.perf_counter()
    done = subprocess.run(args, cwd=cwd, env=_env(), capture_output=True, text=True)
    if done.returncode:
        raise RuntimeError(f"{' '.join(args)} failed in {cwd}:\n{done.stdout[-2000:]}\n{done.stderr[-2000:]}")
    return time.perf_counter() - started, done.stdout + done.stderr


def _one_new_answer(root: Path) -> None:
    """One rating changes in the synthetic sample: what a new answer does to the build."""
    path = root / FEEDBACK
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    i = next(i for i, line in enumerate(lines) if ",overall," in line)
    head, value = lines[i].rstrip("\n").rsplit(",", 1)
    lines[i] = f"{head},{1 if value != '1' else 2}\n"
    path.write_text("".join(lines), encoding="utf-8")


def copy_sources(dest: Path) -> Path:
    """The course's sources (with its PO files), as a course folder to build."""
    dest.mkdir()
    for name in PARTS:
        src = REPO / name
        if src.is_dir():
            shutil.copytree(src, dest / name, ignore=shutil.ignore_patterns("__pycache__", ".ipynb_checkpoints"))
        elif src.is_file():
            shutil.copy2(src, dest / name)
    return dest


def _plain_sources(dest: Path) -> Path:
    """The course's sources as one plain Jupyter Book that executes its notebooks itself."""
    copy_sources(dest)
    config = yaml.safe_load((dest / "_config.yml").read_text(encoding="utf-8"))
    config.setdefault("execute", {})["execute_notebooks"] = "cache"
    (dest / "_config.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    return dest


def run():
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        clone = Path(tmp) / "clone"
        subprocess.run(["git", "clone", "--quiet", str(REPO), str(clone)], check=True)
        t_cold, _ = _timed(["make", "book"], clone)
        rows.append(("cold `make book`, fresh clone, install included (s)", f"{t_cold:.1f}", "target <= 90 s"))
        t_same, _ = _timed(["make", "book"], clone)
        rows.append(("`make book`, nothing changed (s)", f"{t_same:.1f}", "target <= 8 s"))
        _one_new_answer(clone)
        t_answer, out = _timed(["make", "book"], clone)
        ran = RAN.findall(out)
        rows.append(("`make book` after one new feedback answer (s)", f"{t_answer:.1f}", "target <= 20 s"))
        rows.append(("  notebooks re-executed / of them exercises", f"{len(ran)} / {sum('exercises/' in r for r in ran)}",
                     "target: no exercise"))

        both_root = Path(tmp) / "both"
        shutil.copytree(clone, both_root, ignore=shutil.ignore_patterns("_build", ".venv", ".git"))
        python = str(clone / ".venv/bin/python")
        t_both, _ = _timed([python, "-m", "trainingkit.cli", "build", "--edition", "all"], both_root)
        plain = _plain_sources(Path(tmp) / "plain")
        t_plain, _ = _timed([str(clone / ".venv/bin/jupyter-book"), "build", "--quiet", str(plain)], plain)
        rows.append(("cold, both editions (trainingkit build) (s)", f"{t_both:.1f}", ""))
        rows.append(("cold, one plain `jupyter-book build` of the sources (s)", f"{t_plain:.1f}", ""))
        rows.append(("both editions / plain", f"{t_both / t_plain:.2f}x", "target <= 1.1x"))
    rows.append(("machine load (1-minute average, at the end)", f"{os.getloadavg()[0]:.1f}", f"{os.cpu_count()} cores"))
    return rows


if __name__ == "__main__":
    for row in run():
        print(*row, sep="\t", file=sys.stdout)
