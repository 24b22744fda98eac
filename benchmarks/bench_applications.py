"""Applications: import of 2,000 applications, and the exact selection of 20 from 2,000 with country bounds and an organisation cap."""
from __future__ import annotations

import random
import tempfile
import time
from pathlib import Path

from trainingkit.applications.call import Call
from trainingkit.applications.form import load_application_form
from trainingkit.applications.intake import import_applications
from trainingkit.applications.selection import Candidate, keeps_bounds, select
from trainingkit.applications.simulate import KOBO_COLUMNS, _write_csv, applications_rows, simulate_call
from trainingkit.applications.store import ApplicationStore
from trainingkit.course import load_course

REPO = Path(__file__).resolve().parents[1]
APPLICATIONS = 2_000


def _candidates(course, n: int, seed: int = 1) -> list[Candidate]:
    """SYNTHETIC: 2,000 eligible applicants from 60 organisations, scores to a quarter point, one
    country scoring higher (its maximum binds) and a few large organisations (the cap binds)."""
    rng = random.Random(seed)
    countries = course.config.countries
    out = []
    for i in range(n):
        country = rng.choice(countries)
        score = rng.randrange(40, 121) / 4 + (6 if country == countries[0] else 0)
        out.append(Candidate(f"A{i:05d}", country, f"Org {min(rng.randrange(60), rng.randrange(60))}", score, i + 1))
    return out


def run():
    course = load_course(REPO)
    form = load_application_form(course)
    with tempfile.TemporaryDirectory() as tmp:
        path = _write_csv(Path(tmp) / "apps.csv", applications_rows(course, APPLICATIONS, 7),
                          KOBO_COLUMNS + [f.name for f in form.fields])
        store = ApplicationStore(f"sqlite:///{tmp}/apps.sqlite", cohort="bench")
        started, cpu = time.perf_counter(), time.process_time()
        report = import_applications(store, path, form, synthetic=True)
        import_seconds, import_cpu = time.perf_counter() - started, time.process_time() - cpu
        store.close()
    candidates = _candidates(course, APPLICATIONS)
    selection = course.config.selection
    started, cpu = time.perf_counter(), time.process_time()
    chosen = select(candidates, selection)
    select_seconds, select_cpu = time.perf_counter() - started, time.process_time() - cpu
    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        simulated = simulate_call(course, f"sqlite:///{tmp}/call.sqlite", Path(tmp), APPLICATIONS, 7)
        simulate_seconds = time.perf_counter() - started
        call = Call(course, ApplicationStore(f"sqlite:///{tmp}/call.sqlite", cohort=simulated.cohort))
        started = time.perf_counter()
        decisions = call.select()
        call_seconds = time.perf_counter() - started
        call.store.close()
    kept = not keeps_bounds([c for c in candidates if c.applicant in set(chosen)], selection)
    return [
        (f"import {report.stored:,} applications, Kobo CSV, SQLite (s)", f"{import_seconds:.2f}", "target <= 2 s"),
        ("  of which CPU time of this process (s)", f"{import_cpu:.2f}", "wall minus CPU: disk and other load"),
        (f"select {len(chosen)} of {len(candidates):,}, 5 country bounds, org cap {selection.org_cap} (s)",
         f"{select_seconds:.2f}", "target <= 2 s"),
        ("  of which CPU time of this process (s)", f"{select_cpu:.2f}", ""),
        ("  the selection keeps every bound", "yes" if kept else "NO", ""),
        (f"applications select: {len(decisions):,} applications, {simulated.scores:,} scores in the store (s)",
         f"{call_seconds:.2f}", "eligibility, scores, solve, store"),
        (f"applications simulate with {APPLICATIONS:,} applications (s)", f"{simulate_seconds:.2f}", ""),
    ]
