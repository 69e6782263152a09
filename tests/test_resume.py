"""Crash safety: an ingest killed with SIGKILL midway resumes, holding each article once."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import time
from itertools import islice
from pathlib import Path

from ingest_process import start_ingest, stored_count
from marsad.ingest import read_inputs
from marsad.model import Article
from marsad.store.rows import LAYERS

ARTICLES = 1500
BATCH = 500  # the store commits every 500 articles


def _count(db: Path) -> int:
    return stored_count(db)


def _ingest(corpus: Path, db: Path) -> subprocess.Popen[str]:
    return start_ingest(corpus, db, workers=1)


def test_sigkill_midway_then_rerun_holds_every_article_once(
    saudi_jsonl: Path, tmp_path: Path
) -> None:
    corpus = tmp_path / "saudi.jsonl"
    with saudi_jsonl.open("rb") as source:
        corpus.write_bytes(b"".join(islice(source, ARTICLES)))
    expected = {a.id for a in read_inputs([corpus]) if isinstance(a, Article)}
    db = tmp_path / "m.db"

    first = _ingest(corpus, db)
    deadline = time.monotonic() + 120
    while _count(db) < BATCH and first.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    killed_midway = first.poll() is None
    first.send_signal(signal.SIGKILL)
    first.wait()
    stored_before = _count(db)
    assert killed_midway, "the ingest finished before it could be killed"
    assert 0 < stored_before < len(expected)

    second = _ingest(corpus, db)
    output, _ = second.communicate(timeout=300)
    assert second.returncode == 0, output
    assert f"{len(expected) - stored_before} new, {stored_before} already stored" in output

    with sqlite3.connect(db) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        ids = [r[0] for r in connection.execute("SELECT id FROM articles")]
        assert len(ids) == len(set(ids)) == len(expected)
        assert set(ids) == expected
        searchable = connection.execute("SELECT count(*) FROM article_search").fetchone()[0]
        assert searchable == len(ids)
        for layer in LAYERS:  # no orphan rows of a half-written article
            orphans = connection.execute(
                f"SELECT count(*) FROM {layer.table} WHERE article_id NOT IN "
                "(SELECT id FROM articles)"
            ).fetchone()[0]
            assert orphans == 0, layer.table
        timexes = connection.execute("SELECT count(DISTINCT article_id) FROM timexes").fetchone()
        assert timexes[0] > len(ids) // 2  # annotated, not just stored
