"""The per-article stages over all cores: articles stream in, annotated articles stream out.

Order is kept and memory stays bounded: articles go to a process pool in small chunks,
with at most a few chunks per worker in flight, so a corpus of any size never sits in
memory (``Executor.map`` would read every input up front). A stage that raises for one
article turns it into an ``InputError`` naming it; the stream goes on.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import islice

from marsad.ingest import InputError
from marsad.model import Article
from marsad.pipeline import annotate

CHUNK = 32  # articles per task: big enough to amortise pickling, small for steady progress
IN_FLIGHT_PER_WORKER = 4

Annotated = Article | InputError


def default_workers() -> int:
    """The cores this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


def annotate_safely(article: Article) -> Annotated:
    """``annotate``, with a failing stage reported against the article instead of raised."""
    try:
        return annotate(article)
    except Exception as error:  # one bad article must not end a batch of millions
        return InputError(
            article.source,
            f"annotation failed ({type(error).__name__}: {error}): please report this bug",
        )


def _annotate_chunk(items: list[Annotated]) -> list[Annotated]:
    return [annotate_safely(item) if isinstance(item, Article) else item for item in items]


def annotate_stream(
    articles: Iterable[Annotated], workers: int | None = None, chunk: int = CHUNK
) -> Iterator[Annotated]:
    """Annotated articles (or errors) in input order, on ``workers`` processes.

    Input errors pass through in their place. ``workers`` defaults to every core; 1 runs
    in this process without a pool.
    """
    workers = default_workers() if workers is None else max(1, workers)
    if workers == 1:
        for item in articles:
            yield annotate_safely(item) if isinstance(item, Article) else item
        return
    source = iter(articles)
    # fork: workers inherit the loaded resources (regexes, gazetteers, NER model) at no cost
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        pending: deque[Future[list[Annotated]]] = deque()
        limit = workers * IN_FLIGHT_PER_WORKER
        exhausted = False
        while pending or not exhausted:
            while not exhausted and len(pending) < limit:
                batch = list(islice(source, chunk))
                if not batch:
                    exhausted = True
                    break
                pending.append(pool.submit(_annotate_chunk, batch))
            if pending:
                yield from pending.popleft().result()
