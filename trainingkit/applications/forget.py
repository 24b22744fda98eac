"""Erase one applicant's name, e-mail and phone everywhere in the store.

The contacts row is deleted, and the name, e-mail and phone are masked wherever an answer's
text holds them (an applicant may write their own name in a motivation; a colleague may name
them). On SQLite, deleted content is overwritten (``secure_delete``) and the write-ahead log is
checkpointed and emptied, so the bytes are gone from the database files too. The pseudonymous
record (answers, scores, decision) stays: the call's figures still add up.
"""
from __future__ import annotations

from sqlalchemy import delete, select, update

from ..errors import TrainingkitError
from ..evaluation.privacy import mask_text
from . import tables as t
from .store import CONTACT_COLUMNS, ApplicationStore


class ForgetError(TrainingkitError):
    pass


def forget(store: ApplicationStore, code: str) -> int:
    """Erase ``code``'s personal data; return the number of answers that were masked."""
    c, a = t.applicant_contacts.c, t.application_answers.c
    sqlite = store.engine.dialect.name == "sqlite"
    with store.engine.begin() as conn:
        if sqlite:
            conn.exec_driver_sql("PRAGMA secure_delete=ON")
        person = conn.execute(select(*(c[x] for x in CONTACT_COLUMNS))
                              .where(c.cohort == store.cohort, c.applicant == code)).first()
        if person is None:
            known = conn.execute(select(t.applications.c.applicant).where(
                t.applications.c.cohort == store.cohort, t.applications.c.applicant == code)).first()
            raise ForgetError(f"applicant '{code}': " + ("no personal data is stored (already forgotten)" if known
                                                          else f"not in the call of cohort '{store.cohort}'"))
        values = [v for v in person if v and v.strip()]
        masked = 0
        for applicant, question, value in conn.execute(select(a.applicant, a.question, a.value).where(a.cohort == store.cohort)).all():
            clean = _mask(value, values)
            if clean != value:
                conn.execute(update(t.application_answers).where(a.cohort == store.cohort, a.applicant == applicant,
                                                                 a.question == question).values(value=clean))
                masked += 1
        conn.execute(delete(t.applicant_contacts).where(c.cohort == store.cohort, c.applicant == code))
    if sqlite:  # outside any transaction: copy the log into the file and empty it
        raw = store.engine.raw_connection()
        try:
            raw.driver_connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            raw.close()
    return masked


def _mask(value: str, personal: list[str]) -> str:
    out = value
    for item in sorted(personal, key=len, reverse=True):
        if item.lower() in out.lower():
            out = mask_text(out, [item])
    return out
