"""The call's tables in the feedback store's database (SQLite by default, PostgreSQL by URL).

Every write is one transaction. Reads return pandas frames holding codes, never contacts;
:meth:`ApplicationStore.contacts` is the one way to names, e-mails and phones, and only the
notification lists call it.
"""
from __future__ import annotations

from pathlib import Path

import pandas as pd
from sqlalchemy import delete, select
from sqlalchemy.exc import DBAPIError

from ..feedback.store import default_url, make_engine
from ..feedback.submission import utc_now
from . import tables as t

CONTACT_COLUMNS = ["name", "email", "phone"]
APPLICATION_COLUMNS = ["applicant", "response_id", "source", "submitted_at"]
DECISION_COLUMNS = ["applicant", "status", "position", "score", "draw", "reason", "decided_at"]
SYNTHETIC_SOURCE = "synthetic"


class ApplicationStore:
    def __init__(self, url: str | None = None, *, cohort: str, root: Path | None = None):
        self.url = url or default_url(root)
        self.cohort = cohort
        self.engine = make_engine(self.url)
        try:
            t.metadata.create_all(self.engine)
        except DBAPIError:  # another process created the tables at the same moment
            t.metadata.create_all(self.engine)

    def _insert(self, table):
        if self.engine.dialect.name == "postgresql":
            from sqlalchemy.dialects.postgresql import insert
        else:
            from sqlalchemy.dialects.sqlite import insert
        return insert(table)

    def _frame(self, query, columns) -> pd.DataFrame:
        with self.engine.connect() as conn:
            # Plain tuples: pandas probes each SQLAlchemy Row for attributes, 10 times slower.
            return pd.DataFrame([tuple(r) for r in conn.execute(query).all()], columns=columns)

    # -- applications ------------------------------------------------------------------------

    def known_response_ids(self) -> set[str]:
        with self.engine.connect() as conn:
            query = select(t.applications.c.response_id).where(t.applications.c.cohort == self.cohort)
            return set(conn.execute(query).scalars())

    def known_codes(self) -> set[str]:
        with self.engine.connect() as conn:
            query = select(t.applications.c.applicant).where(t.applications.c.cohort == self.cohort)
            return set(conn.execute(query).scalars())

    def add(self, records: list[dict]) -> int:
        """Store applications in one transaction: each ``{"application": row, "answers": {q: v},
        "contact": {name, email, phone}}``. Response ids already stored are skipped."""
        now = utc_now()
        rows = [{**r["application"], "cohort": self.cohort, "stored_at": now} for r in records]
        if not rows:
            return 0
        with self.engine.begin() as conn:
            inserted = set()
            for start in range(0, len(rows), 500):
                statement = self._insert(t.applications).on_conflict_do_nothing().returning(t.applications.c.applicant)
                inserted.update(conn.execute(statement, rows[start:start + 500]).scalars())
            kept = [r for r in records if r["application"]["applicant"] in inserted]
            answers = [(self.cohort, r["application"]["applicant"], q, v) for r in kept for q, v in r["answers"].items()]
            contacts = [(self.cohort, r["application"]["applicant"], *(r["contact"].get(c) for c in CONTACT_COLUMNS))
                        for r in kept if any(r["contact"].values())]
            # Straight to the driver: 30,000 answer rows through SQLAlchemy's compiler cost seconds.
            _executemany(conn, t.application_answers, answers)
            _executemany(conn, t.applicant_contacts, contacts)
        return len(inserted)

    def applications(self) -> pd.DataFrame:
        """One row per applicant: code, response id, source, submitted_at, then one column per answer
        (personal answers are not among them: they are in the contacts table)."""
        base = self._frame(select(*(t.applications.c[c] for c in APPLICATION_COLUMNS))
                           .where(t.applications.c.cohort == self.cohort).order_by(t.applications.c.applicant),
                           APPLICATION_COLUMNS)
        a = t.application_answers.c
        answers = self._frame(select(a.applicant, a.question, a.value).where(a.cohort == self.cohort),
                              ["applicant", "question", "value"])
        if not answers.empty:
            wide = answers.pivot(index="applicant", columns="question", values="value").reset_index()
            wide.columns.name = None
            base = base.merge(wide, on="applicant", how="left")
        base["submitted_at"] = pd.to_datetime(base["submitted_at"], utc=True)
        return base

    def contacts(self, applicants=None) -> pd.DataFrame:
        """Names, e-mails and phones by code: for the notification lists, nothing else."""
        c = t.applicant_contacts.c
        query = select(c.applicant, *(c[x] for x in CONTACT_COLUMNS)).where(c.cohort == self.cohort)
        if applicants is not None:
            query = query.where(c.applicant.in_(list(applicants)))
        return self._frame(query.order_by(c.applicant), ["applicant", *CONTACT_COLUMNS])

    def is_synthetic(self) -> bool:
        with self.engine.connect() as conn:
            query = select(t.applications.c.source).where(t.applications.c.cohort == self.cohort).distinct()
            sources = set(conn.execute(query).scalars())
        return SYNTHETIC_SOURCE in sources

    # -- reviewers, assignments, scores ---------------------------------------------------------

    def set_reviewers(self, rows: list[dict]) -> None:
        with self.engine.begin() as conn:
            conn.execute(delete(t.reviewers).where(t.reviewers.c.cohort == self.cohort))
            if rows:
                conn.execute(t.reviewers.insert(), [{"cohort": self.cohort, **r} for r in rows])

    def reviewers(self) -> pd.DataFrame:
        r = t.reviewers.c
        return self._frame(select(r.reviewer, r.organisation).where(r.cohort == self.cohort).order_by(r.reviewer),
                           ["reviewer", "organisation"])

    def set_assignments(self, pairs: list[tuple[str, str]]) -> None:
        """Replace the assignments (applicant, reviewer) of the call."""
        with self.engine.begin() as conn:
            conn.execute(delete(t.assignments).where(t.assignments.c.cohort == self.cohort))
            if pairs:
                conn.execute(t.assignments.insert(), [{"cohort": self.cohort, "applicant": a, "reviewer": r} for a, r in pairs])

    def assignments(self) -> pd.DataFrame:
        a = t.assignments.c
        return self._frame(select(a.applicant, a.reviewer).where(a.cohort == self.cohort).order_by(a.reviewer, a.applicant),
                           ["applicant", "reviewer"])

    def put_scores(self, rows: list[dict]) -> int:
        """Add or correct scores (applicant, reviewer, criterion, score) in one transaction."""
        if not rows:
            return 0
        statement = self._insert(t.scores)
        statement = statement.on_conflict_do_update(index_elements=["cohort", "applicant", "reviewer", "criterion"],
                                                    set_={"score": statement.excluded.score})
        with self.engine.begin() as conn:
            conn.execute(statement, [{"cohort": self.cohort, **r} for r in rows])
        return len(rows)

    def scores(self) -> pd.DataFrame:
        s = t.scores.c
        return self._frame(select(s.applicant, s.reviewer, s.criterion, s.score).where(s.cohort == self.cohort)
                           .order_by(s.applicant, s.reviewer, s.criterion), ["applicant", "reviewer", "criterion", "score"])

    # -- decisions -----------------------------------------------------------------------------

    def set_decisions(self, rows: list[dict]) -> None:
        now = utc_now()
        with self.engine.begin() as conn:
            conn.execute(delete(t.decisions).where(t.decisions.c.cohort == self.cohort))
            if rows:
                conn.execute(t.decisions.insert(), [{"cohort": self.cohort, "decided_at": now, **r} for r in rows])

    def decisions(self) -> pd.DataFrame:
        d = t.decisions.c
        frame = self._frame(select(*(d[c] for c in DECISION_COLUMNS)).where(d.cohort == self.cohort), DECISION_COLUMNS)
        frame["position"] = frame["position"].astype("Int64")  # a waitlist place is a whole number or empty
        return frame.sort_values(["status", "position", "applicant"], na_position="last", ignore_index=True)

    def close(self) -> None:
        self.engine.dispose()


def _executemany(conn, table, rows: list[tuple]) -> None:
    if not rows:
        return
    mark = "?" if conn.dialect.paramstyle == "qmark" else "%s"
    names = [c.name for c in table.columns]
    conn.exec_driver_sql(f"INSERT INTO {table.name} ({', '.join(names)}) VALUES ({', '.join([mark] * len(names))})", rows)
