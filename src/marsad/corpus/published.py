"""Publication dates inferred from other articles, with the evidence kept.

An article that gives no publication date may still pin it down: it reports a statement
that another article dates ("قالت الوزارة، الخميس" = 25 January 2024), and its own words
name the day it came out ("طالعه المسرى اليوم السبت"). The report cannot predate the
statement, and a report that calls the statement news appears within the week after it;
the first Saturday on or after 25 January is then the only day that fits: 27 January.
Without such a weekday, or when the evidence disagrees, the date stays unknown.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from marsad.corpus.statements import StatementLink
from marsad.model import Article, Published, PublishedSource
from marsad.temporal.calendar import day_of
from marsad.temporal.constraints import publication_weekdays

# A report that presents a statement as news comes out within a week of it.
NEWS_WINDOW_DAYS = 7


@dataclass(frozen=True, slots=True)
class PublicationInference:
    article_id: str
    doc: str
    value: str
    evidence: str


def _first_on_or_after(start: date, weekday: int) -> date:
    return start + timedelta(days=(weekday - start.isoweekday()) % 7)


def infer_publication_dates(
    articles: Sequence[Article], links: Sequence[StatementLink]
) -> list[PublicationInference]:
    """Set ``published`` (source inferred) where other articles and the text pin it down."""
    inferences: list[PublicationInference] = []
    for article in articles:
        if article.published.value is not None:
            continue
        constraints = publication_weekdays(article)
        if len({c.weekday for c in constraints}) != 1:
            continue  # no day named, or the text names two different days
        weekday, named = constraints[0].weekday, constraints[0].timex.text
        crawled = day_of(article.published.crawled)  # an upper bound: nothing after it
        candidates: dict[date, str] = {}
        for link in links:
            for mine, theirs in ((link.left, link.right), (link.right, link.left)):
                said = day_of(theirs.quote.date)
                if mine.article is not article or said is None:
                    continue
                day = _first_on_or_after(said, weekday)
                if crawled is not None and day > crawled:
                    continue
                if (day - said).days < NEWS_WINDOW_DAYS:
                    candidates[day] = (
                        f"the statement by {mine.quote.speaker} reported in {theirs.article.doc} "
                        f"is dated {said.isoformat()} there (shared wording: '{link.run}'); "
                        f"'{named}' in this report names the day it came out"
                    )
        if len(candidates) != 1:
            continue
        ((day, evidence),) = candidates.items()
        article.published = Published(
            day.isoformat(),
            PublishedSource.INFERRED,
            note=evidence,
            crawled=article.published.crawled,
        )
        inferences.append(PublicationInference(article.id, article.doc, day.isoformat(), evidence))
    return inferences


def date_linked_quotes(links: Sequence[StatementLink]) -> int:
    """Give an undated quote the date its statement has in another report; count them."""
    changed = 0
    for link in links:
        for mine, theirs in ((link.left, link.right), (link.right, link.left)):
            if mine.quote.date is None and theirs.quote.date is not None:
                mine.quote.date = theirs.quote.date
                mine.quote.date_note = f"the same statement is dated in {theirs.article.doc}"
                changed += 1
    return changed
