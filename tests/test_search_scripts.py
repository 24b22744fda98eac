"""The book's search finds words in Thai, Khmer, Lao and Burmese: the index (Python, Sphinx's
search builder) and the query (searchtools.js in Chromium) cut these scripts the same way.

The slow test builds a small planted course's participant site in th, km, lo and my through
the real build (Sphinx's IndexBuilder, searchtools.js) and searches each site from disk, with
every request off the machine refused."""
from __future__ import annotations

import pytest

from browser import require_chromium
from coursefactory import edit_notebook, markdown
from test_translations import make_course, translate
from trainingkit.build import build
from trainingkit.search_terms import JS_SPLIT_QUERY, split
from trainingkit.translations.extract import extract

# (language, the page's sentence, a word of it to search for, a word of that language not on the page)
PLANTED = {
    "th": ("สิทธิแรงงานข้ามชาติเป็นสิทธิมนุษยชน", "แรงงานข้ามชาติ", "ประชาคมอาเซียน"),
    "km": ("ពលករចំណាកស្រុកមានសិទ្ធិ", "ពលករ", "សហគមន៍អាស៊ាន"),
    "lo": ("ແຮງງານເຄື່ອນຍ້າຍມີສິດ", "ແຮງງານ", "ປະຊາຄົມອາຊຽນ"),
    "my": ("ရွှေ့ပြောင်းအလုပ်သမားများ၏အခွင့်အရေး", "အလုပ်သမား", "အာဆီယံအသိုက်အဝန်း"),
}
ENGLISH = {code: f"PLANTED-SEARCH-{code} sentence for the search test." for code in PLANTED}


def test_a_run_of_these_scripts_becomes_overlapping_pairs_and_other_words_stay_whole():
    assert split("สิทธิ at 10:45, workers") == ["สิ", "ิท", "ทธ", "ธิ", "at", "10:45", "workers"]
    # the fragments Sphinx made before (ส / ทธ / แรงงานข / ามชาต) are gone: every pair is kept
    assert "".join(t[0] for t in split("สิทธิแรงงานข้ามชาติ")) + "ิ" == "สิทธิแรงงานข้ามชาติ"
    assert split("ពលករ។ អាស៊ាន") == ["ពល", "លក", "ករ", "អា", "ាស", "ស៊", "៊ា", "ាន"]  # ។ is punctuation
    assert split("abcไทย") == ["abc", "ไท", "ทย"]
    assert split("ก") == ["ก"]


def test_the_query_splitter_in_the_browser_agrees_with_the_index(page):
    require_chromium()
    page.set_content(f"<script>{JS_SPLIT_QUERY}</script>")
    texts = [sentence for sentence, _, _ in PLANTED.values()] + ["Migrant workers at 10:45 ไทยtext", "ก ข"]
    for text in texts:
        assert page.evaluate("t => splitQuery(t)", text) == split(text), text


@pytest.fixture(scope="module")
def sites(tmp_path_factory):
    root = make_course(tmp_path_factory.mktemp("search") / "c", {code: "released" for code in PLANTED})
    (root / "_config.yml").write_text(
        "title: Test book\nonly_build_toc_files: true\nexecute:\n  execute_notebooks: 'off'\n"
        "sphinx:\n  extra_extensions: [trainingkit.sphinx_search]\n  config:\n    html_show_search_summary: false\n"
        "    html_context:\n      default_mode: light\n")
    edit_notebook(root / "modules/day1/d1-s2-topic.ipynb", lambda nb: nb.cells.extend(
        markdown(english) for english in ENGLISH.values()))
    build(root, ("participant",))
    extract(root)
    for code, (sentence, _, _) in PLANTED.items():
        translate(root, code, "modules", {ENGLISH[code]: sentence}, reviewed=True)
    build(root, ("participant",), languages=tuple(PLANTED))
    return root


def search(page, root, site: str, query: str) -> list[str]:
    page.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file:") else route.abort())
    url = (root / "_build" / site / "html/search.html").as_uri()
    page.goto(f"{url}?q={query}")
    page.wait_for_function("document.querySelector('#search-results .search-summary')?.textContent.length > 0",
                           timeout=20_000)
    return page.locator("#search-results ul.search li a").evaluate_all("links => links.map(a => a.getAttribute('href'))")


@pytest.mark.slow
@pytest.mark.parametrize("code", PLANTED)
def test_chromium_search_finds_a_word_of_each_script_on_its_page(sites, page, code):
    sentence, word, absent = PLANTED[code]
    html = (sites / "_build" / f"participant-{code}" / "html/modules/day1/d1-s2-topic.html").read_text(encoding="utf-8")
    assert sentence in html
    found = search(page, sites, f"participant-{code}", word)
    assert [href for href in found if "d1-s2-topic" in href], found
    assert search(page, sites, f"participant-{code}", absent) == []  # a word not on any page finds nothing
    assert page.console_errors == []
    assert not [u for u in page.requests if not u.startswith("file:")]
