"""A real full disk: ingest into a store on a 3 MB tmpfs, then again once it has room.

The first ingest fills the disk: one line saying so, exit status 1, the finished batches
kept (a sound store, no row of a half-written article); after the file system grows, the
same command continues where it stopped, to exactly the whole corpus.

The tmpfs is mounted in a mount namespace of its own (``unshare --mount``), so nothing
outside the test ever sees it, and it goes when the test ends. Where that is not allowed
(not root, no unshare, a container without the capability) the test is skipped, saying
why; ``test_store_errors`` still covers a full disk simulated inside SQLite.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from itertools import islice
from pathlib import Path

import pytest

from ingest_process import start_ingest

ARTICLES = 1100  # real texts cut to TEXT_CHARS: more than SMALL holds, 500 of them fit
TEXT_CHARS = 500
# The store of all 1,100 takes about 6.5 MB, of one 500-article batch about 3 MB: a 3 MB
# disk left the first batch fitting or not by a few pages, as extraction output changed.
SMALL, LARGE = "4m", "64m"


def _skip_reason() -> str | None:
    if not sys.platform.startswith("linux"):
        return "a tmpfs mount needs Linux"
    if shutil.which("unshare") is None:
        return "no unshare command to mount a private tmpfs"
    if os.geteuid() != 0:
        return "mounting a tmpfs needs root"
    probe = subprocess.run(
        ["unshare", "--mount", "--propagation", "private", "mount", "-t", "tmpfs", "-o",
         "size=1m", "tmpfs", "/mnt"],
        capture_output=True,
        text=True,
    )  # fmt: skip
    if probe.returncode != 0:
        return f"this machine does not allow a tmpfs mount ({probe.stderr.strip()[:80]})"
    return None


def _ingest(corpus: Path, db: Path) -> dict[str, object]:
    ingest = start_ingest(corpus, db, workers=2)
    output, _ = ingest.communicate(timeout=600)
    return {"status": ingest.returncode, "output": output}


def _store(db: Path) -> dict[str, object]:
    import sqlite3

    from marsad.store.rows import LAYERS

    with sqlite3.connect(db) as connection:
        orphans = sum(
            connection.execute(
                f"SELECT count(*) FROM {layer.table} WHERE article_id NOT IN "
                "(SELECT id FROM articles)"
            ).fetchone()[0]
            for layer in LAYERS
        )
        found = {
            "integrity": connection.execute("PRAGMA integrity_check").fetchone()[0],
            "articles": connection.execute("SELECT count(*) FROM articles").fetchone()[0],
            "distinct": connection.execute("SELECT count(DISTINCT id) FROM articles").fetchone()[0],
            "searchable": connection.execute("SELECT count(*) FROM article_search").fetchone()[0],
            "orphans": orphans,
        }
    connection.close()
    return found


def scenario(corpus: str, mount: str) -> None:
    """Runs inside the private mount namespace; prints what happened as JSON."""
    target = Path(mount)
    subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={SMALL}", "tmpfs", mount], check=True)
    db = target / "m.db"
    full = _ingest(Path(corpus), db)
    after_full = _store(db)
    subprocess.run(["mount", "-o", f"remount,size={LARGE}", mount], check=True)
    again = _ingest(Path(corpus), db)
    print(json.dumps({"full": full, "after_full": after_full, "again": again, "end": _store(db)}))


def test_a_full_disk_then_room_again(saudi_jsonl: Path, tmp_path: Path) -> None:
    reason = _skip_reason()
    if reason:
        pytest.skip(reason)
    corpus = tmp_path / "saudi.jsonl"
    with saudi_jsonl.open(encoding="utf-8") as source, corpus.open("w", encoding="utf-8") as out:
        for line in islice(source, ARTICLES):
            record = json.loads(line)
            record["content"] = record["content"][:TEXT_CHARS]
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    mount = tmp_path / "small-disk"
    mount.mkdir()
    driver = (
        f"import sys; sys.path.insert(0, {str(Path(__file__).parent)!r}); "
        f"from test_full_disk import scenario; scenario({str(corpus)!r}, {str(mount)!r})"
    )
    done = subprocess.run(
        ["unshare", "--mount", "--propagation", "private", sys.executable, "-c", driver],
        capture_output=True,
        text=True,
        timeout=1200,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    result = json.loads(done.stdout.strip().splitlines()[-1])

    full, stored = result["full"], result["after_full"]
    assert full["status"] == 1, full
    assert full["output"].strip().splitlines() == [
        f"error {mount}/m.db: the disk is full (database or disk is full); what was being "
        "written is rolled back, none of it stored: free some space and run again"
    ]
    assert stored["integrity"] == "ok" and stored["orphans"] == 0, stored
    assert 0 < stored["articles"] < ARTICLES, stored  # the finished batches, whole
    assert stored["articles"] == stored["distinct"] == stored["searchable"], stored

    again, end = result["again"], result["end"]
    assert again["status"] == 0, again
    counts = f"ingested {ARTICLES - stored['articles']} new, {stored['articles']} already stored"
    assert counts in again["output"], again
    assert end == {
        "integrity": "ok",
        "articles": ARTICLES,
        "distinct": ARTICLES,
        "searchable": ARTICLES,
        "orphans": 0,
    }
