"""Problem tree to objective tree (ex-problem-tree): outlines, first-draft objectives, the
self-checks with their hints, the drawing and export, saved work, and the notebook run fresh."""
import itertools

import pytest

from trainingkit.exercises.kit.work import SavedWork
from trainingkit.exercises.problemtree.checks import (
    POSITIVE_HINT, check_all, check_causes, check_effects, check_objectives, check_sub_causes,
)
from trainingkit.exercises.problemtree.model import (
    STARTERS, Node, Tree, parse_outline, statements, suggest_objective, tree_from_answer,
)
from trainingkit.exercises.problemtree.view import (
    NOT_WRITTEN, ProblemTree, export_trees, problem_label, tree_alt, tree_layout,
)

from exercise_notebooks import cells_tagged, html_outputs, participant_text, untagged_html

PROBLEM = "Migrant workers in Thailand cannot form or lead trade unions"


def good_answer():
    answer = {
        "problem": PROBLEM,
        "causes": "The labour law reserves union leadership for Thai citizens\n- Thailand has not ratified C87\n"
                  "Employers do not accept migrant unions",
        "effects": "Migrant workers have no voice in wage talks\nAbuses at work go unreported",
    }
    answer["objectives"] = {
        PROBLEM: "Migrant workers in Thailand can form and lead trade unions",
        "The labour law reserves union leadership for Thai citizens": "The labour law lets any worker lead a union",
        "Thailand has not ratified C87": "Thailand has ratified C87",
        "Employers do not accept migrant unions": "Employers bargain with migrant unions",
        "Migrant workers have no voice in wage talks": "Migrant workers speak for themselves in wage talks",
        "Abuses at work go unreported": "Workers report abuses at work safely",
    }
    return answer


def test_an_outline_line_starting_with_a_dash_or_space_belongs_to_the_line_above():
    nodes = parse_outline("Fees are high\n- Agents charge twice\n  Brokers add costs\n\nWorkers lack information\n")
    assert nodes == (Node("Fees are high", ("Agents charge twice", "Brokers add costs")), Node("Workers lack information"))


def test_a_sub_line_with_nothing_above_it_counts_as_a_statement():
    assert parse_outline("- Agents charge twice") == (Node("Agents charge twice"),)


def test_statements_list_each_text_once_in_reading_order():
    tree = Tree("P", (Node("C", ("S",)),), (Node("E"), Node("C")))
    assert statements(tree) == [("Core problem", "P"), ("Cause", "C"), ("Sub-cause", "S"), ("Effect", "E")]


@pytest.mark.parametrize("problem, draft", [
    (PROBLEM, "Migrant workers in Thailand can form or lead trade unions"),
    ("Workers recruited through the MOU channel pay high fees and start work in debt",
     "Workers recruited through the MOU channel pay lower fees and start work free of debt"),
    ("Migrant women working in special economic zones lack maternity protection",
     "Migrant women working in special economic zones have maternity protection"),
    ("The labour ministry does not monitor recruitment agencies", "The labour ministry monitors recruitment agencies"),
    ("Employers fail to enrol migrants in social security", "Employers enrol migrants in social security"),
    ("There is a lack of labour inspectors", "Enough labour inspectors"),
    ("Contracts are not explained in the workers' language", "Contracts are explained in the workers' language"),
    ("Workers are denied maternity leave", "Workers are given maternity leave"),
])
def test_a_first_draft_restates_the_problem_as_the_change_wanted(problem, draft):
    assert suggest_objective(problem) == draft


def test_no_draft_is_offered_when_no_rule_fits():
    assert suggest_objective("Agencies pass licences to sub-agents") == ""


def test_a_sound_tree_with_positive_objectives_passes_every_check():
    results = check_all(good_answer())
    assert [r.ok for r in results] == [True] * 6
    assert results[-1].message == "Every objective is phrased as a positive change."


def test_one_cause_is_not_enough_and_the_hint_says_to_ask_why():
    tree = tree_from_answer({**good_answer(), "causes": "The labour law reserves union leadership for Thai citizens"})
    result = check_causes(tree)
    assert not result.ok and result.message == "Your tree has 1 cause; it needs at least 2."
    assert 'Ask "why does this happen?"' in result.hint


def test_one_effect_is_not_enough_and_the_hint_says_to_ask_what_follows():
    result = check_effects(tree_from_answer({**good_answer(), "effects": "Abuses at work go unreported"}))
    assert not result.ok and 'Ask "what happens because of this?"' in result.hint


def test_a_tree_without_sub_causes_is_asked_to_dig_deeper():
    result = check_sub_causes(tree_from_answer({**good_answer(), "causes": "Law\nEmployers"}))
    assert not result.ok and 'Ask "why?" again about one cause' in result.hint


def test_missing_objectives_point_to_the_suggest_button():
    answer = good_answer()
    del answer["objectives"]["Abuses at work go unreported"]
    result = check_objectives(tree_from_answer(answer), answer["objectives"])[0]
    assert not result.ok and result.message == '1 statement(s) have no objective yet, e.g. "Abuses at work go unreported".'
    assert 'Press "Suggest objectives"' in result.hint


@pytest.mark.parametrize("objective", [
    "Migrant workers no longer cannot form unions",
    "No lack of union rights for migrant workers",
    "Migrant workers do not lack union rights",
])
def test_a_negation_reworded_is_not_a_positive_change(objective):
    answer = good_answer()
    answer["objectives"][PROBLEM] = objective
    results = check_objectives(tree_from_answer(answer), answer["objectives"])
    assert not results[-1].ok and results[-1].message == f'Not yet phrased as a positive change: "{objective}".'
    assert results[-1].hint == POSITIVE_HINT and '"no lack of information" still describes the problem' in POSITIVE_HINT


def test_an_objective_that_copies_its_problem_is_caught():
    answer = good_answer()
    answer["objectives"]["Abuses at work go unreported"] = "abuses at work go  unreported"
    assert not check_objectives(tree_from_answer(answer), answer["objectives"])[-1].ok


def test_the_starters_are_three_mekong_problems():
    assert [s.id for s in STARTERS] == ["mou-fees", "union-rights", "sez-maternity"]


def overlaps(a, b) -> bool:
    return a.x < b.x + b.width and b.x < a.x + a.width and a.y < b.y + b.height and b.y < a.y + a.height


@pytest.mark.parametrize("n", range(3, 9))
def test_boxes_never_overlap_for_three_to_eight_causes_and_effects(n):
    long = "a statement long enough to wrap over three or four lines in a narrow column of the tree"
    tree = Tree(long, tuple(Node(f"cause {i} {long}", (f"sub {i} {long}", "short")) for i in range(n)),
                tuple(Node(f"effect {i} {long}", (f"further {i}",)) for i in range(n)))
    layout = tree_layout(tree, problem_label)
    assert len(layout.boxes) == 1 + 3 * n + 2 * n
    assert not [pair for pair in itertools.combinations(layout.boxes, 2) if overlaps(*pair)]
    assert all(0 <= b.x and b.x + b.width <= layout.width for b in layout.boxes)
    assert len(layout.arrows) == 2 * n and len(layout.spines) == 2 * n
    assert layout.width <= 11.6  # fits a landscape page when printed


def test_the_alt_text_reads_the_tree_from_roots_to_branches():
    alt = tree_alt(tree_from_answer(good_answer()), problem_label, "Problem tree",
                   ("Core problem", "Causes (roots)", "Effects (branches)"))
    assert alt == (f"Problem tree. Core problem: {PROBLEM}. Causes (roots): The labour law reserves union leadership "
                   "for Thai citizens (because of: Thailand has not ratified C87); Employers do not accept migrant "
                   "unions. Effects (branches): Migrant workers have no voice in wage talks; Abuses at work go unreported.")


def test_both_trees_are_saved_as_png_and_svg(tmp_path):
    files = export_trees(good_answer(), tmp_path)
    assert sorted(p.name for p in files) == ["objective-tree.png", "objective-tree.svg", "problem-tree.png", "problem-tree.svg"]
    assert (tmp_path / "problem-tree.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert "<svg" in (tmp_path / "objective-tree.svg").read_text(encoding="utf-8")


def test_the_tree_is_saved_and_comes_back_in_the_widgets(tmp_path):
    editor = ProblemTree(SavedWork("ex-problem-tree", tmp_path))
    editor.starter.value = "union-rights"
    editor.causes.value = "Employers do not accept migrant unions\n- Thailand has not ratified C87"
    editor.effects.value = "Abuses at work go unreported"
    editor.suggest.click()

    again = ProblemTree(SavedWork("ex-problem-tree", tmp_path))
    assert again.problem.value == PROBLEM
    assert again.answer()["objectives"] == {
        PROBLEM: "Migrant workers in Thailand can form or lead trade unions",
        "Employers do not accept migrant unions": "Employers accept migrant unions",
        "Thailand has not ratified C87": "Thailand has ratified C87",
        "Abuses at work go unreported": "",  # no rule fits: the trainee writes it
    }
    assert [row.children[1].value for row in again.objective_rows.children][1] == "Employers accept migrant unions"


def test_an_edited_objective_is_kept_and_a_removed_statement_loses_its_objective(tmp_path):
    editor = ProblemTree(SavedWork("ex-problem-tree", tmp_path))
    editor.problem.value = PROBLEM
    editor.causes.value = "Employers do not accept migrant unions\nThe law is old"
    editor.objective_rows.children[1].children[1].value = "Employers bargain with migrant unions"
    editor.causes.value = "Employers do not accept migrant unions"
    saved = SavedWork("ex-problem-tree", tmp_path).get("objectives")
    assert saved == {"Employers do not accept migrant unions": "Employers bargain with migrant unions"}


def test_an_empty_tree_draws_boxes_that_say_not_written_yet(tmp_path):
    layout = tree_layout(tree_from_answer({}), problem_label)
    assert [b.text for b in layout.boxes] == [NOT_WRITTEN]


@pytest.mark.slow
def test_the_notebook_asks_for_the_core_problem_and_its_model_tree_passes(executed_exercise):
    nb = executed_exercise("ex-problem-tree").nb
    shown = untagged_html(nb)
    assert "Nothing saved yet: write the core problem first" in shown
    assert "Write the core problem on the trunk." in shown
    model = "".join(html_outputs(c) for c in cells_tagged(nb, "solution"))
    assert model.count("✔") == 6 and "✘" not in model
    assert "Objective tree. Core objective: Workers recruited through the MOU channel pay fair, affordable fees" in model
    assert "One fair, published fee covers the whole process" not in participant_text(nb)
