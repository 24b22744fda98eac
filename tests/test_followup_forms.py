"""The follow-up form asks about each trainee's own actions: in the notebook and in the XLSForm
(pre-filled through a choices file for select_one_from_file, checked with pyxform)."""
from __future__ import annotations

import datetime as dt

import pytest

from conftest import REPO
from trainingkit.course import load_course
from trainingkit.followup.plan_form import PlanFollowupWidget
from trainingkit.followup.plans import PlannedAction, write_plan_choices
from trainingkit.forms import load_form
from trainingkit.forms.xlsform import PLAN_ACTIONS_FILE, workbook, write_xlsform

PLANS = {"P01": [PlannedAction("P01", "1", "Send a submission to the AFML workshop", dt.date(2016, 9, 30), "1 sent", "afml"),
                 PlannedAction("P01", "2", "Train partner staff on the ACMW", None, "15 trained", "training")]}


@pytest.fixture(scope="module")
def form():
    return load_form(load_course(REPO), "followup")


def test_the_form_has_six_action_slots_and_the_result_questions(form):
    names = [f.name for f in form.fields]
    assert [n for n in names if n.startswith("a1_")] == ["a1_id", "a1_progress", "a1_evidence", "a1_obstacles"]
    assert "a6_obstacles" in names and "a7_id" not in names
    assert form.field("a3_progress").choice_names == ["done", "in_progress", "not_started", "dropped"]
    assert {"result_submissions", "result_meetings", "result_media", "result_policy"} <= set(names)
    assert form.version == 2


def test_the_xlsform_takes_the_actions_from_a_choices_file_filtered_by_code_and_slot(form):
    survey = {row["name"]: row for row in workbook(form)["survey"]}
    assert survey["a2_id"]["type"] == f"select_one_from_file {PLAN_ACTIONS_FILE}"
    assert survey["a2_id"]["choice_filter"] == "participant = ${participant} and slot = '2'"
    assert survey["a2_progress"]["relevant"] == "${a2_id} != ''"


def test_the_xlsform_with_prefilled_actions_converts_with_pyxform(form, tmp_path):
    from pyxform.xls2xform import convert

    path = write_xlsform(form, tmp_path / "followup.xlsx")
    write_plan_choices(PLANS, tmp_path / PLAN_ACTIONS_FILE)
    result = convert(xlsform=str(path), validate=False)
    assert result.warnings == []
    xform = result.xform
    assert f'jr://file-csv/{PLAN_ACTIONS_FILE}' in xform
    assert "instance('plan_actions')/root/item[participant =  /data/participant  and slot = '1']" in xform
    text = (tmp_path / PLAN_ACTIONS_FILE).read_text(encoding="utf-8").splitlines()
    assert text[0] == "name,label,participant,slot"
    assert text[1] == "1,Send a submission to the AFML workshop (by 2016-09-30),P01,1"


def test_the_notebook_form_lists_the_trainees_own_actions_and_hides_the_other_slots(form):
    sent = []
    widget = PlanFollowupWidget(form, lambda sub: sent.append(sub) or "rid", PLANS)
    assert widget.questions["a1_progress"].box.layout.display == "none"  # no code yet
    widget.participant.value = "p01"
    assert "Send a submission to the AFML workshop (by 30 September 2016)" in widget.questions["a1_id"].label.value
    assert widget.questions["a1_id"].input.value == "1" and widget.questions["a2_id"].input.value == "2"
    assert widget.questions["a3_progress"].box.layout.display == "none"
    widget.questions["round"].input.value = "m1"
    widget.questions["engaged"].input.value = "yes"
    widget.questions["a2_progress"].input.value = "done"
    assert widget.on_submit() == "rid"
    answers = {k: v for k, v in sent[0].answers.items() if v not in (None, "", [])}
    assert answers["a1_id"] == "1" and answers["a2_progress"] == "done" and "a3_id" not in sent[0].answers


def test_a_code_without_a_plan_shows_no_action_slot(form):
    widget = PlanFollowupWidget(form, lambda sub: "rid", PLANS)
    widget.participant.value = "P02"
    assert all(v.box.layout.display == "none" for v in widget.questions.values() if v.field.action_slot)


def test_the_phone_page_hides_the_action_slots_until_the_server_sends_the_trainees_actions(form):
    from trainingkit.forms.page import form_page

    page = form_page(form, "en")
    assert page.count('class="tk-action" data-slot=') == 6
    assert '<div class="tk-action" data-slot="1" hidden>' in page
    assert '<input type="hidden" id="f-a1_id" name="a1_id" value="">' in page
    assert '<p class="tk-action-text" id="t-a1_id"></p>' in page


def test_the_phone_server_sends_a_trainee_their_own_actions_only_with_the_right_key(store, tmp_path):
    from trainingkit.course import FormLimits
    from trainingkit.followup.plans import import_plans
    from trainingkit.forms.limits import FailureLimit
    from trainingkit.formserver.serve import trainee_plans
    from trainingkit.formserver.web import FormService

    store.set_roster([{"participant": "P01"}, {"participant": "P02"}])
    store.set_tokens({"P01": "KGTH-RND4", "P02": "5UXF44Z5"})
    plans = tmp_path / "plans.csv"
    plans.write_text("participant,action_id,action,due,indicator\nP01,1,Send a submission,2016-09-30,1 sent\n"
                     "P02,1,Another trainee's action,,1\n", encoding="utf-8")
    import_plans(store, plans, {}, 6)
    service = FormService(store, store.forms, FormLimits(), FailureLimit(limit=5, window=600), plans=trainee_plans(store))
    ok = service.plan("followup", {"participant": "p01", "token": "kgth rnd4"}, "10.0.0.5")
    assert ok.status == 200
    assert ok.body == {"actions": [{"slot": 1, "id": "1", "text": "Send a submission (by 30 September 2016)"}]}
    wrong = service.plan("followup", {"participant": "P01", "token": "5UXF44Z5"}, "10.0.0.5")  # P02's key
    assert wrong.status == 403 and "actions" not in wrong.body
    assert service.plan("end", {"participant": "P01", "token": "KGTH-RND4"}, "10.0.0.5").status == 404
    answered = service.submit("followup", {"participant": "P01", "token": "KGTH-RND4", "language": "en",
                                           "answers": {"round": "m1", "engaged": "yes", "a1_id": "1", "a1_progress": "done"}},
                              "10.0.0.5")
    assert answered.status == 200
    stored = store.answers("followup")
    assert dict(zip(stored["question"], stored["value"]))["a1_progress"] == "done"
