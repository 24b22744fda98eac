"""What the trainee sees in the Phnom Penh recommendations exercise: the impact–feasibility grid
(with its chart), the agency for each recommendation, and the SMART rewrite. Answers are saved
in the trainee's work file at every change and put back into the widgets on reopening."""
from __future__ import annotations

import html

import ipywidgets as w
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle

from ..kit.checks import Check, Results, as_html, results
from ..kit.data import dataset
from ..kit.figures import figure_html, new_figure
from ..kit.view import ExerciseView
from ..kit.wording import word_count
from ..kit.work import SavedWork
from .checks import check_agencies, check_all, check_grid, smart_rubric
from .model import COUNT, DATASET, EXERCISE_ID, LEVELS, Placement, key, priority

NOT_PLACED = "not placed yet"
BOX_COLOURS = {"do first": "#1b5e20", "plan for it": "#0d47a1", "quick step": "#6a1b9a", "later": "#5d4037"}


def grid_alt_text(placements: dict[int, Placement]) -> str:
    """A description of the grid for people who cannot see the chart."""
    parts = []
    for box in BOX_COLOURS:
        numbers = [str(n) for n in range(1, COUNT + 1) if priority(*placements.get(n, (None, None))) == box]
        if numbers:
            parts.append(f"{box}: recommendations {', '.join(numbers)}")
    missing = [str(n) for n in range(1, COUNT + 1) if priority(*placements.get(n, (None, None))) is None]
    if missing:
        parts.append(f"{NOT_PLACED}: {', '.join(missing)}")
    return "Impact–feasibility grid, feasibility across and impact up. " + "; ".join(parts) + "."


def grid_figure(placements: dict[int, Placement], title: str) -> Figure:
    """A 3×3 grid with each placed recommendation drawn as a numbered dot in its box."""
    fig = new_figure(6.4, 5.2)
    ax = fig.add_subplot()
    ax.add_patch(Rectangle((1.5, 1.5), 1, 1, color="#e8f5e9", zorder=0))  # "do first": high impact and feasibility
    in_box: dict[tuple[int, int], list[int]] = {}
    for n in range(1, COUNT + 1):
        impact, feasibility = placements.get(n, (None, None))
        if priority(impact, feasibility):
            in_box.setdefault((LEVELS.index(feasibility), LEVELS.index(impact)), []).append(n)
    for (x, y), numbers in in_box.items():
        colour = BOX_COLOURS[priority(LEVELS[y], LEVELS[x])]
        for i, n in enumerate(numbers):  # up to three dots a row, each row centred in the box
            row_size = min(3, len(numbers) - i // 3 * 3)
            dx, dy = (i % 3 - (row_size - 1) / 2) * 0.25, 0.2 - (i // 3) * 0.2
            ax.scatter(x + dx, y + dy, s=340, color=colour, zorder=3)
            ax.annotate(str(n), (x + dx, y + dy), ha="center", va="center", color="white", fontweight="bold", zorder=4)
    for x in range(3):
        for y in range(3):
            box = priority(LEVELS[y], LEVELS[x])
            ax.text(x, y + 0.42, box, ha="center", va="top", color=BOX_COLOURS[box], fontsize=9)
    for edge in (0.5, 1.5):
        ax.axvline(edge, color="#9e9e9e", lw=1)
        ax.axhline(edge, color="#9e9e9e", lw=1)
    ax.set_xlim(-0.5, 2.5)
    ax.set_ylim(-0.5, 2.5)
    ax.set_xticks(range(3), [level.capitalize() for level in LEVELS])
    ax.set_yticks(range(3), [level.capitalize() for level in LEVELS])
    ax.set_xlabel("Feasibility: how likely is it that the body will act?")
    ax.set_ylabel("Impact: how much would it change for migrants?")
    ax.set_title(title)
    return fig


def _result(pane: w.HTML, checks: list[Check]) -> Results:
    pane.value = as_html(checks)
    return results(checks)


class Origin(ExerciseView):
    """The three parts of the exercise, ``grid``, ``agencies`` and ``smart``, each in its own cell;
    each part has a button that puts its checks under it."""

    id = EXERCISE_ID
    parts = ("grid", "agencies", "smart")

    def __init__(self, work: SavedWork | None = None, recommendations: pd.DataFrame | None = None):
        super().__init__(work)
        table = recommendations if recommendations is not None else dataset(DATASET)
        self.recommendations = table.set_index("number").sort_index()
        self._build_grid()
        self._build_agencies()
        self._build_smart()

    def table(self):
        """The ten recommendations in full, as an HTML table."""
        from IPython.display import HTML

        rows = "".join(
            f"<tr><td>{n}</td><td>{html.escape(r.theme)}</td><td style='text-align:left'>{html.escape(r.summary)}</td></tr>"
            for n, r in self.recommendations.iterrows()
        )
        return HTML(f"<table><thead><tr><th>#</th><th>Theme</th><th>Recommendation (our summary)</th></tr></thead><tbody>{rows}</tbody></table>")

    # --- what the trainee has answered, as the check functions take it -----------------------

    def placements(self) -> dict[int, Placement]:
        return {n: (impact.value, feasibility.value) for n, (impact, feasibility) in self._levels.items()}

    def agency_choices(self) -> dict[int, str | None]:
        return {n: box.value for n, box in self._agencies.items()}

    # --- the grid -----------------------------------------------------------------------------

    def _build_grid(self) -> None:
        saved = self.work.get("grid", {})
        self._levels: dict[int, tuple[w.ToggleButtons, w.ToggleButtons]] = {}
        self._status: dict[int, w.HTML] = {}
        rows = []
        for n, summary in self.recommendations["summary"].items():
            place = saved.get(str(n), {})
            pair = tuple(
                w.ToggleButtons(
                    options=LEVELS, value=place.get(axis) if place.get(axis) in LEVELS else None,
                    description=axis.capitalize(), style={"button_width": "70px"},
                )
                for axis in ("impact", "feasibility")
            )
            self._levels[n] = pair
            self._status[n] = w.HTML()
            for toggle in pair:
                toggle.observe(lambda _change, n=n: self._placed(n), names="value")
            rows.append(w.VBox([w.HTML(f"<b>{n}.</b> {html.escape(summary)}"), w.HBox([*pair, self._status[n]])]))
            self._show_status(n)
        self._chart = w.HTML()
        self._grid_checks = w.HTML()
        button = w.Button(description="Check my grid", icon="check")
        button.on_click(lambda _b: _result(self._grid_checks, check_grid(self.placements())))
        self._draw_chart()
        self.grid = w.VBox([*self.notice(), *rows, self._chart, button, self._grid_checks])

    def _placed(self, n: int) -> None:
        grid = self.work.get("grid", {})
        impact, feasibility = self._levels[n]
        grid[str(n)] = {"impact": impact.value, "feasibility": feasibility.value}
        self.work.set("grid", grid)
        self._show_status(n)
        self._draw_chart()

    def _show_status(self, n: int) -> None:
        box = priority(*(t.value for t in self._levels[n]))
        self._status[n].value = (
            f'<span style="color:#8b1a1a">{NOT_PLACED}</span>' if box is None
            else f'<b style="color:{BOX_COLOURS[box]}">{box}</b>'
        )

    def _draw_chart(self) -> None:
        placements = self.placements()
        placed = sum(priority(*p) is not None for p in placements.values())
        fig = grid_figure(placements, f"Your impact–feasibility grid ({placed} of {COUNT} placed)")
        self._chart.value = figure_html(fig, grid_alt_text(placements))

    # --- who must act -------------------------------------------------------------------------

    def _build_agencies(self) -> None:
        saved = self.work.get("agencies", {})
        agencies = key().agencies
        options = [("— choose who must act —", None)] + [(name, k) for k, name in agencies.items()]
        self._agencies: dict[int, w.Dropdown] = {}
        rows = []
        for n, summary in self.recommendations["summary"].items():
            choice = saved.get(str(n))
            box = w.Dropdown(options=options, value=choice if choice in agencies else None, layout={"width": "420px"})
            box.observe(lambda change, n=n: self._chose(n, change["new"]), names="value")
            self._agencies[n] = box
            rows.append(w.VBox([w.HTML(f"<b>{n}.</b> {html.escape(summary)}"), box]))
        self._agency_checks = w.HTML()
        button = w.Button(description="Check my choices", icon="check")
        button.on_click(lambda _b: _result(self._agency_checks, check_agencies(self.agency_choices())))
        self.agencies = w.VBox([*rows, button, self._agency_checks])

    def _chose(self, n: int, value: str | None) -> None:
        chosen = self.work.get("agencies", {})
        chosen[str(n)] = value
        self.work.set("agencies", chosen)

    # --- the SMART rewrite --------------------------------------------------------------------

    def _build_smart(self) -> None:
        saved = self.work.get("smart", {})
        options = [(f"{n}. {s[:70]}{'…' if len(s) > 70 else ''}", n) for n, s in self.recommendations["summary"].items()]
        number = saved.get("number") if saved.get("number") in self.recommendations.index else 1
        self._number = w.Dropdown(options=options, value=number, description="Rewrite", layout={"width": "95%"})
        self._text = w.Textarea(
            value=saved.get("text", ""), placeholder="Who will do what, how much, by when?",
            layout={"width": "95%", "height": "110px"}, continuous_update=False,
        )
        self._words = w.HTML()
        self._smart_checks = w.HTML()
        for widget in (self._number, self._text):
            widget.observe(lambda _change: self._smart_changed(), names="value")
        button = w.Button(description="Check my recommendation", icon="check")
        button.on_click(lambda _b: self.check_smart())
        self._count_words()
        self.smart = w.VBox([self._number, self._text, self._words, button, self._smart_checks])

    def _smart_changed(self) -> None:
        self.work.set("smart", {"number": self._number.value, "text": self._text.value})
        self._count_words()

    def _count_words(self) -> None:
        self._words.value = f"<small>{word_count(self._text.value)} words</small>"

    def check_smart(self) -> Results:
        return _result(self._smart_checks, smart_rubric(self._text.value, self._number.value))

    def check_all(self) -> list[Check]:
        return check_all(self.placements(), self.agency_choices(), self._text.value, self._number.value)
