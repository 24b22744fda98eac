"""Action plans imported whole or not at all, versions kept, and asked about one by one."""
from __future__ import annotations

import datetime as dt

import pytest

from conftest import REPO
from followup_helpers import answer, roster
from trainingkit.exercises.actionplan import MODEL_COURSE_END, MODEL_PLAN, export_plan, followup_actions
from trainingkit.errors import ImportRejected
from trainingkit.followup import current_plans, import_plans
from trainingkit.followup.plans import plan_choice_rows
from trainingkit.followup.progress import action_progress, with_round
from test_store import pg_server, pg_url, url  # noqa: F401  SQLite and PostgreSQL stores

TYPES = followup_actions(REPO)
HEADER = "participant,action_id,action,due,indicator,type\n"
PLANS = HEADER + (
    "P01,1,Send a submission on recruitment fees to the AFML workshop,2016-09-30,1 submission sent,afml\n"
    "P01,2,Train partner staff on the ACMW,2016-08-31,15 people trained,training\n"
    "P02,1,Publish an article on the Cebu Declaration,2016-11-15,1 article published,media\n"
)


@pytest.fixture
def plans_store(store):
    roster(store, ["P01", "P02", "P03", "P04", "P05"])
    return store


def write(tmp_path, text, name="plans.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_plans_csv_is_stored_per_trainee_and_importing_it_again_stores_nothing(plans_store, tmp_path):
    path = write(tmp_path, PLANS)
    first = import_plans(plans_store, path, TYPES, 6)
    assert first.new_versions == {"P01": 1, "P02": 1} and first.actions == 3
    again = import_plans(plans_store, path, TYPES, 6)
    assert again.new_versions == {} and set(again.unchanged) == {"P01", "P02"}
    plans = current_plans(plans_store.engine, "pilot-2016")
    assert [(a.action_id, a.kind, a.due) for a in plans["P01"]] == [("1", "afml", dt.date(2016, 9, 30)),
                                                                     ("2", "training", dt.date(2016, 8, 31))]


def test_a_changed_plan_is_a_new_version_and_the_old_one_is_kept(plans_store, tmp_path):
    import sqlalchemy as sa

    import_plans(plans_store, write(tmp_path, PLANS), TYPES, 6)
    changed = PLANS.replace("15 people trained", "20 people trained")
    report = import_plans(plans_store, write(tmp_path, changed, "v2.csv"), TYPES, 6)
    assert report.new_versions == {"P01": 2} and report.unchanged == ("P02",)
    assert current_plans(plans_store.engine, "pilot-2016")["P01"][1].indicator == "20 people trained"
    with plans_store.engine.connect() as conn:
        versions = conn.execute(sa.text("SELECT version, count(*) FROM plan_actions WHERE participant = 'P01' GROUP BY version ORDER BY version")).all()
    assert [tuple(v) for v in versions] == [(1, 2), (2, 2)]


def test_a_bad_file_is_refused_whole_with_line_and_column_for_every_problem(plans_store, tmp_path):
    bad = HEADER + (
        "P01,1,Send a submission,2016-09-30,1 sent,afml\n"
        "P09,1,Unknown trainee,2016-09-30,1,afml\n"
        "P01,1,Same id twice,2016-09-30,1,media\n"
        "P02,x y,Bad id,30/09/2016,1,lobbying\n"
        "P03,1,,2016-09-30,1,\n"
    )
    with pytest.raises(ImportRejected) as err:
        import_plans(plans_store, write(tmp_path, bad), TYPES, 6)
    message = str(err.value)
    for expected in ("line 3, column participant: 'P09' is not in the cohort's roster",
                     "line 4, column action_id: action '1' of P01 is already on line 2",
                     "line 5, column action_id: 'x y' is not an action id",
                     "line 5, column due: '30/09/2016' is not a date",
                     "line 5, column type: 'lobbying' is not an action type",
                     "line 6, column action: missing", "nothing was imported"):
        assert expected in message
    assert current_plans(plans_store.engine, "pilot-2016") == {}


def test_more_actions_than_the_form_asks_about_are_refused(plans_store, tmp_path):
    rows = "".join(f"P01,{n},Action number {n},,1 done,\n" for n in range(1, 8))
    with pytest.raises(ImportRejected, match="P01 has 7 actions; the follow-up form asks about at most 6"):
        import_plans(plans_store, write(tmp_path, HEADER + rows), TYPES, 6)


def test_the_action_plan_exercise_export_is_imported_for_the_trainee_named(plans_store, tmp_path):
    markdown, _docx = export_plan(list(MODEL_PLAN), MODEL_COURSE_END, TYPES, tmp_path)
    with pytest.raises(Exception, match="give --participant"):
        import_plans(plans_store, markdown, TYPES, 6)
    report = import_plans(plans_store, markdown, TYPES, 6, participant="p03")
    assert report.new_versions == {"P03": 1}
    actions = current_plans(plans_store.engine, "pilot-2016")["P03"]
    assert [(a.action_id, a.kind, a.due) for a in actions] == [
        ("1", "afml", dt.date(2016, 9, 30)), ("2", "training", dt.date(2016, 8, 31)), ("3", "media", dt.date(2016, 11, 15))]
    assert actions[0].action.endswith("(target: The workshop's organisers in the labour ministry)")
    assert actions[2].indicator == "1 article published"


def test_each_round_records_progress_per_own_action_and_the_latest_report_counts(plans_store, tmp_path):
    import_plans(plans_store, write(tmp_path, PLANS), TYPES, 6)
    answer(plans_store, "P01", "m1", dt.date(2016, 7, 5), a1_id="1", a1_progress="in_progress",
           a1_obstacles="The workshop date moved", a2_id="2", a2_progress="done", a2_evidence="https://example.org/report")
    answer(plans_store, "P01", "m3", dt.date(2016, 9, 8), a1_id="1", a1_progress="done")
    latest = with_round(plans_store.answers(form_id="followup", versions="counted"))
    progress = action_progress(latest, {"m1": 1, "m3": 3, "m6": 6})
    assert progress == {("P01", "1"): "done", ("P01", "2"): "done"}
    stored = plans_store.answers(form_id="followup")
    assert set(stored.loc[stored["question"] == "a1_obstacles", "value"]) == {"The workshop date moved"}


def test_the_xlsform_choices_file_lists_each_trainees_actions_by_slot(plans_store, tmp_path):
    import_plans(plans_store, write(tmp_path, PLANS), TYPES, 6)
    rows = plan_choice_rows(current_plans(plans_store.engine, "pilot-2016"))
    assert [(r["participant"], r["slot"], r["name"]) for r in rows] == [("P01", "1", "1"), ("P01", "2", "2"), ("P02", "1", "1")]
    assert rows[2]["label"] == "Publish an article on the Cebu Declaration (by 2016-11-15)"


def test_a_kobo_export_of_the_followup_form_brings_per_action_progress_in(plans_store, tmp_path):
    from trainingkit.feedback.imports import import_file

    import_plans(plans_store, write(tmp_path, PLANS), TYPES, 6)
    kobo = write(tmp_path, "_uuid,_submission_time,participant,round,engaged,actions,a1_id,a1_progress,a1_evidence,result_meetings\n"
                           "u-1,2016-07-05T03:00:00,P01,m1,yes,afml,1,done,Minutes of the meeting,2\n", "kobo.csv")
    report = import_file(plans_store, kobo)
    assert report.stored == 1
    latest = with_round(plans_store.answers(form_id="followup", versions="counted"))
    assert action_progress(latest, {"m1": 1, "m3": 3, "m6": 6}) == {("P01", "1"): "done"}


def test_the_same_plans_imported_by_eight_clients_at_once_are_stored_once(url, forms, tmp_path):
    from concurrent.futures import ThreadPoolExecutor

    import sqlalchemy as sa

    from trainingkit.feedback import FeedbackStore

    first = FeedbackStore(url, forms=forms, cohort="pilot-2016")
    roster(first, ["P01", "P02"])
    path = write(tmp_path, PLANS)

    def client(_n):
        store = FeedbackStore(url, forms=forms, cohort="pilot-2016")
        try:
            return import_plans(store, path, TYPES, 6).new_versions
        finally:
            store.close()

    with ThreadPoolExecutor(8) as pool:
        results = list(pool.map(client, range(8)))
    assert sum(len(r) for r in results) == 2  # P01 and P02, each once, by whichever client came first
    with first.engine.connect() as conn:
        assert conn.execute(sa.text("SELECT count(*), max(version) FROM plan_actions")).one() == (3, 1)
    first.close()


def test_an_export_with_an_action_not_yet_typed_or_dated_keeps_it_without_them(plans_store, tmp_path):
    from trainingkit.exercises.actionplan import Action

    plan = [Action(None, "Brief two journalists on the AFML recommendations", "Two national newspapers", None, "2 briefings")]
    markdown, _ = export_plan(plan, MODEL_COURSE_END, TYPES, tmp_path)
    import_plans(plans_store, markdown, TYPES, 6, participant="P04")
    (action,) = current_plans(plans_store.engine, "pilot-2016")["P04"]
    assert (action.action_id, action.kind, action.due, action.indicator) == ("1", None, None, "2 briefings")
