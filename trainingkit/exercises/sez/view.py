"""What the trainee makes of the (synthetic) SEZ survey: a chart of the summary by zone, and
notes on the findings, saved in the trainee's work file."""
from __future__ import annotations

import html

import ipywidgets as w
import pandas as pd
from matplotlib.figure import Figure

from .present import show_figure
from .work import SavedWork

EXERCISE_ID = "ex-sez-survey"
SYNTHETIC = "SYNTHETIC practice data"
SHARES = {"contract_pct": "Written contract", "documents_kept_pct": "Employer keeps documents"}


def summary_figure(summary: pd.DataFrame) -> Figure:
    """Interviews per zone, and the shares in ``SHARES`` that the summary has, as bars."""
    summary = summary.set_index("zone") if "zone" in summary.columns else summary
    shares = [c for c in SHARES if c in summary.columns]
    zones = [str(z) for z in summary.index]
    fig = Figure(figsize=(10, 1.2 + 0.35 * len(zones)), layout="constrained")
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


# Three cleaning decisions, as jupyterquiz questions (kept here so that the book's execution
# cache, which follows trainingkit/, re-runs the notebook when a question changes).
QUIZ = [
    {
        "question": "An interview's date was typed '30/02/2017'. What do you do?",
        "type": "multiple_choice",
        "answers": [
            {"answer": "Leave the date empty (missing) and keep the interview", "correct": True,
             "feedback": "Yes: the date cannot be known, but her other answers are still good."},
            {"answer": "Drop the whole interview", "correct": False,
             "feedback": "Her other answers are still good: you would lose them, and your counts would shrink."},
            {"answer": "Change it to 28/02/2017", "correct": False,
             "feedback": "That is a guess: nobody knows which day it was. Leave it empty."},
        ],
    },
    {
        "question": "12 women answered 'yes', 6 'no' and 2 'don't know' to 'Do you have a written contract?'. "
                    "What share of those who answered has a written contract?",
        "type": "multiple_choice",
        "answers": [
            {"answer": "12 of 18, about 67%", "correct": True,
             "feedback": "Yes: 'don't know' is no answer, so it is left out of the share."},
            {"answer": "12 of 20, 60%", "correct": False,
             "feedback": "This counts 'don't know' as 'no'. Those two women did not answer the question."},
            {"answer": "12 of 12, 100%", "correct": False,
             "feedback": "The women who said 'no' answered too: they belong in the count."},
        ],
    },
    {
        "question": "Why read dates like '2017-03-04' with format='%Y-%m-%d' before the other formats?",
        "type": "multiple_choice",
        "answers": [
            {"answer": "Because reading every date with dayfirst=True turns 2017-03-04 into 3 April", "correct": True,
             "feedback": "Yes: each team's format must be read as that team wrote it."},
            {"answer": "Because pandas cannot read year-first dates at all", "correct": False,
             "feedback": "It can; the trouble comes from reading them day-first."},
            {"answer": "It makes no difference", "correct": False,
             "feedback": "Try it on one of the year-first teams and run the date check."},
        ],
    },
]


def show_quiz() -> None:
    from .quiz import show_quiz as show

    show("sez-survey", QUIZ)


class FindingsNotes:
    """A box for the trainee's findings, saved in their work file as they write."""

    def __init__(self, work: SavedWork | None = None):
        self.work = work or SavedWork(EXERCISE_ID)
        self.text = w.Textarea(
            value=self.work.get("findings", ""),
            placeholder="1. In the synthetic data, … (which zone, how many, compared with what)",
            layout={"width": "95%", "height": "140px"}, continuous_update=False,
        )
        self.text.observe(lambda change: self.work.set("findings", change["new"]), names="value")
        notice = [w.HTML(f'<p style="color:#8b1a1a">{html.escape(self.work.notice)}</p>')] if self.work.notice else []
        self.widget = w.VBox([*notice, self.text])

    def _ipython_display_(self):
        from IPython.display import display

        display(self.widget)
