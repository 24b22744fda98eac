"""Execute each notebook once, cached by content; both editions are built from the result.

A notebook's cache key is its code (not its Markdown: editing text never re-runs a notebook),
its kernel, and a digest of what *that* notebook can read: the ``trainingkit`` package (wherever
it is installed), the course and its forms (every notebook may read them), and the inputs its
page declares (an exercise's ``datasets`` and its content files, such as its quiz and its answer
key; the feedback summary for a page with ``reads_feedback: true``). So a new feedback answer
re-runs the report only, and an edited dataset re-runs only the exercises that declare it.

A small content-addressed folder rather than jupyter-cache: we need per-notebook inputs in the
key and nothing of its database, and the whole mechanism stays visible in one page of code.
"""
from __future__ import annotations

import copy
import hashlib
import json
import os
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError
from nbformat import NotebookNode

from .cells import source
from .errors import ExecutionError
from .paths import relative

PACKAGE_DIR = Path(__file__).resolve().parent
COURSE_INPUTS = ("course.yml", "feedback/forms/*.yml")  # every notebook may read these
CELL_TIMEOUT = 180  # seconds; a case exercise does real work but none should take minutes


@dataclass(frozen=True)
class NotebookJob:
    """One notebook to execute and what its code reads besides the package and the course."""

    path: Path
    inputs: tuple[Path, ...] = ()
    extra_digest: str = ""  # a digest of anything else it reads (the feedback summary)
    env: dict = field(default_factory=dict)  # variables for its kernel; reflect them in extra_digest


def has_code(nb: NotebookNode) -> bool:
    return any(c.cell_type == "code" and source(c).strip() for c in nb.cells)


def _digest_files(digest, files, base: Path) -> None:
    for path in sorted(files):
        if "__pycache__" in path.parts or not path.is_file():
            continue
        digest.update(path.relative_to(base).as_posix().encode())
        digest.update(hashlib.sha256(path.read_bytes()).digest())


def package_digest() -> str:
    """The ``trainingkit`` code itself, hashed from where it is installed (not from the course)."""
    digest = hashlib.sha256()
    _digest_files(digest, PACKAGE_DIR.rglob("*"), PACKAGE_DIR)
    return digest.hexdigest()


def inputs_digest(root: Path, job: NotebookJob, package: str) -> str:
    """A digest of everything ``job``'s notebook may read."""
    digest = hashlib.sha256(f"{package}\0{job.extra_digest}".encode())
    course_files = {p for pattern in COURSE_INPUTS for p in root.glob(pattern)}
    _digest_files(digest, course_files | {root / p for p in job.inputs}, root)
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
        raise execution_error(nb, relative(path, root), exc) from exc
    return nb


def execution_error(nb: NotebookNode, path: str, exc: Exception) -> ExecutionError:
    """The failure as data: the first cell with an error output, and that error's name, value and
    traceback; for a timeout or a dead kernel, the exception's own name and last line."""
    for index, cell in enumerate(nb.cells):
        error = next((o for o in cell.get("outputs", []) if o.get("output_type") == "error"), None)
        if error is not None:
            return ExecutionError(path, index, error.get("ename", ""), error.get("evalue", ""),
                                  list(error.get("traceback", [])), cell.get("execution_count"), nb)
    text = str(exc).strip()
    return ExecutionError(path, None, type(exc).__name__, text.splitlines()[-1] if text else "", notebook=nb)


def _from_cache(nb: NotebookNode, cached: Path) -> NotebookNode:
    """``nb`` with its outputs as cached: a notebook run now is staged this way too, so the
    next build of an unchanged course stages the same bytes and Sphinx has nothing to redo."""
    return merge_outputs(nb, nbformat.read(cached, as_version=4))


def executed_notebooks(root: Path, jobs: list[NotebookJob], cache_dir: Path, workers: int = 2,
                       progress=None):
    """Each job's notebook with outputs: from the cache, or run now and cached.

    ``progress(message)``, if given, hears which notebook runs and how long it took.
    Returns ``(notebooks by path, number run now)``.
    """
    cache_dir.mkdir(parents=True, exist_ok=True)
    say = progress or (lambda message: None)
    package = package_digest()
    results: dict[Path, NotebookNode] = {}
    to_run = []
    from_cache = 0
    for job in jobs:
        nb = nbformat.read(job.path, as_version=4)
        if not has_code(nb):
            results[job.path] = nb
            continue
        cached = cache_dir / f"{cache_key(nb, inputs_digest(root, job, package))}.ipynb"
        if cached.is_file():
            results[job.path] = _from_cache(nb, cached)
            from_cache += 1
        else:
            to_run.append((job, nb, cached))
    say(f"notebooks with code: {len(to_run)} to execute, {from_cache} unchanged (from the cache)")

    def run(item):
        job, nb, cached = item
        started = time.perf_counter()
        done = run_notebook(nb, job.path, root, job.env)
        tmp = cached.with_suffix(".tmp")
        nbformat.write(done, tmp)
        tmp.replace(cached)  # atomic: a half-written cache entry is never read
        say(f"  ran {relative(job.path, root)} in {time.perf_counter() - started:.1f} s")
        return job.path, _from_cache(nb, cached)

    with ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
        for path, done in pool.map(run, to_run):
            results[path] = done
    return results, len(to_run)
