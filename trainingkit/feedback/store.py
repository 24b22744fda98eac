"""The feedback store: responses in, tidy tables out. SQLite by default, PostgreSQL by URL.

Every write is one transaction. A response id already stored is skipped (idempotent), so a
double click, a retried upload or a re-imported file never stores a response twice; this holds
across processes because the database's primary key decides, not a check made before writing.
"""
from __future__ import annotations

import functools
import operator
import os
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
from sqlalchemy import and_, create_engine, event, func, or_, select
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError

from ..errors import TrainingkitError
from ..forms.model import Form, check_participant
from . import encodings, schema, tokens as token_rules
from .schema import answer_flags, answers as answers_table, counted_versions, participants, responses as responses_table, tokens
from .versions import OCCASION_QUESTION, mark_counted, replaced
from ..forms.response import Submission
from .submission import ANSWER_ROW, SubmissionError, content, prepare, utc_now

DB_ENV = "TRAININGKIT_DB"
DEFAULT_DB = "var/feedback.sqlite"  # under the course root; var/ is git-ignored
ANSWER_COLUMNS = ["response_id", "form_id", "participant", "submitted_at", "session", "question", "value",
                  "form_version", "source", "language", "cohort"]
RESPONSE_COLUMNS = ["response_id", "form_id", "form_version", "cohort", "participant", "source", "language",
                    "submitted_at", "stored_at"]
ROSTER_COLUMNS = ["participant", "country", "org_type", "member"]


def default_url(root: Path | None = None) -> str:
    """``TRAININGKIT_DB``, else ``sqlite:///<course root>/var/feedback.sqlite``."""
    if os.environ.get(DB_ENV):
        return os.environ[DB_ENV]
    if root is None:
        from ..paths import course_root

        root = course_root()
    return f"sqlite:///{Path(root).resolve() / DEFAULT_DB}"


def make_engine(url: str) -> Engine:
    engine = create_engine(url)
    if engine.dialect.name == "sqlite":
        database = engine.url.database
        if database and database != ":memory:":
            Path(database).parent.mkdir(parents=True, exist_ok=True)
        event.listen(engine, "connect", _sqlite_connect)
        event.listen(engine, "begin", _sqlite_begin)
    return engine


def _sqlite_connect(dbapi_connection, _record):
    # WAL lets readers work while one process writes; the busy timeout makes concurrent
    # writers wait for each other instead of failing.
    dbapi_connection.isolation_level = None  # transactions are begun by _sqlite_begin
    for pragma in ("journal_mode=WAL", "synchronous=NORMAL", "busy_timeout=30000", "foreign_keys=ON"):
        dbapi_connection.execute(f"PRAGMA {pragma}")


def _sqlite_begin(connection):
    # Take the write lock at BEGIN: a deferred transaction that upgrades later can fail at once
    # with "database is locked" when another process committed in between.
    connection.exec_driver_sql("BEGIN IMMEDIATE")


@dataclass
class StoreResult:
    stored: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # response ids already in the store
    answers: int = 0  # answer rows written


class FeedbackStore:
    """Feedback responses of one or more trainings (cohorts) in one database.

    ``forms`` (by id) and ``cohort`` default to the course's: its ``feedback/forms`` and
    ``course.yml`` cohort, from ``root`` or the course folder around the working directory.
    """

    def __init__(self, url: str | None = None, *, root: Path | None = None,
                 forms: dict[str, Form] | None = None, cohort: str | None = None):
        self._root = root
        self._forms = forms
        self._cohort = cohort
        self.url = url or default_url(root)
        self.engine = make_engine(self.url)
        self._verified = token_rules.VerifiedKeys()
        try:
            schema.metadata.create_all(self.engine)
        except DBAPIError:  # another process created the tables at the same moment
            schema.metadata.create_all(self.engine)

    def _course(self):
        from ..course import load_course
        from ..paths import course_root

        return load_course(self._root or course_root())

    @property
    def forms(self) -> dict[str, Form]:
        if self._forms is None:
            from ..forms.resolve import load_forms

            self._forms = load_forms(self._course())
        return self._forms

    @property
    def cohort(self) -> str:
        if self._cohort is None:
            self._cohort = self._course().config.cohort
        return self._cohort

    def _insert(self, table):
        if self.engine.dialect.name == "postgresql":
            from sqlalchemy.dialects.postgresql import insert
        else:
            from sqlalchemy.dialects.sqlite import insert
        return insert(table)

    # -- writing ---------------------------------------------------------------------------

    def submit(self, form_id: str, answers: dict, participant: str | None = None, response_id: str | None = None,
               source: str = "notebook", language: str | None = None, submitted_at=None) -> str:
        """Check and store one response; return its id. The same id submitted again is stored once.

        ``answers`` maps field names (``pace``, ``d1_s2_useful``) to values; a
        :class:`SubmissionError` lists every problem.
        """
        return self.save(Submission(form_id, answers, participant, response_id, source, language, submitted_at))

    def save(self, sub: Submission) -> str:
        """Store one :class:`Submission` (as the form widgets build them); return its response id."""
        result = self.submit_many([sub])
        return (result.stored or result.skipped)[0]

    def submit_many(self, submissions: list[Submission]) -> StoreResult:
        """Store all submissions in one transaction, or none: problems are raised before writing."""
        prepared, problems = self.prepare(submissions)
        if problems:
            raise SubmissionError(problems)
        return self.write(prepared)

    def prepare(self, submissions: list[Submission], rosters: dict[str, set[str]] | None = None):
        """Check every submission against its form and the roster: (rows to write, problems).

        ``rosters`` (cohort → codes) is filled as cohorts come; pass one dict to keep it over calls.
        """
        rosters = {} if rosters is None else rosters
        prepared, problems = [], []
        for sub in submissions:
            try:
                prepared.append(self.prepare_one(sub, rosters))
            except SubmissionError as exc:
                problems += exc.findings
        return prepared, problems

    def prepare_one(self, sub: Submission, rosters: dict[str, set[str]]):
        """One submission checked: its (response, answer rows), or :class:`SubmissionError`
        (an import calls this a million times, without the lists of :meth:`prepare`)."""
        cohort = sub.cohort or self.cohort
        roster = rosters.get(cohort)
        if roster is None:
            roster = rosters[cohort] = self.roster_codes(cohort)
        return prepare(sub, self.forms, cohort, roster)

    def write(self, prepared) -> StoreResult:
        """Write checked responses in one transaction; ids already stored are skipped."""
        result, unique, rows_by_id = StoreResult(), [], {}
        for response, rows in prepared:
            rid = response["response_id"]
            if rid in rows_by_id:  # the same id twice in one batch
                result.skipped.append(rid)
                continue
            rows_by_id[rid] = rows
            unique.append({**response, "stored_at": utc_now()})
        if not unique:
            return result
        with self.engine.begin() as conn:
            inserted, result.answers = self.insert_new(conn, unique, rows_by_id)
        for response in unique:
            (result.stored if response["response_id"] in inserted else result.skipped).append(response["response_id"])
        return result

    def insert_new(self, conn, responses: list[dict], rows_by_id: dict[str, list[tuple]]) -> tuple[set[str], int]:
        """Insert the responses whose id is not stored yet, and their answers, on ``conn`` (in
        its transaction): (ids inserted, answer rows written)."""
        inserted = _insert_responses(conn, responses)
        ids = (r["response_id"] for r in responses)  # in the caller's order: sorted ids fill index pages in turn
        rows = [row for rid in ids if rid in inserted for row in rows_by_id[rid]]
        if rows:
            _insert_answers(conn, rows)
            flags = encodings.flagged_rows(rows)
            if flags:
                conn.execute(answer_flags.insert(), [dict(zip(("response_id", "session", "question", "flag"), f)) for f in flags])
        return inserted, len(rows)

    def flagged_answers(self, flag: str = encodings.ZAWGYI) -> pd.DataFrame:
        """The stored answers carrying ``flag`` (Zawgyi by default): response_id, participant,
        form_id, session, question, value, so that an organiser can find and convert them."""
        a, f, r = answers_table.c, answer_flags.c, responses_table.c
        query = (select(a.response_id, r.participant, r.form_id, a.session, a.question, a.value)
                 .select_from(answers_table.join(answer_flags, and_(a.response_id == f.response_id, a.session == f.session,
                                                                    a.question == f.question))
                              .join(responses_table, r.response_id == a.response_id))
                 .where(f.flag == flag, r.cohort == self.cohort).order_by(a.response_id, a.session, a.question))
        with self.engine.connect() as conn:
            return pd.DataFrame(conn.execute(query).all(),
                                columns=["response_id", "participant", "form_id", "session", "question", "value"])

    def stored_content(self, conn, ids: list[str]) -> dict[str, tuple]:
        """What is stored under each id, as :func:`~.submission.content` gives it, to tell a
        response imported again from a different one with the same id."""
        found: dict[str, tuple[dict, list]] = {}
        columns = [responses_table.c[c] for c in RESPONSE_COLUMNS]
        for chunk in _chunks(ids, 500):
            for row in conn.execute(select(*columns).where(responses_table.c.response_id.in_(chunk))).mappings():
                found[row["response_id"]] = (dict(row), [])
            query = select(*(answers_table.c[c] for c in ANSWER_ROW)).where(answers_table.c.response_id.in_(chunk))
            for row in conn.execute(query):
                found[row[0]][1].append(tuple(row))
        return {rid: content(response, rows) for rid, (response, rows) in found.items()}

    # -- roster ----------------------------------------------------------------------------

    def set_roster(self, rows: list[dict], cohort: str | None = None) -> int:
        """Add or update participants (``participant, country, org_type, member``) of a cohort."""
        cohort = cohort or self.cohort
        records = [{"cohort": cohort, **{c: row.get(c) for c in ROSTER_COLUMNS}} for row in rows]
        if not records:
            return 0
        statement = self._insert(participants)
        statement = statement.on_conflict_do_update(
            index_elements=["cohort", "participant"],
            set_={c: statement.excluded[c] for c in ("country", "org_type", "member")},
        )
        with self.engine.begin() as conn:
            conn.execute(statement, records)
        return len(records)

    def roster_codes(self, cohort: str | None = None, conn=None) -> set[str]:
        """``conn``: read on that connection (an import's own, inside its transaction: on SQLite a
        second connection would wait for the write lock that transaction holds)."""
        query = select(participants.c.participant).where(participants.c.cohort == (cohort or self.cohort))
        if conn is not None:
            return set(conn.execute(query).scalars())
        with self.engine.connect() as conn:
            return set(conn.execute(query).scalars())

    def roster(self, cohort: str | None = None) -> pd.DataFrame:
        """The cohort's participants: codes and group attributes (the store keeps no names)."""
        query = select(*(participants.c[c] for c in ROSTER_COLUMNS)).where(participants.c.cohort == (cohort or self.cohort))
        return self._frame(query.order_by(participants.c.participant), ROSTER_COLUMNS)

    # -- reading ---------------------------------------------------------------------------

    def responses(self, form_id: str | None = None, cohort: str | None = None, versions: str = "counted") -> pd.DataFrame:
        """One row per response that counts, oldest first; times are UTC.

        A response counts unless another version of it (same participant, form and occasion)
        does: the one an organiser marked, else the latest. ``versions="all"`` gives every
        stored version, with its ``occasion`` and whether it is ``marked`` and ``counts``.
        """
        if versions not in ("counted", "all"):
            raise ValueError(f"versions is 'counted' or 'all', not {versions!r}")
        frame = self._versions(form_id, cohort)
        if versions == "all":
            return frame
        return frame[frame["counts"]][RESPONSE_COLUMNS].reset_index(drop=True)

    def replaced_count(self, form_id: str | None = None, cohort: str | None = None) -> int:
        """How many stored responses were replaced by a later (or a marked) version: the
        evaluation states this figure beside the responses it counts."""
        return replaced(self._versions(form_id, cohort))

    def history(self, participant: str, cohort: str | None = None) -> pd.DataFrame:
        """Every version of every response of ``participant`` in ``cohort`` (default the course's)."""
        code = check_participant(participant)
        frame = self._versions(None, cohort or self.cohort)
        return frame[frame["participant"] == code].reset_index(drop=True)

    def mark_version(self, response_id: str) -> dict:
        """Make ``response_id`` the version that counts for its participant, form and occasion;
        the others stay stored. Returns the marked response's row."""
        frame = self._versions(None, None, response_id)
        if frame.empty:
            raise TrainingkitError(f"no response '{response_id}' in the store")
        row = frame.iloc[0].to_dict()
        if row["participant"] is None:
            raise TrainingkitError(f"response '{response_id}' has no participant code: every anonymous response counts")
        record = {k: row[k] for k in ("cohort", "participant", "form_id", "occasion")}
        statement = self._insert(counted_versions).values(**record, response_id=response_id, marked_at=utc_now())
        statement = statement.on_conflict_do_update(
            index_elements=list(record), set_={"response_id": response_id, "marked_at": statement.excluded.marked_at})
        with self.engine.begin() as conn:
            conn.execute(statement)
        return row

    def _versions(self, form_id, cohort, response_id: str | None = None) -> pd.DataFrame:
        r, occ = responses_table, answers_table.alias("occ")
        names_occasion = or_(*(and_(r.c.form_id == f, occ.c.question == q) for f, q in OCCASION_QUESTION.items()))
        join = r.outerjoin(occ, and_(occ.c.response_id == r.c.response_id, occ.c.session == schema.NO_SESSION, names_occasion))
        query = select(*(r.c[c] for c in RESPONSE_COLUMNS), func.coalesce(occ.c.value, "").label("occasion")).select_from(join)
        query = _filtered(query, form_id, cohort)
        if response_id is not None:
            query = query.where(r.c.response_id == response_id)
        frame = self._frame(query.order_by(r.c.submitted_at, r.c.response_id), [*RESPONSE_COLUMNS, "occasion"])
        frame["participant"] = frame["participant"].astype(object).where(frame["participant"].notna(), None)
        for column in ("submitted_at", "stored_at"):
            frame[column] = pd.to_datetime(frame[column], utc=True)
        with self.engine.connect() as conn:
            marks = select(counted_versions.c.response_id)
            if cohort:
                marks = marks.where(counted_versions.c.cohort == cohort)
            marked = set(conn.execute(marks).scalars())
        return mark_counted(frame, marked)

    def has_response(self, response_id: str) -> bool:
        with self.engine.connect() as conn:
            query = select(responses_table.c.response_id).where(responses_table.c.response_id == response_id)
            return conn.execute(query).first() is not None

    def submissions_since(self, participant: str, form_id: str, since, cohort: str | None = None) -> int:
        """How many responses ``participant`` stored for ``form_id`` from ``since`` (UTC) on."""
        r = responses_table.c
        query = select(func.count()).where(r.cohort == (cohort or self.cohort), r.participant == participant,
                                           r.form_id == form_id, r.stored_at >= since)
        with self.engine.connect() as conn:
            return conn.execute(query).scalar()

    # -- tokens ----------------------------------------------------------------------------

    def set_tokens(self, plain: dict[str, str], cohort: str | None = None) -> int:
        """Keep a salted hash of each participant's token (replacing an older one)."""
        records = []
        for code, token in plain.items():
            salt = token_rules.new_salt()
            records.append({"cohort": cohort or self.cohort, "participant": code, "salt": salt,
                            "token_hash": token_rules.hash_token(token, salt), "created_at": utc_now()})
        if not records:
            return 0
        statement = self._insert(tokens)
        statement = statement.on_conflict_do_update(
            index_elements=["cohort", "participant"],
            set_={c: statement.excluded[c] for c in ("salt", "token_hash", "created_at")})
        with self.engine.begin() as conn:
            conn.execute(statement, records)
        return len(records)

    def token_codes(self, cohort: str | None = None) -> set[str]:
        """The participants of ``cohort`` who have a token."""
        with self.engine.connect() as conn:
            return set(conn.execute(select(tokens.c.participant).where(tokens.c.cohort == (cohort or self.cohort))).scalars())

    def token_matches(self, participant: str | None, token: str | None, cohort: str | None = None) -> bool:
        """Whether ``token`` is ``participant``'s. An unknown or malformed code costs the same
        time as a wrong token, so timing does not tell a stranger which codes exist."""
        try:
            code = check_participant(participant)
        except ValueError:
            code = None
        row = None
        if code:
            with self.engine.connect() as conn:
                query = select(tokens.c.salt, tokens.c.token_hash).where(
                    tokens.c.cohort == (cohort or self.cohort), tokens.c.participant == code)
                row = conn.execute(query).first()
        if row is None:
            token_rules.matches(token or "", token_rules.DECOY_SALT, token_rules.DECOY_HASH)
            return False
        if self._verified.known(code, row.token_hash, token or ""):
            return True
        ok = token_rules.matches(token or "", row.salt, row.token_hash)
        if ok:
            self._verified.remember(code, row.token_hash, token or "")
        return ok

    def answers(self, form_id: str | None = None, cohort: str | None = None, versions: str = "all") -> pd.DataFrame:
        """One row per answer, in the tidy columns plus ``form_version, source, language, cohort``.

        ``session`` is ``""`` where a question is not about one session; ``value`` is text
        (numbers as ``"4"``, a select_multiple as space-separated choice names).
        ``versions="counted"``: only the answers of the responses that count, by the rule of
        :meth:`responses` (the marked version, else the latest).
        """
        if versions not in ("counted", "all"):
            raise ValueError(f"versions is 'counted' or 'all', not {versions!r}")
        r, a = responses_table.c, answers_table.c
        columns = [a[c] if c in ("session", "question", "value", "response_id") else r[c] for c in ANSWER_COLUMNS]
        query = select(*columns).select_from(answers_table.join(responses_table))
        query = _filtered(query, form_id, cohort).order_by(r.submitted_at, a.response_id, a.session, a.question)
        frame = self._frame(query, ANSWER_COLUMNS)
        frame["submitted_at"] = pd.to_datetime(frame["submitted_at"], utc=True)
        if versions == "counted":
            heads = self._versions(form_id, cohort)
            frame = frame[frame["response_id"].isin(heads.loc[heads["counts"], "response_id"])].reset_index(drop=True)
        return frame

    def _frame(self, query, columns: list[str]) -> pd.DataFrame:
        with self.engine.connect() as conn:
            return pd.DataFrame(conn.execute(query).all(), columns=columns)

    def close(self) -> None:
        self.engine.dispose()


def _filtered(query, form_id, cohort):
    if form_id:
        query = query.where(responses_table.c.form_id == form_id)
    if cohort:
        query = query.where(responses_table.c.cohort == cohort)
    return query


def _insert_answers(conn, rows: list[tuple]) -> None:
    """One driver-level executemany: building 100,000 parameter sets through SQLAlchemy's
    compiler costs seconds; the rows are already checked, so they go straight to the driver."""
    mark = "?" if conn.dialect.paramstyle == "qmark" else "%s"
    sql = f"INSERT INTO {answers_table.name} ({', '.join(ANSWER_ROW)}) VALUES ({', '.join([mark] * len(ANSWER_ROW))})"
    conn.exec_driver_sql(sql, rows)


def _insert_responses(conn, responses: list[dict]) -> set[str]:
    """Insert responses whose id is new, 500 to a statement; return the ids inserted. The
    statement is written here, as for the answers, to skip SQLAlchemy's work per row (a million
    rows come from one import); the dialect's own converters still make each value."""
    mark = "?" if conn.dialect.paramstyle == "qmark" else "%s"
    columns = RESPONSE_COLUMNS
    converters = ((i, responses_table.c[c].type.dialect_impl(conn.dialect).bind_processor(conn.dialect))
                  for i, c in enumerate(columns))
    bind = [(i, functools.lru_cache(maxsize=4096)(f)) for i, f in converters if f]  # an import's dates repeat
    values_of = operator.itemgetter(*columns)
    inserted = set()
    for chunk in _chunks(responses, 500):
        values = ", ".join([f"({', '.join([mark] * len(columns))})"] * len(chunk))
        sql = (f"INSERT INTO {responses_table.name} ({', '.join(columns)}) VALUES {values} "
               "ON CONFLICT (response_id) DO NOTHING RETURNING response_id")
        params = []
        for response in chunk:
            row = list(values_of(response))
            for i, convert in bind:  # SQLite: dates as SQLAlchemy writes them
                row[i] = convert(row[i])
            params += row
        inserted.update(row[0] for row in conn.exec_driver_sql(sql, tuple(params)))
    return inserted


def _chunks(items: list, size: int):
    for start in range(0, len(items), size):
        yield items[start:start + size]
