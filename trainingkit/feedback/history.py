"""The versions of one participant's responses as a table for the organiser."""
from __future__ import annotations

import pandas as pd


def history_table(frame: pd.DataFrame, code: str) -> str:
    """One line per version, oldest first, grouped by form and occasion; ``*`` marks the version
    that counts, and "(chosen)" one an organiser marked."""
    if frame.empty:
        return f"no responses from {code.strip().upper()} in this cohort"
    lines = [f"{'':2}{'form':<9}{'occasion':<10}{'submitted (UTC)':<21}{'source':<10}response id"]
    for row in frame.sort_values(["form_id", "occasion", "submitted_at", "response_id"]).itertuples():
        mark = "* " if row.counts else "  "
        chosen = "  (chosen)" if row.marked else ""
        lines.append(f"{mark}{row.form_id:<9}{row.occasion or '-':<10}{row.submitted_at:%Y-%m-%d %H:%M:%S}  "
                     f"{row.source:<10}{row.response_id}{chosen}")
    replaced = int((~frame["counts"]).sum())
    lines.append(f"* counts in the evaluation; {replaced} earlier or unchosen version(s) kept but not counted. "
                 "To count another one: trainingkit feedback history CODE --count RESPONSE_ID")
    return "\n".join(lines)
