"""The PostgreSQL store against a real server started by scripts/start-postgres.sh."""

from __future__ import annotations

import json
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from itertools import islice
from pathlib import Path

import pytest
from typer.testing import CliRunner

from marsad.cli import app
from marsad.ingest import read_inputs
from marsad.model import Article
from marsad.pipeline import annotate
from marsad.store import SCHEMA_VERSION, Store, is_postgres_url, open_store

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
