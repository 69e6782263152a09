"""Crawl timestamps that the text contradicts: a report crawled after midnight.

A crawler's timestamp (saudinewsnet's ``date_extracted``) is when the page was fetched,
not when it was written. A report fetched at 02:51 on Tuesday that says "اليوم (الاثنين)"
was written on Monday; so was one fetched at 01:11 on Thursday that says "غدا الخميس" or
"أمس الثلاثاء" (tomorrow is Thursday, yesterday was Tuesday: today is Wednesday). Only
this case is corrected: a deictic weekday of today, yesterday or tomorrow whose today is
the day before the timestamp's day, with none whose today is another day. Anything else
(two days apart, a bare "أمس", a bare weekday) is left alone.
"""

from __future__ import annotations

from datetime import date, timedelta

from marsad.model import Published, PublishedSource, Timex


def _metadata_day(published: Published) -> date | None:
    value = published.value
    if published.source != PublishedSource.METADATA or not value or "T" not in value:
        return None  # only a timestamp (with a time) is a crawl time that may run late
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


_DEICTIC_DAYS = (-1, 0, 1)  # "أمس الثلاثاء", "اليوم الأربعاء", "غدا الخميس"


def _today_weekdays(timexes: list[Timex]) -> list[tuple[Timex, int]]:
    """(timex, ISO weekday of the text's today) of every "اليوم (الاثنين)", "أمس
    الثلاثاء", "غدا الخميس" in the text."""
    found = []
    for timex in timexes:
        relative = timex.relative
        if relative is None or relative.kind != "weekday" or relative.offset not in _DEICTIC_DAYS:
            continue
        if relative.mode == "near" and timex.rule in ("deictic_weekday", "relative_time"):
            found.append((timex, (relative.weekday - relative.offset - 1) % 7 + 1))
    return found


def corrected_crawl_date(published: Published, timexes: list[Timex]) -> Published | None:
    """The publication date the text implies when it is the day before a crawl time."""
    crawled = _metadata_day(published)
    if crawled is None:
        return None
    named = _today_weekdays(timexes)
    if not named:
        return None
    previous = crawled - timedelta(days=1)
    weekdays = {weekday for _, weekday in named}
    if weekdays != {previous.isoweekday()}:
        return None  # agrees with the crawl day, or the text names several days
    timex = named[0][0]
    note = (
        f"metadata time {published.value} corrected to {previous.isoformat()}: the text says "
        f"«{timex.text}» (characters {timex.span.start}-{timex.span.end}), the day before "
        "the crawl time: the page was written the day before it was fetched"
    )
    return Published(previous.isoformat(), PublishedSource.METADATA, None, note)
