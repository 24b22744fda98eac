"""What a form notebook calls: ``show_form("daily")`` in its one code cell.

A notebook is a trusted way in (the trainee's own or a trainer's laptop), like the organiser's
imports: it needs no personal key. Phones use ``trainingkit forms serve``, which does.
"""
from __future__ import annotations

from ..forms.widgets import FormWidget


def show_form(form_id: str, language: str | None = None, db: str | None = None) -> FormWidget:
    """The form ``form_id`` of the course around this notebook, saving into the course's store."""
    from ..course import load_course
    from ..forms.resolve import load_forms
    from ..paths import course_root
    from .store import FeedbackStore

    root = course_root()
    course = load_course(root)
    forms = load_forms(course)
    store = FeedbackStore(db, root=root, forms=forms, cohort=course.config.cohort)
    return FormWidget(forms[form_id], store.save, source="notebook", language=language)
