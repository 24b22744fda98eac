"""Self-check results: a check says what is right, and when something is not, what to look at.

A check function takes the trainee's answer and returns :class:`Check` (or a list of them);
:func:`show` displays them in the notebook. Check functions are pure, so tests call them
directly with right and typical wrong answers.
"""
from __future__ import annotations

import html
from dataclasses import dataclass
from typing import Iterable


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


def show(results: Check | Iterable[Check]) -> None:
    """Display check results in the notebook."""
    from IPython.display import HTML, display

    display(HTML(as_html(results)))
