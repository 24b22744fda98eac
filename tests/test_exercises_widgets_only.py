"""Every case exercise can be finished by a trainee who writes no code: in a fresh namespace,
the notebook's own first cell makes the exercise, and the trainee only sets widgets (choices,
ticks, dates, the text boxes for their own words) and clicks buttons. What the trainee then
sees in each results pane passes, and what they did is saved: a second opening of the
notebook brings every answer back.

The model answers come from the trainer's own solution cells and answer keys, so a change of
the model answer is a change of what this trainee types."""
from __future__ import annotations

import datetime as dt

import ipywidgets as w
import nbformat
import pytest

from trainingkit.exercises.cases import CASES

from conftest import REPO

PASSED, FAILED = '<span class="sr-only">correct:</span>', '<span class="sr-only">not yet:</span>'


# --- opening a notebook as a fresh kernel would -------------------------------------------------

def code_cells(exercise_id: str, tag: str | None = None) -> list[str]:
    nb = nbformat.read(REPO / "exercises" / f"{exercise_id}.ipynb", as_version=4)
    return [c.source for c in nb.cells if c.cell_type == "code" and (tag in c.metadata.get("tags", []) if tag else not c.metadata.get("tags"))]


def open_notebook(exercise_id: str) -> dict:
    """A fresh namespace after the notebook's first cell (the import and ``ex = ...``)."""
    namespace: dict = {}
    exec(code_cells(exercise_id)[0], namespace)  # noqa: S102 - the course's own notebook
    assert "ex" in namespace, f"{exercise_id}: the first cell makes the exercise"
    return namespace


def model_answer(exercise_id: str, name: str):
    """``name`` as the trainer's solution cells define it (what they display goes to pytest's capture)."""
    namespace = open_notebook(exercise_id)
    for source in code_cells(exercise_id, "solution"):
        exec(source, namespace)  # noqa: S102
        if name in namespace:
            return namespace[name]
    raise AssertionError(f"{exercise_id}: no solution cell defines {name}")


@pytest.fixture
def fresh(tmp_path, monkeypatch):
    monkeypatch.setenv("TRAININGKIT_WORK_DIR", str(tmp_path / "work"))
    monkeypatch.setenv("TRAININGKIT_ROOT", str(REPO))
    return tmp_path / "work"


# --- what a trainee can do: set a widget, click a button, read a pane ---------------------------

def widgets(root) -> list:
    found = [root]
    for child in getattr(root, "children", ()):
        found += widgets(child)
    return found


def button(root, label: str) -> w.Button:
    matches = [b for b in widgets(root) if isinstance(b, w.Button) and b.description == label]
    assert len(matches) == 1, f"one button '{label}', found {len(matches)}"
    return matches[0]


def choose(dropdown, label: str) -> None:
    """Pick an option by the words the trainee reads."""
    values = {text: value for text, value in dropdown.options} if isinstance(dropdown.options[0], tuple) else None
    labels = [o[0] if isinstance(o, tuple) else o for o in dropdown.options]
    assert label in labels, f"'{label}' is not offered: {labels}"
    dropdown.label = label
    if values is not None:
        assert dropdown.value == values[label]


def passes(*panes: w.HTML) -> None:
    for pane in panes:
        assert PASSED in pane.value, pane.value[:300]
        assert FAILED not in pane.value, pane.value[pane.value.find(FAILED) - 200:][:600]


def reopened(exercise_id: str):
    return open_notebook(exercise_id)["ex"]


# --- the ten exercises ---------------------------------------------------------------------------

def finish_action_plan(ex):
    from trainingkit.exercises.actionplan.model import MODEL_COURSE_END, MODEL_PLAN

    ex.course_end.value = MODEL_COURSE_END
    for number, action in enumerate(MODEL_PLAN):
        if number:
            button(ex.box, "Add an action").click()
        row = ex.rows[number]
        choose(row["kind"], ex.types[action.kind])
        row["what"].value, row["target"].value, row["indicator"].value = action.what, action.target, action.indicator
        row["by_when"].value = action.by_when
    button(ex.box, "Check my plan").click()
    passes(ex.results)
    button(ex.box, "Save as Markdown and Word").click()
    assert "Saved:" in ex.results.value
    again = reopened(ex.id)
    assert [a.to_saved() for a in again.actions()] == [a.to_saved() for a in MODEL_PLAN]
    assert len(list(ex.work.path.parent.glob("*.docx"))) == 1


def finish_asean_calendar(ex):
    plan = model_answer(ex.id, "model")
    by_id = {e.id: e.short for e in ex.events}
    for number, activity in enumerate(plan):
        ex.add.click()
        what, kind, event, month, _ = ex.rows.children[number].children
        what.value = activity["what"]
        choose(kind, dict((v, k) for k, v in kind.options)[activity["kind"]])
        choose(event, by_id[activity["event"]])
        month.value = activity["month"]
    ex.check()  # the notebook's "check my plan" cell, run as it is
    passes(ex.results)
    assert reopened(ex.id).activities() == plan


def finish_mayday_demands(ex):
    from trainingkit.exercises.mayday.model import key

    demands = key().demands
    for (n, dim), dropdown in ex.dropdowns.items():
        choose(dropdown, key().options[dim][demands[n][dim].model])
    passes(*ex.feedback.values())
    assert ex.show_results(ex.check_all()) and all(c.ok for c in ex.check_all())
    assert reopened(ex.id).choices() == ex.choices()


def finish_message_box(ex):
    statement = model_answer(ex.id, "model_statement")
    for area in ex._box.values():
        area.value = "Our own words for this part of the message box."
    choose(ex._body, next(label for label, value in ex._body.options if value == "ACMW"))
    ex._text.value = statement
    ex._author.value = "P07"
    ex._folder.value = str(ex.work.path.parent / "shared")
    button(ex.statement, "Score my statement").click()
    assert "<b>Total</b>" in ex._own_score.value
    assert all(c.ok for c in ex.check_all())
    button(ex.statement, "Export for peer review").click()
    assert "Saved for your colleague" in ex._export_result.value
    # the peer review: load the exported file, score it, comment and save
    ex._review_path.value = str(ex.work.path.parent / "shared" / "statement-P07.json")
    button(ex.review, "Load the file").click()
    for box in ex._comments.values():
        box.value = "Clear and specific."
    button(ex.review, "Save my review").click()
    assert "is saved in your own work file" in ex._review_result.value
    again = reopened(ex.id)
    assert again._text.value == statement and again._body.value == "ACMW" and "P07" in again.work.get("reviews")


def finish_origin_recommendations(ex):
    from trainingkit.exercises.origin.model import key

    grid = model_answer(ex.id, "model_grid")
    for n, (impact, feasibility) in grid.items():
        ex._levels[n][0].value, ex._levels[n][1].value = impact, feasibility  # two toggle buttons
    button(ex.grid, "Check my grid").click()
    for n, box in ex._agencies.items():
        choose(box, key().agencies[sorted(key().responsible[n].accepted)[0]])
    button(ex.agencies, "Check my choices").click()
    choose(ex._number, next(label for label, value in ex._number.options if value == 6))
    ex._text.value = model_answer(ex.id, "model_smart")
    button(ex.smart, "Check my recommendation").click()
    passes(ex._grid_checks, ex._agency_checks, ex._smart_checks)
    again = reopened(ex.id)
    assert again.placements() == ex.placements() and again.agency_choices() == ex.agency_choices()


def finish_power_map(ex):
    model = model_answer(ex.id, "model")
    ex.objective.value = model["objective"]
    for sid, scores in model["placements"].items():
        for dim, value in scores.items():
            ex.scores[sid][dim].value = value
    for sid, choice in model["roles"].items():
        choose(ex.role[sid], choice["role"])
        ex.reason[sid].value = choice["reason"]
    ex.check()  # the notebook's check cell, run as it is
    passes(ex.results)
    assert reopened(ex.id).answer() == ex.answer() == model


def finish_problem_tree(ex):
    model = model_answer(ex.id, "model")
    ex.problem.value, ex.causes.value, ex.effects.value = model["problem"], model["causes"], model["effects"]
    for row in ex.objective_rows.children:
        statement = row.children[0].value.split("</small> ", 1)[1]
        row.children[1].value = model["objectives"][statement.replace("&#x27;", "'")]
    ex.check()
    passes(ex.results)
    assert reopened(ex.id).answer()["objectives"] == model["objectives"]


def finish_ratification_map(ex):
    for part, column in (("index", "country"), ("columns", "instrument"), ("values", "status")):
        choose(ex.pivot_choice[part], column)
    button(ex.matrix_box, "Build the matrix").click()
    for status, box in ex.status_boxes.items():
        box.value = status in ("not_ratified", "signed")
    button(ex.gaps_box, "Keep these rows").click()
    choose(ex.gap, next(label for label, value in ex.gap.options if value == "Thailand|C87"))
    ex.ask.value = ("The Government of Thailand should ratify ILO Convention 87 on freedom of association by the end "
                    "of 2027, so that migrant workers can form and lead their own unions.")
    button(ex.ask_box, "Check my ask").click()
    passes(ex.matrix_results, ex.gaps_results, ex.results)
    assert "<table" in ex.matrix_out.value and "21 rows kept" in ex.gaps_out.value
    again = reopened(ex.id)
    passes(again.matrix_results, again.gaps_results, again.results)  # the saved choices come back, checked


def finish_minimum_wage(ex):
    choose(ex.real_way, "wage × index of 2016 ÷ index of the year")
    button(ex.real_box, "Work out the real wage").click()
    choose(ex.gap_way, "421 − real wage")
    choose(ex.rise_way, "gap ÷ real wage × 100")
    button(ex.gap_box, "Work out the gap").click()
    ex.alt_text.value = ("Line chart of Thailand's lowest daily minimum wage from 2013 to 2025, with illustrative prices: "
                         "in 2016 baht it stays well below the dashed line of the 421-baht demand.")
    button(ex.chart_box, "Draw my chart").click()
    ex.text.value = "The numbers suggest the gap is still large. The prices are illustrative, so I would get the official index first."
    passes(ex.real_results, ex.gap_results, ex.chart_results)
    assert '<img src="data:image/png' in ex.chart_out.value
    again = reopened(ex.id)
    passes(again.real_results, again.gap_results)
    assert again.text.value == ex.text.value and again.alt_text.value == ex.alt_text.value


SEZ_ZONES = {"tak": "Tak", "tak sez": "Tak", "mukdahan": "Mukdahan", "sa kaeo": "Sa Kaeo", "sakaeo": "Sa Kaeo",
             "sa kaew": "Sa Kaeo", "poipet": "Poipet", "poi pet": "Poipet", "koh kong": "Koh Kong",
             "koh kong sez": "Koh Kong", "kohkong": "Koh Kong", "bavet": "Bavet", "bavet sez": "Bavet",
             "thilawa": "Thilawa", "thilawa sez": "Thilawa"}
SEZ_COUNTRIES = {"thailand": "Thailand", "th": "Thailand", "thai": "Thailand", "cambodia": "Cambodia", "kh": "Cambodia",
                 "khm": "Cambodia", "myanmar": "Myanmar", "burma": "Myanmar", "mm": "Myanmar"}
SEZ_JOBS = {"garment": ("sewing machine operator", "sewing", "garment factory", "garment - sewing", "cutting (garment)",
                        "ironing and folding clothes", "garment"),
            "electronics": ("electronics assembly", "electronic parts", "assembling circuit boards", "wire harness"),
            "food processing": ("fish processing", "seafood peeling", "food factory", "fruit canning"),
            "services": ("cleaner", "cleaning", "canteen cook", "kitchen helper")}
SEZ_DATES = {"T1": "day/month/year, like 17/03/2017", "T2": "day/month/year, like 17/03/2017",
             "T3": "year-month-day, like 2017-03-17", "T4": "day, short month name, year, like 17 Mar 2017",
             "T5": "day-month-year, like 17-03-2017", "T6": "year-month-day, like 2017-03-17",
             "T7": "month name, day, year, like March 17, 2017"}
SEZ_ANSWERS = {"yes": "yes", "y": "yes", "no": "no", "n": "no", "don't know": "no answer"}


def finish_sez_survey(ex):
    choose(ex.duplicates_way, "Keep the first row of each interview id")
    for mapping, meaning in ((ex.zone_of, SEZ_ZONES), (ex.country_of, SEZ_COUNTRIES), (ex.answer_of, SEZ_ANSWERS),
                             (ex.job_of, {text: category for category, texts in SEZ_JOBS.items() for text in texts})):
        assert set(mapping) == set(meaning), "every spelling in the data has its drop-down"
        for text, dropdown in mapping.items():
            choose(dropdown, meaning[text])
    for team, dropdown in ex.date_format_of.items():
        choose(dropdown, SEZ_DATES[team])
    ex.outside_empty.value = True
    choose(ex.hours_way, "Keep only the number (\"10 hrs\" becomes 10); a blank stays missing")
    panes = []
    for box in (ex.duplicates_box, ex.places_box, ex.dates_box, ex.jobs_box, ex.answers_box):
        button(box, "Apply and check").click()
        panes.append(box.children[-1] if isinstance(box.children[-1], w.HTML) else box.children[-1].children[-1])
    button(ex.summary_box, "Make the summary").click()
    ex.text.value = "1. In the synthetic sample from Tak, about 4 in 10 of the women who answered said their employer keeps their documents."
    passes(*panes, ex.summary_pane)
    assert all(c.ok for c in ex.check(ex.cleaned()))  # the notebook's "check everything" cell
    again = reopened(ex.id)
    assert again.choices == ex.choices and again.text.value == ex.text.value


FINISH = {
    "ex-action-plan": finish_action_plan,
    "ex-asean-calendar": finish_asean_calendar,
    "ex-mayday-demands": finish_mayday_demands,
    "ex-message-box": finish_message_box,
    "ex-minimum-wage": finish_minimum_wage,
    "ex-origin-recommendations": finish_origin_recommendations,
    "ex-power-map": finish_power_map,
    "ex-problem-tree": finish_problem_tree,
    "ex-ratification-map": finish_ratification_map,
    "ex-sez-survey": finish_sez_survey,
}


def test_every_exercise_has_a_widgets_only_path_here():
    assert sorted(FINISH) == sorted(CASES)


@pytest.mark.parametrize("exercise_id", sorted(CASES))
def test_the_exercise_is_finished_with_widgets_only_in_a_fresh_namespace_and_saved(exercise_id, fresh):
    ex = open_notebook(exercise_id)["ex"]
    assert not fresh.exists() or not list(fresh.rglob("*.json")), "opening saves nothing"
    FINISH[exercise_id](ex)
    assert (fresh / f"{exercise_id}.json").is_file(), "the work is saved in the trainee's work folder"


# --- a wrong choice is answered like a wrong line of code: the check names the slip --------------

def test_a_wrong_choice_gets_the_hint_of_the_slip_it_makes(fresh):
    rat = open_notebook("ex-ratification-map")["ex"]
    for part, column in (("index", "instrument"), ("columns", "country"), ("values", "status")):
        choose(rat.pivot_choice[part], column)
    assert [c.message for c in rat.show_matrix()] == ["Matrix: rows and columns are swapped."]
    choose(rat.pivot_choice["values"], "instrument")
    assert [c.message for c in rat.show_matrix()] == ["Matrix: one name is chosen twice."]
    for part, column in (("index", "status"), ("columns", "instrument"), ("values", "country")):
        choose(rat.pivot_choice[part], column)
    assert [c.message for c in rat.show_matrix()] == ["Matrix: several rows fall into one cell."]  # not a pandas ValueError
    wage = open_notebook("ex-minimum-wage")["ex"]
    choose(wage.real_way, "wage × 100 ÷ index of the year")
    assert "wrong base year" in wage.show_real_wages()[0].hint
    sez = open_notebook("ex-sez-survey")["ex"]
    choose(sez.duplicates_way, "Drop every row whose interview id is repeated")
    assert sez.step_checks["duplicates"]()[0].message.startswith("Interviews missing: ")
    choose(sez.hours_way, "Keep only the number; a blank becomes 0")
    assert sez.step_checks["answers"]()[0].hint == "A blank answer must stay missing (NaN), not become 0."
