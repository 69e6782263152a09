"""A statement recalled from long before the report does not date the report's others."""

from __future__ import annotations

from marsad.extract.statement_dates import annotate_statement_dates
from marsad.model import Article, Published, PublishedSource, Quote, Sentence, Span, Timex

TEXT = (
    "صرح الوزير بأن التعاون مستمر. "
    "وذكر الوزير أن الرئيس كان يكذب عندما قال في تصريحات عام 2009 إنه لا حاجة لذلك."
)


def _at(part: str) -> Span:
    start = TEXT.index(part)
    return Span(start, start + len(part))


def _article(published: str | None) -> Article:
    article = Article(doc="fixture.txt", source="fixture", text=TEXT)
    if published:
        article.published = Published(published, PublishedSource.METADATA)
    first = TEXT.index(".") + 1
    article.sentences = [Sentence(Span(0, first)), Sentence(Span(first + 1, len(TEXT)))]
    article.timexes = [Timex(_at("2009"), "2009", "DATE", "2009", granularity="year")]
    article.quotes = [
        Quote("Minister", "صرح", _at("صرح"), _at("التعاون مستمر")),
        Quote("Minister", "قال", _at("قال"), _at("لا حاجة لذلك")),
    ]
    return article


def test_a_recalled_statement_keeps_its_date_to_itself() -> None:
    article = _article("2015-08-06T01:43")
    annotate_statement_dates(article)
    assert article.quotes[1].date == "2009"  # its own words date it
    assert article.quotes[0].date is None  # the report's news is not from 2009


def test_without_a_publication_date_the_same_occasion_rule_stands() -> None:
    article = _article(None)
    annotate_statement_dates(article)
    assert [q.date for q in article.quotes] == ["2009", "2009"]


def test_a_tail_attribution_is_not_dated_by_what_it_attributes() -> None:
    # "..., according to the council": 2007 dates the traffic share, not the statement
    text = "وفي 2007 شكلت حركة الملاحة عبرها 7,5% من حركة الملاحة العالمية بحسب مجلس الملاحة."
    article = Article(doc="fixture.txt", source="fixture", text=text)
    article.published = Published("2015-08-06T01:43", PublishedSource.METADATA)
    article.sentences = [Sentence(Span(0, len(text)))]
    year = text.index("2007")
    article.timexes = [Timex(Span(year, year + 4), "2007", "DATE", "2007", granularity="year")]
    cue = text.index("بحسب")
    article.quotes = [
        Quote("council", "بحسب", Span(cue, cue + 4), Span(0, cue - 1)),
    ]
    annotate_statement_dates(article)
    assert article.quotes[0].date is None
