"""The stored articles after the corpus stage, rebuilt only when the store changes.

Every read endpoint works on one ``Corpus``: the articles with the corpus stage run
over them (inferred publication dates included), the timeline, and lazily the stories,
entities and factor summary. The store's file stamps (size and modification time of the
database and its WAL) tell when to rebuild; an ingest through the API also drops it.
"""

from __future__ import annotations

import os
import threading
from functools import cached_property
from pathlib import Path
from typing import Any

from marsad.corpus.actors import summarize_entities
from marsad.corpus.stage import run_corpus_stage
from marsad.corpus.stories import Story, cluster_stories
from marsad.corpus.timeline import Conflict, Event, Timeline
from marsad.model import Article
from marsad.store import Store


class Corpus:
    """One consistent view of the store."""

    def __init__(self, articles: list[Article]) -> None:
        self.articles = articles
        self.timeline: Timeline = run_corpus_stage(articles).timeline
        self.by_id: dict[str, Article] = {a.id: a for a in articles}
        self.events: dict[str, Event] = {
            e.id: e for e in [*self.timeline.events, *self.timeline.undated]
        }

    @cached_property
    def stories(self) -> list[Story]:
        return cluster_stories(self.articles)

    @cached_property
    def entities(self) -> list[dict[str, Any]]:
        return summarize_entities(self.articles)

    @cached_property
    def factors(self) -> dict[str, Any]:
        from marsad.corpus.factors import factor_summary, load_framework

        return factor_summary(self.articles, load_framework())

    def conflicts_of(self, event_id: str) -> list[Conflict]:
        return [c for c in self.timeline.conflicts if event_id in c.event_ids]


def _stamp(path: Path) -> tuple[tuple[int, int], ...]:
    out = []
    for file in (path, Path(f"{path}-wal")):
        try:
            info = os.stat(file)
        except FileNotFoundError:
            out.append((0, 0))
        else:
            out.append((info.st_size, info.st_mtime_ns))
    return tuple(out)


class CorpusCache:
    """The ``Corpus`` of a store file, rebuilt when the file changes (thread-safe)."""

    def __init__(self, db_path: Path) -> None:
        self.db_path = db_path
        self._lock = threading.Lock()
        self._corpus: Corpus | None = None
        self._stamp: tuple[tuple[int, int], ...] | None = None

    def get(self) -> Corpus:
        with self._lock:
            stamp = _stamp(self.db_path)
            if self._corpus is None or stamp != self._stamp:
                with Store(self.db_path) as store:
                    articles = list(store.iter_articles())
                self._corpus = Corpus(articles)
                self._stamp = _stamp(self.db_path)
            return self._corpus

    def invalidate(self) -> None:
        with self._lock:
            self._corpus = None
