"""The message box exercise: the rubric scores each criterion and says how to improve; a
statement travels to a colleague as a file; reviews are saved in the reviewer's own work file."""
import json

import nbformat
import pytest

from trainingkit.errors import TrainingkitError
from trainingkit.exercises import SavedWork
from trainingkit.exercises.kit.checks import rubric_html, total
from trainingkit.exercises.statement.checks import score_statement
from trainingkit.exercises.statement.model import BODIES, SharedStatement, export_statement, load_statement
from trainingkit.exercises.statement.view import MessageBox

from conftest import REPO
from exercise_notebooks import outputs_text, widget_text


@pytest.fixture(scope="module")
def model_statement():
    """The model statement of the notebook's solution cell."""
    nb = nbformat.read(REPO / "exercises/ex-message-box.ipynb", as_version=4)
    [cell] = [c.source for c in nb.cells if "model_statement = " in c.source]
    space = {}
    exec(cell.replace("show_text(model_statement)", "").replace('show_rubric(model_statement, "ACMW")', ""), space)
    return space["model_statement"]


def scores(criteria):
    return {c.name: c.points for c in criteria}


def suggestions(criteria):
    return {c.name: c.suggestion for c in criteria if c.suggestion}


def test_the_model_statement_scores_full_marks(model_statement):
    criteria = score_statement(model_statement, "ACMW")
    assert total(criteria) == (10, 10)
    assert all(c.check.ok for c in criteria)
    assert criteria[-1].seen == "200 words, within the limit of 250."


def test_a_vague_statement_gets_a_suggestion_for_every_criterion():
    vague = "Migrant workers suffer a lot in the Mekong. Their lives are hard and nobody cares about them at all."
    criteria = score_statement(vague, "AICHR")
    assert scores(criteria) == {"Audience": 0, "Ask": 0, "Evidence": 0, "Solution": 0, "Length": 1}
    assert suggestions(criteria) == {
        "Audience": "Name the body you write to, for example in the first line: 'To the ASEAN Intergovernmental "
                    "Commission on Human Rights (AICHR)'. The AICHR's mandate is human rights: link your ask to a "
                    "right in the ASEAN Human Rights Declaration (AHRD) or to the ASEAN Charter.",
        "Ask": "Say clearly what you want done: 'We call on … to …'. In the sentence with your ask, name who must "
               "act: the body itself, ASEAN member states, or a government or ministry.",
        "Evidence": "Add one fact with a number: how many workers, how much money, how many cases. Say where your "
                    "fact comes from: 'according to …', or the source and year in brackets.",
        "Solution": "Propose a measure the body can take: adopt, set up, monitor, publish, review … Say what gets "
                    "better if they act ('so that …', 'this will …'): the benefits part of your message box.",
        "Length": "At 19 words there is little room for the problem, the evidence and the ask: aim for 80 to 250 words.",
    }


def test_naming_the_body_without_its_mandate_earns_one_point_and_the_mandate_hint():
    [audience, *_] = score_statement("To the ACWC. We ask member states to inspect recruitment agencies.", "ACWC")
    assert (audience.points, audience.seen) == (1, "Names the ACWC.")
    assert audience.suggestion == "The ACWC works on the rights of women and children: say how the problem affects women or children."


def test_a_statement_to_another_body_does_not_count_as_naming_this_one(model_statement):
    [audience, *_] = score_statement(model_statement, "AICHR")
    assert "Names the" not in audience.seen
    assert audience.suggestion.startswith("Name the body you write to, for example in the first line: 'To the ASEAN Intergovernmental")


def test_an_ask_without_an_actor_is_told_to_name_who_must_act():
    ask = score_statement("Migrant workers should be protected from debt.", "AFML")[1]
    assert (ask.points, ask.seen) == (1, "Makes an ask.")
    assert ask.suggestion.startswith("In the sentence with your ask, name who must act")


def test_an_ask_wrapped_over_two_lines_still_names_its_actor():
    ask = score_statement("We urge\nthe ACMW to review recruitment fees.\n\nWorkers must be safe.", "ACMW")[1]
    assert (ask.points, ask.seen) == (2, "Makes an ask. Says who must act.")


def test_a_year_is_not_evidence_and_a_number_needs_its_source():
    evidence = score_statement("Since 2016 workers have complained.", "ACMW")[2]
    assert evidence.points == 0
    evidence = score_statement("More than 250,000 Cambodians fled Thailand in June 2014.", "ACMW")[2]
    assert (evidence.points, evidence.seen) == (1, "Gives a fact with a number.")
    assert evidence.suggestion == "Say where your fact comes from: 'according to …', or the source and year in brackets."
    evidence = score_statement("More than 250,000 Cambodians fled Thailand in June 2014 (MMN report).", "ACMW")[2]
    assert evidence.points == 2


def test_a_statement_over_250_words_loses_the_length_points(model_statement):
    length = score_statement(model_statement + " More words here." * 20, "ACMW")[-1]
    assert (length.points, length.seen) == (0, "260 words.")
    assert length.suggestion == "Cut 10 words: the limit is 250. Keep the ask and the evidence; cut background."


def test_an_unknown_body_is_an_error_that_lists_the_bodies():
    with pytest.raises(ValueError, match="unknown ASEAN body 'ILO' \\(known: ACMW, AICHR, ACWC, AFML, Secretariat, Leaders\\)"):
        score_statement("text", "ILO")


def test_the_rubric_table_escapes_text_and_shows_the_total():
    page = rubric_html(score_statement("<script>We urge the AFML</script>", "AFML"))
    assert "<script>" not in page
    assert "<b>Total</b></td><td><b>" in page


def test_an_exported_statement_loads_back_with_the_same_content(tmp_path, model_statement):
    shared = SharedStatement(author="P07", body="ACMW", statement=model_statement, message_box={"issue": "Fees"})
    path = export_statement(tmp_path / "shared", shared)
    assert path == tmp_path / "shared" / "statement-P07.json"
    loaded = load_statement(path)
    assert (loaded.author, loaded.body, loaded.statement, loaded.message_box) == ("P07", "ACMW", model_statement, {"issue": "Fees"})
    assert loaded.exported[:2] == "20"


@pytest.mark.parametrize("content, message", [
    ("{broken", "statement-P07.json: not a readable statement file"),
    ('{"kind": "feedback"}', "statement-P07.json: not a statement exported from the message box exercise."),
    ('{"kind": "trainingkit-statement", "version": 1, "author": "P07", "body": "ILO", "statement": "x"}',
     "statement-P07.json: body: Input should be 'ACMW', 'AICHR', 'ACWC', 'AFML', 'Secretariat' or 'Leaders'"),
    ('{"kind": "trainingkit-statement", "version": 1, "author": "Mai Thi Lan", "body": "AFML", "statement": "x"}',
     "statement-P07.json: author: String should match pattern"),
])
def test_a_bad_statement_file_is_reported_with_its_name_and_field(tmp_path, content, message):
    path = tmp_path / "statement-P07.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(TrainingkitError) as err:
        load_statement(path)
    assert str(err.value).startswith(message)


def test_a_missing_statement_file_says_what_to_check(tmp_path):
    with pytest.raises(TrainingkitError, match="no such file. Check the folder and the file name"):
        load_statement(tmp_path / "statement-P99.json")


def test_the_box_and_the_statement_are_saved_and_come_back(tmp_path, model_statement):
    first = MessageBox(SavedWork("ex-message-box", tmp_path / "me"), tmp_path / "shared")
    first._box["issue"].value = "Excessive recruitment fees"
    first._box["benefits"].value = "Workers keep their passports"
    first._body.value = "ACMW"
    first._text.value = model_statement
    first._author.value = "P07"

    again = MessageBox(SavedWork("ex-message-box", tmp_path / "me"), tmp_path / "shared")
    assert again.message_box() == {"issue": "Excessive recruitment fees", "problem": "", "so_what": "",
                                   "solutions": "", "benefits": "Workers keep their passports"}
    assert (again._body.value, again._text.value, again._author.value) == ("ACMW", model_statement, "P07")
    assert again._words.value.endswith(">200 of 250 words</small>")
    again.score_own()
    assert "<b>10/10</b>" in again._own_score.value


def test_scoring_without_a_body_asks_for_one(tmp_path):
    exercise = MessageBox(SavedWork("ex-message-box", tmp_path), tmp_path / "shared")
    exercise.score_own()
    assert "Choose the body you write to first" in exercise._own_score.value


def test_export_needs_a_code_and_writes_to_the_chosen_folder(tmp_path, model_statement):
    exercise = MessageBox(SavedWork("ex-message-box", tmp_path / "me"), tmp_path / "shared")
    exercise._body.value, exercise._text.value = "ACMW", model_statement
    exercise._author.value = "my name"
    assert exercise.export() is None
    assert "give a code of letters, numbers, - or _" in exercise._export_result.value
    exercise._author.value = "P07"
    assert exercise.export() == tmp_path / "shared" / "statement-P07.json"
    assert json.loads((tmp_path / "shared/statement-P07.json").read_text())["author"] == "P07"


def test_a_review_is_loaded_scored_and_saved_in_the_reviewers_own_file(tmp_path, model_statement):
    author = MessageBox(SavedWork("ex-message-box", tmp_path / "author"), tmp_path / "shared")
    author._body.value, author._text.value, author._author.value = "ACMW", model_statement, "P07"
    path = author.export()

    reviewer = MessageBox(SavedWork("ex-message-box", tmp_path / "reviewer"), tmp_path / "shared")
    reviewer._review_path.value = str(path)
    reviewer.load_review()
    assert (reviewer._review_author.value, reviewer._review_body.value) == ("P07", "ACMW")
    assert "<b>10/10</b>" in reviewer._review_score.value
    reviewer._comments["Ask"].value = "Clear ask; add by when."
    reviewer.save_review()
    assert "saved in your own work file" in reviewer._review_result.value

    saved = SavedWork("ex-message-box", tmp_path / "reviewer").get("reviews")["P07"]
    assert saved["scores"] == {"Audience": 2, "Ask": 2, "Evidence": 2, "Solution": 2, "Length": 2}
    assert saved["total"] == [10, 10] and saved["comments"]["Ask"] == "Clear ask; add by when."
    assert "reviews" not in SavedWork("ex-message-box", tmp_path / "author").data

    reopened = MessageBox(SavedWork("ex-message-box", tmp_path / "reviewer"), tmp_path / "shared")
    assert [value for _, value in reopened._saved_reviews.options] == [None, "P07"]
    reopened._saved_reviews.value = "P07"
    assert reopened._comments["Ask"].value == "Clear ask; add by when."
    assert reopened._review_text.value == model_statement


def test_a_pasted_statement_can_be_reviewed_without_a_file(tmp_path):
    reviewer = MessageBox(SavedWork("ex-message-box", tmp_path), tmp_path / "shared")
    reviewer._review_text.value = "We call on the AICHR to publish a study on migrant workers' human rights."
    reviewer._review_body.value = "AICHR"
    reviewer._review_author.value = "P03"
    reviewer.save_review()
    assert SavedWork("ex-message-box", tmp_path).get("reviews")["P03"]["scores"]["Audience"] == 2


def test_loading_a_bad_file_shows_the_error_in_the_review(tmp_path):
    reviewer = MessageBox(SavedWork("ex-message-box", tmp_path), tmp_path / "shared")
    reviewer._review_path.value = str(tmp_path / "statement-P99.json")
    reviewer.load_review()
    assert "statement-P99.json: no such file" in reviewer._review_result.value


def test_every_body_offered_is_one_the_task_names():
    assert list(BODIES) == ["ACMW", "AICHR", "ACWC", "AFML", "Secretariat", "Leaders"]


@pytest.mark.slow
def test_the_notebook_offers_the_bodies_counts_words_and_its_model_scores_full_marks(executed_exercise):
    nb = executed_exercise("ex-message-box").nb
    assert "— choose the body you write to —" in widget_text(nb)
    assert "0 of 250 words" in widget_text(nb)
    assert "<b>10/10</b>" in outputs_text(nb, tag="solution")
