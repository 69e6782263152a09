"""The five seed reports: exact text, and boilerplate marked where it is."""

from __future__ import annotations

from pathlib import Path

from marsad.ingest import InputError, read_inputs
from marsad.model import Article, PublishedSource, Span


def _read(seeds_dir: Path) -> dict[str, Article]:
    out = {}
    for item in read_inputs([seeds_dir]):
        assert not isinstance(item, InputError), str(item)
        out[item.doc[:3]] = item
    return out


def _marked(article: Article) -> list[tuple[str, str]]:
    return [(b.kind, b.span.slice(article.text)) for b in article.boilerplate]


def test_seed_text_is_the_file_exactly(seeds_dir: Path) -> None:
    articles = _read(seeds_dir)
    assert sorted(articles) == ["000", "001", "002", "003", "004"]
    for article in articles.values():
        path = Path(article.source)
        assert article.text == path.read_bytes().decode("utf-8")
        assert article.doc == path.name
        assert article.encoding == "utf-8"
        assert article.title is None
        # The dateline of 004 is the temporal stage's job, not ingest's.
        assert article.published.source == PublishedSource.UNKNOWN


def test_seed_order_is_sorted(seeds_dir: Path) -> None:
    docs = [a.doc for a in read_inputs([seeds_dir]) if isinstance(a, Article)]
    assert docs == sorted(docs)


def test_seed_boilerplate(seeds_dir: Path) -> None:
    articles = _read(seeds_dir)
    assert _marked(articles["000"]) == []
    assert _marked(articles["001"]) == [("byline", "| وكالات")]
    assert _marked(articles["002"]) == [("comments", "التعليقات")]
    assert _marked(articles["003"]) == [
        ("section-links", "أخبار من القسم"),
        ("section-links", "تطورات الساعة"),
        ("subscribe", "اشترك الآن بالنشرة الإخبارية"),
    ]
    assert _marked(articles["004"]) == [("latest-news", "آخر الأخبار")]


def test_seed_boilerplate_leaves_the_body(seeds_dir: Path) -> None:
    articles = _read(seeds_dir)
    for article in articles.values():
        body = "".join(span.slice(article.text) for span in article.body_spans())
        # Every reporting sentence of the seeds stays body: only short furniture is marked.
        marked = sum(len(b.span.slice(article.text)) for b in article.boilerplate)
        assert marked < 60
        assert len(body) + marked <= len(article.text)
    # The dateline of 004 must stay body for the temporal stage.
    dateline = "الجمعة, 26 يناير, 2024 - 02:43 صباحاً"
    start = articles["004"].text.index(dateline)
    assert not articles["004"].is_boilerplate(Span(start, start + len(dateline)))
