"""Session metadata is validated, and every message names the file, cell and field."""
import pytest

from trainingkit.course import collect_course, load_course
from trainingkit.errors import CourseError

from coursefactory import edit_notebook, front_matter, markdown


def findings_for(course_dir):
    return [str(f) for f in collect_course(course_dir)[1]]


def session_path(course_dir, sid="d1-s2"):
    return next((course_dir / "modules" / f"day{sid[1]}").glob(f"{sid}-*.ipynb"))


def set_front_matter(course_dir, sid, **changes):
    def change(nb):
        meta = {"id": sid, "title": "T", "day": int(sid[1]), "minutes": 105,
                "objectives": ["Name one thing", "Explain another"]}
        meta.update(changes)
        meta = {k: v for k, v in meta.items() if v is not None}
        nb.cells[0] = markdown(front_matter(meta))
    edit_notebook(session_path(course_dir, sid), change)


def test_the_real_sessions_load_in_toc_order(course_dir):
    course = load_course(course_dir)
    assert [s.id for s in course.sessions][:3] == ["d1-s1", "d1-s2", "d1-s3"]
    assert course.days[0].title == "Topic 1"


def test_minutes_must_be_a_positive_number(course_dir):
    set_front_matter(course_dir, "d1-s2", minutes="ninety")
    assert findings_for(course_dir) == [
        "modules/day1/d1-s2-topic.ipynb:0: minutes: Input should be a valid integer, unable to parse string as an integer"
    ]


def test_a_missing_title_is_named(course_dir):
    set_front_matter(course_dir, "d1-s2", title=None)
    assert findings_for(course_dir) == ["modules/day1/d1-s2-topic.ipynb:0: title: Field required"]


def test_an_unknown_key_is_refused(course_dir):
    set_front_matter(course_dir, "d1-s2", minuets=90)
    assert findings_for(course_dir) == ["modules/day1/d1-s2-topic.ipynb:0: minuets: Extra inputs are not permitted"]


def test_the_id_must_match_the_day(course_dir):
    set_front_matter(course_dir, "d1-s2", day=2)
    assert findings_for(course_dir) == [
        "modules/day1/d1-s2-topic.ipynb:0: front matter: id 'd1-s2' does not start with d2- although day is 2"
    ]


def test_a_session_needs_two_to_four_objectives(course_dir):
    set_front_matter(course_dir, "d1-s2", objectives=["Only one"])
    assert findings_for(course_dir) == [
        "modules/day1/d1-s2-topic.ipynb:0: objectives: List should have at least 2 items after validation, not 1"
    ]


def test_a_notebook_without_front_matter_is_reported_at_cell_0(course_dir):
    edit_notebook(session_path(course_dir), lambda nb: nb.cells.__setitem__(0, markdown("## No front matter")))
    assert findings_for(course_dir) == [
        "modules/day1/d1-s2-topic.ipynb:0: missing front matter: the first markdown cell must open with a --- YAML block"
    ]


def test_load_course_raises_with_every_finding(course_dir):
    set_front_matter(course_dir, "d1-s2", minutes=0)
    set_front_matter(course_dir, "d2-s3", title="")
    with pytest.raises(CourseError) as err:
        load_course(course_dir)
    assert [f.path for f in err.value.findings] == ["modules/day1/d1-s2-topic.ipynb", "modules/day2/d2-s3-topic.ipynb"]


def test_course_yml_times_may_be_written_without_quotes(course_dir):
    text = (course_dir / "course.yml").read_text().replace("'10:30'", "10:30")
    (course_dir / "course.yml").write_text(text)
    assert "at: 10:30" in text
    assert load_course(course_dir).config.breaks[0].at.strftime("%H:%M") == "10:30"


def test_a_bad_course_yml_key_is_named(course_dir):
    (course_dir / "course.yml").write_text((course_dir / "course.yml").read_text() + "min_cell: 2\n")
    with pytest.raises(CourseError, match=r"course.yml: min_cell: Input should be greater than or equal to 3"):
        load_course(course_dir)
