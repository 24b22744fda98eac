"""The Phnom Penh recommendations exercise: grid, agencies and SMART checks give the right
hints; answers survive reopening; the notebook runs in a fresh kernel."""
import pytest

from trainingkit.exercises import SavedWork, dataset
from trainingkit.exercises.origin.checks import check_agencies, check_grid, smart_rubric
from trainingkit.exercises.origin.model import AGENCIES, DATASET, priority
from trainingkit.exercises.origin.view import Origin, grid_alt_text

from exercise_notebooks import outputs_text, widget_text

MODEL_GRID = {
    1: ("high", "medium"), 2: ("high", "low"), 3: ("high", "high"), 4: ("high", "medium"),
    5: ("medium", "high"), 6: ("high", "high"), 7: ("high", "low"), 8: ("medium", "medium"),
    9: ("medium", "low"), 10: ("high", "low"),
}
MODEL_AGENCIES = {1: "molvt", 2: "government", 3: "molvt", 4: "molvt", 5: "ncct", 6: "acra", 7: "social", 8: "social", 9: "social", 10: "molvt"}
MODEL_SMART = (
    "By December 2027, the Ministry of Labour and Vocational Training (MoLVT) issues one standard "
    "employment contract in Khmer and English, and requires licensed recruitment agencies to "
    "explain it aloud to each worker before departure. The MoLVT checks 100 pre-departure sessions a year."
)


def failures(checks):
    return [(c.message, c.hint) for c in checks if not c.ok]


def test_the_dataset_holds_the_ten_recommendations_in_order():
    table = dataset(DATASET)
    assert table["number"].tolist() == list(range(1, 11))
    assert table["summary"].str.len().min() > 40
    assert "Sub-decree 190" in table.loc[0, "summary"] and "drug addiction" in table.loc[8, "summary"]


def test_the_grid_sorts_marks_into_four_boxes():
    assert priority("high", "high") == "do first"
    assert priority("high", "low") == "plan for it"
    assert priority("medium", "high") == "quick step"
    assert priority("low", "medium") == "later"
    assert priority("high", None) is None


def test_a_grid_that_places_all_ten_and_chooses_passes():
    checks = check_grid(MODEL_GRID)
    assert failures(checks) == []
    assert checks[-1].message == "Your grid makes choices: 2 to do first."


def test_a_grid_with_unplaced_recommendations_lists_them():
    partial = {n: p for n, p in MODEL_GRID.items() if n not in (2, 9)} | {5: ("medium", None)}
    [check] = check_grid(partial)
    assert not check.ok
    assert check.message == "3 of 10 recommendations are not placed yet: 2, 5, 9."
    assert "'Medium' is fine when you are unsure" in check.hint


def test_a_grid_with_everything_in_one_box_is_asked_to_choose():
    same = {n: ("high", "high") for n in range(1, 11)}
    found = failures(check_grid(same))
    assert ("All ten recommendations sit in the same place on the grid.",
            "Prioritising means choosing. If your organisation had time for only two of them this year, which two would they be?") in found
    assert ("10 recommendations are in 'do first'.",
            "An organisation can push two or three changes at a time. Keep at most 4 in 'do first': which of them can wait?") in found


def test_a_grid_without_high_impact_asks_which_would_change_most():
    flat = {n: ("medium", "high" if n % 2 else "low") for n in range(1, 11)}
    assert failures(check_grid(flat)) == [(
        "No recommendation has high impact.",
        "Which one would change most for migrants and their families in your area? Give it high impact.",
    )]


def test_plausible_agencies_pass_for_every_recommendation():
    assert failures(check_agencies(MODEL_AGENCIES)) == []


def test_an_unlikely_agency_gets_a_hint_about_that_recommendation():
    found = failures(check_agencies(MODEL_AGENCIES | {3: "acra", 9: "molvt", 10: None}))
    assert found == [
        ("Recommendation 3: Association of Cambodian Recruitment Agencies is not the first body to act here.",
         "An association cannot strictly monitor its own members and sanction them. Which ministry licenses recruitment agencies under Sub-decree 190?"),
        ("Recommendation 9: Ministry of Labour and Vocational Training (MoLVT) is not the first body to act here.",
         "Help for returnees with a drug addiction is social care: which ministry handles social affairs?"),
        ("Recommendation 10: no body chosen yet.", "Choose who must act on it."),
    ]


def test_an_unknown_agency_id_is_an_error_that_names_it():
    with pytest.raises(ValueError, match="recommendation 1: unknown agency id 'ministry-x'"):
        check_agencies({1: "ministry-x"})


def test_the_model_smart_recommendation_passes_every_criterion():
    assert failures(smart_rubric(MODEL_SMART, 6)) == []


def test_a_vague_recommendation_gets_a_hint_for_each_missing_part():
    found = dict(failures(smart_rubric("The government should do more about the contracts of migrants.", 6)))
    assert found == {
        "Specific actor: 'the government' or 'the authorities' is too wide.":
            "Name the ministry or office that must act, for example 'the Ministry of Labour and Vocational Training (MoLVT)' or 'provincial authorities'.",
        "Measurable result: nothing to count.":
            "Say how you will know it is done, with a number or a share: '300 commune officials trained', 'every licensed agency inspected twice a year', '80% of contracts in Khmer'.",
        "Time frame: no deadline.":
            "Add when: 'by December 2027', 'within 12 months', 'before the next labour migration forum'.",
    }


def test_a_year_counts_as_a_time_frame_but_not_as_a_measure():
    found = [m for m, _ in failures(smart_rubric("The MoLVT inspects recruitment agencies by 2027.", 3))]
    assert found == ["Measurable result: nothing to count."]


def test_over_promising_and_overlong_recommendations_fail_on_scope():
    promise = failures(smart_rubric("By 2027 the MoLVT will eliminate sub-licensing in 100% of agencies.", 4))
    assert promise == [("Realistic scope: 'eliminate' promises more than one body can deliver.",
                        "Name a step the body can really take in the time you give it.")]
    long_text = MODEL_SMART + " It also trains staff in every province, " + "and more " * 20
    assert [m for m, _ in failures(smart_rubric(long_text, 6))] == ["Realistic scope: 89 words is more than one recommendation."]


def test_a_rewrite_that_drifts_from_the_chosen_recommendation_is_flagged():
    found = failures(smart_rubric(MODEL_SMART, 9))
    assert found == [("It does not seem to be about recommendation 9 any more.",
                      "Read recommendation 9 again and keep its subject in your version.")]


def test_an_empty_rewrite_asks_for_text():
    assert failures(smart_rubric("  ", 2)) == [("Your SMART recommendation is empty.", "Write your version of recommendation 2 in the box first.")]


def test_answers_are_saved_and_come_back_in_the_widgets(tmp_path):
    first = Origin(SavedWork("ex-origin-recommendations", tmp_path))
    impact, feasibility = first._levels[3]
    impact.value, feasibility.value = "high", "high"
    first._levels[7][0].value = "low"
    first._agencies[9].value = "social"
    first._number.value = 6
    first._text.value = MODEL_SMART

    again = Origin(SavedWork("ex-origin-recommendations", tmp_path))
    assert again.placements()[3] == ("high", "high")
    assert again.placements()[7] == ("low", None)
    assert "do first" in again._status[3].value and "not placed yet" in again._status[7].value
    assert again.agency_choices()[9] == "social" and again.agency_choices()[1] is None
    assert (again._number.value, again._text.value) == (6, MODEL_SMART)
    assert "do first: recommendations 3" in again._chart.value


def test_a_fresh_exercise_starts_with_nothing_placed(tmp_path):
    fresh = Origin(SavedWork("ex-origin-recommendations", tmp_path))
    assert set(fresh.placements().values()) == {(None, None)}
    assert all("not placed yet" in s.value for s in fresh._status.values())
    assert set(fresh.agency_choices().values()) == {None}


def test_a_damaged_work_file_is_reported_above_the_grid(tmp_path):
    (tmp_path / "ex-origin-recommendations.json").write_text("{not json")
    exercise = Origin(SavedWork("ex-origin-recommendations", tmp_path))
    assert "could not be read" in exercise.grid.children[0].value


def test_the_alt_text_lists_each_box_and_what_is_not_placed():
    text = grid_alt_text({3: ("high", "high"), 6: ("high", "high"), 5: ("medium", "high")})
    assert text == ("Impact–feasibility grid, feasibility across and impact up. do first: recommendations 3, 6; "
                    "quick step: recommendations 5; not placed yet: 1, 2, 4, 7, 8, 9, 10.")


def test_every_agency_offered_is_named_in_a_hint_or_accepted_somewhere():
    from trainingkit.exercises.origin.model import RESPONSIBLE
    accepted = set().union(*(r.accepted for r in RESPONSIBLE.values()))
    assert accepted == set(AGENCIES)


@pytest.mark.slow
def test_the_notebook_shows_ten_unplaced_recommendations_and_a_model_that_passes(executed_exercise):
    nb = executed_exercise("ex-origin-recommendations").nb
    assert widget_text(nb).count(">not placed yet<") == 10
    model = outputs_text(nb, tag="solution")
    assert "Time frame: there is a deadline or a period." in model and "Hint:" not in model
