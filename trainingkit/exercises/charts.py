"""Charts in exercise notebooks: a matplotlib figure shown as an image that carries alt text.

Figures are built with ``matplotlib.figure.Figure`` (not pyplot), so nothing is drawn twice and
no global state is kept between cells. The image is embedded as HTML so that the live notebook
and the static book both give screen-reader users the same description.
"""
from __future__ import annotations

import base64
import html
import io

from matplotlib.figure import Figure


def figure_html(fig: Figure, alt: str) -> str:
    """The figure as an ``<img>`` with ``alt`` text (PNG, embedded)."""
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=100, bbox_inches="tight")
    data = base64.b64encode(buffer.getvalue()).decode("ascii")
    return (
        f'<img src="data:image/png;base64,{data}" alt="{html.escape(alt, quote=True)}" '
        'style="max-width:100%;height:auto">'
    )


def show_figure(fig: Figure, alt: str) -> None:
    from IPython.display import HTML, display

    display(HTML(figure_html(fig, alt)))
