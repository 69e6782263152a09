"""Batched writes shared by both store back ends: one transaction per batch."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from contextlib import AbstractContextManager

from marsad.model import Article


def save_in_batches(
    articles: Iterable[Article],
    batch_size: int,
    transaction: Callable[[], AbstractContextManager[object]],
    write: Callable[[Article], bool],
) -> tuple[int, int]:
    """Write ``articles`` committing every ``batch_size``; returns (new, updated) counts.

    ``write`` returns True for an article the store did not hold before.
    """
    new = updated = 0
    batch: list[Article] = []

    def flush() -> None:
        nonlocal new, updated
        with transaction():
            for article in batch:
                if write(article):
                    new += 1
                else:
                    updated += 1
        batch.clear()

    for article in articles:
        batch.append(article)
        if len(batch) >= batch_size:
            flush()
    if batch:
        flush()
    return new, updated
