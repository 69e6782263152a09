"""Timeline dates as day ranges: what an axis needs from an ISO value or interval.

An event's date is an ISO 8601 value at the granularity the sources give ("2023",
"2023-08", "2023-08-07", "2023-08-07T10:00") or an interval of two ("A/B"). The axis
places it by its first and last day; a value it cannot read has no place (None).
"""

from __future__ import annotations

import calendar
import re

_VALUE = re.compile(r"^(-?\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def _bounds(value: str) -> tuple[str, str] | None:
    match = _VALUE.match(value.strip())
    if match is None:
        return None
    year, month, day = int(match[1]), match[2], match[3]
    if year < 1:
        return None
    if month is None:
        return f"{year:04d}-01-01", f"{year:04d}-12-31"
    m = int(month)
    if not 1 <= m <= 12:
        return f"{year:04d}-01-01", f"{year:04d}-12-31"
    last = calendar.monthrange(year, m)[1]
    if day is None or not 1 <= int(day) <= last:
        return f"{year:04d}-{m:02d}-01", f"{year:04d}-{m:02d}-{last:02d}"
    return f"{year:04d}-{m:02d}-{int(day):02d}", f"{year:04d}-{m:02d}-{int(day):02d}"


def day_range(date: str | None) -> tuple[str, str] | None:
    """(first day, last day) of an event date, ISO; None when there is none to read."""
    if not date:
        return None
    first, _, second = date.partition("/")
    start = _bounds(first)
    if start is None:
        return None
    end = _bounds(second) if second else start
    if end is None or end[1] < start[0]:
        end = start
    return start[0], end[1]


def in_period(bounds: tuple[str, str], since: str | None, until: str | None) -> bool:
    """True when the day range overlaps [since, until] (ISO prefixes: "2015", "2015-07")."""
    if since and bounds[1][: len(since)] < since:
        return False
    return not (until and bounds[0][: len(until)] > until)


PERIOD_PATTERN = r"^\d{4}(-\d{2}(-\d{2})?)?$"
