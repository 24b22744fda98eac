"""Hostile and huge imports, each in a fresh process so that its peak memory is its own.

Peak memory is the child's ``VmHWM`` (Linux's high-water mark of the resident set of the process
image it runs), never ``ru_maxrss``: a child started by ``subprocess`` inherits its parent's
``ru_maxrss`` (the kernel carries it over ``exec``), and so does ``RUSAGE_CHILDREN``, so a bench
process that had grown to 449 MB reported 449 MB for every import. Each file is made beforehand,
in this process, so making it costs the import nothing.
"""
from __future__ import annotations

import csv
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
BIG_ROWS = 1_000_000  # paper sheets of the end form, about 200 bytes each: a 200 MB file

# Runs in the child: import one file into a fresh SQLite store, print seconds, peak MB and the outcome.
CHILD = """
import json, sys, time
from pathlib import Path
from trainingkit.course import ImportLimits, load_course
from trainingkit.feedback import FeedbackStore
from trainingkit.feedback.imports import import_file
from trainingkit.forms import load_forms
from trainingkit.errors import TrainingkitError

def peak_mb():  # this process's own peak resident memory (VmHWM), in MB
    with open("/proc/self/status") as status:
        return next(int(line.split()[1]) for line in status if line.startswith("VmHWM:")) / 1024


repo, path, db, limits = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3], json.loads(sys.argv[4])
store = FeedbackStore(db, forms=load_forms(load_course(repo)), cohort="bench")
before = peak_mb()  # the interpreter and its libraries, before the file is opened
started, cpu = time.perf_counter(), time.process_time()
try:
    report = import_file(store, path, limits=ImportLimits(**limits))
    outcome = f"{report.stored:,} responses stored ({report.answers:,} answers)"
except TrainingkitError as exc:
    outcome = "refused: " + str(exc).splitlines()[-1].split(": ", 1)[-1]
seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
print(json.dumps({"seconds": seconds, "cpu": cpu, "peak_mb": peak_mb(), "before_mb": before, "outcome": outcome}))
"""


def measure(path: Path, tmp: Path, **limits) -> dict:
    db = f"sqlite:///{tmp / (path.stem + '.sqlite')}"
    done = subprocess.run([sys.executable, "-c", CHILD, str(REPO), str(path), db, json.dumps(limits)],
                          capture_output=True, text=True, check=True, cwd=REPO)
    return json.loads(done.stdout.strip().splitlines()[-1])


def paper_csv(path: Path, rows: int) -> Path:
    """SYNTHETIC paper sheets of the end form, with two comments of about 80 characters each."""
    useful = "ການວາງແຜນ: the power map and the ASEAN calendar, with real cases from Mekong countries"
    change = "More time for the advocacy action day, and shorter lectures on the ASEAN bodies"
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(["paper_form_no", "participant", "date", "overall", "recommend", "most_useful", "change_one_thing"])
        for n in range(rows):
            writer.writerow([n + 1, f"P{n % 97:03d}", "2016-06-08", 1 + n % 5, n % 11, useful, change])
    return path


def dimension_bomb(path: Path, last_cell: bool) -> Path:
    """A 5 KB workbook whose sheet declares A1:XFD1048576 (17 billion cells) around two rows;
    with ``last_cell``, also a real cell in the sheet's last row and column."""
    import io
    import re
    import zipfile

    from openpyxl import Workbook

    book = Workbook()
    book.active.append(["participant", "overall", "recommend", "_uuid", "_submission_time"])
    book.active.append(["MM-01", 4, 8, "k1", "2016-06-08T10:00:00"])
    packed = io.BytesIO()
    book.save(packed)
    source = zipfile.ZipFile(packed)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                data = re.sub(rb'<dimension ref="[^"]*"/>', b'<dimension ref="A1:XFD1048576"/>', data)
            if info.filename == "xl/worksheets/sheet1.xml" and last_cell:  # 1,048,574 empty rows before it
                data = data.replace(b"</sheetData>", b'<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row></sheetData>')
            out.writestr(info, data)
    return path


def one_line_gigabyte(path: Path) -> Path:
    """A 1 GB file of one line (sparse on disk: written in an instant, read only as far as needed)."""
    with path.open("wb") as out:
        out.write(b"response_id,form_id,participant,submitted_at,session,question,value\n")
        out.truncate(1024 ** 3)
    return path


def run():
    from .bench_store import RESPONSES, _tidy_file

    results = []
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        started = time.perf_counter()  # every file first, so that no import shares a process with its making
        big = paper_csv(tmp / "paper-1m.csv", BIG_ROWS)
        made = time.perf_counter() - started
        tidy = _tidy_file(tmp / "tidy.csv", RESPONSES)
        bombs = {what: dimension_bomb(tmp / f"bomb-{n}.xlsx", last_cell)
                 for n, (last_cell, what) in enumerate(((False, "declared size only"), (True, "and a cell at XFD1048576")))}
        line = one_line_gigabyte(tmp / "one-line.csv")

        got = measure(tidy, tmp)
        results += [
            (f"tidy CSV, {RESPONSES:,} responses, 100,002 answer rows (s)", f"{got['seconds']:.2f}", "target <= 3 s"),
            ("  CPU time (s) and peak memory (MB)", f"{got['cpu']:.2f}, {got['peak_mb']:.0f}", got["outcome"][:70]),
        ]
        size = big.stat().st_size / 1024 ** 2
        got = measure(big, tmp)
        results += [
            (f"paper CSV, {BIG_ROWS:,} rows, {size:.0f} MB (s)", f"{got['seconds']:.1f}", "target <= 60 s"),
            ("  of which CPU time of the importing process (s)", f"{got['cpu']:.1f}", "wall minus CPU: disk and other load"),
            ("  peak memory of the importing process (MB)", f"{got['peak_mb']:.0f}", "target <= 500 MB"),
            ("  of which before the file is opened (MB)", f"{got['before_mb']:.0f}", "Python and the libraries"),
            ("  outcome", "", f"{got['outcome']} (file made in {made:.0f} s)"),
        ]
        big.unlink()
        for what, bomb in bombs.items():
            got = measure(bomb, tmp)
            results += [
                (f"dimension-bomb XLSX, {bomb.stat().st_size / 1024:.0f} KB, {what} (s)", f"{got['seconds']:.2f}", "target <= 2 s"),
                ("  CPU time (s) and peak memory (MB)", f"{got['cpu']:.2f}, {got['peak_mb']:.0f}", got["outcome"][:70]),
            ]
        got = measure(line, tmp, file_mb=2048)  # over the default file_mb anyway: this is the line limit
        results += [
            ("1 GB single-line CSV, file_mb raised to 2048 (s)", f"{got['seconds']:.2f}", "refused quickly"),
            ("  peak memory (MB)", f"{got['peak_mb']:.0f}", got["outcome"][:70]),
        ]
        got = measure(line, tmp)
        results.append(("1 GB single-line CSV, default limits (s)", f"{got['seconds']:.3f}", got["outcome"][:70]))
    load = Path("/proc/loadavg").read_text().split()[:3] if Path("/proc/loadavg").exists() else ["?"] * 3
    results.append(("load average at the end (1, 5, 15 min)", " ".join(load), "2 cores: above 2, others share the CPU"))
    return results
