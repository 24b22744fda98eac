"""Who stands where in the follow-up, on a given date: a status per trainee and round.

Statuses, for a round a trainee has not answered: ``upcoming`` before its window, ``due``
inside it, ``overdue`` after it; the round that makes ``lost_after`` missed rounds, and every
missed round after it, is ``lost`` (lost to follow-up, as DHIS2 flags it). ``answered`` wins over
everything (a late answer still counts); ``withdrawn`` covers every round not answered once the
trainee has withdrawn.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .schedule import Round

STATUSES = ("answered", "upcoming", "due", "overdue", "lost", "withdrawn")


@dataclass(frozen=True)
class TraineeRound:
    participant: str
    round: str
    status: str
    due: dt.date
    closes: dt.date
    answered_on: dt.date | None = None


@dataclass(frozen=True)
class RoundRate:
    """One round's response rate: ``answered`` of ``expected`` (the roster less the withdrawn).

    ``suppressed`` (with no figures) when fewer than ``min_cell`` trainees are expected."""

    round: str
    due: dt.date
    phase: str  # before, open or after the window on the day of the figures
    expected: int | None
    answered: int | None
    rate: float | None  # %, one decimal
    lost: int | None
    suppressed: bool = False


@dataclass(frozen=True)
class FollowupStatus:
    cohort: str
    on: dt.date
    rounds: tuple[Round, ...]
    rows: tuple[TraineeRound, ...]
    rates: tuple[RoundRate, ...]

    def by_status(self, *statuses: str) -> list[TraineeRound]:
        return [r for r in self.rows if r.status in statuses]

    @property
    def lost(self) -> set[str]:
        return {r.participant for r in self.rows if r.status == "lost"}


def classify(codes, rounds: list[Round], answered: dict[tuple[str, str], dt.date], withdrawn: dict[str, dt.date],
             on: dt.date, lost_after: int = 2) -> list[TraineeRound]:
    """Each trainee's status in each round on ``on`` (pure: the store is read elsewhere)."""
    out = []
    for code in sorted(codes):
        gone = withdrawn.get(code)
        gone = gone if gone is not None and gone <= on else None
        missed = 0
        for r in rounds:
            when = answered.get((code, r.id))
            if when is not None:
                status = "answered"
            elif gone is not None:
                status = "withdrawn"
            else:
                phase = r.phase(on)
                if phase == "before":
                    status = "upcoming"
                elif phase == "open":
                    status = "due"
                else:
                    missed += 1
                    status = "lost" if missed >= lost_after else "overdue"
            out.append(TraineeRound(code, r.id, status, r.due, r.closes, when))
    return out


def round_rates(rows: list[TraineeRound], rounds: list[Round], on: dt.date, min_cell: int) -> list[RoundRate]:
    out = []
    for r in rounds:
        mine = [row for row in rows if row.round == r.id]
        expected = sum(row.status != "withdrawn" for row in mine)
        answered = sum(row.status == "answered" for row in mine)
        if expected < min_cell:
            out.append(RoundRate(r.id, r.due, r.phase(on), None, None, None, None, suppressed=True))
            continue
        rate = round(100 * answered / expected, 1) if expected else None
        out.append(RoundRate(r.id, r.due, r.phase(on), expected, answered, rate, sum(row.status == "lost" for row in mine)))
    return out


def status_table(status: FollowupStatus) -> list[dict]:
    """One row per trainee and round, for printing or CSV."""
    return [{"cohort": status.cohort, "participant": r.participant, "round": r.round, "status": r.status,
             "due": r.due.isoformat(), "window_closes": r.closes.isoformat(),
             "answered_on": r.answered_on.isoformat() if r.answered_on else ""} for r in status.rows]
