"""The built book as trainers and trainees meet it in the room: clock times that match
`trainingkit schedule`, trainer sections in the page contents, a preparation page per day,
each edition's home page sending its reader to their own guide, and, on every page of both
editions opened from disk at phone width, no sideways scrolling and no script error."""
from __future__ import annotations

import json
import re

import pytest
from bs4 import BeautifulSoup
from click.testing import CliRunner

from trainingkit.cli import main
from trainingkit.course import load_course
from trainingkit.daypages import IN_BRIEF, PREPARING, TRAINER_NOTES, day_page

from browser import PHONE, settle

pytestmark = pytest.mark.slow(seconds=70)

TRAINER_SECTIONS = ["Preparation", "Run of the session", "Facilitation notes", "Likely difficulties", "Adapting the session", "Safety"]
SPAN = re.compile(r"^(\d\d:\d\d)–(\d\d:\d\d) \((\d+)–(\d+) min\)$")


def html(root, edition, docname) -> BeautifulSoup:
    return BeautifulSoup((root / f"_build/{edition}/html/{docname}.html").read_text(encoding="utf-8"), "html.parser")


def plain(text: str) -> str:
    """Text as written in the sources: one space, straight quotes (Sphinx curls them)."""
    return re.sub(r"\s+", " ", text).translate(str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"'}))


def minutes(clock: str) -> int:
    hours, mins = clock.split(":")
    return int(hours) * 60 + int(mins)


@pytest.fixture(scope="module")
def schedule(built_book):
    result = CliRunner().invoke(main, ["schedule", "--format", "json"], env={"TRAININGKIT_ROOT": str(built_book)})
    assert result.exit_code == 0, result.output
    return {s["id"]: s for s in json.loads(result.output) if s["kind"] == "session"}


def run_rows(soup) -> list[list[str]]:
    heading = next(h for h in soup.find_all("h2") if h.get_text().strip().rstrip("#") == "Run of the session")
    table = heading.find_parent("section").find("table")
    return [[c.get_text(" ", strip=True) for c in tr.find_all(["td", "th"])] for tr in table.find_all("tr")]


def test_run_tables_carry_the_clock_times_of_trainingkit_schedule(built_book, schedule):
    course = load_course(built_book)
    checked = 0
    for session in course.sessions:
        soup = html(built_book, "trainer", session.docname)
        if not any(h.get_text().strip().rstrip("#") == "Run of the session" for h in soup.find_all("h2")):
            continue
        rows = run_rows(soup)
        assert rows[0][:2] == ["Clock (minutes from the start)", "Minutes"], session.id
        slot = schedule[session.id]
        start, expected = minutes(slot["start"]), minutes(slot["start"])
        for row in rows[1:]:
            match = SPAN.match(row[0])
            assert match, (session.id, row)
            begin, end, offset_a, offset_b = match.groups()
            assert minutes(begin) == expected == start + int(offset_a), (session.id, row)
            assert minutes(end) - minutes(begin) == int(row[1]) == int(offset_b) - int(offset_a), (session.id, row)
            expected = minutes(end)
        assert f"{expected // 60:02d}:{expected % 60:02d}" == slot["end"], session.id
        checked += 1
    assert checked >= 20  # every session with a run of the session


def test_the_action_mornings_at_a_glance_uses_the_same_clock_times(built_book, schedule):
    for edition in ("participant", "trainer"):
        soup = html(built_book, edition, "modules/day5/d5-s1-advocacy-action")
        table = soup.find(string=re.compile("Clock \\(minutes from the start\\)")).find_parent("table")
        first = [td.get_text(strip=True) for td in table.find_all("tr")[1].find_all("td")]
        assert first[0] == f"{schedule['d5-s1']['start']}–09:20 (0–20 min)"


def test_a_search_for_a_clock_time_finds_the_session_at_that_time(built_book, page):
    page.goto((built_book / "_build/trainer/html/search.html").as_uri() + "?q=10%3A45")
    page.locator("#search-results ul.search li").first.wait_for(timeout=20_000)
    # results are added one by one: wait until the search has finished before reading them
    page.wait_for_function("document.querySelector('#search-results .search-summary')?.textContent.length > 0",
                           timeout=20_000)
    found = page.locator("#search-results ul.search li a").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    assert any("d1-s2-migration-in-the-mekong" in href for href in found)
    assert page.console_errors == []  # no result summary fetched, which a site opened from disk refuses


def test_trainer_sections_are_in_the_right_hand_page_contents_of_the_trainer_edition(built_book):
    soup = html(built_book, "trainer", "modules/day2/d2-s1-instruments-and-ratifications")
    contents = [a.get_text(strip=True) for a in soup.select("#pst-page-toc-nav a")]
    assert [s for s in TRAINER_SECTIONS if s in contents] == TRAINER_SECTIONS
    assert contents.index("Preparation") > contents.index("Key points")
    participant = [a.get_text(strip=True) for a in html(built_book, "participant", "modules/day2/d2-s1-instruments-and-ratifications").select("#pst-page-toc-nav a")]
    assert not set(TRAINER_SECTIONS) & set(participant)


def test_each_day_has_a_preparation_page_in_the_trainer_edition_only_listing_every_material(built_book):
    course = load_course(built_book)
    for day in course.days:
        page = day_page(day.number, PREPARING)
        soup = html(built_book, "trainer", page.docname)
        text = plain(soup.select_one("article").get_text(" ", strip=True))
        assert soup.find("h1").get_text(strip=True).rstrip("#") == f"Preparing for Day {day.number}"
        for session in day.sessions:
            assert plain(session.title) in text
            for material in session.materials:
                assert plain(material) in text, (day.number, session.id, material)
        assert not (built_book / f"_build/participant/html/{page.docname}.html").exists()
        assert not (built_book / f"_build/participant/html/{day_page(day.number, TRAINER_NOTES).docname}.html").exists()
        assert (built_book / f"_build/participant/html/{day_page(day.number, IN_BRIEF).docname}.html").exists()


def test_the_day_pages_head_each_day_in_the_trainer_menu(built_book):
    soup = html(built_book, "trainer", "book/programme")
    menu = [a.get_text(strip=True) for a in soup.select(".bd-sidebar-primary nav a")]
    day1 = menu.index("Day 1 in brief")
    assert menu[day1:day1 + 3] == ["Day 1 in brief", "Preparing for Day 1", "Trainer notes, Day 1"]


def test_each_home_page_points_to_its_own_guide(built_book):
    trainer = html(built_book, "trainer", "book/index").select_one(".start-here")
    participant = html(built_book, "participant", "book/index").select_one(".start-here")
    assert "trainer edition" in trainer.get_text() and trainer.find("a", string="Trainer guide")["href"] == "trainer-guide.html"
    assert "participant edition" in participant.get_text()
    assert participant.find("a", string="Participant guide")["href"] == "participant-guide.html"
    assert "Trainer guide" not in participant.get_text()


def test_no_placeholder_repository_or_hub_link_and_no_launch_button_without_a_participant_source(built_book):
    for edition in ("participant", "trainer"):
        for path in (built_book / f"_build/{edition}/html").rglob("*.html"):
            text = path.read_text(encoding="utf-8")
            assert "mekong-migration-network.org" not in text and "github.com/mekong-migration-network" not in text, path
            assert "mybinder.org" not in text, path


def site_pages(root, edition):
    site = root / f"_build/{edition}/html"
    return [p for p in sorted(site.rglob("*.html")) if "_static" not in p.parts and p != site / "index.html"]


@pytest.mark.parametrize("edition", ["participant", "trainer"])
def test_no_page_scrolls_sideways_at_phone_width_or_raises_a_script_error_and_each_shows_the_licences(built_book, page, edition):
    page.set_viewport_size(PHONE)
    errors = []
    page.on("pageerror", lambda error: errors.append((page.url, str(error))))
    wide, unlicensed = [], []
    pages = site_pages(built_book, edition)
    for path in pages:
        page.goto(path.as_uri())
        page.wait_for_load_state("load")
        scroll, client = page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
        if scroll > client:
            wide.append((path.relative_to(built_book).as_posix(), scroll))
        if path.name not in ("search.html", "genindex.html") and "CC BY 4.0" not in page.locator("footer").all_inner_texts().__str__():
            unlicensed.append(path.name)
    assert len(pages) > 40
    assert wide == []
    assert errors == [] and page.console_errors == []
    assert unlicensed == []


def test_a_wide_run_table_says_it_scrolls_on_a_phone(built_book, page):
    page.set_viewport_size(PHONE)
    page.goto((built_book / "_build/trainer/html/modules/day5/d5-s1-advocacy-action.html").as_uri())
    page.wait_for_load_state("load")
    run = page.locator("section#run-of-the-session .pst-scrollable-table-container")
    assert "scrolls-sideways" in run.get_attribute("class").split()
    hint = page.locator("section#run-of-the-session p.scroll-hint")
    assert hint.is_visible() and "sideways" in hint.inner_text()
    assert run.get_attribute("tabindex") == "0"  # the keyboard can scroll it too


def test_exercise_widgets_are_a_static_preview_with_no_live_control(built_book, page):
    page.goto((built_book / "_build/participant/html/exercises/ex-ratification-map.html").as_uri())
    settle(page)
    previews = page.locator("div.cell.tag_widget-preview")
    assert previews.count() >= 1
    for index in range(previews.count()):
        cell = previews.nth(index)
        assert "open this exercise as a live notebook to use it" in cell.locator("p.widget-preview-note").inner_text()
        assert cell.locator(".cell_output").get_attribute("inert") is not None
        assert cell.evaluate("c => [...c.querySelectorAll('.cell_output button, .cell_output input, .cell_output textarea')].filter(e => !e.disabled).length") == 0
    note_link = previews.first.locator("p.widget-preview-note a")
    assert note_link.get_attribute("href").endswith("book/participant-guide.html#working-in-the-notebooks")
