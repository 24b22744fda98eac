"""The review sheet one reviewer fills in: one row per (applicant, criterion), blind by default.

A blind sheet shows the applicant's code and the answers the criteria read, with the
applicant's name, e-mail, phone and organisation masked out of them, and no personal or
organisation column. Cells that a spreadsheet would run as a formula are neutralised.
"""
from __future__ import annotations

import pandas as pd

from ..evaluation.export import neutralise
from ..evaluation.privacy import mask_text
from ..selection_rules import Selection

SHEET_COLUMNS = ["applicant", "reviewer", "criterion", "guide", "score"]


def guide(criterion) -> str:
    return f"{criterion.label}. " + "; ".join(f"{p} = {criterion.descriptors[p]}" for p in criterion.points)


def review_sheet(reviewer: str, assigned: list[str], applications: pd.DataFrame, contacts: pd.DataFrame,
                 scores: pd.DataFrame, selection: Selection, *, blind: bool = True, synthetic: bool = False) -> pd.DataFrame:
    reads = list(dict.fromkeys(q for c in selection.criteria for q in c.reads))
    by_code = applications.set_index("applicant")
    people = contacts.set_index("applicant")
    given = {(r.applicant, r.criterion): r.score for r in scores[scores["reviewer"] == reviewer].itertuples()}
    rows = []
    for code in sorted(assigned):
        answers = by_code.loc[code]
        hidden = []
        if blind:
            hidden = [str(answers.get("organisation") or "")]
            if code in people.index:
                hidden += [str(v) for v in people.loc[code] if isinstance(v, str)]
        texts = {q: mask_text(str(answers.get(q) or ""), hidden) if blind else str(answers.get(q) or "") for q in reads}
        if not blind:
            texts = {"organisation": str(answers.get("organisation") or ""), **texts}
        for i, criterion in enumerate(selection.criteria):
            row = {"applicant": code, "reviewer": reviewer, "criterion": criterion.id, "guide": guide(criterion),
                   "score": given.get((code, criterion.id), "")}
            # The answers once per applicant, on its first row: the sheet stays readable.
            row.update({q: (t if i == 0 else "") for q, t in texts.items()})
            rows.append(row)
    columns = SHEET_COLUMNS + (["organisation"] if not blind else []) + reads
    frame = pd.DataFrame(rows, columns=columns)
    if synthetic:
        frame.insert(0, "data", "SYNTHETIC")
    return frame.map(neutralise)
