"""The method note, in words, shared by the report page and the PDF/DOCX report."""
from __future__ import annotations

from .findings import METHOD_RULES, replaced_note
from .model import Summary
from .privacy import CANNOT_CATCH


def method_note(summary: Summary) -> list[tuple[str, list[str]]]:
    """(heading, paragraphs) of the method note."""
    k = summary.min_cell
    data = ("All figures come from SYNTHETIC data made by `trainingkit feedback simulate`: not real trainees."
            if summary.synthetic else f"All figures come from the feedback store, cohort {summary.cohort}.")
    return [
        ("Data", [data, "When a trainee sent the same form for the same day or round more than once, one version "
                  "counts: the one the organiser marked, else the latest." + (f" {replaced_note(summary)}" if summary.replaced else "")]),
        ("Definitions and tests", list(METHOD_RULES)),
        ("Privacy rule", [
            f"No published figure rests on fewer than {k} people. Each figure counts the people who answered that "
            "question (for a group, the group's people who answered it); below that the figure is left out and the "
            "page says how many answers there are.",
            "Group figures are checked together, across country, organisation type and membership, and against the "
            "totals: no sum or difference of published figures may single out fewer than "
            f"{k} people (for example 'trade union' minus 'Myanmar'). Further groups are hidden until none can.",
            "A hidden group's name is shown only when it is one of the known categories (the course's countries, "
            "yes/no), and then all of them are listed; other hidden groups are shown as 'other groups' together.",
            f"Comments appear only in the trainer edition, and only for a form and day with at least {k} respondents. "
            "E-mail addresses, phone numbers and the names in a names file given at report time are masked. "
            f"What masking cannot catch: {CANNOT_CATCH}.",
            "What the rule cannot prevent: a unanimous answer tells each person's answer; comparing reports made on "
            "different days can tell what a late answer was.",
        ]),
    ]
