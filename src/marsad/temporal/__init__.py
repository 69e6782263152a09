"""Temporal tagging: dates, times, durations and relative expressions in Arabic news.

``annotate_timexes(article)`` fills ``article.timexes``; when the publication date is
unknown it reads the dateline, then anchors relative expressions (أمس، الخميس، العام
الماضي) to the publication date. Without a publication date they keep value None and
anchor "publication": nothing is ever resolved against today's date.
"""

from __future__ import annotations

from collections.abc import Callable

from marsad.arabic.view import TextView
from marsad.model import Article, Published, PublishedSource, Span, Timex
from marsad.temporal.candidate import Candidate
from marsad.temporal.crawl import corrected_crawl_date
from marsad.temporal.dateline import find_dateline
from marsad.temporal.relative import resolve
from marsad.temporal.tagger import find_candidates, merge, select

__all__ = ["annotate_timexes", "find_dateline", "tag_text"]


def _to_timex(candidate: Candidate, view: TextView) -> Timex:
    span = view.source_span(candidate.start, candidate.end)
    return Timex(
        span=span,
        text=span.slice(view.text),
        type=candidate.type,
        value=candidate.value,
        anchor="publication" if candidate.relative is not None else None,
        granularity=candidate.granularity,
        vague=candidate.vague,
        hijri=candidate.hijri,
        rule=candidate.rule,
    )


def _unanchored(
    view: TextView, keep: Callable[[Span], bool]
) -> tuple[list[Timex], list[Candidate]]:
    candidates = merge(select(find_candidates(view)), view.folded)
    timexes, kept = [], []
    for candidate in candidates:
        timex = _to_timex(candidate, view)
        if timex.span.end > timex.span.start and keep(timex.span):
            timexes.append(timex)
            kept.append(candidate)
    return timexes, kept


def _anchor(timexes: list[Timex], candidates: list[Candidate], published: str | None) -> None:
    for timex, candidate in zip(timexes, candidates, strict=True):
        if candidate.relative is not None:
            timex.value = resolve(candidate.relative, published)


def tag_text(text: str, published: str | None = None) -> list[Timex]:
    """Timexes of a plain text; without ``published``, a dateline in the text anchors."""
    timexes, candidates = _unanchored(TextView(text), lambda span: True)
    if published is None:
        dateline = find_dateline(text, timexes)
        published = dateline.value if dateline is not None else None
    _anchor(timexes, candidates, published)
    return timexes


def annotate_timexes(article: Article) -> None:
    """Fill ``article.timexes`` (sorted by start); read the dateline if needed; correct a
    crawl time the text contradicts (``crawl.py``); anchor."""
    timexes, candidates = _unanchored(article.view, lambda span: not article.is_boilerplate(span))
    if article.published.source == PublishedSource.UNKNOWN:
        dateline = find_dateline(article.text, timexes)
        if dateline is not None and dateline.value is not None:
            article.published = Published(dateline.value, PublishedSource.DATELINE, dateline.span)
    corrected = corrected_crawl_date(article.published, timexes, candidates)
    if corrected is not None:
        article.published = corrected
    _anchor(timexes, candidates, article.published.value)
    article.timexes = timexes
