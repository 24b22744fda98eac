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
    report = build_book(_course_root(), editions, jobs=jobs, progress=lambda m: click.echo(m, err=True))
    for name, index in report.sites.items():
        click.echo(f"{name:<12} {index}")
    timings = ", ".join(f"{k} {v:.1f}s" for k, v in report.seconds.items())
    ran = f"{report.executed} notebook(s) executed" if report.executed else "no notebook needed executing"
    click.echo(f"{ran}; {timings}")


@main.command()
@friendly
def pack():
    """Write _build/pack/ from the built book: both sites as zip files that work offline, a
    trainer PDF per day and the participant handouts PDF. Run trainingkit build first.

    Example: trainingkit build && trainingkit pack
    """
    from .pack import make_pack

    report = make_pack(_course_root())
    for path in report.files:
        click.echo(f"{path}  {path.stat().st_size / 1e6:.1f} MB")
    click.echo(", ".join(f"{k} {v:.1f}s" for k, v in report.seconds.items()))
    for problem in report.problems:
        click.echo(problem, err=True)
    if report.problems:
        sys.exit(1)


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


@main.group()
def forms():
    """Feedback forms: list, show, export to XLSForm or a paper template, serve on the LAN.

    Example: trainingkit forms list
    """


def _forms():
    from .course import load_course
    from .forms import load_forms

    return load_forms(load_course(_course_root()))


def _form(form_id: str):
    from .course import load_course
    from .forms import load_form

    return load_form(load_course(_course_root()), form_id)


@forms.command("list")
@friendly
def forms_list():
    """List the forms with their version and number of questions.

    Example: trainingkit forms list
    """
    for form in _forms().values():
        click.echo(f"{form.id:<10} v{form.version}  {len(form.fields):>3} questions  {form.title['en']}")


@forms.command("show")
@click.argument("form_id")
@click.option("--day", type=int, help="daily form: only the questions of this day")
@friendly
def forms_show(form_id, day):
    """Show a form's questions: field name, type, required, English label and choices.

    Example: trainingkit forms show daily --day 2
    """
    from .forms.show import describe

    click.echo(describe(_form(form_id), day), nl=False)


@forms.command("xlsform")
@click.argument("form_id")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True, help="FILE.xlsx")
@friendly
def forms_xlsform(form_id, output):
    """Write the form as an XLSForm workbook for KoboToolbox or ODK Central.

    Example: trainingkit forms xlsform daily -o daily.xlsx
    """
    from .forms.xlsform import write_xlsform

    click.echo(f"wrote {write_xlsform(_form(form_id), output)}")


@forms.command("template")
@click.argument("form_id")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="FILE.csv (default: print it)")
@friendly
def forms_template(form_id, output):
    """The CSV template for typing in paper forms (one row per sheet); import it when filled.

    Example: trainingkit forms template end -o end-paper.csv
    """
    from .feedback.imports.paper import template

    text = template(_form(form_id))
    if output:
        output.write_text(text, encoding="utf-8")
        click.echo(f"wrote {output}")
    else:
        click.echo(text, nl=False)


@forms.command("serve")
@click.option("--port", type=int, default=8866, show_default=True)
@friendly
def forms_serve(port):
    """Serve the forms with Voilà on the local network, for phones; no internet needed.

    Example: trainingkit forms serve --port 8866
    """
    from .forms.serve import serve

    serve(_course_root(), port)


DB_OPTION = click.option("--db", "db", help="SQLAlchemy URL (default: $TRAININGKIT_DB, else var/feedback.sqlite)")


def _store(db):
    from .feedback import FeedbackStore

    return FeedbackStore(db, root=_course_root())


@main.group()
def feedback():
    """The feedback store: roster, imports, summary, export and a synthetic pilot.

    Example: trainingkit feedback import kobo-export.csv
    """


@feedback.command("roster")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@DB_OPTION
@friendly
def feedback_roster(file, db):
    """Load participants (participant, country, org_type, member) into the store; names are never kept.

    Example: trainingkit feedback roster roster.csv
    """
    from .course import load_course
    from .feedback.roster import import_roster

    click.echo(import_roster(_store(db), file, load_course(_course_root()).config.countries))


@feedback.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--form", "form_id", help="the form of a Kobo, ODK or paper file, when the columns fit several")
@DB_OPTION
@friendly
def feedback_import(file, form_id, db):
    """Import a tidy CSV, a KoboToolbox CSV/XLSX, an ODK Central CSV or a paper-entry CSV, whole or not at all.

    Example: trainingkit feedback import odk-export.csv --form end
    """
    from .feedback.imports import import_file

    click.echo(import_file(_store(db), file, form_id))


COHORT_OPTION = click.option(
    "--cohort", help="the cohort to report (default: course.yml's, else its simulated pilot '<cohort>-synthetic')")
NAMES_OPTION = click.option(
    "--names", "names_file", type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="a text file of names to mask in comments, one a line; read now, never stored")


def _summary(db, cohort, min_cell, names_file=None, comments=False):
    from .course import load_course
    from .evaluation.privacy import read_names
    from .evaluation.source import store_summary
    from .feedback import default_url

    course = load_course(_course_root())
    names = read_names(names_file) if names_file else ()
    summary = store_summary(course, db or default_url(course.root), cohort, min_cell, names, comments=comments)
    if summary is None:
        raise TrainingkitError(
            f"no feedback for cohort '{cohort or course.config.cohort}' in {db or default_url(course.root)}: "
            "load a roster or import some (trainingkit feedback roster | import), or try a synthetic pilot "
            "(trainingkit feedback simulate)"
        )
    return course, summary, names


@feedback.command("summary")
@click.option("--format", "fmt", type=click.Choice(["json", "md", "schema"]), default="json", show_default=True,
              help="schema: the JSON Schema of the json output")
@click.option("--min-cell", type=int, help="hide figures resting on fewer people (default: course.yml's min_cell; never below 3)")
@COHORT_OPTION
@DB_OPTION
@friendly
def feedback_summary(fmt, min_cell, cohort, db):
    """The evaluation summary: sessions, pre/post, NPS, response rates, breakdowns, end, follow-up.

    Example: trainingkit feedback summary --format md --min-cell 5
    """
    import json

    from .evaluation.model import schema
    from .evaluation.render import as_markdown

    if fmt == "schema":
        click.echo(json.dumps(schema(), indent=2))
        return
    course, summary, _ = _summary(db, cohort, min_cell)
    click.echo(summary.published().to_json() if fmt == "json" else as_markdown(summary, course), nl=fmt == "json")


@feedback.command("export")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True, help="FILE.csv or FILE.xlsx")
@click.option("--min-cell", type=int, help="as for summary")
@COHORT_OPTION
@NAMES_OPTION
@DB_OPTION
@friendly
def feedback_export(output, min_cell, cohort, names_file, db):
    """Export the answers (tidy, open text masked; internal) and the summary tables, safe to open in a spreadsheet.

    Example: trainingkit feedback export -o pilot-2016.xlsx --names names.txt
    """
    from .evaluation.export import export, masked_answers
    from .evaluation.tables import summary_tables
    from .evaluation.vocabulary import TEXT_QUESTIONS

    course, summary, names = _summary(db, cohort, min_cell, names_file)
    answers = _store(db).answers(cohort=summary.cohort)
    answers["submitted_at"] = answers["submitted_at"].dt.strftime("%Y-%m-%dT%H:%M:%SZ")
    tables = summary_tables(summary.published(), course)
    for path in export(output, masked_answers(answers, TEXT_QUESTIONS, names), tables,
                       synthetic=summary.synthetic, min_cell=summary.min_cell):
        click.echo(path)


@feedback.command("report")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True, help="FILE.pdf or FILE.docx")
@click.option("--min-cell", type=int, help="as for summary")
@COHORT_OPTION
@DB_OPTION
@friendly
def feedback_report(output, min_cell, cohort, db):
    """The evaluation report on its own, for the organisation and its funder (no comments).

    Example: trainingkit feedback report -o pilot.pdf
    """
    from .evaluation.document import write_report

    course, summary, _ = _summary(db, cohort, min_cell)
    click.echo(write_report(output, summary, course))


@feedback.command("simulate")
@click.option("--participants", type=int, default=17, show_default=True)
@click.option("--seed", type=int, default=2016, show_default=True)
@click.option("--sample", is_flag=True, help="write the sample in datasets/ instead of the store")
@DB_OPTION
@friendly
def feedback_simulate(participants, seed, sample, db):
    """Make a SYNTHETIC pilot (roster and all five forms) in the store, as cohort '<cohort>-synthetic'.

    Example: trainingkit feedback simulate --participants 17 --seed 7
    """
    from .evaluation.simulate import simulate_into

    click.echo(simulate_into(_course_root(), participants, seed, None if sample else _store(db)))


if __name__ == "__main__":
    main()
