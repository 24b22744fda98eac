"""A SYNTHETIC field survey of women migrant workers in special economic zones (SEZs).

No real person is in it. It imitates the kind of data a research partner sends back from the
field (as in MMN's 2016–2018 SEZ research with the Asian Institute of Technology), so that
trainees can practise cleaning and summarising before they use real evidence.

How it is made, from one seed (:data:`SEED`):

1. :func:`true_survey` draws 180 interviews: zone, fieldwork team, date, age, job, daily hours,
   written contract (yes / no / don't know) and whether the employer keeps the worker's
   documents. The zones are those named in the course fact sheet; the shares behind each zone
   are invented for practice and say nothing about the real zones.
2. :func:`raw_survey` types those answers the way busy field teams do. It plants:
   - each team's own date format, three impossible dates and two missing ones;
   - countries and zones spelt in several ways (``'Bavet '``, ``'bavet'``, ``'KH'``);
   - job types as free text (``'sewing machine operator'``, ``'GARMENT'``);
   - hours as text (``'10 hrs'``) and missing values;
   - yes/no answers as ``'Y'``, ``'yes'``, ``"don't know"`` or blank;
   - seven interviews entered twice, two of them re-typed so that only the id gives them away.

``python -m trainingkit.exercises.sez.generate`` writes ``datasets/sez-survey-synthetic.csv``;
a test checks that the committed file is exactly what the seed gives.
"""
from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

import pandas as pd

from .model import FILE, JOB_CATEGORIES, SEED, ZONES

# How people actually typed things. The first spelling is the clean one, and the most common.
COUNTRY_SPELLINGS = {
    "Thailand": ("Thailand", "thailand", "TH", "Thai", "THAILAND", "Thailand "),
    "Cambodia": ("Cambodia", "cambodia", "KH", "Cambodia ", "KHM"),
    "Myanmar": ("Myanmar", "Burma", "MM", "myanmar", "Myanmar "),
}
ZONE_SPELLINGS = {
    "Tak": ("Tak", "tak", "Tak SEZ", "TAK"),
    "Mukdahan": ("Mukdahan", "Mukdaharn", "mukdahan"),
    "Sa Kaeo": ("Sa Kaeo", "Sakaeo", "Sa Kaew", "sa kaeo"),
    "Poipet": ("Poipet", "Poi Pet", "poipet", "Poipet "),
    "Koh Kong": ("Koh Kong", "Koh kong", "KohKong", "Koh Kong SEZ"),
    "Bavet": ("Bavet", "Bavet ", "bavet", "BAVET", "Bavet SEZ"),
    "Thilawa": ("Thilawa", "Thilawa SEZ", "thilawa", "Thilawa "),
}
JOB_TEXTS = {
    "garment": ("sewing machine operator", "Sewing", "garment factory", "Garment - sewing",
                "cutting (garment)", "ironing and folding clothes", "GARMENT"),
    "electronics": ("electronics assembly", "Electronic parts", "assembling circuit boards", "wire harness"),
    "food processing": ("fish processing", "seafood peeling", "Food factory", "fruit canning"),
    "services": ("cleaner", "Cleaning", "canteen cook", "kitchen helper"),
}
YES = ("Yes", "yes", "Y")
NO = ("No", "no", "N")
DONT_KNOW = "don't know"

RAW_COLUMNS = [
    "interview_id", "interview_date", "team", "country", "zone", "home_country", "age",
    "job_type", "hours_per_day", "written_contract", "employer_keeps_documents",
]
IMPOSSIBLE_DATES = {"T1": "30/02/2017", "T6": "2017-04-31", "T3": "2071-06-05"}  # typed by these teams
MISSING_DATES = 2
RETYPED_DUPLICATES = 2
EXACT_DUPLICATES = 5


def _type_date(day: dt.date, fmt: str) -> str:
    return day.strftime(fmt.replace("{d}", str(day.day)).replace("{m}", str(day.month)))


def _spelling(rng: random.Random, spellings: tuple[str, ...], clean_share: float = 0.7) -> str:
    return spellings[0] if rng.random() < clean_share else rng.choice(spellings[1:])


def _answer(rng: random.Random, yes_share: float) -> bool | None:
    roll = rng.random()
    if roll < 0.06:
        return None  # "don't know" or left blank
    return rng.random() < yes_share


def true_survey(seed: int = SEED) -> pd.DataFrame:
    """What the 180 (synthetic) women said, before anyone typed it: one clean row each."""
    rng = random.Random(seed)
    rows = []
    for zone in ZONES:
        for _ in range(zone.interviews):
            category = rng.choices(JOB_CATEGORIES, weights=zone.jobs)[0]
            rows.append({
                "interview_date": zone.start + dt.timedelta(days=rng.randrange(21)),
                "team": zone.team,
                "country": zone.country,
                "zone": zone.name,
                "home_country": zone.home_country,
                "age": rng.randint(18, 45) if rng.random() > 0.05 else None,
                "job_type": rng.choice(JOB_TEXTS[category]),
                "job_category": category,
                "hours_per_day": float(min(14, max(8, round(rng.gauss(zone.hours, 1.2))))) if rng.random() > 0.04 else None,
                "written_contract": _answer(rng, zone.contract),
                "employer_keeps_documents": _answer(rng, zone.documents_kept),
            })
    rng.shuffle(rows)  # interviews were numbered as forms came in, not zone by zone
    truth = pd.DataFrame(rows)
    truth.insert(0, "interview_id", [f"SEZ-{i:03d}" for i in range(1, len(rows) + 1)])
    truth["interview_date"] = pd.to_datetime(truth["interview_date"]).astype("datetime64[us]")
    truth["age"] = truth["age"].astype("Int64")
    for column in ("written_contract", "employer_keeps_documents"):
        truth[column] = truth[column].astype("boolean")
    # Dates that cannot be known: the ones planted as impossible or missing in raw_survey.
    truth.loc[_unknown_dates(seed, truth), "interview_date"] = pd.NaT
    return truth


def _unknown_dates(seed: int, truth: pd.DataFrame) -> list[int]:
    """Row positions whose date is typed impossibly (one per team in IMPOSSIBLE_DATES) or left blank."""
    rng = random.Random(seed + 1)
    picked = [rng.choice(truth.index[truth["team"] == team].tolist()) for team in IMPOSSIBLE_DATES]
    others = [i for i in truth.index if i not in picked]
    return picked + rng.sample(others, MISSING_DATES)


def raw_survey(seed: int = SEED) -> pd.DataFrame:
    """The survey as typed by the field teams: every planted problem included (all text)."""
    truth = true_survey(seed)
    rng = random.Random(seed + 2)
    unknown = _unknown_dates(seed, truth)
    teams = {z.team: z for z in ZONES}
    typed = []
    for position, row in truth.iterrows():
        zone = teams[row["team"]]
        day = None if pd.isna(row["interview_date"]) else row["interview_date"].date()
        if position in unknown[: len(IMPOSSIBLE_DATES)]:
            date = IMPOSSIBLE_DATES[row["team"]]
        elif position in unknown:
            date = ""
        else:
            date = _type_date(day, zone.date_format)
        hours = "" if pd.isna(row["hours_per_day"]) else str(int(row["hours_per_day"]))
        if hours and rng.random() < 0.05:
            hours = rng.choice(("{} hrs", "{}h", "{} hours")).format(hours)
        typed.append({
            "interview_id": row["interview_id"],
            "interview_date": date,
            "team": row["team"],
            "country": _spelling(rng, COUNTRY_SPELLINGS[row["country"]]),
            "zone": _spelling(rng, ZONE_SPELLINGS[row["zone"]]),
            "home_country": row["home_country"],
            "age": "" if pd.isna(row["age"]) else str(row["age"]),
            "job_type": row["job_type"],
            "hours_per_day": hours,
            "written_contract": _typed_answer(rng, row["written_contract"]),
            "employer_keeps_documents": _typed_answer(rng, row["employer_keeps_documents"]),
            "day": day,  # kept for re-typing a copy; not a column of the file
        })
    return _with_duplicates(rng, typed)


def _typed_answer(rng: random.Random, answer) -> str:
    if pd.isna(answer):
        return rng.choice((DONT_KNOW, ""))
    return _spelling(rng, YES if answer else NO, clean_share=0.6)


def _with_duplicates(rng: random.Random, typed: list[dict]) -> pd.DataFrame:
    """Enter some forms twice; re-type two of them (zone spelling, date format) as people do."""
    chosen = rng.sample(range(len(typed)), EXACT_DUPLICATES + RETYPED_DUPLICATES)
    rows = list(typed)
    for k, index in enumerate(chosen):
        copy = dict(typed[index])
        if k < RETYPED_DUPLICATES:
            zone = next(z for z, spellings in ZONE_SPELLINGS.items() if copy["zone"] in spellings)
            copy["zone"] = next(s for s in ZONE_SPELLINGS[zone] if s != copy["zone"])
            if copy["day"]:
                copy["interview_date"] = copy["day"].strftime("%d %B %Y")
        rows.insert(rng.randrange(index, len(rows)) + 1, copy)  # the copy comes in later, as forms do
    return pd.DataFrame(rows, columns=RAW_COLUMNS)


def write_survey(root: Path, seed: int = SEED) -> Path:
    """Write the raw survey to ``datasets/sez-survey-synthetic.csv`` under ``root``."""
    path = root / FILE
    raw_survey(seed).to_csv(path, index=False, encoding="utf-8", lineterminator="\n")
    return path


if __name__ == "__main__":
    from ...paths import course_root

    print(f"wrote {write_survey(course_root())}")
