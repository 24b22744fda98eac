"""On a phone (Chromium at 375 px): the forms served without a kernel, filled in, refused,
corrected, sent through a dropped connection; nothing a trainee typed is lost."""
from __future__ import annotations

from urllib.parse import urlparse

import pytest
from playwright.sync_api import expect

from browser import PHONE, keep_screenshot
from formserver import KEYS, stored

pytestmark = pytest.mark.slow
KHMER = "ការធ្វើផែនការសកម្មភាព"


def only_local(requests):
    return [u for u in requests if urlparse(u).hostname != "127.0.0.1" and not u.startswith("data:")]


def test_the_slip_link_fills_in_code_and_key_and_keeps_the_key_out_of_the_address(served, phone):
    base, url = served
    phone.goto(f"{base}#code=KH-03&token={KEYS['KH-03']}")
    expect(phone.locator("#tk-welcome")).to_have_text("Your code KH-03 and your key are filled in on every form on this phone.")
    assert "token" not in phone.url
    assert phone.locator(".tk-forms a").all_inner_texts() == [
        "Before the course: where you start", "Daily feedback", "After the course: where you are now",
        "The course as a whole", "Follow-up: your ASEAN advocacy since the course"]
    phone.get_by_role("link", name="The course as a whole").click()
    expect(phone.get_by_label("Your participant code")).to_have_value("KH-03")
    expect(phone.get_by_label("Your personal key")).to_have_value(KEYS["KH-03"])


def test_problems_are_summarised_at_the_top_and_the_first_one_gets_the_focus(served, phone):
    base, url = served
    phone.goto(base + "forms/end")
    phone.get_by_label("Your participant code").fill("KH-03")
    phone.get_by_label("Your personal key").fill(KEYS["KH-03"])
    phone.get_by_role("group", name="How likely are you to recommend").get_by_text("9", exact=True).click()
    phone.get_by_role("button", name="Send my answers").click()
    summary = phone.locator("#tk-summary")
    expect(summary).to_be_visible()
    expect(summary.locator("p")).to_have_text("Please look again at 1 question(s):")
    expect(summary.locator("li")).to_have_text("Overall, how good was this course for you?: Please answer this question.")
    assert phone.evaluate("document.activeElement.name") == "overall"
    expect(phone.locator("#p-overall")).to_have_text("Please answer this question.")
    keep_screenshot(phone, "form-end-problem")
    # touch targets: every choice, box and button at least 44 px high
    heights = phone.locator(".tk-choice, #tk-form input[type=text], textarea, .tk-submit").evaluate_all(
        "els => els.map(e => e.getBoundingClientRect().height)")
    assert min(heights) >= 44
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]  # no sideways scrolling


def test_a_wrong_key_gets_the_plain_message_and_the_answers_stay(served, phone):
    base, url = served
    phone.goto(base + "forms/end")
    phone.get_by_label("Your participant code").fill("MM-07")
    phone.get_by_label("Your personal key").fill("AAAA-BBBB")
    phone.get_by_role("group", name="Overall").get_by_text("5 – Excellent").click()
    phone.get_by_role("group", name="How likely are you to recommend").get_by_text("10", exact=True).click()
    phone.get_by_role("button", name="Send my answers").click()
    expect(phone.locator("#tk-status")).to_contain_text("This code and key do not go together. Check both on your slip")
    expect(phone.get_by_role("group", name="Overall").get_by_label("5 – Excellent")).to_be_checked()
    phone.get_by_label("Your personal key").fill(KEYS["MM-07"])
    phone.get_by_role("button", name="Send my answers").click()
    expect(phone.locator(".tk-receipt")).to_contain_text("Thank you, your answers are saved.")
    assert dict(zip(*stored(url, "end", "MM-07")[["question", "value"]].T.values)) == {"overall": "5", "recommend": "10"}


def test_typed_answers_survive_a_dropped_connection_and_are_sent_when_it_is_back(served, phone):
    base, url = served
    phone.goto(base + "forms/daily")
    phone.get_by_label("Your participant code").fill("TH-11")
    phone.get_by_label("Your personal key").fill(KEYS["TH-11"])
    assert phone.locator(".tk-q-d2_s1_useful").is_hidden()
    phone.get_by_role("group", name="Which day").get_by_text("Day 2: Standards and the roles of states").click()
    for session in ("d2_s1", "d2_s2", "d2_s3", "d2_s4"):
        phone.locator(f".tk-q-{session}_useful").get_by_text("4 – Very useful").click()
    phone.locator("#f-d2_s2_comment").fill(KHMER)
    phone.get_by_role("group", name="How was the pace").get_by_text("About right").click()
    phone.get_by_label("Anything else about today").fill("The panel ran late.")

    phone.reload()  # a reload (or the screen locking) keeps everything typed
    expect(phone.locator("#f-d2_s2_comment")).to_have_value(KHMER)

    phone.context.set_offline(True)
    phone.get_by_role("button", name="Send my answers").click()
    expect(phone.locator("#tk-status")).to_contain_text("No connection right now. Your answers are kept on this phone")
    keep_screenshot(phone, "form-daily-offline")
    assert stored(url, "daily", "TH-11").empty
    expect(phone.locator("#f-d2_s2_comment")).to_have_value(KHMER)
    expect(phone.get_by_label("Anything else about today")).to_have_value("The panel ran late.")

    phone.context.set_offline(False)  # the Wi-Fi is back: the page sends by itself
    expect(phone.locator(".tk-receipt")).to_contain_text("Thank you, your answers are saved.", timeout=20_000)
    mine = stored(url, "daily", "TH-11")
    assert sorted(zip(mine.session, mine.question, mine.value)) == [
        ("", "day", "2"), ("", "day_comment", "The panel ran late."), ("", "pace", "about_right"),
        ("d2-s1", "useful", "4"), ("d2-s2", "comment", KHMER), ("d2-s2", "useful", "4"),
        ("d2-s3", "useful", "4"), ("d2-s4", "useful", "4")]
    assert set(mine.source) == {"web"} and mine.response_id.nunique() == 1
    assert only_local(phone.requests) == [] and phone.console_errors == [e for e in phone.console_errors if "ERR_INTERNET_DISCONNECTED" in e]


def test_the_page_works_without_its_script(served, browser):
    base, url = served
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    page.goto(base + "forms/end")
    page.get_by_label("Your participant code").fill("KH-03")
    page.get_by_label("Your personal key").fill(KEYS["KH-03"])
    page.get_by_role("group", name="Overall").get_by_text("3 – Good").click()
    page.get_by_role("button", name="Send my answers").click()
    expect(page.locator("#tk-summary")).to_contain_text("How likely are you to recommend")
    expect(page.get_by_role("group", name="Overall").get_by_label("3 – Good")).to_be_checked()
    page.get_by_role("group", name="How likely are you to recommend").get_by_text("7", exact=True).click()
    page.get_by_role("button", name="Send my answers").click()
    expect(page.locator(".tk-message")).to_contain_text("Thank you, your answers are saved.")
    context.close()
    assert "3" in set(stored(url, "end", "KH-03").value)
