"""The SQLite store: one file, WAL, one row per annotation, FTS5 over normalised text.

Saving an article replaces all of its rows in one transaction, so re-saving the same
article (same id) never duplicates anything; ``save_many`` commits once per batch so an
interrupted ingest keeps every finished batch.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from types import TracebackType
from typing import Any

from marsad.arabic.normalize import normalize
from marsad.model import (
    Article,
    Boilerplate,
    Entity,
    EventMention,
    Published,
    PublishedSource,
    Quantity,
    Quote,
    Sentence,
    Span,
    Timex,
)

SCHEMA_VERSION = 1
_BATCH = 500

Row = tuple[Any, ...]


def _span(start: int | None, end: int | None) -> Span | None:
    return None if start is None or end is None else Span(start, end)


@dataclass(frozen=True, slots=True)
class _Layer:
    """How one article layer maps to its table (columns after article_id and seq)."""

    table: str
    attribute: str
    columns: tuple[str, ...]
    to_row: Callable[[Any], Row]
    from_row: Callable[[Row], Any]


_LAYERS = (
    _Layer(
        "boilerplate",
        "boilerplate",
        ("start", "end", "kind"),
        lambda b: (b.span.start, b.span.end, b.kind),
        lambda r: Boilerplate(Span(r[0], r[1]), r[2]),
    ),
    _Layer(
        "sentences",
        "sentences",
        ("start", "end"),
        lambda s: (s.span.start, s.span.end),
        lambda r: Sentence(Span(r[0], r[1])),
    ),
    _Layer(
        "timexes",
        "timexes",
        (
            "start",
            "end",
            "text",
            "type",
            "value",
            "anchor",
            "granularity",
            "vague",
            "hijri",
            "rule",
        ),
        lambda t: (
            t.span.start,
            t.span.end,
            t.text,
            t.type,
            t.value,
            t.anchor,
            t.granularity,
            int(t.vague),
            t.hijri,
            t.rule,
        ),
        lambda r: Timex(Span(r[0], r[1]), r[2], r[3], r[4], r[5], r[6], bool(r[7]), r[8], r[9]),
    ),
    _Layer(
        "entities",
        "entities",
        ("start", "end", "text", "type", "canonical", "role", "rule"),
        lambda e: (e.span.start, e.span.end, e.text, e.type, e.canonical, e.role, e.rule),
        lambda r: Entity(Span(r[0], r[1]), r[2], r[3], r[4], r[5], r[6]),
    ),
    _Layer(
        "quotes",
        "quotes",
        (
            "speaker",
            "cue",
            "cue_start",
            "cue_end",
            "content_start",
            "content_end",
            "speaker_start",
            "speaker_end",
            "implicit",
            "date",
            "date_note",
        ),
        lambda q: (
            q.speaker,
            q.cue,
            q.cue_span.start,
            q.cue_span.end,
            q.content_span.start,
            q.content_span.end,
            q.speaker_span.start if q.speaker_span else None,
            q.speaker_span.end if q.speaker_span else None,
            int(q.implicit),
            q.date,
            q.date_note,
        ),
        lambda r: Quote(
            r[0],
            r[1],
            Span(r[2], r[3]),
            Span(r[4], r[5]),
            _span(r[6], r[7]),
            bool(r[8]),
            r[9],
            r[10],
        ),
    ),
    _Layer(
        "quantities",
        "quantities",
        ("start", "end", "text", "value", "unit", "subject", "approximate", "vague"),
        lambda q: (
            q.span.start,
            q.span.end,
            q.text,
            json.dumps(q.value),
            q.unit,
            q.subject,
            int(q.approximate),
            int(q.vague),
        ),
        lambda r: Quantity(
            Span(r[0], r[1]), r[2], json.loads(r[3]), r[4], r[5], bool(r[6]), bool(r[7])
        ),
    ),
    _Layer(
        "events",
        "events",
        (
            "kind",
            "trigger_start",
            "trigger_end",
            "trigger_text",
            "sentence_start",
            "sentence_end",
            "date",
            "timex_start",
            "timex_end",
            "participants",
            "name",
            "undated_reason",
            "rule",
        ),
        lambda e: (
            e.kind,
            e.trigger.start,
            e.trigger.end,
            e.trigger_text,
            e.sentence.start,
            e.sentence.end,
            e.date,
            e.timex.start if e.timex else None,
            e.timex.end if e.timex else None,
            json.dumps(e.participants, ensure_ascii=False),
            e.name,
            e.undated_reason,
            e.rule,
        ),
        lambda r: EventMention(
            r[0],
            Span(r[1], r[2]),
            r[3],
            Span(r[4], r[5]),
            r[6],
            _span(r[7], r[8]),
            json.loads(r[9]),
            r[10],
            r[11],
            r[12],
        ),
    ),
)

_ARTICLE_COLUMNS = (
    "id",
    "doc",
    "source",
    "text",
    "title",
    "url",
    "outlet",
    "published_value",
    "published_source",
    "published_start",
    "published_end",
    "published_note",
    "language",
    "encoding",
    "raw",
)


def _quoted(columns: Sequence[str]) -> str:
    return ", ".join(f'"{c}"' for c in columns)


def _article_row(article: Article) -> Row:
    published = article.published
    return (
        article.id,
        article.doc,
        article.source,
        article.text,
        article.title,
        article.url,
        article.outlet,
        published.value,
        str(published.source),
        published.span.start if published.span else None,
        published.span.end if published.span else None,
        published.note,
        article.language,
        article.encoding,
        article.raw,
    )


def _article_from_row(row: Row) -> Article:
    (id_, doc, source, text, title, url, outlet, p_value, p_source, p_start, p_end, p_note) = row[
        :12
    ]
    language, encoding, raw = row[12:]
    published = Published(p_value, PublishedSource(p_source), _span(p_start, p_end), p_note)
    return Article(
        doc=doc,
        source=source,
        text=text,
        title=title,
        url=url,
        outlet=outlet,
        published=published,
        language=language,
        encoding=encoding,
        raw=raw,
        id=id_,
    )


def _search_body(article: Article) -> str:
    """The title and text folded as ``normalize`` folds them, for the FTS index."""
    return normalize("\n".join(part for part in (article.title, article.text) if part))


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
        schema = resources.files(__package__).joinpath("schema.sql").read_text(encoding="utf-8")
        self._db.executescript(schema)  # every statement is CREATE ... IF NOT EXISTS
        with self._transaction():
            found = self._db.execute("SELECT version FROM schema_version").fetchall()
            if not found:
                self._db.execute("INSERT INTO schema_version VALUES (?)", (SCHEMA_VERSION,))
            elif found[0][0] != SCHEMA_VERSION:
                raise RuntimeError(
                    f"{self.path}: store schema version {found[0][0]}, this marsad "
                    f"reads version {SCHEMA_VERSION}"
                )

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
        values = _article_row(article)
        if num is None:
            marks = ", ".join("?" for _ in _ARTICLE_COLUMNS)
            cursor = self._db.execute(
                f"INSERT INTO articles ({_quoted(_ARTICLE_COLUMNS)}) VALUES ({marks})", values
            )
            num = int(cursor.lastrowid or 0)
        else:  # in place, so the article keeps its number and its place in iteration order
            assignments = ", ".join(f'"{c}" = ?' for c in _ARTICLE_COLUMNS[1:])
            self._db.execute(f"UPDATE articles SET {assignments} WHERE num = ?", (*values[1:], num))
            self._delete_layers(article.id, num)
        for layer in _LAYERS:
            items = getattr(article, layer.attribute)
            if not items:
                continue
            columns = ("article_id", "seq", *layer.columns)
            marks = ", ".join("?" for _ in columns)
            self._db.executemany(
                f"INSERT INTO {layer.table} ({_quoted(columns)}) VALUES ({marks})",
                [(article.id, seq, *layer.to_row(item)) for seq, item in enumerate(items)],
            )
        self._db.execute(
            "INSERT INTO article_search (rowid, body) VALUES (?, ?)", (num, _search_body(article))
        )
        return new

    def _delete_layers(self, article_id: str, num: int) -> None:
        for layer in _LAYERS:
            self._db.execute(f"DELETE FROM {layer.table} WHERE article_id = ?", (article_id,))
        self._db.execute("DELETE FROM article_search WHERE rowid = ?", (num,))

    def save(self, article: Article) -> bool:
        """Store one article with its layers; True if new, False if it replaced a copy."""
        with self._transaction():
            return self._write(article)

    def save_many(self, articles: Iterable[Article], batch_size: int = _BATCH) -> tuple[int, int]:
        """Store articles in batched transactions; returns (new, updated) counts."""
        new = updated = 0
        batch: list[Article] = []

        def flush() -> None:
            nonlocal new, updated
            with self._transaction():
                for article in batch:
                    if self._write(article):
                        new += 1
                    else:
                        updated += 1
            batch.clear()

        for article in articles:
            batch.append(article)
            if len(batch) >= batch_size:
                flush()
        if batch:
            flush()
        return new, updated

    # -- reading --------------------------------------------------------------------------

    def get(self, article_id: str) -> Article | None:
        """The article with every layer, exactly as saved, or None."""
        row = self._db.execute(
            f"SELECT {_quoted(_ARTICLE_COLUMNS)} FROM articles WHERE id = ?", (article_id,)
        ).fetchone()
        if row is None:
            return None
        article = _article_from_row(row)
        for layer in _LAYERS:
            rows = self._db.execute(
                f"SELECT {_quoted(layer.columns)} FROM {layer.table} "
                "WHERE article_id = ? ORDER BY seq",
                (article_id,),
            ).fetchall()
            setattr(article, layer.attribute, [layer.from_row(r) for r in rows])
        return article

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
