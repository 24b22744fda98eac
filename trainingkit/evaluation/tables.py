"""The summary as flat tables (one DataFrame each): for exports, Markdown and the report."""
from __future__ import annotations

import pandas as pd

from ..course import Course


def _title(course: Course, sid: str) -> tuple[str, int | None]:
    try:
        s = course.session(sid)
        return s.title, s.day
    except KeyError:  # a session an older cohort had
        return sid, None


def sessions_table(summary: dict, course: Course) -> pd.DataFrame:
    rows = []
    for sid, questions in summary["sessions"].items():
        title, day = _title(course, sid)
        for question, s in questions.items():
            rows.append({"session": sid, "day": day, "title": title, "question": question,
                         **{k: s[k] for k in ("n", "mean", "median", "top2_pct")},
                         **{f"dist_{v}": c for v, c in s["dist"].items()}})
    return pd.DataFrame(rows)


def pre_post_table(summary: dict, course: Course) -> pd.DataFrame:
    texts = {f"c_{o.id}": o.text for o in course.config.outcomes}
    return pd.DataFrame([{"item": item, "outcome": texts.get(item, ""), **s} for item, s in summary["pre_post"].items()])


def nps_table(summary: dict) -> pd.DataFrame:
    n = summary["nps"]
    return pd.DataFrame([{k: v for k, v in n.items() if k != "dist"} | {f"dist_{k}": v for k, v in n["dist"].items()}])


def response_rates_table(summary: dict) -> pd.DataFrame:
    rows = []
    for form, value in summary["response_rates"].items():
        if "responded" in value:
            rows.append({"form": form, "occasion": "", **value})
        else:
            rows += [{"form": form, "occasion": occasion, **r} for occasion, r in value.items()]
    return pd.DataFrame(rows, columns=["form", "occasion", "responded", "expected", "rate"])


def breakdowns_table(summary: dict) -> pd.DataFrame:
    rows = []
    for attribute, groups in summary["breakdowns"].items():
        for group, s in groups.items():
            rows.append({"attribute": attribute, "group": group, "suppressed": bool(s.get("suppressed")),
                         **{k: v for k, v in s.items() if k != "suppressed"}})
    return pd.DataFrame(rows)


def followup_table(summary: dict) -> pd.DataFrame:
    rows = []
    for round_, s in summary["followup"].items():
        rows.append({"round": round_, "measure": "engaged (yes)", "n": s["engaged"]["n"], "count": s["engaged"]["yes"], "pct": s["engaged"]["pct"]})
        for action, a in s["actions"]["by_type"].items():
            rows.append({"round": round_, "measure": f"action: {action}", "n": s["actions"]["n"], "count": a["n"], "pct": a["pct"]})
    return pd.DataFrame(rows, columns=["round", "measure", "n", "count", "pct"])


def summary_tables(summary: dict, course: Course) -> dict[str, pd.DataFrame]:
    return {
        "sessions": sessions_table(summary, course),
        "pre_post": pre_post_table(summary, course),
        "nps": nps_table(summary),
        "response_rates": response_rates_table(summary),
        "breakdowns": breakdowns_table(summary),
        "followup": followup_table(summary),
    }
