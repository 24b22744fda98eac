"""Form definitions as written in ``feedback/forms/<form_id>.yml``: the schema and its loading.

A form is declared once, in the spirit of XLSForm: ids, types, labels per language, required,
and named choice lists. Two blocks are generated from the course rather than typed:
``competences`` (one item ``c_<outcome id>`` per learning outcome in ``course.yml``) and
``sessions`` (questions asked about every rated session of the chosen day). :mod:`.resolve`
turns a spec into the concrete :class:`~trainingkit.forms.model.Form`.
"""
from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal

import yaml
from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationError, model_validator

from ..errors import Finding, FindingsError, Location, validation_findings, yaml_finding
from ..languages import ENGLISH_NAMES, NATIVE_NAMES, SOURCE_LANGUAGE

FORMS_DIR = "feedback/forms"

# The language menu names each language in itself; XLSForm writes it as "Name (code)" and
# pyxform checks the code against IANA subtags.
LANGUAGES = NATIVE_NAMES
XLSFORM_LANGUAGES = ENGLISH_NAMES
DEFAULT_LANGUAGE = SOURCE_LANGUAGE

QuestionType = Literal["likert", "rating", "select_one", "select_multiple", "text", "integer"]
CHOICE_TYPES = {"likert", "select_one", "select_multiple"}
LIKERT_NAMES = ["1", "2", "3", "4", "5"]
NAME = r"^[a-z][a-z0-9_]*$"

Text = Annotated[str, Field(min_length=1), BeforeValidator(lambda v: v.strip() if isinstance(v, str) else v)]
Language = Annotated[str, Field(pattern=r"^[a-z]{2,3}$")]


def _known_languages(labels: dict) -> dict:
    unknown = sorted(set(labels) - set(LANGUAGES))
    if unknown:
        raise ValueError(f"unknown language code {', '.join(unknown)} (known: {', '.join(LANGUAGES)})")
    if DEFAULT_LANGUAGE not in labels:
        raise ValueError("English ('en') text is required")
    return labels


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class LabelledSpec(_Strict):
    label: dict[Language, Text]
    hint: dict[Language, Text] = {}

    @model_validator(mode="after")
    def _languages(self):
        _known_languages(self.label)
        if self.hint:
            _known_languages(self.hint)
        return self


class ChoiceSpec(LabelledSpec):
    name: str = Field(pattern=r"^[A-Za-z0-9_]+$", description="the value stored and exported")


class QuestionSpec(LabelledSpec):
    id: str = Field(pattern=NAME)
    type: QuestionType
    required: bool = False
    choices: str | None = Field(default=None, description="name of a list under choices:")
    min: int | None = Field(default=None, description="integer questions: smallest allowed")
    max: int | None = Field(default=None, description="integer questions: largest allowed")
    # Name, e-mail, phone: kept apart from the answers, never analysed or exported (applications).
    personal: bool = False

    @model_validator(mode="after")
    def _choices_fit_type(self):
        if self.type in CHOICE_TYPES and not self.choices:
            raise ValueError(f"a {self.type} question needs 'choices: <list name>'")
        if self.type not in CHOICE_TYPES and self.choices:
            raise ValueError(f"a {self.type} question takes no choices")
        if (self.min is not None or self.max is not None) and self.type != "integer":
            raise ValueError("min and max apply to integer questions only")
        if self.personal and self.type != "text":
            raise ValueError("only text questions can be personal (name, e-mail, phone)")
        return self


class CompetenceSpec(LabelledSpec):
    """One self-rating item ``c_<outcome id>`` per learning outcome in ``course.yml``; the label
    may say ``{outcome}`` for the outcome's text."""

    type: Literal["likert"]
    required: bool = False
    choices: str


class SessionBlockSpec(_Strict):
    """Questions asked about every rated session of the day the trainee chooses; their labels
    may say ``{session}`` for the session's title."""

    day_label: dict[Language, Text]
    questions: list[QuestionSpec] = Field(min_length=1)

    @model_validator(mode="after")
    def _languages(self):
        _known_languages(self.day_label)
        return self


class PlanActionsSpec(_Strict):
    """Questions asked about each of the trainee's own planned actions (their action plan, one
    slot per action): field ``a<n>_id`` holds the action's id, ``a<n>_<question>`` the answers.
    ``action_label`` may say ``{n}``."""

    slots: int = Field(ge=1, le=12)
    action_label: dict[Language, Text]
    questions: list[QuestionSpec] = Field(min_length=1)

    @model_validator(mode="after")
    def _languages(self):
        _known_languages(self.action_label)
        return self


class FormSpec(_Strict):
    id: str = Field(pattern=NAME)
    version: int = Field(ge=1)
    title: dict[Language, Text]
    competences: CompetenceSpec | None = None
    sessions: SessionBlockSpec | None = None
    questions: list[QuestionSpec] = []
    plan_actions: PlanActionsSpec | None = None
    choices: dict[str, list[ChoiceSpec]] = {}
    max_text_length: int | None = Field(default=None, ge=1, description="most characters in a text answer (default: course.yml's forms.max_text_length)")

    @model_validator(mode="after")
    def _title_languages(self):
        _known_languages(self.title)
        return self

    def problems(self) -> list[tuple[str, str]]:
        """(key path, message) for what the schema alone cannot see: ids, choice lists and translations that do not fit."""
        problems = []
        asked = [("questions", i, q) for i, q in enumerate(self.questions)]
        if self.sessions:
            asked += [("sessions/questions", i, q) for i, q in enumerate(self.sessions.questions)]
        if self.plan_actions:
            asked += [("plan_actions/questions", i, q) for i, q in enumerate(self.plan_actions.questions)]
        seen = set()
        for where, i, q in asked:
            at = f"{where}/{i} ({q.id})"
            if q.id in seen:
                problems.append((at, f"id '{q.id}' is used twice"))
            seen.add(q.id)
            if q.id.startswith("c_") and self.competences:
                problems.append((at, "ids starting with c_ are generated from the course outcomes"))
        lists = [(at, q.type, q.choices) for (w, i, q) in asked for at in [f"{w}/{i} ({q.id})"]]
        if self.competences:
            lists.append(("competences", self.competences.type, self.competences.choices))
        for at, qtype, name in lists:
            if name and name not in self.choices:
                problems.append((at, f"choices list '{name}' is not defined under choices:"))
            elif name and qtype == "likert" and [c.name for c in self.choices[name]] != LIKERT_NAMES:
                problems.append((at, "a likert list has exactly the names 1, 2, 3, 4, 5 in order"))
        for name, items in self.choices.items():
            names = [c.name for c in items]
            for dup in sorted({n for n in names if names.count(n) > 1}):
                problems.append((f"choices/{name}", f"choice '{dup}' is listed twice"))
        return problems + self._missing_translations(asked)

    def _missing_translations(self, asked) -> list[tuple[str, str]]:
        """Every text the trainee sees exists in every language the title is written in."""
        texts = [(f"{w}/{i} ({q.id})", q) for w, i, q in asked]
        texts += [(f"choices/{name}/{c.name}", c) for name, items in self.choices.items() for c in items]
        if self.competences:
            texts.append(("competences", self.competences))
        out = []
        for at, item in texts:
            for field in ("label", "hint"):
                given = getattr(item, field)
                missing = [code for code in self.title if given and code not in given]
                if missing:
                    out.append((at, f"{field} has no {', '.join(missing)} text (the title is written in it)"))
        if self.sessions:
            missing = [code for code in self.title if code not in self.sessions.day_label]
            if missing:
                out.append(("sessions/day_label", f"no {', '.join(missing)} text (the title is written in it)"))
        return out

    @property
    def languages(self) -> tuple[str, ...]:
        """The languages the form is offered in: those its title is written in, English first."""
        return tuple(sorted(self.title, key=lambda code: (code != DEFAULT_LANGUAGE, code)))


class FormError(FindingsError):
    """A form definition is invalid; every finding names the file and the key path (with the question id)."""


def parse_spec(data, source: str) -> FormSpec:
    """Validate the YAML data of a form; errors name ``source`` and the question."""
    try:
        spec = FormSpec.model_validate(data)
    except ValidationError as exc:
        raise FormError(validation_findings(exc, Location(source), data)) from exc
    if problems := spec.problems():
        raise FormError([Finding(Location(source, key=key), message) for key, message in problems])
    return spec


def load_spec(path: Path, source: str | None = None) -> FormSpec:
    source = source or path.as_posix()
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise FormError([yaml_finding(exc, Location(source))]) from exc
    except OSError as exc:
        raise FormError([Finding(Location(source), f"cannot read: {exc.strerror}")]) from exc
    spec = parse_spec(data, source)
    if spec.id != path.stem:
        raise FormError([Finding(Location(source, key="id"), f"'{spec.id}' must match the file name '{path.stem}'")])
    return spec
