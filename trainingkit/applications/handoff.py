"""The selected, handed to the feedback store as the cohort's roster.

The applicant code becomes the participant code (one code from application to follow-up). The
roster has exactly the columns ``trainingkit feedback roster`` reads, and no name and no key:
loading it (``feedback roster``, or ``applications roster --load``) gives each participant a
secret key for the web forms, kept as a salted hash in the store and in plain only in the
organiser's tokens file, from which the slips are printed.
"""
from __future__ import annotations

import pandas as pd

from ..feedback.store import ROSTER_COLUMNS


def roster_rows(selected: list[str], applications: pd.DataFrame) -> pd.DataFrame:
    by_code = applications.set_index("applicant")
    rows = [{"participant": code, "country": by_code.at[code, "country"], "org_type": by_code.at[code, "org_type"],
             "member": "yes" if by_code.at[code, "member"] == "yes" else "no"} for code in sorted(selected)]
    return pd.DataFrame(rows, columns=ROSTER_COLUMNS)


def load_roster(path, url: str | None, cohort: str, course):
    """Load the roster file into the feedback store of ``cohort``, as ``feedback roster`` does."""
    from ..feedback.roster import import_roster, tokens_path
    from ..feedback.store import FeedbackStore

    store = FeedbackStore(url, root=course.root, cohort=cohort)
    try:
        return import_roster(store, path, course.config.countries, tokens_path(course.root, cohort))
    finally:
        store.close()
