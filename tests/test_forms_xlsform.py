"""XLSForm export: a workbook KoboToolbox and ODK accept, checked by converting it with pyxform
(an optional package: the test is skipped where it is not installed)."""
from __future__ import annotations

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from conftest import REPO
from formcases import BURMESE, KHMER, THAI, make_course
from trainingkit.cli import main
from trainingkit.course import load_course
from trainingkit.forms import load_form, load_forms
from trainingkit.forms.xlsform import workbook, write_xlsform

pyxform = pytest.importorskip("pyxform.xls2xform")


def sheet_rows(path, name):
    rows = list(load_workbook(path)[name].iter_rows(values_only=True))
    return [dict(zip(rows[0], r)) for r in rows[1:]]


@pytest.mark.parametrize("form_id", ["pre", "daily", "post", "end", "followup"])
def test_every_course_form_converts_to_an_xform_without_warnings(tmp_path, form_id):
    form = load_form(load_course(REPO), form_id)
    path = write_xlsform(form, tmp_path / f"{form_id}.xlsx")
    result = pyxform.convert(xlsform=str(path), validate=False)
    assert result.warnings == []
    assert f'id="{form_id}"' in result.xform and f'version="{form.version}"' in result.xform


def test_the_workbook_has_survey_choices_and_settings_sheets(tmp_path):
    path = write_xlsform(load_form(load_course(REPO), "end"), tmp_path / "end.xlsx")
    assert load_workbook(path).sheetnames == ["survey", "choices", "settings"]
    survey = sheet_rows(path, "survey")
    assert [(r["type"], r["name"], r["required"]) for r in survey] == [
        ("text", "participant", "yes"), ("select_one quality", "overall", "yes"), ("range", "recommend", "yes"),
        ("text", "most_useful", None), ("text", "change_one_thing", None)]
    assert survey[2]["parameters"] == "start=0 end=10 step=1" and survey[1]["appearance"] == "likert"
    assert sheet_rows(path, "settings") == [
        {"form_title": "The course as a whole", "form_id": "end", "version": "1", "default_language": "English (en)"}]


def test_daily_sessions_sit_in_one_group_per_day_shown_only_for_that_day():
    survey = workbook(load_form(load_course(REPO), "daily"))["survey"]
    begin = next(r for r in survey if r["type"] == "begin_group" and r["name"] == "day2")
    assert begin["relevant"] == "${day} = '2'"
    inside = survey[survey.index(begin) + 1: survey.index(begin) + 3]
    assert [r["name"] for r in inside] == ["d2_s1_useful", "d2_s1_comment"]


def test_labels_are_written_per_language_and_pyxform_reads_them(tmp_path):
    form = load_form(load_course(make_course(tmp_path / "c")), "multi")
    path = write_xlsform(form, tmp_path / "multi.xlsx")
    useful = next(r for r in sheet_rows(path, "survey") if r["name"] == "useful")
    assert (useful["label::Thai (th)"], useful["label::Khmer (km)"], useful["label::Burmese (my)"]) == (THAI, KHMER, BURMESE)
    choice = next(r for r in sheet_rows(path, "choices") if r["list_name"] == "tools")
    assert choice["label::Khmer (km)"] == KHMER
    xform = pyxform.convert(xlsform=str(path), validate=False).xform
    assert all(f'lang="{lang}"' in xform for lang in ("English (en)", "Thai (th)", "Khmer (km)", "Burmese (my)"))
    assert THAI in xform and KHMER in xform and BURMESE in xform


def test_xlsform_command_writes_the_file(tmp_path):
    out = tmp_path / "kobo" / "followup.xlsx"
    result = CliRunner().invoke(main, ["forms", "xlsform", "followup", "-o", str(out)], env={"TRAININGKIT_ROOT": str(REPO)})
    assert (result.exit_code, result.output) == (0, f"wrote {out}\n")
    names = [r["name"] for r in sheet_rows(out, "choices") if r["list_name"] == "actions"]
    assert names == load_forms(load_course(REPO))["followup"].field("actions").choice_names


def test_forms_commands_list_and_show(tmp_path):
    env = {"TRAININGKIT_ROOT": str(REPO)}
    listing = CliRunner().invoke(main, ["forms", "list"], env=env).output.splitlines()
    assert [line.split()[0] for line in listing] == ["daily", "end", "followup", "post", "pre"]
    shown = CliRunner().invoke(main, ["forms", "show", "daily", "--day", "5"], env=env).output
    assert "* d5_s1_useful" in shown and "d4_s1_useful" not in shown and "d5_s4" not in shown
    missing = CliRunner().invoke(main, ["forms", "show", "evaluation"], env=env)
    assert missing.exit_code == 1
    assert missing.output == "feedback/forms/evaluation.yml: no such form (forms: daily, end, followup, post, pre)\n"
