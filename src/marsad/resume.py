"""Resuming an ingest: only the articles a store does not hold yet go on to be annotated.

Items are looked up in batches (``ArticleStore.stored``), so memory stays flat however
many articles the store holds: nothing loads every stored id. An article read twice in
one run (the same text under two paths) is skipped within its batch; across batches a
second copy still in the pool is annotated again and replaces the first when saved, so
the store holds it once either way. Errors pass through in their place.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from marsad.ingest import InputError
from marsad.model import Article
from marsad.store import ArticleStore

LOOKUP_BATCH = 256  # items read ahead per store lookup: small, so the pool starts at once

Item = Article | InputError


class Unstored:
    """The items of a stream that the store does not hold yet; counts what it skipped."""

    def __init__(self, store: ArticleStore, batch: int = LOOKUP_BATCH) -> None:
        self.store = store
        self.batch = batch
        self.skipped = 0

    def __call__(self, items: Iterable[Item]) -> Iterator[Item]:
        pending: list[Item] = []
        for item in items:
            pending.append(item)
            if len(pending) >= self.batch:
                yield from self._fresh(pending)
                pending = []
        yield from self._fresh(pending)

    def _fresh(self, items: list[Item]) -> Iterator[Item]:
        ids = [item.id for item in items if isinstance(item, Article)]
        known = self.store.stored(ids) if ids else set()
        for item in items:
            if isinstance(item, Article):
                if item.id in known:
                    self.skipped += 1
                    continue
                known.add(item.id)  # a second copy in this batch is skipped too
            yield item
