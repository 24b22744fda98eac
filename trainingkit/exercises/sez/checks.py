"""Checks for the SEZ survey exercise: what is still wrong in the trainee's cleaned table.

Each check takes the trainee's DataFrame and compares it, interview by interview, with what the
(synthetic) women actually said (:func:`~.generate.true_survey`). Messages name the column,
the values and a few interview ids, so the trainee knows where to look.
"""
from __future__ import annotations

from functools import lru_cache

import pandas as pd

from ..kit.checks import Check, failed, passed
from .generate import raw_survey, true_survey
from .model import COUNTRIES, FIELDWORK, JOB_CATEGORIES, SEED, ZONES

ZONE_NAMES = tuple(z.name for z in ZONES)
YES_NO_COLUMNS = ("written_contract", "employer_keeps_documents")
SHOWN = 3  # examples named in a message


@lru_cache(maxsize=1)
def _truth() -> pd.DataFrame:
    return true_survey(SEED).set_index("interview_id")


@lru_cache(maxsize=1)
def _typed() -> pd.DataFrame:
    """The first typed form of each interview, to quote what the field team wrote."""
    return raw_survey(SEED).drop_duplicates("interview_id").set_index("interview_id")


def _shown(value) -> str:
    return "empty" if pd.isna(value) else str(value)


def _listed(values) -> str:
    """The first few values: a, b, c, …"""
    values = [str(v) for v in values]
    return ", ".join(values[:SHOWN]) + (", …" if len(values) > SHOWN else "")


def _and(values) -> str:
    """Values as a reader lists them: 'a', 'b' and 'c' (at most four, then how many more)."""
    values = [repr(v) for v in values]
    if len(values) > 4:
        return ", ".join(values[:4]) + f" and {len(values) - 4} more"
    return values[0] if len(values) == 1 else ", ".join(values[:-1]) + " and " + values[-1]


def _missing_columns(df: pd.DataFrame, *columns: str, hint: str | None = None) -> Check | None:
    absent = [c for c in columns if c not in df.columns]
    if not absent:
        return None
    return failed(f"The column `{absent[0]}` is missing.", hint or "Keep the column names of the file: rename it back.")


def _by_id(df: pd.DataFrame) -> pd.DataFrame:
    """The trainee's rows indexed by interview id (first row of each id), for known ids only."""
    rows = df.drop_duplicates("interview_id").set_index("interview_id")
    return rows[rows.index.isin(_truth().index)]


def _same(a, b) -> bool:
    if pd.isna(a) or pd.isna(b):
        return pd.isna(a) and pd.isna(b)
    return bool(a == b)


def _differs(mine: pd.Series, truth: pd.Series) -> pd.Index:
    """Ids where the trainee's value is not the true one (missing equals missing)."""
    return mine.index[[not _same(a, b) for a, b in zip(mine, truth.reindex(mine.index))]]


# --- the checks ----------------------------------------------------------------------------------


def check_one_row_per_interview(df: pd.DataFrame) -> list[Check]:
    if (problem := _missing_columns(df, "interview_id")):
        return [problem]
    repeated = df.loc[df["interview_id"].duplicated(keep=False), "interview_id"]
    out = []
    if len(repeated):
        ids = sorted(repeated.unique())
        out.append(failed(
            f"{len(repeated)} rows still share an interview id ({_listed(ids)}).",
            "Keep one row per interview. Some copies were typed again with another spelling, so "
            "compare the ids, not whole rows: drop_duplicates(subset='interview_id').",
        ))
    lost = sorted(set(_truth().index) - set(df["interview_id"]))
    if lost:
        out.append(failed(
            f"Interviews missing: {len(lost)} ({_listed(lost)}).",
            "Drop only the repeated rows. An interview with one bad answer still holds good answers: "
            "leave the bad value empty instead of dropping the row.",
        ))
    return out or [passed(f"One row per interview: {len(_truth())} interviews.")]


def check_dates(df: pd.DataFrame) -> list[Check]:
    if (problem := _missing_columns(df, "interview_id", "interview_date")):
        return [problem]
    if not pd.api.types.is_datetime64_any_dtype(df["interview_date"]):
        examples = df["interview_date"].dropna().astype(str).drop_duplicates().head(SHOWN).tolist()
        return [failed(
            f"`interview_date` is still text ({_listed(map(repr, examples))}).",
            "Turn it into dates with pd.to_datetime(..., errors='coerce'). Each team typed dates its "
            "own way: look at the `team` column, and watch out for 2017-03-04 being read as 3 April.",
        )]
    out = []
    rows = _by_id(df)
    dates = rows["interview_date"]
    start, end = (pd.Timestamp(d) for d in FIELDWORK)
    outside = dates[dates.notna() & ((dates < start) | (dates > end))]
    if len(outside):
        out.append(failed(
            f"Dates outside the 2017 fieldwork: {len(outside)} ({_listed([f'{i}: {d:%Y-%m-%d}' for i, d in outside.items()])}).",
            "A date that cannot be right (a typing error in the year) should be left empty (NaT), not kept.",
        ))
    truth = _truth()["interview_date"].reindex(dates.index)
    swapped = dates[dates.notna() & truth.notna() & (dates != truth)]
    if len(swapped):
        typed = _typed()["interview_date"]
        examples = [f"{i} was typed '{typed[i]}' and became {d:%d %B %Y}" for i, d in swapped.items()]
        out.append(failed(
            f"Dates that are not the day of the interview: {len(swapped)}. For example, {'; '.join(examples[:2])}.",
            "Were day and month swapped? Read each team's format on its own (format='%Y-%m-%d' for "
            "year-month-day) before reading the others with dayfirst=True.",
        ))
    lost = dates[dates.isna() & truth.notna()]
    if len(lost):
        typed = _typed()["interview_date"]
        examples = [f"{i}: {typed[i]!r}" for i in lost.index]
        out.append(failed(
            f"Good dates lost: {len(lost)} ({_listed(examples)}).",
            "These dates were typed in a format your code did not read. Add that format.",
        ))
    return out or [passed("`interview_date`: every date is a real day in the 2017 fieldwork; impossible ones are empty.")]


def _categories(df: pd.DataFrame, column: str, allowed: tuple[str, ...], hint: str) -> list[Check]:
    if (problem := _missing_columns(df, "interview_id", column, hint=hint)):
        return [problem]
    values = df[column].dropna()
    strays = sorted({v for v in values if v not in allowed}, key=str)
    if strays:
        return [failed(f"The column `{column}` still has {_and(strays)}.", hint)]
    rows = _by_id(df)
    truth = _truth()[column]
    wrong = _differs(rows[column], truth)
    if len(wrong):
        typed = _typed()
        source = "job_type" if column == "job_category" else column
        examples = [f"{i} ('{typed.loc[i, source]}') is {truth[i]}, not {_shown(rows.loc[i, column])}" for i in wrong[:2]]
        return [failed(
            f"Rows with the wrong {column.replace('_', ' ')}: {len(wrong)}. For example, {'; '.join(examples)}.",
            "Check your mapping for these spellings.",
        )]
    return [passed(f"`{column}`: only {', '.join(allowed)}, each row right.")]


def check_country(df: pd.DataFrame) -> list[Check]:
    return _categories(df, "country", COUNTRIES,
                       "Map every spelling to Cambodia, Myanmar or Thailand: .str.strip() first, then a dictionary with .replace().")


def check_zone(df: pd.DataFrame) -> list[Check]:
    return _categories(df, "zone", ZONE_NAMES,
                       f"Map every spelling to one of {', '.join(ZONE_NAMES)}: .str.strip() first, then a dictionary with .replace().")


def check_job_category(df: pd.DataFrame) -> list[Check]:
    return _categories(df, "job_category", JOB_CATEGORIES,
                       f"Make a new column `job_category` from `job_type`, with only {', '.join(JOB_CATEGORIES)}.")


def check_hours(df: pd.DataFrame) -> list[Check]:
    if (problem := _missing_columns(df, "interview_id", "hours_per_day")):
        return [problem]
    hours = df["hours_per_day"]
    if not pd.api.types.is_numeric_dtype(hours):
        text = [v for v in hours.dropna().unique() if not str(v).strip().isdigit()]
        return [failed(
            f"`hours_per_day` is still text ({_listed(map(repr, text or hours.dropna().unique().tolist()))}).",
            "Keep only the number (.str.extract(r'(\\d+)')), then pd.to_numeric(). Blank stays missing.",
        )]
    rows = _by_id(df)
    wrong = _differs(rows["hours_per_day"].astype("float64"), _truth()["hours_per_day"])
    if len(wrong):
        typed = _typed()["hours_per_day"]
        return [failed(
            f"Rows whose hours differ from the form: {len(wrong)} ({_listed([f'{i}: {typed[i]!r}' for i in wrong])}).",
            "A blank answer must stay missing (NaN), not become 0.",
        )]
    return [passed("`hours_per_day`: numbers, blanks left missing.")]


def check_yes_no(df: pd.DataFrame) -> list[Check]:
    out = []
    for column in YES_NO_COLUMNS:
        if (problem := _missing_columns(df, "interview_id", column)):
            out.append(problem)
            continue
        values = df[column].dropna()
        strays = sorted({v for v in values if v not in (True, False)}, key=str)
        if strays:
            out.append(failed(
                f"The column `{column}` still has {_and(strays)}.",
                "Map yes-answers to True and no-answers to False. \"don't know\" and blanks are no "
                "answer: leave them missing (pd.NA), so they do not count as no.",
            ))
            continue
        wrong = _differs(_by_id(df)[column].astype("boolean"), _truth()[column])
        if len(wrong):
            typed = _typed()[column]
            out.append(failed(
                f"Answers in `{column}` that differ from the form: {len(wrong)} ({_listed([f'{i}: {typed[i]!r}' for i in wrong])}).",
                "Check which spellings you mapped to True, to False and to missing.",
            ))
        else:
            out.append(passed(f"`{column}`: True, False or missing, as on the forms."))
    return out


CHECKS = (check_one_row_per_interview, check_dates, check_country, check_zone, check_job_category, check_hours, check_yes_no)


def check_all(df: pd.DataFrame) -> list[Check]:
    """Every check of the cleaned survey, in the order of the exercise steps."""
    return [result for check in CHECKS for result in check(df)]


# --- the summary by zone ------------------------------------------------------------------------

SUMMARY_COLUMNS = {
    "interviews": "the number of interviews",
    "median_hours": "the median of hours_per_day",
    "contract_pct": "the % with a written contract, of those who answered",
    "documents_kept_pct": "the % whose employer keeps their documents, of those who answered",
}
TOLERANCE = 0.5  # a summary rounded to whole numbers is still right

SUMMARY_CAUSES = {
    "interviews": "Are duplicates gone, and is each zone spelt one way?",
    "median_hours": "Are the hours numbers, with blanks left missing rather than 0?",
    "contract_pct": "Is \"don't know\" left missing, so it does not count as no?",
    "documents_kept_pct": "Is \"don't know\" left missing, so it does not count as no?",
}


def expected_summary(truth: pd.DataFrame) -> pd.DataFrame:
    """The summary by zone that the cleaned survey gives (the definitions of SUMMARY_COLUMNS)."""
    return truth.groupby("zone").agg(
        interviews=("interview_id", "size"),
        median_hours=("hours_per_day", "median"),
        contract_pct=("written_contract", lambda answers: 100 * answers.mean()),
        documents_kept_pct=("employer_keeps_documents", lambda answers: 100 * answers.mean()),
    )


def check_summary(summary: pd.DataFrame) -> list[Check]:
    """Compare a summary by zone (zones as the index) with the one the clean survey gives."""
    expected = expected_summary(_truth().reset_index())
    if "zone" in summary.columns:  # grouped with as_index=False
        summary = summary.set_index("zone")
    strays = [z for z in summary.index if z not in ZONE_NAMES]
    if strays:
        return [failed(
            f"The summary has {len(summary)} zones, not {len(ZONE_NAMES)}: {_and(strays)} should not be there.",
            "Clean the `zone` column first (step 2), then group again.",
        )]
    out = []
    for column, meaning in SUMMARY_COLUMNS.items():
        if column not in summary.columns:
            out.append(failed(f"The summary has no column `{column}` ({meaning}).", "Add it in the .agg(...) of your summary cell."))
            continue
        mine = pd.to_numeric(summary[column], errors="coerce").reindex(expected.index)
        off = [z for z in expected.index if not abs(mine[z] - expected.loc[z, column]) <= TOLERANCE]
        if off:
            out.append(failed(f"`{column}` is not yet right for {_and(off)}.", SUMMARY_CAUSES[column]))
        else:
            out.append(passed(f"`{column}`: right for all {len(ZONE_NAMES)} zones."))
    return out
