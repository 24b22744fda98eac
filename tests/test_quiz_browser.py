"""A self-check quiz works in the built book page itself: opened from disk, with every network
request refused, a trainee answers a question and sees the feedback."""
import pytest

from trainingkit.build import build

from test_build import copy_course

pytestmark = pytest.mark.slow

QUIZ_PAGE = "exercises/ex-ratification-map.html"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The participant edition of a copy of the course, built once for this module."""
    root = copy_course(tmp_path_factory.mktemp("course"))
    report = build(root, editions=("participant",), cache_dir=tmp_path_factory.mktemp("cache"))
    return report.sites["participant"].parent


@pytest.fixture
def offline(page):
    """The shared page, with every request that is not a local file refused."""
    page.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file:") else route.abort())
    return page


def quiz_question(page, text):
    return page.locator(".Quiz", has_text=text)


def test_a_right_answer_shows_its_feedback_from_disk_with_no_network(site, offline):
    offline.goto((site / QUIZ_PAGE).as_uri())
    question = quiz_question(offline, "first to ratify ILO Convention 87")
    feedback = question.locator(".Feedback")
    assert feedback.inner_text() == ""
    asked = len(offline.requests)

    question.locator(".MCButton", has_text="Myanmar").click()

    assert feedback.inner_text() == (  # with the ILO's 2023 findings (fact check A-22)
        "Yes: Myanmar ratified C87 in 1955, long before Cambodia (1999). But ratified is not respected: in 2023 an "
        "ILO Commission of Inquiry found that Myanmar's military authorities have violated C87 since February 2021, "
        "with trade unionists killed, arrested and tortured. Do not use Myanmar as a good example of ratification.")
    assert "correct" in feedback.get_attribute("class").split()
    assert len(offline.requests) == asked  # answering asked nothing of the network


def test_a_wrong_answer_explains_instead_of_saying_wrong(site, offline):
    offline.goto((site / QUIZ_PAGE).as_uri())
    question = quiz_question(offline, "first to ratify ILO Convention 87")
    question.locator(".MCButton", has_text="Thailand").click()
    feedback = question.locator(".Feedback")
    assert feedback.inner_text() == ("Thailand has not ratified C87 (✘). In Thailand, migrants can join a union "
                                     "but cannot set one up or lead it.")
    assert "incorrect" in feedback.get_attribute("class").split()
