"""Check submissions as they stream in and store them whole or not at all.

Each response is checked against its form and roster as it comes. While no problem has been
found, checked responses are written in batches inside one transaction; at the first problem
writing stops (checking goes on, to report every problem) and at the end the transaction is
rolled back, so the store is as before. A process killed half-way leaves nothing: the
transaction was never committed.

A response id seen twice is one response given twice when its content is the same (skipped and
counted) and a conflict when it is not: two lines of the file, or the file and the store, hold
different answers under one id, and the file is refused.
"""
from __future__ import annotations

from pathlib import Path

from sqlalchemy.exc import DBAPIError

from ..encodings import is_zawgyi
from ..store import FeedbackStore
from ...errors import WARNING, Finding, ImportRejected, Location, TrainingkitError
from ...forms.response import Submission
from ..submission import SubmissionError, content, utc_now

BATCH = 5000  # responses written at a time: memory stays small, round trips few
MAX_PROBLEMS = 200  # problems kept to report; the rest are counted
LINE_BITS = 40
LINE_MASK, DIGEST_MASK = (1 << LINE_BITS) - 1, (1 << 64) - 1
SQLITE_CACHE_KB = 98304  # while importing: random ids churn the index pages; 1 M rows took 58.8 s and 422 MB with 96 MB, 61.8 s and 386 MB with 64 MB


class StoreWriteError(TrainingkitError):
    """The database refused to write (busy, full, gone): nothing was imported."""


class Loader:
    """``with Loader(store, path) as loader: loader.add(item) …; loader.commit()``."""

    def __init__(self, store: FeedbackStore, path: Path):
        self.store, self.path = store, path
        self.rosters: dict[str, set[str]] = {}
        self.seen: dict[str, int] = {}  # response id → hash of its content and line, packed: 1 M ids in 150 MB
        self.problems: list[Finding] = []
        self.more_problems = 0
        self.pending: list[tuple[dict, list[tuple], Submission]] = []
        self.forms: set[str] = set()
        self.zawgyi: list[Finding] = []  # answers stored as typed and flagged, to name in the report
        self.more_zawgyi = 0
        self.stored = self.skipped = self.answers = 0
        self.conn = self.transaction = None

    def __enter__(self) -> "Loader":
        return self

    def __exit__(self, *exc) -> None:
        if self.transaction is not None and self.transaction.is_active:
            self.transaction.rollback()
        if self.conn is not None:
            if self.conn.dialect.name == "sqlite":  # as the store sets them, for the connection's next user
                raw = self.conn.connection.dbapi_connection  # outside any transaction now: pragmas take effect
                raw.execute("PRAGMA cache_size=-2000")
                raw.execute("PRAGMA foreign_keys=ON")
            self.conn.close()

    def problem(self, problem: Finding) -> None:
        if len(self.problems) < MAX_PROBLEMS:
            self.problems.append(problem)
        else:
            self.more_problems += 1

    def add(self, item: Submission | Finding) -> None:
        if isinstance(item, Finding):
            self.problem(item)
            return
        cohort = item.cohort or self.store.cohort
        if cohort not in self.rosters and self.conn is not None:  # a new cohort once writing has begun
            self.rosters[cohort] = self.store.roster_codes(cohort, self.conn)
        try:
            response, rows = self.store.prepare_one(item, self.rosters)
        except SubmissionError as exc:
            for p in exc.findings:
                self.problem(p)
            return
        rid = response["response_id"]
        # What content() compares, hashed without sorting: a set of (id, session, question, value)
        digest = hash((response["cohort"], response["form_id"], response["participant"], response["submitted_at"],
                       frozenset(rows))) & DIGEST_MASK
        if rid in self.seen:
            line, earlier = self.seen[rid] & LINE_MASK, self.seen[rid] >> LINE_BITS
            if earlier == digest:
                self.skipped += 1
            else:
                self.problem(Finding.about("response_id", f"line {line} has the same response id with other answers; "
                                                    "each response needs an id of its own (a copy, or a typing slip?)",
                                     *_origin(item)))
            return
        self.seen[rid] = digest << LINE_BITS | (item.line or 0)
        self.forms.add(response["form_id"])
        if self.problems:
            return  # nothing will be written: keep checking only
        self._note_zawgyi(item)
        self.pending.append((response, rows, item))
        if len(self.pending) >= BATCH:
            self._write()

    def _note_zawgyi(self, item: Submission) -> None:
        for name, value in item.answers.items():
            if isinstance(value, str) and not value.isascii() and is_zawgyi(value):  # ASCII first: the usual case, cheaply
                if len(self.zawgyi) >= MAX_PROBLEMS:
                    self.more_zawgyi += 1
                    continue
                line, column = item.origins.get(name, (item.line, None))
                self.zawgyi.append(Finding(
                    Location(path=str(self.path), line=line, column=column or name, key=name),
                    "Burmese in the Zawgyi encoding: stored as typed and flagged ('trainingkit feedback flagged' "
                    "lists them); convert it to Unicode before reading it with the other comments", severity=WARNING))

    def commit(self) -> None:
        """Write what is left and commit; :class:`ImportRejected` with every problem instead."""
        if not self.problems:
            self._write()
        if self.problems:
            raise ImportRejected(self.path, self.problems, self.more_problems)
        if self.transaction is not None:
            try:
                self.transaction.commit()
            except DBAPIError as exc:  # a full disk, a lost server
                raise StoreWriteError(f"{self.path}: the store could not be written ({_reason(exc)}); "
                                      "nothing was imported: try again") from None

    def _write(self) -> None:
        if not self.pending:
            return
        batch, self.pending = self.pending, []
        try:
            if self.conn is None:
                self.conn = self.store.engine.connect()
                if self.conn.dialect.name == "sqlite":
                    # Each answer is written with the response it belongs to, in the same statement
                    # batch (Store.insert_new), so the foreign key holds by construction: checking it
                    # would look up a random id in the responses index for each of 4 M answers.
                    # The pragma must be set outside a transaction; __exit__ sets it back.
                    self.conn.connection.dbapi_connection.execute("PRAGMA foreign_keys=OFF")
                self.transaction = self.conn.begin()
                if self.conn.dialect.name == "sqlite":  # random ids: the id indexes want more than 2 MB of cache
                    self.conn.exec_driver_sql(f"PRAGMA cache_size=-{SQLITE_CACHE_KB}")
            try:
                with self.conn.begin_nested():  # a refused batch must not end the transaction
                    inserted, answers = self._insert(batch)
            except DBAPIError as exc:
                self._find_refused(batch, exc)
                return
            self._compare_with_store([b for b in batch if b[0]["response_id"] not in inserted])
        except DBAPIError as exc:
            raise StoreWriteError(f"{self.path}: the store could not be written ({_reason(exc)}); "
                                  "nothing was imported: try again") from None
        self.stored += len(inserted)
        self.answers += answers

    def _insert(self, batch) -> tuple[set[str], int]:
        now = utc_now()
        batch = sorted(batch, key=lambda b: b[0]["response_id"])  # neighbours in the id index: fewer pages touched
        responses = [{**response, "stored_at": now} for response, _, _ in batch]
        return self.store.insert_new(self.conn, responses, {r["response_id"]: rows for r, rows, _ in batch})

    def _compare_with_store(self, already) -> None:
        """Ids already stored: the same content is skipped and counted; other content is refused."""
        if not already:
            return
        stored = self.store.stored_content(self.conn, [response["response_id"] for response, _, _ in already])
        for response, rows, sub in already:
            rid = response["response_id"]
            if stored.get(rid) == content(response, rows):
                self.skipped += 1
                continue
            who = response["participant"] or "CODE"
            line, column = _origin(sub)
            self.problem(Finding.about("response_id", f"response '{rid}' is already stored with other answers, and an import "
                                                f"never replaces one: see its versions with 'trainingkit feedback history {who}'; "
                                                f"to store the change, give this line a new {column or 'response id'}: it is kept "
                                                "as a new version, and the latest counts (or the one chosen with --count)",
                                 line, column))

    def _find_refused(self, batch, exc: DBAPIError) -> None:
        """The database refused a batch that passed every check: name the response(s) it refuses."""
        found = False
        for one in batch:
            try:
                with self.conn.begin_nested():
                    self._insert([one])
            except DBAPIError as single:
                found = True
                self.problem(Finding.about("response", f"the database refuses this response ({_reason(single)})", *_origin(one[2])))
        if not found:
            raise exc


def _origin(sub: Submission) -> tuple[int | None, str | None]:
    return sub.origins.get("response_id", (sub.line, None))


def _reason(exc: DBAPIError) -> str:
    return str(exc.orig).strip().splitlines()[0] if exc.orig is not None else str(exc).splitlines()[0]
