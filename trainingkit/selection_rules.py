"""``course.yml`` → ``selection:``: the rubric, the places, the bounds and the dates of a call.

Validated here so that ``trainingkit check`` and every command see the same rules. This module
depends on pydantic only: :mod:`trainingkit.course` imports it.
"""
from __future__ import annotations

import datetime as dt
from typing import Annotated

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, model_validator

Text = Annotated[str, Field(min_length=1), BeforeValidator(lambda v: v.strip() if isinstance(v, str) else v)]
NAME = r"^[a-z][a-z0-9_]*$"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Criterion(_Strict):
    """One thing reviewers score, on a whole-number scale with a descriptor for every point."""

    id: str = Field(pattern=NAME)
    label: Text
    scale: tuple[int, int] = Field(description="lowest and highest score, e.g. [1, 5]")
    weight: float = Field(gt=0)
    descriptors: dict[int, Text]
    reads: list[str] = Field(default=[], description="application answers the reviewer reads for it")

    @model_validator(mode="after")
    def _descriptors_cover_scale(self):
        low, high = self.scale
        if low >= high:
            raise ValueError(f"scale [{low}, {high}]: the lowest score must be below the highest")
        if set(self.descriptors) != set(range(low, high + 1)):
            raise ValueError(f"descriptors: give one for each score {low}..{high} (given: "
                             f"{', '.join(map(str, sorted(self.descriptors)))})")
        return self

    @property
    def points(self) -> range:
        return range(self.scale[0], self.scale[1] + 1)


class Bounds(_Strict):
    min: int = Field(default=0, ge=0)
    max: int | None = Field(default=None, ge=0)

    @model_validator(mode="after")
    def _ordered(self):
        if self.max is not None and self.max < self.min:
            raise ValueError(f"max {self.max} is below min {self.min}")
        return self


class Selection(_Strict):
    """The call: how applicants are scored and how many are taken from where."""

    places: int = Field(ge=1)
    criteria: list[Criterion] = Field(min_length=1)
    member_bonus: float = Field(default=0, ge=0, description="added to a member organisation's final score")
    countries: dict[str, Bounds] = Field(default={}, description="per-country min/max of the selected")
    org_cap: int | None = Field(default=None, ge=1, description="most selected from one organisation")
    waitlist: int = Field(default=10, ge=0, description="how many eligible applicants wait, in order")
    reviewers_per_applicant: int = Field(default=2, ge=2)
    deadline: dt.date
    extensions: list[dt.date] = []
    notify_by: dt.date
    offer: list[Text] = Field(default=[], description="what a successful applicant gets (said in the letter)")
    seed: int = Field(default=2016, description="the tie-breaking draw")

    @model_validator(mode="after")
    def _consistent(self):
        ids = [c.id for c in self.criteria]
        if dups := sorted({i for i in ids if ids.count(i) > 1}):
            raise ValueError(f"criteria: id {', '.join(dups)} is used twice")
        dates = [self.deadline, *self.extensions]
        if dates != sorted(set(dates)):
            raise ValueError("extensions: each must come after the deadline and the extension before it")
        if self.notify_by < self.closes:
            raise ValueError(f"notify_by {self.notify_by} is before the call closes ({self.closes})")
        if (total := sum(b.min for b in self.countries.values())) > self.places:
            raise ValueError(f"countries: the minimums add up to {total}, more than the {self.places} places")
        return self

    @property
    def closes(self) -> dt.date:
        """The last day an application is accepted: the deadline or its last extension."""
        return self.extensions[-1] if self.extensions else self.deadline

    def criterion(self, criterion_id: str) -> Criterion:
        return next(c for c in self.criteria if c.id == criterion_id)

    @property
    def max_total(self) -> float:
        return sum(c.weight * c.scale[1] for c in self.criteria)
