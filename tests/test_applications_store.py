"""Applications in the store: imports all-or-nothing with line and column reasons, personal data
in its own table, blind review sheets, the roster hand-off with no name, and `forget` leaving no
trace in any table, in the database files, or in anything exported after it."""
from __future__ import annotations

import csv
import sqlite3
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from conftest import REPO
from trainingkit.applications.call import Call, CallError
from trainingkit.applications.form import load_application_form, paper_template, write_application_xlsform
from trainingkit.applications.forget import ForgetError, forget
from trainingkit.applications.report import write_report
from trainingkit.applications.simulate import simulate_call
from trainingkit.applications.store import ApplicationStore
from trainingkit.cli import main
from trainingkit.course import load_course
from trainingkit.errors import ImportRejected

FORM_COLUMNS = ["name", "email", "phone", "country", "organisation", "org_type", "member", "advocacy_experience",
                "leadership_role", "english", "commitment_6_months", "can_travel", "endorsed", "moa_signed_applicant",
                "moa_signed_head", "moa_pending_until", "motivation", "gender"]
KOBO = ["_uuid", "_submission_time", *FORM_COLUMNS]


@pytest.fixture(scope="module")
def course():
    return load_course(REPO)


@pytest.fixture
def call(tmp_path, course):
    return Call(course, ApplicationStore(f"sqlite:///{tmp_path / 'apps.sqlite'}", cohort="call-test"))


def application(n: int, **changes) -> dict:
    row = {"_uuid": f"uuid-{n}", "_submission_time": "2016-04-01T10:00:00", "name": f"Mali Vongsa {n}",
           "email": f"mali{n}@example.org", "phone": f"+856 20 5555 {n:04d}", "country": "Laos",
           "organisation": f"Lao Workers Org {n}", "org_type": "ngo", "member": "yes",
           "advocacy_experience": "Led a campaign on recruitment fees.", "leadership_role": "Coordinator",
           "english": "4", "commitment_6_months": "yes", "can_travel": "yes", "endorsed": "yes",
           "moa_signed_applicant": "yes", "moa_signed_head": "yes", "moa_pending_until": "",
           "motivation": f"I am Mali Vongsa {n} of Lao Workers Org {n}; write to mali{n}@example.org.", "gender": "woman"}
    return {**row, **changes}


def write(path: Path, rows: list[dict], columns=KOBO) -> Path:
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.DictWriter(out, fieldnames=columns)
        writer.writeheader()
        writer.writerows(rows)
    return path


def all_text(db: Path) -> str:
    """Every value in every table of the database, as one text."""
    with sqlite3.connect(db) as conn:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        return "\n".join(str(v) for t in tables for row in conn.execute(f"SELECT * FROM {t}") for v in row)


# -- the form ------------------------------------------------------------------------------

def test_the_form_asks_the_questions_of_the_call_and_marks_the_personal_ones(course, tmp_path):
    form = load_application_form(course)
    assert [f.name for f in form.fields] == FORM_COLUMNS
    assert [f.name for f in form.fields if f.personal] == ["name", "email", "phone"]
    assert (form.field("english").type, form.field("member").choice_names) == ("likert", ["yes", "no"])
    assert paper_template(form).splitlines()[0] == ",".join(["paper_form_no", "date", *FORM_COLUMNS])
    from openpyxl import load_workbook

    survey = load_workbook(write_application_xlsform(form, tmp_path / "app.xlsx"))["survey"]
    names = [row[1] for row in survey.iter_rows(min_row=2, values_only=True)]
    assert names == FORM_COLUMNS, "an applicant has no participant code yet: the XLSForm does not ask for one"


def test_only_text_questions_can_be_personal():
    from trainingkit.forms.spec import FormError, parse_spec

    data = {"id": "x", "version": 1, "title": {"en": "X"}, "choices": {"c": [{"name": "a", "label": {"en": "A"}}]},
            "questions": [{"id": "q", "type": "select_one", "choices": "c", "personal": True, "label": {"en": "Q"}}]}
    with pytest.raises(FormError, match="only text questions can be personal"):
        parse_spec(data, "x.yml")


# -- import --------------------------------------------------------------------------------

def test_import_keeps_names_apart_and_a_second_import_stores_nothing_twice(call, tmp_path):
    path = write(tmp_path / "kobo.csv", [application(1), application(2)])
    report = call.import_file(path)
    assert (report.format, report.stored, report.skipped) == ("kobo", 2, 0)
    apps = call.applications()
    assert not {"name", "email", "phone"} & set(apps.columns)
    assert set(call.store.contacts()["name"]) == {"Mali Vongsa 1", "Mali Vongsa 2"}
    assert apps["applicant"].str.fullmatch(r"A[A-Z2-7]{8}").all()
    again = call.import_file(path)
    assert (again.stored, again.skipped) == (0, 2)


def test_a_bad_file_is_refused_whole_with_every_line_and_column(call, tmp_path):
    path = write(tmp_path / "kobo.csv", [application(1), application(2, country="Malaysia", email="not-an-address"),
                                         application(3, english="7", moa_pending_until="next week"),
                                         application(4, _submission_time="1 April")])
    with pytest.raises(ImportRejected) as info:
        call.import_file(path)
    assert [str(p.at(path=None)) for p in info.value.findings] == [
        "line 3, column country: 'Malaysia' is not a choice (choices: Cambodia, Laos, Myanmar, Thailand, Vietnam)",
        "line 3, column email: 'not-an-address' is not an e-mail address",
        "line 4, column english: 7 is out of range (1–5)",
        "line 4, column moa_pending_until: bad date 'next week' (write it as 2016-04-10)",
        "line 5, column _submission_time: bad date '1 April' (write it as 2016-06-08 or 2016-06-08T16:30:00Z)",
    ]
    assert call.store.applications().empty and call.store.contacts().empty


def test_an_unknown_column_is_refused(call, tmp_path):
    path = write(tmp_path / "kobo.csv", [{**application(1), "passport_no": "X1"}], KOBO + ["passport_no"])
    with pytest.raises(ImportRejected, match="line 1, column passport_no: unknown question 'passport_no' in form 'application'"):
        call.import_file(path)


def test_paper_applications_import_too(call, tmp_path):
    row = {k: v for k, v in application(1).items() if not k.startswith("_")}
    path = write(tmp_path / "paper.csv", [{"paper_form_no": "17", "date": "2016-04-12", **row}],
                 ["paper_form_no", "date", *FORM_COLUMNS])
    assert call.import_file(path).format == "paper"
    assert call.eligibility()["eligible"].tolist() == [True]


# -- review, selection, hand-off ---------------------------------------------------------------

@pytest.fixture
def reviewed(call, tmp_path):
    """Eight applications (one late), two reviewers from outside, one from an applicant's organisation."""
    rows = [application(n, country=["Laos", "Thailand", "Vietnam", "Cambodia"][n % 4]) for n in range(1, 9)]
    rows[7]["_submission_time"] = "2016-04-13T08:00:00"
    call.import_file(write(tmp_path / "kobo.csv", rows))
    reviewers = write(tmp_path / "reviewers.csv", [{"reviewer": "R1", "organisation": "Lao Workers Org 1"},
                                                   {"reviewer": "R2", "organisation": "Secretariat"},
                                                   {"reviewer": "R3", "organisation": "Secretariat"}], ["reviewer", "organisation"])
    call.assign(reviewers)
    sheets = []
    for reviewer in ("R1", "R2", "R3"):
        sheet = call.review_sheet(reviewer)
        sheet["score"] = [str(1 + (i + len(reviewer)) % 5) for i in range(len(sheet))]
        sheets.append(tmp_path / f"{reviewer}.csv")
        sheet.to_csv(sheets[-1], index=False)
    call.import_scores(sheets)
    return call


def test_reviewers_never_get_their_own_organisation(reviewed):
    pairs = reviewed.store.assignments()
    apps = reviewed.applications().set_index("applicant")
    r1 = pairs.loc[pairs["reviewer"] == "R1", "applicant"]
    assert "Lao Workers Org 1" not in set(apps.loc[r1, "organisation"])
    assert pairs.groupby("applicant").size().eq(2).all() and len(pairs) == 2 * 7  # the late one is not reviewed


def test_blind_sheets_hold_no_personal_field(reviewed):
    contacts = reviewed.store.contacts()
    organisations = set(reviewed.applications()["organisation"])
    for reviewer in ("R1", "R2", "R3"):
        sheet = reviewed.review_sheet(reviewer)
        assert not {"name", "email", "phone", "organisation"} & set(sheet.columns)
        text = sheet.to_csv(index=False)
        for secret in [*contacts["name"], *contacts["email"], *contacts["phone"], *organisations]:
            assert secret not in text
    assert "[name removed]" in reviewed.review_sheet("R2").to_csv(index=False)


def test_scores_are_imported_all_or_nothing_with_line_and_column(reviewed, tmp_path):
    before = reviewed.store.scores()
    code = reviewed.store.assignments().query("reviewer == 'R2'")["applicant"].iloc[0]
    other = next(c for c in reviewed.eligible() if c not in set(reviewed.store.assignments().query("reviewer == 'R2'")["applicant"]))
    bad = write(tmp_path / "bad.csv", [{"applicant": code, "reviewer": "R2", "criterion": "advocacy", "score": "3.0"},
                                       {"applicant": code, "reviewer": "R2", "criterion": "english", "score": "6"},
                                       {"applicant": code, "reviewer": "R2", "criterion": "charm", "score": "2"},
                                       {"applicant": other, "reviewer": "R2", "criterion": "english", "score": "2"}],
                ["applicant", "reviewer", "criterion", "score"])
    with pytest.raises(ImportRejected) as info:
        reviewed.import_scores([bad])
    assert [str(p.at(path=None)) for p in info.value.findings] == [
        "line 3, column score: '6' is not a whole score from 1 to 5",
        "line 4, column criterion: unknown criterion 'charm' (criteria: advocacy, leadership, english, commitment)",
        f"line 5, column reviewer: reviewer 'R2' is not assigned to applicant '{other}'",
    ]
    pd.testing.assert_frame_equal(reviewed.store.scores(), before)


def test_select_then_the_roster_carries_codes_and_no_name(reviewed):
    decisions = reviewed.select()
    assert set(decisions["status"]) <= {"selected", "waitlist", "not_selected", "ineligible"}
    late = decisions[decisions["status"] == "ineligible"]
    assert len(late) == 1 and "after the call closed on 2016-04-12" in late["reason"].iloc[0]
    roster = reviewed.roster()
    assert list(roster.columns) == ["participant", "country", "org_type", "member"]
    assert sorted(roster["participant"]) == reviewed.selected()
    text = roster.to_csv(index=False)
    assert not any(name in text for name in reviewed.store.contacts()["name"])
    with pytest.raises(CallError, match="already made"):
        reviewed.select()


def test_the_roster_loads_into_the_feedback_store(reviewed, tmp_path, store):
    from trainingkit.feedback.roster import import_roster

    reviewed.select()
    path = tmp_path / "roster.csv"
    reviewed.roster().to_csv(path, index=False)
    assert import_roster(store, path).participants == len(reviewed.selected())
    assert sorted(store.roster()["participant"]) == reviewed.selected()


# -- forget ---------------------------------------------------------------------------------

def test_forget_leaves_no_trace_in_any_table_the_files_or_later_exports(reviewed, tmp_path):
    db = Path(reviewed.store.engine.url.database)
    reviewed.select()
    code = reviewed.applications().set_index("response_id").at["uuid-3", "applicant"]
    secrets = ["Mali Vongsa 3", "mali3@example.org", "+856 20 5555 0003"]
    assert all(s in all_text(db) for s in secrets)
    assert forget(reviewed.store, code) == 1  # the motivation named them
    reviewed.store.close()
    store = ApplicationStore(f"sqlite:///{db}", cohort="call-test")
    after = Call(reviewed.course, store)
    text = all_text(db)
    assert not any(s in text for s in secrets)
    files = b"".join(p.read_bytes() for p in db.parent.glob(db.name + "*"))
    assert not any(s.encode() in files for s in secrets), "deleted bytes must not linger in the database files"
    out = tmp_path / "after"
    exported = after.notify(out)
    exported.append(write_report(after, out / "report.html"))
    for reviewer in ("R1", "R2", "R3"):
        exported.append(out / f"sheet-{reviewer}.csv")
        after.review_sheet(reviewer, blind=False).to_csv(exported[-1], index=False)
    exported.append(out / "roster.csv")
    after.roster().to_csv(exported[-1], index=False)
    for path in exported:
        assert not any(s in path.read_text(encoding="utf-8") for s in secrets), path
    assert "Mali Vongsa 4" in (out / "letters" / f"{after.applications().set_index('response_id').at['uuid-4', 'applicant']}.txt").read_text()
    with pytest.raises(ForgetError, match="already forgotten"):
        forget(store, code)


def test_the_report_suppresses_small_groups_and_shows_no_personal_data(reviewed, tmp_path):
    reviewed.select()
    text = write_report(reviewed, tmp_path / "r.html").read_text(encoding="utf-8")
    assert "fewer than 5" in text and "Krippendorff" in text
    for secret in [*reviewed.store.contacts()["name"], *reviewed.applications()["organisation"]]:
        assert secret not in text


# -- the whole path on the synthetic call ---------------------------------------------------------

@pytest.mark.slow
def test_the_synthetic_call_runs_the_whole_path_from_the_command_line(tmp_path, course):
    db = f"sqlite:///{tmp_path / 'sim.sqlite'}"
    run = lambda *args: CliRunner().invoke(main, [*args], catch_exceptions=False)  # noqa: E731
    result = run("applications", "simulate", "-o", str(tmp_path / "files"), "--db", db)
    assert result.exit_code == 0 and "SYNTHETIC call in cohort 'pilot-2016-synthetic': 60 applications" in result.output
    c = ["--cohort", "pilot-2016-synthetic", "--db", db]
    selection = run("applications", "select", "-o", str(tmp_path / "selection.csv"), *c)
    assert selection.exit_code == 0, selection.output
    chosen = pd.read_csv(tmp_path / "selection.csv")
    assert (chosen["status"] == "selected").sum() == 20 and chosen["reason"].notna().all()
    first = chosen.loc[chosen["status"] == "selected", "applicant"].iloc[0]
    withdrawn = run("applications", "withdraw", first, *c)
    assert withdrawn.exit_code == 0 and "takes the place" in withdrawn.output
    assert run("applications", "notify", "-o", str(tmp_path / "letters"), *c).exit_code == 0
    assert pd.read_csv(tmp_path / "letters" / "accepted.csv")["data"].eq("SYNTHETIC").all()
    assert run("applications", "report", "-o", str(tmp_path / "report.html"), *c).exit_code == 0
    assert "SYNTHETIC DATA" in (tmp_path / "report.html").read_text(encoding="utf-8")
    assert run("applications", "roster", "-o", str(tmp_path / "roster.csv"), *c).exit_code == 0
    assert len(pd.read_csv(tmp_path / "roster.csv")) == 20
    agreement = run("applications", "agreement", *c)
    assert agreement.output.startswith("Krippendorff's alpha (ordinal): 0.")
    missing = run("applications", "withdraw", "NOPE", *c)
    assert missing.exit_code == 1 and "no decision for applicant 'NOPE'" in missing.output


def test_the_application_xlsform_converts_with_pyxform(course, tmp_path):
    pyxform = pytest.importorskip("pyxform.xls2xform")
    path = write_application_xlsform(load_application_form(course), tmp_path / "application.xlsx")
    xform = pyxform.convert(xlsform=str(path), validate=False).xform
    assert 'nodeset="/data/email"' in xform and 'id="application"' in xform and "participant" not in xform


@pytest.mark.slow
def test_the_whole_path_works_on_postgresql(pg_url, course, tmp_path):
    report = simulate_call(course, pg_url, tmp_path / "files", n=30, seed=3)
    call = Call(course, ApplicationStore(pg_url, cohort=report.cohort))
    assert report.scores > 0 and call.synthetic
    decisions = call.select()
    assert (decisions["status"] == "selected").sum() == 20
    code = call.selected()[0]
    name = call.store.contacts([code])["name"].iloc[0]
    assert forget(call.store, code) >= 1
    assert call.store.contacts([code]).empty and name not in call.store.applications().to_csv()
    assert call.withdraw(code).startswith(f"{code} withdrawn; ")
    assert call.decisions().set_index("applicant").at[code, "status"] == "withdrawn"


from test_store import pg_server, pg_url  # noqa: E402,F401  the throwaway PostgreSQL server


@pytest.mark.slow
def test_the_report_reads_on_a_phone_from_disk_with_no_network(reviewed, tmp_path, page):
    from axe_playwright_python.sync_playwright import Axe

    reviewed.select()
    path = write_report(reviewed, tmp_path / "report.html")
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(path.as_uri())
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    assert Axe().run(page).response["violations"] == []
    assert all(url.startswith("file:") for url in page.requests) and page.console_errors == []




def test_the_commands_refuse_a_bad_file_plainly_and_erase_on_request(tmp_path):
    db = f"sqlite:///{tmp_path / 'cli.sqlite'}"
    run = lambda *args: CliRunner().invoke(main, [*args, "--db", db], env={"TRAININGKIT_ROOT": str(REPO)})  # noqa: E731
    bad = write(tmp_path / "bad.csv", [application(1), application(2, endorsed="maybe")])
    refused = run("applications", "import", str(bad))
    assert refused.exit_code == 1 and "Traceback" not in refused.output
    assert "line 3, column endorsed: 'maybe' is not a choice (choices: yes, no)" in refused.output
    assert "1 problem(s); nothing was imported" in refused.output
    good = write(tmp_path / "good.csv", [application(1), application(2, endorsed="no")])
    assert "2 application(s) stored" in run("applications", "import", str(good)).output
    lines = run("applications", "eligibility").stdout.splitlines()
    assert sorted(line.split("  ", 1)[1] for line in lines) == ["NOT eligible: not endorsed by the organisation", "eligible"]
    code = lines[0].split()[0]
    assert "name, e-mail and phone erased" in run("applications", "forget", code).output
    again = run("applications", "forget", code)
    assert again.exit_code == 1 and "already forgotten" in again.output
    nothing = run("applications", "select")
    assert nothing.exit_code == 1 and "no complete review yet" in nothing.output


def test_applicants_with_too_few_reviews_are_named(reviewed):
    assert reviewed.thinly_reviewed() == []
    s = reviewed.store.scores()
    code, reviewer = s.iloc[0]["applicant"], s.iloc[0]["reviewer"]
    with reviewed.store.engine.begin() as conn:  # one review loses a criterion: it no longer counts
        from trainingkit.applications.tables import scores

        conn.execute(scores.delete().where(scores.c.applicant == code, scores.c.reviewer == reviewer,
                                           scores.c.criterion == "english"))
    assert reviewed.thinly_reviewed() == [code]


def test_answers_that_look_like_formulas_never_run_in_a_sheet_or_list(call, tmp_path):
    formula = '=HYPERLINK("http://evil.invalid","click")'
    call.import_file(write(tmp_path / "kobo.csv", [application(1, motivation=formula, name="@SUM(A1)"),
                                                   application(2)]))
    reviewers = write(tmp_path / "r.csv", [{"reviewer": "R1", "organisation": "X"}, {"reviewer": "R2", "organisation": "Y"}],
                      ["reviewer", "organisation"])
    call.assign(reviewers)
    sheet = call.review_sheet("R1")
    assert "'" + formula in set(sheet["motivation"]) and formula not in set(sheet["motivation"])
    sheet["score"] = "3"
    sheet.to_csv(tmp_path / "s1.csv", index=False)
    sheet.assign(reviewer="R2").to_csv(tmp_path / "s2.csv", index=False)
    call.import_scores([tmp_path / "s1.csv", tmp_path / "s2.csv"])
    call.select()
    call.notify(tmp_path / "out")
    accepted = (tmp_path / "out" / "accepted.csv").read_text(encoding="utf-8")
    assert "'@SUM(A1)" in accepted and ",@SUM" not in accepted


def test_the_hand_off_gives_each_selected_a_key_and_the_roster_file_holds_none(reviewed, tmp_path):
    from trainingkit.applications.handoff import load_roster
    from trainingkit.feedback import FeedbackStore
    from trainingkit.feedback.roster import read_tokens

    reviewed.select()
    course = reviewed.course
    path = tmp_path / "roster.csv"
    reviewed.roster().to_csv(path, index=False)
    url = str(reviewed.store.engine.url)
    fake = type("C", (), {"root": tmp_path, "config": course.config})()  # tokens go under tmp_path/var, not the repo
    report = load_roster(path, url, "call-test", fake)
    assert report.participants == report.new_tokens == len(reviewed.selected())
    assert sorted(read_tokens(tmp_path / "var" / "tokens-call-test.csv")) == reviewed.selected()
    feedback = FeedbackStore(url, forms={}, cohort="call-test")
    assert feedback.token_codes() == set(reviewed.selected())
    assert "token" not in path.read_text(encoding="utf-8").splitlines()[0]
