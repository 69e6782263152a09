"""The PostgreSQL store: the SQLite store's schema, queries and interface on a shared server.

Selected by a ``postgresql://`` URL (``open_store``). Same tables and row mapping as
SQLite (``marsad.store.rows``); search is a phrase query over the normalised text as
``simple`` tsvector words (the server's database must be UTF-8 with a UTF-8 locale, so
that Arabic letters count as word characters).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from typing import Any

import psycopg

from marsad.store.sql import SqlStore

_MIGRATION_LOCK = 0x6D61727361  # advisory lock id: one migrating client at a time


class PostgresDialect:
    """PostgreSQL's ways: ``%s`` marks, ``RETURNING num``, tsvector search, advisory lock."""

    name = "postgres"
    search_key = "num"
    search_sql = (
        "SELECT articles.id FROM article_search JOIN articles USING (num), "
        "phraseto_tsquery('simple', ?) AS query WHERE tsv @@ query "
        "ORDER BY ts_rank(tsv, query) DESC, num LIMIT ?"
    )

    def __init__(self, url: str) -> None:
        self.where = _safe(url)
        self.db = psycopg.connect(url, autocommit=False)

    def placeholders(self, statement: str) -> str:
        return statement.replace("%", "%%").replace("?", "%s")

    def insert(self, statement: str, values: Sequence[Any]) -> int:
        row = self.db.execute(f"{statement} RETURNING num", values).fetchone()
        assert row is not None
        return int(row[0])

    def transaction(self) -> AbstractContextManager[object]:
        return self.db.transaction()

    def end_read(self) -> None:
        self.db.rollback()  # psycopg began a transaction for the read: end it

    def search_term(self, folded: str) -> str:
        return folded  # phraseto_tsquery reads words only: no operator syntax to escape

    @contextmanager
    def migration_lock(self) -> Iterator[None]:
        with self.db.transaction():
            self.db.execute("SELECT pg_advisory_xact_lock(%s)", (_MIGRATION_LOCK,))
            yield

    def apply_migration(self, version: int, sql: str) -> None:
        self.db.execute(sql.encode("utf-8"))  # the whole file, as one script
        self.db.execute("DELETE FROM schema_version")
        self.db.execute("INSERT INTO schema_version VALUES (%s)", (version,))


class PostgresStore(SqlStore):
    """Articles and all their layers in a PostgreSQL database (use as a context manager)."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.path = url  # what messages name, as SQLite's file path
        super().__init__(PostgresDialect(url))


def _safe(url: str) -> str:
    """The URL without its password, for messages."""
    head, at, tail = url.rpartition("@")
    if not at or ":" not in head.split("//", 1)[-1]:
        return url
    scheme, _, user = head.partition("//")
    return f"{scheme}//{user.split(':', 1)[0]}:***@{tail}"
