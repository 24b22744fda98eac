"""ODK Central CSV exports: groups joined with ``-`` (``day1-d1_s2_useful``), the response id
in ``meta-instanceID`` (``uuid:…``), ``SubmissionDate`` in UTC and the form's ``FormVersion``.
With split select_multiples, ``actions/afml`` columns hold 1 or 0 next to the ``actions`` summary.
"""
from __future__ import annotations

from .wide import Layout

SYSTEM = frozenset({"SubmissionDate", "meta-instanceID", "KEY", "SubmitterID", "SubmitterName", "AttachmentsPresent",
                    "AttachmentsExpected", "Status", "ReviewState", "DeviceID", "Edits", "FormVersion",
                    "start", "end", "today", "deviceid", "instanceID", "instanceName", "audit"})


def matches(header: list[str]) -> bool:
    return "meta-instanceID" in header or "SubmissionDate" in header


def _response_id(row, form, cohort) -> str:
    return (row.values.get("meta-instanceID", "").strip() or row.values.get("KEY", "").strip()).removeprefix("uuid:")


def _version(row, form) -> int:
    text = row.values.get("FormVersion", "").strip()
    return int(text) if text.isascii() and text.isdigit() and len(text) <= 9 else form.version


LAYOUT = Layout(source="odk", group_separator="-", id_column="meta-instanceID", time_column="SubmissionDate",
                system=SYSTEM, response_id=_response_id, version=_version)
