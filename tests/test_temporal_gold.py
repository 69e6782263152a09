"""Every gold timex of the seed reports is found with its span and value."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from marsad.model import Article, PublishedSource
from marsad.temporal import annotate_timexes, tag_text

SHARED = Path(__file__).resolve().parents[2] / "shared"
GOLD = SHARED / "gold" / "seeds.json"


def _gold_documents() -> list[dict]:
    if not GOLD.exists():
        return []
    return json.loads(GOLD.read_text(encoding="utf-8"))["documents"]


def _span(text: str, surface: str, occurrence: int) -> tuple[int, int]:
    """The n-th whole-word occurrence (المستقبل is not the one inside المستقبلية)."""
    pattern = r"(?<!\w)" + re.escape(surface) + r"(?!\w)"
    start = [m.start() for m in re.finditer(pattern, text)][occurrence - 1]
    return start, start + len(surface)


pytestmark = pytest.mark.skipif(not GOLD.exists(), reason=f"shared data missing: {GOLD}")


@pytest.mark.parametrize("doc", _gold_documents(), ids=lambda d: d["doc"][:3])
def test_seed_timexes(doc: dict) -> None:
    text = (SHARED / "seeds" / doc["doc"]).read_text(encoding="utf-8")
    found = {(t.span.start, t.span.end): t for t in tag_text(text)}
    for gold in doc["timexes"]:
        span = _span(text, gold["text"], gold["occurrence"])
        assert span in found, gold
        timex = found[span]
        assert timex.text == gold["text"]
        assert timex.value == gold["value"], gold
        assert timex.type == gold["type"], gold
        if gold.get("anchor") == "publication":
            assert timex.anchor == "publication"
        assert timex.rule


@pytest.mark.parametrize(
    "doc",
    [d for d in _gold_documents() if d.get("published_inferable")],
    ids=lambda d: d["doc"][:3],
)
def test_anchored_values_under_inferable_date(doc: dict) -> None:
    inferable = doc["published_inferable"]
    text = (SHARED / "seeds" / doc["doc"]).read_text(encoding="utf-8")
    found = {(t.span.start, t.span.end): t for t in tag_text(text, inferable["value"])}
    for gold in doc["timexes"]:
        if "anchored_value" in gold:
            timex = found[_span(text, gold["text"], gold["occurrence"])]
            assert timex.value == gold["anchored_value"]


def test_dateline_sets_publication() -> None:
    doc = next(d for d in _gold_documents() if d["published"])
    text = (SHARED / "seeds" / doc["doc"]).read_text(encoding="utf-8")
    article = Article(doc=doc["doc"], source=doc["doc"], text=text)
    annotate_timexes(article)
    assert article.published.source == PublishedSource.DATELINE
    assert article.published.value == doc["published"]
    assert article.published.span is not None
    starts = [t.span.start for t in article.timexes]
    assert starts == sorted(starts)


def test_no_publication_date_means_no_value() -> None:
    text = (SHARED / "seeds" / "000_64624819ae7051c0.txt").read_text(encoding="utf-8")
    article = Article(doc="000", source="000", text=text)
    annotate_timexes(article)
    assert article.published.source == PublishedSource.UNKNOWN
    relative = [t for t in article.timexes if t.anchor == "publication"]
    assert relative and all(t.value is None for t in relative)
