"""Every bad fixture in tests/fixtures/bad/ is refused by the real checker with the findings its
table (expected.yml) lists: the file and cell they name, the key path, and the message."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from coursefactory import standard_day, write_course
from formcases import make_course
from trainingkit.check import check_course
from trainingkit.course import load_course
from trainingkit.forms import FormError, load_forms

BAD = Path(__file__).parent / "fixtures" / "bad"
EXPECTED = yaml.safe_load((BAD / "expected.yml").read_text(encoding="utf-8"))


def key_of(finding) -> str | None:
    """The key path of a finding: a field of its location where the finding has one, else the
    head of its message (``questions/0 (pace): …``), as today's findings print it."""
    location = getattr(finding, "location", None)
    if location is not None:
        return location.key
    head, sep, _ = finding.message.partition(": ")
    return head if sep else None


def matches(finding, expected: dict) -> bool:
    return ((finding.path, finding.cell) == (expected["path"], expected["cell"])
            and ("key" not in expected or key_of(finding) == expected["key"])
            and expected["message"] in finding.message)


def assert_findings(found: list, expected: list[dict]) -> None:
    shown = [str(f) for f in found]
    assert len(found) == len(expected), shown
    for want in expected:
        assert any(matches(f, want) for f in found), f"no finding {want} among {shown}"


def test_every_bad_fixture_has_an_entry_and_every_entry_a_fixture():
    assert sorted(p.name for p in (BAD / "forms").iterdir()) == sorted(EXPECTED["forms"])
    assert sorted(p.name for p in (BAD / "course").iterdir()) == sorted(EXPECTED["course"])


@pytest.mark.parametrize("name", sorted(EXPECTED["forms"]))
def test_a_bad_form_is_refused_naming_its_file_key_and_problem(name, tmp_path):
    root = make_course(tmp_path / "c", forms={})
    shutil.copy(BAD / "forms" / name, root / "feedback/forms" / name)
    with pytest.raises(FormError) as refused:
        load_forms(load_course(root))
    assert_findings(refused.value.findings, EXPECTED["forms"][name])


@pytest.mark.parametrize("name", sorted(EXPECTED["course"]))
def test_a_bad_course_file_is_reported_by_check_with_its_file_cell_and_key(name, tmp_path):
    case = EXPECTED["course"][name]
    root = write_course(tmp_path / "c", {1: standard_day(1), 2: standard_day(2)})
    assert (root / case["replaces"]).is_file(), f"{case['replaces']} is not a file of the small course"
    shutil.copy(BAD / "course" / name, root / case["replaces"])
    assert_findings(check_course(root), case["findings"])
