"""The book's pages in headless Chromium, opened from disk as at a venue with no internet: no
console errors, no request leaving the machine, no serious accessibility violation (axe-core),
and no sideways scrolling on a phone."""
from __future__ import annotations

from urllib.parse import urlparse

import pytest
import yaml
import zxingcpp
from axe_playwright_python.sync_playwright import Axe
from PIL import Image

from trainingkit.build import build
from trainingkit.forms.qr import QR_FILE, URL_FILE, alt_text

from browser import PHONE, keep_screenshot, settle
from coursefactory import code, edit_notebook, markdown

pytestmark = pytest.mark.slow(seconds=80)

EXERCISES_PART = "Case exercises"
EXERCISE = "<first exercise>"  # resolved from the toc in the test
SESSION = "modules/day1/d1-s2-migration-in-the-mekong"
PAGES = [
    ("participant", "book/index"), ("participant", "book/programme"), ("participant", SESSION), ("participant", EXERCISE),
    ("trainer", "book/index"), ("trainer", "book/programme"), ("trainer", SESSION),
    ("trainer", "modules/day1/d1-s5-daily-review"), ("trainer", "book/evaluation"),
]


def plant_widget_and_maths(root):
    edit_notebook(next(root.glob(f"{SESSION}.ipynb")), lambda nb: nb.cells.extend([
        markdown("## A widget and a formula\n\nThe share is $x^2 + 1$ of all."),
        code("import ipywidgets as w\nw.IntSlider(value=3, description='Days')"),
    ]))


@pytest.fixture(scope="module")
def site(book_variant):
    """The real course, built; one session also shows a widget and maths, which need the
    bundled scripts."""
    with book_variant(plant_widget_and_maths) as (root, _):
        yield root


def first_exercise(root) -> str:
    toc = yaml.safe_load((root / "_toc.yml").read_text())
    part = next((p for p in toc["parts"] if p.get("caption") == EXERCISES_PART), None)
    if not part or not part.get("chapters"):
        pytest.fail(f"_toc.yml has no part captioned '{EXERCISES_PART}' with a page in it: the exercise pages "
                    "(exercises/*.ipynb) are not in this course yet, so no exercise page can be tested")
    return part["chapters"][0]["file"]


def url(root, edition: str, docname: str) -> str:
    return (root / f"_build/{edition}/html/{docname}.html").as_uri()


def leaving(requests: list[str], local=("file", "data")) -> list[str]:
    return [u for u in requests if urlparse(u).scheme not in local]


def serious(page) -> list[tuple]:
    """axe-core's serious and critical violations on the page: (rule, targets)."""
    violations = Axe().run(page).response["violations"]
    return [(v["id"], [n["target"] for n in v["nodes"]]) for v in violations if v["impact"] in ("serious", "critical")]


@pytest.mark.parametrize("edition, docname", PAGES, ids=[f"{e}:{d}" for e, d in PAGES])
def test_page_opened_from_disk_has_no_errors_no_outside_request_and_no_serious_axe_violation(site, page, edition, docname):
    if docname == EXERCISE:
        docname = first_exercise(site)
    page.goto(url(site, edition, docname))
    settle(page)
    keep_screenshot(page, f"{edition}-{docname}")
    assert page.console_errors == []
    assert leaving(page.requests) == []
    assert serious(page) == []


def test_widgets_and_maths_render_from_the_bundled_scripts(site, page):
    page.goto(url(site, "participant", SESSION))
    slider = page.locator(".widget-slider")
    slider.wait_for(timeout=20_000)
    assert page.locator(".widget-readout").first.inner_text() == "3"
    assert page.locator("mjx-container").count() == 1
    scripts = [u for u in page.requests if u.endswith(".js") or ".js?" in u]
    assert any("/_static/offline/html-manager/embed-amd.js" in u for u in scripts)
    assert leaving(page.requests) == []


PHONE_PAGES = [(e, d) for e in ("participant", "trainer") for d in ("book/programme", SESSION)] + [("trainer", "book/evaluation")]


@pytest.mark.parametrize("edition, docname", PHONE_PAGES, ids=[f"{e}:{d}" for e, d in PHONE_PAGES])
def test_phone_width_page_does_not_scroll_sideways(site, page, edition, docname):
    page.set_viewport_size(PHONE)
    page.goto(url(site, edition, docname))
    settle(page)
    widths = page.evaluate("[document.documentElement.scrollWidth, document.body.scrollWidth]")
    keep_screenshot(page, f"phone-{edition}-{docname}")
    assert widths[0] <= PHONE["width"] and widths[1] <= PHONE["width"]


def test_trainer_daily_review_shows_a_qr_code_that_opens_the_address_its_alt_text_names(site, page):
    page.goto(url(site, "trainer", "modules/day1/d1-s5-daily-review"))
    image = page.locator("figure.forms-qr img")
    assert page.evaluate("img => img.naturalWidth", image.element_handle()) > 0
    static = site / "_build/trainer/html/_static"
    address = (static / URL_FILE).read_text()
    assert image.get_attribute("alt") == alt_text(address)
    assert [code.text for code in zxingcpp.read_barcodes(Image.open(static / QR_FILE))] == [address]
    assert not (site / f"_build/participant/html/_static/{QR_FILE}").exists()


def test_a_phone_form_loads_without_errors_or_outside_requests_and_passes_axe(served, page):  # noqa: F811
    base, _ = served
    page.set_viewport_size(PHONE)
    page.goto(base)
    assert serious(page) == []
    page.get_by_role("link", name="Daily feedback").click()
    page.locator("#tk-form").wait_for(timeout=10_000)
    settle(page)
    assert page.console_errors == []
    assert [u for u in page.requests if urlparse(u).hostname not in ("127.0.0.1", "localhost") and not u.startswith("data:")] == []
    assert serious(page) == []


def test_a_stylesheet_change_alone_reaches_the_built_site(site, shared_build):
    """Sphinx copies static files only when a page is out of date; the build sees to it."""
    cache = shared_build.cache
    build(site, cache_dir=cache)  # now no page is out of date
    css = site / "_static/trainingkit.css"
    css.write_text(css.read_text() + "\n.planted-rule-5d1f { color: #000000; background: #ffffff; }\n")
    build(site, cache_dir=cache)
    for edition in ("participant", "trainer"):
        assert ".planted-rule-5d1f" in (site / f"_build/{edition}/html/_static/trainingkit.css").read_text()
