"""Shared fixtures: the real data lives in ../shared (never copied into the repo)."""

from __future__ import annotations

from pathlib import Path

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
