"""The phone forms' rules, page and server: a code and a key that go together, the same plain
message for a wrong key and an unknown code, refusals rate-limited per address, limits on
length and on how often, and a server that listens where it says and stops when told."""
from __future__ import annotations

import logging
import os
import re
import signal
import socket
import subprocess
import sys
import uuid
from html.parser import HTMLParser
from urllib.request import Request, urlopen

import psutil
import pytest

from formcases import make_course
from trainingkit.course import FormLimits, load_course
from trainingkit.forms import load_forms
from trainingkit.forms.limits import FailureLimit
from trainingkit.forms.page import form_page
from trainingkit.formserver.serve import where_it_listens
from trainingkit.formserver.web import FormService, body_limit

END = {"overall": "4", "recommend": "9"}
KEY = "KGTH-RND4"


class Clock:
    def __init__(self):
        self.now = 1000.0

    def __call__(self):
        return self.now


@pytest.fixture
def service(store):
    store.set_roster([{"participant": "KH-01"}, {"participant": "MM-02"}])
    store.set_tokens({"KH-01": KEY, "MM-02": "5UXF44Z5"})
    return FormService(store, store.forms, FormLimits(max_submissions_per_hour=3), FailureLimit(limit=5, window=600), Clock())


def send(service, answers=END, participant="kh-01", token=KEY, address="10.0.0.5", form="end", **extra):
    return service.submit(form, {"participant": participant, "token": token, "answers": answers, "language": "en", **extra}, address)


def test_a_matching_code_and_key_store_the_answers_as_web(service, store):
    reply = send(service, token="kgth rnd4")  # typed in lower case with a space
    assert reply.status == 200 and reply.body["saved"]
    answers = store.answers("end")
    assert set(answers.participant) == {"KH-01"} and set(answers.source) == {"web"}
    assert set(answers.response_id) == {reply.body["response_id"]}


def test_a_wrong_key_and_an_unknown_code_get_the_same_plain_message(service, store):
    wrong_key = send(service, token="AAAA-BBBB")
    unknown_code = send(service, participant="ZZ-99")
    malformed = send(service, participant="my name")
    assert wrong_key.status == unknown_code.status == malformed.status == 403
    assert wrong_key.body == unknown_code.body == malformed.body
    assert wrong_key.body["message"].startswith("This code and key do not go together. Check both on your slip")
    assert "pilot-2016" not in str(wrong_key.body) and "roster" not in str(wrong_key.body)
    assert len(store.responses()) == 0


def test_refusals_are_rate_limited_per_address_and_the_limit_is_logged(service, caplog):
    caplog.set_level(logging.INFO, logger="trainingkit.forms")
    for _ in range(5):
        assert send(service, token="AAAA-BBBB").status == 403
    locked = send(service)  # even the right key waits now
    assert locked.status == 429
    assert locked.body["message"] == ("Too many tries from this phone. Please wait 10 minutes, or ask a trainer. "
                                      "Your answers are kept on this phone.")
    assert "5 refused codes or keys from 10.0.0.5 within 10 minutes" in caplog.text
    assert send(service, address="10.0.0.6").status == 200  # another phone is not punished
    service.clock.now += 601
    assert send(service).status == 200


def test_missing_code_key_and_answers_are_all_named_at_once(service):
    reply = send(service, answers={"overall": "4"}, participant="", token="")
    assert reply.status == 422
    assert reply.body["problems"] == {"participant": "Write your participant code here.",
                                      "token": "Write the personal key from your slip here.",
                                      "recommend": "Please answer this question."}


def test_a_retry_with_the_same_response_id_is_stored_once(service, store):
    rid = str(uuid.uuid4())
    assert send(service, response_id=rid).body == {"saved": True, "response_id": rid}
    assert send(service, response_id=rid).body == {"saved": True, "response_id": rid}
    assert list(store.responses(versions="all").response_id) == [rid]


def test_at_most_n_submissions_per_participant_form_and_hour(service, store):
    for _ in range(3):
        assert send(service).status == 200
    refused = send(service)
    assert refused.status == 429
    assert refused.body["message"].startswith("This form was already sent 3 times with your code in the last hour.")
    assert send(service, participant="MM-02", token="5UXF44Z5").status == 200  # another trainee still can
    assert store.replaced_count() == 2  # the three versions of KH-01 are kept; one counts


def test_a_text_answer_longer_than_the_limit_is_refused_with_its_length(service, store):
    reply = send(service, answers={**END, "most_useful": "x" * 5001})
    assert reply.status == 422
    assert reply.body["problems"] == {"most_useful": "this answer is 5,001 characters long; at most 5,000 fit. Please shorten it"}
    assert send(service, answers={**END, "most_useful": "ក" * 5000}).status == 200
    assert len(store.responses()) == 1


def test_the_text_limit_is_set_in_course_yml_or_the_form(tmp_path):
    from test_forms_spec import MULTI_FORM
    import yaml

    root = make_course(tmp_path / "c", {"multi": {**MULTI_FORM, "max_text_length": 40}})
    config = yaml.safe_load((root / "course.yml").read_text())
    (root / "course.yml").write_text(yaml.safe_dump({**config, "forms": {"max_text_length": 300}}))
    forms = load_forms(load_course(root))
    assert forms["multi"].field("note").max_length == 40
    assert forms["daily"].field("day_comment").max_length == 300
    texts = [f for f in forms["daily"].fields if f.type == "text"]
    assert len(texts) == 11  # a comment on each of 5 sessions on 2 days, and day_comment
    assert body_limit(forms) == 16_384 + 4 * 300 * 11  # every text answer full, 4 bytes a character


class Inputs(HTMLParser):
    """Every form control of a page, and the labels and legends that name them."""

    def __init__(self):
        super().__init__()
        self.controls, self.labelled, self.fieldsets = [], set(), []
        self._in_fieldset = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "fieldset":
            self._in_fieldset.append(a["id"])
        if tag == "legend" and self._in_fieldset:
            self.fieldsets.append(self._in_fieldset[-1])
        if tag == "label" and "for" in a:
            self.labelled.add(a["for"])
        if tag in ("input", "textarea") and a.get("type") != "hidden":
            self.controls.append((a, bool(self._in_fieldset)))

    def handle_endtag(self, tag):
        if tag == "fieldset":
            self._in_fieldset.pop()


def test_every_input_of_every_form_has_a_real_label(forms):
    for form in forms.values():
        parser = Inputs()
        parser.feed(form_page(form, "en"))
        for attrs, in_fieldset in parser.controls:
            if attrs.get("type") in ("radio", "checkbox"):
                assert in_fieldset  # each choice sits in its own <label>, the group has a <legend>
            else:
                assert attrs["id"] in parser.labelled, (form.id, attrs)
        assert parser.controls


def test_the_page_speaks_plainly_and_never_names_the_cohort_or_the_software(forms):
    page = form_page(forms["daily"], "en")
    text = re.sub(r"<[^>]+>", " ", page)
    assert "saved on the trainers' computer in this room" in text.replace("&#x27;", "'")
    for word in ("notebook", "pilot-2016", "cohort", "Voil", "kernel", "store"):
        assert word not in text
    assert 'maxlength="5000"' in page


def test_where_it_listens_is_said_plainly():
    assert where_it_listens("192.168.1.20", 8866, "http://192.168.1.20:8866/") == [
        "Listening on http://192.168.1.20:8866/ only. Phones on this network open http://192.168.1.20:8866/"]
    every = where_it_listens("0.0.0.0", 8866, "http://192.168.1.20:8866/")
    assert every[0].startswith("Listening on EVERY network this computer is connected to, port 8866")
    assert every[1].startswith("WARNING: anyone on any of those networks can open the forms, hotel or public Wi-Fi included.")
    assert "phones cannot" in where_it_listens("127.0.0.1", 8866, "http://127.0.0.1:8866/")[0]


# -- the server as the organiser starts it ------------------------------------------------------

def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start(root, *args, db):
    env = {**os.environ, "TRAININGKIT_ROOT": str(root), "TRAININGKIT_DB": db, "TRAININGKIT_FORMS_URL": ""}
    process = subprocess.Popen([sys.executable, "-m", "trainingkit.cli", "forms", "serve", *args], env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    lines = []
    for line in process.stdout:
        lines.append(line.rstrip("\n"))
        if line.startswith("Ready."):
            return process, lines
    pytest.fail(f"the server did not start: {lines} {process.stderr.read()}")


@pytest.fixture
def course(tmp_path):
    return make_course(tmp_path / "course"), f"sqlite:///{tmp_path / 'fb.sqlite'}"


def answers(url: str) -> int:
    with urlopen(url, timeout=5) as reply:
        return reply.status


@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGHUP, signal.SIGINT])
def test_the_server_says_where_it_listens_answers_only_there_and_a_signal_stops_it_whole(course, stop):
    root, db = course
    port = free_port()
    process, lines = start(root, "--ip", "127.0.0.1", "--port", str(port), "--pool", "2", "--idle-timeout", "5", db=db)
    try:
        assert lines[0] == f"Listening on http://127.0.0.1:{port}/ only: this computer alone can open the forms; phones cannot."
        assert lines[-1] == "Ready. Ctrl+C stops (pool 2, idle connections closed after 5 s)."
        assert any(line.startswith("No personal keys in the store yet: every phone will be refused.") for line in lines)
        assert answers(f"http://127.0.0.1:{port}/forms/multi") == 200
        with pytest.raises(OSError):  # another address of this machine gets no answer
            urlopen(f"http://127.0.0.2:{port}/", timeout=3)
        assert psutil.Process(process.pid).children(recursive=True) == []  # no kernel, no child
        huge = Request(f"http://127.0.0.1:{port}/forms/multi/submit", b"x" * 2_000_000, {"Content-Type": "application/json"})
        with pytest.raises(OSError):  # refused before it is read: 9.9 MB comments no longer reach the store
            urlopen(huge, timeout=10)
        assert answers(f"http://127.0.0.1:{port}/") == 200  # and the server carries on
    finally:
        process.send_signal(stop)
        out, _err = process.communicate(timeout=15)
    assert process.returncode == 0
    assert out.rstrip().endswith("Stopped.")
    assert not psutil.pid_exists(process.pid) or psutil.Process(process.pid).status() == psutil.STATUS_ZOMBIE
    with pytest.raises(OSError):
        urlopen(f"http://127.0.0.1:{port}/", timeout=3)


def test_a_busy_address_is_a_plain_message_not_a_traceback(course):
    root, db = course
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        env = {**os.environ, "TRAININGKIT_ROOT": str(root), "TRAININGKIT_DB": db}
        result = subprocess.run([sys.executable, "-m", "trainingkit.cli", "forms", "serve", "--ip", "127.0.0.1", "--port", str(port)],
                                env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert f"cannot listen on 127.0.0.1:{port}: Address already in use." in result.stderr
    assert "Traceback" not in result.stderr
