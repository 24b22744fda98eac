"""Follow-up tables beside the feedback store's own, in the same database.

Codes only, as in the roster: a withdrawal records that a trainee stopped, not who they are.
A plan is stored whole per trainee and version: a changed plan is a new version, the old one
stays.
"""
from __future__ import annotations

from sqlalchemy import Column, Date, DateTime, Engine, Integer, MetaData, PrimaryKeyConstraint, String, Table, Text
from sqlalchemy.exc import DBAPIError

metadata = MetaData()

withdrawals = Table(
    "followup_withdrawals",
    metadata,
    Column("cohort", String(64), nullable=False),
    Column("participant", String(32), nullable=False),
    Column("withdrawn_on", Date, nullable=False),
    Column("stored_at", DateTime, nullable=False, comment="UTC"),
    PrimaryKeyConstraint("cohort", "participant"),
)

plan_actions = Table(
    "plan_actions",
    metadata,
    Column("cohort", String(64), nullable=False),
    Column("participant", String(32), nullable=False),
    Column("version", Integer, nullable=False),
    Column("action_id", String(16), nullable=False),
    Column("kind", String(32)),  # a choice of the followup form's `actions` list
    Column("action", Text, nullable=False),
    Column("due", Date),
    Column("indicator", Text, nullable=False, default=""),
    Column("source", String(255), nullable=False),
    Column("stored_at", DateTime, nullable=False, comment="UTC"),
    PrimaryKeyConstraint("cohort", "participant", "version", "action_id"),
)


def ensure_tables(engine: Engine) -> None:
    try:
        metadata.create_all(engine)
    except DBAPIError:  # another process created them at the same moment
        metadata.create_all(engine)
