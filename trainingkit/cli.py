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
    """The one place a :class:`TrainingkitError` becomes what the user sees: its message on
    stderr (each finding on its own ``where: key/path: message`` line, no traceback) and the
    error's ``exit_code``. Every command is wrapped in it (``tests/test_problems.py`` checks)."""

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except TrainingkitError as exc:
            click.echo(str(exc), err=True)
            sys.exit(exc.exit_code)

    return wrapper


@click.group()
def main():
    """ASEAN advocacy training kit: build the book, check the course, run feedback."""


@main.command()
@click.option("--strict-facts", is_flag=True, help="fail, not just warn, on a cited fact past its review_by date")
@friendly
def check(strict_facts):
    """Check the whole course; print file:cell: message lines and exit 1 on any problem.

    A cited fact past its review_by date is a warning (an error with --strict-facts).

    Example: trainingkit check --strict-facts
    """
    from .check import check_course, stale_facts

    findings = check_course(_course_root())
    for finding in findings:
        click.echo(str(finding))
    warnings = stale_facts(_course_root())  # findings of severity "warning"
    for finding in warnings:
        click.echo(f"{'' if strict_facts else finding.severity + ': '}{finding}", err=not strict_facts)
    if strict_facts:
        findings = findings + warnings
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
    for note in report.notes:
        click.echo(note, err=True)
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
    from .formserver.serve import serve

    serve(_course_root(), ip, port, idle_timeout, pool)


DB_OPTION = click.option("--db", "db", help="SQLAlchemy URL (default: $TRAININGKIT_DB, else var/feedback.sqlite)")
COHORT_OPTION = click.option("--cohort", help="the cohort (default: course.yml's; a simulated pilot is '<cohort>-synthetic')")


def _store(db, cohort=None):
    from .feedback import FeedbackStore

    return FeedbackStore(db, root=_course_root(), cohort=cohort)


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
@COHORT_OPTION
@DB_OPTION
@friendly
def feedback_roster(file, tokens_file, renew, cohort, db):
    """Load participants (participant, country, org_type, member, optional token) into the store;
    names are never kept. Each participant without a personal key gets one: the store keeps a
    salted hash, the plain keys go to the organiser's CSV for the slips.

    Example: trainingkit feedback roster roster.csv
    """
    from .course import load_course
    from .feedback.roster import import_roster, tokens_path

    course = load_course(_course_root())
    store = _store(db, cohort)
    click.echo(import_roster(store, file, course.config.countries, tokens_file or tokens_path(course.root, store.cohort),
                             frozenset(renew)))


@feedback.command("slips")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True, help="FILE.pdf")
@click.option("--tokens", "tokens_file", type=click.Path(dir_okay=False, path_type=Path),
              help="the organiser's CSV of personal keys (default: var/tokens-<cohort>.csv)")
@click.option("--url", help="the forms' address (default: as forms serve shows it)")
@COHORT_OPTION
@DB_OPTION
@friendly
def feedback_slips(output, tokens_file, url, cohort, db):
    """Print a slip per trainee to cut and hand out: code, personal key and a QR code that opens
    the forms with both filled in.

    Example: trainingkit feedback slips -o slips.pdf
    """
    from .feedback.roster import tokens_path
    from .feedback.slips import write_slips
    from .forms.qr import forms_url

    store = _store(db, cohort)
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
@COHORT_OPTION
@DB_OPTION
@friendly
def feedback_import(file, form_id, cohort, db):
    """Import a tidy CSV, a KoboToolbox CSV/XLSX, an ODK Central CSV or a paper-entry CSV, whole or not at all.

    Example: trainingkit feedback import odk-export.csv --form end
    """
    from .course import load_course
    from .feedback.imports import import_file

    config = load_course(_course_root()).config
    known = (config.cohort, *config.cohorts)  # a tidy file's cohort column may name any of these
    click.echo(import_file(_store(db, cohort), file, form_id, limits=config.limits, cohorts=known))


@feedback.command("flagged")
@COHORT_OPTION
@DB_OPTION
@friendly
def feedback_flagged(cohort, db):
    """List the answers stored as typed but flagged: Burmese in the Zawgyi encoding, to convert before reading.

    Example: trainingkit feedback flagged --cohort mekong-2027
    """
    frame = _store(db, cohort).flagged_answers()
    if frame.empty:
        click.echo("no flagged answers")
        return
    for row in frame.itertuples(index=False):
        where = f"session {row.session}, " if row.session else ""
        click.echo(f"{row.response_id} ({row.participant or 'anonymous'}, form {row.form_id}, {where}{row.question}): "
                   "Burmese in Zawgyi")


SUMMARY_COHORT_OPTION = click.option(
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
    from .followup.figures import with_followup_levels

    return course, with_followup_levels(summary, course, db or default_url(course.root)), names


@feedback.command("summary")
@click.option("--format", "fmt", type=click.Choice(["json", "md", "schema"]), default="json", show_default=True,
              help="schema: the JSON Schema of the json output")
@click.option("--min-cell", type=int, help="hide figures resting on fewer people (default: course.yml's min_cell; never below 3)")
@SUMMARY_COHORT_OPTION
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
@SUMMARY_COHORT_OPTION
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
@SUMMARY_COHORT_OPTION
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


# -- follow-up and cohorts (issue 17) --------------------------------------------------------

DATE_TYPE = click.DateTime(formats=["%Y-%m-%d"])


def _on(value):
    import datetime as dt

    return value.date() if value else dt.date.today()


def _cohort_store(db, cohort, course=None):
    """The store for ``cohort``; given the loaded course, its forms are not read a second time."""
    from .feedback import FeedbackStore
    from .forms import load_forms

    forms = load_forms(course) if course is not None else None
    return FeedbackStore(db, root=_course_root(), cohort=cohort, forms=forms)


@main.group()
def followup():
    """Follow-up 1, 3 and 6 months after the course: statuses, reminders, action plans, withdrawals.

    Example: trainingkit followup status --on 2016-09-08
    """


@followup.command("status")
@click.option("--on", type=DATE_TYPE, help="the day to judge (default: today), e.g. 2016-09-08")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True)
@COHORT_OPTION
@DB_OPTION
@friendly
def followup_status_cmd(on, fmt, cohort, db):
    """Each trainee x round: answered, upcoming, due, overdue, lost (two rounds missed) or withdrawn; response rate per round.

    Example: trainingkit followup status --on 2016-09-08 --cohort pilot-2016
    """
    import csv
    import dataclasses
    import io
    import json

    from .course import load_course
    from .followup import followup_status
    from .followup.status import status_table

    course = load_course(_course_root())
    status = followup_status(_cohort_store(db, cohort, course), course, cohort, _on(on))
    rows = status_table(status)
    if fmt == "json":
        rates = [{**dataclasses.asdict(r), "due": r.due.isoformat()} for r in status.rates]
        click.echo(json.dumps({"cohort": status.cohort, "on": status.on.isoformat(), "rows": rows, "rates": rates}, indent=2))
        return
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.DictWriter(out, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
        click.echo(out.getvalue(), nl=False)
        return
    names = [r.id for r in status.rounds]
    click.echo(f"cohort {status.cohort}, on {status.on}; " + ", ".join(f"{r.id} due {r.due} (open {r.opens} to {r.closes})" for r in status.rounds))
    click.echo(f"{'participant':<14}" + "".join(f"{n:<11}" for n in names))
    by_code = {}
    for r in status.rows:
        by_code.setdefault(r.participant, {})[r.round] = r.status
    for code, statuses in by_code.items():
        click.echo(f"{code:<14}" + "".join(f"{statuses[n]:<11}" for n in names))
    for r in status.rates:
        figures = "suppressed (fewer trainees than min_cell)" if r.suppressed else f"{r.answered} of {r.expected} answered ({r.rate}%), {r.lost} lost"
        window = {"before": "window not open yet", "open": "window open", "after": "window closed"}[r.phase]
        click.echo(f"{r.round} ({window}): {figures}")


@followup.command("reminders")
@click.option("--on", type=DATE_TYPE, help="the day the reminders go out (default: today)")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True, help="reminders.csv")
@click.option("--sheet", type=click.Path(dir_okay=False, path_type=Path),
              help="also a printable sheet with QR codes: reminders.pdf, or reminders.html to print from a browser")
@click.option("--contacts", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="your contacts file: participant, channel, address[, name] (read, never stored)")
@click.option("--tokens", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="the organiser's keys file (var/tokens-<cohort>.csv: participant, token); without it, no personal links")
@click.option("--link", "link_template", default="",
              help="personal link with {code} and {token} (default: the follow-up form on the forms server's address)")
@click.option("--include-lost", is_flag=True, help="also remind trainees lost to follow-up of a round now open")
@COHORT_OPTION
@DB_OPTION
@friendly
def followup_reminders(on, output, sheet, contacts, tokens, link_template, include_lost, cohort, db):
    """Who to remind (due or overdue, never anyone who answered, withdrew or is lost): a CSV for a mail merge, and a sheet.

    Example: trainingkit followup reminders --on 2016-07-10 -o reminders.csv --contacts contacts.csv --sheet reminders.pdf
    """
    from .course import load_course
    from .followup import followup_status, reminders
    from .followup.reminders import read_contacts, read_tokens, write_csv, write_sheet

    from .followup.reminders import default_link
    from .forms.qr import forms_url

    if tokens and not link_template:
        link_template = default_link(forms_url())
    if tokens and TOKEN_HINT not in link_template:
        raise TrainingkitError(f"--link needs {TOKEN_HINT} where the key goes")
    course = load_course(_course_root())
    status = followup_status(_cohort_store(db, cohort, course), course, cohort, _on(on))
    items = reminders(status, read_contacts(contacts) if contacts else None, read_tokens(tokens) if tokens else None, link_template,
                      include_lost)
    click.echo(f"{len(items)} reminder(s): {write_csv(items, output)}")
    if sheet:
        click.echo(f"printable sheet: {write_sheet(items, sheet, status.cohort, status.on.isoformat())}")
    if not contacts:
        click.echo("no --contacts file: channel and address are empty", err=True)


TOKEN_HINT = "{token}"


@followup.command("plans")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--participant", help="the trainee of an action-plan export (six-month-action-plan.md)")
@COHORT_OPTION
@DB_OPTION
@friendly
def followup_plans(file, participant, cohort, db):
    """Import action plans: a CSV (participant, action_id, action, due, indicator[, type]) or an exercise export, whole or not at all.

    Example: trainingkit followup plans plans.csv
    """
    from .exercises.actionplan import followup_actions
    from .followup import import_plans
    from .followup.figures import max_actions

    store = _cohort_store(db, cohort)
    click.echo(import_plans(store, file, followup_actions(_course_root()), max_actions(store), cohort, participant))


@followup.command("choices")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=Path("plan_actions.csv"), show_default=True)
@COHORT_OPTION
@DB_OPTION
@friendly
def followup_choices(output, cohort, db):
    """Write plan_actions.csv, the trainees' own actions for the follow-up XLSForm (attach it in Kobo or ODK Central).

    Example: trainingkit forms xlsform followup -o followup.xlsx && trainingkit followup choices -o plan_actions.csv
    """
    from .followup import current_plans
    from .followup.plans import write_plan_choices

    store = _cohort_store(db, cohort)
    plans = current_plans(store.engine, store.cohort)
    click.echo(f"{sum(map(len, plans.values()))} action(s) of {len(plans)} trainee(s): {write_plan_choices(plans, output)}")


@followup.command("withdraw")
@click.argument("code")
@click.option("--on", type=DATE_TYPE, help="the day of the withdrawal (default: today)")
@click.option("--erase", is_flag=True, help="also delete the trainee's responses and plans in this cohort")
@click.option("--yes", is_flag=True, help="with --erase: do not ask again")
@COHORT_OPTION
@DB_OPTION
@friendly
def followup_withdraw(code, on, erase, yes, cohort, db):
    """Stop all reminders to a trainee; nothing is deleted unless --erase.

    Example: trainingkit followup withdraw MM-07
    """
    from .followup import withdraw

    if erase and not yes:
        click.confirm(f"Delete every response and plan of {code}? This cannot be undone", abort=True)
    click.echo(withdraw(_cohort_store(db, cohort), code, cohort, _on(on), erase))


@followup.command("figures")
@click.option("--on", type=DATE_TYPE, help="the day of the figures (default: today)")
@click.option("--min-cell", type=int, help="as for feedback summary")
@COHORT_OPTION
@DB_OPTION
@friendly
def followup_figures_cmd(on, min_cell, cohort, db):
    """Levels 3 and 4 as JSON: response rates, actions by round and type, plans done by month 6, results, stories.

    Example: trainingkit followup figures --cohort pilot-2016
    """
    import json

    from .course import load_course
    from .followup import followup_figures

    course = load_course(_course_root())
    figures = followup_figures(_cohort_store(db, cohort, course), course, cohort, _on(on), min_cell)
    click.echo(json.dumps(figures, indent=2, ensure_ascii=False))


@feedback.command("compare")
@click.argument("cohorts", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True)
@click.option("--html", "html_path", type=click.Path(dir_okay=False, path_type=Path), help="also a page with the chart and the table")
@click.option("--min-cell", type=int, help="as for summary")
@DB_OPTION
@friendly
def feedback_compare(cohorts, fmt, html_path, min_cell, db):
    """Cohorts side by side: same question ids across form versions, sessions by stable id, differences with their n.

    Example: trainingkit feedback compare pilot-2016 mekong-2027
    """
    from .course import load_course
    from .followup.compare import as_records, compare
    from .followup.compare_view import comparison_page, comparison_text

    course = load_course(_course_root())
    store = _cohort_store(db, None, course)
    titles = {s.id: s.title for s in course.sessions}
    result = compare(store.engine, store.forms, list(cohorts), min_cell or course.config.min_cell,
                     dict(course.config.moved_sessions), titles)
    records = as_records(result)
    if fmt == "json":
        import json

        click.echo(json.dumps(records, indent=2, ensure_ascii=False))
    elif fmt == "csv":
        import pandas as pd

        click.echo(pd.DataFrame(records).to_csv(index=False), nl=False)
    else:
        click.echo(comparison_text(result), nl=False)
    if html_path:
        html_path.write_text(comparison_page(result), encoding="utf-8")
        click.echo(f"wrote {html_path}", err=True)


# -- applications: the call, from the form to the selected cohort's roster --------------------

APPS_COHORT = click.option("--cohort", help="the call's cohort (default: course.yml's; a simulated call is '<cohort>-synthetic')")


def _call(db, cohort):
    from .applications.call import Call
    from .applications.store import ApplicationStore
    from .course import load_course

    course = load_course(_course_root())
    return Call(course, ApplicationStore(db, cohort=cohort or course.config.cohort, root=course.root))


def _csv_out(frame, output):
    from .evaluation.export import neutralised

    text = neutralised(frame).to_csv(index=False)
    if output:
        output.write_text(text, encoding="utf-8")
        click.echo(f"wrote {output}")
    else:
        click.echo(text, nl=False)


@main.group()
def applications():
    """The call for applications: import, eligibility, review, selection, letters, roster.

    Example: trainingkit applications simulate && trainingkit applications select --cohort pilot-2016-synthetic
    """


@applications.command("form")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="FILE.xlsx (XLSForm for KoboToolbox/ODK) or FILE.csv (paper-entry template)")
@friendly
def applications_form(output):
    """Write the application form as an XLSForm workbook or a paper-entry CSV template.

    Example: trainingkit applications form -o application.xlsx
    """
    from .applications.form import load_application_form, paper_template, write_application_xlsform
    from .course import load_course

    form = load_application_form(load_course(_course_root()))
    if output.suffix.lower() == ".csv":
        output.write_text(paper_template(form), encoding="utf-8")
    else:
        write_application_xlsform(form, output)
    click.echo(f"wrote {output}")


@applications.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@APPS_COHORT
@DB_OPTION
@friendly
def applications_import(file, cohort, db):
    """Import applications (Kobo/ODK CSV or XLSX, paper template, tidy CSV), whole or not at all.

    Example: trainingkit applications import kobo-applications.xlsx
    """
    click.echo(_call(db, cohort).import_file(file))


@applications.command("eligibility")
@APPS_COHORT
@DB_OPTION
@friendly
def applications_eligibility(cohort, db):
    """Each applicant: eligible or not, with every reason.

    Example: trainingkit applications eligibility
    """
    table = _call(db, cohort).eligibility()
    for row in table.itertuples():
        click.echo(f"{row.applicant}  {'eligible' if row.eligible else 'NOT eligible: ' + '; '.join(row.reasons)}")
    click.echo(f"{int(table['eligible'].sum())} of {len(table)} eligible", err=True)


@applications.command("assign")
@click.option("--reviewers", "reviewers", type=click.Path(exists=True, dir_okay=False, path_type=Path), required=True,
              help="CSV with reviewer,organisation")
@APPS_COHORT
@DB_OPTION
@friendly
def applications_assign(reviewers, cohort, db):
    """Give every eligible applicant reviewers from other organisations, loads balanced.

    Example: trainingkit applications assign --reviewers reviewers.csv
    """
    for reviewer, load in _call(db, cohort).assign(reviewers).items():
        click.echo(f"{reviewer:<16} {load} applicant(s)")


@applications.command("review-sheet")
@click.argument("reviewer")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="sheet.csv (default: print it)")
@click.option("--not-blind", is_flag=True, help="show the organisation (blind review is the default)")
@APPS_COHORT
@DB_OPTION
@friendly
def applications_review_sheet(reviewer, output, not_blind, cohort, db):
    """The sheet one reviewer fills in: a score per applicant and criterion.

    Example: trainingkit applications review-sheet R1 -o sheet-R1.csv
    """
    _csv_out(_call(db, cohort).review_sheet(reviewer, blind=not not_blind), output)


@applications.command("scores")
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@APPS_COHORT
@DB_OPTION
@friendly
def applications_scores(files, cohort, db):
    """Import filled review sheets (applicant,reviewer,criterion,score), all files or none.

    Example: trainingkit applications scores sheet-R1.csv sheet-R2.csv
    """
    click.echo(f"{_call(db, cohort).import_scores(list(files))} score(s) stored")


@applications.command("agreement")
@APPS_COHORT
@DB_OPTION
@friendly
def applications_agreement(cohort, db):
    """Agreement between reviewers (Krippendorff's alpha) and the applicants to discuss.

    Example: trainingkit applications agreement
    """
    result = _call(db, cohort).agreement()
    value = "not defined (too few scores)" if result["alpha"] is None else f"{result['alpha']:.3f}"
    click.echo(f"{result['statistic']}: {value} over {result['scores']} scores")
    for criterion, a in result["per_criterion"].items():
        click.echo(f"  {criterion:<14} {'-' if a is None else f'{a:.3f}'}")
    for d in result["discuss"]:
        click.echo(f"discuss {d['applicant']}: {d['criterion']} scored {d['low']} to {d['high']}")


@applications.command("select")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="selection.csv (default: print it)")
@click.option("--redo", is_flag=True, help="make the selection again, replacing the stored one")
@APPS_COHORT
@DB_OPTION
@friendly
def applications_select(output, redo, cohort, db):
    """Select (exactly, within every bound), then the waitlist in order and the rest, each with its reason.

    Example: trainingkit applications select -o selection.csv
    """
    call = _call(db, cohort)
    _csv_out(call.select(redo=redo).drop(columns=["decided_at"]), output)
    if thin := call.thinly_reviewed():
        click.echo(f"note: {len(thin)} applicant(s) have fewer than {call.selection.reviewers_per_applicant} complete "
                   f"reviews: {', '.join(thin[:10])}{' …' if len(thin) > 10 else ''}", err=True)


@applications.command("withdraw")
@click.argument("applicant")
@APPS_COHORT
@DB_OPTION
@friendly
def applications_withdraw(applicant, cohort, db):
    """An applicant withdraws; the best-placed on the waitlist who keeps every bound takes the place.

    Example: trainingkit applications withdraw AK3Q9X7MB
    """
    click.echo(_call(db, cohort).withdraw(applicant))


@applications.command("notify")
@click.option("-o", "--output", type=click.Path(file_okay=False, path_type=Path), required=True, help="a folder, e.g. letters/")
@APPS_COHORT
@DB_OPTION
@friendly
def applications_notify(output, cohort, db):
    """Mail-merge lists (accepted, waitlist, not selected) and one letter per applicant. They hold names: delete them once sent.

    Example: trainingkit applications notify -o letters/
    """
    click.echo(f"wrote {len(_call(db, cohort).notify(output))} file(s) in {output}")


@applications.command("roster")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True, help="roster.csv")
@click.option("--load", is_flag=True, help="also load it into the feedback store, with a personal key each (as feedback roster)")
@APPS_COHORT
@DB_OPTION
@friendly
def applications_roster(output, load, cohort, db):
    """The selected as the cohort's roster (participant,country,org_type,member): codes, no names.

    Example: trainingkit applications roster -o roster.csv --load && trainingkit feedback slips -o slips.pdf
    """
    from .applications.handoff import load_roster

    call = _call(db, cohort)
    _csv_out(call.roster(), output)
    if load:
        click.echo(load_roster(output, db, call.store.cohort, call.course))


@applications.command("forget")
@click.argument("applicant")
@APPS_COHORT
@DB_OPTION
@friendly
def applications_forget(applicant, cohort, db):
    """Erase one applicant's name, e-mail and phone everywhere in the store.

    Example: trainingkit applications forget AK3Q9X7MB
    """
    masked = _call(db, cohort).forget(applicant)
    click.echo(f"{applicant}: name, e-mail and phone erased; {masked} answer(s) that mentioned them masked")


@applications.command("report")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True, help="FILE.html")
@click.option("--min-cell", type=int, help="hide groups with fewer people (default: course.yml's min_cell; never below 3)")
@APPS_COHORT
@DB_OPTION
@friendly
def applications_report(output, min_cell, cohort, db):
    """The selection report: by country, organisation type and member status; scores; agreement; bounds.

    Example: trainingkit applications report -o selection-report.html
    """
    from .applications.report import write_report

    click.echo(f"wrote {write_report(_call(db, cohort), output, min_cell)}")


@applications.command("simulate")
@click.option("--applications", "count", type=int, default=60, show_default=True)
@click.option("--seed", type=int, default=2016, show_default=True)
@click.option("-o", "--output", type=click.Path(file_okay=False, path_type=Path),
              help="where the SYNTHETIC files go (default: var/applications-synthetic under the course)")
@DB_OPTION
@friendly
def applications_simulate(count, seed, output, db):
    """A SYNTHETIC call (about 60 applications, 4 reviewers, scored) in cohort '<cohort>-synthetic'.

    Example: trainingkit applications simulate --seed 7
    """
    from .applications.simulate import simulate_call
    from .course import load_course

    course = load_course(_course_root())
    click.echo(simulate_call(course, db, output or course.root / "var/applications-synthetic", count, seed))


if __name__ == "__main__":
    main()
