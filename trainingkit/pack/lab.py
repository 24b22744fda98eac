"""JupyterLab on a trainee's laptop (``make lab``): the participant edition's notebooks, with no
trainer notes or model answers, in a working folder of the trainee's own (``var/lab``).

Copies are made once: a notebook the trainee has worked in is never overwritten by a rebuild.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from ..course import PAGE_DIRS
from ..errors import TrainingkitError
from ..paths import PARTICIPANT, BuildLayout, course_root

LAB_DIR = "var/lab"


def prepare_lab(root: Path) -> tuple[Path, list[Path]]:
    """Copy the participant edition's pages (and files beside them, such as quiz data) into
    ``var/lab`` where they are not there yet; return the folder and the files copied."""
    src = BuildLayout(root).src(PARTICIPANT)
    if not src.is_dir():
        raise TrainingkitError(f"{src} is missing: build the participant edition first (trainingkit build --edition participant)")
    dest = root / LAB_DIR
    copied = []
    for folder in PAGE_DIRS:
        for path in sorted((src / folder).rglob("*")):
            target = dest / path.relative_to(src)
            if path.is_file() and not target.exists():
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(path, target)
                copied.append(target)
    return dest, copied


def lab_command(folder: Path, *extra: str) -> list[str]:
    """JupyterLab on ``folder``, reachable from this laptop only."""
    return [sys.executable, "-m", "jupyterlab", f"--ServerApp.root_dir={folder}", "--ServerApp.ip=127.0.0.1", *extra]


def main(argv: list[str]) -> int:
    root = course_root()
    folder, copied = prepare_lab(root)
    print(f"JupyterLab on {folder} ({len(copied)} new files); your answers stay on this laptop. Ctrl+C stops.", flush=True)
    # The exercises find the course's datasets through TRAININGKIT_ROOT.
    env = {**os.environ, "TRAININGKIT_ROOT": str(root)}
    try:
        return subprocess.run(lab_command(folder, *argv), env=env, check=False).returncode
    except KeyboardInterrupt:
        return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
