"""The words the book's search indexes and looks up, the same in Python (index) and JavaScript (query).

Thai, Lao, Khmer and Burmese are written without spaces between words, and their vowel signs
and tone marks are not "word" characters to Sphinx: สิทธิแรงงานข้ามชาติ was indexed as
ส / ทธ / แรงงานข / ามชาต and nothing a trainee typed found it. Here every run of letters and
marks of these four scripts is cut into overlapping two-character pieces (bigrams), on both
sides: the page "สิทธิแรงงาน" gives สิ ิท ทธ ธิ ิแ แร … and a query gives the bigrams of what was
typed, which the search requires all of. Any word of two or more characters that is on a page
is found, whatever the word boundaries; the price is an occasional page that has the pieces
apart.

Why not a word segmenter: pythainlp (Thai), laonlp (Lao) and khmer-nltk (Khmer, a CRF model)
are three packages for three of the four scripts, with dictionaries of several MB, and Burmese
has none of its own; PyICU needs ICU's headers and a compiler. Above all the query is split in
the browser, and a page cut by one segmenter and a query cut by another (the browser's
``Intl.Segmenter`` has its own ICU dictionaries) disagree on exactly the words that matter.
Bigrams need no dictionary and agree by construction.

A time of day ("10:45") is one word (trainers search the programme by clock time); everything
else is split as Sphinx splits it.
"""
from __future__ import annotations

import re
import unicodedata

# Unicode blocks: Thai, Lao, Myanmar, Khmer, Khmer Symbols, Myanmar Extended-B, Myanmar Extended-A.
BLOCKS = ((0x0E00, 0x0E7F), (0x0E80, 0x0EFF), (0x1000, 0x109F), (0x1780, 0x17FF), (0x19E0, 0x19FF),
          (0xA9E0, 0xA9FF), (0xAA60, 0xAA7F))


def _letter_ranges() -> str:
    """The letters and marks of :data:`BLOCKS` (not their digits or punctuation) as a character
    class body of ``\\uXXXX`` ranges, which Python's and JavaScript's regexes read alike."""
    points = [cp for start, end in BLOCKS for cp in range(start, end + 1)
              if unicodedata.category(chr(cp))[0] in "LM"]
    ranges, first = [], points[0]
    for previous, cp in zip(points, points[1:] + [None]):
        if cp != previous + 1:
            ranges.append((first, previous))
            first = cp
    return "".join(f"\\u{a:04X}" if a == b else f"\\u{a:04X}-\\u{b:04X}" for a, b in ranges)


SCRIPT_LETTERS = _letter_ranges()
CLOCK = r"\d{1,2}:\d{2}"
TOKEN = re.compile(rf"{CLOCK}|(?P<run>[{SCRIPT_LETTERS}]+)|[^\W{SCRIPT_LETTERS}]+")


def pieces(run: str) -> list[str]:
    """The overlapping two-character pieces of a run of one of the four scripts."""
    return [run] if len(run) <= 2 else [run[i:i + 2] for i in range(len(run) - 1)]


def split(text: str) -> list[str]:
    """The search terms of ``text``: words, clock times, and bigrams of the four scripts."""
    terms = []
    for match in TOKEN.finditer(text):
        run = match.group("run")
        terms.extend(pieces(run) if run else [match.group()])
    return terms


# The same, for searchtools.js (it calls a global ``splitQuery`` when language_data.js defines one).
# Other words are what Sphinx's own splitQuery keeps: letters, numbers, _ and emoji.
JS_SPLIT_QUERY = f"""
var splitQuery = (query) => {{
  const token = /{CLOCK}|([{SCRIPT_LETTERS}]+)|(?:(?![{SCRIPT_LETTERS}])[\\p{{Letter}}\\p{{Number}}_\\p{{Emoji_Presentation}}])+/gu;
  const terms = [];
  for (const match of query.matchAll(token)) {{
    const run = match[1];
    if (!run) {{ terms.push(match[0]); continue; }}
    if (run.length <= 2) {{ terms.push(run); continue; }}
    for (let i = 0; i < run.length - 1; i++) terms.push(run.slice(i, i + 2));
  }}
  return terms;
}};
"""
