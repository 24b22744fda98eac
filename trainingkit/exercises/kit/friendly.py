"""Plain messages instead of tracebacks, for trainees who try the data themselves.

Most trainees cannot code. When a cell of a code exercise fails on a typo, a 30-line pandas
traceback hides the one thing they need: which name was wrong and what to try. :func:`install`
asks IPython to show :func:`friendly_html` for the usual slips instead, and one line of the
error where the traceback would be. The cell still counts as failed, so a broken exercise still
fails the build and the tests, naming the cell; Python's own message stays one click away.
"""
from __future__ import annotations

import difflib
import html

import pandas as pd

SLIPS = (KeyError, NameError, AttributeError, TypeError, ValueError, IndexError)


def _names_in(namespace: dict | None) -> list[str]:
    """Column names of the tables the trainee has, to suggest the nearest one to a typo."""
    names: list[str] = []
    for value in (namespace or {}).values():
        if isinstance(value, pd.DataFrame):
            names += [str(c) for c in value.columns]
        elif isinstance(value, pd.Series) and value.name is not None:
            names.append(str(value.name))
    return list(dict.fromkeys(names))


def friendly_message(exc: BaseException, namespace: dict | None = None) -> tuple[str, str]:
    """(what went wrong, what to try), in plain words, for one exception."""
    if isinstance(exc, KeyError):
        key = str(exc.args[0]) if exc.args else ""
        near = difflib.get_close_matches(key, _names_in(namespace), n=1, cutoff=0.6)
        hint = f"Did you mean '{near[0]}'? " if near else ""
        return (f"There is no column or row called '{key}'.",
                hint + "Names must match exactly, capitals and spaces too: copy the name from the table above.")
    if isinstance(exc, NameError):
        name = getattr(exc, "name", None)
        if not name:
            quoted = str(exc).split("'")
            name = quoted[1] if len(quoted) > 2 else str(exc)
        return (f"Python does not know the name '{name}' yet.",
                "Run the cells above this one first (menu Run, then Run All Above Selected Cell), "
                "or check the spelling of the name.")
    if isinstance(exc, AttributeError):
        return (f"Python could not use this name here: {exc}.",
                "Check the spelling after the dot, and that the cell that makes this table ran.")
    return (f"Python could not run this cell: {type(exc).__name__}: {exc}",
            "Read the line you changed last, compare it with the example, or undo the change.")


def friendly_html(exc: BaseException, namespace: dict | None = None) -> str:
    what, todo = friendly_message(exc, namespace)
    return ('<div role="alert" style="border-left:4px solid #8b1a1a;padding-left:0.8em">'
            f"<p><b>This cell did not run.</b> {html.escape(what)}</p><p><b>Try this:</b> {html.escape(todo)}</p>"
            f"<details><summary>Python's own message</summary><pre>{html.escape(repr(exc))}</pre></details></div>")


def install(shell=None) -> bool:
    """Show plain messages for the usual slips in this kernel; False outside IPython."""
    if shell is None:
        try:
            from IPython import get_ipython
        except ImportError:  # pragma: no cover - IPython comes with Jupyter
            return False
        shell = get_ipython()
    if shell is None:
        return False

    def handler(self, etype, value, tb, tb_offset=None):
        from IPython.display import HTML, display

        display(HTML(friendly_html(value, self.user_ns)))
        # Still report the error (one line, not a traceback), so the cell is named as failed.
        short = [f"{etype.__name__}: {value} (see the note above)"]
        self._showtraceback(etype, value, short)
        return short

    shell.set_custom_exc(SLIPS, handler)
    return True
