"""Power mapping (ex-power-map): the stakeholder data, the AIIM self-checks with their hints,
the map, saved work in the editor, and the notebook run as a trainee would."""
import pandas as pd
import pytest
from frictionless import Package, validate

from trainingkit.errors import TrainingkitError
from trainingkit.exercises.kit.work import SavedWork
from trainingkit.exercises.powermap.checks import (
    check_all, check_allies, check_choices, check_objective, check_placed, check_reasons, check_targets,
)
from trainingkit.exercises.powermap.model import Stakeholder, clean_answer, load_stakeholders
from trainingkit.exercises.powermap.view import PowerMap, power_map_alt, power_map_figure

from conftest import REPO
from exercise_notebooks import cells_tagged, html_outputs, participant_text, untagged_html

OBJECTIVE = "Thailand's Ministry of Labour lets migrant workers form and lead unions"
FEW = (
    Stakeholder("th-labour", "Thailand's Ministry of Labour", "Thai Labour Ministry", "Government", "Thailand", "Decides."),
    Stakeholder("th-unions", "Trade unions in Thailand", "Thai unions", "Unions", "Thailand", "Organise."),
    Stakeholder("th-employers", "Employers' organisations", "Thai employers", "Employers", "Thailand", "Hire."),
    Stakeholder("media", "Thai and regional media", "Media", "Media", "Thailand", "Report."),
)


def placed(**scores):
    return {sid: dict(zip(("alignment", "interest", "influence"), s)) for sid, s in scores.items()}


def good_answer():
    return {
        "objective": OBJECTIVE,
        "placements": placed(**{"th-labour": (-1, 3, 5), "th-unions": (1, 4, 3), "th-employers": (-2, 4, 4), "media": (0, 2, 3)}),
        "roles": {
            "th-labour": {"role": "target", "reason": "It drafts and applies the labour law."},
            "th-unions": {"role": "ally", "reason": "Migrant members would make them stronger."},
        },
    }


def test_a_sound_map_passes_every_check():
    results = check_all(good_answer(), FEW)
    assert [r.ok for r in results] == [True] * 6
    assert results[3].message == "Your targets have high influence: Thai Labour Ministry."


def test_an_unplaced_stakeholder_is_named_and_the_hint_explains_the_three_questions():
    answer = good_answer()
    answer["placements"]["media"]["influence"] = None
    result = check_placed(answer, FEW)
    assert not result.ok and result.message == "Not placed yet: Media."
    assert "Alignment: do they agree with your objective?" in result.hint
    assert "Influence: can they sway the decision?" in result.hint


def test_a_low_influence_target_gets_the_aiim_hint_about_focus():
    answer = good_answer()
    answer["roles"]["media"] = {"role": "target", "reason": "Everyone reads the papers every day."}
    answer["placements"]["media"]["influence"] = 2
    result = check_targets(answer, FEW)
    assert not result.ok
    assert result.message == "Targets without high influence: Media (low)."
    assert "influence tells you where to focus" in result.hint


def test_a_target_that_is_not_placed_is_reported_as_such():
    answer = good_answer()
    answer["placements"].pop("th-labour")
    assert check_targets(answer, FEW).message == "Targets without high influence: Thai Labour Ministry (not placed)."


def test_an_opponent_chosen_as_ally_gets_the_hint_to_persuade_instead():
    answer = good_answer()
    answer["roles"]["th-employers"] = {"role": "ally", "reason": "They know the factories well."}
    result = check_allies(answer, FEW)
    assert not result.ok
    assert result.message == "Allies who do not agree with your objective: Thai employers (strongly against)."
    assert "someone to persuade, not an ally" in result.hint
    assert "challenge their views or limit their influence" in result.hint


def test_a_neutral_ally_is_not_aligned_either():
    answer = good_answer()
    answer["roles"]["media"] = {"role": "ally", "reason": "They can tell workers' stories."}
    assert check_allies(answer, FEW).message == "Allies who do not agree with your objective: Media (neutral)."


def test_choices_without_a_reason_are_named():
    answer = good_answer()
    answer["roles"]["th-unions"]["reason"] = "members"
    result = check_reasons(answer, FEW)
    assert not result.ok and result.message == "Give a reason (a short sentence) for: Thai unions."
    assert "For a target: what power does it have over your objective?" in result.hint


def test_no_target_or_no_ally_is_reported_with_what_each_is():
    answer = good_answer()
    answer["roles"] = {"th-labour": {"role": "target", "reason": "It drafts and applies the labour law."}}
    result = check_choices(answer)
    assert not result.ok and "An ally agrees with you and helps you reach the target" in result.hint
    assert check_allies(answer, FEW).message == "No ally chosen yet."


def test_a_missing_objective_gets_an_example_objective():
    result = check_objective({"objective": "  "})
    assert not result.ok and OBJECTIVE in result.hint


def test_saved_answers_are_cleaned_of_unknown_stakeholders_and_bad_scores():
    data = {
        "objective": OBJECTIVE,
        "placements": {"th-labour": {"alignment": 7, "interest": 3, "influence": 5}, "gone": {"alignment": 1}},
        "roles": {"th-unions": {"role": "friend", "reason": "x"}, "gone": {"role": "ally"}},
    }
    answer = clean_answer(data, FEW)
    assert answer["placements"] == {"th-labour": {"alignment": None, "interest": 3, "influence": 5}}
    assert answer["roles"] == {"th-unions": {"role": "", "reason": "x"}}


def test_the_stakeholder_file_covers_the_asean_bodies_and_every_kind_of_actor():
    stakeholders = load_stakeholders()
    shorts = {s.short for s in stakeholders}
    assert {"ACMW", "AICHR", "ACWC", "ALMM/SLOM", "ASEAN Secretariat"} <= shorts
    assert {"Government", "Employers", "Unions", "Civil society", "Media"} <= {s.group for s in stakeholders}
    assert {s.country for s in stakeholders if s.group == "Government"} == {
        "Thailand (destination)", "Myanmar (origin)", "Cambodia (origin)", "Lao PDR (origin)"}


def test_a_duplicate_stakeholder_id_is_reported_with_its_line():
    frame = pd.DataFrame([dict(id="a", name="A", short="A", group="Media", country="", role=""),
                          dict(id="a", name="B", short="B", group="Media", country="", role="")])
    with pytest.raises(TrainingkitError, match=r"datasets/stakeholders.csv, line 3: id 'a' is used twice"):
        load_stakeholders(frame)


def test_the_stakeholder_resource_is_valid_and_lists_every_source_code_the_rows_cite():
    resource = Package(str(REPO / "datasets/datapackage.yaml")).get_resource("stakeholders")
    assert validate(resource).valid
    assert all(s["title"] and s["path"].startswith("https://") and s["as_of"] for s in resource.sources)
    listed = {s["title"].split()[0] for s in resource.sources}
    cited = {code for codes in pd.read_csv(REPO / "datasets/stakeholders.csv")["sources"].dropna() for code in codes.split()}
    assert cited == listed


def test_the_map_draws_one_marker_per_placed_stakeholder_with_labels_and_legends():
    answer = good_answer()
    answer["placements"].pop("media")
    fig = power_map_figure(answer, FEW)
    ax = fig.axes[0]
    assert len(ax.collections) == 3 + 3  # three stakeholders, three influence sizes in the legend
    assert ax.get_xlabel().startswith("Interest") and ax.get_ylabel().startswith("Alignment")
    assert fig.get_suptitle() == f"Power map (AIIM) for: {OBJECTIVE}"
    assert ax.get_title() == "3 of 4 stakeholders placed; 1 not placed yet"
    assert {t.get_text() for t in ax.texts} >= {"Thai Labour\nMinistry", "Thai unions", "Thai employers"}


def test_stakeholders_on_the_same_spot_are_stacked_each_with_a_one_line_label():
    answer = good_answer()
    answer["placements"]["media"] = {"alignment": -1, "interest": 3, "influence": 2}  # where the ministry is
    ax = power_map_figure(answer, FEW).axes[0]
    ministry, media = (tuple(ax.collections[i].get_offsets()[0]) for i in (0, 3))
    assert ministry[0] == media[0] == 3 and round(ministry[1] - media[1], 2) == 0.19
    assert {"Thai Labour Ministry", "Media"} <= {t.get_text() for t in ax.texts}


def test_the_alt_text_describes_each_placement_in_words():
    alt = power_map_alt(good_answer(), FEW)
    assert alt.startswith(f"Power map (alignment–interest–influence matrix) for the objective: {OBJECTIVE}.")
    assert "Thai Labour Ministry: against, interest some, influence very high." in alt
    assert "Not placed yet" not in alt


def test_placements_and_choices_are_saved_and_come_back_in_the_widgets(tmp_path):
    editor = PowerMap(FEW, SavedWork("ex-power-map", tmp_path))
    editor.objective.value = OBJECTIVE
    editor.scores["th-labour"]["alignment"].value = -1
    editor.scores["th-labour"]["influence"].value = 5
    editor.role["th-labour"].value = "target"
    editor.reason["th-labour"].value = "It drafts the labour law."

    again = PowerMap(FEW, SavedWork("ex-power-map", tmp_path))
    assert again.objective.value == OBJECTIVE
    assert again.scores["th-labour"]["alignment"].value == -1
    assert again.scores["th-labour"]["interest"].value == ""  # still "not placed"
    assert again.answer()["placements"]["th-labour"] == {"alignment": -1, "interest": None, "influence": 5}
    assert again.answer()["roles"] == {"th-labour": {"role": "target", "reason": "It drafts the labour law."}}


def test_a_new_editor_starts_with_every_stakeholder_not_placed(tmp_path):
    editor = PowerMap(FEW, SavedWork("ex-power-map", tmp_path))
    assert all(box.label == "not placed" for s in FEW for box in editor.scores[s.id].values())
    assert not (tmp_path / "ex-power-map.json").exists()  # nothing is written until the trainee acts


def test_a_damaged_save_file_is_reported_in_the_editor(tmp_path):
    (tmp_path / "ex-power-map.json").write_text("{broken")
    editor = PowerMap(FEW, SavedWork("ex-power-map", tmp_path))
    assert "could not be read" in editor.placement.children[0].value


@pytest.mark.slow
def test_the_notebook_shows_what_is_missing_and_its_model_map_passes(executed_exercise):
    nb = executed_exercise("ex-power-map").nb
    shown = untagged_html(nb)
    assert "Not placed yet: ACMW, AICHR" in shown and "Write your advocacy objective first." in shown
    model = html_outputs(cells_tagged(nb, "solution")[1])
    assert model.count("✔") == 6 and "✘" not in model
    assert "Thai Labour Ministry: against, interest some, influence very high." in model
    assert "It drafts and applies the labour law" not in participant_text(nb)
