"""A SQLite store that cannot be opened or written fails as one StoreError, writing nothing.

Concurrent opens of a new store, a second writer holding it, a read-only file, a file
that is no marsad store, a newer schema, a full disk; and the CLI's one-line report.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from marsad.cli import app
from marsad.model import Article, Sentence, Span
from marsad.store import SCHEMA_VERSION, Store, StoreError, open_store
from marsad.store.rows import LAYERS


def _article(n: int, words: int = 50) -> Article:
    text = " ".join(f"كلمة{n}_{i}" for i in range(words))
    article = Article(doc=f"{n:03}.txt", source=f"/data/{n:03}.txt", text=text)
    article.sentences = [Sentence(Span(0, len(text)))]
    return article


def _contents(path: Path) -> dict[str, int]:
    """Row counts of the store's tables, read past the store."""
    tables = ["articles", "article_search", *(layer.table for layer in LAYERS)]
    with sqlite3.connect(path) as db:
        return {t: int(db.execute(f"SELECT count(*) FROM {t}").fetchone()[0]) for t in tables}


def test_concurrent_opens_of_a_new_store_migrate_it_once(
    tmp_path: Path, open_at_once: Callable[[Path], list[str]]
) -> None:
    """Four clients opening one new file at once: each gets the store, migrated once."""
    for trial in range(5):
        path = tmp_path / f"new{trial}.db"
        assert open_at_once(path) == ["ok"] * 4
        with sqlite3.connect(path) as db:
            assert db.execute("SELECT version FROM schema_version").fetchall() == [
                (SCHEMA_VERSION,)
            ]
            assert "place" in {row[1] for row in db.execute("PRAGMA table_info(events)")}


def test_a_second_writer_holding_the_store(tmp_path: Path) -> None:
    path = tmp_path / "m.db"
    with Store(path) as store:
        store.save(_article(0))
    writer = sqlite3.connect(path, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")
    try:
        with Store(path, timeout=0.2) as store:  # opening and reading take no write lock
            assert store.count() == 1
            with pytest.raises(StoreError, match="locked by another writer") as caught:
                store.save(_article(1))
            assert str(caught.value).startswith(f"{path}: ")
            assert isinstance(caught.value.__cause__, sqlite3.OperationalError)
    finally:
        writer.execute("ROLLBACK")
        writer.close()
    with Store(path) as store:
        assert store.ids() == [_article(0).id]
        assert store.save(_article(1)) is True


def test_a_read_only_store_reads_but_refuses_writes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Opened read-only by SQLite, as a file marsad may not write is (even for root)."""
    path = tmp_path / "m.db"
    with Store(path) as store:
        store.save(_article(0))
    before = _contents(path)
    connect = sqlite3.connect
    monkeypatch.setattr(
        sqlite3, "connect", lambda where, **kw: connect(f"file:{where}?mode=ro", uri=True, **kw)
    )
    with Store(path) as store:
        assert store.get(_article(0).id) == _article(0)
        with pytest.raises(StoreError, match="read-only; give a store file marsad may write"):
            store.save_many([_article(1), _article(2)])
    monkeypatch.undo()
    assert _contents(path) == before


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"just some text\n" * 400, "not an SQLite database"),
        (None, "it holds other tables, such as notes"),
    ],
)
def test_a_file_that_is_no_marsad_store_is_left_alone(
    tmp_path: Path, content: bytes | None, reason: str
) -> None:
    path = tmp_path / "other.db"
    if content is None:
        with sqlite3.connect(path) as db:
            db.execute("CREATE TABLE notes (body TEXT)")
            db.execute("INSERT INTO notes VALUES ('mine')")
        db.close()
    else:
        path.write_bytes(content)
    before = path.read_bytes()
    with pytest.raises(StoreError, match=f"not a marsad store \\({reason}\\)") as caught:
        Store(path)
    assert str(caught.value).startswith(f"{path}: ")
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["other.db"]  # no journal left either


def test_a_store_of_a_newer_schema_is_refused_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "m.db"
    with Store(path) as store:
        store.save(_article(0))
    with sqlite3.connect(path) as db:
        db.execute("UPDATE schema_version SET version = 99")
    db.close()
    expected = f"schema version 99, this marsad reads version {SCHEMA_VERSION}; open "
    with pytest.raises(StoreError, match=expected):
        Store(path)
    with sqlite3.connect(path) as db:
        assert db.execute("SELECT version FROM schema_version").fetchall() == [(99,)]
    db.close()


def test_a_full_disk_keeps_the_finished_batches_and_nothing_of_the_failed_one(
    tmp_path: Path,
) -> None:
    """A full disk simulated with max_page_count; the cause is the full disk, not the
    failed ROLLBACK of a transaction SQLite had already rolled back."""
    path = tmp_path / "m.db"
    with Store(path) as store:
        store.save_many([_article(n) for n in range(3)])
        pages = store._db.execute("PRAGMA page_count").fetchone()[0]
        store._db.execute(f"PRAGMA max_page_count = {pages + 2}")  # room for small ones only
        articles = [_article(3), _article(4), _article(5, words=3000), _article(6, words=3000)]
        with pytest.raises(StoreError, match="the disk is full") as caught:
            store.save_many(articles, batch_size=2)
        assert str(caught.value.__cause__) == "database or disk is full"
        assert store.ids() == [_article(n).id for n in range(5)]  # the first batch is kept
        store._db.execute("PRAGMA max_page_count = 1000000")  # space again: the store goes on
        assert store.save(_article(9)) is True
    counts = _contents(path)
    assert counts["articles"] == counts["article_search"] == counts["sentences"] == 6
    assert sum(counts.values()) == 18  # no row of articles 5 and 6


def test_the_cli_reports_a_store_error_in_one_line(tmp_path: Path, seeds_dir: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("not a store\n" * 400, encoding="utf-8")
    result = CliRunner().invoke(app, ["ingest", str(seeds_dir), "--db", str(path)])
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [
        f"error {path}: not a marsad store (not an SQLite database); give a marsad store, "
        "or a new one to create"
    ]
    assert path.read_text(encoding="utf-8") == "not a store\n" * 400


def test_open_store_raises_the_same_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="cannot open the file"):
        open_store(tmp_path / "no" / "such" / "folder" / "m.db")
