"""What each notebook's execution cache key covers (trainingkit/execute.py, build.notebook_jobs)."""
import shutil

import nbformat
import pytest

from trainingkit.build import notebook_jobs
from trainingkit.course import load_course
from trainingkit.execute import PACKAGE_DIR, executed_notebooks, inputs_digest, package_digest

from conftest import REPO
from coursefactory import code, edit_notebook


def jobs_by_page(root):
    course = load_course(root)
    return {job.path.relative_to(root).as_posix(): job for job in notebook_jobs(course, root / "summary.json", "S1")}


def test_only_the_page_that_reads_feedback_depends_on_the_summary():
    jobs = jobs_by_page(REPO)
    readers = sorted(page for page, job in jobs.items() if job.extra_digest == "S1")
    assert readers == ["book/evaluation.ipynb"]
    assert jobs["book/evaluation.ipynb"].env == {"TRAININGKIT_SUMMARY": str(REPO / "summary.json")}


def test_an_exercise_depends_on_its_declared_datasets_and_its_own_content_files():
    job = jobs_by_page(REPO)["exercises/ex-power-map.ipynb"]
    inputs = {p.as_posix() for p in job.inputs}
    assert {"datasets/stakeholders.csv", "datasets/datapackage.yaml", "exercises/quizzes/ex-power-map.json"} <= inputs
    assert not any("ratifications" in p for p in inputs)


def test_exercises_whose_quizzes_keys_or_hints_cite_facts_depend_on_the_facts_file():
    jobs = jobs_by_page(REPO)
    readers = sorted(page for page, job in jobs.items() if any(p.as_posix() == "datasets/facts.yaml" for p in job.inputs))
    # the exercises with no quiz, no key and no cited fact in their code do not re-run for a fact
    assert readers == [f"exercises/{e}.ipynb" for e in (
        "ex-asean-calendar", "ex-mayday-demands", "ex-message-box", "ex-origin-recommendations", "ex-power-map",
        "ex-problem-tree", "ex-ratification-map", "ex-sez-survey")]


def test_a_changed_dataset_changes_only_the_keys_of_notebooks_that_read_it(tmp_path):
    for part in ("course.yml", "_toc.yml", "book", "modules", "exercises", "datasets", "feedback"):
        src = REPO / part
        (shutil.copytree if src.is_dir() else shutil.copy2)(src, tmp_path / part)
    package = package_digest()
    before = {page: inputs_digest(tmp_path, job, package) for page, job in jobs_by_page(tmp_path).items()}
    (tmp_path / "datasets/stakeholders.csv").write_text("changed\n")
    after = {page: inputs_digest(tmp_path, job, package) for page, job in jobs_by_page(tmp_path).items()}
    assert sorted(page for page in before if before[page] != after[page]) == ["exercises/ex-power-map.ipynb"]


def test_the_package_digest_follows_the_installed_package_not_the_course_folder(tmp_path, monkeypatch):
    import trainingkit.execute as execute

    copy = tmp_path / "trainingkit"
    shutil.copytree(PACKAGE_DIR, copy, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(execute, "PACKAGE_DIR", copy)
    before = execute.package_digest()
    (copy / "exercises" / "__init__.py").write_text("# changed\n", encoding="utf-8")
    assert execute.package_digest() != before


def test_two_copies_of_a_course_in_different_folders_share_their_keys(tmp_path):
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        for part in ("course.yml", "_toc.yml", "book", "modules", "exercises", "datasets", "feedback"):
            src = REPO / part
            (shutil.copytree if src.is_dir() else shutil.copy2)(src, tmp_path / folder / part)
    package = package_digest()
    keys = [{page: inputs_digest(tmp_path / f, job, package) for page, job in jobs_by_page(tmp_path / f).items()}
            for f in ("a", "b")]
    assert keys[0] == keys[1]


@pytest.mark.slow
def test_a_notebook_run_now_is_staged_as_the_next_build_takes_it_from_the_cache(course_dir, tmp_path):
    """Else the build after a cold one re-stages every notebook that ran, and Sphinx reads them all again."""
    page = next(course_dir.glob("modules/day1/*.ipynb"))
    edit_notebook(page, lambda nb: nb.cells.append(code("from IPython.display import HTML\nprint('ran'); HTML('<b>shown</b>')")))
    jobs = notebook_jobs(load_course(course_dir), tmp_path / "summary.json", "S1")
    fresh, ran = executed_notebooks(course_dir, jobs, tmp_path / "cache")
    cached, ran_again = executed_notebooks(course_dir, jobs, tmp_path / "cache")
    assert (ran, ran_again) == (1, 0)
    assert "shown" in nbformat.writes(fresh[page])
    assert {path: nbformat.writes(nb) for path, nb in fresh.items()} == {path: nbformat.writes(nb) for path, nb in cached.items()}
