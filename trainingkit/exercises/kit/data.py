"""Exercise data: every file in ``datasets/`` is described in ``datasets/datapackage.yaml``
(title, fields, sources or ``synthetic: true``, licence). Exercises read data only through here.

:func:`records` is the one row loader: it checks a resource's rows against the fields the data
package declares and reports the first problem as a :class:`~trainingkit.errors.DataError`
naming the file, the line and the field, so a trainer who edits a CSV knows where to look.
"""
from __future__ import annotations

from pathlib import Path

import pandas as pd
import yaml

from ...errors import DataError
from ...paths import course_root

PACKAGE = "datasets/datapackage.yaml"


def _package(root: Path) -> dict:
    return yaml.safe_load((root / PACKAGE).read_text(encoding="utf-8")) or {}


def dataset_info(name: str, root: Path | None = None) -> dict:
    """The datapackage resource called ``name``."""
    root = root or course_root()
    for resource in _package(root).get("resources", []):
        if resource.get("name") == name:
            return resource
    raise DataError(PACKAGE, f"no resource named '{name}'")


def dataset(name: str, root: Path | None = None) -> pd.DataFrame:
    """Load a dataset by its resource name, as a DataFrame (CSV, read as described)."""
    root = root or course_root()
    info = dataset_info(name, root)
    return pd.read_csv(root / "datasets" / info["path"], encoding="utf-8")


def declared_fields(name: str, root: Path | None = None) -> tuple[str, ...]:
    """The field names ``datapackage.yaml`` declares for resource ``name``, in order."""
    return tuple(f["name"] for f in dataset_info(name, root).get("schema", {}).get("fields", []))


def _text(value) -> str:
    return "" if value is None or (not isinstance(value, str) and pd.isna(value)) else str(value).strip()


def records(
    name: str,
    required: tuple[str, ...] | None = None,
    nonempty: tuple[str, ...] = (),
    unique: str | None = None,
    frame: pd.DataFrame | None = None,
    root: Path | None = None,
) -> list[tuple[int, dict[str, str]]]:
    """The rows of resource ``name`` (or of ``frame``, read as that resource) as
    ``(line, {column: stripped text})``; line 1 is the header, so the first row is line 2.

    ``required`` columns default to the fields the data package declares; ``nonempty`` fields
    must hold text; ``unique`` names a column whose values may not repeat. Missing cells read as
    ``""``. The first problem raises :class:`DataError` with the file, line and field.
    """
    root = root or course_root()
    info = dataset_info(name, root)
    file = f"datasets/{info['path']}"
    frame = dataset(name, root) if frame is None else frame
    required = declared_fields(name, root) if required is None else required
    missing = [c for c in required if c not in frame.columns]
    if missing:
        raise DataError(file, f"missing column(s) {', '.join(missing)}", field=missing[0])
    columns = list(dict.fromkeys([*required, *frame.columns]))
    out, seen = [], set()
    for line, row in enumerate(frame.to_dict("records"), start=2):
        values = {c: _text(row.get(c)) for c in columns}
        for column in nonempty:
            if not values[column]:
                raise DataError(file, f"field '{column}' is empty", line=line, field=column)
        if unique:
            if values[unique] in seen:
                raise DataError(file, f"{unique} '{values[unique]}' is used twice", line=line, field=unique)
            seen.add(values[unique])
        out.append((line, values))
    return out
