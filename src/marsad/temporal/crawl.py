"""Crawl timestamps that the text contradicts: a report crawled after midnight.

A crawler's timestamp (saudinewsnet's ``date_extracted``) is when the page was fetched,
not when it was written. A report fetched at 02:51 on Tuesday that says "اليوم (الاثنين)"
was written on Monday. Only this case is corrected: a deictic "today + weekday" that
names the day before the timestamp's day, with no "today" in the text naming the
timestamp's own day. Anything else (two days apart, "أمس", a bare weekday) is left alone.
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


def _today_weekdays(timexes: list[Timex]) -> list[tuple[Timex, int]]:
    """(timex, ISO weekday) of every "اليوم (الاثنين)" / "اليوم الاثنين" in the text."""
    found = []
    for timex in timexes:
        relative = timex.relative
        if relative is None or relative.kind != "weekday" or relative.offset != 0:
            continue
        if relative.mode == "near" and timex.rule in ("deictic_weekday", "relative_time"):
            found.append((timex, relative.weekday))
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
