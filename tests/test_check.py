"""`trainingkit check`: each rule catches a small broken course and passes the real one."""
import json

import nbformat
import pytest
import yaml

from trainingkit.check import check_course

from conftest import REPO
from coursefactory import code, edit_notebook, markdown, session_notebook, write_course


def problems(root):
    return [str(f) for f in check_course(root)]


def nb_path(root, sid):
    return next((root / "modules" / f"day{sid[1]}").glob(f"{sid}-*.ipynb"))


def test_the_real_course_passes():
    assert problems(REPO) == []


def test_the_small_course_passes(course_dir):
    assert problems(course_dir) == []


def test_duplicate_session_ids(course_dir):
    nbformat.write(session_notebook("d1-s2", 30), course_dir / "modules/day1/d1-s2-again.ipynb")
    toc = yaml.safe_load((course_dir / "_toc.yml").read_text())
    toc["parts"][0]["chapters"].append({"file": "modules/day1/d1-s2-again"})
    (course_dir / "_toc.yml").write_text(yaml.safe_dump(toc))
    found = problems(course_dir)
    assert "modules/day1/d1-s2-again.ipynb: session id 'd1-s2' is used by 2 notebooks" in found
    assert "modules/day1/d1-s2-topic.ipynb: session id 'd1-s2' is used by 2 notebooks" in found


def test_a_day_that_does_not_fit(course_dir):
    edit_notebook(nb_path(course_dir, "d2-s5"), lambda nb: nb.cells.__setitem__(slice(None), session_notebook("d2-s5", 75).cells))
    assert problems(course_dir) == [
        "course.yml: day 2 runs to 17:45, 45 minutes past its end at 17:00: shorten sessions or breaks by 45 minutes"
    ]


def test_toc_entry_without_a_file_and_notebook_outside_the_toc(course_dir):
    nb_path(course_dir, "d1-s5").rename(course_dir / "modules/day1/d1-s5-renamed.ipynb")
    assert problems(course_dir) == [
        "_toc.yml: entry 'modules/day1/d1-s5-topic' has no file modules/day1/d1-s5-topic.ipynb or modules/day1/d1-s5-topic.md",
        "modules/day1/d1-s5-renamed.ipynb: not in _toc.yml",
    ]


def test_unknown_cell_tag(course_dir):
    edit_notebook(nb_path(course_dir, "d1-s1"), lambda nb: nb.cells.append(markdown("Note", tags=["trainr"])))
    assert problems(course_dir) == [
        "modules/day1/d1-s1-topic.ipynb:2: unknown cell tag 'trainr' (known: trainer, solution, and MyST-NB's hide-*/remove-* tags)"
    ]


def test_committed_outputs_and_widget_state(course_dir):
    def dirty(nb):
        nb.cells.append(code("print(1)", outputs=[nbformat.v4.new_output("stream", text="1")]))
        nb.metadata["widgets"] = {"application/vnd.jupyter.widget-state+json": {"state": {}}}
    edit_notebook(nb_path(course_dir, "d1-s1"), dirty)
    assert problems(course_dir) == [
        "modules/day1/d1-s1-topic.ipynb: widget state saved in the notebook metadata: clear it before committing",
        "modules/day1/d1-s1-topic.ipynb:2: outputs committed: clear outputs before committing",
    ]


def test_exercise_id_that_no_notebook_provides_and_missing_dataset(course_dir):
    edit_notebook(nb_path(course_dir, "d1-s1"), lambda nb: nb.cells.__setitem__(slice(None), session_notebook("d1-s1", 90, exercises=["ex-wages"]).cells))
    ex = nbformat.v4.new_notebook(cells=[markdown("---\nid: ex-map\ntitle: Map\nminutes: 30\ndatasets: [datasets/none.csv]\n---\n\nText.")])
    (course_dir / "exercises").mkdir()
    nbformat.write(ex, course_dir / "exercises/ex-map.ipynb")
    toc = yaml.safe_load((course_dir / "_toc.yml").read_text())
    toc["parts"].append({"caption": "Exercises", "chapters": [{"file": "exercises/ex-map"}]})
    (course_dir / "_toc.yml").write_text(yaml.safe_dump(toc))
    assert problems(course_dir) == [
        "exercises/ex-map.ipynb: datasets: 'datasets/none.csv' does not exist",
        "modules/day1/d1-s1-topic.ipynb: exercises: no notebook in exercises/ provides 'ex-wages'",
    ]


def test_a_run_that_does_not_add_up_or_skips_an_objective(course_dir):
    def change(nb):
        nb.cells[1] = markdown(
            "### Run of the session\n\n| Clock | Minutes | Activity | Objectives |\n|---|---|---|---|\n"
            "| 0–30 | 30 | Talk | 1 |\n| 30–80 | 50 | Groups | 3 |\n", tags=["trainer"]
        )
    edit_notebook(nb_path(course_dir, "d1-s1"), change)
    assert problems(course_dir) == [
        "modules/day1/d1-s1-topic.ipynb:1: objective 2 is not practised by any activity in the run of the session",
        "modules/day1/d1-s1-topic.ipynb:1: run of the session adds up to 80 minutes, but the session has 90",
        "modules/day1/d1-s1-topic.ipynb:1: run of the session refers to objective 3, but there are only 2",
    ]


def test_a_session_without_a_run(course_dir):
    edit_notebook(nb_path(course_dir, "d1-s1"), lambda nb: nb.cells.pop(1))
    assert problems(course_dir) == ["modules/day1/d1-s1-topic.ipynb: no 'Run of the session' table in a trainer cell"]


def test_placeholder_text(course_dir):
    (course_dir / "book/index.md").write_text("# Test\n\nTODO: write the welcome.\n")
    assert problems(course_dir) == ["book/index.md: placeholder text 'TODO': write the real content"]


def test_a_session_in_the_wrong_day_part(course_dir):
    toc = yaml.safe_load((course_dir / "_toc.yml").read_text())
    toc["parts"][0]["caption"] = "Day 2: Mislabelled"
    (course_dir / "_toc.yml").write_text(yaml.safe_dump(toc))
    assert problems(course_dir) == ["_toc.yml: part 'Day 2: Mislabelled' holds day 1 sessions: caption it 'Day 1: …'"]


def test_the_first_use_of_an_acronym_on_a_page_must_link_the_glossary(course_dir):
    (course_dir / "book/glossary.md").write_text(
        "# Glossary\n\n```{glossary}\nAICHR\n  The human-rights commission.\n\nMOU\n  Memorandum of understanding.\n```\n"
    )
    toc = yaml.safe_load((course_dir / "_toc.yml").read_text())
    toc["parts"].append({"caption": "Reference", "chapters": [{"file": "book/glossary"}]})
    (course_dir / "_toc.yml").write_text(yaml.safe_dump(toc))
    (course_dir / "book/index.md").write_text(
        "# Test\n\n## About AICHR\n\nThe {term}`AICHR` meets twice a year. AICHR decides by consensus.\n\n"
        "Thailand signed `MOU` texts and MOUs with its neighbours.\n"
    )
    edit_notebook(nb_path(course_dir, "d1-s1"), lambda nb: nb.cells.append(markdown("Ask about {term}`MOUs <MOU>` and AICHR.")))
    assert problems(course_dir) == [
        "book/index.md: first use of 'MOU' should link the glossary: {term}`MOU`",
        "modules/day1/d1-s1-topic.ipynb:2: first use of 'AICHR' should link the glossary: {term}`AICHR`",
    ]
