"""Sphinx extension for the participant sites in other languages (see
:mod:`trainingkit.translations.sites`): a language switcher on every page, the draft note on a
site that shows drafts, and every paragraph or heading left in English marked as English
(``lang="en"`` and an "EN" mark), so a trainee never takes a silent mix for a translation."""
from __future__ import annotations

import html
import re
from pathlib import Path

from docutils import nodes

from .translations.sites import SITE_LOCALES

ENGLISH = "tk-english"
LETTERS = re.compile(r"[A-Za-z]{3,}")
STYLE = (
    "<style>.tk-lang-bar{border-bottom:1px solid #ccc;margin:0 0 1em;padding:.3em 0;font-size:.95em}"
    ".tk-lang-bar nav{display:flex;flex-wrap:wrap;gap:.2em .8em}"
    ".tk-lang-bar a{display:inline-block;min-height:44px;line-height:44px}"
    ".tk-lang-bar a[aria-current]{font-weight:700;text-decoration:none}"
    ".tk-lang-bar .tk-draft{border-left:4px solid #8a4b00;background:#fff4e5;color:#3d2200;padding:.4em .6em;margin:.3em 0}"
    ".tk-english::before{content:'EN';font-size:.7em;font-weight:700;border:1px solid #666;border-radius:3px;"
    "padding:0 .25em;margin-right:.4em;color:#333;vertical-align:middle}</style>"
)


def mark_english(app, doctree, docname) -> None:
    """Paragraphs and headings Sphinx did not translate stay English: say so."""
    if not app.config.language or app.config.language == "en":
        return
    for node in doctree.findall(lambda n: isinstance(n, (nodes.paragraph, nodes.title))):
        if node.get("translated") or not LETTERS.search(node.astext()):
            continue
        if isinstance(node.parent, (nodes.admonition, nodes.sidebar)) and isinstance(node, nodes.title):
            continue
        node["classes"].append(ENGLISH)


def _relative_site(pagename: str, site: str) -> str:
    up = "../" * pagename.count("/")
    return f"{up}../../{site}/html/{pagename}.html"


def add_bar(app, pagename, templatename, context, doctree) -> None:
    languages = app.config.tk_languages
    if "body" not in context or not languages:
        return
    current = app.config.language or "en"
    here = ' aria-current="page"'
    links = " ".join(
        f'<a href="{html.escape(_relative_site(pagename, site))}" lang="{code}" hreflang="{code}"'
        f'{here if code == current else ""}>{html.escape(name)}</a>'
        for code, name, site in languages)
    note = (f'<p class="tk-draft" role="note" lang="en">{html.escape(app.config.tk_draft_note)}</p>'
            if app.config.tk_draft_note else "")
    bar = f'{STYLE}<div class="tk-lang-bar"><nav aria-label="Language">{links}</nav>{note}</div>'
    body = re.sub(r'class="([^"]*\b' + ENGLISH + r'\b[^"]*)"', r'class="\1" lang="en"', context["body"])
    context["body"] = bar + body


def theme_words(app, config) -> None:
    """The kit's translations of the book theme's words (``booktheme.mo``, staged by
    translations/sites.py), after the theme's own catalogue: where it has a word, it stays."""
    if config.language and config.language != "en":
        app.add_message_catalog("booktheme", str(Path(app.srcdir) / SITE_LOCALES))


def search_box_text(app, pagename, templatename, context, doctree) -> None:
    """Jupyter Book sets the search box's text as a theme option, which no catalogue translates."""
    if app.config.language and app.config.language != "en" and context.get("theme_search_bar_text"):
        from sphinx.locale import get_translation

        context["theme_search_bar_text"] = get_translation("booktheme")(context["theme_search_bar_text"])


def setup(app):
    app.connect("config-inited", theme_words)
    app.connect("html-page-context", search_box_text, priority=900)  # after the book theme's own handler
    app.add_config_value("tk_languages", [], "html")
    app.add_config_value("tk_draft_note", "", "html")
    app.connect("doctree-resolved", mark_english)
    app.connect("html-page-context", add_bar)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
