"""The shared exercise kit: one way to show checks, one rubric ladder, one wording vocabulary,
one atomic write, one notice."""
import pytest

from trainingkit.exercises.kit.checks import Check, Criterion, Results, Rubric, failed, passed, rubric_html, score, total
from trainingkit.exercises.kit.view import ExerciseView, notice_html
from trainingkit.exercises.kit.wording import MONTH_NAMES, has_measure, has_time_frame
from trainingkit.exercises.kit.work import SavedWork, atomic_write


def test_results_show_themselves_as_the_check_list():
    checks = Results([passed("Target: named."), failed("Date: missing.", "Say by when.")])
    page = checks._repr_html_()
    assert page.count("<li") == 2 and "Hint:</em> Say by when." in page
    assert checks == [Check(True, "Target: named."), Check(False, "Date: missing.", "Say by when.")]


def test_a_rubric_line_scores_each_part_and_suggests_only_what_is_missing():
    line = score("Evidence", [(True, "Gives a fact with a number.", "Add a number."), (False, "Says where.", "Name the source.")])
    assert line == Criterion("Evidence", 1, 2, "Gives a fact with a number.", "Name the source.")
    assert line.check == Check(False, "Evidence: 1/2. Gives a fact with a number.", "Name the source.")
    rubric = Rubric([line, Criterion("Length", 2, 2, "120 words.")])
    assert total(rubric) == (3, 4) and "<b>3/4</b>" in rubric._repr_html_() == rubric_html(rubric)


@pytest.mark.parametrize("text, frame", [
    ("by December 2027", True), ("within 12 months", True), ("every year", True), ("before the next AFML", True),
    ("as soon as possible", False), ("ASEAN should do more", False),
])
def test_one_time_frame_vocabulary(text, frame):
    assert has_time_frame(text) is frame


def test_a_year_is_a_deadline_not_a_measure_and_quantifiers_count_only_when_asked():
    assert not has_measure("by December 2027") and has_measure("300 officials trained by 2027")
    assert not has_measure("every partner informed") and has_measure("every partner informed", quantifiers=True)
    assert MONTH_NAMES[0] == "January" and len(MONTH_NAMES) == 12


def test_an_atomic_write_leaves_no_temporary_file(tmp_path):
    path = atomic_write(tmp_path / "deep" / "a.json", "{}")
    assert path.read_text() == "{}" and [p.name for p in path.parent.iterdir()] == ["a.json"]


def test_the_notice_is_escaped_and_heads_a_view(tmp_path):
    (tmp_path / "ex-x.json").write_text("[1, 2", encoding="utf-8")

    class Tiny(ExerciseView):
        id = "ex-x"

    view = Tiny(SavedWork("ex-x", tmp_path))
    [notice] = view.notice()
    assert notice.value == notice_html(view.work.notice)
    assert notice_html("<b>") == '<p role="status" style="color:#8b1a1a"><b>Note:</b> &lt;b&gt;</p>'
