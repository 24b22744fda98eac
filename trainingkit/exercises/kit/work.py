"""A trainee's saved work: one JSON file per exercise, in the trainee's own data folder.

Answers never go into the notebook (which may be shared or committed) and never into the
repository. On a shared JupyterHub each user has their own home, so the file is theirs alone.
"""
from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

from platformdirs import user_data_dir

ENV = "TRAININGKIT_WORK_DIR"


def work_dir() -> Path:
    """``TRAININGKIT_WORK_DIR``, else the user's data folder (``~/.local/share/trainingkit/work``)."""
    return Path(os.environ.get(ENV) or Path(user_data_dir("trainingkit")) / "work")


def atomic_write(path: Path, text: str) -> Path:
    """Write ``text`` to ``path`` through a temporary file, so a crash never leaves half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(path.suffix + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)
    return path


class SavedWork:
    """Load and save one exercise's answers; a file that cannot be read is set aside, not lost."""

    def __init__(self, exercise_id: str, directory: Path | None = None):
        self.exercise_id = exercise_id
        self.path = (directory or work_dir()) / f"{exercise_id}.json"
        self.notice: str | None = None  # set when a damaged file was set aside
        self.data: dict = self._load()

    def _load(self) -> dict:
        if not self.path.is_file():
            return {}
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            if not isinstance(data, dict):
                raise ValueError("saved work must be a JSON object")
            return data
        except (ValueError, UnicodeDecodeError) as exc:
            stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
            kept = self.path.with_name(f"{self.path.stem}.unreadable-{stamp}.json")
            self.path.replace(kept)
            self.notice = (
                f"Your saved work in {self.path} could not be read ({exc}). "
                f"It was kept as {kept.name}; this exercise starts fresh."
            )
            return {}

    def get(self, key: str, default=None):
        return self.data.get(key, default)

    def set(self, key: str, value) -> None:
        """Store one answer and save at once, so nothing is lost if the kernel stops."""
        self.data[key] = value
        self.save()

    def save(self) -> None:
        atomic_write(self.path, json.dumps(self.data, ensure_ascii=False, indent=2))

    def clear(self) -> None:
        self.data = {}
        self.save()
