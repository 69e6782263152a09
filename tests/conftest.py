"""Shared fixtures: the real data lives in ../shared (never copied into the repo)."""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

SHARED = Path(__file__).resolve().parents[2] / "shared"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """repo-root/../shared; tests that need it skip when it is missing."""
    if not SHARED.is_dir():
        pytest.skip(f"shared data folder {SHARED} is missing")
    return SHARED


@pytest.fixture(scope="session")
def seeds_dir(shared_dir: Path) -> Path:
    path = shared_dir / "seeds"
    if not path.is_dir():
        pytest.skip(f"seed reports folder {path} is missing")
    return path


@pytest.fixture(scope="session")
def saudi_jsonl(shared_dir: Path) -> Path:
    path = shared_dir / "data" / "saudinewsnet-sample" / "articles.jsonl"
    if not path.is_file():
        pytest.skip(f"SaudiNewsNet sample {path} is missing")
    return path


def _open(location: str | Path, ready: Any, results: Any) -> None:
    from marsad.store import open_store

    ready.wait()
    try:
        open_store(location).close()
        results.put("ok")
    except Exception as error:  # reported to the test, whatever it is
        results.put(f"{type(error).__name__}: {error}")


@pytest.fixture
def open_at_once() -> Callable[[str | Path], list[str]]:
    """Opens one store from four processes at once: what each got, "ok" or its error."""
    context = multiprocessing.get_context("fork")

    def run(location: str | Path, clients: int = 4) -> list[str]:
        ready, results = context.Barrier(clients), context.Queue()
        started = [
            context.Process(target=_open, args=(location, ready, results)) for _ in range(clients)
        ]
        for process in started:
            process.start()
        for process in started:
            process.join(timeout=120)
        return sorted(results.get(timeout=5) for _ in started)

    return run
