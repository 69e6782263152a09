"""The per-article stages over all cores: articles stream in, annotated articles stream out.

Order is kept and memory stays bounded: articles go to a process pool in small chunks,
with at most a few chunks per worker in flight, so a corpus of any size never sits in
memory (``Executor.map`` would read every input up front). A stage that raises for one
article turns it into an ``InputError`` naming it; the stream goes on. The work done per
article is a parameter (``annotate_safely`` by default; the bench passes a timed one).

Workers never outlive the process that started them, even when it is killed with
SIGKILL (which runs no clean-up): on Linux the kernel kills them with it
(``PR_SET_PDEATHSIG``), and each worker also watches for its parent to change (the
fallback elsewhere, and for a parent that died before the worker could ask). A worker
that dies under an article costs that article only (``_Pool``).
"""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from functools import partial
from itertools import islice
from typing import Any, TypeVar

from marsad.ingest import InputError
from marsad.model import Article
from marsad.pipeline import annotate

CHUNK = 32  # articles per task: big enough to amortise pickling, small for steady progress
IN_FLIGHT_PER_WORKER = 4
PARENT_CHECK_SECONDS = 1.0
_PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>

Annotated = Article | InputError
Result = TypeVar("Result")


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
        said = (str(error).splitlines() or [""])[0][:200]
        return InputError(
            article.source,
            f"annotation failed ({type(error).__name__}: {said}); the article is not stored: "
            "please report this bug with the article",
        )


def _watch_parent(parent: int) -> None:
    while True:
        time.sleep(PARENT_CHECK_SECONDS)
        if os.getppid() != parent:
            os._exit(1)


def die_with_parent(parent: int) -> None:
    """Worker initializer: end this process when ``parent`` ends, however it ends."""
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
        except (OSError, AttributeError):  # no libc to ask: the watch below still holds
            pass
    if os.getppid() != parent:  # it died before we asked: no signal will come
        os._exit(1)
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()


def _run_chunk(
    work: Callable[[Article], Result], items: list[Annotated]
) -> list[Result | InputError]:
    return [work(item) if isinstance(item, Article) else item for item in items]


def annotate_stream(
    articles: Iterable[Annotated],
    workers: int | None = None,
    chunk: int = CHUNK,
    work: Callable[[Article], Result] = annotate_safely,  # type: ignore[assignment]
) -> Iterator[Result | InputError]:
    """``work`` applied to every article (input errors pass through in their place), in
    input order, on ``workers`` processes.

    ``workers`` defaults to every core; 1 runs in this process without a pool. ``work``
    must be picklable (a module-level function, or a ``functools.partial`` of one) and
    should not raise: ``annotate_safely`` turns a failure into an error for the article.
    """
    workers = default_workers() if workers is None else max(1, workers)
    if workers == 1:
        for item in articles:
            yield work(item) if isinstance(item, Article) else item
        return
    pool = _Pool(workers, partial(_run_chunk, work))
    try:
        yield from pool.stream(iter(articles), chunk)
    finally:
        pool.close()


class _Pool:
    """A process pool that survives the death of a worker.

    A worker can die without Python seeing an exception (a crash in native code, the OOM
    killer): the pool is then broken and every chunk in flight lost. Those chunks are run
    again one article at a time in a new pool, so the article that kills its worker is
    found and reported as an error, and every other one is annotated, in order.
    """

    def __init__(self, workers: int, task: Callable[[list[Annotated]], list[Any]]) -> None:
        self.workers = workers
        self.task = task
        self.executor = self._start()

    def _start(self) -> ProcessPoolExecutor:
        # fork: workers inherit the loaded resources (regexes, gazetteers, NER model) free
        return ProcessPoolExecutor(
            max_workers=self.workers,
            mp_context=multiprocessing.get_context("fork"),
            initializer=die_with_parent,
            initargs=(os.getpid(),),
        )

    def _restart(self) -> None:
        self.executor.shutdown(wait=True, cancel_futures=True)
        self.executor = self._start()

    def close(self) -> None:
        self.executor.shutdown(wait=True, cancel_futures=True)

    def stream(self, source: Iterator[Annotated], chunk: int) -> Iterator[Any]:
        pending: deque[tuple[list[Annotated], Future[list[Any]]]] = deque()
        limit = self.workers * IN_FLIGHT_PER_WORKER
        exhausted = False
        while pending or not exhausted:
            while not exhausted and len(pending) < limit:
                batch = list(islice(source, chunk))
                if not batch:
                    exhausted = True
                    break
                pending.append((batch, self.executor.submit(self.task, batch)))
            if not pending:
                continue
            batch, future = pending.popleft()
            try:
                yield from future.result()
            except BrokenProcessPool:
                lost = [batch, *(waiting for waiting, _ in pending)]
                pending.clear()
                self._restart()
                for items in lost:
                    for item in items:
                        yield from self._alone(item)

    def _alone(self, item: Annotated) -> Iterator[Any]:
        if isinstance(item, InputError):
            yield item
            return
        try:
            yield from self.executor.submit(self.task, [item]).result()
        except BrokenProcessPool:
            self._restart()
            yield InputError(
                item.source,
                "the process annotating it died (a crash in native code, or out of memory); "
                "the article is not stored: please report this with the article",
            )
