"""Forms are declared once in YAML, validated with messages naming file and question, and the
course-dependent parts (competence items, daily sessions) are generated, never retyped."""
from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
import yaml

from conftest import REPO
from coursefactory import COURSE_YML, standard_day, write_course
from trainingkit.course import load_course
from trainingkit.forms import FormError, load_form, load_forms
from trainingkit.forms.spec import parse_spec

# Test data in Thai, Khmer and Burmese ("very useful", "useful", "useful"): fixture labels that
# prove the schema and everything after it carry these scripts; not a translation of the course.
THAI, KHMER, BURMESE = "มีประโยชน์มาก", "មានប្រយោជន៍", "အသုံးဝင်သည်"

MULTI_FORM = {
    "id": "multi",
    "version": 2,
    "title": {"en": "Fixture form in four languages", "th": THAI, "km": KHMER, "my": BURMESE},
    "competences": {"type": "likert", "choices": "five", "required": True,
                    "label": {"en": "I can {outcome}.", "th": THAI, "km": KHMER, "my": BURMESE}},
    "questions": [
        {"id": "useful", "type": "likert", "choices": "five", "required": True,
         "label": {"en": "Useful?", "th": THAI, "km": KHMER, "my": BURMESE}},
        {"id": "recommend", "type": "rating", "label": {"en": "Recommend?", "th": THAI, "km": KHMER, "my": BURMESE}},
        {"id": "tools", "type": "select_multiple", "choices": "tools",
         "label": {"en": "Tools?", "th": THAI, "km": KHMER, "my": BURMESE}},
        {"id": "people", "type": "integer", "min": 0, "max": 50,
         "label": {"en": "How many?", "th": THAI, "km": KHMER, "my": BURMESE}},
        {"id": "note", "type": "text", "label": {"en": "Note", "th": THAI, "km": KHMER, "my": BURMESE}},
    ],
    "choices": {
        "five": [{"name": str(n), "label": {"en": f"{n} en", "th": f"{n} {THAI}", "km": f"{n} {KHMER}", "my": f"{n} {BURMESE}"}}
                 for n in range(1, 6)],
        "tools": [{"name": name, "label": {"en": name, "th": THAI, "km": KHMER, "my": BURMESE}} for name in ("tree", "map", "media")],
    },
}


def make_course(root: Path, forms: dict[str, dict] | None = None) -> Path:
    """A two-day course with two outcomes, the real daily form and the given fixture forms."""
    config = {**COURSE_YML, "outcomes": [{"id": "mapping", "text": "Map the power around an advocacy target"},
                                         {"id": "asks", "text": "Write a clear ask"}],
              "languages": ["en", "th", "km", "my"]}
    write_course(root, {1: standard_day(1), 2: standard_day(2)}, course=config)
    (root / "feedback/forms").mkdir(parents=True)
    for name in ("daily",):
        (root / f"feedback/forms/{name}.yml").write_text((REPO / f"feedback/forms/{name}.yml").read_text(encoding="utf-8"), encoding="utf-8")
    for form_id, data in (forms or {"multi": MULTI_FORM}).items():
        (root / f"feedback/forms/{form_id}.yml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return root


def errors_of(data: dict) -> list[str]:
    with pytest.raises(FormError) as info:
        parse_spec(data, "feedback/forms/x.yml")
    return [str(f) for f in info.value.findings]


def with_question(**changes) -> dict:
    question = {"id": "pace", "type": "select_one", "choices": "pace", "label": {"en": "Pace?"}, **changes}
    return {"id": "x", "version": 1, "title": {"en": "X"}, "questions": [question],
            "choices": {"pace": [{"name": "ok", "label": {"en": "OK"}}]}}


# -- the real forms ---------------------------------------------------------------------------

def test_the_course_has_the_five_forms_of_the_feedback_contract():
    forms = load_forms(load_course(REPO))
    assert sorted(forms) == ["daily", "end", "followup", "post", "pre"]
    assert {"overall", "recommend", "most_useful", "change_one_thing"} <= forms["end"].names
    assert (forms["end"].field("overall").type, forms["end"].field("recommend").type) == ("likert", "rating")
    assert (forms["followup"].field("actions").type, forms["followup"].field("engaged").choice_names) == ("select_multiple", ["yes", "no"])


def test_pre_and_post_share_one_competence_item_per_course_outcome():
    course = load_course(REPO)
    pre, post = load_form(course, "pre"), load_form(course, "post")
    expected = [f"c_{o.id}" for o in course.config.outcomes]
    assert [f.name for f in pre.fields if f.name.startswith("c_")] == expected
    assert [f.name for f in post.fields if f.name.startswith("c_")] == expected
    assert expected[0] == "c_asean_structure"
    item = pre.field("c_asean_structure")
    assert item.label["en"] == "I can explain how ASEAN is organised and where it takes decisions on labour migration."
    assert (item.type, item.required, item.choice_names) == ("likert", True, ["1", "2", "3", "4", "5"])
    assert pre.field("c_mechanisms").choices == post.field("c_mechanisms").choices


def test_daily_questions_are_generated_for_the_rated_sessions_of_each_day():
    course = load_course(REPO)
    daily = load_form(course, "daily")
    day1 = [f for f in daily.fields_for(1) if f.session]
    assert [(f.name, f.session, f.question) for f in day1[:2]] == [("d1_s1_useful", "d1-s1", "useful"), ("d1_s1_comment", "d1-s1", "comment")]
    assert {f.session for f in day1} == {s.id for s in course.days[0].sessions if s.rated}
    assert "d1_s5_useful" not in daily.names  # the daily review is rated: false
    assert daily.field("d1_s2_useful").label["en"] == f"How useful was the session “{course.session('d1-s2').title}” for your work?"
    assert daily.field("day").choice_names == ["1", "2", "3", "4", "5"]
    assert {"pace", "day_comment"} <= {f.name for f in daily.fields_for(3)}


def test_followup_keeps_the_action_ids_the_action_plan_exercise_uses():
    followup = load_form(load_course(REPO), "followup")
    assert followup.field("actions").choice_names == [
        "afml", "acsc_apf", "submission", "officials", "media", "evidence", "training", "network", "other"]
    assert followup.field("actions").choices[2].label["en"] == "Sent a statement or submission to an ASEAN body (ACMW, AICHR or ACWC)"


# -- fixture forms in several languages -------------------------------------------------------

def test_labels_in_thai_khmer_and_burmese_are_kept_and_english_comes_first(tmp_path):
    form = load_form(load_course(make_course(tmp_path / "c")), "multi")
    assert form.languages == ("en", "km", "my", "th")
    assert form.field("useful").label == {"en": "Useful?", "th": THAI, "km": KHMER, "my": BURMESE}
    assert form.field("c_mapping").label["en"] == "I can map the power around an advocacy target."
    assert form.field("tools").choices[0].label["km"] == KHMER


# -- validation messages name the file and the question ---------------------------------------

def test_an_unknown_question_type_is_named_with_file_and_question():
    assert errors_of(with_question(type="slider")) == [
        "feedback/forms/x.yml: questions/0 (pace)/type: Input should be 'likert', 'rating', 'select_one', "
        "'select_multiple', 'text' or 'integer'"]


def test_a_choices_list_that_is_not_defined_is_reported():
    assert errors_of(with_question(choices="speed")) == [
        "feedback/forms/x.yml: questions/0 (pace): choices list 'speed' is not defined under choices:"]


def test_a_likert_question_needs_the_names_1_to_5():
    assert errors_of(with_question(type="likert")) == [
        "feedback/forms/x.yml: questions/0 (pace): a likert list has exactly the names 1, 2, 3, 4, 5 in order"]


def test_english_is_required_and_unknown_language_codes_are_refused():
    assert errors_of(with_question(label={"th": THAI})) == [
        "feedback/forms/x.yml: questions/0 (pace): English ('en') text is required"]
    assert errors_of(with_question(label={"en": "Pace?", "xx": "?"})) == [
        "feedback/forms/x.yml: questions/0 (pace): unknown language code xx (known: en, km, lo, my, th, vi)"]


def test_every_label_exists_in_every_language_of_the_title():
    data = with_question()
    data["title"] = {"en": "X", "th": THAI}
    assert errors_of(data) == [
        "feedback/forms/x.yml: choices/pace/ok: label has no th text (the title is written in it)",
        "feedback/forms/x.yml: questions/0 (pace): label has no th text (the title is written in it)"]


def test_a_question_id_used_twice_and_a_type_without_choices_are_reported():
    data = with_question()
    data["questions"].append({"id": "pace", "type": "text", "label": {"en": "Again"}})
    assert errors_of(data) == ["feedback/forms/x.yml: questions/1 (pace): id 'pace' is used twice"]
    assert errors_of(with_question(type="text")) == [
        "feedback/forms/x.yml: questions/0 (pace): a text question takes no choices"]


def test_the_form_id_must_match_its_file_name(tmp_path):
    root = make_course(tmp_path / "c", {"other": {**MULTI_FORM, "id": "multi"}})
    with pytest.raises(FormError, match="feedback/forms/other.yml: id: 'multi' must match the file name 'other'"):
        load_forms(load_course(root))


def test_broken_yaml_is_reported_with_its_file(tmp_path):
    root = make_course(tmp_path / "c")
    (root / "feedback/forms/bad.yml").write_text(textwrap.dedent("""\
        id: bad
        choices:
          x:
            - {name: a, label: {en: Tick A, B or C}}
        questions: [
        """))
    with pytest.raises(FormError) as info:
        load_forms(load_course(root))
    (found,) = info.value.findings
    assert (found.path, found.line) == ("feedback/forms/bad.yml", 6)  # the line where the list is left open
    assert found.message.startswith("not valid YAML: expected the node content")


# -- values ----------------------------------------------------------------------------------

@pytest.mark.parametrize("name, raw, expected", [
    ("useful", 4, "4"), ("useful", "5", "5"), ("useful", "2.0", "2"), ("useful", None, None), ("useful", "  ", None),
    ("recommend", "0", "0"), ("recommend", 10, "10"),
    ("tools", ["media", "tree"], "tree media"), ("tools", "map tree", "tree map"), ("tools", [], None),
    ("people", "12", "12"), ("note", f" {KHMER} ", f" {KHMER} "),
])
def test_answers_are_made_canonical_text(tmp_path, name, raw, expected):
    form = load_form(load_course(make_course(tmp_path / "c")), "multi")
    assert form.field(name).parse(raw) == expected


@pytest.mark.parametrize("name, raw, reason", [
    ("useful", 6, "6 is out of range (1–5)"), ("useful", "good", "'good' is not a number"),
    ("recommend", 11, "11 is out of range (0–10)"), ("recommend", "7.5", "'7.5' is not a whole number"),
    ("tools", "tree radio", "'radio' is not a choice (choices: tree, map, media)"),
    ("people", -1, "-1 is out of range (0–50)"), ("useful", [1, 2], "one value expected, got a list"),
])
def test_bad_answers_say_why(tmp_path, name, raw, reason):
    form = load_form(load_course(make_course(tmp_path / "c")), "multi")
    with pytest.raises(ValueError) as info:
        form.field(name).parse(raw)
    assert str(info.value) == reason


def test_a_daily_response_answers_only_the_sessions_of_its_day():
    daily = load_form(load_course(REPO), "daily")
    values, problems = daily.check({"day": "1", "d1_s1_useful": 4, "d2_s1_useful": 3, "pace": "too_fast"})
    assert values == {"day": "1", "d1_s1_useful": "4", "d2_s1_useful": "3", "pace": "too_fast"}
    assert problems == {
        "d2_s1_useful": "is about day 2, but the response is for day 1",
        "d1_s2_useful": "required answer missing", "d1_s3_useful": "required answer missing",
        "d1_s4_useful": "required answer missing",
    }
