"""The PostgreSQL store: the SQLite store's schema, queries and interface on a shared server.

Selected by a ``postgresql://`` URL (``open_store``). Same tables and row mapping as
SQLite (``marsad.store.rows``); search is a phrase query over the normalised text as
``simple`` tsvector words (the server's database must be UTF-8 with a UTF-8 locale, so
that Arabic letters count as word characters). Saving an article replaces all of its rows
in one transaction; ``save_many`` commits once per batch.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from types import TracebackType

import psycopg

from marsad.arabic.normalize import normalize
from marsad.model import Article
from marsad.store.batches import save_in_batches
from marsad.store.migrate import SCHEMA_VERSION, pending
from marsad.store.rows import (
    ARTICLE_COLUMNS,
    LAYERS,
    article_from_row,
    article_row,
    quoted,
    search_body,
)

_BATCH = 500
_MIGRATION_LOCK = 0x6D61727361  # advisory lock id: one migrating client at a time


def _marks(count: int) -> str:
    return ", ".join(["%s"] * count)


class PostgresStore:
    """Articles and all their layers in a PostgreSQL database (use as a context manager)."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.path = url  # what messages name, as SQLite's file path
        self._db = psycopg.connect(url, autocommit=False)
        self._migrate()

    def _migrate(self) -> None:
        with self._db.transaction():
            self._db.execute("SELECT pg_advisory_xact_lock(%s)", (_MIGRATION_LOCK,))
            self._db.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")
            row = self._db.execute("SELECT max(version) FROM schema_version").fetchone()
            current = int(row[0] or 0) if row else 0
            if current > SCHEMA_VERSION:
                raise RuntimeError(
                    f"{_safe(self.url)}: store schema version {current}, this marsad "
                    f"reads version {SCHEMA_VERSION}"
                )
            for version, sql in pending("postgres", current):
                self._db.execute(sql.encode("utf-8"))  # the whole file, as one script
                self._db.execute("DELETE FROM schema_version")
                self._db.execute("INSERT INTO schema_version VALUES (%s)", (version,))

    # -- writing --------------------------------------------------------------------------

    def _number(self, article_id: str) -> int | None:
        row = self._db.execute("SELECT num FROM articles WHERE id = %s", (article_id,)).fetchone()
        return None if row is None else int(row[0])

    def _write(self, article: Article) -> bool:
        """Replace the article and every layer row; True when it was not stored before."""
        num = self._number(article.id)
        new = num is None
        values = article_row(article)
        if num is None:
            row = self._db.execute(
                f"INSERT INTO articles ({quoted(ARTICLE_COLUMNS)}) "
                f"VALUES ({_marks(len(ARTICLE_COLUMNS))}) RETURNING num",
                values,
            ).fetchone()
            assert row is not None
            num = int(row[0])
        else:  # in place, so the article keeps its number and its place in iteration order
            assignments = ", ".join(f'"{c}" = %s' for c in ARTICLE_COLUMNS[1:])
            self._db.execute(
                f"UPDATE articles SET {assignments} WHERE num = %s", (*values[1:], num)
            )
            for layer in LAYERS:
                self._db.execute(f"DELETE FROM {layer.table} WHERE article_id = %s", (article.id,))
            self._db.execute("DELETE FROM article_search WHERE num = %s", (num,))
        with self._db.cursor() as cursor:
            for layer in LAYERS:
                items = getattr(article, layer.attribute)
                if not items:
                    continue
                columns = ("article_id", "seq", *layer.columns)
                marks = _marks(len(columns))
                cursor.executemany(
                    f"INSERT INTO {layer.table} ({quoted(columns)}) VALUES ({marks})",
                    [(article.id, seq, *layer.to_row(item)) for seq, item in enumerate(items)],
                )
        self._db.execute(
            "INSERT INTO article_search (num, body) VALUES (%s, %s)", (num, search_body(article))
        )
        return new

    def save(self, article: Article) -> bool:
        """Store one article with its layers; True if new, False if it replaced a copy."""
        with self._db.transaction():
            return self._write(article)

    def save_many(self, articles: Iterable[Article], batch_size: int = _BATCH) -> tuple[int, int]:
        """Store articles in batched transactions; returns (new, updated) counts."""
        return save_in_batches(articles, batch_size, self._db.transaction, self._write)

    # -- reading --------------------------------------------------------------------------

    def get(self, article_id: str) -> Article | None:
        """The article with every layer, exactly as saved, or None."""
        row = self._db.execute(
            f"SELECT {quoted(ARTICLE_COLUMNS)} FROM articles WHERE id = %s", (article_id,)
        ).fetchone()
        if row is None:
            self._db.rollback()  # end the read transaction
            return None
        article = article_from_row(tuple(row))
        for layer in LAYERS:
            rows = self._db.execute(
                f"SELECT {quoted(layer.columns)} FROM {layer.table} "
                "WHERE article_id = %s ORDER BY seq",
                (article_id,),
            ).fetchall()
            setattr(article, layer.attribute, [layer.from_row(tuple(r)) for r in rows])
        self._db.rollback()
        return article

    def has(self, article_id: str) -> bool:
        """True when an article with this id is stored (cheap: the id is indexed)."""
        found = self._number(article_id) is not None
        self._db.rollback()
        return found

    def ids(self) -> list[str]:
        """Ids of the stored articles in the order they were first saved."""
        rows = self._db.execute("SELECT id FROM articles ORDER BY num").fetchall()
        self._db.rollback()
        return [r[0] for r in rows]

    def iter_articles(self) -> Iterator[Article]:
        """Every stored article in insertion order, one at a time."""
        for article_id in self.ids():
            article = self.get(article_id)
            if article is not None:
                yield article

    def count(self) -> int:
        row = self._db.execute("SELECT count(*) FROM articles").fetchone()
        self._db.rollback()
        return int(row[0]) if row else 0

    def search(self, query: str, limit: int = 100) -> list[str]:
        """Ids of articles containing ``query`` as a phrase (normalised), best first."""
        folded = normalize(query)
        if not folded.strip():
            return []
        rows = self._db.execute(
            "SELECT articles.id FROM article_search JOIN articles USING (num), "
            "phraseto_tsquery('simple', %s) AS query WHERE tsv @@ query "
            "ORDER BY ts_rank(tsv, query) DESC, num LIMIT %s",
            (folded, limit),
        ).fetchall()
        self._db.rollback()
        return [r[0] for r in rows]

    # -- lifetime -------------------------------------------------------------------------

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> PostgresStore:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()


def _safe(url: str) -> str:
    """The URL without its password, for messages."""
    head, at, tail = url.rpartition("@")
    if not at or ":" not in head.split("//", 1)[-1]:
        return url
    scheme, _, user = head.partition("//")
    return f"{scheme}//{user.split(':', 1)[0]}:***@{tail}"
