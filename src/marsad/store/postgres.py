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
from urllib.parse import urlsplit

import psycopg
from psycopg import errors

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
        self.url = url
        self.where = _safe(url)

    def connect(self) -> psycopg.Connection[Any]:
        self.db: psycopg.Connection[Any] = psycopg.connect(self.url, autocommit=False)
        return self.db

    def claim(self) -> None:
        pass  # nothing kept in the database beyond the migrations

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

    def tables(self) -> set[str]:
        rows = self.db.execute(
            "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()"
        ).fetchall()
        return {r[0] for r in rows}

    @contextmanager
    def migration_lock(self) -> Iterator[None]:
        with self.db.transaction():
            self.db.execute("SELECT pg_advisory_xact_lock(%s)", (_MIGRATION_LOCK,))
            yield

    def run_script(self, sql: str) -> None:
        self.db.execute(sql.encode("utf-8"))  # the whole file, as one script

    def explain(self, error: Exception) -> str | None:
        if not isinstance(error, psycopg.Error):
            return None
        said = (str(error).strip() or type(error).__name__).splitlines()[0]
        password = _password(self.url)
        if password:  # libpq quotes a URL it cannot parse, password and all
            said = said.replace(password, "***")
        if isinstance(error, errors.DiskFull):
            return f"the server's disk is full ({said}); what was being written is rolled back"
        if isinstance(error, errors.ReadOnlySqlTransaction | errors.InsufficientPrivilege):
            return f"marsad may not write this database ({said}); give a URL that may"
        if not hasattr(self, "db"):  # failed to connect: a bad URL, or no server there
            return f"cannot connect ({said}); check the URL and that the server runs"
        return said


class PostgresStore(SqlStore):
    """Articles and all their layers in a PostgreSQL database (use as a context manager)."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.path = url  # what messages name, as SQLite's file path
        super().__init__(PostgresDialect(url))


def _password(url: str) -> str | None:
    try:
        return urlsplit(url).password
    except ValueError:
        return None


def _safe(url: str) -> str:
    """The URL without its password, for messages."""
    head, at, tail = url.rpartition("@")
    if not at or ":" not in head.split("//", 1)[-1]:
        return url
    scheme, _, user = head.partition("//")
    return f"{scheme}//{user.split(':', 1)[0]}:***@{tail}"
