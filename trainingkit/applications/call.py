"""One call for applications: the course's rules over the store's data. The CLI's one door.

Each method does one step of the organiser's path and delegates the work to a pure module.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import pandas as pd

from ..course import Course
from ..errors import TrainingkitError
from . import assignment, decisions as dec, handoff, notify, scoring, sheets, waitlist
from .agreement import agreement
from .eligibility import eligibility
from .form import load_application_form
from .intake import IntakeReport, import_applications
from ..selection_rules import Selection
from .selection import Candidate, draw, select
from .store import ApplicationStore


class CallError(TrainingkitError):
    pass


@dataclass(eq=False)  # hashed by identity, for the cache of _read
class Call:
    course: Course
    store: ApplicationStore

    @cached_property
    def selection(self) -> Selection:
        if self.course.config.selection is None:
            raise CallError("course.yml has no selection: block (places, criteria, bounds, dates); see the README")
        return self.course.config.selection

    @cached_property
    def form(self):
        return load_application_form(self.course)

    @property
    def synthetic(self) -> bool:
        return self.store.is_synthetic()

    def import_file(self, path: Path, *, synthetic: bool = False) -> IntakeReport:
        report = import_applications(self.store, path, self.form, synthetic=synthetic)
        self._read.cache_clear()
        return report

    def applications(self) -> pd.DataFrame:
        return self._read()[0].copy()

    def eligibility(self) -> pd.DataFrame:
        return self._read()[1].copy()

    @functools.lru_cache(maxsize=1)  # noqa: B019  one Call serves one command; imports clear it
    def _read(self) -> tuple[pd.DataFrame, pd.DataFrame]:
        """The applications and their eligibility, read once: they change only by import."""
        apps = self.store.applications()
        if apps.empty:
            raise CallError(f"no applications in cohort '{self.store.cohort}': import some (trainingkit applications "
                            "import FILE) or try a synthetic call (trainingkit applications simulate)")
        table = eligibility(apps, self.selection, self.course.config.countries)
        return apps, table.merge(apps[["applicant", "country", "org_type", "member"]], on="applicant")

    def eligible(self) -> list[str]:
        table = self.eligibility()
        return sorted(table.loc[table["eligible"], "applicant"])

    # -- review ------------------------------------------------------------------------------

    def assign(self, reviewers_file: Path, seed: int | None = None) -> dict[str, int]:
        if not self.store.scores().empty:
            raise CallError("scores are already imported: the assignments are fixed (start a new cohort to redo them)")
        reviewers = assignment.read_reviewers(reviewers_file)
        apps = self.applications().set_index("applicant")
        codes = self.eligible()
        pairs = assignment.assign([(a, apps.at[a, "organisation"]) for a in codes],
                                  [(r["reviewer"], r["organisation"]) for r in reviewers],
                                  self.selection.reviewers_per_applicant, self.selection.seed if seed is None else seed)
        self.store.set_reviewers(reviewers)
        self.store.set_assignments(pairs)
        return {r["reviewer"]: assignment.loads(pairs).get(r["reviewer"], 0) for r in reviewers}

    def review_sheet(self, reviewer: str, *, blind: bool = True) -> pd.DataFrame:
        assigned = self.store.assignments()
        if reviewer not in set(self.store.reviewers()["reviewer"]):
            raise CallError(f"unknown reviewer '{reviewer}' (run trainingkit applications assign --reviewers FILE first)")
        mine = list(assigned.loc[assigned["reviewer"] == reviewer, "applicant"])
        return sheets.review_sheet(reviewer, mine, self.applications(), self.store.contacts(mine), self.store.scores(),
                                   self.selection, blind=blind, synthetic=self.synthetic)

    def import_scores(self, paths: list[Path]) -> int:
        pairs = set(self.store.assignments().itertuples(index=False, name=None))
        return self.store.put_scores(scoring.read_scores(paths, self.selection, pairs))

    def agreement(self) -> dict:
        return agreement(self.store.scores(), self.selection.criteria)

    def final_scores(self) -> pd.DataFrame:
        apps = self.applications()
        members = {r.applicant: r.member == "yes" for r in apps.itertuples()}
        return scoring.final_scores(self.store.scores(), self.selection, members)

    # -- selection ---------------------------------------------------------------------------

    def thinly_reviewed(self) -> list[str]:
        """Eligible applicants with fewer complete reviews than ``reviewers_per_applicant``."""
        finals = self.final_scores().set_index("applicant")["reviews"]
        return [c for c in self.eligible() if finals[c] < self.selection.reviewers_per_applicant]

    def candidates(self) -> list[Candidate]:
        """The eligible applicants with their final score and draw; every one must be scored."""
        codes = self.eligible()
        apps = self.applications().set_index("applicant")[["country", "organisation"]].to_dict("index")
        finals = self.final_scores().set_index("applicant")[["reviews", "final"]].to_dict("index")
        unscored = [c for c in codes if finals[c]["reviews"] == 0]
        if unscored:
            raise CallError(f"{len(unscored)} eligible applicant(s) have no complete review yet: "
                            f"{', '.join(unscored[:10])}{' …' if len(unscored) > 10 else ''}")
        draws = draw(codes, self.selection.seed)
        return [Candidate(c, apps[c]["country"], apps[c]["organisation"], float(finals[c]["final"]), draws[c]) for c in codes]

    def select(self, *, redo: bool = False) -> pd.DataFrame:
        stored = self.store.decisions()
        if not stored.empty and not redo:
            if (stored["status"] == dec.WITHDRAWN).any():
                raise CallError("the selection is made and someone has withdrawn: it stands (use --redo to start again)")
            raise CallError("the selection is already made (trainingkit applications select --redo makes it again)")
        candidates = self.candidates()
        table = self.eligibility()
        ineligible = {r.applicant: r.reasons for r in table.itertuples() if not r.eligible}
        chosen = select(candidates, self.selection)
        rows = dec.decide(candidates, chosen, ineligible, self.selection)
        self.store.set_decisions(rows)
        return self.decisions()

    def decisions(self) -> pd.DataFrame:
        frame = self.store.decisions()
        if frame.empty:
            raise CallError("no selection yet: run trainingkit applications select")
        order = {s: i for i, s in enumerate(dec.STATUS_ORDER)}
        frame = frame.assign(_o=frame["status"].map(order)).sort_values(["_o", "position", "score", "applicant"],
                                                                         ascending=[True, True, False, True])
        return frame.drop(columns="_o").reset_index(drop=True)

    def withdraw(self, code: str) -> str:
        rows = self.decisions().drop(columns=["decided_at"]).to_dict("records")
        for r in rows:  # pandas gives NaN for an empty position
            r["position"] = None if pd.isna(r["position"]) else int(r["position"])
            r["score"] = None if pd.isna(r["score"]) else float(r["score"])
        candidates = {c.applicant: c for c in self.candidates()}
        new_rows, message = waitlist.withdraw(rows, code, candidates, self.selection)
        self.store.set_decisions(new_rows)
        return message

    # -- after the selection -------------------------------------------------------------------

    def selected(self) -> list[str]:
        d = self.decisions()
        return sorted(d.loc[d["status"] == dec.SELECTED, "applicant"])

    def notify(self, outdir: Path) -> list[Path]:
        decisions = self.decisions()
        return notify.write_letters(decisions, self.store.contacts(decisions["applicant"]), outdir,
                                    self.course.config.title, self.selection, synthetic=self.synthetic)

    def forget(self, code: str) -> int:
        from .forget import forget

        masked = forget(self.store, code)
        self._read.cache_clear()  # answers that named the person are masked now
        return masked

    def roster(self) -> pd.DataFrame:
        return handoff.roster_rows(self.selected(), self.applications())
