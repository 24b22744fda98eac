"""What the trainee sees in the ratification exercise: the map coloured by status, the matrix
and the gaps made by choosing (``matrix_box``, ``gaps_box``) or, for those who want to try the
data themselves, by their own pivot and filter, and the ask for one gap with its rubric. Every
choice and the ask are saved as they are made."""
from __future__ import annotations

import html

import ipywidgets as w
import pandas as pd

from ..kit.checks import Check, Results, as_html, failed, results
from ..kit.data import dataset
from ..kit import friendly
from ..kit.view import ExerciseView, saved_dropdown, saved_text, trainee_table
from ..kit.work import SavedWork
from .checks import check_ask, check_gaps, check_matrix
from .model import DATASET, EXERCISE_ID, STATUS_STYLE, expected_matrix, gap_options

PIVOT_PARTS = (("index", "Rows"), ("columns", "Columns"), ("values", "In the cells"))


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


def pivot_code(index, columns, values) -> str:
    return f'ratifications.pivot(index="{index}", columns="{columns}", values="{values}")'


def filter_code(statuses) -> str:
    return f'ratifications[ratifications["status"].isin({list(statuses)!r})]'


class Ratification(ExerciseView):
    """The ratifications table; ``matrix_box``: choose the rows, columns and cells of the matrix
    and build it; ``gaps_box``: tick the statuses that are gaps and keep those rows; ``ask_box``:
    pick a gap, write the ask, check it against the rubric. Every answer is saved. The same
    checks take the trainee's own pivot and filter (``check_matrix``, ``check_gaps``)."""

    id = EXERCISE_ID
    parts = ("matrix_box", "gaps_box", "ask_box")

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
        self.ask_box = w.VBox([self.gap, self.ask, self.button, self.results])
        self._build_matrix_box()
        self._build_gaps_box()

    # --- step 1: the matrix, by choosing ---------------------------------------------------------

    def _build_matrix_box(self) -> None:
        saved = self.work.get("matrix_choice") or {}
        columns = [str(c) for c in self.ratifications.columns]
        self.pivot_choice: dict[str, w.Dropdown] = {}
        for part, label in PIVOT_PARTS:
            value = saved.get(part)
            self.pivot_choice[part] = w.Dropdown(options=[("(choose)", None), *((c, c) for c in columns)],
                                                 value=value if value in columns else None, description=label,
                                                 style={"description_width": "8em"}, layout=w.Layout(width="24em"))
            self.pivot_choice[part].observe(lambda _change: self._save_matrix_choice(), names="value")
        self.build_matrix = w.Button(description="Build the matrix", icon="table")
        self.build_matrix.on_click(lambda _b: self.show_matrix())
        self.matrix_out = w.HTML()
        self.matrix_results = w.HTML()
        self.matrix = None
        if all(saved.get(part) for part, _ in PIVOT_PARTS):
            self.show_matrix()
        self.matrix_box = w.VBox([*self.notice(), *self.pivot_choice.values(), self.build_matrix,
                                  self.matrix_results, self.matrix_out])

    def _save_matrix_choice(self) -> None:
        self.work.set("matrix_choice", {part: box.value for part, box in self.pivot_choice.items()})

    def show_matrix(self) -> Results:
        """Pivot the table as chosen, show it with the code that does the same, and check it."""
        index, columns, values = (self.pivot_choice[part].value for part, _ in PIVOT_PARTS)
        if not (index and columns and values):
            self.matrix, self.matrix_out.value = None, ""
            checks = results(failed("Matrix: not built yet.", "Choose what goes in the rows, the columns and the cells."))
        elif len({index, columns, values}) < 3:
            self.matrix, self.matrix_out.value = None, ""
            checks = results(failed("Matrix: one name is chosen twice.",
                                    "Rows, columns and cells each need their own column of the table."))
        else:
            try:
                self.matrix = self.ratifications.pivot(index=index, columns=columns, values=values)
            except ValueError:  # several rows for one cell: pandas cannot put them in one place
                self.matrix, self.matrix_out.value = None, ""
                checks = results(failed("Matrix: several rows fall into one cell.",
                                        f"Each cell must be one row of the table: with rows '{index}' and columns '{columns}' "
                                        "some cells get more than one. Try the countries as rows."))
            else:
                code = html.escape(pivot_code(index, columns, values))
                self.matrix_out.value = (trainee_table(self.matrix).to_html()
                                         + f"<p><small>The same in code: <code>{code}</code></small></p>")
                checks = self.check_matrix(self.matrix)
        self.matrix_results.value = as_html(checks)
        return checks

    # --- step 3: the gaps, by ticking statuses ---------------------------------------------------

    def _build_gaps_box(self) -> None:
        saved = self.work.get("gap_statuses")
        statuses = [s for s in STATUS_STYLE if s in set(self.ratifications["status"])] or list(STATUS_STYLE)
        self.status_boxes = {
            s: w.Checkbox(value=bool(saved) and s in saved, description=f"{STATUS_STYLE[s][0]} ({s})", indent=False)
            for s in statuses
        }
        for box in self.status_boxes.values():
            box.observe(lambda _change: self.work.set("gap_statuses", self.gap_statuses()), names="value")
        self.keep_gaps = w.Button(description="Keep these rows", icon="filter")
        self.keep_gaps.on_click(lambda _b: self.show_gaps())
        self.gaps_out = w.HTML()
        self.gaps_results = w.HTML()
        self.gaps = None
        if saved:
            self.show_gaps()
        self.gaps_box = w.VBox([w.HTML("<b>Which statuses are gaps an ask could target?</b>"), *self.status_boxes.values(),
                                self.keep_gaps, self.gaps_results, self.gaps_out])

    def gap_statuses(self) -> list[str]:
        return [s for s, box in self.status_boxes.items() if box.value]

    def show_gaps(self) -> Results:
        """Keep the rows of the ticked statuses, show them with the code that does the same, and check them."""
        chosen = self.gap_statuses()
        self.gaps = self.ratifications[self.ratifications["status"].isin(chosen)]
        shown = self.gaps[["country", "instrument", "table_cell"]]
        code = html.escape(filter_code(chosen))
        self.gaps_out.value = (f"<p>{len(shown)} rows kept.</p>" + (trainee_table(shown).hide(axis="index").to_html() if len(shown) else "")
                               + f"<p><small>The same in code: <code>{code}</code></small></p>")
        checks = self.check_gaps(self.gaps)
        self.gaps_results.value = as_html(checks)
        return checks

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
