"""Extractive story summaries: the story's central sentences, each with its source.

A sentence scores by how much of the story's vocabulary it carries (cosine of its
content terms with the story's term weights, idf-weighted over the story's own
sentences), with a bonus when it reports a dated event. Sentences that repeat one
already chosen (a reprint, or the same lead in two outlets) are skipped, so a summary
of a syndicated story is not the same sentence five times. The words are never
rewritten: each line is a sentence exactly as an outlet printed it.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from marsad.corpus.shingles import content_terms, span_words
from marsad.model import Article, Span

DATED_EVENT_BONUS = 0.25
# Two sentences sharing this share of their terms say the same thing.
REPEAT_OVERLAP = 0.6
_MIN_TERMS = 4


@dataclass(frozen=True, slots=True)
class SummarySentence:
    doc: str
    start: int
    end: int
    text: str
    score: float
    date: str | None  # the date of an event the sentence reports, if any

    def to_json(self) -> dict[str, Any]:
        return {
            "doc": self.doc,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "date": self.date,
            "score": round(self.score, 3),
        }


def _terms(article: Article, span: Span) -> Counter[str]:
    return Counter(content_terms(span_words(article, span)))


def summarize(articles: Sequence[Article], size: int = 4) -> list[SummarySentence]:
    """The ``size`` most central sentences of a story's articles, in date/reading order."""
    candidates: list[tuple[Article, Span, Counter[str], str | None]] = []
    for article in articles:
        dated = {e.sentence: e.date for e in article.events if e.date}
        for sentence in article.sentences:
            if article.is_boilerplate(sentence.span):
                continue
            terms = _terms(article, sentence.span)
            if sum(terms.values()) >= _MIN_TERMS:
                candidates.append((article, sentence.span, terms, dated.get(sentence.span)))
    if not candidates:
        return []
    document_frequency: Counter[str] = Counter()
    for _, _, terms, _ in candidates:
        document_frequency.update(terms.keys())
    total = len(candidates)

    def weight(term: str) -> float:
        return math.log((1 + total) / (1 + document_frequency[term])) + 1.0

    centroid: dict[str, float] = {}
    for _, _, terms, _ in candidates:
        for term, count in terms.items():
            centroid[term] = centroid.get(term, 0.0) + count * weight(term)
    centroid_norm = math.sqrt(sum(v * v for v in centroid.values())) or 1.0

    scored: list[tuple[float, int, SummarySentence, set[str]]] = []
    for order, (article, span, terms, date) in enumerate(candidates):
        vector = {term: count * weight(term) for term, count in terms.items()}
        norm = math.sqrt(sum(v * v for v in vector.values())) or 1.0
        cosine = sum(v * centroid.get(t, 0.0) for t, v in vector.items()) / (norm * centroid_norm)
        score = cosine + (DATED_EVENT_BONUS if date else 0.0)
        item = SummarySentence(
            article.doc, span.start, span.end, span.slice(article.text), score, date
        )
        scored.append((score, order, item, set(terms)))
    chosen: list[tuple[int, SummarySentence]] = []
    chosen_terms: list[set[str]] = []
    for _, order, item, kept in sorted(scored, key=lambda s: (-s[0], s[1])):
        if any(
            len(kept & other) / max(1, min(len(kept), len(other))) >= REPEAT_OVERLAP
            for other in chosen_terms
        ):
            continue
        chosen.append((order, item))
        chosen_terms.append(kept)
        if len(chosen) == size:
            break
    return [
        item for _, item in sorted(chosen, key=lambda c: (c[1].date is None, c[1].date or "", c[0]))
    ]
