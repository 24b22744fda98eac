"""What the trainee sees in the calendar exercise: this year's events, the timeline (matplotlib,
with alt text) and the planner (ipywidgets) that saves every change to the work file."""
from __future__ import annotations

import html
import textwrap

import ipywidgets as w
from matplotlib.lines import Line2D

from ..kit.checks import Check
from ..kit.figures import new_figure, show_figure
from ..kit.view import ExerciseView
from ..kit.work import SavedWork
from .checks import check_all, sequence_problems
from .model import DATASET_FILE, EXERCISE_ID, KINDS, MONTHS, PLAN_MONTHS, clean_activities, load_events, month_name

KIND_STYLE = {  # Okabe–Ito colours and a shape per kind, readable in black and white too
    "evidence": ("#0072B2", "s"),
    "consultation": ("#009E73", "D"),
    "submission": ("#D55E00", "^"),
    "follow-up": ("#CC79A7", "o"),
    "other": ("#999999", "v"),
}
PROBLEM = "#b00020"
COLUMNS = (("What you will do", "300px"), ("Step", "175px"), ("For which event", "230px"), ("Month", "140px"))
WIDTH = dict(zip(("what", "kind", "event", "month"), (width for _, width in COLUMNS)))
LABEL_CHARS = 56  # longest row label; longer descriptions end in "…"
EXAMPLE_NOTE = f"Event months come from {DATASET_FILE}: example months unless your trainer set this year's dates."


def events_html(events) -> str:
    """This year's events as a table, with the warning that months are examples to check."""
    rows = "".join(
        f"<tr><td>{html.escape(month_name(e.month))}</td><td>{html.escape(e.event)}</td><td>{html.escape(e.note)}</td></tr>"
        for e in sorted(events, key=lambda e: e.month)
    )
    return (f"<table><caption>{html.escape(EXAMPLE_NOTE)}</caption>"
            f"<thead><tr><th>Month</th><th>Event</th><th>What it is</th></tr></thead><tbody>{rows}</tbody></table>")


def show_events(events=None) -> None:
    from IPython.display import HTML, display

    display(HTML(events_html(events or load_events())))


def _row_label(activity: dict) -> str:
    what = activity["what"].strip() or "(no description)"
    return textwrap.shorten(f"{KINDS[activity['kind']]}: {what}", LABEL_CHARS, placeholder="…")


def timeline_figure(activities: list[dict], events):
    """Events on the top rows, one row per activity below; impossible steps marked in red."""
    flagged = {i for i, _ in sequence_problems(activities, events)}
    order = sorted(range(len(activities)), key=lambda i: (activities[i]["month"] or 99, i))
    rows = len(events) + len(order)
    fig = new_figure(9, 2.6 + 0.36 * max(rows, 4))
    ax = fig.add_subplot()
    ax.set_xlim(0.4, PLAN_MONTHS + 0.6)
    ax.set_ylim(rows - 0.4, -0.6)
    ax.axvspan(12.5, PLAN_MONTHS + 0.6, color="#eeeeee", zorder=0)
    ax.text(14, -0.5, "next year", ha="center", va="top", fontsize=8, color="#555555")
    ticks = [m[:3] for m in MONTHS]
    ax.set_xticks(range(1, PLAN_MONTHS + 1), [*ticks, *ticks[: PLAN_MONTHS - 12]])
    ax.set_xlabel("Month")
    ax.grid(axis="x", color="#dddddd", zorder=0)

    by_id = {e.id: e for e in events}
    labels = []
    for row, event in enumerate(events):
        ax.axvline(event.month, color="#333333", linestyle="--", linewidth=0.8, zorder=1)
        ax.scatter([event.month], [row], marker="*", s=220, c="#333333", zorder=3)
        labels.append(event.short)
    for offset, i in enumerate(order):
        a, row = activities[i], len(events) + offset
        labels.append(_row_label(a))
        colour, shape = KIND_STYLE[a["kind"]]
        event = by_id.get(a["event"])
        if a["month"] is None:
            ax.text(0.5, row, "no month yet", va="center", fontsize=8, style="italic", color=PROBLEM)
            continue
        if event is not None:
            ax.plot([a["month"], event.month], [row, row], color=colour, linestyle=":", linewidth=1.2, zorder=2)
        bad = i in flagged
        ax.scatter([a["month"]], [row], marker=shape, s=90, c=colour, zorder=3,
                   edgecolors=PROBLEM if bad else "black", linewidths=2.2 if bad else 0.6)
        if bad:
            ax.annotate("!", (a["month"], row), xytext=(8, 0), textcoords="offset points", va="center",
                        fontsize=12, fontweight="bold", color=PROBLEM)
    ax.set_yticks(range(rows), labels, fontsize=9)
    for tick in ax.get_yticklabels()[: len(events)]:
        tick.set_fontweight("bold")
    handles = [Line2D([], [], linestyle="", marker="*", markersize=11, color="#333333", label="ASEAN event")]
    handles += [Line2D([], [], linestyle="", marker=shape, markersize=8, markerfacecolor=colour,
                       markeredgecolor="black", label=KINDS[kind]) for kind, (colour, shape) in KIND_STYLE.items()]
    handles.append(Line2D([], [], linestyle="", marker="o", markersize=8, markerfacecolor="white",
                          markeredgecolor=PROBLEM, markeredgewidth=2.2, label="impossible order (!)"))
    fig.legend(handles=handles, loc="outside lower center", ncols=4, fontsize=8)  # below: the rows keep the width
    fig.suptitle("Advocacy calendar for the year", fontsize=12)
    ax.set_title(textwrap.fill(EXAMPLE_NOTE, 80), fontsize=8, color="#555555")
    return fig


def timeline_alt(activities: list[dict], events) -> str:
    flagged = {i for i, _ in sequence_problems(activities, events)}
    by_id = {e.id: e for e in events}
    parts = ["Timeline of the advocacy year from January to March of the next year.",
             "ASEAN events (example months unless the trainer set this year's): "
             + "; ".join(f"{e.short} in {month_name(e.month)}" for e in sorted(events, key=lambda e: e.month)) + "."]
    if not activities:
        parts.append("No activities planned yet.")
    for i, a in enumerate(activities):
        event = by_id.get(a["event"])
        parts.append(
            f"{KINDS[a['kind']]}: {a['what'].strip() or 'no description'}, {month_name(a['month'])}"
            + (f", for the {event.short}" if event else "")
            + (" (impossible order)" if i in flagged else "") + "."
        )
    return " ".join(parts)


def show_timeline(activities: list[dict], events=None) -> None:
    events = events or load_events()
    show_figure(timeline_figure(activities, events), timeline_alt(activities, events))


# --- the planner --------------------------------------------------------------------------------


class Calendar(ExerciseView):
    """One row of widgets per activity, an "Add an activity" button; every change is saved.

    ``planner`` is the table of activities; ``show_events()`` and ``show_timeline()`` draw the
    year's events and the trainee's plan.
    """

    id = EXERCISE_ID
    parts = ("planner", "results")

    def __init__(self, events=None, work: SavedWork | None = None):
        super().__init__(work)
        self.events = events or load_events()
        self.rows = w.VBox()
        self.add = w.Button(description="Add an activity", icon="plus")
        self.add.on_click(lambda _: self._add_row({"what": "", "kind": "evidence", "event": "", "month": None}))
        for activity in clean_activities(self.work.get("activities"), self.events):
            self._add_row(activity, save=False)
        head = w.HBox([w.HTML(f"<b>{title}</b>", layout=w.Layout(width=width)) for title, width in COLUMNS])
        self.planner = w.VBox([*self.notice(), head, self.rows, self.add])

    def _add_row(self, activity: dict, save: bool = True) -> None:
        what = w.Text(value=activity["what"], placeholder="e.g. Collect workers' stories on fees",
                      layout=w.Layout(width=WIDTH["what"]))
        kind = w.Dropdown(options=[(label, key) for key, label in KINDS.items()], value=activity["kind"],
                          layout=w.Layout(width=WIDTH["kind"]))
        event = w.Dropdown(options=[("choose the event", "")] + [(e.short, e.id) for e in self.events],
                           value=activity["event"], layout=w.Layout(width=WIDTH["event"]))
        month = w.Dropdown(options=[("no month yet", "")] + [(month_name(m), m) for m in range(1, PLAN_MONTHS + 1)],
                           value=activity["month"] if activity["month"] is not None else "",
                           layout=w.Layout(width=WIDTH["month"]))
        remove = w.Button(icon="trash", tooltip="Remove this activity", layout=w.Layout(width="40px"))
        row = w.HBox([what, kind, event, month, remove])
        for box in (what, kind, event, month):
            box.observe(lambda _change: self._save(), names="value")
        remove.on_click(lambda _button, row=row: self._remove(row))
        self.rows.children = (*self.rows.children, row)
        if save:
            self._save()

    def _remove(self, row) -> None:
        self.rows.children = tuple(r for r in self.rows.children if r is not row)
        self._save()

    def activities(self) -> list[dict]:
        out = []
        for row in self.rows.children:
            what, kind, event, month, _ = row.children
            out.append({"what": what.value, "kind": kind.value, "event": event.value,
                        "month": month.value if month.value != "" else None})
        return out

    def _save(self) -> None:
        self.work.set("activities", self.activities())

    def show_events(self) -> None:
        show_events(self.events)

    def show_timeline(self) -> None:
        show_timeline(self.activities(), self.events)

    def check_all(self) -> list[Check]:
        return check_all(self.activities(), self.events)
