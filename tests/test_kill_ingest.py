"""SIGKILL at random points of an ingest with two workers, again and again, then resume.

After each kill: no worker outlives its parent, the store passes ``PRAGMA
integrity_check``, holds each article at most once, no row of a half-written article,
and never fewer articles than before. Then a last run completes it: exactly the corpus,
the counts it prints adding up.

Kill points: the first run, and a few more spread over the points while two batches or
more are left, wait for the run's first commit and kill within the next batch, so that
the ingest moves on between kills; the first also times this machine (start-up, then one
batch). Every other point kills at a random delay below that (start-up, reading,
skipping what is stored, annotating, in or between commits); a run the machine finishes
sooner (load changes) must then be complete and exact, and the next kills go to a new
store, so that every point is a kill. The store commits every ``BATCH`` articles, so
what it holds is always a whole number of batches. In CI (the default) 3 kill points on
1,000 articles keep the suite fast; ``make test-kill`` runs the full case, 20 kill
points on 2,000 articles (``MARSAD_KILL_POINTS``, ``MARSAD_KILL_ARTICLES``). The delays
are drawn from ``MARSAD_KILL_SEED``, named in every failure.
"""

from __future__ import annotations

import os
import random
import re
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

ARTICLES = int(os.environ.get("MARSAD_KILL_ARTICLES", "1000"))
KILL_POINTS = int(os.environ.get("MARSAD_KILL_POINTS", "3"))
SEED = int(os.environ.get("MARSAD_KILL_SEED", "20"))
BATCH = 500  # the store commits every 500 articles
LONGEST_DELAY = 7.0  # seconds after the start, until the first run times this machine
AFTER_COMMIT = 2.0  # seconds into the next batch, at most


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.append(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    """Running or sleeping: a zombie has died, waiting only to be reaped."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state not in ("Z", "X")


def _after_a_commit(ingest: subprocess.Popen[str], db: Path, stored: int) -> float:
    """Wait until this run has committed a batch; the seconds until its pool started."""
    began = time.monotonic()
    pool = None
    while stored_count(db) <= stored and ingest.poll() is None:
        if pool is None and _children(ingest.pid):
            pool = time.monotonic() - began
        assert time.monotonic() - began < 300, "no commit in 5 minutes"
        time.sleep(0.05)
    return pool if pool is not None else time.monotonic() - began


def _check(db: Path, expected: set[str]) -> int:
    """The store is sound and holds each article once at most: how many it holds."""
    with sqlite3.connect(db) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        ids = [r[0] for r in connection.execute("SELECT id FROM articles")]
        assert len(ids) == len(set(ids)) and set(ids) <= expected
        searchable = connection.execute("SELECT count(*) FROM article_search").fetchone()[0]
        assert searchable == len(ids)
        for layer in LAYERS:  # no row of a half-written article
            orphans = connection.execute(
                f"SELECT count(*) FROM {layer.table} WHERE article_id NOT IN "
                "(SELECT id FROM articles)"
            ).fetchone()[0]
            assert orphans == 0, layer.table
    connection.close()
    return len(ids)


def _completed(ingest: subprocess.Popen[str], db: Path, expected: set[str], stored: int) -> None:
    """A run that ended by itself: exit 0, counts that add up, exactly the corpus stored."""
    output, _ = ingest.communicate(timeout=600)
    assert ingest.returncode == 0, output
    counts = re.search(r"ingested (\d+) new, (\d+) already stored; (\d+) article", output)
    assert counts, output
    new, already, total = map(int, counts.groups())
    assert (already, new + already, total) == (stored, ARTICLES, ARTICLES), output
    assert _check(db, expected) == ARTICLES


def _killed(ingest: subprocess.Popen[str], where: str) -> int:
    """SIGKILL the run; its workers must die with it. How many workers it had."""
    workers = _children(ingest.pid)
    ingest.send_signal(signal.SIGKILL)
    ingest.wait()
    deadline = time.monotonic() + 5
    while any(map(_alive, workers)) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not any(map(_alive, workers)), f"{where}: a worker outlived its parent"
    return len(workers)


def test_sigkill_at_random_points_leaves_exact_counts(saudi_jsonl: Path, tmp_path: Path) -> None:
    corpus = tmp_path / "saudi.jsonl"
    with saudi_jsonl.open("rb") as source:
        corpus.write_bytes(b"".join(islice(source, ARTICLES)))
    expected = {a.id for a in read_inputs([corpus]) if isinstance(a, Article)}
    assert len(expected) == ARTICLES
    draw = random.Random(SEED)
    # Runs that move on: the first (it also times this machine), and a few more spread
    # over the points while two batches or more are left.
    batches = ARTICLES // BATCH - 1
    moving = {round(k * KILL_POINTS / batches) for k in range(batches)}
    longest = LONGEST_DELAY
    stores: list[Path] = []
    stored = 0
    point = 0
    runs: list[subprocess.Popen[str]] = []
    try:
        while point < KILL_POINTS:
            if not stores or stored == ARTICLES:  # a run ended by itself: a new store
                stores.append(tmp_path / f"m{len(stores)}.db")
                stored = 0
            db = stores[-1]
            ingest = start_ingest(corpus, db, workers=2)
            runs.append(ingest)
            began = time.monotonic()
            if point in moving and ARTICLES - stored >= 2 * BATCH:
                pool = _after_a_commit(ingest, db, stored)
                if point == 0:  # start-up to the pool, then one batch: the run's shortest
                    longest = pool + 0.8 * (time.monotonic() - began - pool)
                time.sleep(draw.uniform(0.0, AFTER_COMMIT))
            else:
                time.sleep(draw.uniform(0.3, longest))
            delay = time.monotonic() - began
            if ingest.poll() is not None:  # faster than timed: it finished, and must be exact
                _completed(ingest, db, expected, stored)
                print(f"a run ended by itself within {delay:.2f} s: {ARTICLES} stored, exactly")
                stored = ARTICLES
                continue
            point += 1
            where = f"kill {point} at {delay:.2f} s (seed {SEED}, store {len(stores)})"
            workers = _killed(ingest, where)
            if db.exists():
                now = _check(db, expected)
                assert now >= stored and now % BATCH == 0, (where, now)  # whole batches
                stored = now
            print(f"{where}: {workers} worker(s) gone, {stored} stored, integrity ok")
        last = start_ingest(corpus, stores[-1], workers=2)
        runs.append(last)
        _completed(last, stores[-1], expected, stored)
    finally:
        for run in runs:  # only what this test started, if an assertion left it running
            if run.poll() is None:
                run.kill()
