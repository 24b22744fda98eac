"""A comparison of cohorts as text, as an HTML table and as a chart (for the trainer edition).

The chart shows each cohort's mean per numeric question where it rests on ``min_cell`` answers
or more; the alt text and the table carry the same numbers, with their n. The shares of choice
questions (in %) are on another scale: they are in the table and the text, not the chart.
"""
from __future__ import annotations

import html

from .compare import SHARE, Comparison

MAX_CHART_ROWS = 30


def _fmt(cell, measure: str = "mean") -> str:
    if cell.suppressed:
        return "suppressed"
    if not cell.n:
        return "–"
    return f"{cell.mean:.1f}% (n={cell.n})" if measure == SHARE else f"{cell.mean:.2f} (n={cell.n})"


def _diff(d, measure: str = "mean") -> str:
    if d.diff is None:
        return "–"
    return f"{d.diff:+.1f} pts" if measure == SHARE else f"{d.diff:+.2f}"


def comparison_text(c: Comparison) -> str:
    width = max((len(r.label[:48]) for r in c.rows), default=10) + 2
    lines = [f"{'form':<9}{'question':<{width}}" + "".join(f"{k[:22]:<24}" for k in c.cohorts)
             + "".join(f"{'diff ' + d[:16]:<22}" for d in c.cohorts[1:])]
    for r in c.rows:
        diffs = "".join(f"{_diff(d, r.measure):<22}" for d in r.differences)
        lines.append(f"{r.form_id:<9}{r.label[:48]:<{width}}" + "".join(f"{_fmt(r.cells[k], r.measure):<24}" for k in c.cohorts) + diffs)
    lines.append(f"Means (and, for choices, % of respondents) of the answer that counts per trainee; cells below "
                 f"{c.min_cell} answers are suppressed. Differences are against {c.cohorts[0]} (in points for a %).")
    return "\n".join(lines) + "\n"


def comparison_table_html(c: Comparison) -> str:
    head = "".join(f"<th scope='col'>{html.escape(k)}</th>" for k in c.cohorts)
    head += "".join(f"<th scope='col'>{html.escape(k)} − {html.escape(c.cohorts[0])}</th>" for k in c.cohorts[1:])
    body = []
    for r in c.rows:
        cells = "".join(f"<td>{html.escape(_fmt(r.cells[k], r.measure))}</td>" for k in c.cohorts)
        cells += "".join(f"<td>{_diff(d, r.measure)} (n={d.n} vs {d.n_versus})</td>" for d in r.differences)
        body.append(f"<tr><th scope='row'>{html.escape(r.form_id)}: {html.escape(r.label)}</th>{cells}</tr>")
    caption = (f"Cohorts compared: mean of the answer that counts per trainee, or for a choice the % of "
               f"respondents who chose it, with n. Cells with fewer than {c.min_cell} answers are suppressed.")
    return (f"<table class='cohort-comparison'><caption>{html.escape(caption)}</caption><thead><tr><th scope='col'>question</th>"
            f"{head}</tr></thead><tbody>{''.join(body)}</tbody></table>")


def comparison_chart(c: Comparison):
    """(figure, alt text): dots per cohort and question, questions top to bottom."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    rows = [r for r in c.rows if r.measure != SHARE
            and any(not cell.suppressed and cell.n for cell in r.cells.values())][:MAX_CHART_ROWS]
    fig, ax = plt.subplots(figsize=(8, 0.35 * len(rows) + 1.2))
    markers = "os^Dv<>p"
    alt = []
    for i, cohort in enumerate(c.cohorts):
        ys = [y for y, r in enumerate(rows) if r.cells[cohort].mean is not None]
        xs = [rows[y].cells[cohort].mean for y in ys]
        ax.scatter(xs, ys, marker=markers[i % len(markers)], label=cohort, zorder=3)
    for r in rows:
        alt.append(f"{r.form_id} {r.label}: " + ", ".join(f"{k} {_fmt(r.cells[k])}" for k in c.cohorts))
    ax.set_yticks(range(len(rows)), [f"{r.form_id}: {r.label[:40]}" for r in rows])
    ax.invert_yaxis()
    ax.grid(axis="x", color="#ddd")
    ax.set_xlabel("mean (1–5 scales; 0–10 for recommend; counts for results)")
    ax.legend(loc="lower right", fontsize="small")
    return fig, "Cohort comparison. " + "; ".join(alt)


def comparison_section(c: Comparison) -> str:
    from ..evaluation.charts import figure_html

    fig, alt = comparison_chart(c)
    return (figure_html(fig, alt, f"Cohorts compared ({', '.join(c.cohorts)}); the table below gives each n.")
            + comparison_table_html(c))


def comparison_page(c: Comparison) -> str:
    return (f"<!doctype html><html lang='en'><head><meta charset='utf-8'><meta name='viewport' content='width=device-width, initial-scale=1'>"
            f"<title>Cohorts compared</title><style>body{{font-family:'Noto Sans',sans-serif;margin:1rem}}"
            f"table{{border-collapse:collapse}}td,th{{border:1px solid #999;padding:.2rem .4rem;text-align:left}}"
            f".cohort-comparison{{display:block;overflow-x:auto}}</style></head><body><h1>Cohorts compared</h1>"
            f"{comparison_section(c)}</body></html>\n")
