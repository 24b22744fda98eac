"""What the trainee sees in the (synthetic) SEZ survey exercise: each cleaning step done by
choosing (what to do, and what each spelling means: ``choices``) with its check, the summary by
zone with its chart, and notes on the findings; every choice is saved in their work file.

For those who want to try the data themselves, the same checks take their own pandas cleaning
(``check``, ``check_dates``, …).
"""
from __future__ import annotations

import ipywidgets as w
import pandas as pd
from matplotlib.figure import Figure

from ..kit.checks import Results, as_html, results
from ..kit.data import dataset, dataset_info
from ..kit.figures import figure_html, new_figure, show_figure
from ..kit import friendly
from ..kit.view import ExerciseView, trainee_table
from ..kit.work import SavedWork
from . import choices as cleaning
from .checks import (
    check_all, check_country, check_dates, check_hours, check_job_category, check_one_row_per_interview, check_summary,
    check_yes_no, check_zone,
)
from .model import COUNTRIES, DATASET, EXERCISE_ID, JOB_CATEGORIES
from .checks import ZONE_NAMES

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


def summary_by_zone(survey: pd.DataFrame) -> pd.DataFrame:
    """Step 6: the four figures per zone (the same as the notebook's code cell)."""
    return survey.groupby("zone").agg(
        interviews=("interview_id", "size"),
        median_hours=("hours_per_day", "median"),
        contract_pct=("written_contract", lambda answers: 100 * pd.to_numeric(answers, errors="coerce").mean()),
        documents_kept_pct=("employer_keeps_documents", lambda answers: 100 * pd.to_numeric(answers, errors="coerce").mean()),
    ).round(1)


CHOOSE = "(choose)"
NARROW = w.Layout(width="34em")
LABEL = {"description_width": "16em"}


class SezSurvey(ExerciseView):
    """The raw survey; one box per cleaning step (``duplicates_box``, ``places_box``,
    ``dates_box``, ``jobs_box``, ``answers_box``), each with an *Apply and check* button; the
    summary by zone (``summary_box``); and ``findings``: the trainee's notes. Every choice and
    note is saved in their work file as they make it."""

    id = EXERCISE_ID
    parts = ("duplicates_box", "places_box", "dates_box", "jobs_box", "answers_box", "summary_box", "findings")

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
        self.findings = w.VBox([self.text])
        self.choices: dict = dict(self.work.get("cleaning") or {})
        self._build_steps()

    # --- cleaning by choosing --------------------------------------------------------------------

    def _remember(self, key: str, value, within: str | None = None) -> None:
        if within:
            mapping = dict(self.choices.get(within) or {})
            mapping[key] = value
            self.choices[within] = {k: v for k, v in mapping.items() if v is not None}
        else:
            self.choices[key] = value
        self.work.set("cleaning", self.choices)

    def _pick(self, description: str, options, key: str, within: str | None = None) -> w.Widget:
        """A drop-down (or, for the ways of a step, radio buttons) that remembers its choice."""
        saved = (self.choices.get(within) or {}).get(key) if within else self.choices.get(key)
        values = [v for _, v in options]
        if within:
            widget = w.Dropdown(options=[(CHOOSE, None), *options], value=saved if saved in values else None,
                                description=description, style=LABEL, layout=NARROW)
        else:
            widget = w.RadioButtons(options=options, value=saved if saved in values else None, layout=w.Layout(width="95%"))
        widget.observe(lambda change: self._remember(key, change["new"], within), names="value")
        return widget

    def _mapping(self, within: str, column_spellings: list[str], meanings) -> dict[str, w.Dropdown]:
        return {text: self._pick(text, [(m, m) for m in meanings], text, within) for text in column_spellings}

    def _step(self, name: str, checks, *widgets) -> w.VBox:
        pane = w.HTML()
        button = w.Button(description="Apply and check", icon="check", layout=w.Layout(width="auto"))

        def run(_b=None):
            out = results(checks(self.cleaned()))
            pane.value = as_html(out)
            return out
        button.on_click(run)
        self.step_checks[name] = run
        self.step_buttons[name] = button
        return w.VBox([*widgets, button, pane])

    def _build_steps(self) -> None:
        raw = self.raw
        self.step_checks, self.step_buttons = {}, {}
        self.duplicates_way = self._pick("", [(words, key) for key, words in cleaning.DUPLICATE_WAYS.items()], "duplicates")
        self.duplicates_box = w.VBox([*self.notice(), self._step("duplicates", check_one_row_per_interview, self.duplicates_way)])
        self.zone_of = self._mapping("zone", cleaning.spellings(raw, "zone"), ZONE_NAMES)
        self.country_of = self._mapping("country", cleaning.spellings(raw, "country"), COUNTRIES)
        self.places_box = self._step(
            "places", lambda df: check_zone(df) + check_country(df),
            w.HTML("<b>Zones</b>: what each spelling means"), *self.zone_of.values(),
            w.HTML("<b>Countries</b>: what each spelling means"), *self.country_of.values())
        self.date_format_of = {
            team: self._pick(f"Team {team} writes", [(words, key) for key, (words, _) in cleaning.DATE_FORMATS.items()],
                             team, "date_formats")
            for team in sorted(raw["team"].dropna().unique())
        }
        self.outside_empty = w.Checkbox(value=bool(self.choices.get("outside_empty")), indent=False,
                                        description="Leave empty a date that cannot be right (outside the 2017 fieldwork)")
        self.outside_empty.observe(lambda change: self._remember("outside_empty", change["new"]), names="value")
        self.dates_box = self._step("dates", check_dates, *self.date_format_of.values(), self.outside_empty)
        self.job_of = self._mapping("job_category", cleaning.spellings(raw, "job_type"), JOB_CATEGORIES)
        self.jobs_box = self._step("jobs", check_job_category, *self.job_of.values())
        self.hours_way = self._pick("", [(words, key) for key, words in cleaning.HOURS_WAYS.items()], "hours")
        self.answer_of = self._mapping("answers", cleaning.answer_spellings(raw), cleaning.ANSWER_MEANINGS)
        self.answers_box = self._step(
            "answers", lambda df: check_hours(df) + check_yes_no(df),
            w.HTML("<b>Hours</b>"), self.hours_way, w.HTML("<b>Yes/no answers</b>: what each spelling means"),
            *self.answer_of.values())
        self.summary_pane, self.summary_out = w.HTML(), w.HTML()
        self.make_summary = w.Button(description="Make the summary", icon="table", layout=w.Layout(width="auto"))
        self.make_summary.on_click(lambda _b: self.show_summary())
        self.summary_box = w.VBox([self.make_summary, self.summary_pane, self.summary_out])

    def cleaned(self) -> pd.DataFrame:
        """The raw survey with every step chosen so far applied."""
        return cleaning.clean(self.raw, self.choices)

    def show_summary(self) -> Results:
        """The summary by zone of the table as cleaned so far, its chart, and its check."""
        summary = summary_by_zone(self.cleaned())
        self.summary_out.value = (trainee_table(summary).to_html()
                                  + figure_html(summary_figure(summary), summary_alt_text(summary)))
        out = self.check_summary(summary)
        self.summary_pane.value = as_html(out)
        return out

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
