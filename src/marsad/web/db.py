"""Read connections to the store for the web app: one per thread, kept open.

Opening a connection per request made SQLite create and delete the ``-wal`` file each
time, which both cost time and looked like a change of the store. Each worker thread
keeps one read-only connection instead; ``data_version`` on a connection of our own tells
when another connection (an ingest) has committed.
"""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path
from urllib.parse import quote

READ_TIMEOUT = 5.0  # seconds a reader waits on a lock before the request fails


def open_reader(path: Path) -> sqlite3.Connection:
    """A read-only connection (``query_only``) to the store file at ``path``."""
    uri = f"file:{quote(str(path.resolve()))}?mode=ro"
    db = sqlite3.connect(uri, uri=True, timeout=READ_TIMEOUT, check_same_thread=False)
    db.execute("PRAGMA query_only = ON")
    return db


class Readers:
    """One read-only connection per thread, all closed by ``close``."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._local = threading.local()
        self._lock = threading.Lock()
        self._all: list[sqlite3.Connection] = []

    def get(self) -> sqlite3.Connection:
        db: sqlite3.Connection | None = getattr(self._local, "db", None)
        if db is None:
            db = open_reader(self.path)
            self._local.db = db
            with self._lock:
                self._all.append(db)
        return db

    def close(self) -> None:
        with self._lock:
            for db in self._all:
                db.close()
            self._all.clear()
        self._local = threading.local()


class ChangeWatch:
    """Tells whether another connection committed since the last look (``data_version``)."""

    def __init__(self, path: Path) -> None:
        self._db = open_reader(path)
        self._lock = threading.Lock()
        self._seen = self._version()

    def _version(self) -> int:
        return int(self._db.execute("PRAGMA data_version").fetchone()[0])

    def changed(self) -> bool:
        with self._lock:
            now = self._version()
            moved, self._seen = now != self._seen, now
            return moved

    def close(self) -> None:
        self._db.close()
