"""The origin exercise's checks (pure): the grid makes choices, each recommendation has a body
that can act on it, and the SMART rewrite has a specific actor, a measure, a time frame, a
realistic scope and its subject."""
from __future__ import annotations

from ..kit.checks import PASS, Check, failed, passed, rung
from ..kit.wording import ABSOLUTE_PROMISE, has_measure, has_time_frame, word_count
from .model import COUNT, MAX_DO_FIRST, MAX_WORDS, TOPIC_WORDS, VAGUE_ACTOR, Placement, key, named_actors, priority


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


def check_agencies(choices: dict[int, str | None]) -> list[Check]:
    """One result per recommendation: is the chosen body one that can act on it?"""
    k = key()
    out = []
    for n in range(1, COUNT + 1):
        choice = choices.get(n)
        rule = k.responsible[n]
        if choice is None:
            out.append(failed(f"Recommendation {n}: no body chosen yet.", "Choose who must act on it."))
        elif choice not in k.agencies:
            raise ValueError(f"recommendation {n}: unknown agency id '{choice}' (known: {', '.join(k.agencies)})")
        elif choice in rule.accepted:
            out.append(passed(f"Recommendation {n}: {k.agencies[choice]} can act on this."))
        else:
            out.append(failed(f"Recommendation {n}: {k.agencies[choice]} is not the first body to act here.", rule.hint))
    return out


def smart_rubric(text: str, number: int) -> list[Check]:
    """Check a rewritten recommendation: specific actor, measurable result, time frame,
    realistic scope, and still about recommendation ``number``. The words are the key's
    ``smart`` ladder; this function only decides which rung each criterion reaches."""
    if number not in TOPIC_WORDS:
        raise ValueError(f"recommendation number must be 1 to {COUNT}, not {number!r}")
    k = key()
    text = (text or "").strip()
    if not text:
        return [rung(k.smart, "empty", "fail", number=number)]
    actors = named_actors(text)
    if actors:
        actor = rung(k.smart, "actor", PASS, agency=k.agencies[actors[0]])
    else:
        actor = rung(k.smart, "actor", "vague" if VAGUE_ACTOR.search(text) else "missing")
    words, promise = word_count(text), ABSOLUTE_PROMISE.search(text)
    if words > MAX_WORDS:
        scope = rung(k.smart, "scope", "long", words=words, max_words=MAX_WORDS)
    elif promise:
        scope = rung(k.smart, "scope", "promise", promise=promise.group(0))
    else:
        scope = rung(k.smart, "scope", PASS)
    return [
        actor,
        rung(k.smart, "measure", PASS if has_measure(text) else "fail"),
        rung(k.smart, "time", PASS if has_time_frame(text) else "fail"),
        scope,
        rung(k.smart, "topic", PASS if TOPIC_WORDS[number].search(text) else "fail", number=number),
    ]


CHECKS = (check_grid, check_agencies, smart_rubric)


def check_all(placements: dict[int, Placement], choices: dict[int, str | None], text: str, number: int) -> list[Check]:
    """All three parts, in the order a trainee works."""
    return [*check_grid(placements), *check_agencies(choices), *smart_rubric(text, number)]
