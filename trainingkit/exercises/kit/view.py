"""The base of every exercise view: saved work, the saved-work notice, widgets that save
themselves, one results pane, and display by parts.

A case's view is ``class <Case>(ExerciseView)``. It sets ``id`` (the exercise id, which names
the work file and the quiz) and ``parts`` (the attributes a notebook shows, one per cell), and
builds its widgets in ``__init__``. Naming the view in a cell shows every part in order; naming
one part (``ex.placement``) shows that part. ``check()`` returns :class:`~.checks.Results`, so
a cell that ends with ``ex.check()`` shows the same check list as the results pane.
"""
from __future__ import annotations

import html

import ipywidgets as w

from .checks import Check, Results, as_html, results
from .work import SavedWork

WIDE = w.Layout(width="95%")
NOTICE_COLOUR = "#8b1a1a"  # 8.6:1 on white


def notice_html(text: str) -> str:
    """The saved-work notice: a damaged work file was set aside (the one place it is written)."""
    return f'<p role="status" style="color:{NOTICE_COLOUR}"><b>Note:</b> {html.escape(text)}</p>'


def message_html(ok: bool, text: str) -> str:
    """A one-line answer to a button: done (green) or what is missing (red)."""
    colour = "#1b5e20" if ok else NOTICE_COLOUR
    return f'<p style="color:{colour}">{html.escape(text)}</p>'


def quote_html(text: str) -> str:
    """``text`` as a block quotation, one paragraph per blank-line-separated block, escaped."""
    paragraphs = [p.strip() for p in text.strip().split("\n\n") if p.strip()]
    body = "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    return f'<blockquote style="border-left:4px solid #9e9e9e;padding-left:1em">{body}</blockquote>'


def show_text(text: str) -> None:
    """Show a text (a model statement, a recommendation) as a quotation that wraps like a page."""
    from IPython.display import HTML, display

    display(HTML(quote_html(text)))


def trainee_table(frame):
    """A table as a trainee reads it: whole numbers without ".0" (1999, not 1999.0) and empty
    cells blank rather than NaN. Only the display changes; the data stay as they are."""
    whole = [c for c in frame.columns
             if frame[c].dtype.kind == "f" and frame[c].dropna().apply(float.is_integer).all()]
    return frame.style.format(na_rep="").format("{:.0f}", subset=whole, na_rep="")


def saved_text(work: SavedWork, key: str, placeholder: str, rows: int = 4, description: str = "") -> w.Textarea:
    """A text area that saves its text under ``key`` whenever it changes."""
    area = w.Textarea(value=work.get(key, ""), placeholder=placeholder, rows=rows, description=description,
                      layout=w.Layout(width="95%"))
    area.observe(lambda change: work.set(key, change["new"]), names="value")
    return area


def saved_dropdown(work: SavedWork, key: str, options: list[tuple[str, str]], description: str = "") -> w.Dropdown:
    """A drop-down (options as (label, value)) that saves its value under ``key``; it starts
    on "(choose)" until the trainee picks one."""
    values = {value for _, value in options}
    saved = work.get(key)
    dropdown = w.Dropdown(options=[("(choose)", None), *options], value=saved if saved in values else None,
                          description=description, style={"description_width": "initial"},
                          layout=w.Layout(width="95%"))
    dropdown.observe(lambda change: work.set(key, change["new"]), names="value")
    return dropdown


class ExerciseView:
    """Saved work, its notice and a results pane, shared by every exercise."""

    id: str = ""
    parts: tuple[str, ...] = ()

    def __init__(self, work: SavedWork | None = None):
        self.work = work or SavedWork(self.id)
        self.results = w.HTML()

    def notice(self) -> list[w.HTML]:
        """The notice as the first widget of a part, when a damaged work file was set aside."""
        return [w.HTML(notice_html(self.work.notice))] if self.work.notice else []

    def show_results(self, checks: Check | list[Check]) -> Results:
        """Put ``checks`` in the results pane and return them (a cell ending with them shows them)."""
        out = results(checks)
        self.results.value = as_html(out)
        return out

    def check_all(self) -> list[Check]:
        raise NotImplementedError(f"{type(self).__name__} has no self-check")

    def check(self) -> Results:
        return self.show_results(self.check_all())

    @staticmethod
    def table(frame):
        """``frame`` shown for reading: whole numbers as 1999, blanks as blanks (see :func:`trainee_table`)."""
        return trainee_table(frame)

    def _ipython_display_(self):
        from IPython.display import display

        for name in self.parts:
            display(getattr(self, name))
