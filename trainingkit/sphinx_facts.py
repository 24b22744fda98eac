"""The ``{fact}`id``` and ``{fact-value}`id``` roles: a volatile fact, written once in
``datasets/facts.yaml``, shown with its as-of date, its confidence and a link to its source.

The statement sits in an ``<abbr>`` whose title (the hover text) names the sources and the
review date; the visible part "(as of 1 July 2025, confirmed ✅: C56)" prints too, so a page on paper
keeps its date and source. Nothing is fetched: the page works offline. The build stages the
facts file beside the pages (``build.stage``); the look is in ``_static/trainingkit.css``.
"""
from __future__ import annotations

import hashlib
from pathlib import Path

from docutils import nodes
from sphinx.util import logging

from .facts import CONFIDENCE, FACTS_FILE, Fact, as_of_text, load_facts

logger = logging.getLogger(__name__)
USERS = "trainingkit_fact_users"  # env attribute: docnames that cite a fact
DIGEST = "trainingkit_facts_digest"  # env attribute: the facts file these pages were read with
_loaded: dict[tuple[str, str], dict[str, Fact]] = {}


def _digest(srcdir: str) -> str:
    path = Path(srcdir) / FACTS_FILE
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else ""


def _facts(env) -> dict[str, Fact]:
    key = (env.srcdir, _digest(env.srcdir))  # never kept in the pickled environment: it would go stale
    if key not in _loaded:
        _loaded[key] = load_facts(Path(env.srcdir))
    return _loaded[key]


def _outdated(app, env, added, changed, removed):
    """A changed facts file makes every page that cites a fact out of date."""
    digest = _digest(env.srcdir)
    users = set(getattr(env, USERS, set()))
    stale = users if getattr(env, DIGEST, None) not in (None, digest) else set()
    env.trainingkit_facts_digest = digest
    return sorted(stale & set(env.found_docs))


def _purge(app, env, docname):
    getattr(env, USERS, set()).discard(docname)


def _merge(app, env, docnames, other):
    setattr(env, USERS, getattr(env, USERS, set()) | (getattr(other, USERS, set()) & set(docnames)))


def hover_text(fact: Fact) -> str:
    sources = "; ".join(f"{s.code + ' ' if s.code else ''}{s.title} <{s.url}>" for s in fact.sources)
    return (f"Source: {sources}. Confidence: {fact.confidence} {CONFIDENCE[fact.confidence]}. "
            f"As of {as_of_text(fact.as_of)}; re-check by {as_of_text(fact.review_by)}. Fact id: {fact.id}")


def fact_nodes(fact: Fact, text: str) -> list[nodes.Node]:
    """The fact's text with its hover, then "(as of DATE MARK SOURCE, SOURCE)"."""
    shown = nodes.abbreviation(text, text, explanation=hover_text(fact), classes=["fact"], ids=[])
    meta = nodes.inline("", "", classes=["fact-meta"])
    meta += nodes.Text(f" ({fact.as_of_note}: ")
    for n, source in enumerate(fact.sources[:3]):
        if n:
            meta += nodes.Text(", ")
        meta += nodes.reference(source.code or "source", source.code or "source", refuri=source.url, reftitle=source.title)
    if len(fact.sources) > 3:
        meta += nodes.Text(f" +{len(fact.sources) - 3}")
    meta += nodes.Text(")")
    return [shown, meta]


def _role(field: str):
    def role(name, rawtext, text, lineno, inliner, options=None, content=None):
        env = inliner.document.settings.env
        fact_id = text.strip()
        if not hasattr(env, USERS):
            setattr(env, USERS, set())
        getattr(env, USERS).add(env.docname)
        fact = _facts(env).get(fact_id)
        if fact is None:
            logger.warning(f"unknown fact id '{fact_id}': add it to {FACTS_FILE} or fix the id",
                           location=(env.docname, lineno), type="trainingkit", subtype="fact")
            return [nodes.literal(rawtext, fact_id)], []
        return fact_nodes(fact, fact.statement if field == "statement" else fact.short), []

    return role


def setup(app):
    app.add_role("fact", _role("statement"))
    app.add_role("fact-value", _role("value"))
    app.connect("env-get-outdated", _outdated)
    app.connect("env-purge-doc", _purge)
    app.connect("env-merge-info", _merge)
    return {"parallel_read_safe": True, "parallel_write_safe": True}

