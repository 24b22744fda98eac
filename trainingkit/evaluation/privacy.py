"""Nobody exposed: small groups suppressed (with secondary suppression), open text masked.

Trainees are activists, some from restrictive countries. With 17 trainees from four countries a
country has 3–5 people, so a breakdown can point at one person. Rules (OECD threshold rule, plus
complementary suppression as practised by statistical offices):
- a group with fewer respondents than ``min_cell`` is reported as ``{"suppressed": true}`` with
  no figures at all;
- secondary suppression: while the suppressed groups together hold fewer than ``min_cell``
  respondents, the next smallest group is suppressed too. Whatever can be recovered from the
  total and the groups shown is then a figure about ``min_cell`` people or more, never about
  one small group.
"""
from __future__ import annotations

import re

from ..errors import TrainingkitError

MIN_CELL_FLOOR = 3
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
# 8 or more digits, possibly with spaces, dots, dashes or brackets between them, maybe a +:
# long enough not to catch years ("2016") or wages ("421 baht").
PHONE = re.compile(r"\+?\(?\d(?:[\s().-]*\d){7,}")


def check_min_cell(min_cell: int) -> int:
    if min_cell < MIN_CELL_FLOOR:
        raise TrainingkitError(
            f"--min-cell {min_cell} is too small: groups below {MIN_CELL_FLOOR} respondents can identify a trainee"
        )
    return min_cell


def suppress(groups: dict[str, dict], min_cell: int) -> dict[str, dict]:
    """Apply primary and secondary suppression to one breakdown ({group: stats with "n"})."""
    small = {g for g, s in groups.items() if s["n"] < min_cell}
    shown = sorted((s["n"], g) for g, s in groups.items() if g not in small)
    while shown and 0 < sum(groups[g]["n"] for g in small) < min_cell:
        small.add(shown.pop(0)[1])
    return {g: ({"suppressed": True} if g in small else s) for g, s in groups.items()}


ANY_DIGIT = re.compile(r"\d")


def mask_text(text: str, names: list[str] = ()) -> str:
    """Open text with e-mail addresses, phone numbers and roster names replaced."""
    if "@" in text:  # cheap tests first: most comments hold neither, and there may be 100,000
        text = EMAIL.sub("[e-mail removed]", text)
    if ANY_DIGIT.search(text):
        text = PHONE.sub("[phone removed]", text)
    for name in sorted((n for n in names if n and len(n.strip()) > 1), key=len, reverse=True):
        text = re.sub(re.escape(name.strip()), "[name removed]", text, flags=re.I)
    return text
