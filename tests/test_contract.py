"""The public JSON contract: schema-valid, and every offset slices back to its text."""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from marsad.ingest import InputError, ReadOptions, read_inputs
from marsad.model import Article
from marsad.pipeline import annotate
from marsad.schema import validate


def _annotated(paths: list[Path], limit: int | None = None) -> Iterator[Article]:
    items = read_inputs(paths, ReadOptions())
    for item in itertools.islice(items, limit):
        assert not isinstance(item, InputError), str(item)
        yield annotate(item)


def _check_offsets(article: Article, data: dict[str, Any]) -> None:
    text = article.text
    size = len(text)
    for layer in ("timexes", "entities", "quantities"):
        for item in data[layer]:
            assert 0 <= item["start"] < item["end"] <= size
            assert text[item["start"] : item["end"]] == item["text"], (layer, item)
    for quote in data["quotes"]:
        assert 0 <= quote["cue_start"] < quote["cue_end"] <= size
        assert text[quote["cue_start"] : quote["cue_end"]] == quote["cue"]
        assert 0 <= quote["content_start"] < quote["content_end"] <= size
        if "speaker_start" in quote:
            assert 0 <= quote["speaker_start"] < quote["speaker_end"] <= size
    for event in data["events"]:
        assert 0 <= event["trigger_start"] < event["trigger_end"] <= size
    for block in data["boilerplate"]:
        assert 0 <= block["start"] < block["end"] <= size


def _roundtrip(article: Article) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(json.dumps(article.to_json(), ensure_ascii=False))
    validate("extract", data)
    return data


def test_seeds_follow_the_contract(seeds_dir: Path) -> None:
    articles = list(_annotated([seeds_dir]))
    assert len(articles) == 5
    for article in articles:
        assert article.text == (seeds_dir / article.doc).read_text(encoding="utf-8")
        _check_offsets(article, _roundtrip(article))


def test_saudi_articles_follow_the_contract(saudi_jsonl: Path) -> None:
    count = 0
    for article in _annotated([saudi_jsonl], limit=500):
        _check_offsets(article, _roundtrip(article))
        count += 1
    assert count == 500
