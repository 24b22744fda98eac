"""Widgets whose value lives in a trainee's saved work: set on every change, reloaded on opening."""
from __future__ import annotations

from .work import SavedWork


def saved_text(work: SavedWork, key: str, placeholder: str, rows: int = 4, description: str = ""):
    """A text area that saves its text under ``key`` whenever it changes."""
    import ipywidgets as w

    area = w.Textarea(value=work.get(key, ""), placeholder=placeholder, rows=rows, description=description,
                      layout=w.Layout(width="95%"))
    area.observe(lambda change: work.set(key, change["new"]), names="value")
    return area


def saved_dropdown(work: SavedWork, key: str, options: list[tuple[str, str]], description: str = ""):
    """A drop-down (options as (label, value)) that saves its value under ``key``; it starts
    on "(choose)" until the trainee picks one."""
    import ipywidgets as w

    values = {value for _, value in options}
    saved = work.get(key)
    dropdown = w.Dropdown(options=[("(choose)", None), *options], value=saved if saved in values else None,
                          description=description, style={"description_width": "initial"},
                          layout=w.Layout(width="95%"))
    dropdown.observe(lambda change: work.set(key, change["new"]), names="value")
    return dropdown


def notice(work: SavedWork):
    """The saved-work notice (a damaged file was set aside) as a widget, or None."""
    import ipywidgets as w

    return w.HTML(f"<p><b>Note:</b> {work.notice}</p>") if work.notice else None


class WidgetForm:
    """A form whose widgets sit in ``self.box``: naming the form in a cell shows it."""

    box = None

    def _ipython_display_(self):
        from IPython.display import display

        display(self.box)
