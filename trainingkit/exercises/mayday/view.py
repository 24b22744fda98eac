"""What the trainee sees in the May Day exercise: the nine demands, one row of three drop-downs
per demand answered at once with feedback, and the tables for the debrief."""
from __future__ import annotations

import html

import ipywidgets as w
import pandas as pd

from ..kit.checks import Check, as_html
from ..kit.data import dataset
from ..kit.view import ExerciseView
from ..kit.work import SavedWork
from .checks import check_all, check_demand
from .model import DATASET, DIMENSION_LABELS, DIMENSIONS, EXERCISE_ID, debrief_table, key, your_classification


class MaydayDemands(ExerciseView):
    """One row of three drop-downs per demand; each choice is saved at once and answered with
    feedback. ``dropdowns[(demand, dimension)]`` and ``feedback[demand]`` are the widgets;
    ``form`` shows them all."""

    id = EXERCISE_ID
    parts = ("form",)

    def __init__(self, demands: pd.DataFrame | None = None, work: SavedWork | None = None):
        super().__init__(work)
        self.demands = dataset(DATASET) if demands is None else demands
        options = key().options
        self.dropdowns: dict[tuple[int, str], w.Dropdown] = {}
        self.feedback: dict[int, w.HTML] = {}
        rows = self.notice()
        saved = self.work.get("choices", {})
        for demand in self.demands.itertuples():
            n = int(demand.demand)
            controls = []
            for dim in DIMENSIONS:
                choices = [("(choose)", None)] + [(label, k) for k, label in options[dim].items()]
                value = saved.get(str(n), {}).get(dim)
                dropdown = w.Dropdown(options=choices, value=value if value in options[dim] else None,
                                      description=DIMENSION_LABELS[dim], style={"description_width": "9em"},
                                      layout=w.Layout(width="34em"))
                dropdown.observe(lambda _change, n=n: self._chosen(n), names="value")
                self.dropdowns[(n, dim)] = dropdown
                controls.append(dropdown)
            self.feedback[n] = w.HTML()
            self._show_feedback(n)
            heading = w.HTML(f"<p><b>Demand {n}</b> (to the {html.escape(str(demand.addressed_to))}): "
                             f"{html.escape(str(demand.summary))}</p>")
            rows.append(w.VBox([heading, *controls, self.feedback[n]], layout=w.Layout(margin="0 0 1em 0")))
        self.form = w.VBox(rows)

    def choices(self) -> dict:
        out: dict[str, dict] = {}
        for (n, dim), dropdown in self.dropdowns.items():
            if dropdown.value:
                out.setdefault(str(n), {})[dim] = dropdown.value
        return out

    def _chosen(self, demand: int) -> None:
        self.work.set("choices", self.choices())
        self._show_feedback(demand)

    def _show_feedback(self, demand: int) -> None:
        made = check_demand(self.choices(), demand)
        self.feedback[demand].value = as_html(made) if made else ""

    def check_all(self) -> list[Check]:
        return check_all(self.choices())

    def demands_table(self):
        """The demands as the statement gives them, without the row numbers pandas adds."""
        return self.demands.style.hide(axis="index")

    def your_classification(self):
        """The trainee's choices, each marked ✔ (model), ≈ (defensible) or ✘."""
        return your_classification(self.choices()).style

    def debrief(self):
        """The trainee's choices beside the model classification and its reasons."""
        return debrief_table(self.choices()).style
