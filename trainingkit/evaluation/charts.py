"""Charts for the evaluation report. Each returns (figure, alt text), or None when it has no
data to draw; ``figure_html`` embeds it as an image with that alt text, so a screen reader gets
the same facts as the picture. Labels are words, never codes, and never cut."""
from __future__ import annotations

import base64
import html
import io
import textwrap

import matplotlib

matplotlib.use("Agg")  # no screen on a build machine
import matplotlib.pyplot as plt  # noqa: E402

from ..course import Course  # noqa: E402
from .labels import outcome_label, session_label  # noqa: E402
from .model import Summary  # noqa: E402
from .vocabulary import occasion_label  # noqa: E402

NEG, NEUTRAL, POS = "#b2182b", "#bdbdbd", "#2166ac"
LIKERT_COLOURS = {1: "#b2182b", 2: "#ef8a62", 3: "#bdbdbd", 4: "#67a9cf", 5: "#2166ac"}


def png(fig) -> bytes:
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=110, bbox_inches="tight")
    plt.close(fig)
    return buf.getvalue()


def chart_html(chart, caption: str) -> str:
    """A chart (figure, alt) as HTML; nothing when there was no data to draw."""
    return "" if chart is None else figure_html(*chart, caption)


def figure_html(fig, alt: str, caption: str) -> str:
    data = base64.b64encode(png(fig)).decode()
    return (
        f'<figure class="evaluation-chart"><img src="data:image/png;base64,{data}" alt="{html.escape(alt)}" '
        f'style="max-width:100%"><figcaption>{html.escape(caption)}</figcaption></figure>'
    )


def _wrap(text: str, width: int = 44) -> str:
    return "\n".join(textwrap.wrap(text, width)) or text


def _title(summary: Summary, text: str) -> str:
    return ("SYNTHETIC DATA – " if summary.synthetic else "") + text


def usefulness_chart(summary: Summary, course: Course):
    """Diverging stacked bars: ratings 1–2 left of zero, 3 split across it, 4–5 right; programme order."""
    sessions = [(sid, q["useful"]) for sid, q in summary.sessions.items() if "useful" in q and not q["useful"].suppressed]
    if not sessions:
        return None
    fig, ax = plt.subplots(figsize=(10, 0.55 * len(sessions) + 1.8), layout="constrained")
    for row, (sid, s) in enumerate(reversed(sessions)):
        share = {int(v): 100 * c / s.n for v, c in s.dist.items()}
        left = -(share[1] + share[2] + share[3] / 2)
        for value in range(1, 6):
            ax.barh(row, share[value], left=left, color=LIKERT_COLOURS[value], edgecolor="white",
                    label=str(value) if row == 0 else None)
            left += share[value]
        ax.text(101, row, f"n={s.n}", va="center", fontsize=8)
    ax.axvline(0, color="black", linewidth=0.8)
    ax.set_yticks(range(len(sessions)), [_wrap(session_label(course, sid)) for sid, _ in reversed(sessions)], fontsize=8)
    ax.set_xlim(-100, 112)
    ax.set_xlabel("Share of answers (%): not useful (1–2) to the left, useful (4–5) to the right")
    ax.set_title(_title(summary, "How useful was each session? (1 = not at all, 5 = very)"))
    fig.legend(title="Rating", ncols=5, loc="outside lower center", fontsize=8)
    means = sorted((s.mean, session_label(course, sid)) for sid, s in sessions)
    alt = (f"Diverging bar chart of usefulness ratings for {len(sessions)} sessions in programme order. "
           f"Lowest mean: {means[0][1]} ({means[0][0]}); highest mean: {means[-1][1]} ({means[-1][0]}).")
    return fig, alt


def pre_post_chart(summary: Summary, course: Course):
    """Paired dot plot: mean self-rating before (hollow) and after (filled) per competence."""
    items = [(k, v) for k, v in summary.pre_post.items() if not v.suppressed]
    if not items:
        return None
    fig, ax = plt.subplots(figsize=(10, 0.7 * len(items) + 1.4), layout="constrained")
    for row, (item, s) in enumerate(reversed(items)):
        ax.plot([s.mean_pre, s.mean_post], [row, row], color="#555555", linewidth=1.5)
        ax.scatter([s.mean_pre], [row], facecolors="white", edgecolors=POS, s=60, zorder=3, label="before" if row == 0 else None)
        ax.scatter([s.mean_post], [row], color=POS, s=60, zorder=3, label="after" if row == 0 else None)
        p = "–" if s.wilcoxon_p is None else s.wilcoxon_p
        ax.text(5.1, row, f"n={s.n_pairs}, p={p}", va="center", fontsize=8)
    ax.set_yticks(range(len(items)), [_wrap(outcome_label(course, k)) for k, _ in reversed(items)], fontsize=8)
    ax.set_xlim(1, 6)
    ax.set_xticks(range(1, 6))
    ax.set_xlabel("Mean self-rated competence (1 = low, 5 = high), pairs of pre- and post-course forms")
    ax.set_title(_title(summary, "Competence before and after the course"))
    ax.legend(loc="lower left", fontsize=8)
    alt = "Paired dot plot of mean self-rated competence before and after the course: " + "; ".join(
        f"{outcome_label(course, k)} from {v.mean_pre} to {v.mean_post} (n={v.n_pairs})" for k, v in items) + "."
    return fig, alt


def nps_chart(summary: Summary):
    nps = summary.nps
    if nps.suppressed:
        return None
    fig, ax = plt.subplots(figsize=(7, 2.8), layout="constrained")
    values = range(0, 11)
    colours = [NEG if v <= 6 else NEUTRAL if v <= 8 else POS for v in values]
    ax.bar([str(v) for v in values], [nps.dist[str(v)] for v in values], color=colours)
    ax.set_xlabel("How likely are you to recommend the course? (0–10)")
    ax.set_ylabel("Trainees")
    ax.set_title(_title(summary, f"Recommendation: NPS {nps.score} (n={nps.n})"))
    alt = (f"Bar chart of recommendation scores from 0 to 10, n={nps.n}: {nps.promoters_pct} % promoters (9–10), "
           f"{nps.detractors_pct} % detractors (0–6), Net Promoter Score {nps.score}.")
    return fig, alt


def followup_chart(summary: Summary):
    rounds = [(r, s) for r, s in summary.followup.items() if not s.engaged.suppressed]
    if not rounds:
        return None
    fig, ax = plt.subplots(figsize=(6, 2.8), layout="constrained")
    ax.bar([occasion_label("followup", r) for r, _ in rounds], [s.engaged.pct for _, s in rounds], color=POS)
    for i, (_, s) in enumerate(rounds):
        ax.text(i, s.engaged.pct + 2, f"n={s.engaged.n}", ha="center", fontsize=8)
    ax.set_ylim(0, 110)
    ax.set_ylabel("Engaged in ASEAN advocacy (%)")
    ax.set_xlabel("Follow-up round after the course")
    ax.set_title(_title(summary, "Still engaged after the course?"))
    alt = "Bar chart of the share of trainees engaged in ASEAN advocacy: " + "; ".join(
        f"{occasion_label('followup', r)}: {s.engaged.pct} % of {s.engaged.n}" for r, s in rounds) + "."
    return fig, alt
