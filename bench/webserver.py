"""A `marsad serve` process on 127.0.0.1 for the web benchmarks, over a store of the Saudi
sample (built once with `marsad ingest` if missing). Loopback only; the process is
ended when the block ends."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SAUDI = ROOT.parent / "shared" / "data" / "saudinewsnet-sample" / "articles.jsonl"
FIELDS = ["text=content", "published=date_extracted", "outlet=source_name"]
CACHE = Path(tempfile.gettempdir()) / "marsad-bench"
TOKEN = "bench-token-0123456789"


def marsad() -> str:
    found = Path(sys.executable).with_name("marsad")
    return str(found) if found.exists() else "marsad"


def saudi_store(path: Path | None = None, source: Path = SAUDI) -> Path:
    """The store of the whole Saudi sample (5,996 articles), ingested once and kept."""
    target = path or CACHE / "saudi.db"
    if not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_suffix(".partial.db")
        for leftover in target.parent.glob(partial.name + "*"):
            leftover.unlink()
        fields = [arg for field in FIELDS for arg in ("--field", field)]
        subprocess.run([marsad(), "ingest", str(source), "--db", str(partial), *fields], check=True)
        shutil.move(partial, target)
    return target


def copy_store(source: Path, folder: Path) -> Path:
    """A copy of a store (a benchmark that writes must not change the kept one)."""
    target = folder / source.name
    shutil.copy(source, target)
    return target


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def get_json(url: str, timeout: float = 60) -> Any:
    with urllib.request.urlopen(url, timeout=timeout) as response:
        return json.load(response)


@contextmanager
def running_server(db: Path, data_dir: Path) -> Iterator[tuple[str, float]]:
    """(base URL, seconds from start until it answered) of a `marsad serve` process."""
    port = free_port()
    started = time.perf_counter()
    process = subprocess.Popen(
        [marsad(), "serve", "--db", str(db), "--port", str(port), "--data-dir", str(data_dir)],
        env={**os.environ, "MARSAD_TOKEN": TOKEN},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(600):
            try:
                get_json(f"{base}/api/status", timeout=2)
                break
            except OSError:
                if process.poll() is not None:
                    raise RuntimeError("marsad serve ended at start-up") from None
                time.sleep(0.1)
        yield base, time.perf_counter() - started
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()


def wait_ready(base: str, views: tuple[str, ...] | None = None, limit: float = 600) -> float:
    """Seconds until the server's corpus has every view (or the given ones) made."""
    started = time.perf_counter()
    while time.perf_counter() - started < limit:
        status = get_json(f"{base}/api/status")
        ready = set(status["ready"])
        if status["loaded"] and set(views or status["views"]) <= ready:
            return time.perf_counter() - started
        time.sleep(0.2)
    raise TimeoutError("the corpus views were not ready in time")
