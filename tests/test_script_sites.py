"""Participant sites in Thai, Khmer, Lao and Burmese: the search finds their words (the index,
Python and Sphinx's search builder, and the query, searchtools.js in Chromium, cut these scripts
the same way), and the theme's words ("Search", "Contents") come from the kit's own catalogue.

The slow tests build a small planted course's participant site in th (released), km, lo and my
(pilots) through the real build and open each from disk, with every request off the machine
refused. The theme catalogues are the repository's own drafts."""
from __future__ import annotations

import os
import shutil

import pytest

from browser import ARGS, require_chromium
from conftest import REPO
from coursefactory import edit_notebook, markdown
from translationcases import make_course, translate
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
SLOW = pytest.mark.slow(seconds=60)  # the whole module's length


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
    states = {"th": "released", "km": "pilot", "lo": "pilot", "my": "pilot"}
    root = make_course(tmp_path_factory.mktemp("search") / "c", states)
    for code in states:  # the kit's drafts of the theme's words
        target = root / f"locales/{code}/LC_MESSAGES/theme.po"
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(REPO / f"locales/{code}/LC_MESSAGES/theme.po", target)
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


def site_page(root, code: str, page: str = "modules/day1/d1-s2-topic") -> str:
    return (root / "_build" / f"participant-{code}" / f"html/{page}.html").read_text(encoding="utf-8")


@SLOW
def test_a_pilot_site_shows_the_kits_draft_theme_words_with_the_draft_note(sites):
    km = site_page(sites, "km")
    assert 'placeholder="ស្វែងរកក្នុងសៀវភៅនេះ..."' in km  # "Search this book..."
    assert "មាតិកា" in km  # "Contents"
    assert "បោះពុម្ពជា PDF" in km  # "Print to PDF"
    assert "Fullscreen mode" in km  # no draft: it stays English
    assert "Draft translation — not yet reviewed" in km  # the page text is reviewed; the theme words are drafts
    assert "<title>ស្វែងរក" in site_page(sites, "km", "search")  # the search page, Sphinx's own catalogue
    assert "ສາລະບານ" in site_page(sites, "lo") and "မာတိကာ" in site_page(sites, "my")


@SLOW
def test_a_released_site_shows_no_draft_theme_word(sites):
    th = site_page(sites, "th")
    assert 'placeholder="Search this book..."' in th and "ค้นหาในหนังสือเล่มนี้" not in th
    assert "สารบัญ" in th  # "Contents" from the book theme's own Thai, which the kit leaves alone
    assert "not yet reviewed" not in th


def search(page, root, site: str, query: str) -> list[str]:
    page.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file:") else route.abort())
    url = (root / "_build" / site / "html/search.html").as_uri()
    page.goto(f"{url}?q={query}")
    page.wait_for_function("document.querySelector('#search-results .search-summary')?.textContent.length > 0",
                           timeout=20_000)
    return page.locator("#search-results ul.search li a").evaluate_all("links => links.map(a => a.getAttribute('href'))")


@SLOW
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


# --- Fonts: each script renders with the bundled Noto font, in the site and in its PDF ---------

SCRIPT_FONTS = {"th": "NotoSansThai", "km": "NotoSansKhmer", "lo": "NotoSansLao", "my": "NotoSansMyanmar"}


@pytest.fixture
def latin_only_fonts(tmp_path, monkeypatch):
    """A fontconfig that knows one Latin font only: a Chromium started with it has no font of
    its own for the four scripts (like a laptop without them), so only the bundled ones can draw them."""
    folder = tmp_path / "fonts"
    folder.mkdir()
    (folder / "NotoSans-Regular.ttf").symlink_to("/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf")
    conf = tmp_path / "fonts.conf"
    conf.write_text('<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n'
                    f"<fontconfig><dir>{folder}</dir><cachedir>{tmp_path / 'cache'}</cachedir></fontconfig>\n")
    monkeypatch.setenv("FONTCONFIG_FILE", str(conf))  # read by every Chromium started from now on
    return conf


def sentence_box(browser_page, path, code: str, fonts: bool):
    """Open the built page from disk (with or without the bundled font stylesheet): the
    rendered width of the planted sentence, a screenshot of it and the bundled faces loaded."""
    browser_page.route("**/*", lambda route: route.abort() if not route.request.url.startswith("file:")
                       or (not fonts and "tk-fonts.css" in route.request.url) else route.continue_())
    browser_page.goto(path.as_uri())
    browser_page.evaluate("async () => { await document.fonts.ready; }")
    box = browser_page.get_by_text(PLANTED[code][0], exact=True)
    width = box.evaluate("p => { const r = document.createRange(); r.selectNodeContents(p); "
                         "return r.getBoundingClientRect().width; }")  # the text's, not the paragraph's
    loaded = browser_page.evaluate("[...document.fonts].filter(f => f.status === 'loaded').map(f => f.family)")
    return width, box.screenshot(), loaded


@SLOW
def test_each_script_renders_with_its_bundled_font_in_the_site_not_as_boxes(sites, browser, latin_only_fonts):
    # A Chromium of its own, started with the Latin-only fonts
    chromium = browser.browser_type.launch(executable_path=str(require_chromium()), args=ARGS,
                                           env={**os.environ, "FONTCONFIG_FILE": str(latin_only_fonts)})
    try:
        for code in PLANTED:
            path = sites / "_build" / f"participant-{code}" / "html/modules/day1/d1-s2-topic.html"
            assert 'href="../../_static/tk-fonts.css' in path.read_text(encoding="utf-8")
            assert (sites / "_build" / f"participant-{code}" / f"html/_static/fonts/{SCRIPT_FONTS[code]}-Regular.ttf").is_file()
            page = chromium.new_page()
            width, shot, loaded = sentence_box(page, path, code, fonts=True)
            page.close()
            page = chromium.new_page()
            boxes_width, boxes_shot, none_loaded = sentence_box(page, path, code, fonts=False)
            page.close()
            assert "TK Scripts" in loaded and "TK Scripts" not in none_loaded, code
            # Boxes are one fixed width each, glyphs are not: the two renderings differ.
            assert abs(width - boxes_width) > 5 and shot != boxes_shot, code
    finally:
        chromium.close()


@SLOW
def test_each_script_prints_with_its_bundled_font_in_the_pdf(sites, latin_only_fonts, tmp_path):
    from pypdf import PdfReader

    from trainingkit.pack.compose import Page, article, document, stylesheets
    from trainingkit.pdf import PrintJob, print_pdfs

    jobs = {}
    for code in PLANTED:
        page = Page(sites / "_build" / f"participant-{code}" / "html/modules/day1/d1-s2-topic.html")
        css = stylesheets(page)
        jobs[tmp_path / f"{code}.pdf"] = PrintJob(document(code, css, [("pack-session", [article(page)])]), code, ())
        bare = [href for href in css if "tk-fonts.css" not in href]
        jobs[tmp_path / f"{code}-no-fonts.pdf"] = PrintJob(document(code, bare, [("pack-session", [article(page)])]), code, ())
    print_pdfs(jobs)
    for code, (sentence, _, _) in PLANTED.items():
        with_fonts, without = (PdfReader(tmp_path / f"{code}{suffix}.pdf") for suffix in ("", "-no-fonts"))
        assert any(SCRIPT_FONTS[code] in name for name in pdf_fonts(with_fonts)), (code, pdf_fonts(with_fonts))
        assert not any(SCRIPT_FONTS[code] in name for name in pdf_fonts(without)), code
        # Glyphs that map back to their letters (boxes extract as NUL). Not the sentence as typed:
        # the PDF holds Burmese in visual order, its vowel ေ before the consonant it follows.
        text = "".join(p.extract_text() for p in with_fonts.pages)
        assert sum(letter in text for letter in set(sentence)) >= 0.8 * len(set(sentence)), (code, text)


def pdf_fonts(reader) -> set[str]:
    return {str(font.get_object().get("/BaseFont", "")) for page in reader.pages
            for font in (page["/Resources"].get("/Font") or {}).values()}


LINE_BREAKS = """([text, lang, width, css]) => {
  const box = document.createElement('div');
  box.lang = 'en';  // as the printed documents are: the breaks must not depend on the lang attribute
  box.style.cssText = `width:${width}px;font-size:16px;${css}`;
  box.textContent = text;
  document.body.append(box);
  const node = box.firstChild, breaks = [];
  let top = null;
  for (const {index, segment} of new Intl.Segmenter(lang, {granularity: 'grapheme'}).segment(text)) {
    const range = document.createRange();
    range.setStart(node, index); range.setEnd(node, index + segment.length);
    const y = range.getClientRects()[0].top;
    if (top !== null && y > top + 1) breaks.push(index);
    top = y;
  }
  const words = [...new Intl.Segmenter(lang, {granularity: 'word'}).segment(text)].map(s => s.index);
  box.remove();
  return {breaks, words};
}"""


@SLOW
@pytest.mark.parametrize("code", PLANTED)
def test_lines_break_between_words_never_inside_one(sites, page, code):
    """Chromium breaks these scripts with ICU's dictionaries (the same ICU as Intl.Segmenter):
    every line of a narrow column starts at a word boundary; break-all, the control, does not."""
    page.goto((sites / "_build" / f"participant-{code}" / "html/modules/day1/d1-s2-topic.html").as_uri())
    text = PLANTED[code][0] * 3
    found = page.evaluate(LINE_BREAKS, [text, code, 70, ""])
    assert len(found["breaks"]) >= 3, found
    assert set(found["breaks"]) <= set(found["words"]), found
    control = page.evaluate(LINE_BREAKS, [text, code, 70, "word-break:break-all"])
    assert not set(control["breaks"]) <= set(control["words"])  # the check can fail
