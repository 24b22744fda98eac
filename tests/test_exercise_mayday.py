"""May Day 2016 demands: every choice gets feedback that explains; defensible entry points are
accepted with their reason; choices are saved and reload into the form."""
import json

from trainingkit.exercises import SavedWork, dataset
from trainingkit.exercises.mayday.checks import check_choice
from trainingkit.exercises.mayday.model import (
    DIMENSIONS, ENTRY_NOTES, EXERCISE_ID, KEY, OPTIONS, debrief_table, verdict, your_classification,
)
from trainingkit.exercises.mayday.view import MaydayDemands

from conftest import REPO


def demands():
    return dataset("mayday-2016-demands", REPO)


def test_every_demand_of_the_dataset_has_a_model_for_each_question_with_known_options():
    assert sorted(KEY) == sorted(demands()["demand"]) == list(range(1, 10))
    for demand, answers in KEY.items():
        assert set(answers) == set(DIMENSIONS)
        for dim, answer in answers.items():
            assert answer.model in OPTIONS[dim], (demand, dim)
            assert set(answer.accepted) <= set(OPTIONS[dim]) - {answer.model}, (demand, dim)


def test_the_model_standard_passes_with_its_reason():
    result = check_choice(4, "standard", "ilo_conventions")
    assert result.ok
    assert result.message == "Demand 4, Standard: ILO conventions C87, C98 and C189. It names ILO Conventions 87, 98 and 189."


def test_a_wrong_standard_gets_a_hint_that_points_to_the_demand():
    result = check_choice(4, "standard", "minimum_wage")
    assert not result.ok
    assert result.message == "Demand 4, Standard: Minimum wage is not the best fit."
    assert result.hint == "Demand 4 asks the government to ratify conventions: which standard is that?"


def test_a_defensible_entry_point_passes_and_says_why_and_what_the_model_prefers():
    result = check_choice(5, "entry", "none")
    assert result.ok
    assert "is defensible. No ASEAN body will set the amount of 421 baht" in result.message
    assert "The model answer is AFML or its national preparatory workshop: The Cebu Declaration asks" in result.message


def test_a_wrong_entry_point_hint_explains_the_body_and_then_the_demand():
    result = check_choice(1, "entry", "aichr")
    assert not result.ok
    assert result.hint == (
        "AICHR is ASEAN's human-rights commission. It decides by consensus. AICHR gives civil society a formal but "
        "narrow channel: CSOs can apply for consultative relationship under its 2015 guidelines; it has no complaints "
        "procedure (as of 2 December 2026, confirmed ✅). "
        "This demand is about one province. Could an ASEAN body ask a governor to set up a committee?"
    )


def test_a_wrong_target_hint_does_not_add_an_entry_point_note():
    assert check_choice(8, "target", "governor").hint == "The demand names a ministerial order. Who can change an order of a ministry?"


def test_no_choice_yet_gets_the_hint_not_a_verdict():
    result = check_choice(9, "standard", None)
    assert (result.ok, result.message) == (False, "Demand 9, Standard: not chosen yet.")
    assert result.hint == "Which right do rules on travelling inside the country and going home limit?"


def test_the_debrief_table_puts_each_choice_beside_the_model_and_its_reason():
    choices = {"4": {"entry": "acwc"}, "1": {"target": "ministry"}}
    table = debrief_table(choices)
    assert len(table) == 27
    row = table.loc[(4, "ASEAN entry point")]
    assert (row["Your choice"], row["Model"], row["Verdict"]) == ("ACWC", "AFML or its national preparatory workshop", "defensible")
    assert row["Also defensible"] == "ACSC/APF; TFAMW; ACWC"
    assert table.loc[(1, "Target"), "Verdict"] == "different"
    assert table.loc[(2, "Target"), "Your choice"] == "–" and table.loc[(2, "Target"), "Verdict"] == "not chosen"


def test_the_trainees_table_marks_model_defensible_and_different_choices():
    table = your_classification({"1": {"target": "governor", "entry": "afml", "standard": "minimum_wage"}})
    assert table.loc[1].tolist() == ["✔ Provincial governor (Chiang Mai)", "✘ Minimum wage", "≈ AFML or its national preparatory workshop"]
    assert table.loc[2].tolist() == ["–", "–", "–"]


def test_verdicts_cover_model_defensible_different_and_not_chosen():
    assert [verdict(6, "entry", c) for c in ("acsc_apf", "acwc", "acmw", None)] == [
        "matches the model", "defensible", "different", "not chosen"]


def test_a_fresh_form_starts_empty_and_saves_nothing(tmp_path):
    form = MaydayDemands(demands(), SavedWork(EXERCISE_ID, tmp_path))
    assert {d.value for d in form.dropdowns.values()} == {None}
    assert all(f.value == "" for f in form.feedback.values())
    assert list(tmp_path.iterdir()) == []


def test_a_choice_is_answered_at_once_saved_and_reloaded_into_the_form(tmp_path):
    form = MaydayDemands(demands(), SavedWork(EXERCISE_ID, tmp_path))
    form.dropdowns[(4, "standard")].value = "ilo_conventions"
    form.dropdowns[(4, "entry")].value = "acmw"
    assert "It names ILO Conventions 87, 98 and 189." in form.feedback[4].value
    assert "The ACMW is a committee of one senior labour-ministry official" in form.feedback[4].value
    saved = json.loads((tmp_path / f"{EXERCISE_ID}.json").read_text(encoding="utf-8"))
    assert saved == {"choices": {"4": {"standard": "ilo_conventions", "entry": "acmw"}}}

    again = MaydayDemands(demands(), SavedWork(EXERCISE_ID, tmp_path))
    assert again.dropdowns[(4, "standard")].value == "ilo_conventions"
    assert again.dropdowns[(4, "entry")].value == "acmw"
    assert again.dropdowns[(4, "target")].value is None
    assert "It names ILO Conventions 87, 98 and 189." in again.feedback[4].value


def test_every_entry_point_has_a_note_for_its_hint():
    assert set(ENTRY_NOTES) == set(OPTIONS["entry"])
