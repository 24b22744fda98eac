"""Countries of origin: the ten recommendations of the Phnom Penh consultation (21 January 2016).

Trainees place each recommendation on an impact–feasibility grid, name the Cambodian body that
must act on it, and rewrite one as a SMART recommendation. Who can act on each one is data, in
``exercises/keys/ex-origin-recommendations.yml`` (:class:`OriginKey`); ``AGENCIES`` and
``RESPONSIBLE`` read it when first used. Everything here is pure; the checks are in ``checks``
and the widgets in ``view``.
"""
from __future__ import annotations

import re

from pydantic import model_validator

from ..kit.checks import Ladder, ladder_problems
from ..kit.keys import KeyModel, key_attributes, load_key

EXERCISE_ID = "ex-origin-recommendations"
DATASET = "phnom-penh-2016-recommendations"
COUNT = 10

# How each body may be written in a trainee's own sentence. "The government" is left out on
# purpose: a SMART recommendation names the ministry or office, not the whole state.
AGENCY_WORDS: dict[str, re.Pattern] = {
    "molvt": re.compile(r"ministry of labou?r|\bmolvt\b|labou?r ministry", re.I),
    "social": re.compile(r"ministry of social affairs|social affairs ministry|\bmosvy\b", re.I),
    "ncct": re.compile(r"committee for counter[- ]?trafficking|counter[- ]?trafficking committee|\bncct\b", re.I),
    "local": re.compile(r"\b(provincial|district|commune|community|local) (authorit|official|office|govern)", re.I),
    "acra": re.compile(r"association of cambodian recruitment agencies|\bacra\b|recruitment agencies'? association", re.I),
}
VAGUE_ACTOR = re.compile(r"\b(the )?(cambodian |royal )?government\b|\bauthorities\b|\bthe state\b", re.I)


class Responsibility(KeyModel):
    """Who can act on one recommendation, and what to ask a trainee who chose someone else."""

    accepted: frozenset[str]
    hint: str


# The SMART rubric's criteria, the outcomes each can have, and the values its words may use.
SMART_OUTCOMES = {
    "empty": {"fail": {"number"}},
    "actor": {"pass": {"agency"}, "vague": set(), "missing": set()},
    "measure": {"pass": set(), "fail": set()},
    "time": {"pass": set(), "fail": set()},
    "scope": {"pass": set(), "long": {"words", "max_words"}, "promise": {"promise"}},
    "topic": {"pass": {"number"}, "fail": {"number"}},
}


class OriginKey(KeyModel):
    agencies: dict[str, str]  # id -> name, as offered in the drop-down
    responsible: dict[int, Responsibility]  # recommendation number -> who can act on it
    smart: Ladder  # what the SMART rubric says (see SMART_OUTCOMES)

    @model_validator(mode="after")
    def _consistent(self):
        if sorted(self.responsible) != list(range(1, COUNT + 1)):
            raise ValueError(f"responsible: give recommendations 1 to {COUNT}, each once")
        for n, rule in self.responsible.items():
            unknown = sorted(rule.accepted - set(self.agencies))
            if unknown:
                raise ValueError(f"responsible/{n}/accepted: unknown agency {', '.join(unknown)} "
                                 f"(use one of {', '.join(self.agencies)})")
        problems = ladder_problems(self.smart, SMART_OUTCOMES)
        if problems:
            raise ValueError("smart/" + "; smart/".join(problems))
        return self


def key() -> OriginKey:
    return load_key(EXERCISE_ID, OriginKey)


__getattr__ = key_attributes(EXERCISE_ID, OriginKey, {"AGENCIES": "agencies", "RESPONSIBLE": "responsible"})


# Words that show a rewritten recommendation is still about the one the trainee chose.
TOPIC_WORDS: dict[int, re.Pattern] = {
    n: re.compile(p, re.I)
    for n, p in {
        1: r"sub-?decree|\b190\b|prakas",
        2: r"budget|train",
        3: r"monitor|inspect|recruitment agenc",
        4: r"licen[cs]",
        5: r"information|television|\btv\b|radio|forum|school|poster|campaign",
        6: r"contract",
        7: r"health|\bill\b|sick|medical|referr|treatment",
        8: r"transport|follow-?up|visit|\bhome",
        9: r"drug|addict",
        10: r"skill|certif",
    }.items()
}

# --- the impact–feasibility grid ---------------------------------------------------------------

LEVELS = ("low", "medium", "high")
Placement = tuple[str | None, str | None]  # (impact, feasibility); None = not placed yet
MAX_DO_FIRST = 4


def priority(impact: str | None, feasibility: str | None) -> str | None:
    """The box a placed recommendation falls in, or None if it is not fully placed."""
    if impact not in LEVELS or feasibility not in LEVELS:
        return None
    if impact == "high":
        return "do first" if feasibility == "high" else "plan for it"
    if feasibility == "high":
        return "quick step"
    return "later"


# --- the SMART rewrite -------------------------------------------------------------------------

MAX_WORDS = 60


def named_actors(text: str) -> list[str]:
    """Ids of the specific bodies a text names."""
    return [agency for agency, pattern in AGENCY_WORDS.items() if pattern.search(text)]
