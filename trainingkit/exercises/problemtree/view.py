"""What the trainee sees in the problem-tree exercise: both trees drawn with matplotlib (with alt
text, saved as PNG and SVG in the work folder) and the editor that saves every change.

The layout is computed in inches, so boxes never overlap whatever the text: effects (branches)
sit above the core problem, causes (roots) below it, one column each, and each column stacks its
sub-statements under (or above) the statement they belong to.
"""
from __future__ import annotations

import html
import textwrap
from dataclasses import dataclass
from pathlib import Path

import ipywidgets as w
from matplotlib.patches import FancyBboxPatch

from ..kit.checks import Check
from ..kit.figures import figure_html, new_figure, save_figure
from ..kit.view import ExerciseView
from ..kit.work import SavedWork, work_dir
from .checks import check_all
from .model import EXERCISE_ID, STARTERS, Node, Tree, statements, suggest_objective, tree_from_answer

FONT = 8  # points, every box but the core problem
CORE_FONT = 10
LINE = 1.25 * FONT / 72  # inches per text line
PAD = 0.07  # inches between a box's text and its edge
GAP = 0.16  # inches between stacked boxes
ROW_GAP = 0.45  # inches between the core problem and the first row of causes or effects
MARGIN = 0.55  # inches on the left for the row names
CHAR = 0.062  # inches per character at FONT (DejaVu Sans averages about 0.06)
FULL_LABEL = {"description_width": "initial"}  # show "Core problem" in full, not cut short
PROBLEM_COLOURS = {"core": "#f4a6a0", "effect": "#fde0c5", "cause": "#d6e6f5"}
OBJECTIVE_COLOURS = {"core": "#8fd18f", "effect": "#d8f0d3", "cause": "#e6f4e1"}


@dataclass(frozen=True)
class Box:
    x: float  # left edge, inches
    y: float  # bottom edge, inches
    width: float
    height: float
    text: str  # already wrapped
    kind: str  # core, cause or effect
    font: int = FONT

    @property
    def top(self) -> float:
        return self.y + self.height

    @property
    def centre_x(self) -> float:
        return self.x + self.width / 2


@dataclass(frozen=True)
class Layout:
    width: float
    bottom: float
    top: float
    boxes: tuple[Box, ...]
    arrows: tuple[tuple[tuple[float, float], tuple[float, float]], ...]  # (from, to): cause → problem → effect
    spines: tuple[tuple[tuple[float, float], ...], ...]  # polylines joining sub-statements to theirs


def column_width(columns: int) -> float:
    """Wide columns for a few statements, narrower (never below 1.3 in) for up to eight."""
    return min(2.0, max(1.3, 11 / max(columns, 1)))


def _box(x, y_edge, width, text, kind, chars, upward, font=FONT) -> Box:
    wrapped = textwrap.fill(text, max(chars, 8)) or " "
    height = wrapped.count("\n") * LINE * font / FONT + LINE * font / FONT + 2 * PAD
    return Box(x, y_edge if upward else y_edge - height, width, height, wrapped, kind, font)


def tree_layout(tree: Tree, label) -> Layout:
    """Boxes, arrows and spines for ``tree``; ``label(statement)`` gives each box's text."""
    columns = max(len(tree.causes), len(tree.effects), 3)
    col = column_width(columns)
    width = MARGIN + columns * col
    chars = int((col - 0.2 - 2 * PAD) / CHAR)
    core_width = min(width - MARGIN, 3 * col)
    core = _box(MARGIN + (columns * col - core_width) / 2, 0, core_width, label(tree.problem),
                "core", int((core_width - 2 * PAD) / (CHAR * CORE_FONT / FONT)), True, CORE_FONT)
    boxes, arrows, spines = [core], [], []
    bottom, top = 0.0, core.top
    for nodes, kind, upward in ((tree.causes, "cause", False), (tree.effects, "effect", True)):
        start = MARGIN + (columns - len(nodes)) * col / 2
        edge = core.top + ROW_GAP if upward else -ROW_GAP
        for i, node in enumerate(nodes):
            x = start + i * col + 0.1
            head = _box(x, edge, col - 0.2, label(node.text), kind, chars, upward)
            boxes.append(head)
            anchor_x = min(max(head.centre_x, core.x + 0.2), core.x + core.width - 0.2)
            if upward:
                arrows.append(((anchor_x, core.top), (head.centre_x, head.y)))
            else:
                arrows.append(((head.centre_x, head.top), (anchor_x, core.y)))
            spine_x = x + 0.07
            cursor = (head.top if upward else head.y)
            joints = [(spine_x, cursor)]
            for child in node.children:
                cursor += GAP if upward else -GAP
                sub = _box(x + 0.15, cursor, col - 0.35, label(child), kind, chars - 3, upward)
                boxes.append(sub)
                middle = sub.y + sub.height / 2
                joints += [(spine_x, middle), (sub.x, middle), (spine_x, middle)]
                cursor = sub.top if upward else sub.y
            if node.children:
                spines.append(tuple(joints))
            bottom, top = min(bottom, cursor), max(top, cursor)
    return Layout(width, bottom, top, tuple(boxes), tuple(arrows), tuple(spines))


def tree_figure(tree: Tree, label, title: str, subtitle: str, colours: dict, row_names: tuple[str, str]):
    """Draw a tree (problem or objective) from its layout; ``row_names`` = (upper, lower)."""
    layout = tree_layout(tree, label)
    head, foot = 0.75, 0.15  # inches for the title, and below the last box
    height = layout.top - layout.bottom + head + foot
    fig = new_figure(layout.width + 0.1, height)
    fig.set_layout_engine(None)
    ax = fig.add_axes((0, 0, 1, 1))
    ax.set_xlim(0, layout.width + 0.1)
    ax.set_ylim(layout.bottom - foot, layout.top + head)
    ax.set_axis_off()
    for (x0, y0), (x1, y1) in layout.arrows:
        ax.annotate("", xy=(x1, y1), xytext=(x0, y0), arrowprops={"arrowstyle": "-|>", "color": "#555555", "lw": 1})
    for joints in layout.spines:
        ax.plot([p[0] for p in joints], [p[1] for p in joints], color="#555555", lw=1)
    for box in layout.boxes:
        ax.add_patch(FancyBboxPatch((box.x, box.y), box.width, box.height, boxstyle="round,pad=0,rounding_size=0.06",
                                    facecolor=colours[box.kind], edgecolor="#444444", lw=0.8))
        ax.text(box.centre_x, box.y + box.height / 2, box.text, ha="center", va="center", fontsize=box.font,
                fontweight="bold" if box.kind == "core" else "normal", linespacing=1.25)
    core = layout.boxes[0]
    upper, lower = row_names
    for name, low, high in ((upper, core.top, layout.top), (lower, layout.bottom, core.y)):
        if high - low > 0.3:
            ax.text(0.25, (low + high) / 2, name, rotation=90, ha="center", va="center", fontsize=9, color="#555555")
    ax.text(layout.width / 2, layout.top + head - 0.08, title, ha="center", va="top", fontsize=12)
    ax.text(layout.width / 2, layout.top + head - 0.33, subtitle, ha="center", va="top", fontsize=8, color="#555555")
    return fig


def tree_alt(tree: Tree, label, name: str, parts: tuple[str, str, str]) -> str:
    """The tree in words; ``parts`` names the core, the lower and the upper rows."""
    core, lower, upper = parts

    def row(nodes: tuple[Node, ...], sub: str) -> str:
        items = [label(n.text) + (f" ({sub}: " + "; ".join(label(c) for c in n.children) + ")" if n.children else "")
                 for n in nodes]
        return "; ".join(items) if items else "none yet"

    return (f"{name}. {core}: {label(tree.problem)}. "
            f"{lower}: {row(tree.causes, 'because of')}. {upper}: {row(tree.effects, 'leading to')}.")


NOT_WRITTEN = "(not written yet)"


def problem_label(text: str) -> str:
    return text or NOT_WRITTEN


def objective_labeller(objectives: dict):
    return lambda text: str(objectives.get(text) or "").strip() or NOT_WRITTEN


def tree_pictures(answer: dict) -> list[tuple[str, object, str]]:
    """(file stem, figure, alt text) for the problem tree and the objective tree."""
    tree = tree_from_answer(answer)
    to_objective = objective_labeller(answer.get("objectives") or {})
    return [
        ("problem-tree",
         tree_figure(tree, problem_label, "Problem tree", "Causes (roots) below the core problem, effects (branches) above",
                     PROBLEM_COLOURS, ("Effects", "Causes")),
         tree_alt(tree, problem_label, "Problem tree", ("Core problem", "Causes (roots)", "Effects (branches)"))),
        ("objective-tree",
         tree_figure(tree, to_objective, "Objective tree", "Means (from the causes) below the core objective, ends (from the effects) above",
                     OBJECTIVE_COLOURS, ("Ends", "Means")),
         tree_alt(tree, to_objective, "Objective tree", ("Core objective", "Means (from the causes)", "Ends (from the effects)"))),
    ]


def export_trees(answer: dict, folder: Path | None = None) -> list[Path]:
    """Save both trees as PNG and SVG in ``folder`` (default: the work folder); return the files."""
    folder = folder or work_dir() / EXERCISE_ID
    return [save_figure(fig, folder / f"{stem}.{suffix}") for stem, fig, _ in tree_pictures(answer) for suffix in ("png", "svg")]


def show_trees(answer: dict, folder: Path | None = None, save: bool = True) -> None:
    """Show both trees and, once there is a core problem, save them and say where."""
    from IPython.display import HTML, display

    for _, fig, alt in tree_pictures(answer):
        display(HTML(figure_html(fig, alt)))
    if not save:
        return
    if not tree_from_answer(answer).problem:
        display(HTML("<p>Nothing saved yet: write the core problem first, then run this cell again.</p>"))
        return
    saved = export_trees(answer, folder)
    where = str(saved[0].parent).replace(str(Path.home()), "~", 1)
    display(HTML("<p>Saved in your work folder: " + ", ".join(f"<code>{html.escape(p.name)}</code>" for p in saved)
                 + f" (in <code>{html.escape(where)}</code>).</p>"))


# --- the editor ---------------------------------------------------------------------------------


class ProblemTree(ExerciseView):
    """Widgets for one trainee's tree; every change is saved at once to their work file.

    ``tree`` holds the core problem, causes and effects; ``objective_box`` one objective for each
    statement. Show each in its own cell.
    """

    id = EXERCISE_ID
    parts = ("tree", "objective_box", "results")

    def __init__(self, work: SavedWork | None = None):
        super().__init__(work)
        data = self.work.data
        self.objectives: dict[str, str] = {str(k): str(v) for k, v in (data.get("objectives") or {}).items()}
        known = {s.id for s in STARTERS}
        self.starter = w.Dropdown(options=[("My own problem", "")] + [(s.title, s.id) for s in STARTERS],
                                  value=data.get("starter") if data.get("starter") in known else "",
                                  description="Start from", style=FULL_LABEL, layout=w.Layout(width="520px"))
        self.problem = w.Text(value=str(data.get("problem") or ""), placeholder="Who is affected, and how",
                              description="Core problem", style=FULL_LABEL, layout=w.Layout(width="95%"))
        outline = "One per line; start a line with - for a sub-{} of the line above"
        self.causes = w.Textarea(value=str(data.get("causes") or ""), placeholder=outline.format("cause"),
                                 continuous_update=False, layout=w.Layout(width="95%", height="11em"))
        self.effects = w.Textarea(value=str(data.get("effects") or ""), placeholder=outline.format("effect"),
                                  continuous_update=False, layout=w.Layout(width="95%", height="8em"))
        self.suggest = w.Button(description="Suggest objectives", icon="magic",
                                tooltip="Fill each empty objective with a first draft to edit")
        self.objective_rows = w.VBox()
        self.starter.observe(self._use_starter, names="value")
        for widget in (self.problem, self.causes, self.effects):
            widget.observe(self._tree_changed, names="value")
        self.suggest.on_click(self._suggest)
        self.tree = w.VBox([*self.notice(), self.starter, self.problem,
                            w.HTML("<b>Causes (roots)</b>: why does the problem happen?"), self.causes,
                            w.HTML("<b>Effects (branches)</b>: what happens because of it?"), self.effects])
        self.objective_box = w.VBox([self.suggest, self.objective_rows])
        self._rebuild_rows()

    def answer(self) -> dict:
        return {"starter": self.starter.value, "problem": self.problem.value, "causes": self.causes.value,
                "effects": self.effects.value, "objectives": dict(self.objectives)}

    def _save(self) -> None:
        used = {text for _, text in statements(tree_from_answer(self.answer()))}
        self.objectives = {k: v for k, v in self.objectives.items() if k in used}
        self.work.data.update(self.answer())
        self.work.save()

    def _use_starter(self, change) -> None:
        starter = next((s for s in STARTERS if s.id == change["new"]), None)
        if starter:
            self.problem.value = starter.problem  # triggers _tree_changed, which saves
        else:
            self._save()

    def _tree_changed(self, _change=None) -> None:
        self._save()
        self._rebuild_rows()

    def _rebuild_rows(self) -> None:
        rows = []
        for kind, text in statements(tree_from_answer(self.answer())):
            box = w.Text(value=self.objectives.get(text, ""), layout=w.Layout(width="95%"),
                         placeholder="The change you want, as if it had already happened")
            box.observe(lambda change, text=text: self._set_objective(text, change["new"]), names="value")
            rows.append(w.VBox([w.HTML(f"<small>{html.escape(kind)}:</small> {html.escape(text)}"), box],
                               layout=w.Layout(margin="0 0 6px 0")))
        self.objective_rows.children = rows

    def _set_objective(self, text: str, value: str) -> None:
        self.objectives[text] = value
        self._save()

    def _suggest(self, _button=None) -> None:
        for _, text in statements(tree_from_answer(self.answer())):
            if not self.objectives.get(text, "").strip():
                self.objectives[text] = suggest_objective(text)
        self._save()
        self._rebuild_rows()

    def show_trees(self) -> None:
        show_trees(self.answer())

    def check_all(self) -> list[Check]:
        return check_all(self.answer())
