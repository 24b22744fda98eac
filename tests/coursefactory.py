"""Small courses made for a test: a few sessions, written the way real ones are."""
from __future__ import annotations

import shutil
from pathlib import Path

import nbformat
import yaml

REPO = Path(__file__).resolve().parents[1]
KERNEL = {"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}}

COURSE_YML = {
    "title": "Test course",
    "cohort": "test",
    "day_start": "09:00",
    "day_end": "17:00",
    "breaks": [
        {"title": "Morning break", "at": "10:30", "minutes": 15},
        {"title": "Lunch", "at": "12:30", "minutes": 60},
        {"title": "Afternoon break", "at": "15:00", "minutes": 15},
    ],
}


def markdown(text: str, tags=()):
    cell = nbformat.v4.new_markdown_cell(text)
    if tags:
        cell.metadata["tags"] = list(tags)
    return cell


def code(text: str, tags=(), outputs=()):
    cell = nbformat.v4.new_code_cell(text)
    if tags:
        cell.metadata["tags"] = list(tags)
    cell.outputs = list(outputs)
    return cell


def front_matter(meta: dict, body: str = "## In this session\n\nA short summary.\n") -> str:
    return "---\n" + yaml.safe_dump(meta, sort_keys=False) + "---\n\n" + body


def run_table(minutes: int, objectives: int) -> str:
    """A run whose first rows each practise one objective and whose minutes add up."""
    steps = [(10, f"Activity for objective {n}", str(n)) for n in range(1, objectives + 1)]
    steps.append((minutes - 10 * objectives, "Plenary and key points", "–"))
    rows = "\n".join(f"| – | {m} | {a} | {o} |" for m, a, o in steps)
    return f"### Run of the session\n\n| Clock | Minutes | Activity | Objectives |\n|---|---|---|---|\n{rows}\n"


def session_notebook(sid: str, minutes: int, title: str | None = None, extra_cells=(), **meta):
    day = int(sid[1])
    data = {
        "id": sid,
        "title": title or f"Session {sid}",
        "day": day,
        "minutes": minutes,
        "objectives": ["Name the first thing", "Explain the second thing"],
        **meta,
    }
    cells = [markdown(front_matter(data)), markdown(run_table(minutes, len(data["objectives"])), tags=["trainer"])]
    return nbformat.v4.new_notebook(cells=[*cells, *extra_cells], metadata=dict(KERNEL))


def write_course(root: Path, days: dict[int, list[tuple[str, int]]], course: dict | None = None) -> Path:
    """Write a course: ``days`` maps a day to (session id, minutes) in programme order."""
    (root / "book").mkdir(parents=True, exist_ok=True)
    (root / "course.yml").write_text(yaml.safe_dump(course or COURSE_YML, sort_keys=False))
    (root / "_config.yml").write_text(
        "title: Test book\nonly_build_toc_files: true\nexecute:\n  execute_notebooks: 'off'\n"
    )
    (root / "book" / "index.md").write_text("# Test book\n\nA course made for a test.\n")
    toc = {"format": "jb-book", "root": "book/index", "parts": []}
    for day, sessions in days.items():
        chapters = []
        for sid, minutes in sessions:
            path = root / "modules" / f"day{day}" / f"{sid}-topic.ipynb"
            path.parent.mkdir(parents=True, exist_ok=True)
            nbformat.write(session_notebook(sid, minutes), path)
            chapters.append({"file": f"modules/day{day}/{sid}-topic"})
        toc["parts"].append({"caption": f"Day {day}: Topic {day}", "chapters": chapters})
    (root / "_toc.yml").write_text(yaml.safe_dump(toc, sort_keys=False))
    return root


def standard_day(day: int = 1) -> list[tuple[str, int]]:
    """90 + 105 + 90 + 75 + 30 minutes: fits 09:00–17:00 with the three breaks."""
    return [(f"d{day}-s{n}", m) for n, m in enumerate((90, 105, 90, 75, 30), start=1)]


def edit_notebook(path: Path, change) -> None:
    nb = nbformat.read(path, as_version=4)
    change(nb)
    nbformat.write(nb, path)


COURSE_PARTS = ["course.yml", "_config.yml", "_toc.yml", "_static", "book", "modules", "exercises", "datasets", "feedback"]


def copy_course(dest: Path) -> Path:
    """The real course's sources (no _build), copied into ``dest``."""
    for name in COURSE_PARTS:
        src = REPO / name
        if src.is_dir():
            shutil.copytree(src, dest / name, ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
        elif src.is_file():
            shutil.copy2(src, dest / name)
    return dest
