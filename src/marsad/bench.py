"""Throughput and memory of every stage over real inputs: read, per-article stages, store, corpus.

Articles stream through: each is read, annotated, written to a temporary SQLite store and
dropped. Only a slim copy survives for the corpus stage (``slim``: the text, ids,
metadata and event mentions; no sentences, timexes, entities, quotes or quantities),
because the timeline is built across all articles at once.

Every stage reports wall-clock ``seconds`` and ``cpu_seconds`` (process CPU time, the
steadier figure on a busy machine). Inputs are read by ``marsad.ingest.read_inputs`` and
the per-article stages run in ``marsad.parallel``'s pool, as ``marsad ingest`` runs them,
each article through a timed function; with ``workers > 1`` the stage times are the
workers', summed over workers (so rates are per core); ``total``
stays wall clock, with the main process's CPU. Peak memory is the peak resident set size
(RSS) of this process after 1,000 articles and at the end, plus the largest worker's.
"""

from __future__ import annotations

import dataclasses
import json
import resource
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

from marsad.corpus.duplicates import find_duplicates
from marsad.corpus.stage import run_corpus_stage
from marsad.corpus.stories import cluster_stories
from marsad.ingest import ReadOptions, read_inputs
from marsad.model import Article
from marsad.parallel import annotate_stream
from marsad.pipeline import STAGES
from marsad.store import Store

Stage = Callable[[Article], None]
MEMORY_CHECKPOINT = 1000
STORE_BATCH = 256
READER = "marsad.ingest.read_inputs"


def slim(article: Article) -> Article:
    """What the corpus stage needs of an article: everything but a raw HTML page."""
    if article.raw is None:
        return article
    return dataclasses.replace(article, raw=None)


# --- timing ---------------------------------------------------------------------------------


@dataclass(slots=True)
class StageTiming:
    articles: int = 0
    seconds: float = 0.0  # wall clock
    cpu_seconds: float = 0.0  # this process's CPU time (the worker's, with workers)
    errors: int = 0
    first_error: str | None = None

    @contextmanager
    def clock(self) -> Iterator[None]:
        """Add the wall and CPU time of the block to this stage."""
        wall, cpu = time.perf_counter(), time.process_time()
        try:
            yield
        finally:
            self.seconds += time.perf_counter() - wall
            self.cpu_seconds += time.process_time() - cpu

    def to_json(self) -> dict[str, Any]:
        rate = self.articles / self.seconds if self.seconds else 0.0
        cpu_rate = self.articles / self.cpu_seconds if self.cpu_seconds else 0.0
        out: dict[str, Any] = {
            "articles": self.articles,
            "seconds": round(self.seconds, 3),
            "articles_per_second": round(rate, 1),
            "cpu_seconds": round(self.cpu_seconds, 3),
            "articles_per_cpu_second": round(cpu_rate, 1),
        }
        if self.errors:
            out["errors"] = self.errors
            out["first_error"] = self.first_error
        return out

    def fail(self, exc: BaseException) -> None:
        self.errors += 1
        if self.first_error is None:
            self.first_error = f"{type(exc).__name__}: {exc}"


@dataclass(slots=True)
class _Run:
    timings: dict[str, StageTiming] = field(default_factory=dict)
    memory: dict[str, float | None] = field(default_factory=dict)

    def timing(self, name: str) -> StageTiming:
        return self.timings.setdefault(name, StageTiming())


def peak_rss_mb(who: int = resource.RUSAGE_SELF) -> float:
    """Peak resident set size in MB (Linux reports kilobytes)."""
    return round(resource.getrusage(who).ru_maxrss / 1024, 1)


Spent = dict[str, tuple[float, float, str | None]]  # stage: (wall, cpu, error or None)


def annotate_timed(article: Article, stages: Sequence[tuple[str, Stage]]) -> tuple[Article, Spent]:
    """Run every stage on the article: (article, {stage: (wall s, CPU s, error or None)})."""
    spent: Spent = {}
    for name, stage in stages:
        wall, cpu = time.perf_counter(), time.process_time()
        error = None
        try:
            stage(article)
        except Exception as exc:  # a crashing stage is a figure of the bench, not its end
            error = f"{type(exc).__name__}: {exc}"
        spent[name] = (time.perf_counter() - wall, time.process_time() - cpu, error)
    article.release_view()  # as ``annotate`` does: kept articles must not hold their views
    return article, spent


class _StoreWriter:
    """Writes articles in batches to a temporary SQLite ``marsad.store.Store``, timed.

    Batches, because the store commits once per ``save_many`` call, as ``marsad ingest``
    uses it; the buffer holds at most ``STORE_BATCH`` full articles.
    """

    def __init__(self, folder: Path, run: _Run) -> None:
        self.buffer: list[Article] = []
        self.timing = run.timing("store")
        with self.timing.clock():
            self.store = Store(folder / "bench.sqlite")

    def add(self, article: Article) -> None:
        self.buffer.append(article)
        if len(self.buffer) >= STORE_BATCH:
            self.flush()

    def flush(self) -> None:
        if not self.buffer:
            return
        with self.timing.clock():
            try:
                self.store.save_many(self.buffer)
            except Exception as exc:  # reported, not fatal
                self.timing.fail(exc)
        self.timing.articles += len(self.buffer)
        self.buffer = []

    def close(self) -> None:
        self.flush()
        with self.timing.clock():
            self.store.close()


def _record(run: _Run, spent: Spent) -> None:
    for name, (seconds, cpu_seconds, error) in spent.items():
        timing = run.timing(name)
        timing.articles += 1
        timing.seconds += seconds
        timing.cpu_seconds += cpu_seconds
        if error is not None:
            timing.errors += 1
            timing.first_error = timing.first_error or error


def _annotated(
    articles: Iterator[Article], stages: Sequence[tuple[str, Stage]], workers: int, run: _Run
) -> Iterator[Article]:
    """Annotated articles, stage times recorded into ``run``: marsad's own pool
    (``marsad.parallel``) runs the timed stages, so times are the workers' with workers."""
    timed = partial(annotate_timed, stages=stages)
    for item in annotate_stream(articles, workers, work=timed):
        if isinstance(item, tuple):
            annotated, spent = item
            _record(run, spent)
            yield annotated


def _read_timed(paths: Sequence[Path], limit: int | None, run: _Run) -> Iterator[Article]:
    items = iter(read_inputs(list(paths), ReadOptions()))
    timing = run.timing("read")
    while limit is None or timing.articles < limit:
        with timing.clock():
            item = next(items, None)
        if item is None:
            return
        if not isinstance(item, Article):
            timing.errors += 1
            timing.first_error = timing.first_error or str(item)
            continue
        timing.articles += 1
        yield item


def run_bench(
    paths: Sequence[Path],
    limit: int | None = None,
    workers: int = 1,
    *,
    stages: Sequence[tuple[str, Stage]] | None = None,
) -> dict[str, Any]:
    """Time every stage over the inputs; see the module docstring for what is measured.

    ``stages`` defaults to ``marsad.pipeline.STAGES`` (module-level functions, so that they
    reach worker processes).
    """
    run = _Run()
    stages = STAGES if stages is None else stages
    began, began_cpu = time.perf_counter(), time.process_time()
    kept: list[Article] = []
    with tempfile.TemporaryDirectory(prefix="marsad-bench-") as folder:
        store = _StoreWriter(Path(folder), run)
        annotated = _annotated(_read_timed(paths, limit, run), stages, workers, run)
        for count, article in enumerate(annotated, start=1):
            store.add(article)
            kept.append(slim(article))
            if count == MEMORY_CHECKPOINT:
                run.memory[f"peak_rss_mb_at_{MEMORY_CHECKPOINT}"] = peak_rss_mb()
        store.close()
    _corpus(kept, run)
    total = StageTiming(len(kept), time.perf_counter() - began, time.process_time() - began_cpu)
    annotate = StageTiming(len(kept))
    for name, _ in stages:
        if name in run.timings:
            annotate.seconds += run.timings[name].seconds
            annotate.cpu_seconds += run.timings[name].cpu_seconds
    run.memory.setdefault(f"peak_rss_mb_at_{MEMORY_CHECKPOINT}", None)
    run.memory["peak_rss_mb_end"] = peak_rss_mb()
    if workers > 1:
        run.memory["peak_rss_mb_largest_worker"] = peak_rss_mb(resource.RUSAGE_CHILDREN)
    return {
        "inputs": [str(p) for p in paths],
        "limit": limit,
        "workers": workers,
        "reader": READER,
        "stages": {name: run.timings[name].to_json() for name in _stage_order(run.timings)},
        "per_article_stages": annotate.to_json(),
        "total": total.to_json(),
        "memory": run.memory,
    }


def _stage_order(timings: dict[str, StageTiming]) -> list[str]:
    """read, the per-article stages in pipeline order, store, corpus."""
    edges = ("read", "store", "corpus")
    middle = [name for name in timings if name not in edges]
    return [n for n in ("read", *middle, "store", "corpus") if n in timings]


def _corpus(articles: list[Article], run: _Run) -> None:
    """The corpus stage as marsad runs it (linked statements, inferred dates, timeline),
    then reprints and stories, each timed apart."""
    steps: tuple[tuple[str, Callable[[list[Article]], object]], ...] = (
        ("corpus", run_corpus_stage),
        ("duplicates", find_duplicates),
        ("stories", cluster_stories),
    )
    for name, step in steps:
        timing = run.timing(name)
        with timing.clock():
            try:
                step(articles)
            except Exception as exc:  # reported, not fatal
                timing.fail(exc)
        timing.articles = len(articles)


def render_bench(result: dict[str, Any], console: Console) -> None:
    """The bench result as a Rich table."""
    table = Table(title=f"marsad bench ({result['workers']} worker(s), reader: {result['reader']})")
    columns = ("stage", "articles", "wall s", "art/s", "cpu s", "art/cpu s", "errors")
    for column in columns:
        table.add_column(column, justify="left" if column == "stage" else "right")
    rows = [
        *result["stages"].items(),
        ("per-article", result["per_article_stages"]),
        ("total", result["total"]),
    ]
    for name, timing in rows:
        table.add_row(
            name,
            str(timing["articles"]),
            f"{timing['seconds']:.3f}",
            f"{timing['articles_per_second']:.1f}",
            f"{timing['cpu_seconds']:.3f}",
            f"{timing['articles_per_cpu_second']:.1f}",
            str(timing.get("errors", 0)),
        )
    console.print(table)
    for key, value in result["memory"].items():
        console.print(f"{key}: {'—' if value is None else f'{value} MB'}")
    for name, timing in result["stages"].items():
        if timing.get("first_error"):
            console.print(f"[red]{name}:[/red] {timing['first_error']}")


def main(argv: Sequence[str] | None = None) -> None:
    """``python -m marsad.bench PATH... [--limit N] [--workers N] [--json]``."""
    import argparse

    parser = argparse.ArgumentParser(prog="python -m marsad.bench", description=__doc__)
    parser.add_argument("paths", nargs="+", type=Path)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    result = run_bench(args.paths, limit=args.limit, workers=args.workers)
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=2))
    else:
        render_bench(result, Console())


if __name__ == "__main__":
    main()
