"""Paper forms typed into the CSV template of ``trainingkit forms template FORM_ID``.

One row per paper form: ``paper_form_no`` (the number written on the sheet), ``participant``,
``date`` (the day it was filled in), then one column per field of the form. The response id is
made from cohort, form and number, so typing the same sheet in twice stores it once.
"""
from __future__ import annotations

import csv
import hashlib
import io
import uuid

from ...forms.model import Form
from .wide import PARTICIPANT, Layout

FIRST_COLUMNS = ["paper_form_no", PARTICIPANT, "date"]
NAMESPACE = uuid.UUID("0f6f7a4e-5b1e-4c55-9a56-1d2f3c4b5a69")  # fixed: ids must be the same on every machine


def matches(header: list[str]) -> bool:
    return "paper_form_no" in header


def template(form: Form) -> str:
    """The CSV header a data-entry person fills in, one row per paper form."""
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerow(FIRST_COLUMNS + [f.name for f in form.fields])
    return out.getvalue()


def _response_id(row, form, cohort) -> str:
    number = row.values.get("paper_form_no", "").strip()
    return sheet_id(f"{cohort}/{form.id}/{number}") if number else ""


def sheet_id(name: str, _prefix: bytes = NAMESPACE.bytes) -> str:
    """``str(uuid.uuid5(NAMESPACE, name))`` from the SHA-1 hex directly: a third of the time,
    which counts at a million sheets (RFC 4122: version 5, variant bits 10)."""
    h = hashlib.sha1(_prefix + name.encode()).hexdigest()
    return f"{h[:8]}-{h[8:12]}-5{h[13:16]}-{int(h[16], 16) & 0x3 | 0x8:x}{h[17:20]}-{h[20:32]}"


LAYOUT = Layout(source="paper", group_separator=None, id_column="paper_form_no", time_column="date",
                system=frozenset({"paper_form_no", "date"}), response_id=_response_id)
