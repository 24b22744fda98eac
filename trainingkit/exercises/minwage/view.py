"""What the trainee sees in the minimum-wage exercise: the wage and price tables; each step done
by choosing (``real_box``: the real-wage formula, ``gap_box``: the gap and the rise, ``chart_box``:
the chart and its alt text) with its check; and the saved conclusion. Every choice is saved.

For those who want to try the data themselves, the same checks take their own pandas and
matplotlib (``check_real_wages``, ``check_gap``, ``check_chart``).
"""
from __future__ import annotations

import ipywidgets as w
import pandas as pd

from ..kit.checks import Results, as_html, failed, results
from ..kit.data import dataset
from ..kit.figures import figure_html, new_figure, show_figure
from ..kit import friendly
from ..kit.view import ExerciseView, saved_text, trainee_table
from ..kit.work import SavedWork
from .checks import check_chart, check_gap, check_real_wages
from .model import (
    DEMAND_BAHT, DEMAND_YEAR, EXERCISE_ID, GAP_WAYS, INDEX, PRICES, REAL, REAL_WAGE_WAYS, RISE_WAYS, WAGE, WAGES,
    index_of, yearly_table,
)

CHART_TITLE = ("Thailand's lowest daily minimum wage and the 421-baht demand\n"
               "(ILLUSTRATIVE prices: synthetic index, not official)")


def wage_chart(table: pd.DataFrame):
    """The chart of step 4: the wage as paid, the real wage (once worked out) and the demand."""
    fig = new_figure(8, 4.5)
    ax = fig.add_subplot()
    ax.plot(table["year"], table[WAGE], marker="o", label="Lowest minimum wage, in baht of each year")
    if REAL in table and table[REAL].notna().any():
        ax.plot(table["year"], table[REAL], marker="s", label=f"The same wage in {DEMAND_YEAR} baht (illustrative prices)")
    ax.axhline(DEMAND_BAHT, color="grey", linestyle="--", label=f"The {DEMAND_BAHT}-baht demand of May {DEMAND_YEAR}")
    ax.set_title(CHART_TITLE)
    ax.set_xlabel("Year")
    ax.set_ylabel("Baht per day")
    ax.set_ylim(250, 450)
    ax.legend(loc="lower right")
    return fig


def _ways(ways: dict) -> list[tuple[str, str]]:
    return [(words, key) for key, (words, _) in ways.items()]


def show_chart(fig, alt_text: str) -> None:
    """Show a trainee's pyplot figure with its alt text (in JupyterLab and in the book), once."""
    import matplotlib.pyplot as plt

    show_figure(fig, alt_text)
    plt.close(fig)  # otherwise the inline backend shows it a second time, without alt text


class MinimumWage(ExerciseView):
    """The data; ``real_box``, ``gap_box`` and ``chart_box``: each step by choosing, with its
    check; ``conclusion``: a text box saved as it is typed."""

    id = EXERCISE_ID
    parts = ("real_box", "gap_box", "chart_box", "conclusion")

    def __init__(self, work: SavedWork | None = None):
        super().__init__(work)
        friendly.install()  # some trainees try the data themselves: plain messages for the usual slips
        self.wages = dataset(WAGES)
        self.prices = dataset(PRICES)
        self.yearly = yearly_table(self.wages, self.prices)  # step 1, and the table the choices work on
        self.text = saved_text(self.work, "conclusion", rows=6,
                               placeholder="What the numbers suggest, what you cannot say yet, what you would check first")
        self.conclusion = w.VBox([self.text])
        self.real_way = self._choice("real_way", REAL_WAGE_WAYS, "Real wage =")
        self.gap_way = self._choice("gap_way", GAP_WAYS, "Gap in baht =")
        self.rise_way = self._choice("rise_way", RISE_WAYS, "Rise in % =")
        self.alt_text = saved_text(self.work, "alt_text", rows=3, description="Alt text",
                                   placeholder="What the chart shows, its trend, and that the prices are illustrative")
        self.real_out, self.real_results = w.HTML(), w.HTML()
        self.gap_out, self.gap_results = w.HTML(), w.HTML()
        self.chart_out, self.chart_results = w.HTML(), w.HTML()
        self.work_out_real = self._button("Work out the real wage", "calculator", self.show_real_wages)
        self.work_out_gap = self._button("Work out the gap", "calculator", self.show_gap)
        self.draw_chart = self._button("Draw my chart", "line-chart", self.show_my_chart)
        self.real_box = w.VBox([*self.notice(), self.real_way, self.work_out_real, self.real_results, self.real_out])
        self.gap_box = w.VBox([self.gap_way, self.rise_way, self.work_out_gap, self.gap_results, self.gap_out])
        self.chart_box = w.VBox([self.alt_text, self.draw_chart, self.chart_results, self.chart_out])
        if self.real_way.value:  # saved work comes back with its results
            self.show_real_wages()
            if self.gap_way.value and self.rise_way.value:
                self.show_gap()

    def _choice(self, key: str, ways: dict, description: str) -> w.RadioButtons:
        saved = self.work.get(key)
        radio = w.RadioButtons(options=_ways(ways), value=saved if saved in ways else None, description=description,
                               style={"description_width": "initial"}, layout=w.Layout(width="95%"))
        radio.observe(lambda change: self.work.set(key, change["new"]), names="value")
        return radio

    @staticmethod
    def _button(label: str, icon: str, action) -> w.Button:
        button = w.Button(description=label, icon=icon, layout=w.Layout(width="auto"))
        button.on_click(lambda _b: action())
        return button

    # --- each step, by choosing ------------------------------------------------------------------

    def my_table(self) -> pd.DataFrame:
        """The yearly table with the real wage worked out the chosen way (blank until chosen)."""
        table = self.yearly.copy()
        way = REAL_WAGE_WAYS.get(self.real_way.value)
        table[REAL] = way[1](table[WAGE], table[INDEX], index_of(table, DEMAND_YEAR)) if way else float("nan")
        return table

    def show_real_wages(self) -> Results:
        table = self.my_table()
        if self.real_way.value is None:
            self.real_out.value = ""
            checks = results(failed(f"Real wages in {DEMAND_YEAR} baht: no formula chosen yet.",
                                    "Choose the formula above, then click the button."))
        else:
            self.real_out.value = trainee_table(table[["year", WAGE, INDEX, REAL]].round(1)).hide(axis="index").to_html()
            checks = self.check_real_wages(table)
        self.real_results.value = as_html(checks)
        return checks

    def my_gap(self) -> tuple[int, float, float] | None:
        """(latest year, gap in baht, rise in %) worked out the chosen ways, or None until chosen."""
        gap_way, rise_way = GAP_WAYS.get(self.gap_way.value), RISE_WAYS.get(self.rise_way.value)
        if not (self.real_way.value and gap_way and rise_way):
            return None
        table = self.my_table()
        latest = int(table["year"].max())
        row = table.loc[table["year"] == latest].iloc[0]
        gap = gap_way[1](float(row[REAL]), float(row[WAGE]))
        return latest, gap, rise_way[1](gap, float(row[REAL]))

    def show_gap(self) -> Results:
        mine = self.my_gap()
        if mine is None:
            self.gap_out.value = ""
            checks = results(failed("Gap: not worked out yet.",
                                    "Choose the real-wage formula in step 2, and both formulas above, then click the button."))
        else:
            latest, gap, rise = mine
            self.gap_out.value = f"<p>In {latest}: gap {gap:.1f} baht; rise needed {rise:.1f}.</p>"
            checks = self.check_gap(self.my_table(), latest, gap, rise)
        self.gap_results.value = as_html(checks)
        return checks

    def show_my_chart(self) -> Results:
        fig = wage_chart(self.my_table())
        self.chart_out.value = figure_html(fig, self.alt_text.value.strip() or "Chart without alt text yet")
        checks = self.check_chart(fig, self.alt_text.value)
        self.chart_results.value = as_html(checks)
        return checks

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
