"""The stored articles after the corpus stage, with every view the pages read, precomputed.

Every read endpoint works on one ``Corpus``: the articles with the corpus stage run over
them (inferred publication dates included), the timeline, and then the stories, the
reprints, the entity index, the quotes and the factor evidence. A background thread
computes those one after another as soon as a corpus is made, so no request rebuilds a
view; a request that needs one before the thread got to it computes it once, under the
same lock.

``CorpusCache`` keeps one corpus per store. When another process commits to the store
(``PRAGMA data_version`` moved), the current corpus keeps answering while a new one is
built in the background and swapped in whole, so reads never wait on an ingest; an
ingest through the API drops the corpus, so its own answer and the next request agree.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from marsad.corpus.duplicates import DuplicateGroup, find_duplicates
from marsad.corpus.stage import run_corpus_stage
from marsad.corpus.stories import Story, cluster_stories
from marsad.corpus.timeline import Conflict, Event, NameDates, Timeline
from marsad.model import Article
from marsad.store import Store
from marsad.web.db import ChangeWatch

log = logging.getLogger(__name__)
RESPONSE_BYTES = 64 << 20  # encoded answers kept per corpus (pages, entity and story pages)
_T = TypeVar("_T")

# The views in the order the warming thread computes them: what the first page needs first.
WARM_ORDER = (
    "scopes",
    "summaries",
    "entity_index",
    "quotes",
    "stories",
    "reprints",
    "story_index",
    "factor_evidence",
    "factors",
)


class Corpus:
    """One consistent view of the store; its views are computed once each."""

    def __init__(self, articles: list[Article]) -> None:
        self.articles = articles
        self.timeline: Timeline = run_corpus_stage(articles).timeline
        self.by_id: dict[str, Article] = {a.id: a for a in articles}
        self.events: dict[str, Event] = {
            e.id: e for e in [*self.timeline.events, *self.timeline.undated]
        }
        self._lock = threading.Lock()
        self._view_locks: dict[str, threading.RLock] = {}
        self._views: dict[str, Any] = {}
        self._responses: OrderedDict[tuple[Any, ...], bytes] = OrderedDict()
        self._response_bytes = 0

    def _once(self, name: str, make: Callable[[], _T]) -> _T:
        """The view ``name``, made once; views lock one by one, so a request for the
        timeline never waits while the stories are being clustered."""
        with self._lock:
            lock = self._view_locks.setdefault(name, threading.RLock())
        with lock:
            if name not in self._views:
                self._views[name] = make()
            value: _T = self._views[name]
            return value

    def response(self, key: tuple[Any, ...], make: Callable[[], bytes]) -> bytes:
        """An encoded answer kept for this corpus (the most recent ``RESPONSE_BYTES``)."""
        with self._lock:
            body = self._responses.get(key)
            if body is not None:
                self._responses.move_to_end(key)
                return body
        body = make()
        with self._lock:
            if key not in self._responses:
                self._responses[key] = body
                self._response_bytes += len(body)
            while self._response_bytes > RESPONSE_BYTES and len(self._responses) > 1:
                self._response_bytes -= len(self._responses.popitem(last=False)[1])
        return body

    def ready(self) -> list[str]:
        """The views computed so far (without waiting for any)."""
        return [name for name in WARM_ORDER if name in self._views]

    def warm(self) -> None:
        for name in WARM_ORDER:
            getattr(self, name)

    # -- views ------------------------------------------------------------------------------

    @property
    def summaries(self) -> list[dict[str, Any]]:
        from marsad.web.views import article_summary

        return self._once("summaries", lambda: [article_summary(a) for a in self.articles])

    @property
    def summary_by_id(self) -> dict[str, dict[str, Any]]:
        return self._once("summary_by_id", lambda: {s["id"]: s for s in self.summaries})

    @property
    def entities(self) -> list[dict[str, Any]]:
        return self.entity_index.rows

    @property
    def entity_index(self) -> Any:
        from marsad.web.entities import EntityIndex

        return self._once("entity_index", lambda: EntityIndex(self))

    @property
    def quotes(self) -> Any:
        from marsad.web.quotes import QuoteIndex

        return self._once("quotes", lambda: QuoteIndex(self))

    @property
    def stories(self) -> list[Story]:
        return self._once("stories", lambda: cluster_stories(self.articles))

    @property
    def reprints(self) -> list[DuplicateGroup]:
        return self._once("reprints", lambda: find_duplicates(self.articles))

    @property
    def story_index(self) -> Any:
        from marsad.web.stories import StoryIndex

        return self._once("story_index", lambda: StoryIndex(self))

    @property
    def scopes(self) -> Any:
        from marsad.web.scope import TimelineScopes

        return self._once("scopes", lambda: TimelineScopes(self))

    @property
    def factor_evidence(self) -> Any:
        from marsad.web.factors import FactorEvidenceIndex

        return self._once("factor_evidence", lambda: FactorEvidenceIndex(self.articles))

    @property
    def factors(self) -> dict[str, Any]:
        return self._once("factors", lambda: self.factor_evidence.summary(self.articles))

    def conflicts_of(self, event_id: str) -> list[Conflict]:
        """The slots the reports of this event disagree on."""
        return self.timeline.conflicts_of(event_id)

    def name_dates_of(self, event_id: str) -> list[NameDates]:
        """Other events of the same name with other dates."""
        return [c for c in self.timeline.name_dates if event_id in c.event_ids]


def load_corpus(db_path: Path) -> Corpus:
    with Store(db_path) as store:
        articles = list(store.iter_articles())
    return Corpus(articles)


class CorpusCache:
    """The ``Corpus`` of a store file: built once, rebuilt in the background on change."""

    def __init__(
        self,
        db_path: Path,
        check_every: float = 1.0,
        rebuild_pause: float = 10.0,
        warm: bool = True,
    ) -> None:
        self.db_path = db_path
        self.check_every = check_every  # seconds between looks at data_version
        self.rebuild_pause = rebuild_pause  # seconds between the end of a rebuild and the next
        self.warm = warm
        self._lock = threading.Lock()
        self._corpus: Corpus | None = None
        self._watch = ChangeWatch(db_path)
        self._checked = 0.0
        self._stale = False
        self._rebuilding = False
        self._rebuilt_at = 0.0
        self._generation = 0  # moves on invalidate: a rebuild begun before must not land
        self.builds = 0

    def get(self) -> Corpus:
        with self._lock:
            if self._corpus is None:
                self._watch.changed()  # what we read now is the version we hold
                self._corpus = load_corpus(self.db_path)
                self.builds += 1
                self._start(self._corpus.warm)
            elif self._moved():
                self._stale = True
            paused = time.monotonic() - self._rebuilt_at < self.rebuild_pause
            if self._stale and not self._rebuilding and not paused:
                self._rebuilding = True
                self._stale = False
                self._start(self._rebuild)
            return self._corpus

    def peek(self) -> Corpus | None:
        """The current corpus, never waiting for one to be built."""
        return self._corpus

    def status(self) -> dict[str, Any]:
        corpus = self._corpus
        return {
            "loaded": corpus is not None,
            "articles": len(corpus.articles) if corpus else None,
            "ready": corpus.ready() if corpus else [],
            "views": list(WARM_ORDER),
            "rebuilding": self._rebuilding,
            "builds": self.builds,
        }

    def _moved(self) -> bool:
        now = time.monotonic()
        if now - self._checked < self.check_every:
            return False
        self._checked = now
        return self._watch.changed()

    def _start(self, target: Callable[[], None]) -> None:
        if self.warm:
            threading.Thread(target=target, name="marsad-corpus", daemon=True).start()

    def _rebuild(self) -> None:
        generation = self._generation
        try:
            fresh = load_corpus(self.db_path)
            fresh.warm()
        except Exception:  # the old corpus keeps answering; the next change retries
            log.exception("rebuilding the corpus failed")
            with self._lock:
                self._rebuilding = False
                self._rebuilt_at = time.monotonic()
            return
        with self._lock:
            if generation == self._generation and self._corpus is not None:
                self._corpus = fresh
                self.builds += 1
            self._rebuilding = False
            self._rebuilt_at = time.monotonic()

    def invalidate(self) -> None:
        """Forget the corpus: the next request builds the store's current one."""
        with self._lock:
            self._corpus = None
            self._stale = False
            self._generation += 1

    def close(self) -> None:
        self._watch.close()
