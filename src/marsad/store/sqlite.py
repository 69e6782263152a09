"""The SQLite store: one file, WAL, one row per annotation, FTS5 over normalised text.

A write waits ``BUSY_TIMEOUT`` for another writer; SQLite's errors (locked, read-only,
full, not a database, ...) are told as one-line reasons for ``StoreError``.
"""

from __future__ import annotations

import random
import sqlite3
import time
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager, suppress
from pathlib import Path
from typing import Any

from marsad.store.rows import search_body
from marsad.store.sql import SqlStore

# Old private name, kept for the tests that import it from here.
_search_body = search_body

BUSY_TIMEOUT = 30.0  # seconds a write waits for another writer's batch before giving up

# What a failure means, by SQLite's primary result code.
_REASONS: dict[int | None, str] = {
    sqlite3.SQLITE_BUSY: "the store is locked by another writer (waited {timeout:g} s); "
    "run again when it has finished",
    sqlite3.SQLITE_READONLY: "the store is read-only; give a store file marsad may write "
    "(--db), or make this one writable",
    sqlite3.SQLITE_FULL: "the disk is full (database or disk is full); what was being "
    "written is rolled back, none of it stored: free some space and run again",
    sqlite3.SQLITE_NOTADB: "not a marsad store (not an SQLite database); give a marsad "
    "store, or a new one to create",
    sqlite3.SQLITE_CANTOPEN: "cannot open the file; check that its folder exists and "
    "that marsad may write there",
    sqlite3.SQLITE_CORRUPT: "the store file is damaged (database disk image is malformed); "
    "restore it from a copy, or ingest again into a new one",
}


class SqliteDialect:
    """SQLite's ways: ``?`` marks, ``lastrowid``, FTS5 (keyed by rowid), explicit BEGIN."""

    name = "sqlite"
    search_key = "rowid"
    search_sql = (
        "SELECT articles.id FROM article_search JOIN articles ON articles.num = "
        "article_search.rowid WHERE article_search MATCH ? ORDER BY rank LIMIT ?"
    )

    def __init__(self, path: Path, timeout: float = BUSY_TIMEOUT) -> None:
        self.path = path
        self.where = str(path)
        self.timeout = timeout

    def connect(self) -> sqlite3.Connection:
        # autocommit mode: every transaction is an explicit BEGIN ... COMMIT of ours
        self.db = sqlite3.connect(self.path, timeout=self.timeout, isolation_level=None)
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.execute("PRAGMA foreign_keys=ON")
        return self.db

    def claim(self) -> None:
        """The WAL journal (kept in the file), in short waits tried again until the timeout.

        Clients that switch a new file at once each hold the others off (each has read
        the file and wants it alone) until all but one give up: one long wait would be
        spent entirely waiting.
        """
        deadline = time.monotonic() + self.timeout
        self.db.execute("PRAGMA busy_timeout = 50")
        while True:
            try:
                self.db.execute("PRAGMA journal_mode=WAL")
                break
            except sqlite3.OperationalError as error:
                if _primary(error) != sqlite3.SQLITE_BUSY or time.monotonic() > deadline:
                    raise
                time.sleep(random.uniform(0.0, 0.05))  # apart, so one of them gets it
        self.db.execute(f"PRAGMA busy_timeout = {round(self.timeout * 1000)}")

    def placeholders(self, statement: str) -> str:
        return statement

    def insert(self, statement: str, values: Sequence[Any]) -> int:
        return int(self.db.execute(statement, values).lastrowid or 0)

    @contextmanager
    def transaction(self) -> Iterator[None]:
        self.db.execute("BEGIN IMMEDIATE")  # the write lock now, not at the first write
        try:
            yield
            self.db.execute("COMMIT")
        except BaseException:
            # SQLite rolls back by itself after some errors (a full disk): a ROLLBACK then
            # fails ("no transaction is active") and must not hide the error that caused it
            if self.db.in_transaction:
                with suppress(sqlite3.Error):
                    self.db.execute("ROLLBACK")
            raise

    def end_read(self) -> None:
        pass  # in autocommit mode a read ends with its statement

    def search_term(self, folded: str) -> str:
        """An FTS5 phrase: no operator in it can be interpreted."""
        return '"' + folded.replace('"', '""') + '"'

    def tables(self) -> set[str]:
        rows = self.db.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()
        return {r[0] for r in rows if not r[0].startswith("sqlite_")}

    def migration_lock(self) -> AbstractContextManager[None]:
        return self.transaction()  # BEGIN IMMEDIATE: one writer, so one migrating client

    def run_script(self, sql: str) -> None:
        # statement by statement: executescript would COMMIT first, dropping the lock
        statement = ""
        for line in sql.splitlines(keepends=True):
            statement += line
            if sqlite3.complete_statement(statement):
                self.db.execute(statement)
                statement = ""
        if statement.strip():
            self.db.execute(statement)

    def explain(self, error: Exception) -> str | None:
        if not isinstance(error, sqlite3.Error):
            return None
        reason = _REASONS.get(_primary(error))
        return str(error) if reason is None else reason.format(timeout=self.timeout)


def _primary(error: sqlite3.Error) -> int | None:
    """SQLite's primary result code (SQLITE_BUSY for SQLITE_BUSY_SNAPSHOT, ...), if any."""
    code = getattr(error, "sqlite_errorcode", None)
    return None if code is None else code & 0xFF


class Store(SqlStore):
    """Articles and all their layers in one SQLite file (use as a context manager)."""

    def __init__(self, path: str | Path, timeout: float = BUSY_TIMEOUT) -> None:
        self.path = Path(path)
        super().__init__(SqliteDialect(self.path, timeout))
