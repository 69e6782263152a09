"""The SQLite store: one file, WAL, one row per annotation, FTS5 over normalised text."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager, nullcontext
from pathlib import Path
from typing import Any

from marsad.store.rows import search_body
from marsad.store.sql import SqlStore

# Old private name, kept for the tests that import it from here.
_search_body = search_body


class SqliteDialect:
    """SQLite's ways: ``?`` marks, ``lastrowid``, FTS5 (keyed by rowid), explicit BEGIN."""

    name = "sqlite"
    search_key = "rowid"
    search_sql = (
        "SELECT articles.id FROM article_search JOIN articles ON articles.num = "
        "article_search.rowid WHERE article_search MATCH ? ORDER BY rank LIMIT ?"
    )

    def __init__(self, path: Path) -> None:
        self.where = str(path)
        # autocommit mode: every transaction is an explicit BEGIN ... COMMIT of ours
        self.db = sqlite3.connect(path, isolation_level=None)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.execute("PRAGMA foreign_keys=ON")

    def placeholders(self, statement: str) -> str:
        return statement

    def insert(self, statement: str, values: Sequence[Any]) -> int:
        return int(self.db.execute(statement, values).lastrowid or 0)

    @contextmanager
    def transaction(self) -> Iterator[None]:
        self.db.execute("BEGIN IMMEDIATE")  # the write lock now, not at the first write
        try:
            yield
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT")

    def end_read(self) -> None:
        pass  # in autocommit mode a read ends with its statement

    def search_term(self, folded: str) -> str:
        """An FTS5 phrase: no operator in it can be interpreted."""
        return '"' + folded.replace('"', '""') + '"'

    def migration_lock(self) -> AbstractContextManager[object]:
        return nullcontext()  # each migration script takes the write lock itself

    def apply_migration(self, version: int, sql: str) -> None:
        script = (
            f"BEGIN IMMEDIATE;\n{sql}\nDELETE FROM schema_version;\n"
            f"INSERT INTO schema_version VALUES ({version});\nCOMMIT;"
        )
        try:
            self.db.executescript(script)
        except sqlite3.Error:
            if self.db.in_transaction:
                self.db.execute("ROLLBACK")
            raise


class Store(SqlStore):
    """Articles and all their layers in one SQLite file (use as a context manager)."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        super().__init__(SqliteDialect(self.path))
