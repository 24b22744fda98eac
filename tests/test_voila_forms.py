"""On a phone: the forms served by Voilà, filled in and submitted in headless Chromium."""
from __future__ import annotations

import os
import socket
import subprocess
import time
from urllib.parse import urlparse
from urllib.request import urlopen

import pytest
from playwright.sync_api import expect

from conftest import REPO
from trainingkit.feedback import FeedbackStore
from trainingkit.forms.serve import voila_command, voila_env

pytestmark = pytest.mark.slow
PHONE = {"width": 390, "height": 844}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """Voilà serving the real course's forms into a store made for this test."""
    tmp = tmp_path_factory.mktemp("voila")
    url = f"sqlite:///{tmp / 'feedback.sqlite'}"
    port = _free_port()
    env = {**voila_env(REPO, tmp / "jupyter"), "TRAININGKIT_DB": url}
    process = subprocess.Popen(voila_command(REPO, port, ip="127.0.0.1"), env=env, cwd=tmp,
                               stdout=subprocess.DEVNULL, stderr=open(tmp / "voila.log", "w"))
    base = f"http://127.0.0.1:{port}/"
    for _ in range(120):
        try:
            urlopen(base, timeout=1)
            break
        except OSError:
            time.sleep(0.5)
    else:
        process.kill()
        pytest.fail(f"Voilà did not start: {(tmp / 'voila.log').read_text()}")
    yield base, url
    process.terminate()
    process.wait(timeout=20)


def _only_local(requests: list[str]) -> list[str]:
    return [u for u in requests if urlparse(u).hostname not in ("127.0.0.1", "localhost") and not u.startswith("data:")]


def _open_form(page, base: str, title: str):
    page.set_viewport_size(PHONE)
    page.goto(base)
    page.get_by_role("link", name=title).click()
    page.locator(".tk-form").wait_for(timeout=60_000)


def test_landing_page_lists_every_form_by_title(served, page):
    base, _ = served
    page.goto(base)
    links = page.locator(".tk-forms a")
    assert links.all_inner_texts() == [
        "Before the course: where you start", "Daily feedback", "After the course: where you are now",
        "The course as a whole", "Follow-up: your ASEAN advocacy since the course",
    ]
    assert _only_local(page.requests) == []


def test_end_form_submitted_on_a_phone_is_in_the_store_and_nothing_came_from_the_internet(served, page, tmp_path):
    base, url = served
    before = (REPO / "feedback/end.ipynb").read_bytes()
    _open_form(page, base, "The course as a whole")
    assert page.locator("text=show_form").count() == 0  # no code on the page
    page.locator(".tk-q-overall").get_by_text("4 – Very good").click()
    page.locator(".tk-q-recommend").get_by_role("button", name="9", exact=True).click()
    page.locator(".tk-q-most_useful textarea").fill("ការធ្វើផែនការសកម្មភាព")
    page.get_by_role("button", name="Submit").click()
    expect(page.locator(".tk-message")).to_have_text("Please look at the questions marked in red.")
    page.screenshot(path=str(tmp_path / "end-form-problem.png"), full_page=True)
    page.locator(".tk-form input[type=text]").first.fill("kh-03")
    page.get_by_role("button", name="Submit").click()
    receipt = page.locator(".tk-receipt")
    receipt.wait_for(timeout=20_000)
    page.screenshot(path=str(tmp_path / "end-form.png"), full_page=True)
    response_id = receipt.inner_text().rsplit(": ", 1)[1].strip()

    answers = FeedbackStore(url, root=REPO).answers("end")
    mine = answers[answers.response_id == response_id]
    assert dict(zip(mine.question, mine.value)) == {"overall": "4", "recommend": "9", "most_useful": "ការធ្វើផែនការសកម្មភាព"}
    assert set(mine.participant) == {"KH-03"} and set(mine.source) == {"web"} and set(mine.language) == {"en"}
    assert _only_local(page.requests) == []
    assert (REPO / "feedback/end.ipynb").read_bytes() == before  # nothing typed is saved in the notebook


def test_daily_form_asks_about_the_sessions_of_the_chosen_day(served, page, tmp_path):
    base, url = served
    _open_form(page, base, "Daily feedback")
    assert page.locator(".tk-q-d2_s1_useful").count() == 0
    page.locator(".tk-q-day").get_by_text("Day 2: Standards and the roles of states").click()
    page.locator(".tk-q-d2_s1_useful").wait_for()
    assert page.locator(".tk-q-d1_s2_useful").count() == 0
    assert page.locator(".tk-q-d2_s5_useful").count() == 0  # the daily review is not rated
    page.locator(".tk-form input[type=text]").first.fill("TH-11")
    for session in ("d2_s1", "d2_s2", "d2_s3", "d2_s4"):
        page.locator(f".tk-q-{session}_useful").get_by_text("4 – Very useful").click()
    page.locator(".tk-q-pace").get_by_text("About right").click()
    page.screenshot(path=str(tmp_path / "daily-form.png"))
    page.get_by_role("button", name="Submit").click()
    page.locator(".tk-receipt").wait_for(timeout=20_000)

    answers = FeedbackStore(url, root=REPO).answers("daily")
    mine = answers[answers.participant == "TH-11"]
    assert sorted(mine[mine.question == "useful"].session) == ["d2-s1", "d2-s2", "d2-s3", "d2-s4"]
    assert dict(zip(mine.question[mine.session == ""], mine.value[mine.session == ""])) == {"day": "2", "pace": "about_right"}
    assert _only_local(page.requests) == []
