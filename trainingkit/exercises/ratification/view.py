"""What the trainee sees in the ratification exercise: the map coloured by status, checks of
their own pivot and filter, and the ask for one gap with its rubric (saved as it is typed)."""
from __future__ import annotations

import ipywidgets as w
import pandas as pd

from ..kit.checks import Check, Results, failed, results
from ..kit.data import dataset
from ..kit import friendly
from ..kit.view import ExerciseView, saved_dropdown, saved_text
from ..kit.work import SavedWork
from .checks import check_ask, check_gaps, check_matrix
from .model import DATASET, EXERCISE_ID, STATUS_STYLE, expected_matrix, gap_options


def ratification_map(ratifications: pd.DataFrame):
    """The matrix as the fact sheet writes each cell, coloured by status (a pandas Styler)."""
    cells = expected_matrix(ratifications, "table_cell")
    status = expected_matrix(ratifications)
    colours = status.apply(lambda col: [f"background-color: {STATUS_STYLE[s][2]}" for s in col])
    legend = " · ".join(f"{colour}: {words}" for words, colour, _ in STATUS_STYLE.values())
    return (cells.style.apply(lambda _: colours, axis=None)
            .set_caption(f"Ratifications as of the fact sheet's sources (2010–2024). Colours: {legend}. "
                         "Re-check every cell in ILO NORMLEX before you use it.")
            .set_table_attributes('class="ratification-map"'))


class Ratification(ExerciseView):
    """The ratifications table, checks of the trainee's matrix and gaps, and ``ask_box``: pick a
    gap, write the ask, check it against the rubric; both answers are saved."""

    id = EXERCISE_ID
    parts = ("ask_box",)

    def __init__(self, ratifications: pd.DataFrame | None = None, work: SavedWork | None = None):
        super().__init__(work)
        friendly.install()  # trainees write code here: plain messages for the usual slips
        self.ratifications = dataset(DATASET) if ratifications is None else ratifications
        self.statuses = {f"{r.country}|{r.instrument}": r.status for r in self.ratifications.itertuples()}
        self.gap = saved_dropdown(self.work, "gap", gap_options(self.ratifications), description="Gap")
        self.ask = saved_text(self.work, "ask", "The Government of ... should ratify ... by ...", rows=4)
        self.button = w.Button(description="Check my ask", icon="check")
        self.button.on_click(lambda _: self.check())
        if self.ask.value and self.gap.value:
            self.check()
        self.ask_box = w.VBox([*self.notice(), self.gap, self.ask, self.button, self.results])

    def check_all(self) -> list[Check]:
        if not self.gap.value:
            return [failed("Gap: not chosen.", "Choose the gap your ask is about in the list above.")]
        country, instrument = self.gap.value.split("|")
        return check_ask(self.ask.value, country, instrument, self.statuses[self.gap.value])

    def check_matrix(self, matrix) -> Results:
        return results(check_matrix(matrix, self.ratifications))

    def check_gaps(self, gaps) -> Results:
        return results(check_gaps(gaps, self.ratifications))

    def map(self):
        return ratification_map(self.ratifications)
