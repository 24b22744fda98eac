"""``trainingkit``: a thin command line over the library. Each command calls one library
function and turns a :class:`TrainingkitError` into a message and exit code 1."""
from __future__ import annotations

import functools
import sys
from pathlib import Path

import click

from .errors import TrainingkitError
from .paths import course_root


def _course_root() -> Path:
    return course_root()


def friendly(fn):
    """Print user-fixable errors plainly (no traceback) and exit 1."""

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except TrainingkitError as exc:
            click.echo(str(exc), err=True)
            sys.exit(1)

    return wrapper


@click.group()
def main():
    """ASEAN advocacy training kit: build the book, check the course, run feedback."""


@main.command()
@friendly
def check():
    """Check the whole course; print file:cell: message lines and exit 1 on any problem.

    Example: trainingkit check
    """
    from .check import check_course

    findings = check_course(_course_root())
    for finding in findings:
        click.echo(str(finding))
    if findings:
        click.echo(f"{len(findings)} problem(s) found", err=True)
        sys.exit(1)
    click.echo("course OK")


@main.command()
@click.option("--edition", type=click.Choice(["participant", "trainer", "all"]), default="all", show_default=True)
@click.option("--jobs", type=int, default=2, show_default=True, help="notebooks executed at once")
@friendly
def build(edition, jobs):
    """Build the book: _build/<edition>/html/index.html.

    Example: trainingkit build --edition trainer
    """
    from .build import build as build_book
    from .editions import EDITIONS

    editions = EDITIONS if edition == "all" else (edition,)
    report = build_book(_course_root(), editions, jobs=jobs)
    for name, index in report.sites.items():
        click.echo(f"{name:<12} {index}")
    timings = ", ".join(f"{k} {v:.1f}s" for k, v in report.seconds.items())
    click.echo(f"notebooks executed: {report.executed} (others from cache); {timings}")


@main.command()
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True)
@friendly
def schedule(fmt):
    """Print the programme with clock times, computed from the sessions' minutes.

    Example: trainingkit schedule --format json
    """
    from .course import load_course
    from .schedule import as_csv, as_json, as_table, programme

    course = load_course(_course_root())
    slots = programme(course)
    text = {"table": lambda: as_table(course, slots), "csv": lambda: as_csv(slots), "json": lambda: as_json(slots)}[fmt]()
    click.echo(text, nl=not text.endswith("\n"))


if __name__ == "__main__":
    main()
