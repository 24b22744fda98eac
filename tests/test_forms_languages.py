"""A form in the trainees' five languages: the menu lists the languages that have the form, the
XLSForm names every language and its default, imports take answers in any of them, and the
phone keeps the language a trainee chose."""
from __future__ import annotations

import pytest

from formserver import serving
from translationcases import FIXTURE, make_course, translate
from trainingkit.course import load_course
from trainingkit.forms import load_form
from trainingkit.forms.page import form_page
from trainingkit.forms.xlsform import workbook, write_xlsform
from trainingkit.translations.extract import extract

FIVE = {code: "pilot" for code in ("km", "lo", "my", "th", "vi")}


@pytest.fixture
def five(tmp_path):
    """The mini form with its title and question in five languages (fixture strings), reviewed
    in Thai and Vietnamese, drafts in Khmer, Lao and Burmese, and its "Yes" only in Thai."""
    root = make_course(tmp_path / "c", FIVE)
    extract(root, pages=False)
    for code, text in FIXTURE.items():
        translate(root, code, "forms", {"Mini form": text, "Was it useful?": text + "?"}, reviewed=code in ("th", "vi"))
    translate(root, "th", "forms", {"Yes": "ใช่"}, reviewed=True)
    return root


def test_the_menu_lists_the_languages_that_have_the_form(five, tmp_path):
    form = load_form(load_course(five), "mini")
    assert form.languages == ("en", "km", "lo", "my", "th", "vi")
    assert form.drafts == ("km", "lo", "my")
    page = form_page(form, "th")
    for code in form.languages:
        assert f'?lang={code}" lang="{code}"' in page
    # a language the course shows but whose form title is not translated is not offered
    daily = load_form(load_course(five), "daily")
    assert daily.languages == ("en",)


def test_the_xlsform_has_a_named_default_and_every_language_and_pyxform_converts_it(five, tmp_path):
    pyxform = pytest.importorskip("pyxform.xls2xform")
    form = load_form(load_course(five), "mini")
    sheets = workbook(form)
    assert sheets["settings"][0]["default_language"] == "English (en)"
    useful = next(r for r in sheets["survey"] if r["name"] == "useful")
    assert useful["label::Khmer (km)"] == FIXTURE["km"] + "?"
    assert useful["label::Lao (lo)"] == FIXTURE["lo"] + "?"
    assert useful["label::Burmese (my)"] == FIXTURE["my"] + "?"
    note = next(r for r in sheets["survey"] if r["name"] == "note")
    assert note["label::Vietnamese (vi)"] == "Anything else?"  # untranslated: English, never blank
    yes = next(r for r in sheets["choices"] if r["name"] == "yes")
    assert (yes["label::Thai (th)"], yes["label::Khmer (km)"]) == ("ใช่", "Yes")
    result = pyxform.convert(xlsform=str(write_xlsform(form, tmp_path / "mini.xlsx")), validate=False)
    assert not result.warnings, result.warnings
    for lang in ("English (en)", "Khmer (km)", "Lao (lo)", "Burmese (my)", "Thai (th)", "Vietnamese (vi)"):
        assert f'lang="{lang}"' in result.xform
    assert all(text in result.xform for text in FIXTURE.values())


def test_an_answer_given_as_a_label_in_any_language_imports_as_the_choice(five):
    form = load_form(load_course(five), "mini")
    values, problems = form.check({"useful": "ใช่"})
    assert (values, problems) == ({"useful": "yes"}, {})
    assert form.check({"useful": "No"})[0] == {"useful": "no"}
    assert "is not a choice" in form.check({"useful": "Maybe"})[1]["useful"]


@pytest.mark.slow
def test_the_phone_opens_every_form_in_the_language_the_trainee_chose(five, tmp_path, browser):
    context = browser.new_context(viewport={"width": 375, "height": 812}, is_mobile=True)
    phone = context.new_page()
    with serving(five, tmp_path / "feedback.sqlite") as (base, _):
        phone.goto(base + "forms/mini")
        assert phone.locator("h1").inner_text() == "Mini form"
        phone.locator('.tk-languages a[lang="km"]').click()
        phone.wait_for_url("**lang=km")
        assert phone.locator("h1").inner_text() == FIXTURE["km"]
        assert "not yet reviewed" in phone.locator(".tk-draft").inner_text()
        assert phone.locator("html").get_attribute("lang") == "km"
        phone.goto(base)  # the list of forms, then the form again without ?lang
        phone.locator('a[href="/forms/mini"]').click()
        phone.wait_for_url("**lang=km")
        assert phone.locator("h1").inner_text() == FIXTURE["km"]
        phone.locator('.tk-languages a[lang="vi"]').click()
        phone.wait_for_url("**lang=vi")
        assert phone.locator(".tk-draft").count() == 0  # reviewed: no note
        phone.goto(base + "forms/mini")
        phone.wait_for_url("**lang=vi")
        assert phone.locator("h1").inner_text() == FIXTURE["vi"]
    context.close()
