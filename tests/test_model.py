"""The data model: stable ids, spans, boilerplate and the public JSON."""

from __future__ import annotations

import pytest

from marsad.model import Article, Boilerplate, Published, PublishedSource, Span, Timex
from marsad.schema import validate


def test_id_is_stable_and_depends_on_text_and_url_or_outlet_never_the_path() -> None:
    a = Article(doc="a.txt", source="x/a.txt", text="نص")
    assert a.id == Article(doc="a.txt", source="x/a.txt", text="نص").id
    assert a.id == Article(doc="b.txt", source="/abs/y/b.txt", text="نص").id  # any path
    assert a.id != Article(doc="a.txt", source="x/a.txt", text="نص آخر").id
    by_outlet = Article(doc="a.txt", source="x/a.txt", text="نص", outlet="الحياة")
    assert by_outlet.id not in (a.id, Article(doc="a", source="a", text="نص", outlet="عكاظ").id)
    by_url = Article(doc="a", source="a", text="نص", url="https://x.org/1", outlet="الحياة")
    assert by_url.id == Article(doc="b", source="b", text="نص", url="https://x.org/1").id
    assert by_url.id != Article(doc="a", source="a", text="نص", url="https://x.org/2").id


def test_bad_span_is_refused() -> None:
    with pytest.raises(ValueError):
        Span(5, 2)


def test_body_spans_skip_boilerplate() -> None:
    text = "خبر أول\nالتعليقات"
    article = Article(doc="d", source="d", text=text)
    article.boilerplate.append(Boilerplate(Span(8, len(text)), "comments"))
    assert [s.slice(text) for s in article.body_spans()] == ["خبر أول\n"]
    assert article.is_boilerplate(Span(9, 10))
    assert not article.is_boilerplate(Span(0, 3))


def test_json_follows_the_schema() -> None:
    article = Article(doc="d.txt", source="d.txt", text="في تموز 2021")
    article.published = Published("2021-08-01", PublishedSource.OPTION)
    article.timexes.append(Timex(Span(3, 12), "تموز 2021", "DATE", "2021-07", rule="month_year"))
    data = article.to_json()
    validate("extract", data)
    assert data["published"] == {"value": "2021-08-01", "source": "option"}
    assert data["timexes"][0]["value"] == "2021-07"
