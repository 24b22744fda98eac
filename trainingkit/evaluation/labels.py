"""Words for codes: session titles, outcome texts and choice labels from the course and its
forms, so no page shows ``d1-s2``, ``c_analysis``, ``acsc_apf`` or ``about_right`` alone."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from ..course import Course
from .vocabulary import ATTRIBUTE_LABELS, NOT_GIVEN, OTHER_GROUPS


def session_label(course: Course, sid: str) -> str:
    """"Day 1 · Migration in the Mekong"; an id the course no longer has stays as it is."""
    try:
        s = course.session(sid)
    except KeyError:  # a session an older cohort had
        return sid
    return f"Day {s.day} · {s.title}"


def session_title(course: Course, sid: str) -> str:
    try:
        return course.session(sid).title
    except KeyError:
        return sid


def outcome_label(course: Course, item: str) -> str:
    texts = {f"c_{o.id}": o.text for o in course.config.outcomes}
    return texts.get(item, item)


@lru_cache(maxsize=8)
def _choices(root: str) -> dict[tuple[str, str], str]:
    from ..course import load_course
    from ..forms.resolve import load_forms

    out = {}
    try:
        forms = load_forms(load_course(Path(root)))
    except Exception:  # noqa: BLE001  a label is a courtesy: a broken form must not stop a report
        return out
    for form in forms.values():
        for field in form.fields_for(None):
            for choice in field.choices:
                out[(field.question, choice.name)] = choice.label.get("en", choice.name)
    return out


def choice_label(course: Course, question: str, name: str) -> str:
    return _choices(str(course.root)).get((question, name), name.replace("_", " "))


def attribute_label(attribute: str) -> str:
    return ATTRIBUTE_LABELS.get(attribute, attribute)


def group_label(attribute: str, group: str) -> str:
    if group == OTHER_GROUPS:
        return "Other groups (together)"
    if group == NOT_GIVEN:
        return "Not given"
    if attribute == "member":
        return {"yes": "Yes", "no": "No"}.get(group, group)
    return group
