"""What one SQL back end does its own way, and nothing more (``SqlStore`` does the rest)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from contextlib import AbstractContextManager
from typing import Any, Protocol


class Cursor(Protocol):
    """The part of a DB-API cursor the store uses (sqlite3's and psycopg's alike)."""

    def executemany(self, statement: str, rows: Iterable[Sequence[Any]], /) -> object: ...
    def fetchone(self) -> Any: ...
    def fetchall(self) -> list[Any]: ...
    def close(self) -> None: ...


class Connection(Protocol):
    """The part of a DB-API connection the store uses."""

    def execute(self, statement: str, params: Sequence[Any] = ..., /) -> Cursor: ...
    def cursor(self) -> Cursor: ...
    def close(self) -> None: ...


class Dialect(Protocol):
    """A back end's connection and its ways: marks, new row numbers, transactions, search,
    migrations, and what its errors mean."""

    name: str  # the migrations folder: migrations/<name>/
    where: str  # the store as messages name it (never with a password)
    search_key: str  # the column of article_search that holds articles.num
    search_sql: str  # ids of the articles matching (term, limit), best first, with ? marks

    def connect(self) -> Connection:
        """Open the connection (then also ``db``) with the back end's session settings;
        nothing in the database changes yet."""
        ...

    def claim(self) -> None:
        """Settings the database keeps (SQLite: its WAL journal), made once it is known to
        be a marsad store or empty."""
        ...

    @property
    def db(self) -> Connection:
        """The connection ``connect`` opened."""
        ...

    def placeholders(self, statement: str) -> str:
        """The statement with its ``?`` marks written as the driver wants them."""
        ...

    def insert(self, statement: str, values: Sequence[Any]) -> int:
        """Run an ``INSERT INTO articles`` (driver marks); the new row's ``num``."""
        ...

    def transaction(self) -> AbstractContextManager[object]:
        """A write transaction: committed on leaving, rolled back on an error."""
        ...

    def end_read(self) -> None:
        """End the transaction a read may have opened, so the next write starts afresh."""
        ...

    def search_term(self, folded: str) -> str:
        """The parameter of ``search_sql`` for a normalised query: one phrase, no operators."""
        ...

    def tables(self) -> set[str]:
        """The names of the tables in the database (the back end's own excepted)."""
        ...

    def migration_lock(self) -> AbstractContextManager[object]:
        """One transaction, held by one client at a time, for reading the schema version
        and applying the pending migrations."""
        ...

    def run_script(self, sql: str) -> None:
        """Run one migration file inside the migration transaction."""
        ...

    def explain(self, error: Exception) -> str | None:
        """What a driver error means for the user and what to do (one line, no password);
        None for an error that is not the driver's."""
        ...
