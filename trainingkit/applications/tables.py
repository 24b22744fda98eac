"""The tables of a call, in the feedback store's database but in their own ``MetaData``.

An applicant is a pseudonymous code (``applicant``). Names, e-mails and phones are in
``applicant_contacts`` only; every other table, and everything analysed or exported from them,
holds the code. Every table has ``cohort``: one database serves several calls.
"""
from __future__ import annotations

from sqlalchemy import (
    Column, DateTime, Float, ForeignKeyConstraint, Integer, MetaData, PrimaryKeyConstraint, String, Table, Text,
    UniqueConstraint,
)

metadata = MetaData()
CODE = String(16)

applications = Table(
    "applications", metadata,
    Column("cohort", String(64), nullable=False),
    Column("applicant", CODE, nullable=False),
    Column("response_id", String(64), nullable=False, comment="the export's id: a re-import stores it once"),
    Column("source", String(16), nullable=False),
    Column("submitted_at", DateTime, nullable=False, comment="UTC"),
    Column("stored_at", DateTime, nullable=False, comment="UTC"),
    PrimaryKeyConstraint("cohort", "applicant"),
    UniqueConstraint("cohort", "response_id"),
)

_APPLICANT = lambda name: ForeignKeyConstraint(  # noqa: E731
    ["cohort", "applicant"], ["applications.cohort", "applications.applicant"], ondelete="CASCADE", name=name)

application_answers = Table(
    "application_answers", metadata,
    Column("cohort", String(64), nullable=False),
    Column("applicant", CODE, nullable=False),
    Column("question", String(64), nullable=False),
    Column("value", Text, nullable=False),
    PrimaryKeyConstraint("cohort", "applicant", "question"),
    _APPLICANT("fk_answers_applicant"),
)

applicant_contacts = Table(
    "applicant_contacts", metadata,
    Column("cohort", String(64), nullable=False),
    Column("applicant", CODE, nullable=False),
    Column("name", Text),
    Column("email", Text),
    Column("phone", Text),
    PrimaryKeyConstraint("cohort", "applicant"),
    _APPLICANT("fk_contacts_applicant"),
)

reviewers = Table(
    "reviewers", metadata,
    Column("cohort", String(64), nullable=False),
    Column("reviewer", String(64), nullable=False),
    Column("organisation", Text, nullable=False),
    PrimaryKeyConstraint("cohort", "reviewer"),
)

assignments = Table(
    "review_assignments", metadata,
    Column("cohort", String(64), nullable=False),
    Column("applicant", CODE, nullable=False),
    Column("reviewer", String(64), nullable=False),
    PrimaryKeyConstraint("cohort", "applicant", "reviewer"),
    _APPLICANT("fk_assignments_applicant"),
)

scores = Table(
    "review_scores", metadata,
    Column("cohort", String(64), nullable=False),
    Column("applicant", CODE, nullable=False),
    Column("reviewer", String(64), nullable=False),
    Column("criterion", String(64), nullable=False),
    Column("score", Integer, nullable=False),
    PrimaryKeyConstraint("cohort", "applicant", "reviewer", "criterion"),
    _APPLICANT("fk_scores_applicant"),
)

decisions = Table(
    "selection_decisions", metadata,
    Column("cohort", String(64), nullable=False),
    Column("applicant", CODE, nullable=False),
    Column("status", String(16), nullable=False, comment="selected, waitlist, not_selected, ineligible, withdrawn"),
    Column("position", Integer, comment="place on the waitlist, 1 first"),
    Column("score", Float),
    Column("draw", Integer, nullable=False, comment="the seeded tie-break draw"),
    Column("reason", Text, nullable=False),
    Column("decided_at", DateTime, nullable=False, comment="UTC"),
    PrimaryKeyConstraint("cohort", "applicant"),
    _APPLICANT("fk_decisions_applicant"),
)
