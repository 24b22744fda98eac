"""Edition transforms: the participant edition removes trainer content and anything computed
from it; the trainer edition marks it. Each step is pure and idempotent."""
import copy

import nbformat
import pytest

from trainingkit.editions import (
    EditionError, MODEL_ANSWER_TITLE, PARTICIPANT_STEPS, TRAINER_NOTES_TITLE, TRAINER_STEPS,
    assert_no_trainer_content, build_edition, clear_dependent_outputs, prune_widget_state,
    remove_edition_cells, render_model_answers, render_trainer_notes, replace_front_matter,
)

from coursefactory import code, markdown


def stream(text):
    return nbformat.v4.new_output("stream", name="stdout", text=text)


def notebook(*cells, **metadata):
    return nbformat.v4.new_notebook(cells=list(cells), metadata=metadata)


def texts(nb):
    return ["".join(c.source) for c in nb.cells]


def outputs(nb):
    return [[o.get("text") for o in c.get("outputs", [])] for c in nb.cells if c.cell_type == "code"]


def test_participant_edition_removes_trainer_notes_and_model_answers():
    nb = notebook(
        markdown("Read this."),
        markdown("Ask the group first.", tags=["trainer"]),
        markdown("The answer is B.", tags=["solution"]),
        code("x = 1", tags=["solution"], outputs=[stream("1")]),
    )
    out = build_edition(nb, PARTICIPANT_STEPS)
    assert texts(out) == ["Read this."]


def test_outputs_computed_from_a_removed_cell_are_cleared_and_others_kept():
    nb = notebook(
        code("import pandas as pd\nwages = [300, 310]", outputs=[]),
        code("real = [w / 1.1 for w in wages]", tags=["solution"]),
        code("print(real)", outputs=[stream("[272.7, 281.8]")]),        # uses the answer
        code("total = sum(real)", outputs=[]),
        code("print(total)", outputs=[stream("554.5")]),                # uses it indirectly
        code("print(pd.__name__, wages)", outputs=[stream("pandas [300, 310]")]),  # independent
    )
    out = clear_dependent_outputs(nb)
    assert outputs(out) == [[], [], [], [], [], ["pandas [300, 310]"]]


def test_a_cell_changed_in_place_by_a_model_answer_counts_as_computed_from_it():
    nb = notebook(
        code("df = load()"),
        code("df.dropna(inplace=True)", tags=["solution"]),
        code("df", outputs=[stream("cleaned table")]),
    )
    assert outputs(clear_dependent_outputs(nb))[2] == []


def test_a_cell_that_cannot_be_parsed_after_a_removed_one_loses_its_output():
    nb = notebook(code("x = 1", tags=["solution"]), code("print(x +", outputs=[stream("?")]))
    assert outputs(clear_dependent_outputs(nb))[1] == []


def test_outputs_before_the_removed_cell_are_kept():
    nb = notebook(code("x = 2\nprint(x)", outputs=[stream("2")]), code("x = 3", tags=["solution"]))
    assert outputs(clear_dependent_outputs(nb))[0] == ["2"]


def test_widget_state_keeps_only_models_a_remaining_output_shows():
    view = lambda mid: nbformat.v4.new_output(
        "display_data", data={"application/vnd.jupyter.widget-view+json": {"model_id": mid, "version_major": 2, "version_minor": 0}}
    )
    state = {
        "aaa1": {"model_name": "VBoxModel", "state": {"children": ["IPY_MODEL_bbb2"]}},
        "bbb2": {"model_name": "IntSliderModel", "state": {"value": 3}},
        "ccc3": {"model_name": "TextModel", "state": {"value": "the model answer"}},
    }
    nb = notebook(
        code("box", outputs=[view("aaa1")]),
        code("answer_box", tags=["solution"], outputs=[view("ccc3")]),
        widgets={"application/vnd.jupyter.widget-state+json": {"state": state, "version_major": 2, "version_minor": 0}},
    )
    out = build_edition(nb, PARTICIPANT_STEPS)
    kept = out.metadata.widgets["application/vnd.jupyter.widget-state+json"]["state"]
    assert sorted(kept) == ["aaa1", "bbb2"]
    assert "the model answer" not in nbformat.writes(out)


def test_widget_state_goes_entirely_when_no_widget_is_left():
    nb = notebook(code("x"), widgets={"application/vnd.jupyter.widget-state+json": {"state": {"a1": {}}}})
    assert "widgets" not in prune_widget_state(nb).metadata


def test_trainer_edition_labels_notes_and_folds_model_answers():
    nb = notebook(
        markdown("Ask the group first.", tags=["trainer"]),
        markdown("The answer is B.", tags=["solution"]),
        code("x = 1", tags=["solution"]),
    )
    out = build_edition(nb, TRAINER_STEPS)
    assert texts(out)[0] == f":::{{admonition}} {TRAINER_NOTES_TITLE}\n:class: trainer-notes\n\nAsk the group first.\n:::\n"
    assert texts(out)[1] == f":::{{admonition}} {MODEL_ANSWER_TITLE}\n:class: dropdown model-answer\n\nThe answer is B.\n:::\n"
    assert "hide-cell" in out.cells[2].metadata.tags
    assert out.cells[2].metadata.mystnb["code_prompt_show"] == "Show model answer"


def test_a_note_holding_a_directive_gets_a_longer_fence():
    nb = notebook(markdown(":::{tip}\nUse the map.\n:::", tags=["trainer"]))
    assert texts(render_trainer_notes(nb))[0].startswith("::::{admonition}")
    assert texts(render_trainer_notes(nb))[0].endswith("\n::::\n")


@pytest.mark.parametrize(
    "step", [clear_dependent_outputs, remove_edition_cells, prune_widget_state, render_trainer_notes, render_model_answers]
)
def test_each_step_is_idempotent_and_leaves_its_input_alone(step):
    nb = notebook(
        markdown("Intro"),
        markdown("Note", tags=["trainer"]),
        markdown("Answer", tags=["solution"]),
        code("y = 2", tags=["solution"]),
        code("print(y)", outputs=[stream("2")]),
    )
    before = copy.deepcopy(nb)
    once = step(nb)
    assert nb == before
    assert step(once) == once


def test_a_participant_notebook_with_a_trainer_cell_is_refused_with_its_place():
    nb = notebook(markdown("fine"), markdown("Note", tags=["trainer"]))
    with pytest.raises(EditionError, match=r"modules/day1/x.ipynb:1: trainer-only cell"):
        assert_no_trainer_content(nb, "modules/day1/x.ipynb")


def test_front_matter_is_replaced_by_the_header():
    nb = notebook(markdown("---\nid: d1-s1\n---\n\n## In this session\n\nText."))
    out = replace_front_matter("# Title\n\n**Day 1**\n")(nb)
    assert texts(out) == ["# Title\n\n**Day 1**\n\n## In this session\n\nText.\n"]
    assert texts(replace_front_matter("")(nb)) == ["## In this session\n\nText.\n"]
