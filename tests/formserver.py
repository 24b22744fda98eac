"""The phone forms of the real course, served on 127.0.0.1 from a thread, into a store made
for the test, with three trainees and their personal keys."""
from __future__ import annotations

import asyncio
import contextlib
import socket
import threading

import pytest

from conftest import REPO

KEYS = {"KH-03": "KGTHRND4", "TH-11": "5UXF44Z5", "MM-07": "Q8WN3MPA"}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def serving(root, db_path):
    """(base URL, store URL) of the forms of the course at ``root``, served as ``forms serve`` does."""
    from tornado.httpserver import HTTPServer

    from trainingkit.course import load_course
    from trainingkit.feedback import FeedbackStore
    from trainingkit.forms import load_forms
    from trainingkit.formserver.serve import form_order, trainee_plans
    from trainingkit.formserver.web import FormsApp, FormService, body_limit

    course = load_course(root)
    forms = load_forms(course)
    url = f"sqlite:///{db_path}"
    store = FeedbackStore(url, forms=forms, cohort=course.config.cohort)
    store.set_roster([{"participant": code} for code in KEYS])
    store.set_tokens(KEYS)
    app = FormsApp(FormService(store, forms, course.config.forms, plans=trainee_plans(store)), form_order(forms), pool=2)
    port, loop, started = free_port(), asyncio.new_event_loop(), threading.Event()

    def run():
        asyncio.set_event_loop(loop)
        server = HTTPServer(app.application, max_body_size=body_limit(forms))
        server.listen(port, address="127.0.0.1")
        started.set()
        loop.run_forever()
        server.stop()

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    started.wait(10)
    try:
        yield f"http://127.0.0.1:{port}/", url
    finally:
        loop.call_soon_threadsafe(loop.stop)
        thread.join(10)
        app.close()


@pytest.fixture(scope="session")
def served(tmp_path_factory):
    """(base URL, store URL) of the real forms served as ``forms serve`` serves them."""
    with serving(REPO, tmp_path_factory.mktemp("forms") / "feedback.sqlite") as where:
        yield where


def stored(url, form_id, code):
    """What the store at ``url`` holds for trainee ``code`` on form ``form_id`` (tidy answers)."""
    from trainingkit.feedback import FeedbackStore

    answers = FeedbackStore(url, root=REPO).answers(form_id)
    return answers[answers.participant == code]
