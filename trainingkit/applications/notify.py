"""Mail-merge lists and letters: accepted, waitlist, not selected.

These lists are the one place names, e-mails and phones leave the store: they exist to tell
people the outcome. Each list is a CSV for a mail merge (formulas neutralised); each letter a
plain-text file named by the applicant's code. Delete them once the letters are sent.
"""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from ..evaluation.export import neutralised
from .decisions import INELIGIBLE, NOT_SELECTED, SELECTED, WAITLIST
from ..selection_rules import Selection

LISTS = {"accepted": (SELECTED,), "waitlist": (WAITLIST,), "not_selected": (NOT_SELECTED, INELIGIBLE)}
LIST_COLUMNS = ["applicant", "name", "email", "phone", "status", "position", "letter"]
SYNTHETIC_NOTE = "SYNTHETIC: a made-up applicant from `trainingkit applications simulate`. Not a real letter.\n\n"


def letter(row: dict, name: str, course_title: str, selection: Selection) -> str:
    greeting = f"Dear {name or 'applicant'},\n\n"
    about = f"Thank you for applying to the {course_title} (your application code: {row['applicant']}).\n\n"
    if row["status"] == SELECTED:
        offer = "".join(f"- {item}\n" for item in selection.offer)
        body = ("We are glad to offer you a place.\n\n"
                + (f"The training covers:\n{offer}\n" if offer else "")
                + "Please confirm within one week that you will take part. Keep your application code: it is your "
                  "participant code for the course forms.\n")
    elif row["status"] == WAITLIST:
        body = (f"We could not offer you a place yet. You are number {int(row['position'])} on the waiting list. "
                "If a place becomes free we will write to you at once.\n")
    else:
        body = "We are sorry: we cannot offer you a place this time.\n"
        if row["status"] == INELIGIBLE:
            body += f"The application did not meet the call's conditions: {row['reason'].removeprefix('not eligible: ')}.\n"
    return greeting + about + body + "\nWith best wishes,\nThe organisers\n"


def write_letters(decisions: pd.DataFrame, contacts: pd.DataFrame, outdir: Path, course_title: str,
                  selection: Selection, *, synthetic: bool = False) -> list[Path]:
    outdir = Path(outdir)
    (outdir / "letters").mkdir(parents=True, exist_ok=True)
    people = contacts.set_index("applicant")
    written = []
    lists: dict[str, list[dict]] = {name: [] for name in LISTS}
    for row in decisions.to_dict("records"):
        target = next((name for name, statuses in LISTS.items() if row["status"] in statuses), None)
        if target is None:  # withdrawn: nothing to tell
            continue
        person = people.loc[row["applicant"]].to_dict() if row["applicant"] in people.index else {}
        path = outdir / "letters" / f"{row['applicant']}.txt"
        text = letter(row, person.get("name") or "", course_title, selection)
        path.write_text((SYNTHETIC_NOTE if synthetic else "") + text, encoding="utf-8")
        written.append(path)
        lists[target].append({"applicant": row["applicant"], **{k: person.get(k) or "" for k in ("name", "email", "phone")},
                              "status": row["status"], "position": row["position"], "letter": f"letters/{path.name}"})
    for name, rows in lists.items():
        frame = pd.DataFrame(rows, columns=LIST_COLUMNS)
        if synthetic:
            frame.insert(0, "data", "SYNTHETIC")
        path = outdir / f"{name}.csv"
        neutralised(frame).to_csv(path, index=False)
        written.append(path)
    return written
