"""The PostgreSQL store against a real server started by scripts/start-postgres.sh."""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from itertools import islice
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from marsad.cli import app
from marsad.ingest import read_inputs
from marsad.model import Article
from marsad.pipeline import annotate
from marsad.store import SCHEMA_VERSION, Store, StoreError, is_postgres_url, open_store
from marsad.store.rows import ARTICLE_COLUMNS, LAYERS, quoted

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "start-postgres.sh"


@pytest.fixture(scope="module")
def postgres_url() -> Iterator[str]:
    pytest.importorskip("psycopg", reason="psycopg is not installed")
    folder = tempfile.mkdtemp(prefix="marsad-pg-")
    try:
        started = subprocess.run(
            ["bash", str(SCRIPT), folder], capture_output=True, text=True, timeout=600
        )
    except (OSError, subprocess.TimeoutExpired) as error:
        shutil.rmtree(folder, ignore_errors=True)
        pytest.skip(f"PostgreSQL server could not start: {error}")
    if started.returncode != 0:
        shutil.rmtree(folder, ignore_errors=True)
        pytest.skip(f"PostgreSQL server could not start: {started.stderr.strip()[-300:]}")
    try:
        yield started.stdout.strip().splitlines()[-1]
    finally:
        subprocess.run(["bash", str(SCRIPT), "--stop", folder], capture_output=True, timeout=60)
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def database(postgres_url: str) -> Iterator[str]:
    """A fresh, empty database on the server for each test."""
    import psycopg

    name = f"t{abs(hash(postgres_url + str(id(object())))) % 10**9}"
    with psycopg.connect(postgres_url, autocommit=True) as admin:
        admin.execute(f"CREATE DATABASE {name}")
    yield postgres_url.rsplit("/", 1)[0] + "/" + name
    with psycopg.connect(postgres_url, autocommit=True) as admin:
        admin.execute(f"DROP DATABASE {name} WITH (FORCE)")


def _annotated(path: Path, count: int) -> list[Article]:
    return [annotate(a) for a in islice(read_inputs([path]), count) if isinstance(a, Article)]


def test_open_store_picks_the_back_end(tmp_path: Path) -> None:
    assert is_postgres_url("postgresql://u@h/db") and is_postgres_url("postgres://h/db")
    assert not is_postgres_url(tmp_path / "m.db")
    with open_store(tmp_path / "m.db") as store:
        assert isinstance(store, Store)


def test_opening_sqlite_never_imports_psycopg(tmp_path: Path) -> None:
    script = (
        "import sys\n"
        "from marsad.store import open_store\n"
        f"with open_store({str(tmp_path / 'm.db')!r}) as store:\n"
        "    store.search('x')\n"
        "assert 'psycopg' not in sys.modules, 'psycopg imported'\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


def _table_rows(db: Any, search_key: str) -> dict[str, list[tuple[Any, ...]]]:
    """Every row the store wrote, table by table, in key order (either back end)."""
    tables = {
        "articles": f"SELECT num, {quoted(ARTICLE_COLUMNS)} FROM articles ORDER BY num",
        "article_search": f"SELECT {search_key}, body FROM article_search ORDER BY 1",
        "schema_version": "SELECT version FROM schema_version",
    }
    for layer in LAYERS:
        columns = quoted(("article_id", "seq", *layer.columns))
        tables[layer.table] = f"SELECT {columns} FROM {layer.table} ORDER BY article_id, seq"
    return {name: [tuple(r) for r in db.execute(sql).fetchall()] for name, sql in tables.items()}


def test_both_dialects_write_the_same_rows(
    database: str, saudi_jsonl: Path, tmp_path: Path
) -> None:
    """The one store over two dialects: the same numbers and rows, new or re-saved."""
    import psycopg

    marks = Article(doc="marks.txt", source="m", text="زمرد 50% ? %s %% ؟", title="%(x)s ?")
    articles = [*_annotated(saudi_jsonl, 30), marks]
    changed = _annotated(saudi_jsonl, 3)[2]
    changed.title, changed.entities = "عنوان جديد", changed.entities[:1]
    for location in (database, tmp_path / "m.db"):
        with open_store(location) as store:
            assert store.save_many(articles, batch_size=7) == (31, 0)
            assert store.save(changed) is False
            assert store.get(marks.id) == marks
            assert store.search("زمرد 50%") == store.search("زمرد 50% ? %s") == [marks.id]
            assert store.search("?") == store.search("%") == []
            assert store.search("عنوان جديد") == [changed.id]
    with psycopg.connect(database) as pg, sqlite3.connect(tmp_path / "m.db") as lite:
        expected = _table_rows(lite, "rowid")
        assert _table_rows(pg, "num") == expected
    assert len(expected["articles"]) == 31 and expected["articles"][2][1] == changed.id
    assert expected["entities"] and expected["events"] and expected["timexes"]


def test_same_articles_and_queries_as_sqlite(
    database: str, saudi_jsonl: Path, tmp_path: Path
) -> None:
    articles = _annotated(saudi_jsonl, 60)
    with open_store(database) as pg, open_store(tmp_path / "m.db") as lite:
        assert pg.save_many(articles, batch_size=25) == (60, 0)
        assert lite.save_many(articles) == (60, 0)
        assert pg.save_many(articles[:10]) == (0, 10)  # idempotent: replaced, not added
        assert pg.count() == lite.count() == 60
        assert pg.ids() == lite.ids() == [a.id for a in articles]
        for article in articles:
            assert pg.get(article.id) == article  # every layer and offset, exactly
        assert pg.has(articles[0].id) and not pg.has("nope")
        assert pg.get("nope") is None
        for query in ("السعودية", "المملكة العربية", "وزير"):
            assert set(pg.search(query)) == set(lite.search(query)), query
        for hostile in ('"', "NEAR(a b)", "*", "(", "a OR b)", "':*"):
            pg.search(hostile)  # never a syntax error


def test_schema_version_and_migrations(database: str) -> None:
    import psycopg

    with open_store(database):
        pass
    with open_store(database):  # re-opening applies nothing twice
        pass
    with psycopg.connect(database, autocommit=True) as db:
        assert db.execute("SELECT version FROM schema_version").fetchall() == [(SCHEMA_VERSION,)]
        db.execute("UPDATE schema_version SET version = 99")
    with pytest.raises(RuntimeError, match="schema version 99"):
        open_store(database)


def test_cli_ingest_into_postgres_is_idempotent(database: str, seeds_dir: Path) -> None:
    runner = CliRunner()
    first = runner.invoke(app, ["ingest", str(seeds_dir), "--db", database, "--workers", "2"])
    assert first.exit_code == 0, first.output
    assert "ingested 5 new" in first.output
    second = runner.invoke(app, ["ingest", str(seeds_dir), "--db", database])
    assert second.exit_code == 0, second.output
    assert "ingested 0 new, 5 already stored; 5 article(s)" in second.output
    timeline = runner.invoke(app, ["timeline", "--format", "json", "--db", database])
    assert timeline.exit_code == 0, timeline.output
    dates = {event["date"] for event in json.loads(timeline.stdout)["events"]}
    assert "2023-08-07/2023-08-08" in dates


def test_migration_0002_adds_the_event_place(
    database: str, seeds_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A database written at schema version 1 gains the place column when reopened."""
    import psycopg

    from marsad.store import migrate

    with monkeypatch.context() as patch:
        patch.setattr(migrate, "SCHEMA_VERSION", 1)
        with open_store(database):
            pass
    with psycopg.connect(database, autocommit=True) as db:
        assert db.execute("SELECT version FROM schema_version").fetchall() == [(1,)]
        columns = [r[0] for r in db.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_name = 'events'"
        )]  # fmt: skip
        assert "place" not in columns and "rule" in columns
    articles = _annotated(seeds_dir, 5)
    with open_store(database) as store:
        store.save_many(articles)
        places = {e.place for a in articles for e in a.events} - {None}
        assert "Washington, D.C." in places
        for article in articles:
            assert store.get(article.id) == article
    with psycopg.connect(database, autocommit=True) as db:
        assert db.execute("SELECT version FROM schema_version").fetchall() == [(SCHEMA_VERSION,)]


def test_concurrent_opens_of_a_new_database_migrate_it_once(
    database: str, open_at_once: Callable[[str], list[str]]
) -> None:
    import psycopg

    assert open_at_once(database) == ["ok"] * 4
    with psycopg.connect(database, autocommit=True) as db:
        assert db.execute("SELECT version FROM schema_version").fetchall() == [(SCHEMA_VERSION,)]


def test_a_database_with_other_tables_is_left_alone(database: str) -> None:
    import psycopg

    with psycopg.connect(database, autocommit=True) as db:
        db.execute("CREATE TABLE notes (body TEXT)")
    with pytest.raises(StoreError, match=r"not a marsad store \(it holds other tables, such as"):
        open_store(database)
    with psycopg.connect(database, autocommit=True) as db:
        tables = db.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
        assert [r[0] for r in tables] == ["notes"]


@pytest.mark.parametrize("password", ["hunter2", "hun%ter2"])  # the second: a malformed URL
def test_an_unreachable_server_is_one_error_without_the_password(password: str) -> None:
    pytest.importorskip("psycopg", reason="psycopg is not installed")
    with pytest.raises(StoreError, match="cannot connect") as caught:
        open_store(f"postgresql://marsad:{password}@127.0.0.1:1/marsad")
    message = str(caught.value)
    assert message.startswith("postgresql://marsad:***@127.0.0.1:1/marsad: ")
    assert password not in message and "\n" not in message
