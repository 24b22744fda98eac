"""KoboToolbox exports (CSV with ``;`` or ``,``, or XLSX), with "XML values and headers".

Group prefixes are joined with ``/`` (``day1/d1_s2_useful``); a select_multiple comes as a
summary column of space-separated choices and/or one ``question/choice`` column of 1 or 0.
The response id is ``_uuid``; ``_submission_time`` is UTC.
"""
from __future__ import annotations

from .wide import Layout

# Kobo's own columns that do not start with "_" (metadata questions and meta/formhub groups).
SYSTEM = frozenset({"start", "end", "today", "deviceid", "username", "simserial", "subscriberid", "phonenumber",
                    "audit", "instanceID", "instanceName", "uuid", "rootUuid", "deprecatedID"})


def matches(header: list[str]) -> bool:
    return "_uuid" in header or "_submission_time" in header


def _response_id(row, form, cohort) -> str:
    return row.values.get("_uuid", "").strip() or row.values.get("meta/instanceID", "").strip().removeprefix("uuid:")


LAYOUT = Layout(source="kobo", group_separator="/", id_column="_uuid", time_column="_submission_time",
                system=SYSTEM, response_id=_response_id,
                hint=" (download the Kobo data with 'XML values and headers', not labels)")
