"""Levels 3 and 4 (after Kirkpatrick): what trainees did after the course and what came of it.

Pure functions over the follow-up answers (the store's tidy rows) and the trainees' current
plans. Each figure carries its ``n`` (trainees it rests on); a figure resting on fewer than
``min_cell`` trainees is ``{"suppressed": true}`` with no numbers at all. Only the version
that counts of a trainee's response per round enters (the store chooses it: the one an
organiser marked, else the latest).
"""
from __future__ import annotations

import pandas as pd

from ..evaluation.privacy import check_min_cell, mask_text, protect
from .plans import PlannedAction

PROGRESS = ("done", "in_progress", "not_started", "dropped")
RESULTS = ("result_submissions", "result_meetings", "result_media", "result_policy")
STORY_QUESTIONS = ("actions_detail",)
BY_MONTH = 6  # "planned actions done by month 6"


def _pct(part: int, whole: int) -> float | None:
    return round(100 * part / whole, 1) if whole else None


def with_round(answers: pd.DataFrame) -> pd.DataFrame:
    """Follow-up answers with their response's ``round``; those of a response naming no round go.

    ``answers`` must already hold only the versions that count (``FeedbackStore.answers(...,
    versions="counted")``): this module does not choose versions, the store's one rule does."""
    if answers.empty:  # an empty store's frame may have no columns at all: give it the ones read below
        columns = ["response_id", "participant", "question", "value", "submitted_at", "round"]
        return pd.DataFrame({c: pd.Series(dtype=str) for c in columns})
    rounds = answers[answers["question"] == "round"].set_index("response_id")["value"]
    return answers.assign(round=answers["response_id"].map(rounds)).dropna(subset=["round"])


def _who(rows: pd.DataFrame) -> pd.Series:
    return rows["participant"].where(rows["participant"].notna() & (rows["participant"] != ""), "anon:" + rows["response_id"])


def actions_by_round(latest: pd.DataFrame, rounds: list[str], types: list[str], min_cell: int) -> dict:
    """Per round: respondents, share engaged, and per action type how many reported it."""
    out = {}
    for r in rounds:
        rows = latest[latest["round"] == r]
        n = rows["response_id"].nunique()
        if n < min_cell:
            out[r] = {"n": n, "suppressed": True} if n else {"n": 0}
            continue
        ticked = rows.loc[rows["question"] == "actions", "value"].str.split().explode()
        engaged = rows.loc[rows["question"] == "engaged", "value"]
        out[r] = {"n": n, "engaged": {"n": int(len(engaged)), "yes": int((engaged == "yes").sum()),
                                      "pct": _pct(int((engaged == "yes").sum()), len(engaged))},
                  "by_type": {t: {"count": int((ticked == t).sum()), "pct": _pct(int((ticked == t).sum()), n)} for t in types}}
    return out


def actions_by_type(latest: pd.DataFrame, types: list[str], min_cell: int) -> dict:
    """Over all rounds: per type, how many trainees reported it at least once, of all respondents."""
    n = int(_who(latest).nunique()) if not latest.empty else 0
    if n < min_cell:
        return {"n": n, "suppressed": True}
    rows = latest[latest["question"] == "actions"]
    pairs = pd.DataFrame({"who": _who(rows), "type": rows["value"].str.split()}).explode("type").drop_duplicates()
    counts = pairs["type"].value_counts()
    return {"n": n, "by_type": {t: {"trainees": int(counts.get(t, 0)), "pct": _pct(int(counts.get(t, 0)), n)} for t in types}}


def action_progress(latest: pd.DataFrame, round_months: dict[str, int]) -> dict[tuple[str, str], str]:
    """{(participant, action id): progress} as last reported in a round up to month 6."""
    if latest.empty:  # (an empty mask of object dtype would select columns, not rows)
        return {}
    rows = latest[latest["round"].map(lambda r: round_months.get(r, 99) <= BY_MONTH)]
    rows = rows[rows["question"].str.match(r"^a\d+_(id|progress)$")]
    if rows.empty:
        return {}
    rows = rows.assign(slot=rows["question"].str.extract(r"^a(\d+)_")[0], what=rows["question"].str.extract(r"_(id|progress)$")[0])
    wide = rows.pivot_table(index=["response_id", "participant", "round", "slot"], columns="what", values="value",
                            aggfunc="last").reset_index()
    if not {"id", "progress"} <= set(wide.columns):
        return {}
    wide = wide.dropna(subset=["id", "progress"])
    # later rounds overwrite earlier ones: the last report by month 6 is the one that counts
    wide = wide.assign(months=wide["round"].map(round_months)).sort_values("months", kind="stable")
    return {(p, a): s for p, a, s in zip(wide["participant"], wide["id"], wide["progress"])}


def planned_done(plans: dict[str, list[PlannedAction]], progress: dict[tuple[str, str], str], min_cell: int) -> dict:
    """Share of planned actions reported done by month 6, and the last progress of every action."""
    n = len(plans)
    if n < min_cell:
        return {"n": n, "suppressed": True}
    status = [progress.get((code, a.action_id), "no_report") for code, items in plans.items() for a in items]
    counts = {s: status.count(s) for s in (*PROGRESS, "no_report")}
    by_type: dict[str, list[str]] = {}
    planners: dict[str, set[str]] = {}
    for code, items in plans.items():
        for a in items:
            kind = a.kind or "not_given"
            by_type.setdefault(kind, []).append(progress.get((code, a.action_id), "no_report"))
            planners.setdefault(kind, set()).add(code)
    shown = shown_types(planners, min_cell)
    return {"n": n, "actions": len(status), "done": counts["done"], "pct_done": _pct(counts["done"], len(status)),
            "by_progress": counts,
            "by_type": {k: ({"n": len(planners[k]), "actions": len(v), "done": v.count("done"), "pct_done": _pct(v.count("done"), len(v))}
                            if k in shown else {"n": len(planners[k]), "suppressed": True})
                        for k, v in sorted(by_type.items())}}


def shown_types(planners: dict[str, set[str]], min_cell: int) -> set[str]:
    """The action types whose "done by month 6" may be shown beside the total, by ``protect``.

    A type planned by fewer than ``min_cell`` trainees would tell what those few did (the
    threshold); and since the total is the sum of the types, one hidden type would come back as
    the total less the shown ones (the combined check). The units are (trainee, type) pairs: each
    lies in one type, so the types are the groups and the total is their sum, as ``protect`` needs.
    A trainee who planned several types counts once in each, so the combined check is exact for a
    type's planners but counts a trainee twice across two hidden types."""
    units = {f"{code}\t{kind}": (kind,) for kind, codes in planners.items() for code in codes}
    return protect(units, ("type",), min_cell)["type"]


def outcomes(latest: pd.DataFrame, rounds: list[str], min_cell: int) -> dict:
    """Per round and result question: respondents who answered it, the total reported, how many reported one or more."""
    out = {}
    for r in rounds:
        rows = latest[(latest["round"] == r) & latest["question"].isin(RESULTS)]
        per = {}
        for q in RESULTS:
            values = pd.to_numeric(rows.loc[rows["question"] == q, "value"], errors="coerce").dropna()
            n = int(len(values))
            per[q] = ({"n": n, "total": int(values.sum()), "any": int((values > 0).sum()), "pct_any": _pct(int((values > 0).sum()), n)}
                      if n >= min_cell else {"n": n, "suppressed": True})
        out[r] = per
    return out


def stories(latest: pd.DataFrame, rounds: list[str], min_cell: int, names=()) -> dict:
    """The trainees' own accounts per round, masked, without codes; none from a round with fewer
    than ``min_cell`` respondents (a story can point at its teller in a small group)."""
    out = {}
    for r in rounds:
        rows = latest[latest["round"] == r]
        n = rows["response_id"].nunique()
        texts = rows[rows["question"].isin(STORY_QUESTIONS)].sort_values(["submitted_at", "response_id"])
        if n < min_cell:
            out[r] = {"n": n, "suppressed": True}
        else:
            out[r] = {"n": n, "stories": [mask_text(t, names) for t in texts["value"] if t.strip()]}
    return out


def levels_3_4(counted: pd.DataFrame, plans: dict[str, list[PlannedAction]], round_months: dict[str, int],
               types: list[str], min_cell: int, names=()) -> dict:
    """Every level 3 and 4 figure of one cohort (see the module docstring for the privacy rule)."""
    check_min_cell(min_cell)
    latest = with_round(counted)
    rounds = sorted(round_months, key=round_months.get)
    return {
        "min_cell": min_cell,
        "actions_by_round": actions_by_round(latest, rounds, types, min_cell),
        "actions_by_type": actions_by_type(latest, types, min_cell),
        "planned_done_by_m6": planned_done(plans, action_progress(latest, round_months), min_cell),
        "outcomes": outcomes(latest, rounds, min_cell),
        "stories": stories(latest, rounds, min_cell, names),
    }
