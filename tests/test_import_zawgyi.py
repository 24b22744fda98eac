"""Burmese typed in Zawgyi is told from Unicode on every way in, stored as typed, flagged in the
store and named in the import report; Unicode Burmese, Thai and Khmer are never flagged.

The two samples are the title of the Universal Declaration of Human Rights as myanmartools'
own README gives it, in Unicode and in Zawgyi."""
from __future__ import annotations

import pytest
from click.testing import CliRunner
from openpyxl import Workbook

from conftest import REPO
from importcases import KOBO_END, PAPER_END, TIDY, any_store  # noqa: F401  any_store is a fixture
from test_forms_spec import BURMESE, KHMER, THAI
from test_import_formats import write_csv
from test_store import pg_server, pg_url  # noqa: F401  fixtures: the PostgreSQL server of the store tests
from trainingkit.cli import main
from trainingkit.feedback import FeedbackStore
from trainingkit.feedback.encodings import is_zawgyi, zawgyi_probability
from trainingkit.feedback.imports import import_file

UNICODE_MY = "အပြည်ပြည်ဆိုင်ရာ လူ့အခွင့်အရေး ကြေညာစာတမ်း"
ZAWGYI_MY = "အျပည္ျပည္ဆိုင္ရာ လူ႔အခြင့္အေရး ေၾကညာစာတမ္း"
ODK_END = ["SubmissionDate", "participant", "overall", "recommend", "most_useful", "change_one_thing", "meta-instanceID"]


def test_the_detector_tells_the_known_zawgyi_sample_from_unicode():
    assert zawgyi_probability(ZAWGYI_MY) > 0.99 and is_zawgyi(ZAWGYI_MY)
    for text in (UNICODE_MY, BURMESE, THAI, KHMER, "useful, thanks", ""):
        assert not is_zawgyi(text), text


def kobo_csv(path):
    return write_csv(path, KOBO_END, [["MM-01", "4", "8", ZAWGYI_MY, UNICODE_MY, "k1", "2016-06-08T10:00:00"],
                                      ["MM-02", "5", "9", THAI, KHMER, "k2", "2016-06-08T10:05:00"]])


def kobo_xlsx(path):
    book = Workbook()
    for row in (KOBO_END, ["MM-01", 4, 8, ZAWGYI_MY, UNICODE_MY, "k1", "2016-06-08T10:00:00"],
                ["MM-02", 5, 9, THAI, KHMER, "k2", "2016-06-08T10:05:00"]):
        book.active.append(row)
    book.save(path)
    return path


def odk_csv(path):
    return write_csv(path, ODK_END, [["2016-06-08T10:00:00Z", "MM-01", "4", "8", ZAWGYI_MY, UNICODE_MY, "uuid:o1"],
                                     ["2016-06-08T10:05:00Z", "MM-02", "5", "9", THAI, KHMER, "uuid:o2"]])


def paper_csv(path):
    return write_csv(path, PAPER_END, [["1", "MM-01", "2016-06-08", "4", "8", ZAWGYI_MY, UNICODE_MY],
                                       ["2", "MM-02", "2016-06-08", "5", "9", THAI, KHMER]])


def tidy_csv(path):
    rows = []
    for rid, who, values in (("t1", "MM-01", ("4", "8", ZAWGYI_MY, UNICODE_MY)), ("t2", "MM-02", ("5", "9", THAI, KHMER))):
        for question, value in zip(("overall", "recommend", "most_useful", "change_one_thing"), values):
            rows.append([rid, "end", who, "2016-06-08T10:00:00Z", "", question, value])
    return write_csv(path, TIDY, rows)


# (writer, file name, the line and column the Zawgyi answer is on)
CASES = {"kobo-csv": (kobo_csv, "kobo.csv", "line 2, column most_useful"),
         "kobo-xlsx": (kobo_xlsx, "kobo.xlsx", "line 2, column most_useful"),
         "odk": (odk_csv, "odk.csv", "line 2, column most_useful"),
         "paper": (paper_csv, "paper.csv", "line 2, column most_useful"),
         "tidy": (tidy_csv, "tidy.csv", "line 4, column value: most_useful")}


@pytest.mark.parametrize("case", CASES)
def test_every_import_stores_zawgyi_as_typed_flags_it_and_names_its_line(tmp_path, any_store, case):
    store = any_store
    write, name, where = CASES[case]
    path = write(tmp_path / name)
    report = import_file(store, path, form_id=None if case == "tidy" else "end")
    assert report.stored == 2
    assert [str(p) for p in report.zawgyi] == [
        f"{path}, {where}: Burmese in the Zawgyi encoding: stored as typed and flagged ('trainingkit feedback flagged' lists "
        "them); convert it to Unicode before reading it with the other comments"]
    assert str(report).splitlines()[0] == str(report.zawgyi[0]) and report.zawgyi[0].severity == "warning"
    flagged = store.flagged_answers()
    assert flagged[["participant", "form_id", "question"]].values.tolist() == [["MM-01", "end", "most_useful"]]
    assert flagged.value.tolist() == [ZAWGYI_MY]  # byte for byte: never normalised or converted
    answers = store.answers()
    assert set(answers.value) >= {ZAWGYI_MY, UNICODE_MY, THAI, KHMER}


def test_a_file_with_no_zawgyi_reports_as_before(tmp_path, store):
    path = write_csv(tmp_path / "paper.csv", PAPER_END, [["1", "MM-01", "2016-06-08", "4", "8", UNICODE_MY, BURMESE]])
    report = import_file(store, path)
    assert report.zawgyi == () and str(report).count("\n") == 0
    assert store.flagged_answers().empty


def test_the_phone_and_notebook_way_in_flags_zawgyi_too(any_store):
    store = any_store
    rid = store.submit("end", {"overall": 4, "recommend": 8, "most_useful": ZAWGYI_MY, "change_one_thing": UNICODE_MY},
                       participant="MM-03", source="web", language="my")
    flagged = store.flagged_answers()
    assert flagged[["response_id", "question", "value"]].values.tolist() == [[rid, "most_useful", ZAWGYI_MY]]
    store.submit("end", {"overall": 4, "recommend": 8, "most_useful": ZAWGYI_MY}, participant="MM-03", response_id=rid,
                 source="web")  # the same response sent twice: stored once, flagged once
    assert len(store.flagged_answers()) == 1


def test_the_flagged_command_lists_them(tmp_path, forms):
    db = f"sqlite:///{tmp_path / 'cli.sqlite'}"
    FeedbackStore(db, forms=forms, cohort="pilot-2016").submit(
        "end", {"overall": 4, "recommend": 8, "change_one_thing": ZAWGYI_MY}, participant="MM-04", response_id="z1")
    result = CliRunner().invoke(main, ["feedback", "flagged", "--db", db, "--cohort", "pilot-2016"],
                                env={"TRAININGKIT_ROOT": str(REPO)})
    assert result.exit_code == 0, result.output
    assert result.output == "z1 (MM-04, form end, change_one_thing): Burmese in Zawgyi\n"
