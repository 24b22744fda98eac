"""Nobody exposed: one threshold rule for every published figure, suppression audited across
all the breakdowns together, and open text masked.

Trainees are activists, some from restrictive countries. With 17 trainees from four countries a
country has 3–5 people, so a figure can point at one person. The rule (the method note of the
report says it in words):

1. A figure is published only when at least ``min_cell`` people gave the answers behind it: the
   people who answered THAT question (for a group: the group's people who answered it).
2. Breakdowns are audited together. Every published group figure, and the total it belongs to,
   is a sum over a set of people; a reader can add and subtract any of them. ``protect`` finds
   every set of people whose answers some combination of the published cells gives exactly
   (differences across attributes included: "trade union" minus "Myanmar") and suppresses
   further cells until every such set holds ``min_cell`` people or more. The check is exact
   for sums: people with the same attributes form an "atom"; a combination can only isolate
   whole atoms, so it tries every union of atoms smaller than ``min_cell`` against the span of
   the published cells.
3. Labels: a suppressed group's label is listed only when it is one of the attribute's known
   categories (all of which are then listed); other suppressed groups are hidden under one label.

What it cannot do: it treats means as sums (safe, since a sum is more than a mean tells); it does
not guard against what a reader already knows about one trainee, against a unanimous answer
(when everyone rated 5, each one did), or against comparing two reports made on different days.
"""
from __future__ import annotations

import itertools
import re
import unicodedata

import numpy as np

from ..errors import TrainingkitError

MIN_CELL_FLOOR = 3
MAX_CANDIDATES = 200_000  # unions of atoms tried; past this, every group of the figure is suppressed

# E-mail: after NFKC a full-width ＠ is @; "at" spelled out is not caught.
EMAIL = re.compile(r"[\w.+-]+\s*@\s*[\w-]+(\.[\w-]+)+")
# 8 or more digits, with spaces, dots, dashes of any kind (hyphen, U+2010–U+2015, U+2212),
# slashes, middle dots or brackets between them, maybe a +: long enough not to catch years
# ("2016") or wages ("421 baht").
_SEP = r"[\s().\-/\u00b7\u2010-\u2015\u2212\u30fb]"
PHONE = re.compile(rf"\+?\(?\d(?:{_SEP}*\d){{7,}}")
ANY_DIGIT = re.compile(r"\d")
CANNOT_CATCH = (
    "chat handles (Line, Telegram, Signal or Facebook names), passport or ID numbers shorter than "
    "8 digits, addresses, e-mail addresses written with 'at' in words, and names that are not in "
    "the names file or are misspelt"
)


def check_min_cell(min_cell: int) -> int:
    if min_cell < MIN_CELL_FLOOR:
        raise TrainingkitError(
            f"--min-cell {min_cell} is too small: groups below {MIN_CELL_FLOOR} respondents can identify a trainee"
        )
    return min_cell


def normalise(text: str) -> str:
    """NFKC: full-width letters, digits and ＠ become their plain forms before matching."""
    return unicodedata.normalize("NFKC", text)


def mask_text(text: str, names=()) -> str:
    """Open text with e-mail addresses, phone numbers and the given names replaced."""
    text = normalise(str(text))
    if "@" in text:  # cheap tests first: most comments hold neither, and there may be 100,000
        text = EMAIL.sub("[e-mail removed]", text)
    if ANY_DIGIT.search(text):
        text = PHONE.sub("[phone removed]", text)
    for name in sorted({normalise(n).strip() for n in names if n and len(n.strip()) > 1}, key=len, reverse=True):
        text = re.sub(rf"(?<!\w){re.escape(name)}(?!\w)", "[name removed]", text, flags=re.I)
    return text


def read_names(path) -> list[str]:
    """Names to mask, one a line (a roster's name column copied out): read at report time, never stored."""
    from pathlib import Path

    try:
        lines = Path(path).read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise TrainingkitError(f"{path}: cannot read the names file ({exc})") from exc
    names = set()
    for line in lines:
        line = line.strip()
        if line and not line.startswith("#"):
            names.add(line)
            names.update(part for part in line.split() if len(part) > 2)  # a first name alone, too
    return sorted(names)


def protect(people: dict[str, tuple], attributes: tuple[str, ...], min_cell: int) -> dict[str, set[str]]:
    """The groups that may be shown, per attribute, for one figure over ``people``.

    ``people``: person → their group in each attribute (None: not on the roster, in the total
    only). The total over all of them is published too (it must hold ``min_cell`` people, or
    nothing is shown). Returns {attribute: groups that may be shown}.
    """
    if len(people) < min_cell:
        return {a: set() for a in attributes}
    atoms: dict[tuple, int] = {}
    for key in people.values():
        atoms[key] = atoms.get(key, 0) + 1
    keys = list(atoms)
    sizes = np.array([atoms[k] for k in keys])
    cells = {(i, a, k[i]) for k in keys for i, a in enumerate(attributes) if k[i] is not None}
    size_of = {c: sum(atoms[k] for k in keys if k[c[0]] == c[2]) for c in cells}
    shown = {c for c in cells if size_of[c] >= min_cell}
    small = [j for j, s in enumerate(sizes) if s < min_cell]
    candidates = _candidates(small, sizes, min_cell)
    if candidates is None:
        shown = set()
    while shown and candidates is not None and len(candidates):
        disclosed = _disclosed(keys, shown, candidates)
        if not disclosed.any():
            break
        # suppress the shown cell whose removal leaves the fewest disclosed sets; the smallest on a tie
        left = {c: int(_disclosed(keys, shown - {c}, candidates).sum()) for c in shown}
        shown.discard(min(shown, key=lambda c: (left[c], size_of[c], str(c))))
    return {a: {c[2] for c in shown if c[1] == a} for a in attributes}


def _candidates(small: list[int], sizes: np.ndarray, min_cell: int):
    """Every union of atoms holding 1 to min_cell − 1 people, as 0/1 rows over the atoms."""
    rows = []
    for r in range(1, min_cell):
        for combo in itertools.combinations(small, r):
            if sizes[list(combo)].sum() < min_cell:
                rows.append(combo)
                if len(rows) > MAX_CANDIDATES:
                    return None
    out = np.zeros((len(rows), len(sizes)))
    for i, combo in enumerate(rows):
        out[i, list(combo)] = 1
    return out


def _disclosed(keys: list[tuple], shown: set, candidates: np.ndarray) -> np.ndarray:
    """Which candidate sets lie in the span of the total and the shown cells."""
    rows = [np.ones(len(keys))] + [np.array([1.0 if k[c[0]] == c[2] else 0.0 for k in keys]) for c in sorted(shown, key=str)]
    matrix = np.vstack(rows)
    u, s, vt = np.linalg.svd(matrix, full_matrices=False)
    basis = vt[s > 1e-9 * s.max()]
    residual = candidates - (candidates @ basis.T) @ basis
    return np.abs(residual).max(axis=1) < 1e-6


def needs_other_label(suppressed: list[str], known: list[str] | None) -> bool:
    """Whether hidden groups need the one "other groups" label: known categories are all listed
    anyway (so listing them tells nothing); any other hidden group hides under that label."""
    return any(known is None or g not in known for g in suppressed)
