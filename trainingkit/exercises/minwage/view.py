"""What the trainee sees in the minimum-wage exercise: the wage and price tables, the checks of
their own formulas and chart, the chart shown with its alt text, and their saved conclusion.

The trainee writes the pandas and matplotlib code themselves; this view only shows and checks.
"""
from __future__ import annotations

import ipywidgets as w
import pandas as pd

from ..kit.checks import Results, results
from ..kit.data import dataset
from ..kit.figures import show_figure
from ..kit import friendly
from ..kit.view import ExerciseView, saved_text
from ..kit.work import SavedWork
from .checks import check_chart, check_gap, check_real_wages
from .model import EXERCISE_ID, PRICES, WAGES


def show_chart(fig, alt_text: str) -> None:
    """Show a trainee's pyplot figure with its alt text (in JupyterLab and in the book), once."""
    import matplotlib.pyplot as plt

    show_figure(fig, alt_text)
    plt.close(fig)  # otherwise the inline backend shows it a second time, without alt text


class MinimumWage(ExerciseView):
    """The data, the checks of each step, and ``conclusion``: a text box saved as it is typed."""

    id = EXERCISE_ID
    parts = ("conclusion",)

    def __init__(self, work: SavedWork | None = None):
        super().__init__(work)
        friendly.install()  # trainees write code here: plain messages for the usual slips
        self.wages = dataset(WAGES)
        self.prices = dataset(PRICES)
        self.text = saved_text(self.work, "conclusion", rows=6,
                               placeholder="What the numbers suggest, what you cannot say yet, what you would check first")
        self.conclusion = w.VBox([*self.notice(), self.text])

    def wages_table(self):
        """The wage table with whole baht and a dash where the fact sheet gives no figure."""
        return self.wages.style.hide(axis="index").format(precision=0, na_rep="–")

    def check_real_wages(self, table: pd.DataFrame) -> Results:
        return results(check_real_wages(table))

    def check_gap(self, table: pd.DataFrame, year: int, gap_baht: float, gap_percent: float) -> Results:
        return results(check_gap(table, year, gap_baht, gap_percent))

    def check_chart(self, fig, alt_text: str) -> Results:
        return results(check_chart(fig, alt_text))

    def show_chart(self, fig, alt_text: str) -> None:
        show_chart(fig, alt_text)
