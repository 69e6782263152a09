"""The bench: counts and shapes of its figures (never their speed: no timed tests)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from rich.console import Console

from marsad.bench import render_bench, run_bench, slim
from marsad.model import Article, EventMention, Sentence, Span

SHARED = Path(__file__).resolve().parents[2] / "shared"
SAUDI = SHARED / "data" / "saudinewsnet-sample" / "articles.jsonl"


def whole_text_sentence(article: Article) -> None:
    article.sentences = [Sentence(Span(0, len(article.text)))]


def fails_on_second(article: Article) -> None:
    if article.doc == "r2":
        raise RuntimeError("boom")


FAKE_STAGES = (("sentences", whole_text_sentence), ("fragile", fails_on_second))


@pytest.fixture()
def records(tmp_path: Path) -> Path:
    path = tmp_path / "a.jsonl"
    lines = [json.dumps({"id": f"r{i}", "content": f"قال الوزير {i}"}) for i in range(1, 6)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("workers", [1, 2])
def test_every_stage_is_counted(records: Path, workers: int) -> None:
    result = run_bench([records], workers=workers, stages=FAKE_STAGES)
    stages = result["stages"]
    assert stages["read"]["articles"] == 5
    assert stages["sentences"]["articles"] == 5
    assert stages["fragile"]["errors"] == 1
    assert "boom" in stages["fragile"]["first_error"]
    assert result["total"]["articles"] == 5
    assert result["memory"]["peak_rss_mb_end"] > 0
    assert result["memory"]["peak_rss_mb_at_1000"] is None  # fewer than 1,000 articles
    assert result["workers"] == workers
    json.dumps(result)  # plain JSON all the way down


def test_limit_stops_reading(records: Path) -> None:
    result = run_bench([records], limit=2, stages=FAKE_STAGES)
    assert result["stages"]["read"]["articles"] == 2
    assert result["total"]["articles"] == 2


def test_slim_keeps_only_what_the_corpus_needs() -> None:
    article = Article("d", "s", "قال الوزير", raw="<html>قال الوزير</html>")
    article.sentences = [Sentence(Span(0, 3))]
    article.events = [EventMention("statement", Span(0, 3), "قال", Span(0, 10))]
    kept = slim(article)
    assert kept.events == article.events and kept.id == article.id
    assert kept.sentences == article.sentences  # the corpus stage re-dates from layers
    assert kept.raw is None


def test_render_shows_every_stage(records: Path) -> None:
    result = run_bench([records], stages=FAKE_STAGES)
    console = Console(record=True, width=160)
    render_bench(result, console)
    shown = console.export_text()
    for name in ("read", "sentences", "fragile", "per-article", "total", "peak_rss_mb_end"):
        assert name in shown


def test_real_pipeline_on_real_articles() -> None:
    if not SAUDI.is_file():
        pytest.skip(f"real corpus not found: {SAUDI}")
    from marsad.pipeline import STAGES

    result = run_bench([SAUDI], limit=30)
    assert result["stages"]["read"]["articles"] == 30
    for name, _ in STAGES:
        assert result["stages"][name]["articles"] == 30
        assert result["stages"][name].get("errors", 0) == 0, result["stages"][name]
