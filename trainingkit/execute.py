"""Execute each notebook once, cached by content; both editions are built from the result.

The cache key is the notebook's code (not its Markdown: editing text never re-runs a notebook),
its kernel, and a digest of what code may read: the ``trainingkit`` package, ``datasets/``,
``exercises/quizzes/``, ``exercises/keys/``, ``feedback/forms/`` and ``course.yml``. Notebook code must not read other notebooks' front
matter; course-derived text (clock times, programme) is added at build time instead.

A small content-addressed folder rather than jupyter-cache: we need that extra digest in the
key and nothing of its database, and the whole mechanism stays visible in one page of code.
"""
from __future__ import annotations

import copy
import hashlib
import json
import os
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError
from nbformat import NotebookNode

from .cells import source
from .errors import TrainingkitError
from .paths import relative

DEPENDENCY_GLOBS = (
    "trainingkit/**/*.py", "datasets/**/*", "exercises/quizzes/*", "exercises/keys/*", "feedback/forms/*.yml", "course.yml",
)
CELL_TIMEOUT = 180  # seconds; a case exercise does real work but none should take minutes


def has_code(nb: NotebookNode) -> bool:
    return any(c.cell_type == "code" and source(c).strip() for c in nb.cells)


def dependency_digest(root: Path, extra: str = "") -> str:
    """A digest of every file notebook code may read, plus ``extra`` (e.g. a data fingerprint)."""
    digest = hashlib.sha256(extra.encode())
    files = sorted({p for pattern in DEPENDENCY_GLOBS for p in root.glob(pattern) if p.is_file()})
    for path in files:
        if "__pycache__" in path.parts:
            continue
        digest.update(path.relative_to(root).as_posix().encode())
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def cache_key(nb: NotebookNode, digest: str) -> str:
    kernel = nb.metadata.get("kernelspec", {}).get("name", "python3")
    code = [source(c) for c in nb.cells if c.cell_type == "code"]
    return hashlib.sha256(json.dumps([kernel, code, digest]).encode()).hexdigest()


def merge_outputs(nb: NotebookNode, executed: NotebookNode) -> NotebookNode:
    """``nb`` with the outputs of ``executed`` (same code cells, possibly different Markdown)."""
    out = copy.deepcopy(nb)
    ran = [c for c in executed.cells if c.cell_type == "code"]
    for cell, done in zip((c for c in out.cells if c.cell_type == "code"), ran):
        cell.outputs = done.outputs
        cell.execution_count = done.execution_count
    if "widgets" in executed.metadata:
        out.metadata["widgets"] = executed.metadata["widgets"]
    return out


def run_notebook(nb: NotebookNode, path: Path, root: Path, env: dict | None = None,
                 work_dir: Path | None = None) -> NotebookNode:
    """Run ``nb`` top to bottom in a fresh kernel, in its own folder, as a trainee would.

    The kernel gets an empty work folder: ``work_dir`` if given (a test then looks at what the
    run saved), else a temporary one."""
    nb = copy.deepcopy(nb)
    client = NotebookClient(
        nb,
        timeout=CELL_TIMEOUT,
        kernel_name=nb.metadata.get("kernelspec", {}).get("name", "python3"),
        resources={"metadata": {"path": str(path.parent)}},
        record_timing=False,
        # the kernel's own log (e.g. "running over TCP without encryption" on loopback) is noise here
        extra_arguments=["--IPKernelApp.log_level=ERROR"],
    )
    # A build must never show someone's own saved answers: give the kernel an empty work folder.
    if work_dir is not None:
        return _execute(client, nb, {**os.environ, **(env or {}), "TRAININGKIT_WORK_DIR": str(work_dir)}, path, root)
    with tempfile.TemporaryDirectory(prefix="trainingkit-build-work-") as work:
        kernel_env = {**os.environ, **(env or {}), "TRAININGKIT_WORK_DIR": work}
        return _execute(client, nb, kernel_env, path, root)


def _execute(client: NotebookClient, nb: NotebookNode, env: dict, path: Path, root: Path) -> NotebookNode:
    try:
        client.execute(env=env)
    except (CellExecutionError, CellTimeoutError, DeadKernelError) as exc:
        failed = next(
            (i for i, c in enumerate(nb.cells) if any(o.get("output_type") == "error" for o in c.get("outputs", []))),
            None,
        )
        where = relative(path, root) + (f":{failed}" if failed is not None else "")
        last_line = str(exc).strip().splitlines()[-1] if str(exc).strip() else type(exc).__name__
        raise TrainingkitError(f"{where}: execution failed: {last_line}") from exc
    return nb


def executed_notebooks(root: Path, paths: list[Path], cache_dir: Path, jobs: int = 2, extra_digest: str = "",
                       env: dict | None = None):
    """Each notebook in ``paths`` with outputs: from the cache, or run now and cached.

    ``env`` adds variables to the kernels' environment; anything it makes them read must be
    reflected in ``extra_digest``.

    Returns ``(notebooks by path, number run now)``.
    """
    cache_dir.mkdir(parents=True, exist_ok=True)
    digest = dependency_digest(root, extra_digest)
    sources = {p: nbformat.read(p, as_version=4) for p in paths}
    results: dict[Path, NotebookNode] = {}
    to_run = []
    for path, nb in sources.items():
        if not has_code(nb):
            results[path] = nb
            continue
        cached = cache_dir / f"{cache_key(nb, digest)}.ipynb"
        if cached.is_file():
            results[path] = merge_outputs(nb, nbformat.read(cached, as_version=4))
        else:
            to_run.append((path, nb, cached))

    def run(item):
        path, nb, cached = item
        done = run_notebook(nb, path, root, env)
        tmp = cached.with_suffix(".tmp")
        nbformat.write(done, tmp)
        tmp.replace(cached)  # atomic: a half-written cache entry is never read
        return path, done

    with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
        for path, done in pool.map(run, to_run):
            results[path] = done
    return results, len(to_run)
