"""What the trainee sees in the power-mapping exercise: the map (matplotlib, with alt text) and
the editor (ipywidgets) that places stakeholders and saves every change to the work file."""
from __future__ import annotations

import html
import textwrap

import ipywidgets as w
from matplotlib.lines import Line2D

from ..kit.checks import Check
from ..kit.figures import new_figure, show_figure
from ..kit.view import ExerciseView
from ..kit.work import SavedWork
from .checks import check_all
from .model import ALIGNMENT, EXERCISE_ID, INFLUENCE, INTEREST, ROLES, SCALES, clean_answer, is_placed, load_stakeholders, score

# Okabe–Ito colours (safe for colour-blind readers) and a shape per group, so the map also
# reads in black and white.
GROUP_STYLE = {
    "ASEAN body": ("#0072B2", "s"),
    "Government": ("#D55E00", "D"),
    "Employers": ("#E69F00", "^"),
    "Unions": ("#009E73", "o"),
    "Civil society": ("#CC79A7", "P"),
    "Media": ("#56B4E9", "v"),
    "International organisation": ("#7F6000", "X"),
}
OTHER_STYLE = ("#666666", "o")
LABEL_WIDTH = 14  # characters per line of a marker's label
# What the AIIM suggests doing in each corner (after ODI RAPID's guidance note), in our words.
QUADRANTS = {
    (True, True): "Work together",
    (True, False): "Raise their interest",
    (False, True): "Challenge their views;\nlimit their influence",
    (False, False): "Keep them informed;\nwatch them",
}


def marker_area(influence: int) -> float:
    """Marker area in points²: influence 1 is a dot, 5 a large disc."""
    return 30 + 70 * (influence - 1)


def _spread(points: list[tuple[str, float, float]]) -> dict[str, tuple[float, float, bool]]:
    """Stakeholders with the same scores are stacked in a short column around their spot, so
    none hides another and each keeps its own one-line label: ``{id: (x, y, shared)}``."""
    groups: dict[tuple[float, float], list[str]] = {}
    for sid, x, y in points:
        groups.setdefault((x, y), []).append(sid)
    out = {}
    for (x, y), ids in groups.items():
        step = min(0.19, 0.9 / len(ids))
        for k, sid in enumerate(ids):
            out[sid] = (x, y + ((len(ids) - 1) / 2 - k) * step, len(ids) > 1)
    return out


def power_map_figure(answer: dict, stakeholders):
    """The AIIM: interest across, alignment up, influence as marker size, one colour per group."""
    fig = new_figure(10, 6.8)
    ax = fig.add_subplot()
    ax.set_xlim(0, 6)  # room on the right of every column for the labels
    ax.set_ylim(-2.6, 2.6)
    ax.axvline(3, color="#999999", linestyle="--", linewidth=1)
    ax.axhline(0, color="#999999", linestyle="--", linewidth=1)
    corners = {(True, True): (5.95, 2.5, "right", "top"), (True, False): (0.05, 2.5, "left", "top"),
               (False, True): (5.95, -2.5, "right", "bottom"), (False, False): (0.05, -2.5, "left", "bottom")}
    for key, (x, y, ha, va) in corners.items():
        ax.text(x, y, QUADRANTS[key], ha=ha, va=va, fontsize=9, style="italic", color="#555555")
    ax.set_xticks(list(INTEREST), [f"{v}\n{k}" for k, v in INTEREST.items()])
    ax.set_yticks(list(ALIGNMENT), list(ALIGNMENT.values()))
    ax.set_xlabel("Interest: how much they care and act on the issue")
    ax.set_ylabel("Alignment: do they agree with the objective?")

    placed = [s for s in stakeholders if is_placed(answer, s.id)]
    spots = _spread([(s.id, score(answer, s.id, "interest"), score(answer, s.id, "alignment")) for s in placed])
    for s in placed:
        colour, shape = GROUP_STYLE.get(s.group, OTHER_STYLE)
        x, y, shared = spots[s.id]
        ax.scatter([x], [y], s=marker_area(score(answer, s.id, "influence")), c=colour, marker=shape,
                   edgecolors="black", linewidths=0.6, alpha=0.85, zorder=3)
        label = s.short if shared else textwrap.fill(s.short, LABEL_WIDTH)  # stacked labels need one line each
        ax.annotate(label, (x, y), xytext=(9, 0), textcoords="offset points", ha="left", va="center", fontsize=8,
                    zorder=4, linespacing=1.0)

    objective = answer.get("objective", "").strip()
    fig.suptitle("Power map (AIIM)" + (f" for: {textwrap.shorten(objective, 80)}" if objective else ""), fontsize=12)
    unplaced = len(stakeholders) - len(placed)
    ax.set_title(f"{len(placed)} of {len(stakeholders)} stakeholders placed" + (f"; {unplaced} not placed yet" if unplaced else ""),
                 fontsize=9, color="#555555")
    _legends(ax, {s.group for s in placed})
    return fig


def _legends(ax, groups: set[str]) -> None:
    handles = [
        Line2D([], [], linestyle="", marker=GROUP_STYLE[g][1], markerfacecolor=GROUP_STYLE[g][0],
               markeredgecolor="black", markersize=8, label=g)
        for g in GROUP_STYLE if g in groups
    ]
    if handles:
        ax.add_artist(ax.legend(handles=handles, title="Group", loc="upper left", bbox_to_anchor=(1.01, 1), fontsize=8))
    sizes = [
        ax.scatter([], [], s=marker_area(level), c="white", edgecolors="black", label=INFLUENCE[level]) for level in (1, 3, 5)
    ]
    ax.legend(handles=sizes, title="Influence", loc="lower left", bbox_to_anchor=(1.01, 0), fontsize=8,
              labelspacing=1.4, borderpad=1)


def power_map_alt(answer: dict, stakeholders) -> str:
    """The map in words, for screen readers and for anyone who cannot see the picture."""
    objective = answer.get("objective", "").strip() or "no objective written yet"
    parts = [
        f"Power map (alignment–interest–influence matrix) for the objective: {objective}. "
        "Interest runs from none (left) to very high (right), alignment from strongly against "
        "(bottom) to strongly for (top); larger markers mean more influence."
    ]
    placed = [s for s in stakeholders if is_placed(answer, s.id)]
    for s in placed:
        parts.append(
            f"{s.short}: {ALIGNMENT[score(answer, s.id, 'alignment')]}, interest {INTEREST[score(answer, s.id, 'interest')]}, "
            f"influence {INFLUENCE[score(answer, s.id, 'influence')]}."
        )
    missing = [s.short for s in stakeholders if not is_placed(answer, s.id)]
    if missing:
        parts.append("Not placed yet: " + ", ".join(missing) + ".")
    return " ".join(parts)


def stakeholders_html(stakeholders) -> str:
    """The stakeholder list as a table: who they are and what they do."""
    rows = "".join(
        f"<tr><td><b>{html.escape(s.short)}</b>{_full_name(s)}</td><td>{html.escape(s.group)}</td>"
        f"<td>{html.escape(s.country)}</td><td>{html.escape(s.role)}</td></tr>"
        for s in stakeholders
    )
    return ("<table><thead><tr><th>Stakeholder</th><th>Group</th><th>Where</th><th>What they do</th></tr></thead>"
            f"<tbody>{rows}</tbody></table>")


def _full_name(s) -> str:
    return "" if s.name == s.short else f"<br><small>{html.escape(s.name)}</small>"


def show_stakeholders(stakeholders=None) -> None:
    from IPython.display import HTML, display

    display(HTML(stakeholders_html(stakeholders or load_stakeholders())))


def show_power_map(answer: dict, stakeholders=None) -> None:
    stakeholders = stakeholders or load_stakeholders()
    show_figure(power_map_figure(answer, stakeholders), power_map_alt(answer, stakeholders))


# --- the editor ---------------------------------------------------------------------------------


def _choices(scale: dict) -> list[tuple[str, object]]:
    return [("not placed", "")] + [(f"{label} ({value})", value) for value, label in scale.items()]


def _none(value):
    """A dropdown's "not placed" ("") as saved work's None, and back with :func:`_blank`."""
    return None if value == "" else value


def _blank(value):
    return "" if value is None else value


class PowerMap(ExerciseView):
    """Widgets for one trainee's map; every change is saved at once to their work file.

    ``placement`` holds the objective and the three scores of each stakeholder; ``roles`` the
    choice of targets and allies with reasons. Show each in its own cell.
    """

    id = EXERCISE_ID
    parts = ("placement", "roles", "results")

    def __init__(self, stakeholders=None, work: SavedWork | None = None):
        super().__init__(work)
        self.stakeholders = stakeholders or load_stakeholders()
        saved = clean_answer(self.work.data, self.stakeholders)
        self.objective = w.Textarea(value=saved["objective"], placeholder="The change you want, in one sentence",
                                    layout=w.Layout(width="95%", height="3.5em"))
        self.scores: dict[str, dict[str, w.Dropdown]] = {}
        self.role: dict[str, w.Dropdown] = {}
        self.reason: dict[str, w.Text] = {}
        for s in self.stakeholders:
            self.scores[s.id] = {
                dim: w.Dropdown(options=_choices(scale), value=_blank(score(saved, s.id, dim)), layout=w.Layout(width="170px"))
                for dim, scale in SCALES.items()
            }
            choice = saved["roles"].get(s.id, {"role": "", "reason": ""})
            self.role[s.id] = w.Dropdown(options=[("–", "")] + [(r, r) for r in ROLES], value=choice["role"],
                                         layout=w.Layout(width="100px"))
            self.reason[s.id] = w.Text(value=choice["reason"], placeholder="Why?", layout=w.Layout(width="420px"))
        for widget in self._inputs():
            widget.observe(self._save, names="value")
        self.placement = self._placement_box()
        self.roles = self._roles_box()

    def _inputs(self):
        yield self.objective
        for s in self.stakeholders:
            yield from self.scores[s.id].values()
            yield self.role[s.id]
            yield self.reason[s.id]

    def _label(self, s) -> w.HTML:
        return w.HTML(f'<b title="{html.escape(s.name)}">{html.escape(s.short)}</b><br>'
                      f"<small>{html.escape(s.group)}</small>", layout=w.Layout(width="200px"))

    def _placement_box(self) -> w.VBox:
        head = [w.HTML("<b>Stakeholder</b>")] + [w.HTML(f"<b>{dim.capitalize()}</b>") for dim in SCALES]
        cells = head + [c for s in self.stakeholders for c in (self._label(s), *self.scores[s.id].values())]
        grid = w.GridBox(cells, layout=w.Layout(grid_template_columns="200px repeat(3, 175px)", grid_gap="4px 6px"))
        return w.VBox([*self.notice(), w.HTML("<b>Your objective</b>"), self.objective, grid])

    def _roles_box(self) -> w.VBox:
        head = [w.HTML("<b>Stakeholder</b>"), w.HTML("<b>Role</b>"), w.HTML("<b>Reason</b>")]
        cells = head + [c for s in self.stakeholders for c in (self._label(s), self.role[s.id], self.reason[s.id])]
        return w.VBox([w.GridBox(cells, layout=w.Layout(grid_template_columns="200px 105px 425px", grid_gap="4px 6px"))])

    def answer(self) -> dict:
        return {
            "objective": self.objective.value,
            "placements": {
                s.id: {dim: _none(box.value) for dim, box in self.scores[s.id].items()} for s in self.stakeholders
            },
            "roles": {
                s.id: {"role": self.role[s.id].value, "reason": self.reason[s.id].value}
                for s in self.stakeholders
                if self.role[s.id].value or self.reason[s.id].value
            },
        }

    def _save(self, _change=None) -> None:
        self.work.data.update(self.answer())
        self.work.save()

    def show_map(self) -> None:
        show_power_map(self.answer(), self.stakeholders)

    def show_stakeholders(self) -> None:
        show_stakeholders(self.stakeholders)

    def check_all(self) -> list[Check]:
        return check_all(self.answer(), self.stakeholders)
