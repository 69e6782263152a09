"""Temporal tagging: dates, times, durations and relative expressions in Arabic news.

``annotate_timexes(article)`` fills ``article.timexes``; when the publication date is
unknown it reads the text's evidence (``publication.py``: dateline, filing stamp, deixis
under a crawl time), then anchors relative expressions (أمس، الخميس، العام الماضي) to
the publication date, or, with only a crawl time, to the crawl day (anchor "crawl").
With neither they keep value None and anchor "publication": nothing is ever resolved
against today's date.
"""

from __future__ import annotations

from collections.abc import Callable

from marsad.arabic.view import TextView
from marsad.model import Article, Span, Timex
from marsad.temporal.candidate import Candidate
from marsad.temporal.dateline import find_dateline
from marsad.temporal.publication import anchor, reference, settle_published
from marsad.temporal.relative import resolve
from marsad.temporal.tagger import find_candidates, merge, select

__all__ = [
    "anchor_timexes",
    "annotate_timexes",
    "find_dateline",
    "reference",
    "restore_meanings",
    "tag_text",
    "tag_timexes",
]


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
        relative=candidate.relative,
    )


def _unanchored(view: TextView, keep: Callable[[Span], bool]) -> list[Timex]:
    candidates = merge(select(find_candidates(view)), view.folded)
    timexes = (_to_timex(candidate, view) for candidate in candidates)
    return [t for t in timexes if t.span.end > t.span.start and keep(t.span)]


def _anchor(timexes: list[Timex], published: str | None) -> None:
    for timex in timexes:
        if timex.relative is not None:
            timex.value = resolve(timex.relative, published)


def tag_text(text: str, published: str | None = None) -> list[Timex]:
    """Timexes of a plain text; without ``published``, a dateline in the text anchors."""
    timexes = _unanchored(TextView(text), lambda span: True)
    if published is None:
        dateline = find_dateline(text, timexes)
        published = dateline.value if dateline is not None else None
    _anchor(timexes, published)
    return timexes


def tag_timexes(article: Article) -> None:
    """Fill ``article.timexes`` (sorted by start, unanchored); where the input gave no
    publication date, read it from the text (``publication.settle_published``)."""
    timexes = _unanchored(article.view, lambda span: not article.is_boilerplate(span))
    settle_published(article, timexes)
    article.timexes = timexes


def anchor_timexes(article: Article) -> None:
    """Give every relative timex its value on the article's publication date, else on its
    crawl bound (anchor "crawl"), else None: one resolve each, re-run whenever
    ``published`` changes."""
    anchor(article)


def annotate_timexes(article: Article) -> None:
    """``tag_timexes`` then ``anchor_timexes``."""
    tag_timexes(article)
    anchor_timexes(article)


def restore_meanings(article: Article) -> bool:
    """Tag the article again when a relative timex lacks its meaning (a store written
    before meanings were kept); True when it did. Spans and values are not changed."""
    if all(t.relative is not None or t.anchor is None for t in article.timexes):
        return False
    meanings = {
        (t.span.start, t.span.end): t.relative
        for t in _unanchored(article.view, lambda span: not article.is_boilerplate(span))
    }
    for timex in article.timexes:
        if timex.anchor is not None and timex.relative is None:
            timex.relative = meanings.get((timex.span.start, timex.span.end))
    return True
