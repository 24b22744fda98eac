"""The real curriculum: every session is complete and consistent with the course data."""
import re

import nbformat
import pytest

from trainingkit.cells import is_edition_only, is_trainer, source
from trainingkit.course import load_course
from trainingkit.runsheet import parse_run
from trainingkit.schedule import day_problems, plan_day

from conftest import REPO

COURSE = load_course(REPO)
TRAINER_SECTIONS = ("Preparation", "Run of the session", "Facilitation notes", "Likely difficulties", "Adapting the session")


def reader_cells(nb):
    return [source(c) for c in nb.cells if c.cell_type == "markdown" and not is_edition_only(c)]


def bullets_under(text: str, heading: str) -> list[str]:
    section = re.search(rf"^## {heading}\s*\n(.*?)(?=^## |\Z)", text, re.S | re.M)
    return re.findall(r"^\s*[-*] (.+)$", section.group(1), re.M) if section else []


@pytest.mark.parametrize("session", COURSE.sessions, ids=lambda s: s.id)
def test_each_session_is_complete(session):
    nb = nbformat.read(session.path, as_version=4)
    steps, _ = parse_run(nb)
    assert sum(s.minutes for s in steps) == session.minutes
    assert 2 <= len(session.objectives) <= 4
    reader = "\n\n".join(reader_cells(nb))
    assert "## Why this matters" in reader
    assert len(bullets_under(reader, "Key points")) >= 3
    assert reader_cells(nb)[-1].lstrip().startswith("## Sources"), "Sources is the last thing a trainee reads"
    assert len(bullets_under(reader, "Sources")) >= 1
    assert re.search(r"^## Activity", reader, re.M), "trainees get activity instructions"
    trainer = "\n\n".join(source(c) for c in nb.cells if is_trainer(c))
    for section in TRAINER_SECTIONS:
        assert f"### {section}" in trainer, f"trainer notes lack '{section}'"


def test_the_course_has_five_days_that_fit(course_days=COURSE.days):
    assert [d.number for d in course_days] == [1, 2, 3, 4, 5]
    assert all(day_problems(d, plan_day(d), COURSE.config.max_break_delay) == [] for d in course_days)
    assert 18 <= len(COURSE.sessions) <= 24


def test_session_ids_the_forms_and_feedback_refer_to_are_stable():
    assert [s.id for s in COURSE.sessions] == [
        f"d{d}-s{n}" for d, count in ((1, 5), (2, 5), (3, 5), (4, 5), (5, 4)) for n in range(1, count + 1)
    ]


def test_ratification_statements_say_as_of():
    """A ratification is a fact that changes: every page that reports one dates it."""
    for session in COURSE.sessions:
        text = "\n".join(reader_cells(nbformat.read(session.path, as_version=4)))
        sentences = re.split(r"(?<=[.!?])\s+|\n", text)
        status = re.compile(r"\b(has|have|had|not|never) (yet )?ratified\b|\bratified (it |them )?(in|on) \d{4}", re.I)
        if any(status.search(s) and re.search(r"C87|C98|C189|C97|C143|ICRMW|ACTIP", s) for s in sentences):
            assert re.search(r"\bas of\b", text, re.I), f"{session.id} reports ratifications without 'as of'"
