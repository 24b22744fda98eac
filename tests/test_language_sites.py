"""The participant edition in the trainees' languages: built from the staged participant pages,
reviewed (and, for a pilot, draft) translations applied, the rest marked English, a language
switcher on every page, and the trainer edition untouched."""
from __future__ import annotations

import re

import pytest

from coursefactory import edit_notebook, markdown
from translationcases import KHMER, THAI, make_course, translate
from trainingkit.build import build
from trainingkit.errors import TrainingkitError
from trainingkit.translations.extract import extract

pytestmark = pytest.mark.slow(seconds=25)
TRANSLATED = "Workers cross the border for jobs in factories."
LEFT_ENGLISH = "Wages are paid at the end of each month."


@pytest.fixture(scope="module")
def sites(tmp_path_factory):
    root = make_course(tmp_path_factory.mktemp("lang") / "c", {"th": "released", "km": "pilot", "vi": "planned"})
    edit_notebook(root / "modules/day1/d1-s2-topic.ipynb", lambda nb: nb.cells.extend([
        markdown(f"## Who moves where\n\n{TRANSLATED}\n\n{LEFT_ENGLISH}"),
        markdown("PLANTED-TRAINER-NOTE stays English and out of every participant site.", tags=["trainer"]),
    ]))
    build(root, ("participant",))
    extract(root)
    translate(root, "th", "modules", {TRANSLATED: THAI, "Who moves where": "ใครย้ายไปไหน"}, reviewed=True)
    translate(root, "th", "modules", {LEFT_ENGLISH: "DRAFT-NOT-RELEASED"}, reviewed=False)
    translate(root, "km", "modules", {TRANSLATED: KHMER}, reviewed=False)
    report = build(root, ("participant", "trainer"), languages=("th", "km"))
    return root, report


def page(root, site):
    return (root / "_build" / site / "html/modules/day1/d1-s2-topic.html").read_text(encoding="utf-8")


def test_each_language_has_its_site_and_the_trainer_edition_stays_english(sites):
    root, report = sites
    assert set(report.sites) == {"participant", "participant-th", "participant-km", "trainer"}
    assert '<html lang="th"' in page(root, "participant-th")
    assert '<html lang="en"' in page(root, "trainer")
    assert "tk-lang-bar" not in page(root, "trainer")


def test_a_released_language_shows_reviewed_text_only_and_marks_the_rest_english(sites):
    root, _ = sites
    th = page(root, "participant-th")
    assert THAI in th and "ใครย้ายไปไหน" in th
    assert "DRAFT-NOT-RELEASED" not in th
    english = re.findall(r'<p class="[^"]*tk-english[^"]*" lang="en">([^<]*)</p>', th)
    assert LEFT_ENGLISH in english and THAI not in " ".join(english)
    assert "not yet reviewed" not in th  # nothing shown is a draft


def test_a_pilot_language_shows_its_drafts_with_the_note(sites):
    root, _ = sites
    km = page(root, "participant-km")
    assert KHMER in km
    assert "Draft translation — not yet reviewed" in km


def test_every_page_links_the_same_page_in_each_language(sites):
    root, _ = sites
    for site in ("participant", "participant-th", "participant-km"):
        links = dict(re.findall(r'<a href="([^"]+)" lang="(\w+)" hreflang', page(root, site)))
        targets = {lang: href for href, lang in links.items()}
        assert targets["km"] == "../../../../participant-km/html/modules/day1/d1-s2-topic.html"
        assert targets["en"] == "../../../../participant/html/modules/day1/d1-s2-topic.html"
        for href in targets.values():
            assert (root / "_build" / site / "html/modules/day1" / href).resolve().is_file()


def test_no_language_site_holds_trainer_text(sites):
    root, _ = sites
    for site in ("participant-th", "participant-km"):
        for path in (root / "_build" / site).rglob("*"):
            if path.is_file() and path.suffix in (".html", ".js", ".ipynb", ".md", ".po", ".txt"):
                assert "PLANTED-TRAINER-NOTE" not in path.read_text(encoding="utf-8", errors="replace"), path


def test_a_planned_language_is_not_built(sites):
    root, _ = sites
    with pytest.raises(TrainingkitError, match="vi: course.yml's languages give it 'planned'"):
        build(root, ("participant",), languages=("vi",))
