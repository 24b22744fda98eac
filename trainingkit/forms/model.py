"""A form ready to be filled in: concrete fields with their value rules.

Each :class:`Field` has a ``name`` unique in the form, used by the notebook widgets, the XLSForm
workbook, the Kobo/ODK/paper columns and ``FeedbackStore.submit``. It maps to the tidy answer
row ``(session, question)``: a question about one session is named
``d<day>_s<number>_<question>`` (``d1_s2_useful`` is question ``useful`` about session
``d1-s2``); every other field's name is its question id.

Values are checked and made canonical here, once, for every way a response comes in: an
unanswered field is ``None``; an answer is kept as text (``"4"``, ``"afml media"``).
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

PARTICIPANT_CODE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$")
DAY_FIELD = "day"
RATING_RANGE = (0, 10)


@dataclass(frozen=True)
class Choice:
    name: str
    label: dict[str, str]


@dataclass(frozen=True)
class Field:
    name: str
    question: str
    type: str
    label: dict[str, str]
    required: bool = False
    hint: dict[str, str] = field(default_factory=dict)
    choices: tuple[Choice, ...] = ()
    list_name: str | None = None
    minimum: int | None = None
    maximum: int | None = None
    session: str | None = None  # the session a daily question is about
    day: int | None = None      # asked only when the daily form's day is this one
    action_slot: int | None = None  # follow-up: about the trainee's n-th planned action (a<n>_*)
    max_length: int | None = None  # text answers: most characters kept (course.yml or the form)
    personal: bool = False      # name, e-mail, phone: stored apart, never analysed or exported

    def text(self, attr: str, language: str) -> str:
        """A label or hint in ``language``, English where the form has no such text."""
        texts = getattr(self, attr)
        return texts.get(language) or texts.get("en", "")

    def parse(self, raw: Any) -> str | None:
        """The canonical text of an answer, ``None`` when unanswered; ``ValueError`` says why not."""
        if raw is None or (isinstance(raw, float) and raw != raw):  # None or NaN
            return None
        if isinstance(raw, (list, tuple, set, frozenset)):
            if self.type != "select_multiple":
                raise ValueError("one value expected, got a list")
            raw = " ".join(str(v) for v in raw)
        if isinstance(raw, str) and not raw.strip():
            return None
        return getattr(self, f"_parse_{self.type}")(raw)

    def _parse_text(self, raw) -> str:
        text = raw if isinstance(raw, str) else str(raw)
        if self.max_length is not None and len(text) > self.max_length:
            raise ValueError(f"this answer is {len(text):,} characters long; at most {self.max_length:,} fit. Please shorten it")
        return text

    def _parse_integer(self, raw) -> str:
        number = _whole_number(raw)
        low, high = self.minimum, self.maximum
        if (low is not None and number < low) or (high is not None and number > high):
            raise ValueError(f"{number} is out of range ({_range(low, high)})")
        return str(number)

    def _parse_rating(self, raw) -> str:
        number = _whole_number(raw)
        if not RATING_RANGE[0] <= number <= RATING_RANGE[1]:
            raise ValueError(f"{number} is out of range ({_range(*RATING_RANGE)})")
        return str(number)

    def _parse_likert(self, raw) -> str:
        if raw in self.choice_set:  # the usual case: "4"
            return raw
        number = _whole_number(raw)
        if str(number) not in self.choice_names:
            raise ValueError(f"{number} is out of range (1–5)")
        return str(number)

    def _parse_select_one(self, raw) -> str:
        if raw in self.choice_set:
            return raw
        value = str(raw).strip()
        if value.endswith(".0") and value[:-2] in self.choice_names:  # spreadsheets turn 1 into 1.0
            value = value[:-2]
        if value not in self.choice_names:
            raise ValueError(f"'{value}' is not a choice (choices: {', '.join(self.choice_names)})")
        return value

    def _parse_select_multiple(self, raw) -> str:
        picked = set(str(raw).split())
        unknown = sorted(picked - set(self.choice_names))
        if unknown:
            raise ValueError(f"'{' '.join(unknown)}' is not a choice (choices: {', '.join(self.choice_names)})")
        return " ".join(n for n in self.choice_names if n in picked)

    @cached_property
    def choice_names(self) -> list[str]:
        return [c.name for c in self.choices]

    @cached_property
    def choice_set(self) -> frozenset[str]:
        return frozenset(self.choice_names)


# A whole number as people and exports write it: digits, perhaps a sign, perhaps ".0" (a
# spreadsheet's 4.0). Never an exponent ("1e1" is not 10), "inf", "nan" or digit groups; 18
# digits at most, so every number fits a 64-bit integer on any database.
WHOLE_NUMBER = re.compile(r"[+-]?[0-9]{1,18}(?:\.0*)?")


def _whole_number(raw) -> int:
    if isinstance(raw, bool):
        raise ValueError(f"'{raw}' is not a number")
    if isinstance(raw, int):
        return raw
    if isinstance(raw, float):
        if not math.isfinite(raw):
            raise ValueError(f"'{raw}' is not a number")
        if not raw.is_integer():
            raise ValueError(f"'{raw}' is not a whole number")
        return int(raw)
    text = str(raw).strip()
    if WHOLE_NUMBER.fullmatch(text):
        return int(text.split(".")[0])
    if DECIMAL.fullmatch(text):
        raise ValueError(f"'{_shown(text)}' is not a whole number")
    raise ValueError(f"'{_shown(text)}' is not a number")


DECIMAL = re.compile(r"[+-]?[0-9]*\.[0-9]+")


def _shown(text: str) -> str:
    """A value quoted in a message, cut short: a message must not repeat a 10,000-character cell."""
    return text if len(text) <= 40 else text[:37] + "..."


def _range(low, high) -> str:
    if low is not None and high is not None:
        return f"{low}–{high}"
    return f"at least {low}" if low is not None else f"at most {high}"


@dataclass(frozen=True)
class Form:
    id: str
    version: int
    title: dict[str, str]
    languages: tuple[str, ...]
    fields: tuple[Field, ...]
    source: str = ""

    def field(self, name: str) -> Field:
        return self._by_name[name]

    @cached_property
    def _by_name(self) -> dict[str, Field]:
        return {f.name: f for f in self.fields}

    @cached_property
    def _by_question(self) -> dict[tuple[str, str | None], Field]:
        return {(f.question, f.session): f for f in self.fields}

    @cached_property
    def names(self) -> frozenset[str]:
        return frozenset(self._by_name)

    @property
    def has_days(self) -> bool:
        return any(f.name == DAY_FIELD for f in self.fields)

    def fields_for(self, day: int | None) -> list[Field]:
        """The fields shown for ``day`` (the daily form); every field for other forms."""
        return [f for f in self.fields if f.day is None or f.day == day]

    def field_for(self, question: str, session: str | None) -> Field | None:
        """The field storing ``question`` (about ``session``), as a tidy answer row names it."""
        return self._by_question.get((question, session or None))

    def check(self, answers: dict[str, Any]) -> tuple[dict[str, str], dict[str, str]]:
        """Validate a whole response: (canonical answers, problems), each keyed by field name.

        Unanswered fields are left out of the answers. For the daily form, fields about
        another day than the one answered must stay empty.
        """
        values, problems = {}, {}
        for name, raw in answers.items():
            if name not in self._by_name:
                problems[name] = f"unknown question '{name}' in form '{self.id}'"
                continue
            try:
                value = self.field(name).parse(raw)
            except ValueError as exc:
                problems[name] = str(exc)
                continue
            if value is not None:
                values[name] = value
        day = int(values[DAY_FIELD]) if DAY_FIELD in values else None
        for name in values:
            f = self._by_name[name]
            if f.day is not None and f.day != day:
                problems[name] = f"is about day {f.day}, but the response is for day {day or 'none'}"
        for f in self._required:
            if f.name not in values and f.name not in problems and (f.day is None or f.day == day):
                problems[f.name] = "required answer missing"
        return values, problems

    @cached_property
    def _required(self) -> tuple[Field, ...]:
        return tuple(f for f in self.fields if f.required)


def check_participant(code: str | None) -> str | None:
    """A participant code, trimmed and upper-cased (so 'mm-07' and 'MM-07' pair); never a name."""
    if code is None or not str(code).strip():
        return None
    text = str(code).strip().upper()
    if not PARTICIPANT_CODE.match(text):
        raise ValueError(f"'{code}' is not a participant code (letters, digits, - or _, at most 32)")
    return text
