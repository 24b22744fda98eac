"""What the trainee sees in the (synthetic) SEZ survey exercise: the checks of each cleaning
step, a chart of the summary by zone, and notes on the findings saved in their work file.

The trainee writes the pandas cleaning themselves; this view only shows and checks.
"""
from __future__ import annotations

import ipywidgets as w
import pandas as pd
from matplotlib.figure import Figure

from ..kit.checks import Results, results
from ..kit.data import dataset, dataset_info
from ..kit.figures import new_figure, show_figure
from ..kit import friendly
from ..kit.view import ExerciseView
from ..kit.work import SavedWork
from .checks import (
    check_all, check_country, check_dates, check_hours, check_job_category, check_one_row_per_interview, check_summary,
    check_yes_no, check_zone,
)
from .model import DATASET, EXERCISE_ID
SYNTHETIC = "SYNTHETIC practice data"
SHARES = {"contract_pct": "Written contract", "documents_kept_pct": "Employer keeps documents"}


def summary_figure(summary: pd.DataFrame) -> Figure:
    """Interviews per zone, and the shares in ``SHARES`` that the summary has, as bars."""
    summary = summary.set_index("zone") if "zone" in summary.columns else summary
    shares = [c for c in SHARES if c in summary.columns]
    zones = [str(z) for z in summary.index]
    fig = new_figure(10, 1.2 + 0.35 * len(zones))
    axes = fig.subplots(1, 2 if shares else 1, sharey=True, squeeze=False)[0]
    if "interviews" in summary.columns:
        axes[0].barh(zones, summary["interviews"], color="#546e7a")
    axes[0].set_xlabel("Interviews")
    axes[0].invert_yaxis()
    if shares:
        height = 0.8 / len(shares)
        for k, (column, colour) in enumerate(zip(shares, ("#2e7d32", "#c62828"))):
            positions = [i + (k - (len(shares) - 1) / 2) * height for i in range(len(zones))]
            axes[1].barh(positions, pd.to_numeric(summary[column], errors="coerce"), height=height, color=colour, label=SHARES[column])
        axes[1].set_xlim(0, 100)
        axes[1].set_xlabel("% of women who answered")
        axes[1].legend(loc="upper left", bbox_to_anchor=(1.02, 1), fontsize=8)
    fig.suptitle(f"{SYNTHETIC}: women migrant workers in SEZs, by zone")
    return fig


def summary_alt_text(summary: pd.DataFrame) -> str:
    summary = summary.set_index("zone") if "zone" in summary.columns else summary
    parts = []
    for zone, row in summary.iterrows():
        figures = [f"{row['interviews']} interviews"] if "interviews" in summary.columns else []
        figures += [f"{SHARES[c].lower()} {float(row[c]):.0f}%" for c in SHARES if c in summary.columns and pd.notna(row[c])]
        parts.append(f"{zone}: {', '.join(figures)}")
    return f"Bar chart of {SYNTHETIC} by zone. " + "; ".join(parts) + "."


def show_summary_chart(summary: pd.DataFrame) -> None:
    show_figure(summary_figure(summary), summary_alt_text(summary))


class SezSurvey(ExerciseView):
    """The raw survey, a check for each cleaning step, the chart of the summary, and
    ``findings``: the trainee's notes, saved in their work file as they write."""

    id = EXERCISE_ID
    parts = ("findings",)

    def __init__(self, work: SavedWork | None = None):
        super().__init__(work)
        friendly.install()  # trainees write code here: plain messages for the usual slips
        self.raw = dataset(DATASET)
        self.description = dataset_info(DATASET)["description"]
        self.text = w.Textarea(
            value=self.work.get("findings", ""),
            placeholder="1. In the synthetic data, … (which zone, how many, compared with what)",
            layout={"width": "95%", "height": "140px"}, continuous_update=False,
        )
        self.text.observe(lambda change: self.work.set("findings", change["new"]), names="value")
        self.findings = w.VBox([*self.notice(), self.text])

    def check(self, survey: pd.DataFrame) -> Results:
        """Every check of the cleaned survey (the step checks below, in order)."""
        return results(check_all(survey))

    def check_one_row_per_interview(self, survey: pd.DataFrame) -> Results:
        return results(check_one_row_per_interview(survey))

    def check_places(self, survey: pd.DataFrame) -> Results:
        return results(check_zone(survey) + check_country(survey))

    def check_dates(self, survey: pd.DataFrame) -> Results:
        return results(check_dates(survey))

    def check_job_category(self, survey: pd.DataFrame) -> Results:
        return results(check_job_category(survey))

    def check_answers(self, survey: pd.DataFrame) -> Results:
        return results(check_hours(survey) + check_yes_no(survey))

    def check_summary(self, summary: pd.DataFrame) -> Results:
        return results(check_summary(summary))

    def show_summary_chart(self, summary: pd.DataFrame) -> None:
        show_summary_chart(summary)
