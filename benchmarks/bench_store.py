"""Feedback store: one submit on SQLite (median, p95) and importing 100,000 tidy answer rows."""
from __future__ import annotations

import csv
import statistics
import tempfile
import time
from pathlib import Path

from trainingkit.course import load_course
from trainingkit.feedback import FeedbackStore
from trainingkit.feedback.imports import import_file
from trainingkit.forms import load_forms

REPO = Path(__file__).resolve().parents[1]
SUBMITS = 500
RESPONSES = 14_286  # daily responses of 7 answers: 100,002 answer rows


def _end_answers(n: int) -> dict:
    return {"overall": 1 + n % 5, "recommend": n % 11, "most_useful": "The power map", "change_one_thing": "More role play"}


def _submit_times(store: FeedbackStore) -> list[float]:
    times = []
    for n in range(SUBMITS):
        started = time.perf_counter()
        store.submit("end", _end_answers(n), participant=f"P{n % 17:02d}")
        times.append(time.perf_counter() - started)
    return times


def _tidy_file(path: Path, responses: int) -> Path:
    """Synthetic daily responses: day 1, its four rated sessions, 7 answers each."""
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(["response_id", "form_id", "participant", "submitted_at", "session", "question", "value"])
        for n in range(responses):
            answers = [("", "day", "1"), ("", "pace", "about_right"), ("", "day_comment", "ช้าไปหน่อย")]
            answers += [(f"d1-s{s}", "useful", str(1 + (n + s) % 5)) for s in range(1, 5)]
            for session, question, value in answers:
                writer.writerow([f"bench-{n:06d}", "daily", f"P{n % 17:02d}", "2016-06-04T10:00:00Z", session, question, value])
    return path


def run():
    forms = load_forms(load_course(REPO))
    with tempfile.TemporaryDirectory() as tmp:
        store = FeedbackStore(f"sqlite:///{tmp}/submit.sqlite", forms=forms, cohort="bench")
        times = sorted(_submit_times(store))
        median, p95 = statistics.median(times) * 1000, times[int(0.95 * len(times)) - 1] * 1000
        tidy = _tidy_file(Path(tmp) / "tidy.csv", RESPONSES)
        fresh = FeedbackStore(f"sqlite:///{tmp}/import.sqlite", forms=forms, cohort="bench")
        started, cpu = time.perf_counter(), time.process_time()
        report = import_file(fresh, tidy)
        seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    return [
        (f"submit one response, SQLite, median of {SUBMITS} (ms)", f"{median:.2f}", ""),
        (f"submit one response, SQLite, p95 of {SUBMITS} (ms)", f"{p95:.2f}", "target p95 <= 20 ms"),
        (f"import tidy CSV, {report.answers:,} answer rows (s)", f"{seconds:.2f}", "target <= 3 s"),
        ("  of which CPU time of this process (s)", f"{cpu:.2f}", "wall minus CPU: disk and other load"),
    ]
