"""Answer keys and rubric texts kept as data: ``exercises/keys/<exercise id>.yml``.

Trainers edit the prose (model answers, why they fit, hints) without touching Python, and
``trainingkit check`` validates every key file against its case's pydantic model. Facts in the
prose are cited with the pages' roles and written out on reading (:mod:`.cited`). A key that
does not fit its model is refused with the file and the key path of the first problem, in the
same ``where: key/path: message`` shape as the rest of the kit.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import TypeVar

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError

from ...errors import DataError, Location, yaml_finding
from ...paths import course_root
from .cited import with_facts

KEY_DIR = "exercises/keys"
Model = TypeVar("Model", bound=BaseModel)


class KeyModel(BaseModel):
    """Base of every key model: unknown keys are refused, so a typo in a key name is caught."""

    model_config = ConfigDict(extra="forbid", frozen=True)


def key_file(exercise_id: str, root: Path | None = None) -> Path:
    return (root or course_root()) / KEY_DIR / f"{exercise_id}.yml"


def read_key(path: Path, model: type[Model]) -> Model:
    """Parse and validate one key file; the first problem raises :class:`DataError`."""
    where = f"{KEY_DIR}/{path.name}"
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise DataError(where, f"cannot be read ({exc.strerror})") from exc
    except yaml.YAMLError as exc:
        found = yaml_finding(exc, Location(where))
        raise DataError(where, found.message, line=found.line) from exc
    data = with_facts(data, where, root=path.parent.parent.parent)  # <root>/exercises/keys/<file>
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise DataError.first_of(exc, where, data) from None


@lru_cache(maxsize=None)
def _cached(path: Path, mtime: float, model: type[Model]) -> Model:
    return read_key(path, model)


def load_key(exercise_id: str, model: type[Model], root: Path | None = None) -> Model:
    """The validated key of ``exercise_id`` (read again only when the file changes)."""
    path = key_file(exercise_id, root)
    try:
        mtime = path.stat().st_mtime
    except OSError:
        return read_key(path, model)  # raises, naming the file
    return _cached(path, mtime, model)


def key_attributes(exercise_id: str, model: type[BaseModel], names: dict[str, str]):
    """A module ``__getattr__`` that gives module constants (``KEY``…) from the key file, read on
    first use: ``names`` maps each constant to the key's attribute."""

    def __getattr__(name: str):
        if name in names:
            return getattr(load_key(exercise_id, model), names[name])
        raise AttributeError(f"no attribute {name!r} (the key gives {', '.join(names)})")

    return __getattr__
