"""The publication-time model: which evidence fixes an article's day, best first.

1. What the input says: the ``--published`` option, a metadata date, a date in the URL
   or the file name (read at ingest, ``ingest/published.py``).
2. The dateline in the text (``dateline.py``); the agency's filing stamp ("17:58 ت م",
   Makkah time) gives the time on that day.
3. The text's own deixis under the crawl time: "اليوم الأربعاء", "أمس الثلاثاء" name
   the weekday of the text's today, and the page was fetched at ``crawled``, so its today
   is the last such weekday on or before the crawl (within a week). Source ``inferred``,
   with the evidence in the note.
4. Nothing: the date stays unknown. A crawl time is an upper bound, never the date:
   relative expressions are then anchored on the crawl day (the latest day the text's
   today can be), and each says so with the anchor ``crawl``.

The crawl time bounds everything: a dateline after it is not taken (a misread number),
a filing stamp later in the day than the crawl was filed the day before at the latest,
and no present or past deixis (اليوم، أمس، اليوم الأربعاء) resolves after it.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from marsad.model import Article, Published, PublishedSource, Timex
from marsad.temporal.calendar import day_of
from marsad.temporal.constraints import weekday_constraints
from marsad.temporal.crawl import corrected_crawl_date
from marsad.temporal.dateline import find_dateline
from marsad.temporal.relative import Relative, resolve

ANCHOR_PUBLICATION = "publication"
ANCHOR_CRAWL = "crawl"
FILING_STAMP_RULE = "filing_stamp"


def _clock(value: str | None) -> str | None:
    """HH:MM of an ISO value with a time, else None."""
    if value is None or len(value) < 16 or value[10] != "T":
        return None
    return value[11:16]


def filing_stamp(timexes: list[Timex]) -> Timex | None:
    """The agency's filing stamp ("17:58 ت م"), if the article has one."""
    for timex in timexes:
        if timex.rule == FILING_STAMP_RULE and timex.relative is not None:
            return timex
    return None


def crawl_bound(published: Published, timexes: list[Timex]) -> date | None:
    """The latest day the text's today can be: the crawl day, or the day before when the
    filing stamp is later in the day than the crawl. None without a crawl time."""
    day = day_of(published.crawled)
    if day is None:
        return None
    stamp, crawl_clock = filing_stamp(timexes), _clock(published.crawled)
    stamped = stamp.relative.clock if stamp is not None and stamp.relative is not None else ""
    if crawl_clock is not None and stamped > crawl_clock:
        return day - timedelta(days=1)
    return day


def _with_stamp(day: str, timexes: list[Timex]) -> str:
    stamp = filing_stamp(timexes)
    if stamp is None or stamp.relative is None or len(day) != 10:
        return day
    return f"{day}T{stamp.relative.clock}"


def _from_dateline(article: Article, timexes: list[Timex]) -> Published | None:
    dateline = find_dateline(article.text, timexes)
    if dateline is None or dateline.value is None:
        return None
    crawled = article.published.crawled
    day, bound = day_of(dateline.value), day_of(crawled)
    if day is not None and bound is not None and day > bound:
        return None  # a "dateline" after the page was fetched is a misread, not the date
    value = _with_stamp(dateline.value, timexes)
    note = None
    if value != dateline.value:
        note = f"filing time from the stamp «{filing_stamp(timexes).text}»"  # type: ignore[union-attr]
    return Published(value, PublishedSource.DATELINE, dateline.span, note, crawled)


def _from_deixis(published: Published, timexes: list[Timex]) -> Published | None:
    """The last day on or before the crawl whose weekday the text's deixis names."""
    bound = crawl_bound(published, timexes)
    constraints = weekday_constraints(timexes)
    if bound is None or len({c.weekday for c in constraints}) != 1:
        return None  # no crawl time, no day named, or the text names two different days
    weekday = constraints[0].weekday
    day = bound - timedelta(days=(bound.isoweekday() - weekday) % 7)
    named = ", ".join(dict.fromkeys(f"«{c.timex.text}»" for c in constraints))
    note = (
        f"{named} makes the text's today a {day.strftime('%A')}; the last one on or before "
        f"the crawl ({published.crawled}) is {day.isoformat()}"
    )
    value = _with_stamp(day.isoformat(), timexes)
    return Published(value, PublishedSource.INFERRED, None, note, published.crawled)


def settle_published(article: Article, timexes: list[Timex]) -> None:
    """Set ``article.published`` from the text's evidence where the input gave no date
    (see the module docstring for the order); a metadata timestamp the text contradicts
    is corrected (``crawl.py``). The crawl time is kept in every case."""
    published = article.published
    if published.source == PublishedSource.UNKNOWN:
        found = _from_dateline(article, timexes) or _from_deixis(published, timexes)
        if found is not None:
            article.published = found
            return
    corrected = corrected_crawl_date(published, timexes)
    if corrected is not None:
        article.published = replace(corrected, crawled=published.crawled)


def reference(article: Article) -> tuple[str | None, str]:
    """The day relative expressions are anchored on, and what it is: the publication
    value ("publication"), else the crawl bound ("crawl"), else (None, "publication")."""
    if article.published.value is not None:
        return article.published.value, ANCHOR_PUBLICATION
    bound = crawl_bound(article.published, article.timexes)
    if bound is not None:
        return bound.isoformat(), ANCHOR_CRAWL
    return None, ANCHOR_PUBLICATION


def _past_deixis(relative: Relative) -> bool:
    """A weekday the text places in its own present or past (اليوم الأربعاء، أمس
    الثلاثاء، الخميس الماضي): never after the day the text was written."""
    return (
        relative.kind == "weekday"
        and relative.mode in ("near", "past", "recent")
        and relative.offset <= 0
    )


def anchored_value(relative: Relative, reference_day: str | None, bound: date | None) -> str | None:
    """``resolve`` on the reference day, a present or past weekday kept on or before the
    crawl bound: the nearest Wednesday to a crawl day may be after it; the one meant is
    the last one up to it."""
    value = resolve(relative, reference_day)
    found = day_of(value)
    if bound is None or found is None or found <= bound or not _past_deixis(relative):
        return value
    start = day_of(reference_day)
    assert start is not None  # a value was resolved from it
    latest = min(bound, start + timedelta(days=relative.offset))
    day = latest - timedelta(days=(latest.isoweekday() - relative.weekday) % 7)
    return f"{day.isoformat()}{value[10:] if value else ''}"


def anchor(article: Article) -> None:
    """Every relative timex valued on the article's reference day (``reference``), with
    its anchor saying which: the publication date or the crawl bound."""
    reference_day, kind = reference(article)
    bound = crawl_bound(article.published, article.timexes)
    if bound is not None and article.published.value is not None:
        bound = max(bound, day_of(article.published.value) or bound)  # never before the date
    for timex in article.timexes:
        if timex.relative is not None:
            timex.value = anchored_value(timex.relative, reference_day, bound)
            timex.anchor = kind
