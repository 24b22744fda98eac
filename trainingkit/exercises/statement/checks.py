"""The statement rubric (pure): audience, ask, evidence, solution and length, two points each.

It reads signs in the text (a body's name, an ask, a number with its source …), says what it
saw and what seems missing; people judge the rest.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..kit.checks import Check, Criterion, Rubric, score
from ..kit.wording import word_count
from .model import MAX_WORDS, MIN_WORDS, bodies


def _words(pattern: str) -> re.Pattern:
    return re.compile(pattern, re.I)


ASK = _words(r"\b(call(s|ing)? (on|upon)|urge[sd]?|ask(s|ed)?|request(s|ed)?|recommend(s|ed)?|demand(s|ed)?|appeal(s)? to|should|must)\b")
ACTOR_WORDS = (r"member states|governments?|ministr(y|ies)|ministers?|leaders|secretariat|employers|"
               r"\b(cambodia|laos|lao pdr|myanmar|thailand|viet ?nam)\b")


@lru_cache(maxsize=4)
def _actor(names: tuple[str, ...]) -> re.Pattern:
    return _words("|".join((ACTOR_WORDS, *names)))


def actor_pattern() -> re.Pattern:
    """Who an ask may name as the one to act: states, ministries, and every body of the key."""
    return _actor(tuple(b.names.pattern for b in bodies().values()))


YEAR = re.compile(r"\b(19|20)\d{2}\b")
SOURCE = _words(
    r"according to|\bsource|\bas of\b|\breport|\bsurvey|\bstudy|\bresearch|statistics|data from|"
    r"\([^()]*\b(19|20)\d{2}\b[^()]*\)"
)
MEASURE_VERB = _words(
    r"\b(establish|set up|create|adopt|ratify|amend|enforce|monitor|publish|train|fund|include|review|"
    r"regulate|ban|stop|end|guarantee|ensure|provide|allow|recogni[sz]e|implement|reduce|cap|abolish|"
    r"introduce|develop|protect|inspect|register)\w*"
)
BENEFIT = _words(
    r"so that|in order to|this (will|would)|which (will|would)|as a result|benefit|"
    r"\bwill (help|protect|reduce|allow|give|save|mean)|\bwould (help|protect|reduce|allow|give|save|mean)|safer|fewer"
)


def _sentences(text: str) -> list[str]:
    """Sentences and separate lines of a statement (a wrapped line break does not end a sentence)."""
    return [s for s in re.split(r"(?<=[.!?;:])\s+|\n\s*\n", text) if s.strip()]


def score_statement(text: str, body_id: str) -> Rubric:
    """Score a statement to ``body_id`` on audience, ask, evidence, solution and length."""
    known = bodies()
    if body_id not in known:
        raise ValueError(f"unknown ASEAN body '{body_id}' (known: {', '.join(known)})")
    body = known[body_id]
    text = text or ""
    asks = [s for s in _sentences(text) if ASK.search(s)]
    without_years = YEAR.sub(" ", text)
    words = word_count(text)
    if words > MAX_WORDS:
        length = Criterion("Length", 0, 2, f"{words} words.", f"Cut {words - MAX_WORDS} words: the limit is {MAX_WORDS}. Keep the ask and the evidence; cut background.")
    elif words < MIN_WORDS:
        length = Criterion("Length", 1 if words else 0, 2, f"{words} words.",
                           f"At {words} words there is little room for the problem, the evidence and the ask: aim for {MIN_WORDS} to {MAX_WORDS} words.")
    else:
        length = Criterion("Length", 2, 2, f"{words} words, within the limit of {MAX_WORDS}.")
    return Rubric([
        score("Audience", [
            (bool(body.names.search(text)), f"Names the {body.id if body.id != 'Leaders' else 'leaders'}.",
             f"Name the body you write to, for example in the first line: 'To the {body.name}'."),
            (bool(body.mandate_words.search(text)), "Speaks to its mandate.", body.mandate_hint),
        ]),
        score("Ask", [
            (bool(asks), "Makes an ask.", "Say clearly what you want done: 'We call on … to …'."),
            (any(actor_pattern().search(s) for s in asks), "Says who must act.",
             "In the sentence with your ask, name who must act: the body itself, ASEAN member states, or a government or ministry."),
        ]),
        score("Evidence", [
            (bool(re.search(r"\d", without_years)), "Gives a fact with a number.",
             "Add one fact with a number: how many workers, how much money, how many cases."),
            (bool(SOURCE.search(text)), "Says where a fact comes from.",
             "Say where your fact comes from: 'according to …', or the source and year in brackets."),
        ]),
        score("Solution", [
            (bool(MEASURE_VERB.search(text)), "Proposes a concrete measure.",
             "Propose a measure the body can take: adopt, set up, monitor, publish, review …"),
            (bool(BENEFIT.search(text)), "Says what would change.",
             "Say what gets better if they act ('so that …', 'this will …'): the benefits part of your message box."),
        ]),
        length,
    ])


CHECKS = (score_statement,)


def check_all(text: str, body_id: str) -> list[Check]:
    """The rubric as pass/fail checks: a criterion passes with full points."""
    return [c.check for c in score_statement(text, body_id)]

