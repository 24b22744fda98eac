"""Signs in a trainee's text that rubrics look for: words, numbers, deadlines, over-promises.

These are plain-language heuristics, not grammar: a rubric built on them says what it found
and what seems missing, and the trainee (or a colleague) judges the rest.
"""
from __future__ import annotations

import re

NUMBER_WORDS = (
    "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|"
    "forty|fifty|hundred|thousand|million|once|twice|half|dozen"
)
QUANTIFIERS = r"all|every|at least"  # count a whole group: "every partner informed"
MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
               "November", "December")
MONTHS = "|".join(name.lower() for name in MONTH_NAMES)
PERIOD = r"(days?|weeks?|months?|years?)"

TIME_FRAME = re.compile(
    "|".join([
        r"\b(19|20)\d{2}\b",                                                      # by 2027
        rf"\b(within|in|over|for|after) (the )?(next |first )?(\d+|{NUMBER_WORDS}|a) {PERIOD}\b",
        r"\bby (the )?(end|middle|start) of\b",
        rf"\b({MONTHS})\b",
        r"\bbefore the next\b",
        r"\b(each|every|per|a) (year|month|quarter|week)\b|\b(annually|yearly|monthly|quarterly|weekly)\b",
    ]),
    re.I,
)
MEASURE = re.compile(rf"\d|%|\bper ?cent\b|\b({NUMBER_WORDS})\b", re.I)
QUANTIFIER = re.compile(rf"\b({QUANTIFIERS})\b", re.I)
ABSOLUTE_PROMISE = re.compile(
    r"(?<!\d)100 ?%|\b(eliminat\w*|eradicat\w*|end all|all problems|solve all|never again|zero|"
    r"completely|once and for all|every migrant)\b",
    re.I,
)
WORD = re.compile(r"\w[\w'’-]*")


def word_count(text: str) -> int:
    """Words as a reader counts them: 'Sub-decree', 'MoLVT' and '3,101,183' are one word each."""
    return len(WORD.findall(re.sub(r"(?<=\d)[,.](?=\d)", "", text or "")))


def has_time_frame(text: str) -> bool:
    return bool(TIME_FRAME.search(text or ""))


def has_measure(text: str, quantifiers: bool = False) -> bool:
    """A number or share that is not just part of a date or deadline; with ``quantifiers``,
    "all", "every" and "at least" count too (an indicator such as "every partner informed")."""
    rest = TIME_FRAME.sub(" ", text or "")
    return bool(MEASURE.search(rest) or (quantifiers and QUANTIFIER.search(rest)))
