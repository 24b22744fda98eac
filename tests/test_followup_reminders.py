"""Reminders: only the due and overdue, never anyone who answered, withdrew or is lost."""
from __future__ import annotations

import csv
import datetime as dt

import pytest

from conftest import REPO
from followup_helpers import answer, roster
from trainingkit.course import load_course
from trainingkit.errors import ImportRejected
from trainingkit.followup import followup_status, reminders, withdraw
from trainingkit.followup.reminders import default_link, read_contacts, read_tokens, sheet_html, write_csv

CODES = ["P01", "P02", "P03", "P04", "P05", "P06"]
CONTACTS = ("participant,name,channel,address\n"
            "P01,Trainee One,email,one@example.org\nP02,,whatsapp,+66 80 000 0002\nP03,=HYPERLINK(\"x\"),sms,+66800000003\n")


@pytest.fixture
def course():
    return load_course(REPO)


@pytest.fixture
def files(tmp_path):
    contacts = tmp_path / "contacts.csv"
    contacts.write_text(CONTACTS, encoding="utf-8")
    tokens = tmp_path / "roster-tokens.csv"
    tokens.write_text("participant,token\nP01,s3cr3t/one\nP02,tok-two\n", encoding="utf-8")
    return contacts, tokens


def test_reminders_list_the_due_and_never_who_answered_or_withdrew(store, course, files):
    roster(store, CODES)
    answer(store, "P02", "m1", dt.date(2016, 7, 1))
    answer(store, "P05", "m1", dt.date(2016, 7, 2))
    withdraw(store, "P04", "pilot-2016", dt.date(2016, 7, 3))
    status = followup_status(store, course, "pilot-2016", dt.date(2016, 7, 10))
    items = reminders(status, read_contacts(files[0]), read_tokens(files[1]), default_link("http://10.0.0.5:8866/"))
    assert [(r.participant, r.round, r.status) for r in items] == [("P01", "m1", "due"), ("P03", "m1", "due"), ("P06", "m1", "due")]
    one = items[0]
    assert (one.contact.channel, one.contact.address, one.link) == (
        "email", "one@example.org", "http://10.0.0.5:8866/forms/followup#code=P01&token=s3cr3t%2Fone")
    assert "Hello Trainee One," in one.message and "open until 2016-07-22" in one.message
    assert items[1].link == "" and "Use your code P03" in items[1].message  # no token: no link
    assert items[2].contact is None


def test_a_trainee_who_answered_any_time_is_never_reminded_for_that_round(store, course):
    roster(store, CODES)
    for code in CODES:
        answer(store, code, "m1", dt.date(2016, 6, 25))
    for day in (dt.date(2016, 6, 30), dt.date(2016, 7, 22), dt.date(2016, 8, 1)):
        assert reminders(followup_status(store, course, "pilot-2016", day)) == []


def test_the_overdue_are_reminded_of_their_latest_round_and_the_lost_are_not(store, course):
    roster(store, CODES)
    for code in ("P02", "P03", "P04", "P05", "P06"):
        answer(store, code, "m1", dt.date(2016, 7, 1))
    answer(store, "P06", "m3", dt.date(2016, 9, 1))
    items = reminders(followup_status(store, course, "pilot-2016", dt.date(2016, 9, 5)))
    # P01 missed m1 and m3 is open: one reminder for m3; P06 answered m3
    assert [(r.participant, r.round) for r in items] == [("P01", "m3"), ("P02", "m3"), ("P03", "m3"), ("P04", "m3"), ("P05", "m3")]
    items = reminders(followup_status(store, course, "pilot-2016", dt.date(2016, 9, 30)))
    assert "P01" not in {r.participant for r in items}  # two rounds missed: lost to follow-up
    assert {r.status for r in items} == {"overdue"}


def test_a_lost_trainee_is_reminded_of_an_open_round_only_when_asked(store, course):
    roster(store, CODES)
    for code in CODES[1:]:
        answer(store, code, "m1", dt.date(2016, 7, 1))
        answer(store, code, "m3", dt.date(2016, 9, 1))
    on = dt.date(2016, 12, 1)  # P01 missed m1 and m3; m6 is open
    assert [r.participant for r in reminders(followup_status(store, course, "pilot-2016", on))] == CODES[1:]
    items = reminders(followup_status(store, course, "pilot-2016", on), include_lost=True)
    assert [(r.participant, r.round, r.status) for r in items][0] == ("P01", "m6", "due")
    between = reminders(followup_status(store, course, "pilot-2016", dt.date(2016, 10, 1)), include_lost=True)
    assert between == []  # no window open: a lost trainee is not chased for a closed round


def test_the_csv_neutralises_formulas_and_the_sheet_escapes_and_shows_a_qr_per_link(store, course, files, tmp_path):
    roster(store, CODES)
    status = followup_status(store, course, "pilot-2016", dt.date(2016, 7, 10))
    items = reminders(status, read_contacts(files[0]), read_tokens(files[1]), "http://h/f?t={token}")
    path = write_csv(items, tmp_path / "out" / "reminders.csv")
    rows = list(csv.DictReader(path.open(encoding="utf-8-sig")))
    assert len(rows) == 6 and rows[2]["name"].startswith("'=HYPERLINK")
    page = sheet_html(items, "pilot-2016", "2016-07-10")
    assert page.count("data:image/png;base64,") == 2 and "&lt;" not in page.split("<body>")[0]
    assert "=HYPERLINK(&quot;x&quot;)" in page


def test_a_contacts_file_with_an_unknown_channel_is_refused_with_its_line(tmp_path):
    path = tmp_path / "contacts.csv"
    path.write_text("participant,channel,address\nP01,pigeon,roof\nP01,email,a@b.org\n", encoding="utf-8")
    with pytest.raises(ImportRejected) as err:
        read_contacts(path)
    assert "line 2, column channel: 'pigeon' is not a channel" in str(err.value)
    assert "line 3, column participant: P01 is listed twice" in str(err.value)


@pytest.mark.slow
def test_the_printed_sheet_lists_only_who_to_remind_with_a_qr_code_of_each_personal_link(store, course, tmp_path):
    from urllib.parse import parse_qs, urlparse

    import zxingcpp
    from pypdf import PdfReader

    from trainingkit.followup.reminders import write_sheet

    roster(store, CODES)
    answer(store, "P02", "m1", dt.date(2016, 7, 1))
    answer(store, "P05", "m1", dt.date(2016, 7, 2))
    withdraw(store, "P04", "pilot-2016", dt.date(2016, 7, 3))
    tokens = tmp_path / "tokens.csv"  # P02 (answered) and P04 (withdrawn) have keys too: neither may be printed
    tokens.write_text("participant,token\nP01,key-one\nP02,key-two\nP03,key-three\nP04,key-four\n", encoding="utf-8")
    items = reminders(followup_status(store, course, "pilot-2016", dt.date(2016, 7, 10)), None, read_tokens(tokens),
                      default_link("http://10.0.0.5:8866/"))
    path = write_sheet(items, tmp_path / "out" / "reminders.pdf", "pilot-2016", "2016-07-10")

    reader = PdfReader(path)
    text = " ".join(" ".join(page.extract_text() for page in reader.pages).split())  # lines wrap where the page ends
    assert "Follow-up reminders: pilot-2016, 2016- 07-10" in text and "3 trainee(s)" in text
    assert all(code in text for code in ("P01", "P03", "P06"))
    assert not any(code in text for code in ("P02", "P04", "P05")) and "key-two" not in text and "key-four" not in text
    read = [c.text for page in reader.pages for image in page.images for c in zxingcpp.read_barcodes(image.image)]
    links = {parse_qs(urlparse(t).fragment)["code"][0]: t for t in read}
    assert links == {"P01": "http://10.0.0.5:8866/forms/followup#code=P01&token=key-one",
                     "P03": "http://10.0.0.5:8866/forms/followup#code=P03&token=key-three"}  # P06 has no key: no QR
