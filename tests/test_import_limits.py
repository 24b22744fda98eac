"""A file over a limit of course.yml is refused at once, saying which limit and how to raise it;
a spreadsheet's declared size is never trusted. Big files are made here, in tmp, at test time."""
from __future__ import annotations

import pytest

from conftest import REPO
from importcases import KOBO_END, TIDY, dimension_bomb, xlsx_with_sheet_xml
from test_import_formats import write_csv
from trainingkit.course import CourseError, ImportLimits, load_config
from trainingkit.feedback.imports import ImportFileError, import_file

RAISE = "if the file is right, raise that limit (under 'limits:') and import it again"


def refused(store, path, **limits) -> str:
    with pytest.raises(ImportFileError) as info:
        import_file(store, path, limits=ImportLimits(**limits))
    assert len(store.responses()) == 0
    return str(info.value)


def tidy_rows(n: int) -> list[list[str]]:
    return [[f"r{i}", "end", "MM-01", "2016-06-08T09:00:00Z", "", "overall", "4"] for i in range(n)]


def test_course_yml_sets_the_limits_and_refuses_nonsense(tmp_path):
    assert load_config(REPO).limits == ImportLimits(file_mb=256, rows=1_000_000, columns=1000, cell_chars=10_000)
    (tmp_path / "course.yml").write_text("title: T\ncohort: c\nlimits: {rows: 0, cell_chars: 500000}\n")
    with pytest.raises(CourseError) as info:
        load_config(tmp_path)
    assert [(f.path, f.key, f.message) for f in info.value.findings] == [
        ("course.yml", "limits/cell_chars", "Input should be less than or equal to 100000"),
        ("course.yml", "limits/rows", "Input should be greater than or equal to 1")]
    assert str(info.value).splitlines()[0] == "course.yml: limits/cell_chars: Input should be less than or equal to 100000"


def test_a_file_over_the_size_limit_is_refused_before_it_is_read(tmp_path, store):
    path = tmp_path / "huge.csv"
    with path.open("wb") as out:  # 1 GB, sparse: made in an instant
        out.write(b",".join(t.encode() for t in TIDY) + b"\n")
        out.truncate(1024 ** 3)
    assert refused(store, path) == f"{path}: the file is 1,024 MB, over the limit 'file_mb: 256' in course.yml; {RAISE}"


def test_a_1_gb_single_line_csv_is_refused_after_reading_one_line_at_most(tmp_path, store):
    path = tmp_path / "one-line.csv"
    with path.open("wb") as out:
        out.write(b",".join(t.encode() for t in TIDY) + b"\n")
        out.truncate(1024 ** 3)  # the second line is a billion NUL bytes, no line break
    message = refused(store, path, file_mb=2048, columns=20, cell_chars=1000)
    assert message == (f"{path}, line 2: the line is longer than 20,060 characters (every column's cell full: is this "
                       f"a CSV file?), over the limit 'cell_chars: 1000' in course.yml; {RAISE}")


def test_too_many_rows_columns_or_characters_name_the_limit_and_where(tmp_path, store):
    path = write_csv(tmp_path / "rows.csv", TIDY, tidy_rows(6))
    assert refused(store, path, rows=5) == (f"{path}, line 7: the file has more than 5 rows, over the limit 'rows: 5' "
                                            f"in course.yml; {RAISE}")
    wide = write_csv(tmp_path / "wide.csv", [*KOBO_END, *(f"extra{i}" for i in range(10))], [])
    assert refused(store, wide, columns=12) == (f"{wide}, line 1: the file has 17 columns, over the limit 'columns: 12' "
                                                f"in course.yml; {RAISE}")
    long = write_csv(tmp_path / "long.csv", TIDY, [["r1", "end", "MM-01", "2016-06-08", "", "most_useful", "x" * 101]])
    assert refused(store, long, cell_chars=100) == (f"{long}, line 2, column value: the cell holds more than 100 characters, "
                                                    f"over the limit 'cell_chars: 100' in course.yml; {RAISE}")


def test_the_5_kb_dimension_bomb_is_read_as_the_one_row_it_holds(tmp_path, store):
    bomb = dimension_bomb(tmp_path / "bomb.xlsx")
    assert bomb.stat().st_size < 6000
    report = import_file(store, bomb)
    assert (report.format, report.stored, report.answers) == ("kobo", 1, 2)


def test_a_bomb_with_a_cell_in_the_last_row_and_column_stops_at_the_row_limit(tmp_path, store):
    bomb = dimension_bomb(tmp_path / "bomb.xlsx", last_cell=True)
    assert bomb.stat().st_size < 6000
    message = refused(store, bomb)
    assert message.startswith(f"{bomb}, line 1000002: the file has more than 1,000,000 rows")
    assert refused(store, bomb, rows=1000).startswith(f"{bomb}, line 1002: the file has more than 1,000 rows")


def test_a_value_right_of_the_header_in_a_workbook_is_refused(tmp_path, store):
    rows = [KOBO_END, ["MM-01", 4, 8, "", "", "k1", "2016-06-08T10:00:00", "stray"]]
    path = xlsx_with_sheet_xml(tmp_path / "stray.xlsx", rows, lambda xml: xml)
    with pytest.raises(Exception) as info:
        import_file(store, path)
    assert str(info.value) == (f"{path}, line 2: 8 values but 7 columns; every row needs one value per column "
                               "(is a quote or a separator missing?)")


def test_a_zip_bomb_workbook_is_refused_before_it_is_unpacked(tmp_path, store):
    # a sheet of 40 MB of spaces inside XML packs to a few KB
    path = xlsx_with_sheet_xml(tmp_path / "zip.xlsx", [KOBO_END], lambda xml: xml.replace(b"<sheetData>", b"<sheetData>" + b" " * 40_000_000))
    assert path.stat().st_size < 100_000
    assert refused(store, path, file_mb=2) == (f"{path}: the workbook unpacks to 38 MB (10 times 'file_mb'), over the limit "
                                               f"'file_mb: 2' in course.yml; {RAISE}")


KILLED_IMPORT = """
import sys
from pathlib import Path
from trainingkit.course import load_course
from trainingkit.feedback import FeedbackStore
from trainingkit.feedback.imports import import_file
from trainingkit.forms import load_forms
from trainingkit.feedback.imports import load
store = FeedbackStore(sys.argv[2], forms=load_forms(load_course(Path(sys.argv[3]))), cohort="pilot-2016")
written = load.Loader._write


def _write(self):  # after every batch but the last is in the open transaction: say so, then wait to be killed
    written(self)
    if self.stored >= 10 * load.BATCH:
        Path(sys.argv[4]).write_text(str(self.stored))
        import time
        time.sleep(600)


load.Loader._write = _write
import_file(store, Path(sys.argv[1]))
"""


@pytest.mark.slow
def test_an_import_killed_after_writing_batches_leaves_nothing(tmp_path, forms):
    import os
    import signal
    import subprocess
    import sys
    import time

    from trainingkit.feedback import FeedbackStore
    from trainingkit.feedback.imports.load import BATCH

    rows = [[str(n), f"P{n % 90:02d}", "2016-06-08", "4", "8", "The power map", ""] for n in range(1, 12 * BATCH)]
    path = write_csv(tmp_path / "paper.csv", ["paper_form_no", "participant", "date", "overall", "recommend",
                                              "most_useful", "change_one_thing"], rows)
    db = tmp_path / "fb.sqlite"
    marker = tmp_path / "batches-written"
    child = subprocess.Popen([sys.executable, "-c", KILLED_IMPORT, str(path), f"sqlite:///{db}", str(REPO), str(marker)])
    deadline = time.monotonic() + 300
    while child.poll() is None and time.monotonic() < deadline and not marker.exists():
        time.sleep(0.05)
    assert marker.exists() and int(marker.read_text()) >= 10 * BATCH  # ten batches written, not committed
    assert child.poll() is None, "the import ended before it could be killed"
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    store = FeedbackStore(f"sqlite:///{db}", forms=forms, cohort="pilot-2016")
    assert (len(store.responses()), len(store.answers())) == (0, 0)
    assert import_file(store, path).stored == len(rows), "the store still works and takes the file whole"
