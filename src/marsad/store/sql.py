"""The article store, written once for every SQL back end; a ``Dialect`` holds what differs.

Saving an article replaces all of its rows in one transaction, so re-saving the same
article (same id) never duplicates anything; ``save_many`` commits once per batch so an
interrupted ingest keeps every finished batch. Whatever the back end fails at surfaces as
one ``StoreError`` naming the store and what to do. Statements here are written with
``?`` marks and hold no literal ``?``: the dialect turns the marks into its driver's.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import closing, contextmanager
from types import TracebackType
from typing import Any, Concatenate, ParamSpec, Self, TypeVar

from marsad.arabic.normalize import normalize
from marsad.model import Article
from marsad.store import migrate
from marsad.store.batches import save_in_batches
from marsad.store.dialect import Cursor, Dialect
from marsad.store.errors import StoreError
from marsad.store.rows import (
    ARTICLE_COLUMNS,
    LAYERS,
    article_from_row,
    article_row,
    quoted,
    search_body,
)

_BATCH = 500
_LOOKUP = 500  # ids per lookup query: under every back end's limit on parameters
_P = ParamSpec("_P")
_R = TypeVar("_R")


def _insert(table: str, columns: Sequence[str]) -> str:
    return f"INSERT INTO {table} ({quoted(columns)}) VALUES ({', '.join('?' * len(columns))})"


def _explained(
    method: Callable[Concatenate[SqlStore, _P], _R],
) -> Callable[Concatenate[SqlStore, _P], _R]:
    """The store method, its back end's errors raised as StoreError."""

    @functools.wraps(method)
    def explained(store: SqlStore, *args: _P.args, **kwargs: _P.kwargs) -> _R:
        with store._explaining():
            return method(store, *args, **kwargs)

    return explained


class SqlStore:
    """Articles and all their layers in one SQL database (use as a context manager)."""

    def __init__(self, dialect: Dialect) -> None:
        self._dialect = dialect
        with self._explaining():
            self._db = dialect.connect()
            try:
                self._migrate()
            except BaseException:
                self._db.close()
                raise

    @contextmanager
    def _explaining(self) -> Iterator[None]:
        try:
            yield
        except Exception as error:
            reason = self._dialect.explain(error)
            if reason is None:
                raise
            raise StoreError(f"{self._dialect.where}: {reason}") from error

    def _execute(self, statement: str, params: Sequence[Any] | None = None) -> Cursor:
        if params is None:  # no marks to rewrite (and psycopg then reads a % as itself)
            return self._db.execute(statement)
        return self._db.execute(self._dialect.placeholders(statement), params)

    def _migrate(self) -> None:
        """Bring the store to ``SCHEMA_VERSION`` by applying the pending migrations.

        Clients opening a new store at once migrate it once: the version is read again
        under the migration lock, where the first client may have moved it already.
        """
        current = self._version()
        self._dialect.end_read()
        self._dialect.claim()
        if not migrate.pending(self._dialect.name, current):
            return  # the usual case, and no lock taken: writers elsewhere are not waited for
        with self._dialect.migration_lock():
            current = self._version()
            self._execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")
            for version, sql in migrate.pending(self._dialect.name, current):
                self._dialect.run_script(sql)
                self._execute("DELETE FROM schema_version")
                self._execute("INSERT INTO schema_version VALUES (?)", (version,))

    def _version(self) -> int:
        """The store's schema version, 0 for an empty database; refuses any other database."""
        tables = self._dialect.tables()
        if "schema_version" not in tables:
            if tables:
                raise StoreError(
                    f"{self._dialect.where}: not a marsad store (it holds other tables, such "
                    f"as {min(tables)}); give a marsad store, or a new one to create"
                )
            return 0
        row = self._execute("SELECT max(version) FROM schema_version").fetchone()
        current = int(row[0] or 0) if row else 0
        # migrate.SCHEMA_VERSION, read now: a test plays an older marsad by patching it
        if current > migrate.SCHEMA_VERSION:
            raise StoreError(
                f"{self._dialect.where}: store schema version {current}, this marsad "
                f"reads version {migrate.SCHEMA_VERSION}; open it with a newer marsad"
            )
        return current

    # -- writing --------------------------------------------------------------------------

    def _number(self, article_id: str) -> int | None:
        row = self._execute("SELECT num FROM articles WHERE id = ?", (article_id,)).fetchone()
        return None if row is None else int(row[0])

    def _write(self, article: Article) -> bool:
        """Replace the article and every layer row; True when it was not stored before."""
        num = self._number(article.id)
        new = num is None
        values = article_row(article)
        if num is None:
            insert = self._dialect.placeholders(_insert("articles", ARTICLE_COLUMNS))
            num = self._dialect.insert(insert, values)
        else:  # in place, so the article keeps its number and its place in iteration order
            assignments = ", ".join(f'"{c}" = ?' for c in ARTICLE_COLUMNS[1:])
            self._execute(f"UPDATE articles SET {assignments} WHERE num = ?", (*values[1:], num))
            self._delete_layers(article.id, num)
        with closing(self._db.cursor()) as cursor:
            for layer in LAYERS:
                items = getattr(article, layer.attribute)
                if not items:
                    continue
                insert = _insert(layer.table, ("article_id", "seq", *layer.columns))
                cursor.executemany(
                    self._dialect.placeholders(insert),
                    [(article.id, seq, *layer.to_row(item)) for seq, item in enumerate(items)],
                )
        search = _insert("article_search", (self._dialect.search_key, "body"))
        self._execute(search, (num, search_body(article)))
        return new

    def _delete_layers(self, article_id: str, num: int) -> None:
        for layer in LAYERS:
            self._execute(f"DELETE FROM {layer.table} WHERE article_id = ?", (article_id,))
        self._execute(f"DELETE FROM article_search WHERE {self._dialect.search_key} = ?", (num,))

    @_explained
    def save(self, article: Article) -> bool:
        """Store one article with its layers; True if new, False if it replaced a copy."""
        with self._dialect.transaction():
            return self._write(article)

    @_explained
    def save_many(self, articles: Iterable[Article], batch_size: int = _BATCH) -> tuple[int, int]:
        """Store articles in batched transactions; returns (new, updated) counts."""
        return save_in_batches(articles, batch_size, self._dialect.transaction, self._write)

    # -- reading --------------------------------------------------------------------------

    @_explained
    def get(self, article_id: str) -> Article | None:
        """The article with every layer, exactly as saved, or None."""
        row = self._execute(
            f"SELECT {quoted(ARTICLE_COLUMNS)} FROM articles WHERE id = ?", (article_id,)
        ).fetchone()
        if row is None:
            self._dialect.end_read()
            return None
        article = article_from_row(tuple(row))
        for layer in LAYERS:
            rows = self._execute(
                f"SELECT {quoted(layer.columns)} FROM {layer.table} "
                "WHERE article_id = ? ORDER BY seq",
                (article_id,),
            ).fetchall()
            setattr(article, layer.attribute, [layer.from_row(tuple(r)) for r in rows])
        self._dialect.end_read()
        return article

    @_explained
    def has(self, article_id: str) -> bool:
        """True when an article with this id is stored (cheap: the id is indexed)."""
        found = self._number(article_id) is not None
        self._dialect.end_read()
        return found

    @_explained
    def stored(self, ids: Sequence[str]) -> set[str]:
        """Those of ``ids`` the store holds: one indexed query per ``_LOOKUP`` ids, so that
        skipping a million stored articles never loads a million ids."""
        found: set[str] = set()
        for start in range(0, len(ids), _LOOKUP):
            part = ids[start : start + _LOOKUP]
            marks = ", ".join("?" * len(part))
            rows = self._execute(f"SELECT id FROM articles WHERE id IN ({marks})", part)
            found.update(r[0] for r in rows.fetchall())
        self._dialect.end_read()
        return found

    @_explained
    def ids(self) -> list[str]:
        """Ids of the stored articles in the order they were first saved."""
        rows = self._execute("SELECT id FROM articles ORDER BY num").fetchall()
        self._dialect.end_read()
        return [r[0] for r in rows]

    def iter_articles(self) -> Iterator[Article]:
        """Every stored article in insertion order, one at a time."""
        for article_id in self.ids():
            article = self.get(article_id)
            if article is not None:
                yield article

    @_explained
    def count(self) -> int:
        row = self._execute("SELECT count(*) FROM articles").fetchone()
        self._dialect.end_read()
        return int(row[0]) if row else 0

    @_explained
    def search(self, query: str, limit: int = 100) -> list[str]:
        """Ids of articles containing ``query`` as a phrase (normalised), best first."""
        folded = normalize(query)
        if not folded.strip():
            return []
        term = self._dialect.search_term(folded)
        rows = self._execute(self._dialect.search_sql, (term, limit)).fetchall()
        self._dialect.end_read()
        return [r[0] for r in rows]

    # -- lifetime -------------------------------------------------------------------------

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()
