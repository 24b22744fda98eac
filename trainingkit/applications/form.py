"""The application form (``applications/application.yml``), through the same form machinery as
the feedback forms: one spec, resolved and checked like them, exported to XLSForm for Kobo/ODK
(phones) and to a paper-entry template.

Unlike a feedback form it asks for no participant code: an applicant has none yet. The code is
made on import (:mod:`.intake`).
"""
from __future__ import annotations

import csv
import io
from pathlib import Path

from ..course import Course
from ..errors import Finding, Location
from ..forms.model import Form
from ..forms.resolve import resolve
from ..forms.spec import FormError, load_spec
from ..forms.xlsform import workbook, write_sheets

FORM_FILE = "applications/application.yml"
FORM_ID = "application"
PAPER_COLUMNS = ["paper_form_no", "date"]
# Answers the eligibility rules read; the form must ask them (checked on load).
REQUIRED_QUESTIONS = ("country", "organisation", "org_type", "member", "endorsed", "commitment_6_months",
                      "can_travel", "moa_signed_applicant", "moa_signed_head", "moa_pending_until")


def load_application_form(course: Course) -> Form:
    path = course.root / FORM_FILE
    if not path.is_file():
        raise FormError([Finding(Location(FORM_FILE), "the application form is missing")])
    form = resolve(load_spec(path, FORM_FILE), course, FORM_FILE)
    problems = [f"question '{q}' is missing (the eligibility rules read it)" for q in REQUIRED_QUESTIONS if q not in form.names]
    if "country" in form.names and sorted(form.field("country").choice_names) != sorted(course.config.countries):
        problems.append(f"country: the choices {', '.join(form.field('country').choice_names)} are not course.yml's "
                        f"countries ({', '.join(course.config.countries)})")
    if problems:
        raise FormError([Finding(Location(FORM_FILE), p) for p in problems])
    return form


def personal_fields(form: Form) -> tuple[str, ...]:
    return tuple(f.name for f in form.fields if f.personal)


def application_workbook(form: Form) -> dict[str, list[dict]]:
    """The XLSForm sheets without the participant-code question every feedback form starts with."""
    sheets = workbook(form)
    sheets["survey"] = [row for row in sheets["survey"] if row.get("name") != "participant"]
    return sheets


def write_application_xlsform(form: Form, path: Path) -> Path:
    return write_sheets(application_workbook(form), path)


def paper_template(form: Form) -> str:
    """The CSV header for typing in paper applications: the sheet's number, the date it came in,
    then one column per question."""
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerow(PAPER_COLUMNS + [f.name for f in form.fields])
    return out.getvalue()
