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
@click.option("--lang", "langs", multiple=True, metavar="CODE|all",
              help="also the participant edition in this language (released or pilot in course.yml): "
                   "_build/participant-<lang>/html; 'all' for every one")
@friendly
def build(edition, jobs, langs):
    """Build the book: _build/<edition>/html/index.html.

    Example: trainingkit build --edition participant --lang km
    """
    from .build import build as build_book
    from .course import load_config
    from .editions import EDITIONS

    editions = EDITIONS if edition == "all" else (edition,)
    root = _course_root()
    if "all" in langs:
        langs = tuple(c for c, state in load_config(root).languages.items() if state in ("released", "pilot"))
    report = build_book(root, editions, jobs=jobs, progress=lambda m: click.echo(m, err=True), languages=tuple(langs))
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
@click.option("--ip", help="the address to listen on (default: this computer's address on the local network, as in the QR code)")
@click.option("--port", type=click.IntRange(1, 65535), default=8866, show_default=True)
@click.option("--idle-timeout", type=click.IntRange(1), default=60, show_default=True, help="seconds before an idle phone connection is closed")
@click.option("--pool", type=click.IntRange(1, 64), default=4, show_default=True, help="submissions worked on at once (8 times as many may wait)")
@friendly
def forms_serve(ip, port, idle_timeout, pool):
    """Serve the forms to phones on the local network; no internet needed. Ctrl+C stops.

    Example: trainingkit forms serve --ip 192.168.1.20 --port 8866
    """
    from .forms.serve import serve

    serve(_course_root(), ip, port, idle_timeout, pool)


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
@click.option("--tokens", "tokens_file", type=click.Path(dir_okay=False, path_type=Path),
              help="the organiser's CSV of personal keys (default: var/tokens-<cohort>.csv)")
@click.option("--new-key", "renew", multiple=True, metavar="CODE", help="give this trainee a new key (a lost slip); repeatable")
@DB_OPTION
@friendly
def feedback_roster(file, tokens_file, renew, db):
    """Load participants (participant, country, org_type, member, optional token) into the store;
    names are never kept. Each participant without a personal key gets one: the store keeps a
    salted hash, the plain keys go to the organiser's CSV for the slips.

    Example: trainingkit feedback roster roster.csv
    """
    from .course import load_course
    from .feedback.roster import import_roster, tokens_path

    course = load_course(_course_root())
    store = _store(db)
    click.echo(import_roster(store, file, course.config.countries, tokens_file or tokens_path(course.root, store.cohort),
                             frozenset(renew)))


@feedback.command("slips")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True, help="FILE.pdf")
@click.option("--tokens", "tokens_file", type=click.Path(dir_okay=False, path_type=Path),
              help="the organiser's CSV of personal keys (default: var/tokens-<cohort>.csv)")
@click.option("--url", help="the forms' address (default: as forms serve shows it)")
@DB_OPTION
@friendly
def feedback_slips(output, tokens_file, url, db):
    """Print a slip per trainee to cut and hand out: code, personal key and a QR code that opens
    the forms with both filled in.

    Example: trainingkit feedback slips -o slips.pdf
    """
    from .feedback.roster import tokens_path
    from .feedback.slips import write_slips
    from .forms.qr import forms_url

    store = _store(db)
    path = write_slips(store, tokens_file or tokens_path(_course_root(), store.cohort), url or forms_url(), output)
    click.echo(f"wrote {path}: cut along the lines; each slip is personal")


@feedback.command("history")
@click.argument("code")
@click.option("--count", "count_id", metavar="RESPONSE_ID", help="make this version the one that counts")
@click.option("--cohort", help="the cohort (default: course.yml's)")
@DB_OPTION
@friendly
def feedback_history(code, count_id, cohort, db):
    """The versions of a participant's responses (dates, source, which one counts); --count marks one.

    Example: trainingkit feedback history KH-03 --count 6f1c…
    """
    from .feedback.history import history_table

    store = _store(db)
    if count_id:
        row = store.mark_version(count_id)
        click.echo(f"{count_id} now counts for {row['participant']}, form {row['form_id']}"
                   f"{', occasion ' + row['occasion'] if row['occasion'] else ''}; the other versions are kept")
    try:
        frame = store.history(code, cohort)
    except ValueError as exc:
        raise TrainingkitError(str(exc)) from exc
    click.echo(history_table(frame, code))


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


COHORT_OPTION = click.option("--cohort", help="the cohort to report (default: course.yml's; a simulated pilot is '<cohort>-synthetic')")


def _summary(db, cohort, min_cell):
    from .course import load_course
    from .evaluation.source import store_summary
    from .feedback import default_url

    course = load_course(_course_root())
    summary = store_summary(course, db or default_url(course.root), cohort, min_cell)
    if summary is None:
        raise TrainingkitError(
            f"no feedback for cohort '{cohort or course.config.cohort}' in {db or default_url(course.root)}: "
            "import some (trainingkit feedback import), or try a synthetic pilot (trainingkit feedback simulate)"
        )
    return course, summary


@feedback.command("summary")
@click.option("--format", "fmt", type=click.Choice(["json", "md"]), default="json", show_default=True)
@click.option("--min-cell", type=int, help="hide groups with fewer respondents (default: course.yml's min_cell; never below 3)")
@COHORT_OPTION
@DB_OPTION
@friendly
def feedback_summary(fmt, min_cell, cohort, db):
    """The evaluation summary: sessions, pre/post, NPS, response rates, breakdowns, end, follow-up.

    Example: trainingkit feedback summary --format md --min-cell 5
    """
    import json

    from .evaluation.render import as_markdown

    course, summary = _summary(db, cohort, min_cell)
    click.echo(json.dumps(summary, indent=2, ensure_ascii=False) if fmt == "json" else as_markdown(summary, course))


@feedback.command("export")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True, help="FILE.csv or FILE.xlsx")
@click.option("--min-cell", type=int, help="as for summary")
@COHORT_OPTION
@DB_OPTION
@friendly
def feedback_export(output, min_cell, cohort, db):
    """Export the answers (tidy, open text masked) and the summary tables, safe to open in a spreadsheet.

    Example: trainingkit feedback export -o pilot-2016.xlsx
    """
    from .evaluation.export import export, masked_answers
    from .evaluation.tables import summary_tables
    from .evaluation.tallies import TEXT_QUESTIONS

    course, summary = _summary(db, cohort, min_cell)
    answers = _store(db).answers(cohort=summary["cohort"])
    answers["submitted_at"] = answers["submitted_at"].dt.strftime("%Y-%m-%dT%H:%M:%SZ")
    for path in export(output, masked_answers(answers, TEXT_QUESTIONS), summary_tables(summary, course)):
        click.echo(path)


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


@main.group()
def translations():
    """Translations through PO files in locales/: extract, status, check (see locales/README.md)."""


@translations.command("extract")
@click.option("--pages/--no-pages", default=True, show_default=True,
              help="also the participant pages (needs `trainingkit build --edition participant` first)")
@friendly
def translations_extract(pages):
    """Write locales/templates/*.pot and bring every language's PO files up to date.

    Example: trainingkit translations extract --no-pages
    """
    from .translations.extract import extract

    report = extract(_course_root(), pages=pages)
    for name, count in report.domains.items():
        click.echo(f"{name:<12} {count:>5} texts")
    if report.pages_skipped:
        click.echo(report.pages_skipped, err=True)
    click.echo(f"{len(report.written)} file(s) written" + "".join(f"\n  {p}" for p in report.written))


@translations.command("status")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@friendly
def translations_status(fmt):
    """Per language and domain: texts translated, draft, reviewed and missing.

    Example: trainingkit translations status --format json
    """
    import json

    from .translations.status import status, status_json, status_table

    rows = status(_course_root())
    click.echo(json.dumps(status_json(rows), indent=2) if fmt == "json" else status_table(rows))


@translations.command("check")
@friendly
def translations_check():
    """Broken placeholders, roles, links and markup in translations; released languages not reviewed.

    Example: trainingkit translations check
    """
    from .translations.status import check

    findings = check(_course_root())
    for finding in findings:
        click.echo(str(finding))
    if findings:
        click.echo(f"{len(findings)} problem(s) found", err=True)
        sys.exit(1)
    click.echo("translations OK")


if __name__ == "__main__":
    main()
