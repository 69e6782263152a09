"""``marsad ingest`` as a separate process, for the tests that kill it or fill its disk."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

COMMAND = [sys.executable, "-c", "from marsad.cli import app; app()", "ingest"]


def start_ingest(corpus: Path, db: Path, workers: int) -> subprocess.Popen[str]:
    """The ingest, started; its stdout and stderr together on ``stdout``."""
    return subprocess.Popen(
        [*COMMAND, str(corpus), "--db", str(db), "--workers", str(workers)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def stored_count(db: Path) -> int:
    """Articles in the store now (0 while it cannot be read)."""
    try:
        with sqlite3.connect(db, timeout=0.1) as connection:
            return int(connection.execute("SELECT count(*) FROM articles").fetchone()[0])
    except sqlite3.Error:
        return 0
