"""The "Sessions to revise" list: rules on the published session figures and comments only."""
from __future__ import annotations

import re

from ..course import Course
from .labels import session_title
from .model import Summary

# A plain word list, so a trainer can see why a comment counts as critical; it is a pointer to
# read the comments, not a verdict.
NEGATIVE = re.compile(
    r"\b(too (fast|slow|long|short|much|many|difficult)|not (enough|clear|useful|relevant)|"
    r"difficult|confus\w*|boring|unclear|rushed|waste|hard to|more time|less (talk|input|theory)|didn't|did not)\b",
    re.I,
)


def is_negative(comment: str) -> bool:
    return bool(NEGATIVE.search(comment))


def sessions_to_revise(summary: Summary, course: Course) -> list[dict]:
    """Sessions with mean usefulness below 3.5, or a top-2 share below 60 %, or the largest
    share of critical comments (among sessions with at least min_cell comments). Withheld
    figures never count."""
    reasons: dict[str, list[str]] = {}
    for sid, questions in summary.sessions.items():
        s = questions.get("useful")
        if not s or s.suppressed:
            continue
        if s.mean < 3.5:
            reasons.setdefault(sid, []).append(f"mean usefulness {s.mean} (below 3.5, n = {s.n})")
        if s.top2_pct < 60:
            reasons.setdefault(sid, []).append(f"{s.top2_pct} % rated it 4 or 5 (below 60 %, n = {s.n})")
    comments = summary.comments.sessions
    shares = {sid: sum(map(is_negative, c)) / len(c) for sid, c in comments.items() if len(c) >= summary.min_cell}
    if shares and max(shares.values()) > 0:
        top = max(shares.values())
        for sid, share in shares.items():
            if share == top:
                reasons.setdefault(sid, []).append(
                    f"largest share of critical comments ({round(100 * share)} % of {len(comments[sid])})")
    order = [s.id for s in course.sessions]
    return [
        {"session": sid, "title": session_title(course, sid), "reasons": reasons[sid]}
        for sid in sorted(reasons, key=lambda i: order.index(i) if i in order else len(order))
    ]
