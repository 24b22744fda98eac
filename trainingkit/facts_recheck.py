"""The trainer page "Facts to re-check before this delivery": every volatile fact, where the
course uses it, how old it is and where to check it. A pure function to MyST Markdown; the
build writes it in place of a ```{facts-recheck}``` block (``pages.expand_blocks``)."""
from __future__ import annotations

import datetime as dt
from typing import Callable

from .facts import CONFIDENCE_SHORT, Fact, age_text, as_of_text

PAGE_SUFFIXES = (".ipynb", ".md")


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _used_in(files: list[str], page_link: Callable[[str], str | None]) -> str:
    if not files:
        return "not cited yet"
    out = []
    for rel in files:
        target = page_link(rel) if rel.endswith(PAGE_SUFFIXES) else None
        name = rel.rsplit("/", 1)[-1].rsplit(".", 1)[0]
        out.append(f"[{name}]({target})" if target else f"{rel.rsplit('/', 1)[-1]} (data)")
    return ", ".join(out)


def recheck_markdown(facts: dict[str, Fact], uses: dict[str, list[str]], today: dt.date,
                     page_link: Callable[[str], str | None] = lambda rel: None) -> str:
    """Tables of every fact, the most urgent first: past its review date, then by review date.

    ``page_link`` turns a page's file (``modules/day1/x.ipynb``) into a link from this page,
    or None where the file is not a page of the book.
    """
    ordered = sorted(facts.values(), key=lambda f: (not f.stale(today), f.review_by, f.id))
    stale = [f for f in ordered if f.stale(today)]
    lines = [
        f"This list was made on {as_of_text(today)}, when the book was built. It holds "
        f"{len(ordered)} facts; {len(stale)} {'is' if len(stale) == 1 else 'are'} past "
        "the date by which they must be checked again.",
        "",
        "| Fact | Confidence | As of · age · re-check by | Used in | Where to check |",
        "|---|---|---|---|---|",
    ]
    for fact in ordered:
        due = f"**{as_of_text(fact.review_by)} (overdue)**" if fact.stale(today) else as_of_text(fact.review_by)
        sources = "; ".join(f"[{_cell(s.code or s.title)}]({s.url})" for s in fact.sources)
        lines.append(
            f"| {_cell(fact.statement)} (`{fact.id}`) | {fact.confidence} {CONFIDENCE_SHORT[fact.confidence]} | {as_of_text(fact.as_of)} · "
            f"{age_text(fact, today)} · re-check by {due} | {_used_in(uses.get(fact.id, []), page_link)} | {sources} |"
        )
    return "\n".join(lines)
