"""Exercise figures: drawn with matplotlib's object API, shown with alt text, saved as files.

Figures are made with :class:`matplotlib.figure.Figure`, not ``pyplot``, so nothing is displayed
by accident and no global state leaks between cells. :func:`show_figure` displays a figure as an
HTML image with an ``alt`` text, which screen readers read out and which the static book keeps.
"""
from __future__ import annotations

import base64
import html
import io
from functools import lru_cache
from pathlib import Path

from matplotlib import font_manager
from matplotlib.figure import Figure

# Trainees may type in Thai, Khmer, Lao or Burmese: matplotlib falls back to these fonts for
# glyphs DejaVu Sans lacks, when they are installed (Debian: fonts-noto-core).
SCRIPT_FONTS = ("Noto Sans Thai", "Noto Sans Khmer", "Noto Sans Lao", "Noto Sans Myanmar")
DPI = 110


@lru_cache(maxsize=1)
def font_family() -> tuple[str, ...]:
    """DejaVu Sans, then every installed script font (naming a missing one makes matplotlib warn)."""
    installed = {f.name for f in font_manager.fontManager.ttflist}
    return ("DejaVu Sans", *(name for name in SCRIPT_FONTS if name in installed))


def new_figure(width: float, height: float) -> Figure:
    """A blank figure (inches) whose text can hold the Mekong scripts."""
    fig = Figure(figsize=(width, height), dpi=DPI, layout="constrained")
    fig.set_facecolor("white")
    return fig


def with_fonts(fig: Figure) -> Figure:
    """Give every text in ``fig`` the font list with the script fallbacks."""
    for text in fig.findobj(lambda artist: hasattr(artist, "set_fontfamily")):
        text.set_fontfamily(list(font_family()))
    return fig


def figure_png(fig: Figure) -> bytes:
    buffer = io.BytesIO()
    with_fonts(fig).savefig(buffer, format="png", dpi=DPI)
    return buffer.getvalue()


def figure_html(fig: Figure, alt: str) -> str:
    """An ``<img>`` holding the figure as PNG, with ``alt`` as its text alternative."""
    data = base64.b64encode(figure_png(fig)).decode("ascii")
    return (
        f'<img src="data:image/png;base64,{data}" alt="{html.escape(alt, quote=True)}" '
        'style="max-width:100%;height:auto">'
    )


def show_figure(fig: Figure, alt: str) -> None:
    """Display the figure in the notebook, with its alt text."""
    from IPython.display import HTML, display

    display(HTML(figure_html(fig, alt)))


def save_figure(fig: Figure, path: Path) -> Path:
    """Write the figure to ``path`` (PNG or SVG, by its suffix) and return the path."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with_fonts(fig).savefig(path, dpi=DPI)
    return path
