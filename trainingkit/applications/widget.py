"""The application form in a notebook: the feedback forms' widget, without the participant code
(an applicant has none yet: the receipt gives the new applicant code instead)."""
from __future__ import annotations

import html

from ..forms.widgets import FormWidget

# The feedback widget checks a participant code before it saves; applications have none, so a
# fixed valid value stands in, hidden, and never reaches the store (save_one ignores it).
NO_CODE = "applicant"


class ApplicationWidget(FormWidget):
    def __init__(self, form, submit, **kwargs):
        super().__init__(form, submit, **kwargs)
        for part in (self.participant_label, self.participant, self.participant_status):
            part.layout.display = "none"
        self.participant.value = NO_CODE

    def _store(self, sub):
        code = super()._store(sub)
        if code:
            self.message.value = (f'<p class="tk-receipt">Thank you, your application is saved. Your application code: '
                                  f'<b>{html.escape(code)}</b>. Keep it: it is your code if you are selected.</p>')
        return code

    def _clear(self) -> None:
        super()._clear()
        self.participant.value = NO_CODE


def show_application(language: str | None = None, db: str | None = None) -> ApplicationWidget:
    """The course's application form, saving into the call of the course's cohort."""
    from ..course import load_course
    from ..paths import course_root
    from .form import load_application_form
    from .intake import save_one
    from .store import ApplicationStore

    course = load_course(course_root())
    form = load_application_form(course)
    store = ApplicationStore(db, cohort=course.config.cohort, root=course.root)
    return ApplicationWidget(form, lambda sub: save_one(store, form, sub), language=language)
