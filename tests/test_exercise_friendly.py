"""Trainees who try the data themselves get plain messages instead of tracebacks; a failing
cell still fails the build. Tables show 1999, not 1999.0, and blanks, not NaN."""
import nbformat
import pandas as pd
import pytest
from nbclient import NotebookClient

from trainingkit.errors import TrainingkitError
from trainingkit.exercises.kit.friendly import friendly_html, friendly_message
from trainingkit.exercises.kit.view import trainee_table
from trainingkit.execute import run_notebook

from conftest import REPO


def test_a_misspelt_column_is_named_with_the_nearest_real_one():
    tables = {"ratifications": pd.DataFrame(columns=["country", "instrument", "status"])}
    what, todo = friendly_message(KeyError("stauts"), tables)
    assert what == "There is no column or row called 'stauts'."
    assert todo.startswith("Did you mean 'status'? Names must match exactly")


def test_a_name_from_a_cell_not_run_yet_says_to_run_the_cells_above():
    try:
        exec("matrix.head()", {})
    except NameError as exc:
        what, todo = friendly_message(exc)
    assert what == "Python does not know the name 'matrix' yet."
    assert todo.startswith("Run the cells above this one first")


def test_the_message_is_escaped_and_keeps_pythons_own_words_one_click_away():
    page = friendly_html(KeyError("<b>"))
    assert "&lt;b&gt;" in page and "<b>This cell did not run.</b>" in page and "<details>" in page


def test_tables_show_whole_numbers_without_a_decimal_and_blanks_for_missing():
    frame = pd.DataFrame({"country": ["Cambodia", "Thailand"], "year": [1999.0, None], "share": [0.5, None]})
    page = trainee_table(frame).to_html()
    assert ">1999<" in page and "1999.0" not in page and "nan" not in page.lower()
    assert ">0.500000<" in page  # a real fraction keeps its decimals


@pytest.mark.slow
def test_in_a_kernel_the_slip_shows_plainly_and_the_cell_still_fails(tmp_path):
    nb = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_code_cell("from trainingkit.exercises.kit import friendly\nfriendly.install()"),
        nbformat.v4.new_code_cell('import pandas as pd\ndf = pd.DataFrame({"status": [1]})\ndf["stauts"]'),
    ])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    path = tmp_path / "slip.ipynb"
    NotebookClient(nb, timeout=60, allow_errors=True, resources={"metadata": {"path": str(REPO)}}).execute()
    outputs = nb.cells[1].outputs
    shown = "".join(o.get("data", {}).get("text/html", "") for o in outputs)
    assert "There is no column or row called &#x27;stauts&#x27;." in shown and "Did you mean &#x27;status&#x27;?" in shown
    [error] = [o for o in outputs if o.output_type == "error"]
    assert error.traceback == ["KeyError: 'stauts' (see the note above)"]  # one line, not 30
    for cell in nb.cells:
        cell.outputs = []
    with pytest.raises(TrainingkitError, match=r"slip.ipynb:1: execution failed"):
        run_notebook(nb, path, tmp_path)
