"""Self-check results: a check says what is right, and when something is not, what to look at.

A check function takes the trainee's answer and returns :class:`Check` (or a list of them).
Results are shown one way everywhere: :class:`Results` (a list of checks) renders itself as the
same HTML list, whether a cell ends with it, :func:`show` displays it, or a view's results pane
holds it. Check functions are pure, so tests call them directly with right and typical wrong
answers.

A scored rubric is a list of :class:`Criterion` lines (points, what was seen, how to improve).
A pass/fail rubric's words can be kept as data: a :data:`Ladder` gives, for each criterion and
outcome, the message and the hint (with ``{placeholders}``), and :func:`rung` turns one into a
check.
"""
from __future__ import annotations

import html
import string
from dataclasses import dataclass
from typing import Iterable

from pydantic import BaseModel, ConfigDict, field_validator


@dataclass(frozen=True)
class Check:
    ok: bool
    message: str  # what was checked, in a trainee's words
    hint: str | None = None  # for a wrong answer: what to look at, never just "wrong"


def passed(message: str) -> Check:
    return Check(True, message)


def failed(message: str, hint: str) -> Check:
    return Check(False, message, hint)


def as_html(results: Check | Iterable[Check]) -> str:
    items = [results] if isinstance(results, Check) else list(results)
    rows = []
    for r in items:
        mark, colour = ("✔", "#1b5e20") if r.ok else ("✘", "#8b1a1a")
        hint = f"<br><em>Hint:</em> {html.escape(r.hint)}" if r.hint and not r.ok else ""
        rows.append(
            f'<li style="list-style:none"><span style="color:{colour};font-weight:bold" aria-hidden="true">{mark}</span> '
            f'<span class="sr-only">{"correct" if r.ok else "not yet"}:</span> {html.escape(r.message)}{hint}</li>'
        )
    return f'<ul class="trainingkit-checks">{"".join(rows)}</ul>'


class Results(list):
    """Check results that show themselves as the check list when a cell ends with them."""

    def _repr_html_(self) -> str:
        return as_html(self)


def results(checks: Check | Iterable[Check]) -> Results:
    return Results([checks] if isinstance(checks, Check) else checks)


def show(checks: Check | Iterable[Check]) -> None:
    """Display check results in the notebook."""
    from IPython.display import display

    display(results(checks))


@dataclass(frozen=True)
class Criterion:
    """One line of a scored rubric: points, what the rubric saw, and how to improve."""

    name: str
    points: int
    max_points: int
    seen: str
    suggestion: str | None = None

    @property
    def check(self) -> Check:
        return Check(self.points == self.max_points, f"{self.name}: {self.points}/{self.max_points}. {self.seen}", self.suggestion)


def score(name: str, parts: list[tuple[bool, str, str]]) -> Criterion:
    """Score a criterion of several parts: each part is (met, what was seen, suggestion if not met)."""
    seen = " ".join(s for met, s, _ in parts if met) or "Not found yet."
    suggestions = [tip for met, _, tip in parts if not met]
    return Criterion(name, sum(met for met, _, _ in parts), len(parts), seen, " ".join(suggestions) or None)


def total(criteria: list[Criterion]) -> tuple[int, int]:
    return sum(c.points for c in criteria), sum(c.max_points for c in criteria)


def rubric_html(criteria: list[Criterion]) -> str:
    """A scored rubric as a table: points, what was seen, and a suggestion where points are missing."""
    rows = "".join(
        f"<tr><td>{html.escape(c.name)}</td><td>{c.points}/{c.max_points}</td><td>{html.escape(c.seen)}</td>"
        f"<td>{html.escape(c.suggestion or '')}</td></tr>"
        for c in criteria
    )
    got, best = total(criteria)
    return (
        "<table><thead><tr><th>Criterion</th><th>Points</th><th>What the rubric saw</th><th>How to improve</th></tr></thead>"
        f"<tbody>{rows}<tr><td><b>Total</b></td><td><b>{got}/{best}</b></td><td></td><td></td></tr></tbody></table>"
    )


class Rubric(list):
    """A scored rubric (a list of criteria) that shows itself as its table."""

    def _repr_html_(self) -> str:
        return rubric_html(self)



PASS = "pass"


class Rung(BaseModel):
    """What a rubric says for one outcome of one criterion; ``{name}`` fills in a value."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    message: str
    hint: str | None = None

    @field_validator("message", "hint")
    @classmethod
    def _placeholders(cls, text):
        try:
            list(string.Formatter().parse(text or ""))
        except ValueError as exc:
            raise ValueError(f"a {{placeholder}} is broken ({exc})") from None
        return text

    def names(self) -> set[str]:
        return {name for text in (self.message, self.hint or "")
                for _, name, _, _ in string.Formatter().parse(text) if name}


Ladder = dict[str, dict[str, Rung]]  # criterion -> outcome ("pass", or a way to fail) -> words


def rung(ladder: Ladder, criterion: str, outcome: str, **values) -> Check:
    """The check for ``outcome`` of ``criterion``: it passes only for the outcome "pass"."""
    words = ladder[criterion][outcome]
    return Check(outcome == PASS, words.message.format(**values), words.hint.format(**values) if words.hint else None)


def ladder_problems(ladder: Ladder, outcomes: dict[str, dict[str, set[str]]]) -> list[str]:
    """What a ladder lacks against ``outcomes`` ({criterion: {outcome: allowed placeholders}})."""
    problems = []
    for criterion, expected in outcomes.items():
        given = ladder.get(criterion, {})
        missing = [o for o in expected if o not in given]
        if missing:
            problems.append(f"{criterion}: no words for {', '.join(missing)}")
        for outcome, words in given.items():
            if outcome not in expected:
                problems.append(f"{criterion}/{outcome}: unknown outcome (use {', '.join(expected)})")
            elif words.names() - expected[outcome]:
                unknown = ", ".join(sorted(words.names() - expected[outcome]))
                allowed = ", ".join(sorted(expected[outcome])) or "none"
                problems.append(f"{criterion}/{outcome}: unknown placeholder {unknown} (allowed: {allowed})")
    problems += [f"{c}: unknown criterion" for c in ladder if c not in outcomes]
    return problems
