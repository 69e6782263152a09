"""Calendar arithmetic for timex values: ISO strings, Hijri (Umm al-Qura) conversion."""

from __future__ import annotations

import calendar as gregorian_calendar
from datetime import date, timedelta

from hijridate import Gregorian, Hijri

HIJRI_YEARS = range(1343, 1501)  # the Umm al-Qura table that hijridate covers
GREGORIAN_YEARS = range(1000, 2101)  # a year written with a month, or with م
BARE_YEARS = range(1900, 2101)  # a four-digit number alone is a year only in this range
# Hijri years outside the Umm al-Qura table (عام 1308 هـ): the arithmetic (tabular) calendar,
# which may differ from the observed one by a day or two; used for whole years only.
TABULAR_HIJRI_YEARS = range(1, 1343)
# A four-digit year after a year cue with no era ("عام 1433"): Hijri when in the Umm
# al-Qura table and before 1451, since news rarely names Gregorian years 1343-1450 bare
# (26 such years after عام/العام/سنة in the SaudiNewsNet sample, all Hijri by reading).
CUE_HIJRI_YEARS = range(1343, 1451)
# After a year cue, a year past those and before 1900 is Gregorian: no Hijri year that
# late has come ("عام 1869" the Suez Canal, "عام 1453" Constantinople; 72 such years after
# عام/العام/سنة in the sample).
CUE_GREGORIAN_YEARS = range(CUE_HIJRI_YEARS.stop, BARE_YEARS.start)
_HIJRI_EPOCH = date(622, 7, 19).toordinal()  # 1 Muharram 1 AH (proleptic Gregorian)


def iso_day(day: date) -> str:
    return day.isoformat()


def safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def hijri_to_gregorian(year: int, month: int, day: int) -> date | None:
    """The Gregorian date of a Hijri date, or None outside the table / invalid day."""
    if year not in HIJRI_YEARS or not 1 <= month <= 12:
        return None
    try:
        converted = Hijri(year, month, day).to_gregorian()
        return date(converted.year, converted.month, converted.day)
    except (ValueError, OverflowError):
        return None


def hijri_month_interval(year: int, month: int) -> str | None:
    """A Hijri month as a Gregorian interval "start/end"."""
    if year not in HIJRI_YEARS or not 1 <= month <= 12:
        return None
    try:
        length = Hijri(year, month, 1).month_length()
    except (ValueError, OverflowError):
        return None
    first = hijri_to_gregorian(year, month, 1)
    last = hijri_to_gregorian(year, month, length)
    if first is None or last is None:
        return None
    return f"{first.isoformat()}/{last.isoformat()}"


def hijri_year_interval(year: int) -> str | None:
    first = hijri_month_interval(year, 1)
    last = hijri_month_interval(year, 12)
    if first is None or last is None:
        return None
    return f"{first.split('/')[0]}/{last.split('/')[1]}"


def _tabular_new_year(year: int) -> date:
    """1 Muharram of ``year`` in the tabular Islamic calendar (leap years 2,5,7,10,13 …)."""
    days = (year - 1) * 354 + (3 + 11 * year) // 30
    return date.fromordinal(_HIJRI_EPOCH + days)


def tabular_hijri_year_interval(year: int) -> str | None:
    if year not in TABULAR_HIJRI_YEARS:
        return None
    first = _tabular_new_year(year)
    last = _tabular_new_year(year + 1) - timedelta(days=1)
    return f"{first.isoformat()}/{last.isoformat()}"


def gregorian_to_hijri(day: date) -> tuple[int, int, int] | None:
    try:
        hijri = Gregorian(day.year, day.month, day.day).to_hijri()
    except (ValueError, OverflowError):
        return None
    return hijri.year, hijri.month, hijri.day


def add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def shift_days(day: date, delta: int) -> date | None:
    try:
        return day + timedelta(days=delta)
    except OverflowError:
        return None


def iso_week(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def month_length(year: int, month: int) -> int:
    return gregorian_calendar.monthrange(year, month)[1]


def day_of(value: str | None) -> date | None:
    """The calendar day an ISO value starts with ("2015-08-06T10:30" -> 2015-08-06), or
    None when it gives none."""
    if value is None or len(value) < 10:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def parse_published(value: str | None) -> tuple[date | None, int | None, int | None]:
    """(day, year, month) known from a publication value, each None if not given."""
    if not value:
        return None, None, None
    head = value[:10]
    parts = head.split("-")
    try:
        year = int(parts[0])
        month = int(parts[1]) if len(parts) > 1 else None
        day = date(year, month, int(parts[2][:2])) if len(parts) > 2 and month else None
    except (ValueError, IndexError):
        return None, None, None
    return day, year, month
