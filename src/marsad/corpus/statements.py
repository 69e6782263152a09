"""The same statement reported by several articles.

Two quotes are one statement when they have the same speaker and their contents share
a run of words: reports paraphrase around a statement but keep some of its wording
("بشأن التطور الأكثر فعالية لمهمة التحالف ضد داعش" in two outlets). Matching on a
shared run, not on overall similarity, tolerates one outlet quoting more than another.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from marsad.model import Article, Quote

# Shortest run of shared content words that counts as the same wording.
MIN_SHARED_RUN = 5


@dataclass(frozen=True, slots=True)
class QuoteRef:
    article: Article
    quote: Quote


@dataclass(frozen=True, slots=True)
class StatementLink:
    """``left`` and ``right`` report one statement; ``run`` is the shared wording."""

    left: QuoteRef
    right: QuoteRef
    run: str


def _content_runs(article: Article, quote: Quote) -> set[tuple[str, ...]]:
    words = article.transient_view().words_in(quote.content_span)
    size = MIN_SHARED_RUN
    return {tuple(words[i : i + size]) for i in range(len(words) - size + 1)}


def _refs(articles: Iterable[Article]) -> Iterator[QuoteRef]:
    for article in articles:
        for quote in article.quotes:
            if quote.speaker:
                yield QuoteRef(article, quote)


def link_statements(articles: Iterable[Article]) -> list[StatementLink]:
    """Pairs of quotes in different articles that report one statement."""
    index: dict[tuple[str, tuple[str, ...]], list[QuoteRef]] = defaultdict(list)
    links: list[StatementLink] = []
    seen: set[tuple[int, int]] = set()
    for ref in _refs(articles):
        speaker = ref.quote.speaker or ""
        for run in sorted(_content_runs(ref.article, ref.quote)):
            for other in index.get((speaker, run), ()):
                if other.article.id == ref.article.id:
                    continue
                key = (id(other.quote), id(ref.quote))
                if key not in seen:
                    seen.add(key)
                    links.append(StatementLink(other, ref, " ".join(run)))
            index[(speaker, run)].append(ref)
    return links
