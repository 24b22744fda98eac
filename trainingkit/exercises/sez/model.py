"""The SEZ survey exercise's model: the seven zones, the countries and job categories, the seed
and the fieldwork year of the SYNTHETIC survey (invented shares, no real person).

The survey itself is made by ``generate``; the checks compare a trainee's cleaned table with
what the synthetic women said (``checks``); ``view`` shows the chart and the findings box.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

EXERCISE_ID = "ex-sez-survey"
SEED = 2017
DATASET = "sez-survey-synthetic"
FILE = "datasets/sez-survey-synthetic.csv"
FIELDWORK = (dt.date(2017, 1, 1), dt.date(2017, 12, 31))

COUNTRIES = ("Cambodia", "Myanmar", "Thailand")
JOB_CATEGORIES = ("garment", "electronics", "food processing", "services")


@dataclass(frozen=True)
class Zone:
    name: str
    country: str
    home_country: str  # where the women interviewed come from (internal migrants in their own country)
    team: str
    date_format: str  # how this zone's team types dates
    interviews: int
    start: dt.date  # first day of fieldwork in the zone (three weeks each)
    jobs: tuple[float, float, float, float]  # invented shares of JOB_CATEGORIES
    hours: int  # typical daily hours, invented
    contract: float  # invented share with a written contract
    documents_kept: float  # invented share whose employer keeps their documents


ZONES = (
    Zone("Tak", "Thailand", "Myanmar", "T1", "%d/%m/%Y", 34, dt.date(2017, 3, 6), (0.65, 0.05, 0.10, 0.20), 11, 0.35, 0.45),
    Zone("Mukdahan", "Thailand", "Laos", "T2", "{d}/{m}/%Y", 18, dt.date(2017, 4, 3), (0.30, 0.10, 0.40, 0.20), 10, 0.45, 0.30),
    Zone("Sa Kaeo", "Thailand", "Cambodia", "T3", "%Y-%m-%d", 24, dt.date(2017, 5, 8), (0.40, 0.10, 0.30, 0.20), 11, 0.40, 0.40),
    Zone("Poipet", "Cambodia", "Cambodia", "T4", "%d %b %Y", 26, dt.date(2017, 6, 5), (0.50, 0.20, 0.10, 0.20), 10, 0.55, 0.05),
    Zone("Koh Kong", "Cambodia", "Cambodia", "T5", "%d-%m-%Y", 16, dt.date(2017, 7, 3), (0.30, 0.40, 0.10, 0.20), 9, 0.60, 0.05),
    Zone("Bavet", "Cambodia", "Cambodia", "T6", "%Y-%m-%d", 36, dt.date(2017, 8, 7), (0.60, 0.25, 0.05, 0.10), 10, 0.65, 0.03),
    Zone("Thilawa", "Myanmar", "Myanmar", "T7", "%B %d, %Y", 26, dt.date(2017, 9, 4), (0.50, 0.20, 0.15, 0.15), 9, 0.70, 0.05),
)
