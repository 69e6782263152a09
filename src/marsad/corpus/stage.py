"""The corpus stage: what articles tell about each other, then the timeline.

Runs after the per-article stages over a set of articles: links one statement reported
by several articles, infers missing publication dates from those links, gives a reprint
its original's day (``duplicates.follow_originals``), re-anchors the relative dates of
the articles whose publication date it found, dates statements that
another report dates, and builds the timeline from the updated event mentions.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from marsad.corpus.duplicates import DuplicateGroup, ReprintDay, find_duplicates, follow_originals
from marsad.corpus.published import (
    PublicationInference,
    date_linked_quotes,
    infer_publication_dates,
)
from marsad.corpus.statements import StatementLink, link_statements
from marsad.corpus.timeline import Timeline, build_timeline
from marsad.model import Article
from marsad.pipeline import rerun
from marsad.temporal import restore_meanings


@dataclass(slots=True)
class CorpusResult:
    timeline: Timeline
    inferences: list[PublicationInference] = field(default_factory=list)
    links: list[StatementLink] = field(default_factory=list)
    reprints: list[DuplicateGroup] = field(default_factory=list)
    reprint_days: list[ReprintDay] = field(default_factory=list)


def _quote_dates(article: Article) -> list[str | None]:
    return [quote.date for quote in article.quotes]


def run_corpus_stage(articles: Sequence[Article]) -> CorpusResult:
    """Update ``articles`` in place with what other articles tell; return the timeline.

    Only the per-article stages that depend on what changed run again (``rerun``, from
    the stages' declarations): a new publication date re-anchors the relative timexes and
    re-dates statements and events; a statement dated by another report re-dates the
    same occasion's statements and the events.
    """
    for article in articles:
        restore_meanings(article)  # an article stored before timexes kept their meanings
    links = link_statements(articles)
    inferences = infer_publication_dates(articles, links)
    inferred = {inference.article_id for inference in inferences}
    reprints = find_duplicates(articles)
    reprint_days = follow_originals(articles, reprints)
    inferred |= {change.article_id for change in reprint_days}
    for article in articles:
        if article.id in inferred:
            rerun(article, {"published"})
    before = {article.id: _quote_dates(article) for article in articles}
    date_linked_quotes(links)
    for article in articles:
        if _quote_dates(article) != before[article.id]:
            rerun(article, {"quote_dates"})
    return CorpusResult(build_timeline(articles), inferences, links, reprints, reprint_days)
