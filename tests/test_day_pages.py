"""The pages made for each day, from the real course: what to prepare the evening before, the
day's trainer notes in programme order, and the day in brief."""
import re

import nbformat
import pytest

from trainingkit.course import load_course
from trainingkit.daypages import (
    IN_BRIEF, PREPARING, TRAINER_NOTES, day_page, day_page_texts, key_points, preparation_notes, toc_with_day_pages,
)
from trainingkit.schedule import session_slots

from conftest import REPO


@pytest.fixture(scope="module")
def course():
    return load_course(REPO)


@pytest.fixture(scope="module")
def trainer_pages(course):
    return day_page_texts(course, session_slots(course), "trainer")


def test_each_day_has_its_three_pages_in_the_trainer_edition_and_only_in_brief_for_participants(course, trainer_pages):
    participant = day_page_texts(course, session_slots(course), "participant")
    for day in course.days:
        assert {day_page(day.number, k).docname for k in (IN_BRIEF, PREPARING, TRAINER_NOTES)} <= set(trainer_pages)
    assert set(participant) == {day_page(d.number, IN_BRIEF).docname for d in course.days}


def test_the_preparation_page_lists_every_material_of_the_days_sessions_with_the_session_it_serves(course, trainer_pages):
    for day in course.days:
        text = trainer_pages[day_page(day.number, PREPARING).docname]
        assert text.startswith(f"# Preparing for Day {day.number}\n")
        sections = re.split(r"^## ", text, flags=re.M)[1:]
        assert len(sections) == len(day.sessions)
        for session, section in zip(day.sessions, sections):
            assert f"· {session.title}\n" in section and f"`{session.id}`" in section
            for material in session.materials:
                assert f"- [ ] {material}\n" in section


def test_the_preparation_page_carries_each_sessions_trainer_preparation_notes(course, trainer_pages):
    action = course.session("d5-s1")
    notes = preparation_notes(nbformat.read(action.path, as_version=4))
    assert notes and "reconfirms the appointment" in notes[0]
    text = trainer_pages[day_page(5, PREPARING).docname]
    assert "- [ ] **Before 08:30:** the liaison reconfirms the appointment by phone." in text
    # the rest of the trainer notes (the run, the facilitation notes) are not preparation
    assert "Run of the session" not in text


def test_the_trainer_notes_page_holds_every_note_in_programme_order_linked_to_its_session(course, trainer_pages):
    text = trainer_pages[day_page(2, TRAINER_NOTES).docname]
    positions = [text.index(f"`{s.id}`") for s in course.days[1].sessions]
    assert positions == sorted(positions)
    for session in course.days[1].sessions:
        assert f"](../{session.docname}.ipynb)" in text
    assert text.count("### Run of the session") == sum(1 for s in course.days[1].sessions if "Run of the session" in s.path.read_text())


def test_the_day_in_brief_has_each_sessions_key_points(course, trainer_pages):
    text = trainer_pages[day_page(3, IN_BRIEF).docname]
    for session in course.days[2].sessions:
        points = key_points(nbformat.read(session.path, as_version=4))
        assert points and points in text


def test_the_day_pages_head_the_part_of_their_day(course):
    toc = {"parts": [{"caption": "Day 1", "chapters": [{"file": s.docname} for s in course.days[0].sessions]}]}
    wanted = {day_page(1, IN_BRIEF).docname, day_page(1, PREPARING).docname}
    out = toc_with_day_pages(toc, course, wanted)
    files = [c["file"] for c in out["parts"][0]["chapters"]]
    assert files[:2] == ["days/day1-in-brief", "days/day1-preparing"]
    assert files[2:] == [s.docname for s in course.days[0].sessions]
    assert toc["parts"][0]["chapters"][0]["file"] == course.days[0].sessions[0].docname  # the input is not changed
