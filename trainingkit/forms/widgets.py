"""A form as ipywidgets, in a notebook (phones get the same form as a page: :mod:`.page`).

The flow is one way: :class:`~.model.Form` → widgets → :class:`Submission` → the ``submit``
callable given by the caller (the store's). Widgets never open a database, so they are
tested without a kernel. Every question starts visibly "not answered": choices have nothing
selected and no slider offers a default that could pass for an answer.
"""
from __future__ import annotations

import html
from typing import Callable

import ipywidgets as w

from .model import DAY_FIELD, Field, Form, check_participant
from .response import Submission, new_response_id
from .spec import LANGUAGES
from .texts import PARTICIPANT_HINT, PARTICIPANT_LABEL, draft_note, interface_has_drafts, label, ui

FULL = w.Layout(width="100%")
ERROR, QUIET = "#b00020", "#5f6368"


def _status(text: str, colour: str) -> str:
    return f'<span style="color:{colour};font-size:0.9em">{html.escape(text, quote=False)}</span>'


class QuestionView:
    """One field: its label, hint, input and a status line ("Not answered yet", or the problem)."""

    def __init__(self, field: Field, language: str):
        self.field = field
        self.input = self._make_input()
        self.label, self.hint, self.status = w.HTML(), w.HTML(), w.HTML()
        self.box = w.VBox([self.label, self.hint, self.input, self.status],
                          layout=w.Layout(margin="0 0 1.2em 0", width="100%"))
        self.box.add_class("tk-question")
        self.box.add_class(f"tk-q-{field.name}")
        for item in self._observed():
            item.observe(lambda _change: self.refresh_status(), names="value")
        self.set_language(language)

    def _make_input(self):
        f = self.field
        if f.type in ("likert", "select_one"):
            return w.RadioButtons(options=[(c.name, c.name) for c in f.choices], value=None, layout=FULL)
        if f.type == "rating":
            return w.ToggleButtons(options=[str(n) for n in range(11)], value=None,
                                   style={"button_width": "3.2em"}, layout=FULL)
        if f.type == "select_multiple":
            return w.VBox([w.Checkbox(value=False, description=c.name, indent=False, layout=FULL) for c in f.choices])
        if f.type == "integer":
            return w.Text(value="", layout=w.Layout(width="8em"))
        return w.Textarea(value="", rows=3, layout=w.Layout(width="auto"))

    def _observed(self):
        return self.input.children if self.field.type == "select_multiple" else (self.input,)

    def set_language(self, language: str) -> None:
        f = self.field
        self.language = language
        need = ui("required" if f.required else "optional", language)
        self.label.value = f"<b>{html.escape(f.text('label', language))}</b> <small>({need})</small>"
        self.hint.value = _status(f.text("hint", language), QUIET) if f.hint else ""
        if f.type in ("likert", "select_one"):
            value = self.input.value
            self.input.options = [(c.label.get(language) or c.label["en"], c.name) for c in f.choices]
            self.input.value = value
        elif f.type == "select_multiple":
            for box, choice in zip(self.input.children, f.choices):
                box.description = choice.label.get(language) or choice.label["en"]
        self.refresh_status()

    @property
    def value(self):
        if self.field.type == "select_multiple":
            return [c.name for box, c in zip(self.input.children, self.field.choices) if box.value]
        return self.input.value

    def clear(self) -> None:
        if self.field.type == "select_multiple":
            for box in self.input.children:
                box.value = False
        else:
            self.input.value = "" if self.field.type in ("text", "integer") else None
        self.refresh_status()

    def refresh_status(self) -> None:
        answered = self.value not in (None, "", []) and not (isinstance(self.value, str) and not self.value.strip())
        self.status.value = _status(ui("answered" if answered else "not_answered", self.language), QUIET)
        self.box.remove_class("tk-problem")

    def show_problem(self, reason: str) -> None:
        self.status.value = _status(reason, ERROR)
        self.box.add_class("tk-problem")


class FormWidget:
    """The whole form: language, participant code, (day), questions, Submit and a receipt.

    ``submit`` stores a :class:`Submission` and returns its response id. The response id is
    fixed when the form is filled in, so a second click on Submit sends the same id again
    and the store keeps one response.
    """

    def __init__(self, form: Form, submit: Callable[[Submission], str], *, source: str = "notebook",
                 language: str | None = None):
        self.form, self._submit, self.source = form, submit, source
        self.response_id = new_response_id()
        self._sent: Submission | None = None
        language = language if language in form.languages else form.languages[0]
        self.language = w.Dropdown(options=[(LANGUAGES.get(c, c), c) for c in form.languages], value=language,
                                   description=ui("language", language))
        self.title = w.HTML()
        self.participant = w.Text(value="", layout=w.Layout(width="12em"))
        self.participant_label, self.participant_status = w.HTML(), w.HTML()
        self.questions = {f.name: QuestionView(f, language) for f in form.fields}
        self.day_note = w.HTML()
        self.question_box = w.VBox(layout=FULL)
        self.submit_button = w.Button(button_style="primary", icon="check")
        self.new_button = w.Button(layout=w.Layout(display="none"))
        self.message = w.HTML()
        self.message.add_class("tk-message")
        self.submit_button.on_click(lambda _b: self.on_submit())
        self.new_button.on_click(lambda _b: self.start_new())
        self.language.observe(lambda change: self.set_language(change["new"]), names="value")
        if form.has_days:
            self.questions[DAY_FIELD].input.observe(lambda _change: self.show_day(), names="value")
        self.body = w.VBox([self.participant_label, self.participant, self.participant_status, self.day_note,
                            self.question_box, self.submit_button], layout=FULL)
        self.view = w.VBox([self.language, self.title, self.body, self.message, self.new_button],
                           layout=w.Layout(max_width="46em", width="100%"))
        self.view.add_class("tk-form")
        self.set_language(language)
        self.show_day()

    def _ipython_display_(self):
        from IPython.display import display

        display(self.view)

    @property
    def day(self) -> int | None:
        value = self.questions[DAY_FIELD].value if self.form.has_days else None
        return int(value) if value else None

    def show_day(self) -> None:
        """Show the questions of the chosen day (daily form); those of other days are cleared."""
        day = self.day
        for view in self.questions.values():
            if view.field.day is not None and view.field.day != day:
                view.clear()
        self.question_box.children = [self.questions[f.name].box for f in self.form.fields_for(day)]
        self.day_note.value = _status(ui("choose_day", self.language.value), QUIET) if self.form.has_days and day is None else ""

    def set_language(self, language: str) -> None:
        self.language.description = ui("language", language)
        self.title.value = f"<h2>{html.escape(self.form.title.get(language) or self.form.title['en'])}</h2>"
        if language in self.form.drafts or interface_has_drafts(language):
            self.title.value += f'<p lang="en"><i>{html.escape(draft_note(language))}</i></p>'
        self.participant_label.value = f"<b>{html.escape(label(PARTICIPANT_LABEL, language))}</b>" \
                                       f"<br>{_status(label(PARTICIPANT_HINT, language), QUIET)}"
        self.submit_button.description = ui("submit", language)
        self.new_button.description = ui("new", language)
        for view in self.questions.values():
            view.set_language(language)
        self.show_day()

    def answers(self) -> dict:
        return {name: self.questions[name].value for name in (f.name for f in self.form.fields_for(self.day))}

    def submission(self) -> Submission:
        return Submission(self.form.id, self.answers(), participant=self.participant.value,
                          response_id=self.response_id, source=self.source, language=self.language.value)

    def on_submit(self) -> str | None:
        """Check, show every problem next to its question, or store and show the receipt."""
        lang = self.language.value
        if self._sent is not None:  # a second click: same response id, the store keeps one
            return self._store(self._sent)
        sub = self.submission()
        _values, problems = self.form.check(sub.answers)
        participant_problem = None
        try:
            if check_participant(sub.participant) is None:
                participant_problem = ui("code_missing", lang)
        except ValueError as exc:
            participant_problem = str(exc)
        self.participant_status.value = _status(participant_problem, ERROR) if participant_problem else ""
        for name, view in self.questions.items():
            if name in problems:
                view.show_problem(problems[name])
            else:
                view.refresh_status()
        if problems or participant_problem:
            self.message.value = _status(ui("fix", lang), ERROR)
            return None
        return self._store(sub)

    def _store(self, sub: Submission) -> str | None:
        lang = self.language.value
        try:
            response_id = self._submit(sub)
        except Exception as exc:  # the trainee must see that nothing was saved, whatever failed
            self.message.value = _status(ui("failed", lang, error=exc), ERROR)
            return None
        if self._sent is None:
            self._sent = sub
            self._clear()
        self.message.value = f'<p class="tk-receipt">{html.escape(ui("saved", lang, response_id=response_id))}</p>'
        self.body.layout.display = "none"
        self.new_button.layout.display = None
        return response_id

    def _clear(self) -> None:
        """Empty every input once stored: typed answers do not linger in the widget state."""
        self.participant.value = ""
        for view in self.questions.values():
            view.clear()

    def start_new(self) -> None:
        self._sent = None
        self.response_id = new_response_id()
        self.message.value = ""
        self.participant_status.value = ""
        self.body.layout.display = None
        self.new_button.layout.display = "none"
        self.show_day()
