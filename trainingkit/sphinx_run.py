"""Run Jupyter Book's Sphinx build on one staged edition (called in a subprocess per edition,
so the two editions build side by side and Sphinx's global state never mixes them)."""
from __future__ import annotations

import sys
from pathlib import Path

from jupyter_book.sphinx import build_sphinx


def main(argv: list[str]) -> int:
    src, out, doctrees = (Path(a) for a in argv[:3])
    builder = argv[3] if len(argv) > 3 else "html"  # "gettext": the pages' text for translators
    result = build_sphinx(
        src,
        out,
        noconfig=True,
        path_config=str(src / "_config.yml"),
        doctreedir=doctrees,
        # what `jupyter-book build` passes for a book with a _toc.yml
        confoverrides={"external_toc_path": (src / "_toc.yml").as_posix(), "latex_individualpages": False},
        warningiserror=True,  # the book must build without warnings
        keep_going=True,  # …and report all of them at once
        quiet=True,
        builder=builder,
    )
    return 0 if result == 0 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
