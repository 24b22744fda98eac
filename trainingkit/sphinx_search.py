"""A Sphinx extension (``_config.yml`` ``sphinx: extra_extensions``): the book's search finds
clock times ("10:45") and words in Thai, Lao, Khmer and Burmese, on every language site.

Sphinx has no search language for km, lo, my, th or vi and falls back to English, whose
splitter cuts those scripts into fragments and "10:45" into two numbers the search page skips.
Here one search language per course language splits with :func:`trainingkit.search_terms.split`
in the index and with the same rule in the query (``splitQuery`` in language_data.js). English
stemming and stop words stay as they were, for the English text every site still has.
"""
from __future__ import annotations

from sphinx.search.en import SearchEnglish

from .languages import NATIVE_NAMES
from .search_terms import JS_SPLIT_QUERY, TOKEN, split


class ScriptAwareEnglish(SearchEnglish):
    lang = "en"
    _word_re = TOKEN
    js_splitter_code = JS_SPLIT_QUERY

    def split(self, input: str) -> list[str]:
        return split(input)


def search_language(code: str) -> type[ScriptAwareEnglish]:
    return type(f"ScriptAware_{code}", (ScriptAwareEnglish,), {"lang": code})


def setup(app):
    for code in NATIVE_NAMES:
        app.add_search_language(search_language(code))
    return {"parallel_read_safe": True, "parallel_write_safe": True}
