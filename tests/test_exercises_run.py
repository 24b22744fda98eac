"""Every case-exercise notebook runs top to bottom in a fresh kernel, as a trainee opening it
for the first time would run it: with an empty work folder, so no saved answers exist."""
import nbformat
import pytest

from trainingkit.execute import run_notebook

from conftest import REPO

EXERCISES = sorted((REPO / "exercises").glob("*.ipynb"))


def test_the_exercises_folder_holds_notebooks():
    assert EXERCISES, "no notebook in exercises/"


@pytest.mark.slow
@pytest.mark.parametrize("path", EXERCISES, ids=lambda p: p.stem)
def test_the_exercise_runs_without_error_in_a_fresh_kernel_with_no_saved_work(path):
    # run_notebook gives the kernel an empty TRAININGKIT_WORK_DIR and raises, naming the cell,
    # if any cell fails.
    done = run_notebook(nbformat.read(path, as_version=4), path, REPO)
    errors = [(i, o.get("ename")) for i, c in enumerate(done.cells) for o in c.get("outputs", []) if o.get("output_type") == "error"]
    assert errors == []
    assert all(c.get("execution_count") for c in done.cells if c.cell_type == "code" and c.source.strip())
