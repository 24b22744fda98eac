"""The application form in a notebook: no participant code, personal fields stored apart, one
application per response id however often Submit is pressed."""
from __future__ import annotations

import nbformat

from conftest import REPO
from trainingkit.applications.form import load_application_form
from trainingkit.applications.intake import save_one
from trainingkit.applications.store import ApplicationStore
from trainingkit.applications.widget import ApplicationWidget
from trainingkit.course import load_course

ANSWERS = {"name": "Dara Sok", "email": "dara@example.org", "country": "Cambodia", "organisation": "Workers' Centre",
           "org_type": "union", "member": "no", "advocacy_experience": "Spoke at a national workshop.",
           "leadership_role": "Deputy director", "english": "3", "commitment_6_months": "yes", "can_travel": "yes",
           "endorsed": "yes", "moa_signed_applicant": "yes", "moa_signed_head": "pending", "moa_pending_until": "2016-04-10",
           "motivation": "To bring recruitment-fee cases to the ACMW."}


def test_an_application_filled_in_a_notebook_is_stored_once_with_contacts_apart(tmp_path):
    form = load_application_form(load_course(REPO))
    store = ApplicationStore(f"sqlite:///{tmp_path / 'a.sqlite'}", cohort="nb")
    widget = ApplicationWidget(form, lambda sub: save_one(store, form, sub))
    assert widget.participant.layout.display == "none"
    for name, value in ANSWERS.items():
        widget.questions[name].input.value = value
    code = widget.on_submit()
    assert code and code in widget.message.value and "application code" in widget.message.value
    assert widget.on_submit() == code  # a second click
    apps = store.applications()
    assert apps["applicant"].tolist() == [code] and apps.at[0, "moa_signed_head"] == "pending"
    assert "name" not in apps.columns and store.contacts()["email"].tolist() == ["dara@example.org"]


def test_a_bad_email_is_said_and_nothing_is_stored(tmp_path):
    form = load_application_form(load_course(REPO))
    store = ApplicationStore(f"sqlite:///{tmp_path / 'a.sqlite'}", cohort="nb")
    widget = ApplicationWidget(form, lambda sub: save_one(store, form, sub))
    for name, value in {**ANSWERS, "email": "dara at example"}.items():
        widget.questions[name].input.value = value
    assert widget.on_submit() is None
    assert "'dara at example' is not an e-mail address" in widget.message.value
    assert store.applications().empty


def test_the_application_notebook_is_one_cell_with_no_outputs():
    nb = nbformat.read(REPO / "applications" / "application.ipynb", as_version=4)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert len(code) == 1 and "show_application()" in code[0].source and not code[0].outputs


def test_a_feedback_form_may_not_ask_a_personal_question(tmp_path):
    import pytest

    from test_forms_spec import make_course
    from trainingkit.forms import FormError, load_forms

    form = {"id": "named", "version": 1, "title": {"en": "Named"},
            "questions": [{"id": "name", "type": "text", "personal": True, "label": {"en": "Your name"}}]}
    root = make_course(tmp_path / "c", {"named": form})
    with pytest.raises(FormError, match=r"feedback/forms/named.yml: questions \(name\): a feedback form asks no personal question"):
        load_forms(load_course(root))
