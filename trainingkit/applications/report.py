"""The selection report for organisers: one HTML page that opens from disk, with no network.

Applicants, eligibility and the selected by country, organisation type and member status; the
final scores' distribution; the reviewers' agreement; the selected cohort against its bounds.
Any group with fewer people than ``min_cell`` is suppressed, with secondary suppression, as in
the evaluation report. No name, e-mail, phone or organisation name appears.
"""
from __future__ import annotations

import html
from pathlib import Path

import numpy as np
import pandas as pd

from ..evaluation.privacy import protect
from .assignment import org_key
from .decisions import SELECTED

STYLE = ("body{font-family:'Noto Sans',sans-serif;max-width:52em;margin:1em auto;padding:0 1em;line-height:1.45}"
         "table{border-collapse:collapse;margin:.5em 0 1.2em}td,th{border:1px solid #888;padding:.25em .6em;text-align:left}"
         ".synthetic{background:#fff3cd;border:2px solid #8a6d00;padding:.5em;font-weight:bold}"
         ".scroll{overflow-x:auto;max-width:100%}"
         "@media (max-width:30em){table{font-size:.85em}td,th{padding:.2em .35em}}")
SUPPRESSED = "fewer than {k}"
BREAKDOWNS = {"country": "Country", "org_type": "Organisation type", "member": "Member organisation"}


def suppress(groups: dict[str, dict], min_cell: int) -> dict[str, dict]:
    """One breakdown under the evaluation's privacy rule ({group: stats with "n"})."""
    people = {(g, i): (g,) for g, stats in groups.items() for i in range(stats["n"])}
    shown = protect(people, ("group",), min_cell)["group"]
    return {g: (stats if g in shown else {"suppressed": True}) for g, stats in groups.items()}


def counts(frame: pd.DataFrame, by: str, min_cell: int) -> dict[str, dict]:
    """{group: {"n": count} or {"suppressed": True}} for the rows of ``frame``."""
    groups = {str(k): {"n": int(v)} for k, v in frame[by].fillna("not given").value_counts().sort_index().items()}
    return suppress(groups, min_cell)


def _cell(stats: dict | None, min_cell: int) -> str:
    if stats is None:
        return "0"
    return SUPPRESSED.format(k=min_cell) if stats.get("suppressed") else str(stats["n"])


def _table(header: list[str], rows: list[list]) -> str:
    head = "".join(f"<th scope='col'>{html.escape(h)}</th>" for h in header)
    body = "".join("<tr>" + "".join(f"<td>{html.escape(str(v))}</td>" for v in row) + "</tr>" for row in rows)
    # A table wider than a phone scrolls on its own, not the page; focusable so keyboards can scroll it.
    return (f"<div class='scroll' tabindex='0'>"
            f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div>")


def breakdown_section(people: pd.DataFrame, min_cell: int) -> str:
    """people: one row per applicant with country, org_type, member, eligible, selected."""
    out = []
    for column, title in BREAKDOWNS.items():
        groups = sorted(people[column].fillna("not given").astype(str).unique())
        applied = counts(people, column, min_cell)
        eligible = counts(people[people["eligible"]], column, min_cell)
        chosen = counts(people[people["selected"]], column, min_cell)
        rows = [[g, _cell(applied.get(g), min_cell), _cell(eligible.get(g), min_cell), _cell(chosen.get(g), min_cell)]
                for g in groups]
        out.append(f"<h3>{html.escape(title)}</h3>" + _table([title, "Applied", "Eligible", "Selected"], rows))
    return "".join(out)


def score_section(finals: pd.Series, people: pd.DataFrame, min_cell: int) -> str:
    """Quartiles and a histogram of the eligible's final scores, and the median per country
    (suppressed under ``min_cell``)."""
    values = finals.dropna()
    if values.empty:
        return "<p>No scores yet.</p>"
    q = np.percentile(values, [0, 25, 50, 75, 100])
    rows = [["eligible applicants scored", len(values)], ["lowest", f"{q[0]:.2f}"], ["lower quartile", f"{q[1]:.2f}"],
            ["median", f"{q[2]:.2f}"], ["upper quartile", f"{q[3]:.2f}"], ["highest", f"{q[4]:.2f}"]]
    edges = np.linspace(np.floor(q[0]), np.ceil(q[4]) + 1e-9, 6)
    hist, _ = np.histogram(values, bins=edges)
    bins = [[f"{lo:.1f} – {hi:.1f}", int(n)] for lo, hi, n in zip(edges[:-1], edges[1:], hist)]
    country = people.set_index("applicant").loc[values.index, "country"].to_numpy()
    groups = {c: {"n": int(n), "median": float(np.median(values[country == c]))}
              for c, n in zip(*np.unique(country, return_counts=True))}
    per_country = [[c, "fewer than {}".format(min_cell) if s.get("suppressed") else s["n"],
                    "" if s.get("suppressed") else f"{s['median']:.2f}"] for c, s in suppress(groups, min_cell).items()]
    return (_table(["Final score", "Value"], rows) + _table(["Score range", "Applicants"], bins)
            + _table(["Country", "Eligible scored", "Median final score"], per_country))


def agreement_section(result: dict) -> str:
    fmt = lambda a: "not defined (too few scores)" if a is None else f"{a:.3f}"  # noqa: E731
    rows = [["all criteria", fmt(result["alpha"])]] + [[c, fmt(a)] for c, a in result["per_criterion"].items()]
    flagged = len({d["applicant"] for d in result["discuss"]})
    return (f"<p>{html.escape(result['statistic'])} over {result['scores']} scores. 1 is full agreement, "
            "0 no better than chance; below 0.667 scores should be discussed before they are used.</p>"
            + _table(["Criterion", "Alpha"], rows)
            + f"<p>Applicants whose reviewers differ by 2 or more on a criterion: {flagged}.</p>")


def balance_section(people: pd.DataFrame, organisations: pd.Series, selection, min_cell: int) -> str:
    chosen = people[people["selected"]]
    by_country = chosen["country"].value_counts()
    shown = counts(chosen, "country", min_cell) if len(chosen) else {}
    rows = []
    for country, bound in selection.countries.items():
        n = int(by_country.get(country, 0))
        ok = n >= bound.min and (bound.max is None or n <= bound.max)
        rows.append([country, bound.min, "none" if bound.max is None else bound.max, _cell(shown.get(country), min_cell),
                     "yes" if ok else "NO"])
    text = _table(["Country", "Minimum", "Maximum", "Selected", "Within bounds"], rows)
    if selection.org_cap is not None:
        largest = int(organisations[people["selected"].to_numpy()].map(org_key).value_counts().max()) if len(chosen) else 0
        text += (f"<p>Most selected from one organisation: {largest} (cap {selection.org_cap}: "
                 f"{'kept' if largest <= selection.org_cap else 'BROKEN'}).</p>")
    return f"<p>{len(chosen)} selected for {selection.places} places.</p>" + text


def render(people: pd.DataFrame, organisations: pd.Series, finals: pd.Series, agreement: dict, selection,
           min_cell: int, title: str, synthetic: bool) -> str:
    banner = ("<p class='synthetic'>SYNTHETIC DATA: a made-up call from trainingkit applications simulate. "
              "No real person is in it.</p>" if synthetic else "")
    return (f"<!doctype html><html lang='en'><head><meta charset='utf-8'>"
            f"<meta name='viewport' content='width=device-width, initial-scale=1'>"
            f"<title>Selection report{' (SYNTHETIC)' if synthetic else ''}</title><style>{STYLE}</style></head><body><main>"
            f"<h1>Selection report{' — SYNTHETIC' if synthetic else ''}</h1>{banner}"
            f"<p>{html.escape(title)}. Groups of fewer than {min_cell} people are not shown.</p>"
            f"<h2>Applicants, eligibility and selection</h2>{breakdown_section(people, min_cell)}"
            f"<h2>Final scores of the eligible</h2>{score_section(finals, people, min_cell)}"
            f"<h2>Agreement between reviewers</h2>{agreement_section(agreement)}"
            f"<h2>The selected against the bounds</h2>{balance_section(people, organisations, selection, min_cell)}"
            "</main></body></html>")


def write_report(call, path: Path, min_cell: int | None = None) -> Path:
    """The report of ``call`` (a :class:`~trainingkit.applications.call.Call`) as an HTML page."""
    from ..evaluation.privacy import check_min_cell

    min_cell = check_min_cell(min_cell or call.course.config.min_cell)
    table = call.eligibility()
    decisions = call.decisions().set_index("applicant")
    people = table.assign(selected=table["applicant"].map(lambda c: decisions.at[c, "status"] == SELECTED if c in decisions.index else False),
                          member=table["member"].map({"yes": "yes", "no": "no"}))
    organisations = call.applications().set_index("applicant").loc[people["applicant"], "organisation"]
    finals = call.final_scores().set_index("applicant").loc[table.loc[table["eligible"], "applicant"], "final"]
    text = render(people, organisations.reset_index(drop=True), finals, call.agreement(), call.selection, min_cell,
                  call.course.config.title, call.synthetic)
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path
