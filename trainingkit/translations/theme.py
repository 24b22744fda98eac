"""The theme's interface words on every page of a participant site, as the kit's own ``theme`` domain.

Sphinx, pydata-sphinx-theme and sphinx-book-theme ship these words in Vietnamese (Sphinx) and
partly in Thai (the book theme), and not at all in Khmer, Lao or Burmese, so "Search",
"Contents" and the buttons stayed English. The kit translates them through its PO workflow like
every other text (``locales/<lang>/LC_MESSAGES/theme.po``), and a language site passes the
entries a trainee may see to Sphinx as its ``sphinx`` catalogue (Sphinx's and pydata's words;
Sphinx puts a project's catalogue before its own) and as the book theme's ``booktheme`` catalogue
(which comes after the theme's own: where the theme has a Thai word, that word stays).

Each ``msgid`` is the English exactly as the theme's templates write it, or Sphinx finds no
translation; the note says where a trainee sees it.
"""
from __future__ import annotations

THEME_DOMAINS = ("sphinx", "booktheme")  # the message catalogues of Sphinx / pydata and of the book theme

THEME_STRINGS = (
    ("Search", "the search button and the search page's title"),
    ("Search this book...", "the text in the empty search box"),
    ("Contents", "heading of the page's table of contents (top right)"),
    ("On this page", "heading of the page's table of contents (right-hand column)"),
    ("Back to top", "the button that scrolls back to the top of the page"),
    ("Skip to main content", "a link for keyboard and screen-reader users at the top of every page"),
    ("previous", "above the link to the previous page, at the bottom of a page"),
    ("next", "above the link to the next page, at the bottom of a page"),
    ("Print to PDF", "the download menu: print the page as PDF"),
    ("Download this page", "the download menu's button"),
    ("Download source file", "the download menu: the page's source"),
    ("Fullscreen mode", "the button that shows the page full screen"),
    ("Light", "colour mode: light"),
    ("Dark", "colour mode: dark"),
    ("Index", "the link to the book's index"),
    ("Search Results", "heading of the search page's results"),
    ("Please activate JavaScript to enable the search functionality.", "the search page, without JavaScript"),
)
