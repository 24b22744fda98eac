"""Tidy feedback rows written by hand, for the metric and privacy tests."""
import pandas as pd

from trainingkit.evaluation.tallies import TIDY


def tidy(rows):
    """rows: (response_id, form_id, participant, submitted_at, session, question, value)"""
    return pd.DataFrame(rows, columns=TIDY)


def daily(rid, who, day, session_values, when="2016-06-04T17:00", comment=None, pace=None):
    rows = [(rid, "daily", who, when, sid, "useful", str(v)) for sid, v in session_values.items()]
    if comment:
        rows.append((rid, "daily", who, when, next(iter(session_values)), "comment", comment))
    if pace:
        rows.append((rid, "daily", who, when, "", "pace", pace))
    rows.append((rid, "daily", who, when, "", "day", str(day)))
    return rows
