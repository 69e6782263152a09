"""The process pool: same results as one process, input order kept, failures contained."""

from __future__ import annotations

import copy
import os
import signal
from itertools import islice
from pathlib import Path

import pytest

from marsad import parallel
from marsad.ingest import InputError, read_inputs
from marsad.model import Article
from marsad.parallel import annotate_safely, annotate_stream, default_workers


def _articles(path: Path, count: int) -> list[Article]:
    items = islice(read_inputs([path]), count)
    return [item for item in items if isinstance(item, Article)]


def test_two_workers_give_the_one_process_result_in_order(saudi_jsonl: Path) -> None:
    articles = _articles(saudi_jsonl, 150)
    alone = list(annotate_stream(copy.deepcopy(articles), workers=1))
    pooled = list(annotate_stream(copy.deepcopy(articles), workers=2, chunk=7))
    assert [a.id for a in pooled] == [a.id for a in articles]
    assert pooled == alone
    assert sum(len(a.timexes) for a in pooled if isinstance(a, Article)) > 0


def test_errors_pass_through_in_their_place(saudi_jsonl: Path) -> None:
    articles = _articles(saudi_jsonl, 5)
    error = InputError("bad.txt", "empty file: nothing to read")
    items: list[Article | InputError] = [articles[0], error, *articles[1:]]
    out = list(annotate_stream(items, workers=2, chunk=2))
    assert out[1] == error
    assert [a.id for a in out if isinstance(a, Article)] == [a.id for a in articles]


def test_a_failing_stage_becomes_an_error_naming_the_article(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def explode(article: Article) -> Article:
        raise ValueError("boom")

    monkeypatch.setattr(parallel, "annotate", explode)
    article = Article(doc="a.txt", source="/data/a.txt", text="نص")
    result = annotate_safely(article)
    assert isinstance(result, InputError)
    assert result.path == "/data/a.txt"
    assert "ValueError: boom" in result.reason
    # in the pool too (fork: the workers see the patched stage), and the stream goes on
    out = list(annotate_stream([article, copy.deepcopy(article)], workers=2, chunk=1))
    assert all(isinstance(item, InputError) for item in out)


def test_default_workers_is_every_core() -> None:
    assert default_workers() >= 1


def _dies_on_seven(article: Article) -> Article:
    """Work whose worker dies under one article, as a crash in native code would."""
    if article.doc == "7":
        os.kill(os.getpid(), signal.SIGKILL)
    return article


def test_a_worker_dying_under_an_article_costs_that_article_only() -> None:
    articles = [Article(doc=str(n), source=f"/data/{n}.txt", text=f"نص {n}") for n in range(40)]
    out = list(annotate_stream(articles, workers=2, chunk=4, work=_dies_on_seven))
    assert [getattr(item, "doc", None) for item in out] == [
        None if n == 7 else str(n) for n in range(40)
    ]
    error = out[7]
    assert isinstance(error, InputError) and error.path == "/data/7.txt"
    assert "the process annotating it died" in error.reason
