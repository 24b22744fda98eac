"""Burmese typed in Zawgyi: told from Unicode so that the two are never silently mixed.

Many phones in Myanmar still use the Zawgyi font, which puts Burmese letters on the code points
of the Myanmar block in another order and with other meanings. Zawgyi text looks right on a
Zawgyi phone and like broken Burmese everywhere else; mixed with Unicode comments it cannot be
searched, counted or read by one reader. Google's detector (myanmartools) gives the probability
that a text is Zawgyi.

The rule (what an organiser expects: nothing a trainee wrote is lost, nothing is mixed unseen):
a text answer that is Zawgyi is stored exactly as typed (not NFC-normalised, which could reorder
its marks and spoil a later conversion), recorded in the ``answer_flags`` table, and named in the
import report with its line and column. The file is not refused: the trainee cannot retype a
comment weeks later, and a converter (e.g. ICU's Zawgyi-my transform) can be run on the flagged
answers.
"""
from __future__ import annotations

import re
import warnings
from functools import lru_cache

MYANMAR = re.compile("[\u1000-\u109f\uaa60-\uaa7f\ua9e0-\ua9ff]")
ZAWGYI = "zawgyi"
THRESHOLD = 0.95  # the detector's authors' advice for a confident call on short texts


@lru_cache(maxsize=1)
def _detector():
    from myanmartools import ZawgyiDetector

    with warnings.catch_warnings():  # it reads its model with importlib.resources' old open_binary
        warnings.simplefilter("ignore", DeprecationWarning)
        return ZawgyiDetector()


def zawgyi_probability(text: str) -> float:
    """0–1: how likely ``text`` is Burmese in Zawgyi; 0 for text with no Myanmar letters."""
    if not isinstance(text, str) or text.isascii() or not MYANMAR.search(text):
        return 0.0
    return max(0.0, _detector().get_zawgyi_probability(text))


def is_zawgyi(text: str) -> bool:
    return zawgyi_probability(text) >= THRESHOLD


def flagged_rows(rows: list[tuple]) -> list[tuple[str, str, str, str]]:
    """The ``answer_flags`` rows (response_id, session, question, flag) for answer rows
    (response_id, session, question, value) whose value is Zawgyi."""
    # an import sends millions of rows through here: most values are ASCII, tested inline
    return [(rid, session, question, ZAWGYI) for rid, session, question, value in rows
            if isinstance(value, str) and not value.isascii() and is_zawgyi(value)]
