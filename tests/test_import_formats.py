"""Imports read what KoboToolbox, ODK Central, paper entry and the tidy contract produce, and
keep Thai, Khmer and Burmese text exactly. The files are made here, for the test."""
from __future__ import annotations

import csv

from click.testing import CliRunner
from openpyxl import Workbook

from conftest import REPO
from formcases import BURMESE, KHMER, THAI
from importcases import as_dict, exported_columns, write_csv
from trainingkit.cli import main
from trainingkit.feedback import FeedbackStore
from trainingkit.feedback.imports import import_file

KOBO_SYSTEM = ["__version__", "_id", "_uuid", "_submission_time", "_validation_status", "_notes", "_status",
               "_submitted_by", "_tags", "_index"]
ODK_AFTER = ["KEY", "SubmitterID", "SubmitterName", "AttachmentsPresent", "AttachmentsExpected", "Status",
             "ReviewState", "DeviceID", "Edits", "FormVersion"]


def test_kobo_csv_with_semicolons_bom_groups_and_system_columns(tmp_path, store, forms):
    header = ["start", "end", *exported_columns(forms["daily"], "/"), *KOBO_SYSTEM]
    assert "day2/d2_s3_useful" in header
    values = {"start": "2016-06-05T16:40:00.000+07:00", "participant": "TH-01", "day": "2", "pace": "about_right",
              "day2/d2_s1_useful": "5", "day2/d2_s2_useful": "4", "day2/d2_s3_useful": "4", "day2/d2_s4_useful": "3",
              "day2/d2_s3_comment": f"{THAI}; ต้องการตัวอย่างเพิ่ม, ครับ", "_id": "101",
              "_uuid": "5f1c9a52-0a4b-4f4e-9a6c-3f1d2b7e8a01", "_submission_time": "2016-06-05T09:45:12",
              "__version__": "vJk8kL2", "_status": "submitted_via_web", "_index": "1"}
    path = write_csv(tmp_path / "kobo.csv", header, [[values.get(h, "") for h in header]], delimiter=";", bom=True)
    report = import_file(store, path)
    assert (report.format, report.forms, report.stored, report.skipped, report.answers) == ("kobo", ("daily",), 1, 0, 7)
    responses = store.responses()
    assert (responses.source[0], responses.participant[0], str(responses.submitted_at[0])) == ("kobo", "TH-01", "2016-06-05 09:45:12+00:00")
    got = as_dict(store.answers(), "5f1c9a52-0a4b-4f4e-9a6c-3f1d2b7e8a01")
    assert got[("d2-s3", "comment")] == f"{THAI}; ต้องการตัวอย่างเพิ่ม, ครับ"
    assert got[("d2-s1", "useful")] == "5" and got[(None, "day")] == "2"


def test_kobo_split_select_multiple_columns_are_read_when_the_summary_is_absent(tmp_path, store, forms):
    actions = forms["followup"].field("actions").choice_names
    header = ["participant", "round", "engaged", *[f"actions/{a}" for a in actions], "actions_detail", "_uuid", "_submission_time"]
    ticks = {"actions/afml": "1", "actions/media": "1"}
    row = {"participant": "KH-04", "round": "m3", "engaged": "yes", **{f"actions/{a}": "0" for a in actions}, **ticks,
           "actions_detail": KHMER, "_uuid": "kobo-fu-1", "_submission_time": "2016-09-10T03:00:00"}
    import_file(store, write_csv(tmp_path / "fu.csv", header, [[row[h] for h in header]]))
    got = as_dict(store.answers(), "kobo-fu-1")
    assert got[(None, "actions")] == "afml media" and got[(None, "actions_detail")] == KHMER


def test_kobo_xlsx_export_is_read_like_its_csv(tmp_path, store, forms):
    header = [*exported_columns(forms["end"], "/"), "_uuid", "_submission_time", "_index"]
    book = Workbook()
    sheet = book.active
    sheet.append(header)
    sheet.append(["MM-03", 5, 10, BURMESE, "", "kobo-x-1", "2016-06-08T10:00:00", 1])
    sheet.append(["MM-04", 3, 7, "", "More time for the action day", "kobo-x-2", "2016-06-08T10:05:00", 2])
    book.save(tmp_path / "end.xlsx")
    report = import_file(store, tmp_path / "end.xlsx")
    assert (report.format, report.stored, report.answers) == ("kobo", 2, 6)
    assert as_dict(store.answers(), "kobo-x-1") == {(None, "overall"): "5", (None, "recommend"): "10", (None, "most_useful"): BURMESE}


def test_odk_central_csv_with_dash_groups_instance_ids_and_split_choices(tmp_path, store, forms):
    daily_cols = exported_columns(forms["daily"], "-")
    assert "day4-d4_s2_comment" in daily_cols
    header = ["SubmissionDate", *daily_cols, "meta-instanceID", *ODK_AFTER]
    row = {"SubmissionDate": "2016-06-07T09:58:03.455Z", "participant": "VN-02", "day": "4", "pace": "too_fast",
           "day4-d4_s1_useful": "4", "day4-d4_s2_useful": "5", "day4-d4_s3_useful": "2", "day4-d4_s4_useful": "5",
           "day4-d4_s2_comment": "Tiếng Việt: rất hữu ích", "meta-instanceID": "uuid:0c2b3c4d-odk-1",
           "KEY": "uuid:0c2b3c4d-odk-1", "SubmitterName": "a field worker", "FormVersion": "1", "ReviewState": "approved"}
    report = import_file(store, write_csv(tmp_path / "odk.csv", header, [[row.get(h, "") for h in header]]))
    assert (report.format, report.stored) == ("odk", 1)
    got = as_dict(store.answers(), "0c2b3c4d-odk-1")
    assert got[("d4-s2", "comment")] == "Tiếng Việt: rất hữu ích" and got[("d4-s3", "useful")] == "2"
    assert "a field worker" not in store.answers().to_string()  # the submitter's name is never read

    fu_header = ["SubmissionDate", "participant", "round", "engaged", "actions", "actions/afml", "actions/evidence",
                 "meta-instanceID", "KEY", "FormVersion"]
    fu = ["2016-12-01T02:00:00Z", "VN-02", "m6", "yes", "afml evidence", "1", "1", "uuid:odk-fu-9", "uuid:odk-fu-9", "1"]
    import_file(store, write_csv(tmp_path / "odk-fu.csv", fu_header, [fu]))
    assert as_dict(store.answers(), "odk-fu-9")[(None, "actions")] == "afml evidence"


def test_a_paper_template_filled_in_is_imported_and_typing_it_twice_stores_it_once(tmp_path, store, forms):
    result = CliRunner().invoke(main, ["forms", "template", "end"], env={"TRAININGKIT_ROOT": str(REPO)})
    header = next(csv.reader([result.output]))
    assert header == ["paper_form_no", "participant", "date", "overall", "recommend", "most_useful", "change_one_thing"]
    rows = [["1", "LA-01", "2016-06-08", "4", "8", "ການວາງແຜນ", ""], ["2", "LA-02", "2016-06-08", "5", "9", "", "Shorter days"]]
    path = write_csv(tmp_path / "paper.csv", header, rows)
    first = import_file(store, path)
    again = import_file(store, path)
    assert (first.format, first.stored, first.skipped) == ("paper", 2, 0)
    assert (again.stored, again.skipped) == (0, 2)
    assert sorted(store.responses().source) == ["paper", "paper"]
    assert set(store.answers().value) >= {"ການວາງແຜນ", "Shorter days"}


def test_tidy_csv_round_trip_keeps_thai_khmer_and_burmese_exactly(tmp_path, store, forms):
    texts = {"most_useful": THAI, "change_one_thing": f"{KHMER}\n{BURMESE}, \"quoted\""}
    rid = store.submit("end", {"overall": 5, "recommend": 9, **texts}, participant="TH-09", language="th")
    tidy = tmp_path / "tidy.csv"
    store.answers().to_csv(tidy, index=False, encoding="utf-8-sig")

    fresh = FeedbackStore(f"sqlite:///{tmp_path / 'other.sqlite'}", forms=forms, cohort="pilot-2016")
    report = import_file(fresh, tidy)
    assert (report.format, report.stored, report.answers) == ("tidy", 1, 4)
    assert as_dict(fresh.answers(), rid) == as_dict(store.answers(), rid)
    assert as_dict(fresh.answers(), rid)[(None, "change_one_thing")] == f"{KHMER}\n{BURMESE}, \"quoted\""
    assert fresh.responses().iloc[0][["source", "language", "participant"]].tolist() == ["notebook", "th", "TH-09"]


def test_tidy_csv_of_the_contract_with_its_seven_columns_only(tmp_path, store):
    header = ["response_id", "form_id", "participant", "submitted_at", "session", "question", "value"]
    rows = [["r1", "daily", "MM-01", "2016-06-04T10:00:00Z", "", "day", "1"],
            ["r1", "daily", "MM-01", "2016-06-04T10:00:00Z", "", "pace", "about_right"],
            *[["r1", "daily", "MM-01", "2016-06-04T10:00:00Z", f"d1-s{n}", "useful", str(n + 1)] for n in range(1, 5)]]
    report = import_file(store, write_csv(tmp_path / "tidy.csv", header, rows))
    assert (report.stored, report.answers) == (1, 6)
    assert store.responses().source.tolist() == ["tidy"]


def test_import_command_reports_what_it_stored(tmp_path, forms):
    header = ["paper_form_no", "participant", "date", "overall", "recommend", "most_useful", "change_one_thing"]
    path = write_csv(tmp_path / "paper.csv", header, [["7", "MM-07", "2016-06-08", "4", "6", "", ""]])
    db = f"sqlite:///{tmp_path / 'cli.sqlite'}"
    result = CliRunner().invoke(main, ["feedback", "import", str(path), "--db", db], env={"TRAININGKIT_ROOT": str(REPO)})
    assert result.exit_code == 0, result.output
    assert result.output == f"{path}: paper file, form end: 1 response(s) stored (2 answers), 0 already stored and skipped\n"
