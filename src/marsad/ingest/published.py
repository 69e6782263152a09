"""Publication dates that ingest can read without the text: metadata values, URLs, file names.

The dateline inside a plain text is found later by the temporal stage. Everything here only
normalises what is written; nothing is guessed and no clock is read.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from email.utils import parsedate_to_datetime

from marsad.model import Published, PublishedSource

# ISO-ish: 2015-07-21, 2015/07/21, 2015-07-21 02:51:32, 2015-07-21T02:51:32.5+03:00, 2015-07
_ISO = re.compile(
    r"(?P<y>\d{4})(?:[-/.](?P<m>\d{1,2})(?:[-/.](?P<d>\d{1,2})"
    r"(?:[T ](?P<H>\d{1,2}):(?P<M>\d{2})(?::\d{2}(?:[.,]\d+)?)?"
    r"\s*(?P<tz>Z|[+-]\d{2}:?\d{2}|UTC|GMT)?)?)?)?"
)
# /2020/8/24/ or /2020/08/24 in a URL path; 2020-06-03 anywhere in a URL.
_URL_SLASHED = re.compile(r"/(?P<y>(?:19|20)\d{2})/(?P<m>\d{1,2})/(?P<d>\d{1,2})(?=/|$|[?#])")
_URL_DASHED = re.compile(r"(?<!\d)(?P<y>(?:19|20)\d{2})-(?P<m>\d{2})-(?P<d>\d{2})(?!\d)")
# 2024-01-26_report.txt, report_2024_01_26.txt, 2024.01.26.txt: full dates only.
_FILENAME = re.compile(
    r"(?<!\d)(?P<y>(?:19|20)\d{2})(?P<sep>[-_.])(?P<m>\d{2})(?P=sep)(?P<d>\d{2})(?!\d)"
)


def _valid_day(year: str, month: str, day: str) -> str | None:
    try:
        return date(int(year), int(month), int(day)).isoformat()
    except ValueError:
        return None


def parse_published(raw: str) -> tuple[str | None, str | None]:
    """An ISO 8601 value at the granularity written, and a note on anything dropped.

    "2015-07-21 02:51:32" -> "2015-07-21T02:51"; "2015-07" -> "2015-07". A time zone is
    dropped (the wall-clock time as written is kept) and said so in the note. RFC 2822
    dates (RSS ``pubDate``) are accepted too. Anything else gives ``(None, note)``.
    """
    text = raw.strip()
    match = _ISO.fullmatch(text)
    if match is None:
        return _parse_rfc2822(text)
    year, month, day = match["y"], match["m"], match["d"]
    if month is None:
        return year, None
    if day is None:
        if not 1 <= int(month) <= 12:
            return None, f"invalid month in {raw!r}"
        return f"{year}-{int(month):02d}", None
    value = _valid_day(year, month, day)
    if value is None:
        return None, f"invalid date {raw!r}"
    if match["H"] is None:
        return value, None
    hour, minute = int(match["H"]), int(match["M"])
    if hour > 23 or minute > 59:
        return None, f"invalid time in {raw!r}"
    note = f"time zone {match['tz']} dropped" if match["tz"] else None
    return f"{value}T{hour:02d}:{minute:02d}", note


def _parse_rfc2822(text: str) -> tuple[str | None, str | None]:
    try:
        moment: datetime = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None, f"not an ISO 8601 date: {text[:40]!r}"
    note = "time zone dropped" if moment.tzinfo is not None else None
    return moment.strftime("%Y-%m-%dT%H:%M"), note


def normalize_iso(raw: str) -> str | None:
    """``parse_published`` without the note."""
    return parse_published(raw)[0]


def date_from_url(url: str | None) -> str | None:
    """A full date in a URL path (/YYYY/MM/DD/ or YYYY-MM-DD), if valid; else None."""
    if not url:
        return None
    for pattern in (_URL_SLASHED, _URL_DASHED):
        for match in pattern.finditer(url):
            value = _valid_day(match["y"], match["m"], match["d"])
            if value is not None:
                return value
    return None


def date_from_filename(name: str) -> str | None:
    """A full, valid date in a file name (2024-01-26_x.txt); partial dates are ignored."""
    for match in _FILENAME.finditer(name):
        value = _valid_day(match["y"], match["m"], match["d"])
        if value is not None:
            return value
    return None


def choose_published(
    option: str | None,
    metadata: str | None = None,
    url: str | None = None,
    filename: str | None = None,
    note: str | None = None,
) -> Published:
    """The best available date: option, then metadata, then URL, then file name.

    ``option`` and ``metadata`` must already be normalised ISO values. The explicit option
    wins because the user asked for it; a metadata date it overrides is kept in the note.
    """
    if option is not None:
        overridden = f"metadata date {metadata} overridden by option" if metadata else None
        return Published(option, PublishedSource.OPTION, note=overridden)
    if metadata is not None:
        return Published(metadata, PublishedSource.METADATA, note=note)
    url_date = date_from_url(url)
    if url_date is not None:
        return Published(url_date, PublishedSource.URL, note=note)
    if filename is not None:
        name_date = date_from_filename(filename)
        if name_date is not None:
            return Published(name_date, PublishedSource.FILENAME, note=note)
    return Published(note=note)
