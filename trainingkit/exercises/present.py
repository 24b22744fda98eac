"""How exercise notebooks show things: a matplotlib figure as an image that carries alt text,
and a text (a model statement, a recommendation) as a quotation that wraps like a page.

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


def quote_html(text: str) -> str:
    """``text`` as a block quotation, one paragraph per blank-line-separated block, escaped."""
    paragraphs = [p.strip() for p in text.strip().split("\n\n") if p.strip()]
    body = "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    return f'<blockquote style="border-left:4px solid #9e9e9e;padding-left:1em">{body}</blockquote>'


def show_text(text: str) -> None:
    from IPython.display import HTML, display

    display(HTML(quote_html(text)))
