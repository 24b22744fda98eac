"""A Sphinx extension (``_config.yml`` ``sphinx: extra_extensions``): the book's search finds
clock times. Sphinx splits "10:45" into "10" and "45", and its search page skips terms that are
numbers, so a trainer searching for "10:45" found nothing. Here a time of day is one word, both
in the search index (Python) and in the query (the page's ``splitQuery``)."""
from __future__ import annotations

import re

from sphinx.search.en import SearchEnglish

CLOCK_OR_WORD = re.compile(r"\d{1,2}:\d{2}|\w+")


class ClockTimeEnglish(SearchEnglish):
    lang = "en"
    _word_re = CLOCK_OR_WORD
    js_splitter_code = (
        "var splitQuery = (query) => query.match("
        "/\\d{1,2}:\\d{2}|[\\p{Letter}\\p{Number}_\\p{Emoji_Presentation}]+/gu) || [];"
    )

    def split(self, input: str) -> list[str]:
        return CLOCK_OR_WORD.findall(input)


def setup(app):
    app.add_search_language(ClockTimeEnglish)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
