"""Countries of origin: the ten recommendations of the Phnom Penh consultation (21 January 2016).

Trainees place each recommendation on an impact–feasibility grid, name the Cambodian body that
must act on it, and rewrite one as a SMART recommendation. Everything here is pure (answers in,
:class:`Check` results out); the widgets live in ``origin_widgets``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .checks import Check, failed, passed
from .wording import ABSOLUTE_PROMISE, has_measure, has_time_frame, word_count

EXERCISE_ID = "ex-origin-recommendations"
DATASET = "phnom-penh-2016-recommendations"
COUNT = 10

# Only bodies that the 2016 consultation report itself names (reference: source-mmn-activities-2016).
AGENCIES: dict[str, str] = {
    "molvt": "Ministry of Labour and Vocational Training (MoLVT)",
    "social": "Ministry of Social Affairs",
    "ncct": "National Committee for Counter-Trafficking",
    "local": "Local authorities (provincial, district and community level)",
    "acra": "Association of Cambodian Recruitment Agencies",
    "government": "The Cambodian government as a whole (national budget)",
}

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


@dataclass(frozen=True)
class Responsibility:
    """Who can act on one recommendation, and what to ask a trainee who chose someone else."""

    accepted: frozenset[str]
    hint: str


RESPONSIBLE: dict[int, Responsibility] = {
    1: Responsibility(frozenset({"molvt"}), "Sub-decree 190 puts one ministry in charge of recruitment through private agencies: which one?"),
    2: Responsibility(
        frozenset({"government", "molvt"}),
        "Local officials are the ones to be trained, not the ones who pay. Who decides the national "
        "budget, or which ministry would run the training?",
    ),
    3: Responsibility(
        frozenset({"molvt"}),
        "An association cannot strictly monitor its own members and sanction them. Which ministry "
        "licenses recruitment agencies under Sub-decree 190?",
    ),
    4: Responsibility(
        frozenset({"molvt"}),
        "Punishing an agency means fining it or taking away its licence. Who issues the licences?",
    ),
    5: Responsibility(
        frozenset({"molvt", "ncct", "local"}),
        "Information must reach people before they leave home. Which bodies already speak to "
        "future migrants: the labour ministry, the counter-trafficking committee, local authorities?",
    ),
    6: Responsibility(
        frozenset({"molvt", "acra"}),
        "A standard contract is set by the ministry that regulates recruitment, and explained by "
        "the agencies that recruit. Choose one of the two.",
    ),
    7: Responsibility(
        frozenset({"social", "molvt"}),
        "Returnees who are ill need referral and care. Which ministry looks after social welfare, "
        "or which one is in charge of migrant workers?",
    ),
    8: Responsibility(
        frozenset({"molvt", "social"}),
        "Read the recommendation again: the consultation itself names two ministries for the follow-up visits.",
    ),
    9: Responsibility(frozenset({"social"}), "Help for returnees with a drug addiction is social care: which ministry handles social affairs?"),
    10: Responsibility(
        frozenset({"molvt"}),
        "Skills certificates belong with vocational training. Which ministry has vocational training in its name?",
    ),
}

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


def check_grid(placements: dict[int, Placement]) -> list[Check]:
    """Is every recommendation placed, and does the grid actually choose between them?"""
    missing = [n for n in range(1, COUNT + 1) if priority(*placements.get(n, (None, None))) is None]
    if missing:
        listed = ", ".join(str(n) for n in missing)
        return [failed(
            f"{len(missing)} of {COUNT} recommendations are not placed yet: {listed}.",
            "Give each one an impact and a feasibility. 'Medium' is fine when you are unsure; "
            "you can change it after the discussion.",
        )]
    out = [passed(f"All {COUNT} recommendations are on the grid.")]
    cells = {tuple(placements[n]) for n in range(1, COUNT + 1)}
    boxes = [priority(*placements[n]) for n in range(1, COUNT + 1)]
    do_first = [n for n in range(1, COUNT + 1) if boxes[n - 1] == "do first"]
    if len(cells) == 1:
        out.append(failed(
            "All ten recommendations sit in the same place on the grid.",
            "Prioritising means choosing. If your organisation had time for only two of them this "
            "year, which two would they be?",
        ))
    if not any(p[0] == "high" for p in placements.values()):
        out.append(failed(
            "No recommendation has high impact.",
            "Which one would change most for migrants and their families in your area? Give it high impact.",
        ))
    if len(do_first) > MAX_DO_FIRST:
        out.append(failed(
            f"{len(do_first)} recommendations are in 'do first'.",
            f"An organisation can push two or three changes at a time. Keep at most {MAX_DO_FIRST} in "
            "'do first': which of them can wait?",
        ))
    if len(out) == 1:
        out.append(passed(f"Your grid makes choices: {len(do_first)} to do first."))
    return out


# --- who must act ------------------------------------------------------------------------------


def check_agencies(choices: dict[int, str | None]) -> list[Check]:
    """One result per recommendation: is the chosen body one that can act on it?"""
    out = []
    for n in range(1, COUNT + 1):
        choice = choices.get(n)
        rule = RESPONSIBLE[n]
        if choice is None:
            out.append(failed(f"Recommendation {n}: no body chosen yet.", "Choose who must act on it."))
        elif choice not in AGENCIES:
            raise ValueError(f"recommendation {n}: unknown agency id '{choice}' (known: {', '.join(AGENCIES)})")
        elif choice in rule.accepted:
            out.append(passed(f"Recommendation {n}: {AGENCIES[choice]} can act on this."))
        else:
            out.append(failed(f"Recommendation {n}: {AGENCIES[choice]} is not the first body to act here.", rule.hint))
    return out


# --- the SMART rewrite -------------------------------------------------------------------------

MAX_WORDS = 60


def named_actors(text: str) -> list[str]:
    """Ids of the specific bodies a text names."""
    return [agency for agency, pattern in AGENCY_WORDS.items() if pattern.search(text)]


def smart_rubric(text: str, number: int) -> list[Check]:
    """Check a rewritten recommendation: specific actor, measurable result, time frame,
    realistic scope, and still about recommendation ``number``."""
    if number not in TOPIC_WORDS:
        raise ValueError(f"recommendation number must be 1 to {COUNT}, not {number!r}")
    text = (text or "").strip()
    if not text:
        return [failed("Your SMART recommendation is empty.", f"Write your version of recommendation {number} in the box first.")]
    out = []
    actors = named_actors(text)
    if actors:
        out.append(passed(f"Specific actor: {AGENCIES[actors[0]]}. Make sure this is who must act, not who is helped."))
    elif VAGUE_ACTOR.search(text):
        out.append(failed(
            "Specific actor: 'the government' or 'the authorities' is too wide.",
            "Name the ministry or office that must act, for example 'the Ministry of Labour and "
            "Vocational Training (MoLVT)' or 'provincial authorities'.",
        ))
    else:
        out.append(failed("Specific actor: no body named.", "Start with who must act: which ministry, committee or authority?"))

    if has_measure(text):
        out.append(passed("Measurable result: a number or share says when it is done."))
    else:
        out.append(failed(
            "Measurable result: nothing to count.",
            "Say how you will know it is done, with a number or a share: '300 commune officials "
            "trained', 'every licensed agency inspected twice a year', '80% of contracts in Khmer'.",
        ))

    if has_time_frame(text):
        out.append(passed("Time frame: there is a deadline or a period."))
    else:
        out.append(failed(
            "Time frame: no deadline.",
            "Add when: 'by December 2027', 'within 12 months', 'before the next labour migration forum'.",
        ))

    words = word_count(text)
    promise = ABSOLUTE_PROMISE.search(text)
    if words > MAX_WORDS:
        out.append(failed(
            f"Realistic scope: {words} words is more than one recommendation.",
            f"Keep one action for one body, in {MAX_WORDS} words or less. Move the rest to another recommendation.",
        ))
    elif promise:
        out.append(failed(
            f"Realistic scope: '{promise.group(0)}' promises more than one body can deliver.",
            "Name a step the body can really take in the time you give it.",
        ))
    else:
        out.append(passed("Realistic scope: one action, without promising the impossible."))

    if TOPIC_WORDS[number].search(text):
        out.append(passed(f"It is still about recommendation {number}."))
    else:
        out.append(failed(
            f"It does not seem to be about recommendation {number} any more.",
            f"Read recommendation {number} again and keep its subject in your version.",
        ))
    return out
