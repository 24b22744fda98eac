"""Whole pages of the participant edition, for translators: Sphinx's gettext builder run on the
STAGED participant sources (``_build/participant/src``).

Those sources are what ``trainingkit build`` made for trainees: trainer cells, model answers
and trainer-only pages are already gone from them (and checked gone), so no trainer text can
reach a translator. Sphinx names each catalogue after the top folder of its pages (``book``,
``modules``, ``exercises``), the names its own build reads translations by.
"""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from babel.messages.catalog import Catalog

from ..editions import PARTICIPANT
from ..errors import TrainingkitError
from ..paths import BuildLayout
from .catalog import read_catalog


def staged_participant(root: Path) -> Path:
    return BuildLayout(root).src(PARTICIPANT)


def _page(location: str) -> str:
    return location.split("/src/", 1)[-1]


def page_templates(root: Path) -> dict[str, Catalog]:
    """{domain: template} of the staged participant pages; an error says how to stage them."""
    src = staged_participant(root)
    if not (src / "_config.yml").is_file():
        raise TrainingkitError(f"{src}: no staged participant edition to take the pages from; "
                               "run `trainingkit build --edition participant` first (or extract with --no-pages)")
    out = BuildLayout(root).gettext
    cmd = [sys.executable, "-m", "trainingkit.sphinx_run", str(src), str(out), str(out / ".doctrees"), "gettext"]
    done = subprocess.run(cmd, capture_output=True, text=True)
    if done.returncode != 0:
        lines = [l for l in (done.stdout + done.stderr).splitlines() if "WARNING" in l or "ERROR" in l]
        raise TrainingkitError("extracting the pages failed:\n" + "\n".join(lines or (done.stdout + done.stderr).splitlines()[-20:]))
    templates = {}
    for pot in sorted(out.glob("*.pot")):
        catalog = read_catalog(pot)
        catalog.domain = pot.stem
        for m in catalog:  # "../participant/src/modules/x.ipynb:10002" → "modules/x.ipynb": the
            # page, without Sphinx's cell-and-line numbers, which change with every edit
            m.locations = list(dict.fromkeys((_page(path), None) for path, _ in m.locations))
        templates[pot.stem] = catalog
    return templates
