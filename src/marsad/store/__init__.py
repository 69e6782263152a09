"""Persistent storage of articles and their layers: SQLite (a file) or PostgreSQL (a URL).

Both back ends are one store (``sql.SqlStore``) over a small dialect each (``sqlite``,
``postgres``: what the back end does its own way), with one row mapping (``rows``) and
numbered migrations (``migrations/<dialect>/NNNN_*.sql``); ``open_store`` picks by the
location given. What a back end fails at is raised as one ``StoreError``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from types import TracebackType
from typing import Protocol

from marsad.model import Article
from marsad.store.errors import StoreError
from marsad.store.migrate import SCHEMA_VERSION
from marsad.store.sqlite import Store

POSTGRES_SCHEMES = ("postgresql://", "postgres://")


class ArticleStore(Protocol):
    """What every back end offers (use as a context manager)."""

    def save(self, article: Article) -> bool: ...
    def save_many(self, articles: Iterable[Article], batch_size: int = ...) -> tuple[int, int]: ...
    def get(self, article_id: str) -> Article | None: ...
    def has(self, article_id: str) -> bool: ...
    def stored(self, ids: Sequence[str]) -> set[str]: ...
    def ids(self) -> list[str]: ...
    def iter_articles(self) -> Iterator[Article]: ...
    def count(self) -> int: ...
    def search(self, query: str, limit: int = ...) -> list[str]: ...
    def close(self) -> None: ...
    def __enter__(self) -> ArticleStore: ...
    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None: ...


def is_postgres_url(location: str | Path) -> bool:
    return str(location).startswith(POSTGRES_SCHEMES)


def open_store(location: str | Path) -> ArticleStore:
    """SQLite for a file path, PostgreSQL for a ``postgresql://`` URL."""
    if is_postgres_url(location):
        from marsad.store.postgres import PostgresStore  # psycopg only when asked for

        return PostgresStore(str(location))
    return Store(location)


__all__ = ["SCHEMA_VERSION", "ArticleStore", "Store", "StoreError", "is_postgres_url", "open_store"]
