"""Comments travel from an imported file to the trainer edition as text, never as markup: each
MyST and Markdown construct a trainee could type (directives and ``:::`` fences, ``{raw}`` roles,
``$`` maths, code fences, HTML, links, headings, lists) is read back from the built page as the
very words that were typed, and nothing of it becomes an element of the page."""
from __future__ import annotations

import csv
import shutil

import pytest
from bs4 import BeautifulSoup

from conftest import REPO
from coursefactory import edit_notebook, standard_day, write_course
from trainingkit.build import build
from trainingkit.feedback import FeedbackStore
from trainingkit.feedback.imports import import_file

pytestmark = pytest.mark.slow

COMMENTS = [
    ":::{warning}\nA box of my own\n:::",
    "::: {note} :class: evil-class",
    "```{raw} html\n<script>alert(1)</script>\n```",
    "{raw}`html <b>bold</b>` and {sub-ref}`today`",
    "It cost $500 for the venue and $200 for the lunch",
    "$$\\frac{1}{2}$$ and $x^2$ of it",
    "```python\nimport os\n```",
    "<img src=x onerror=alert(1)> <div class=pilot-feedback>a div</div>",
    "[click](javascript:alert(1)) ![i](x.png) <https://example.org>",
    "See evil.com, www.example.org or mailto:someone and ftp://x/y",
    "# A heading\n- a list\n1. an item\n> a quote",
    "{{ substitution }} &amp; *bold* _it_ | a | table |",
    "~~~\nfenced with tildes\n~~~",
    "(target)=\n(label)= %comment --- ***",
    "Term\n: a definition list",
    "```{code-cell} python\nprint('ran')\n```",
]
SESSIONS = [f"d{day}-s{n}" for day in (1, 2) for n in range(1, 6)]
PARTICIPANTS = [f"P{n:02d}" for n in range(1, 7)]  # six daily forms a day: over min_cell, so comments are shown


def tidy_feedback(path) -> dict[str, list[str]]:
    """A tidy file of two days of daily forms; each session gets (at most) three of COMMENTS."""
    given: dict[str, list[str]] = {}
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(["response_id", "form_id", "participant", "submitted_at", "session", "question", "value"])
        for day in (1, 2):
            for p, code in enumerate(PARTICIPANTS):
                rid, when = f"d{day}-{code}", f"2016-06-0{3 + day}T17:00:00Z"
                writer.writerow([rid, "daily", code, when, "", "day", str(day)])
                writer.writerow([rid, "daily", code, when, "", "pace", "about_right"])
                for n in range(1, 6):
                    session = f"d{day}-s{n}"
                    writer.writerow([rid, "daily", code, when, session, "useful", str(1 + (p + n) % 5)])
                    slot = SESSIONS.index(session) * 3 + p
                    if p < 3 and slot < len(COMMENTS):
                        writer.writerow([rid, "daily", code, when, session, "comment", COMMENTS[slot]])
                        given.setdefault(session, []).append(COMMENTS[slot])
    return given


def typeset(comment: str) -> str:
    """The words as the page shows them: on one line, and with Sphinx's smart quotes, which set
    ``---`` as a dash and straight quotes as curly ones in all text of the book (typography of
    the same words, not markup)."""
    return " ".join(comment.split()).replace("---", "\u2014").replace("'ran'", "\u2018ran\u2019")


def rated(nb):
    nb.cells[0].source = nb.cells[0].source.replace("---\n", "---\nrated: true\n", 1)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = write_course(tmp_path_factory.mktemp("course") / "course", {1: standard_day(1), 2: standard_day(2)})
    for path in root.glob("modules/day*/*.ipynb"):
        edit_notebook(path, rated)
    (root / "feedback/forms").mkdir(parents=True)
    shutil.copy2(REPO / "feedback/forms/daily.yml", root / "feedback/forms/daily.yml")
    store = FeedbackStore(root=root)  # the course's own store: var/feedback.sqlite, cohort "test"
    given = tidy_feedback(root / "daily.csv")
    assert import_file(store, root / "daily.csv").stored == 2 * len(PARTICIPANTS)
    store.close()
    build(root, editions=("trainer",), cache_dir=tmp_path_factory.mktemp("cache"))
    return root, given


def pilot_box(root, session: str):
    page = root / f"_build/trainer/html/modules/day{session[1]}/{session}-topic.html"
    box = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").select_one("div.pilot-feedback")
    assert box is not None, f"{session}: no pilot feedback box"
    return box


def test_every_construct_is_read_back_from_the_built_page_as_the_words_typed(built):
    root, given = built
    assert sum(len(c) for c in given.values()) == len(COMMENTS)
    shown = {session: [li.get_text() for li in pilot_box(root, session).select("li")] for session in given}
    assert shown == {session: [typeset(c) for c in comments] for session, comments in given.items()}


def test_no_comment_becomes_an_element_of_the_page(built):
    root, given = built
    for session in given:
        box = pilot_box(root, session)
        tags = {tag.name for tag in box.find_all(True)}
        assert tags <= {"p", "div", "span", "ul", "li", "strong"}, (session, tags)
        assert box.select("div.admonition") == [] and box.select("div.pilot-feedback") == []
        assert not box.select(".math, script, img, a, pre, code, h1, ol, blockquote, dl, table, em, del")
        assert {" ".join(d.get("class", [])) for d in box.find_all("div")} == {"likert-bar"}, session
