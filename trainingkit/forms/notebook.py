"""What a form notebook calls: ``show_form("daily")`` in its one code cell."""
from __future__ import annotations

import os

from .widgets import FormWidget


def running_in_voila() -> bool:
    """Voilà tells the kernel it serves the page (CGI-style variables), so responses say "web"."""
    return os.environ.get("SERVER_SOFTWARE", "").startswith("voila")


def show_form(form_id: str, language: str | None = None, db: str | None = None) -> FormWidget:
    """The form ``form_id`` of the course around this notebook, saving into the course's store."""
    from ..course import load_course
    from ..feedback import FeedbackStore
    from ..paths import course_root
    from .resolve import load_forms

    root = course_root()
    course = load_course(root)
    forms = load_forms(course)
    store = FeedbackStore(db, root=root, forms=forms, cohort=course.config.cohort)
    return FormWidget(forms[form_id], store.save, source="web" if running_in_voila() else "notebook",
                      language=language)
