"""The web corpus cache: concurrent reads keep one corpus, a commit by another process is
seen and rebuilt in the background while the old corpus answers."""

from __future__ import annotations

import threading
import time
import warnings
from pathlib import Path

import pytest

pytest.importorskip("fastapi")
with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from marsad.model import Article
from marsad.pipeline import annotate
from marsad.store import Store
from marsad.web import create_app
from marsad.web.corpus import WARM_ORDER, CorpusCache


def _article(n: int) -> Article:
    return annotate(
        Article(
            doc=f"a{n}.txt",
            source=f"fixture/a{n}.txt",
            text=f"قال الوزير {n} إن اللجنة اجتمعت في بغداد.",
        )
    )


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    path = tmp_path / "store.db"
    with Store(path) as store:
        store.save_many([_article(n) for n in range(3)])
    return path


def test_concurrent_searches_keep_one_corpus(store_path: Path, tmp_path: Path) -> None:
    app = create_app(store_path, None, tmp_path, warm=False)
    errors: list[str] = []
    with TestClient(app, base_url="http://127.0.0.1") as client:
        cache: CorpusCache = app.state.corpus

        def loop() -> None:
            for _ in range(25):
                response = client.get("/api/search", params={"q": "اللجنة"})
                if response.status_code != 200 or response.json()["total"] != 3:
                    errors.append(response.text)

        threads = [threading.Thread(target=loop) for _ in range(6)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        time.sleep(1.1)  # past the look-again interval
        client.get("/api/articles")
        assert not errors and cache.builds == 1 and not cache.status()["rebuilding"]


def test_a_commit_elsewhere_is_rebuilt_in_the_background(store_path: Path) -> None:
    cache = CorpusCache(store_path, check_every=0.0, rebuild_pause=0.0)
    first = cache.get()
    assert len(first.articles) == 3
    with Store(store_path) as store:
        store.save_many([_article(9)])
    assert cache.get() is first  # the old corpus answers while the new one is built
    deadline = time.monotonic() + 30
    while cache.get() is first and time.monotonic() < deadline:
        time.sleep(0.05)
    fresh = cache.get()
    assert fresh is not first and len(fresh.articles) == 4
    assert fresh.ready() == list(WARM_ORDER)  # swapped in whole, every view made
    cache.close()


def test_an_api_ingest_is_seen_by_the_next_request(store_path: Path, tmp_path: Path) -> None:
    token = "t" * 20
    app = create_app(store_path, token, tmp_path, warm=False)
    with TestClient(app, base_url="http://127.0.0.1") as client:
        assert client.get("/api/articles").json()["total"] == 3
        files = [("files", ("new.txt", "قال الوزير إن الجديد وصل.".encode(), "text/plain"))]
        assert (
            client.post("/api/ingest", files=files, headers={"X-Token": token}).status_code == 200
        )
        assert client.get("/api/articles").json()["total"] == 4


def test_version_and_serve_options() -> None:
    from typer.testing import CliRunner

    from marsad import __version__
    from marsad.cli import app

    runner = CliRunner()
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0 and result.output.strip() == f"marsad {__version__}"
    short = runner.invoke(app, ["serve", "--token", "short", "--db", "unused.db"])
    assert short.exit_code == 2 and "16 characters" in short.output
