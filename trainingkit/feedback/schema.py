"""The feedback store's tables (SQLAlchemy Core, one ``MetaData``), the same on SQLite and PostgreSQL.

Responses and their answers are apart from the roster, and the roster holds codes and group
attributes only: the store never keeps a name. Several trainings share a store through
``cohort``; ``form_version`` and ``source`` say what was asked and how it came in.
"""
from __future__ import annotations

from sqlalchemy import (
    Boolean, Column, DateTime, ForeignKey, Index, Integer, MetaData, PrimaryKeyConstraint, String, Table, Text,
)

SOURCES = ("notebook", "web", "kobo", "odk", "paper", "tidy")
NO_SESSION = ""  # answers not about one session; part of the primary key, so not NULL

metadata = MetaData()

responses = Table(
    "responses",
    metadata,
    Column("response_id", String(64), primary_key=True),
    Column("cohort", String(64), nullable=False),
    Column("form_id", String(32), nullable=False),
    Column("form_version", Integer, nullable=False),
    Column("participant", String(32)),
    Column("source", String(16), nullable=False),
    Column("language", String(8)),
    Column("submitted_at", DateTime, nullable=False, comment="UTC"),
    Column("stored_at", DateTime, nullable=False, comment="UTC"),
    Index("ix_responses_cohort_form", "cohort", "form_id"),
)

answers = Table(
    "answers",
    metadata,
    Column("response_id", String(64), ForeignKey("responses.response_id", ondelete="CASCADE"), nullable=False),
    Column("session", String(16), nullable=False, default=NO_SESSION),
    Column("question", String(64), nullable=False),
    # Text for every type: "4", "afml media", free text; the evaluation converts numbers.
    Column("value", Text, nullable=False),
    PrimaryKeyConstraint("response_id", "session", "question"),
)

participants = Table(
    "participants",
    metadata,
    Column("cohort", String(64), nullable=False),
    Column("participant", String(32), nullable=False),
    Column("country", String(64)),
    Column("org_type", String(64)),
    Column("member", Boolean),
    PrimaryKeyConstraint("cohort", "participant"),
)

# A trainee's secret token for the web forms, as a salted scrypt hash: the plain token exists
# only on the organiser's slips and CSV, never in the store.
tokens = Table(
    "tokens",
    metadata,
    Column("cohort", String(64), nullable=False),
    Column("participant", String(32), nullable=False),
    Column("salt", String(32), nullable=False, comment="hex"),
    Column("token_hash", String(128), nullable=False, comment="hex of hashlib.scrypt"),
    Column("created_at", DateTime, nullable=False, comment="UTC"),
    PrimaryKeyConstraint("cohort", "participant"),
)

# The version an organiser chose to count for one participant, form and occasion (the day of a
# daily form, the round of a follow-up; "" otherwise). Without a row here the latest counts.
# Versions themselves are rows of ``responses``: none is ever deleted.
counted_versions = Table(
    "counted_versions",
    metadata,
    Column("cohort", String(64), nullable=False),
    Column("participant", String(32), nullable=False),
    Column("form_id", String(32), nullable=False),
    Column("occasion", String(16), nullable=False),
    Column("response_id", String(64), ForeignKey("responses.response_id"), nullable=False),
    Column("marked_at", DateTime, nullable=False, comment="UTC"),
    PrimaryKeyConstraint("cohort", "participant", "form_id", "occasion"),
)

# Answers stored as typed but not to be read as ordinary Unicode text: ``flag`` is "zawgyi" for
# Burmese typed in the Zawgyi encoding (see trainingkit/feedback/encodings.py). A table of its
# own, so that stores made before it gain it from ``create_all`` without a migration.
answer_flags = Table(
    "answer_flags",
    metadata,
    Column("response_id", String(64), ForeignKey("responses.response_id", ondelete="CASCADE"), nullable=False),
    Column("session", String(16), nullable=False, default=NO_SESSION),
    Column("question", String(64), nullable=False),
    Column("flag", String(16), nullable=False),
    PrimaryKeyConstraint("response_id", "session", "question", "flag"),
)
