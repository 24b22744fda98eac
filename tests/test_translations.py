"""Every language through PO files: extract, translate, and only reviewed text is released;
drafts show only in a pilot language, and say they are drafts; a broken translation never shows."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from conftest import REPO
from coursefactory import COURSE_YML, markdown, standard_day, write_course, edit_notebook
from trainingkit.cli import main
from trainingkit.course import load_course
from trainingkit.forms import load_form
from trainingkit.forms.page import form_page
from trainingkit.translations.catalog import po_path, read_catalog, template_path, write_catalog
from trainingkit.translations.extract import extract
from trainingkit.translations.markup import problems
from trainingkit.translations.status import check, status

# Fixture strings in each script: test data that proves the texts travel, not a translation of
# the course (they say "useful" or "language" whatever the English says).
THAI, KHMER, LAO, BURMESE, VIET = "มีประโยชน์มาก", "មានប្រយោជន៍", "ມີປະໂຫຍດ", "အသုံးဝင်သည်", "Hữu ích"
FIXTURE = {"th": THAI, "km": KHMER, "lo": LAO, "my": BURMESE, "vi": VIET}
REVIEWED = ["reviewed-by: Thai reviewer, 2026-12-01"]

FORM = {
    "id": "mini", "version": 1, "title": {"en": "Mini form"},
    "questions": [
        {"id": "useful", "type": "select_one", "choices": "yn", "required": True, "label": {"en": "Was it useful?"}},
        {"id": "note", "type": "text", "label": {"en": "Anything else?"}, "hint": {"en": "A sentence is enough."}},
    ],
    "choices": {"yn": [{"name": "yes", "label": {"en": "Yes"}}, {"name": "no", "label": {"en": "No"}}]},
}


def make_course(root: Path, languages: dict) -> Path:
    config = {**COURSE_YML, "languages": languages}
    write_course(root, {1: standard_day(1)}, course=config)
    (root / "feedback/forms").mkdir(parents=True)
    (root / "feedback/forms/mini.yml").write_text(yaml.safe_dump(FORM), encoding="utf-8")
    (root / "feedback/forms/daily.yml").write_text((REPO / "feedback/forms/daily.yml").read_text(encoding="utf-8"), encoding="utf-8")
    return root


def set_languages(root: Path, languages: dict) -> None:
    config = yaml.safe_load((root / "course.yml").read_text())
    (root / "course.yml").write_text(yaml.safe_dump({**config, "languages": languages}))


def translate(root: Path, language: str, domain: str, texts: dict[str, str], reviewed: bool) -> None:
    path = po_path(root, language, domain)
    catalog = read_catalog(path, language)
    for english, text in texts.items():
        message = catalog.get(english)
        assert message is not None, f"{english!r} was not extracted into {path.name}"
        message.string = text
        message.user_comments = list(REVIEWED) if reviewed else []
    write_catalog(path, catalog)


@pytest.fixture
def course(tmp_path):
    root = make_course(tmp_path / "c", {"th": "released", "km": "pilot", "lo": "planned"})
    extract(root, pages=False)
    return root


def test_extract_writes_a_template_and_a_po_file_per_language_with_every_form_text(course):
    forms = read_catalog(template_path(course, "forms"))
    ids = [m.id for m in forms if m.id]
    assert ["Mini form", "Was it useful?", "Anything else?", "A sentence is enough.", "Yes", "No"] == [
        i for i in ids if i in {"Mini form", "Was it useful?", "Anything else?", "A sentence is enough.", "Yes", "No"}]
    # the generated daily questions as their template, once, not once per session
    assert sum("{session}" in i for i in ids) == 2
    course_ids = [m.id for m in read_catalog(template_path(course, "course")) if m.id]
    assert "Session d1-s2" in course_ids and "Name the first thing" in course_ids
    assert "Your participant code" in [m.id for m in read_catalog(template_path(course, "interface")) if m.id]
    for code in ("th", "km", "lo"):
        assert po_path(course, code, "forms").is_file()
    assert not po_path(course, "my", "forms").exists()  # not one of this course's languages


def test_a_reviewed_translation_reaches_the_form_and_its_generated_questions(course):
    translate(course, "th", "forms", {"Mini form": THAI, "Was it useful?": THAI + "?", "Yes": "ใช่",
                                      "How useful was the session “{session}” for your work?": "“{session}” " + THAI,
                                      "Daily feedback": THAI}, reviewed=True)
    translate(course, "th", "course", {"Session d1-s2": "การประชุม 2"}, reviewed=True)
    c = load_course(course)
    mini = load_form(c, "mini")
    assert mini.languages == ("en", "th")
    assert (mini.title["th"], mini.field("useful").label["th"]) == (THAI, THAI + "?")
    assert mini.field("useful").choices[0].label["th"] == "ใช่"
    assert mini.field("note").text("label", "th") == "Anything else?"  # untranslated: English
    assert mini.drafts == ()
    daily = load_form(c, "daily")
    assert daily.field("d1_s2_useful").label["th"] == "“การประชุม 2” " + THAI
    assert daily.field("d1_s1_useful").label["th"] == "“Session d1-s1” " + THAI  # its title is not translated
    page = form_page(mini, "th")
    assert THAI in page and 'lang="th"' in page and "not yet reviewed" not in page


def test_drafts_stay_hidden_in_a_released_language_and_show_with_the_note_in_a_pilot(course):
    translate(course, "th", "forms", {"Mini form": THAI}, reviewed=False)
    translate(course, "km", "forms", {"Mini form": KHMER}, reviewed=False)
    translate(course, "lo", "forms", {"Mini form": LAO}, reviewed=True)
    c = load_course(course)
    mini = load_form(c, "mini")
    assert mini.languages == ("en", "km")  # th: a draft in a released language; lo: planned
    assert mini.drafts == ("km",)
    page = form_page(mini, "km")
    assert KHMER in page and "Draft translation — not yet reviewed" in page
    assert "not yet reviewed" not in form_page(mini, "en")


def test_a_translation_that_breaks_a_placeholder_is_never_shown(course):
    translate(course, "th", "forms", {"Daily feedback": THAI,
                                      "How useful was the session “{session}” for your work?": "“{sesion}” " + THAI},
              reviewed=True)
    daily = load_form(load_course(course), "daily")
    assert daily.field("d1_s2_useful").text("label", "th") == "How useful was the session “Session d1-s2” for your work?"


def test_a_changed_english_text_becomes_a_draft_again_and_loses_its_review(course):
    translate(course, "th", "forms", {"Was it useful?": THAI}, reviewed=True)
    data = {**FORM, "questions": [{**FORM["questions"][0], "label": {"en": "Was it useful to you?"}}, FORM["questions"][1]]}
    (course / "feedback/forms/mini.yml").write_text(yaml.safe_dump(data), encoding="utf-8")
    extract(course, pages=False)
    message = read_catalog(po_path(course, "th", "forms"), "th").get("Was it useful to you?")
    assert message.string == THAI and message.fuzzy
    assert not any(c.startswith("reviewed-by") for c in message.user_comments)
    assert load_form(load_course(course), "mini").field("useful").text("label", "th") == "Was it useful to you?"


def test_status_counts_translated_draft_reviewed_and_missing_per_language_and_domain(course):
    translate(course, "th", "forms", {"Mini form": THAI, "Yes": "ใช่"}, reviewed=True)
    translate(course, "th", "forms", {"No": "ไม่ใช่"}, reviewed=False)
    rows = {(r.language, r.domain): r for r in status(course)}
    th = rows[("th", "forms")]
    assert (th.state, th.translated, th.draft, th.reviewed, th.missing) == ("released", 3, 1, 2, th.total - 3)
    assert rows[("km", "forms")].missing == rows[("km", "forms")].total
    table = CliRunner().invoke(main, ["translations", "status"], env={"TRAININGKIT_ROOT": str(course)}).output
    assert "Thai (th)" in table and "released" in table and "Lao (lo)" in table


def test_check_catches_a_broken_role_placeholder_and_link_and_names_the_po_line(course):
    path = po_path(course, "km", "glossary")
    catalog = read_catalog(path, "km")
    catalog.add("See {term}`ASEAN`.", "មើល {term}ASEAN។")
    catalog.add("How useful was “{session}”?", "“{sesion}” " + KHMER)
    catalog.add("Read [the guide](participant-guide.md).", "អាន [មគ្គុទ្ទេសក៍] (participant-guide.md)។")
    write_catalog(path, catalog)
    template = read_catalog(template_path(course, "glossary"))
    for m in list(catalog)[-3:]:
        template.add(m.id)
    write_catalog(template_path(course, "glossary"), template)
    findings = [f for f in check(course) if f.path.startswith("locales/km/")]
    found = [str(f) for f in findings]
    assert any("role: {term} is not followed by `text`" in f for f in found), found
    assert any("placeholder: lost {session}; added {sesion}" in f for f in found), found
    assert any("link: a space between ] and (" in f for f in found), found
    assert all(f.path == "locales/km/LC_MESSAGES/glossary.po" and f.line > 1 for f in findings), found  # names the PO line


def test_check_refuses_a_released_language_with_unreviewed_text(course):
    findings = [str(f) for f in check(course)]
    assert any("Thai is released in course.yml" in f and "missing text(s) are not reviewed" in f for f in findings)
    result = CliRunner().invoke(main, ["translations", "check"], env={"TRAININGKIT_ROOT": str(course)})
    assert result.exit_code == 1
    set_languages(course, {"th": "pilot", "km": "pilot", "lo": "planned"})
    assert check(course) == []


@pytest.mark.parametrize("english, translation, expected", [
    ("Day {number}: {title}", "{title} {number}", []),
    ("The {term}`ASEAN` Charter", "ធម្មនុញ្ញ {term}`ASEAN`", []),
    ("See {doc}`the guide <participant-guide>`.", "មើល {doc}`មគ្គុទ្ទេសក៍ <guide>`។",
     ["role: a {doc}/{ref} target was changed (translate the words, keep the target)"]),
    ("Read [the guide](guide.md).", "អាន [មគ្គុទ្ទេសក៍](gide.md)។",
     ["link: addresses differ (English: guide.md; translation: gide.md)"]),
    ("**Pairs · 25 minutes**", "**ជាគូ · ២៥ នាទី", ["markup: ** (bold) is not closed, or was dropped"]),
    ("Run `trainingkit check`", "រត់ `trainingkit ឆែក`", ["markup: text in `backticks` is code or a name: keep it as in the English"]),
])
def test_markup_checks_say_what_broke(english, translation, expected):
    assert problems(english, translation) == expected


def test_the_course_declares_lao_and_which_languages_show(tmp_path):
    config = load_course(REPO).config
    assert set(config.languages) == {"en", "km", "lo", "my", "th", "vi"}
    assert config.languages["en"] == "source"
    root = make_course(tmp_path / "bad", {"xx": "pilot"})
    with pytest.raises(Exception, match="unknown language code xx"):
        load_course(root)


def test_the_repository_catalogues_are_extracted_and_pass_check():
    """The committed PO files match the sources and hold no broken translation."""
    assert check(REPO) == []
    drafted = read_catalog(po_path(REPO, "th", "interface"), "th").get("Language")
    assert drafted.string == "ภาษา" and drafted.fuzzy  # a draft, marked as one


@pytest.mark.slow
def test_pages_are_extracted_from_the_staged_participant_edition_without_trainer_text(tmp_path):
    from nbformat import read

    from trainingkit.build import stage, sync_tree
    from trainingkit.course import load_course as load
    from trainingkit.translations.pages import staged_participant

    root = make_course(tmp_path / "c", {"km": "pilot"})
    session = root / "modules/day1/d1-s2-topic.ipynb"
    edit_notebook(session, lambda nb: nb.cells.extend([
        markdown("## Who moves where\n\nWorkers cross the border for jobs in factories."),
        markdown("Tell the room about the TRAINER-ONLY-NOTE before the break.", tags=["trainer"]),
        markdown("**Model answer.** The SOLUTION-ONLY-TEXT names three channels.", tags=["solution"]),
    ]))
    with pytest.raises(Exception, match="run `trainingkit build --edition participant` first"):
        extract(root)
    course = load(root)
    executed = {page: read(page, as_version=4) for page in root.glob("modules/*/*.ipynb")}
    sync_tree(staged_participant(root), stage(course, "participant", executed))
    report = extract(root)
    assert report.domains["modules"] >= 2 and "book" in report.domains
    pages = read_catalog(template_path(root, "modules"))
    ids = [m.id for m in pages if m.id]
    assert "Workers cross the border for jobs in factories." in ids
    assert not [i for i in ids if "TRAINER-ONLY-NOTE" in i or "SOLUTION-ONLY-TEXT" in i]
    assert po_path(root, "km", "modules").is_file()
    assert "Workers cross the border" in po_path(root, "km", "modules").read_text(encoding="utf-8")
