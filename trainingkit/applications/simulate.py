"""A SYNTHETIC call to try the whole path: about 60 made-up applications and 4 reviewers.

Everything made here says SYNTHETIC: names, organisations, texts, e-mails (``.invalid``, a
domain that cannot exist), and the stored source. It goes to cohort ``<cohort>-synthetic``,
through the same import, assignment and score sheets as a real call. A few applications break
a rule (late, not endorsed, a pending signature without a date, cannot travel) so that the
eligibility reasons show.
"""
from __future__ import annotations

import csv
import datetime as dt
import random
from dataclasses import dataclass
from pathlib import Path

from ..course import Course
from .call import Call
from .store import ApplicationStore

ORG_TYPES = ["ngo", "ngo", "union", "cbo", "other"]
KOBO_COLUMNS = ["_uuid", "_submission_time"]


def synthetic_cohort(course: Course) -> str:
    return f"{course.config.cohort}-synthetic"


@dataclass(frozen=True)
class SimulationReport:
    cohort: str
    applications: int
    reviewers: int
    scores: int
    folder: Path

    def __str__(self) -> str:
        return (f"SYNTHETIC call in cohort '{self.cohort}': {self.applications} applications, {self.reviewers} reviewers, "
                f"{self.scores} scores (files in {self.folder}). Next: trainingkit applications select --cohort {self.cohort}")


def applications_rows(course: Course, n: int, seed: int) -> list[dict]:
    rng = random.Random(seed)
    sel = course.config.selection
    countries = course.config.countries
    orgs = [(f"SYNTHETIC Org {i:02d}", countries[i % len(countries)], ORG_TYPES[i % len(ORG_TYPES)], i % 3 != 2)
            for i in range(1, max(6, n // 2) + 1)]
    opened = sel.deadline - dt.timedelta(days=40)
    rows = []
    for i in range(1, n + 1):
        org, country, org_type, member = orgs[rng.randrange(len(orgs))] if i > len(countries) else orgs[i - 1]
        day = opened + dt.timedelta(days=rng.randrange((sel.closes - opened).days + 1))
        if rng.random() < 0.07:
            day = sel.closes + dt.timedelta(days=rng.randrange(1, 6))  # late
        signed = lambda: rng.choices(["yes", "pending", "no"], [0.9, 0.08, 0.02])[0]  # noqa: E731
        moa_a, moa_h = signed(), signed()
        pending = "pending" in (moa_a, moa_h)
        rows.append({
            "_uuid": f"synthetic-{seed}-{i:04d}",
            "_submission_time": f"{day.isoformat()}T{rng.randrange(0, 24):02d}:{rng.randrange(60):02d}:00",
            "name": f"SYNTHETIC Applicant {i:02d}",
            "email": f"applicant{i:02d}@synthetic.invalid",
            "phone": f"+66 8{rng.randrange(10**7, 10**8)}" if rng.random() < 0.8 else "",
            "country": country, "organisation": org, "org_type": org_type, "member": "yes" if member else "no",
            "advocacy_experience": f"SYNTHETIC: led {rng.randrange(0, 6)} advocacy activities on migrant workers' rights.",
            "leadership_role": f"SYNTHETIC: {rng.choice(['programme officer', 'coordinator', 'director', 'volunteer'])}.",
            "english": str(rng.choice([2, 3, 3, 4, 4, 5])),
            "commitment_6_months": "yes" if rng.random() > 0.02 else "no",
            "can_travel": "yes" if rng.random() > 0.03 else "no",
            "endorsed": "yes" if rng.random() > 0.05 else "no",
            "moa_signed_applicant": moa_a, "moa_signed_head": moa_h,
            "moa_pending_until": (sel.notify_by.isoformat() if pending and rng.random() > 0.2 else ""),
            # Names itself and its organisation, as real applicants do: blind sheets must mask both.
            "motivation": f"SYNTHETIC: I am SYNTHETIC Applicant {i:02d} of {org}; ASEAN advocacy would help our work "
                          "on recruitment fees.",
            "gender": rng.choice(["woman", "man", "woman", "no_say", ""]),
        })
    return rows


def _write_csv(path: Path, rows: list[dict], columns: list[str]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.DictWriter(out, fieldnames=columns)
        writer.writeheader()
        writer.writerows(rows)
    return path


def simulate_call(course: Course, url: str | None, folder: Path, n: int = 60, seed: int = 2016) -> SimulationReport:
    cohort = synthetic_cohort(course)
    call = Call(course, ApplicationStore(url, cohort=cohort, root=course.root))
    rows = applications_rows(course, n, seed)
    apps_file = _write_csv(folder / "applications-SYNTHETIC.csv", rows, KOBO_COLUMNS + [f.name for f in call.form.fields])
    call.import_file(apps_file, synthetic=True)
    reviewers = [{"reviewer": f"R{i}", "organisation": org} for i, org in
                 enumerate(["SYNTHETIC Org 01", "SYNTHETIC Org 02", "SYNTHETIC Secretariat", "SYNTHETIC Secretariat"], 1)]
    reviewers_file = _write_csv(folder / "reviewers-SYNTHETIC.csv", reviewers, ["reviewer", "organisation"])
    call.assign(reviewers_file)
    rng = random.Random(seed + 1)
    quality = {}
    sheet_files = []
    for r in reviewers:
        sheet = call.review_sheet(r["reviewer"])
        bias = rng.choice([-0.4, 0, 0, 0.4])
        for i, row in sheet.iterrows():
            low, high = call.selection.criterion(row["criterion"]).scale
            q = quality.setdefault((row["applicant"], row["criterion"]), rng.uniform(low, high))
            sheet.at[i, "score"] = str(min(high, max(low, round(q + bias + rng.gauss(0, 0.6)))))
        sheet_files.append(folder / f"sheet-{r['reviewer']}-SYNTHETIC.csv")
        sheet.to_csv(sheet_files[-1], index=False)
    scores = call.import_scores(sheet_files)
    return SimulationReport(cohort, len(rows), len(reviewers), scores, folder)
