"""Message box and statement: the ASEAN bodies a statement may address, the message box, and
the file a trainee exports for a colleague to review.

The bodies are data, in ``exercises/keys/ex-message-box.yml`` (:class:`StatementKey`); ``BODIES``
reads it when first used. The rubric that scores a statement is in ``checks``. Everything here
is pure except :func:`export_statement` and :func:`load_statement`, which write and read one file.
"""
from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator
from pydantic_core import PydanticCustomError

from ...errors import DataError
from ..kit.keys import KeyModel, key_attributes, load_key
from ..kit.work import atomic_write

EXERCISE_ID = "ex-message-box"
MAX_WORDS = 250
MIN_WORDS = 80
BOX_PARTS = {  # the COMPASS message box, in order, with the question each part answers
    "issue": ("Issue", "What is the topic, in a few words?"),
    "problem": ("Problem", "What is wrong, for whom, and where?"),
    "so_what": ("So what?", "Why should this body care? What happens if nothing changes?"),
    "solutions": ("Solutions", "What should be done, and by whom?"),
    "benefits": ("Benefits", "What gets better if it is done, and for whom?"),
}


class Body(KeyModel):
    """An ASEAN body a statement may address, with what the fact sheet says it does."""

    id: str
    name: str
    names: re.Pattern  # how a statement may name it
    mandate: str
    mandate_words: re.Pattern  # signs that a statement speaks to that mandate
    mandate_hint: str

    @field_validator("names", "mandate_words", mode="before")
    @classmethod
    def _pattern(cls, value):
        try:
            return re.compile(value, re.I) if isinstance(value, str) else value
        except re.error as exc:
            raise ValueError(f"not a valid regular expression ({exc})") from None


class StatementKey(KeyModel):
    bodies: list[Body]

    @model_validator(mode="after")
    def _unique(self):
        ids = [b.id for b in self.bodies]
        if len(set(ids)) != len(ids):
            raise ValueError(f"bodies: each id once (got {', '.join(ids)})")
        return self

    @property
    def by_id(self) -> dict[str, Body]:
        return {b.id: b for b in self.bodies}


def key() -> StatementKey:
    return load_key(EXERCISE_ID, StatementKey)


def bodies() -> dict[str, Body]:
    """The bodies by id, in the key file's order."""
    return key().by_id


__getattr__ = key_attributes(EXERCISE_ID, StatementKey, {"BODIES": "by_id"})


# --- the file a trainee exports for peer review -------------------------------------------------

AUTHOR_CODE = r"^[A-Za-z0-9_-]{1,20}$"


class SharedStatement(BaseModel):
    """A statement exported for a colleague to review. The author is a code, never a name."""

    model_config = ConfigDict(extra="forbid")

    kind: Literal["trainingkit-statement"] = "trainingkit-statement"
    version: Literal[1] = 1
    author: str = Field(pattern=AUTHOR_CODE)
    body: str  # the id of one of the bodies
    statement: str = Field(min_length=1, max_length=10_000)
    message_box: dict[Literal[tuple(BOX_PARTS)], str] = {}  # type: ignore[valid-type]
    exported: str = ""

    @field_validator("body")
    @classmethod
    def _known_body(cls, value: str) -> str:
        known = list(bodies())
        if value not in known:
            listed = ", ".join(repr(b) for b in known[:-1]) + f" or {known[-1]!r}"
            raise PydanticCustomError("literal_error", "Input should be {expected}", {"expected": listed})
        return value


def shared_file(folder: Path, author: str) -> Path:
    return folder / f"statement-{author}.json"


def export_statement(folder: Path, statement: SharedStatement) -> Path:
    """Write ``statement`` to ``folder/statement-<author>.json`` and return the path."""
    folder.mkdir(parents=True, exist_ok=True)
    path = shared_file(folder, statement.author)
    data = statement.model_copy(update={"exported": dt.datetime.now().isoformat(timespec="seconds")})
    return atomic_write(path, data.model_dump_json(indent=2))


def load_statement(path: Path) -> SharedStatement:
    """Read a colleague's exported statement; a bad file raises an error naming the file and field."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise DataError(path, "no such file. Check the folder and the file name your colleague gave you.") from None
    except (ValueError, UnicodeDecodeError) as exc:
        raise DataError(path.name, f"not a readable statement file ({exc}).") from None
    if not isinstance(data, dict) or data.get("kind") != "trainingkit-statement":
        raise DataError(path.name, "not a statement exported from the message box exercise.")
    try:
        return SharedStatement.model_validate(data)
    except ValidationError as exc:
        raise DataError.first_of(exc, path.name, data) from None
