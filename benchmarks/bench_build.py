"""Book build: cold, one edition vs both, unchanged rebuild, one session edited."""
from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
PARTS = ["course.yml", "_config.yml", "_toc.yml", "_static", "book", "modules", "exercises", "datasets", "feedback", "trainingkit"]


def _copy(dest: Path) -> Path:
    for name in PARTS:
        src = REPO / name
        if src.is_dir():
            shutil.copytree(src, dest / name, ignore=shutil.ignore_patterns("__pycache__", ".ipynb_checkpoints"))
        elif src.is_file():
            shutil.copy2(src, dest / name)
    return dest


def _build(root: Path, *args: str) -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "trainingkit.cli", "build", *args], cwd=root, check=True, capture_output=True)
    return time.perf_counter() - started


def run():
    rows = []
    with tempfile.TemporaryDirectory() as one, tempfile.TemporaryDirectory() as both:
        one_root, both_root = _copy(Path(one)), _copy(Path(both))
        t_one = _build(one_root, "--edition", "trainer")
        t_both = _build(both_root)
        rows.append(("cold build, trainer edition only (s)", f"{t_one:.1f}", ""))
        rows.append(("cold build, both editions (s)", f"{t_both:.1f}", ""))
        rows.append(("both / one", f"{t_both / t_one:.2f}x", "target <= 1.3x"))
        rows.append(("rebuild, nothing changed (s)", f"{_build(both_root):.1f}", "target <= 15 s"))
        session = next((both_root / "modules/day2").glob("d2-s2-*.ipynb"))
        session.write_text(session.read_text().replace("In this session", "In this session today", 1))
        rows.append(("rebuild after editing one session (s)", f"{_build(both_root):.1f}", "target <= 25 s"))
    return rows
