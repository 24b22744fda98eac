"""Exercise data: every file in ``datasets/`` is described in ``datasets/datapackage.yaml``
(title, fields, sources or ``synthetic: true``, licence). Exercises read data only through here."""
from __future__ import annotations

from pathlib import Path

import pandas as pd
import yaml

from ..errors import TrainingkitError
from ..paths import course_root

PACKAGE = "datasets/datapackage.yaml"


def _package(root: Path) -> dict:
    return yaml.safe_load((root / PACKAGE).read_text(encoding="utf-8")) or {}


def dataset_info(name: str, root: Path | None = None) -> dict:
    """The datapackage resource called ``name``."""
    root = root or course_root()
    for resource in _package(root).get("resources", []):
        if resource.get("name") == name:
            return resource
    raise TrainingkitError(f"{PACKAGE}: no resource named '{name}'")


def dataset(name: str, root: Path | None = None) -> pd.DataFrame:
    """Load a dataset by its resource name, as a DataFrame (CSV, read as described)."""
    root = root or course_root()
    info = dataset_info(name, root)
    return pd.read_csv(root / "datasets" / info["path"], encoding="utf-8")
