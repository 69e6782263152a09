"""The SQLite store: one file, WAL, one row per annotation, FTS5 over normalised text.

Saving an article replaces all of its rows in one transaction, so re-saving the same
article (same id) never duplicates anything; ``save_many`` commits once per batch so an
interrupted ingest keeps every finished batch.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator
from pathlib import Path
from types import TracebackType

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

# Old private names, kept for callers and tests that import them from here.
_search_body = search_body

_BATCH = 500


def _phrase(query: str) -> str:
    """An FTS5 phrase for the normalised query: no operator in it can be interpreted."""
    return '"' + normalize(query).replace('"', '""') + '"'


class Store:
    """Articles and all their layers in one SQLite file (use as a context manager)."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self._db = sqlite3.connect(self.path, isolation_level=None)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.execute("PRAGMA foreign_keys=ON")
        self._create()

    def _create(self) -> None:
        """Bring the file to ``SCHEMA_VERSION`` by applying the pending migrations."""
        self._db.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")
        found = self._db.execute("SELECT max(version) FROM schema_version").fetchone()[0]
        current = int(found or 0)
        if current > SCHEMA_VERSION:
            raise RuntimeError(
                f"{self.path}: store schema version {current}, this marsad "
                f"reads version {SCHEMA_VERSION}"
            )
        for version, sql in pending("sqlite", current):
            script = (
                f"BEGIN IMMEDIATE;\n{sql}\nDELETE FROM schema_version;\n"
                f"INSERT INTO schema_version VALUES ({version});\nCOMMIT;"
            )
            try:
                self._db.executescript(script)
            except sqlite3.Error:
                if self._db.in_transaction:
                    self._db.execute("ROLLBACK")
                raise

    # -- transactions ---------------------------------------------------------------------

    def _transaction(self) -> _Transaction:
        return _Transaction(self._db)

    # -- writing --------------------------------------------------------------------------

    def _number(self, article_id: str) -> int | None:
        row = self._db.execute("SELECT num FROM articles WHERE id = ?", (article_id,)).fetchone()
        return None if row is None else int(row[0])

    def _write(self, article: Article) -> bool:
        """Replace the article and every layer row; True when it was not stored before."""
        num = self._number(article.id)
        new = num is None
        values = article_row(article)
        if num is None:
            marks = ", ".join("?" for _ in ARTICLE_COLUMNS)
            cursor = self._db.execute(
                f"INSERT INTO articles ({quoted(ARTICLE_COLUMNS)}) VALUES ({marks})", values
            )
            num = int(cursor.lastrowid or 0)
        else:  # in place, so the article keeps its number and its place in iteration order
            assignments = ", ".join(f'"{c}" = ?' for c in ARTICLE_COLUMNS[1:])
            self._db.execute(f"UPDATE articles SET {assignments} WHERE num = ?", (*values[1:], num))
            self._delete_layers(article.id, num)
        for layer in LAYERS:
            items = getattr(article, layer.attribute)
            if not items:
                continue
            columns = ("article_id", "seq", *layer.columns)
            marks = ", ".join("?" for _ in columns)
            self._db.executemany(
                f"INSERT INTO {layer.table} ({quoted(columns)}) VALUES ({marks})",
                [(article.id, seq, *layer.to_row(item)) for seq, item in enumerate(items)],
            )
        self._db.execute(
            "INSERT INTO article_search (rowid, body) VALUES (?, ?)", (num, search_body(article))
        )
        return new

    def _delete_layers(self, article_id: str, num: int) -> None:
        for layer in LAYERS:
            self._db.execute(f"DELETE FROM {layer.table} WHERE article_id = ?", (article_id,))
        self._db.execute("DELETE FROM article_search WHERE rowid = ?", (num,))

    def save(self, article: Article) -> bool:
        """Store one article with its layers; True if new, False if it replaced a copy."""
        with self._transaction():
            return self._write(article)

    def save_many(self, articles: Iterable[Article], batch_size: int = _BATCH) -> tuple[int, int]:
        """Store articles in batched transactions; returns (new, updated) counts."""
        return save_in_batches(articles, batch_size, self._transaction, self._write)

    # -- reading --------------------------------------------------------------------------

    def get(self, article_id: str) -> Article | None:
        """The article with every layer, exactly as saved, or None."""
        row = self._db.execute(
            f"SELECT {quoted(ARTICLE_COLUMNS)} FROM articles WHERE id = ?", (article_id,)
        ).fetchone()
        if row is None:
            return None
        article = article_from_row(row)
        for layer in LAYERS:
            rows = self._db.execute(
                f"SELECT {quoted(layer.columns)} FROM {layer.table} "
                "WHERE article_id = ? ORDER BY seq",
                (article_id,),
            ).fetchall()
            setattr(article, layer.attribute, [layer.from_row(r) for r in rows])
        return article

    def has(self, article_id: str) -> bool:
        """True when an article with this id is stored (cheap: the id is indexed)."""
        return self._number(article_id) is not None

    def ids(self) -> list[str]:
        """Ids of the stored articles in the order they were first saved."""
        return [r[0] for r in self._db.execute("SELECT id FROM articles ORDER BY num")]

    def iter_articles(self) -> Iterator[Article]:
        """Every stored article in insertion order, one at a time."""
        for article_id in self.ids():
            article = self.get(article_id)
            if article is not None:
                yield article

    def count(self) -> int:
        return int(self._db.execute("SELECT count(*) FROM articles").fetchone()[0])

    def search(self, query: str, limit: int = 100) -> list[str]:
        """Ids of articles containing ``query`` as a phrase (normalised), best first."""
        if not normalize(query).strip():
            return []
        rows = self._db.execute(
            "SELECT articles.id FROM article_search JOIN articles ON articles.num = "
            "article_search.rowid WHERE article_search MATCH ? ORDER BY rank LIMIT ?",
            (_phrase(query), limit),
        )
        return [r[0] for r in rows]

    # -- lifetime -------------------------------------------------------------------------

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()


class _Transaction:
    """BEGIN ... COMMIT, or ROLLBACK on error (the connection runs in autocommit mode)."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self._db = db

    def __enter__(self) -> None:
        self._db.execute("BEGIN IMMEDIATE")

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self._db.execute("ROLLBACK" if kind is not None else "COMMIT")
