"""The selected, handed to the feedback store as the cohort's roster.

The applicant code becomes the participant code (one code from application to follow-up). The
roster has exactly the columns ``trainingkit feedback roster`` reads, and no name.
"""
from __future__ import annotations

import pandas as pd

from ..feedback.store import ROSTER_COLUMNS


def roster_rows(selected: list[str], applications: pd.DataFrame) -> pd.DataFrame:
    by_code = applications.set_index("applicant")
    rows = [{"participant": code, "country": by_code.at[code, "country"], "org_type": by_code.at[code, "org_type"],
             "member": "yes" if by_code.at[code, "member"] == "yes" else "no"} for code in sorted(selected)]
    return pd.DataFrame(rows, columns=ROSTER_COLUMNS)
