"""Delivery pack: time to write it from a built book, and the size of each zip and PDF."""
from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

from pypdf import PdfReader

from .bench_build import _build, _copy


def run():
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        root = _copy(Path(tmp))
        _build(root)
        started = time.perf_counter()
        # exit 1 only when a part could not be made (no exercise pages yet): the rest is written
        done = subprocess.run([sys.executable, "-m", "trainingkit.cli", "pack"], cwd=root, capture_output=True, text=True)
        rows.append(("pack from the built book: all zips (participant wheelhouse from a cold cache) and PDFs (s)", f"{time.perf_counter() - started:.1f}", ""))
        for path in sorted((root / "_build/pack").iterdir()):
            size = f"{path.stat().st_size / 1e6:.1f} MB"
            if path.suffix == ".pdf":
                size += f", {len(PdfReader(path).pages)} pages"
            rows.append((path.name, size, ""))
        rows += [("not written", line, "") for line in done.stderr.splitlines()]
    return rows
