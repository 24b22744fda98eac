"""On a phone (Chromium at 375 px): the follow-up form lists the trainee's own actions once
code and key go together, and their progress is stored action by action."""
from __future__ import annotations

import pytest
from playwright.sync_api import expect

from conftest import REPO
from formserver import KEYS, stored
from trainingkit.feedback import FeedbackStore
from trainingkit.followup.plans import import_plans

pytestmark = pytest.mark.slow


def test_the_phone_form_shows_the_trainees_own_actions_and_stores_progress_per_action(served, phone, tmp_path):  # noqa: F811
    base, url = served
    plans = tmp_path / "plans.csv"
    plans.write_text("participant,action_id,action,due,indicator\n"
                     "MM-07,1,Send a submission on recruitment fees to the AFML workshop,2016-09-30,1 sent\n"
                     "MM-07,2,Train partner staff on the ACMW,,15 trained\n", encoding="utf-8")
    import_plans(FeedbackStore(url, root=REPO), plans, {}, 6)
    phone.goto(base + "forms/followup")
    expect(phone.locator(".tk-action").first).to_be_hidden()
    phone.get_by_label("Your participant code").fill("MM-07")
    phone.get_by_label("Your personal key").fill(KEYS["MM-07"])
    phone.get_by_label("Your personal key").blur()
    expect(phone.locator("#t-a1_id")).to_have_text("Send a submission on recruitment fees to the AFML workshop (by 30 September 2016)")
    expect(phone.locator("#t-a2_id")).to_have_text("Train partner staff on the ACMW")
    expect(phone.locator('.tk-action[data-slot="3"]')).to_be_hidden()
    phone.get_by_role("group", name="Which follow-up is this?").get_by_text("1 month after the course").click()
    phone.get_by_role("group", name="Since the last form, have you taken part").get_by_text("Yes", exact=True).click()
    phone.locator("#q-a2_progress").get_by_text("Done", exact=True).click()
    phone.get_by_role("button", name="Send my answers").click()
    expect(phone.locator(".tk-receipt")).to_be_visible()
    answers = dict(zip(stored(url, "followup", "MM-07")["question"], stored(url, "followup", "MM-07")["value"]))
    assert answers["a1_id"] == "1" and answers["a2_id"] == "2" and answers["a2_progress"] == "done"
    assert "a3_id" not in answers
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= 375
