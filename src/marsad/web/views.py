"""JSON views of articles, events, quotes and entities for the API (offsets kept exact)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from marsad.corpus.timeline import Event
from marsad.export.sources import source_text
from marsad.model import Article, Quote

if TYPE_CHECKING:
    from marsad.web.corpus import Corpus

EVENT_CONTEXT_CHARS = 240


def article_summary(article: Article) -> dict[str, Any]:
    return {
        "id": article.id,
        "doc": article.doc,
        "title": article.title,
        "outlet": article.outlet,
        "published": article.published.to_json(),
        "chars": len(article.text),
        "counts": {
            "timexes": len(article.timexes),
            "entities": len(article.entities),
            "quotes": len(article.quotes),
            "quantities": len(article.quantities),
            "events": len(article.events),
        },
    }


def quote_json(quote: Quote, article: Article) -> dict[str, Any]:
    return {
        "article_id": article.id,
        "doc": article.doc,
        "published": article.published.value,
        **quote.to_json(),
        "date": quote.date,  # always present: null when the reports do not date it
        "date_note": quote.date_note,
        "content": quote.content_span.slice(article.text),
        "speaker_text": quote.speaker_span.slice(article.text) if quote.speaker_span else None,
    }


def article_detail(article: Article) -> dict[str, Any]:
    """The article's text with every layer as offsets into it."""
    published = article.published
    return {
        **article_summary(article),
        "url": article.url,
        "source": article.source,
        "language": article.language,
        "published": {
            **published.to_json(),
            "note": published.note,
            "start": published.span.start if published.span else None,
            "end": published.span.end if published.span else None,
        },
        "text": article.text,
        "boilerplate": [
            {"start": b.span.start, "end": b.span.end, "kind": b.kind} for b in article.boilerplate
        ],
        "sentences": [[s.span.start, s.span.end] for s in article.sentences],
        "timexes": [t.to_json() for t in article.timexes],
        "entities": [e.to_json() for e in article.entities],
        "quotes": [quote_json(q, article) for q in article.quotes],
        "quantities": [q.to_json() for q in article.quantities],
        "events": [
            {
                **e.to_json(),
                "sentence_start": e.sentence.start,
                "sentence_end": e.sentence.end,
                "undated_reason": e.undated_reason,
            }
            for e in article.events
        ],
    }


def event_summary(event: Event) -> dict[str, Any]:
    out = event.to_json()
    for source, record in zip(event.sources, out["sources"], strict=True):
        record["article_id"] = source.article_id
    out["reports"] = len({source.article_id for source in event.sources})
    return out


def event_detail(event: Event, corpus: Corpus) -> dict[str, Any]:
    """The event with each source's sentence in context and the quotes said in it."""
    out = event_summary(event)
    sources = []
    quotes = []
    for source in event.sources:
        found = source_text(source, corpus.by_id, EVENT_CONTEXT_CHARS)
        sources.append(
            {
                "doc": found.doc,
                "article_id": found.article_id,
                "title": found.title,
                "published": found.published,
                "start": found.start,
                "end": found.end,
                "before": found.before,
                "sentence": found.sentence,
                "after": found.after,
            }
        )
        article = corpus.by_id.get(source.article_id)
        if article is None:
            continue
        for quote in article.quotes:
            if quote.content_span.start < source.end and source.start < quote.content_span.end:
                quotes.append(quote_json(quote, article))
    out["sources"] = sources
    out["quotes"] = quotes
    out["conflicts"] = [c.to_json() for c in corpus.conflicts_of(event.id)]
    out["name_dates"] = [c.to_json() for c in corpus.name_dates_of(event.id)]
    return out
