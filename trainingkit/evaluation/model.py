"""The evaluation summary as one validated model, in the key names of the feedback contract
(DESIGN.md). ``summarise`` makes it, the build writes it as JSON, and the page, the Markdown,
the exports and the report read its attributes. ``schema()`` is its published JSON Schema.

Every figure carries the count of people behind it (``n``) and ``suppressed``: when fewer than
``min_cell`` people answered, the figure's values are left out (null) and ``n`` says how many
answered, so a page can say "not enough answers yet: 3 of the 5 needed".
"""
from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Likert(_Model):
    """A 1–5 question: ``n`` answers, mean, median, share of 4 or 5 (%), count of each value."""

    n: int
    suppressed: bool = False
    mean: float | None = None
    median: float | None = None
    top2_pct: float | None = None
    dist: dict[str, int] | None = None


class PrePost(_Model):
    """One c_* competence item: pairs of pre- and post-course answers from the same trainee."""

    n_pairs: int
    suppressed: bool = False
    mean_pre: float | None = None
    mean_post: float | None = None
    mean_change: float | None = None
    improved_pct: float | None = None
    same_pct: float | None = None
    worse_pct: float | None = None
    wilcoxon_p: float | None = None


class Nps(_Model):
    """Net Promoter Score on ``recommend`` (0–10): % of 9–10 minus % of 0–6."""

    n: int
    suppressed: bool = False
    score: float | None = None
    promoters_pct: float | None = None
    passives_pct: float | None = None
    detractors_pct: float | None = None
    dist: dict[str, int] | None = None


class Rate(_Model):
    """How many sent a form (a count of people, never of answers): ``rate`` in % of the roster."""

    responded: int
    expected: int | None = None
    rate: float | None = None


class GroupMean(_Model):
    """One question's mean in one group; ``n`` = people of the group who answered it."""

    n: int | None = None
    suppressed: bool = False
    mean: float | None = None


class Group(_Model):
    """One group of a roster attribute. ``n`` = its people who sent any form; suppressed: no figures."""

    suppressed: bool = False
    n: int | None = None
    means: dict[str, GroupMean] = {}  # by question: useful, overall, recommend


class End(_Model):
    overall: Likert
    most_useful: list[str] = []
    change_one_thing: list[str] = []


class Share(_Model):
    """``yes`` of ``n`` respondents, as ``pct``; no figures when suppressed."""

    n: int
    suppressed: bool = False
    yes: int | None = None
    pct: float | None = None


class Actions(_Model):
    n: int
    suppressed: bool = False
    by_type: dict[str, Share] = {}


class FollowupRound(_Model):
    engaged: Share
    actions: Actions
    results_described: Share  # Level 4: respondents who wrote what came of an action


class RoundResponse(_Model):
    """A follow-up round's response rate as ``trainingkit followup status`` counts it: ``answered``
    of ``expected`` (the roster less the withdrawn), and ``lost`` (trainees lost to follow-up in
    that round). ``phase``: before, open or after the round's window on the day of the figures."""

    round: str
    due: str
    phase: str
    suppressed: bool = False
    expected: int | None = None
    answered: int | None = None
    rate: float | None = None
    lost: int | None = None


class Done(_Model):
    """Planned actions reported done by month 6: ``done`` of ``actions``; ``n`` = trainees who planned them."""

    n: int
    suppressed: bool = False
    actions: int | None = None
    done: int | None = None
    pct_done: float | None = None


class PlannedDone(Done):
    by_progress: dict[str, int] = {}  # done, in_progress, not_started, dropped, no_report
    by_type: dict[str, Done] = {}


class Outcome(_Model):
    """One result question in one round: ``total`` reported by ``n`` respondents; ``any``: how many reported one or more."""

    n: int
    suppressed: bool = False
    total: int | None = None
    any: int | None = None
    pct_any: float | None = None


class TypeCount(_Model):
    trainees: int
    pct: float | None = None


class ActionTypes(_Model):
    """Over all rounds: per action type, trainees who reported it at least once, of ``n`` respondents."""

    n: int
    suppressed: bool = False
    by_type: dict[str, TypeCount] = {}


class FollowupLevels(_Model):
    """Levels 3 and 4 from the follow-up package, on the day ``on``: the same computation as
    ``trainingkit followup figures`` (trainingkit.followup.figures), under the same privacy rule."""

    on: str
    response_rates: list[RoundResponse] = []
    planned_done_by_m6: PlannedDone
    outcomes: dict[str, dict[str, Outcome]] = {}  # round -> result question -> figure
    actions_by_type: ActionTypes


class Comments(_Model):
    """Open text, masked, only for a form and occasion with at least ``min_cell`` respondents;
    shown in the trainer edition only (``published()`` leaves them out)."""

    sessions: dict[str, list[str]] = {}
    days: dict[str, list[str]] = {}
    results: dict[str, list[str]] = {}  # per follow-up round: what came of an action (Level 4)


class Count(_Model):
    n: int | None = None  # None: fewer than min_cell (or none), not shown
    suppressed: bool = False


class Profile(_Model):
    """Who took part: the roster's people by attribute, under the same privacy rule."""

    participants: int
    groups: dict[str, dict[str, Count]] = {}


class Summary(_Model):
    data: Literal["real", "synthetic"]
    cohort: str
    min_cell: int
    comments_included: bool = True
    replaced: int = 0  # responses that do not count because a later (or a marked) version of the same form does
    sessions: dict[str, dict[str, Likert]] = {}
    pre_post: dict[str, PrePost] = {}
    nps: Nps
    response_rates: dict[str, Rate | dict[str, Rate]] = {}
    breakdowns: dict[str, dict[str, Group]] = {}
    end: End
    followup: dict[str, FollowupRound] = {}
    comments: Comments = Comments()
    profile: Profile = Field(default_factory=lambda: Profile(participants=0))
    # Trainer edition only: the follow-up package's comparison of the store's real cohorts
    # (trainingkit.followup.book; its own cells are suppressed below min_cell).
    cohorts_compared: dict | None = None
    # Levels 3 and 4 from the store's follow-up data (rounds, plans): None without a roster or store.
    followup_levels: FollowupLevels | None = None

    @property
    def synthetic(self) -> bool:
        return self.data == "synthetic"

    def published(self) -> "Summary":
        """What may leave the trainer edition: everything but open text."""
        return self.model_copy(update={
            "comments_included": False, "comments": Comments(), "cohorts_compared": None,
            "end": self.end.model_copy(update={"most_useful": [], "change_one_thing": []}),
        })

    def to_json(self) -> str:
        return self.model_dump_json(indent=2)


SCHEMA_FILE = Path(__file__).with_name("summary.schema.json")  # published; a test keeps it equal to schema()


def schema() -> dict:
    return Summary.model_json_schema()


class Measure(_Model):
    """One figure of a report section, already in words: what it is, its value, the people behind it."""

    label: str
    value: str | None = None  # None: withheld or not measured yet; ``note`` says which
    n: int | None = None
    note: str = ""
    target: str | None = None
    met: bool | None = None


class Section(_Model):
    """A part of the report (a Kirkpatrick level, say) from a function returning typed figures:
    the follow-up package adds its own by returning one of these."""

    key: str
    title: str
    level: int | None = None
    measures: list[Measure] = []
    note: str = ""
