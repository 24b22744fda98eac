"""Follow-up and cohorts: 50 cohorts x 20 trainees (SYNTHETIC) with all forms and three rounds, on SQLite and PostgreSQL."""
from __future__ import annotations

import dataclasses
import datetime as dt
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


from benchmarks.pgserver import pg_server
from trainingkit.course import CohortDates, load_course
from trainingkit.evaluation.simulate import simulate
from trainingkit.feedback import FeedbackStore
from trainingkit.feedback.imports import import_file
from trainingkit.followup import compare, followup_status
from trainingkit.forms import load_forms

REPO = Path(__file__).resolve().parents[1]
COHORTS, TRAINEES, COMPARED, REPEATS = 50, 20, 10, 5
ON = dt.date(2016, 12, 10)


def cohort_id(n: int) -> str:
    # the first is the course's own cohort, so the command line can be timed on the real course
    return "pilot-2016" if n == 0 else f"bench-{n:02d}"


def synthetic_store(tmp: Path) -> tuple[list[Path], list[list[dict]]]:
    """A tidy CSV of each cohort's answers, and each cohort's roster.

    One file per cohort, as each training's organiser sends its own (a single file naming many
    cohorts imports too: tests/test_import_cohorts.py)."""
    course = load_course(REPO)
    forms = load_forms(course)
    paths, rosters = [], []
    for n in range(COHORTS):
        roster, answers = simulate(course, forms, TRAINEES, seed=1000 + n)
        paths.append(tmp / f"{cohort_id(n)}.csv")
        answers.assign(cohort=cohort_id(n)).to_csv(paths[-1], index=False)
        rosters.append([{**r, "member": r["member"] == "yes"} for r in roster.to_dict("records")])
    return paths, rosters


def bench_course():
    course = load_course(REPO)
    dates = {cohort_id(n): CohortDates(first_day=dt.date(2016, 6, 4), last_day=dt.date(2016, 6, 8)) for n in range(COHORTS)}
    return dataclasses.replace(course, config=course.config.model_copy(update={"cohorts": dates}))


def measure(url: str, tidy: Path, rosters, course) -> dict[str, float]:
    store = FeedbackStore(url, forms=load_forms(course), cohort=cohort_id(0))
    for n, roster in enumerate(rosters):
        store.set_roster(roster, cohort=cohort_id(n))
    started = time.perf_counter()
    answers = sum(import_file(FeedbackStore(url, forms=store.forms, cohort=cohort_id(n)), path).answers
                  for n, path in enumerate(tidy))
    loaded = time.perf_counter() - started
    status_times, compare_times = [], []
    for i in range(REPEATS):
        started = time.perf_counter()
        followup_status(FeedbackStore(url, forms=store.forms, cohort=cohort_id(i)), course, cohort_id(i), ON)
        status_times.append(time.perf_counter() - started)
        started = time.perf_counter()
        compare(store.engine, store.forms, [cohort_id((i + k) % COHORTS) for k in range(COMPARED)], course.config.min_cell)
        compare_times.append(time.perf_counter() - started)
    store.close()
    command = [str(Path(sys.executable).with_name("trainingkit")), "followup", "status", "--db", url,
               "--cohort", cohort_id(0), "--on", ON.isoformat()]
    before, started = resource.getrusage(resource.RUSAGE_CHILDREN), time.perf_counter()
    subprocess.run(command, check=True, capture_output=True, cwd=REPO)
    cli, after = time.perf_counter() - started, resource.getrusage(resource.RUSAGE_CHILDREN)
    cli_cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    return {"cli": cli, "cli_cpu": cli_cpu, "answers": answers, "load": loaded, "status": statistics.median(status_times),
            "status_max": max(status_times), "compare": statistics.median(compare_times), "compare_max": max(compare_times)}


def run():
    course = bench_course()
    out = []
    with tempfile.TemporaryDirectory() as tmp:
        tidy, rosters = synthetic_store(Path(tmp))
        results = {"SQLite": measure(f"sqlite:///{tmp}/cohorts.sqlite", tidy, rosters, course)}
        with pg_server() as url:
            if url:
                results["PostgreSQL"] = measure(url, tidy, rosters, course)
    for name, r in results.items():
        out += [
            (f"{name}: store of {COHORTS} cohorts x {TRAINEES}, answer rows", f"{r['answers']:,}", f"loaded in {r['load']:.1f} s"),
            (f"{name}: followup status, one cohort, median of {REPEATS} (s)", f"{r['status']:.3f}", f"target <= 1 s (max {r['status_max']:.3f})"),
            (f"{name}: feedback compare of {COMPARED} cohorts, median of {REPEATS} (s)", f"{r['compare']:.3f}",
             f"target <= 2 s (max {r['compare_max']:.3f})"),
            (f"{name}: the command `trainingkit followup status`, wall (s)", f"{r['cli']:.2f}",
             f"CPU {r['cli_cpu']:.2f} s: Python start, imports, reading the course"),
        ]
    if "PostgreSQL" not in results:
        out.append(("PostgreSQL: no server binaries found", "skipped", ""))
    return out
