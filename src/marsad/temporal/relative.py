"""Relative expressions: what they say (``Relative``) and their value given a date.

A relative timex keeps its meaning until a publication date is known; without one the
value stays None (anchor "publication"). Nothing here ever reads the clock.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date
from typing import Any

from marsad.temporal.calendar import (
    add_months,
    gregorian_to_hijri,
    hijri_month_interval,
    hijri_to_gregorian,
    hijri_year_interval,
    iso_week,
    parse_published,
    safe_date,
    shift_days,
    tabular_hijri_year_interval,
)


@dataclass(frozen=True, slots=True)
class Relative:
    """One relative meaning.

    kind: "day" (offset days), "weekday" (isoweekday; mode today|near|past|future, or
    recent|coming for a bare weekday whose tense alone says which way, the day itself
    included: "قال الخميس" in Thursday's paper is that day; with
    offset = the reference day: أمس الأربعاء is the Wednesday nearest publication - 1),
    "unit" (unit Y|M|W, offset -1|0|1), "month" (month, direction or None),
    "daymonth" (day..day2 of month, direction or None), "shift" (offset units ago/ahead),
    "monthofyear" (month, maybe day, of the year ``offset`` years from publication),
    "monthrange" (month..month2 without a year), "decade" (decade digit in a century
    ``offset`` centuries from publication), "century" (the century ``offset`` from
    publication's, Gregorian or Hijri). A month with no direction is the most recent
    one (mode "past") or, in future tense, the next (mode "future"). ``season`` makes a
    year a season of it (2014-SU); ``clock`` makes a day a time of it (T15:00).
    """

    kind: str
    offset: int = 0
    unit: str = ""
    weekday: int = 0
    mode: str = ""
    month: int = 0
    day: int = 0
    day2: int = 0
    calendar: str = "gregorian"
    direction: int | None = None
    month2: int = 0
    decade: int = 0
    season: str = ""
    clock: str = ""

    def to_json(self) -> dict[str, Any]:
        """The fields that differ from their defaults (what a store keeps)."""
        return {
            f.name: getattr(self, f.name)
            for f in fields(self)
            if f.name == "kind" or getattr(self, f.name) != f.default
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Relative:
        known = {f.name for f in fields(cls)}
        unknown = set(data) - known
        if unknown:
            raise ValueError(f"unknown fields of a relative meaning: {sorted(unknown)}")
        return cls(**data)


def _nearest_weekday(reference: date, weekday: int, mode: str) -> date | None:
    delta = weekday - reference.isoweekday()
    if mode == "past":
        delta = delta - 7 if delta >= 0 else delta
    elif mode == "future":
        delta = delta + 7 if delta <= 0 else delta
    elif mode == "recent":  # a bare weekday in a past or neutral clause: today or before
        delta = delta - 7 if delta > 0 else delta
    elif mode == "coming":  # a bare weekday in a future clause: today or after
        delta = delta + 7 if delta < 0 else delta
    else:  # nearest, ties to the past
        if delta > 3:
            delta -= 7
        elif delta < -3:
            delta += 7
    return shift_days(reference, delta)


def _pick_year(
    candidates: list[tuple[int, date]], published: date, direction: int | None
) -> int | None:
    """The year whose date is the right one relative to publication."""
    if direction == -1:
        past = [(y, d) for y, d in candidates if d < published]
        return max(past, key=lambda c: c[1])[0] if past else None
    if direction == 1:
        future = [(y, d) for y, d in candidates if d > published]
        return min(future, key=lambda c: c[1])[0] if future else None
    return min(candidates, key=lambda c: (abs((c[1] - published).days), c[1] > published))[0]


def _resolve_gregorian_month(rel: Relative, published: date) -> str | None:
    years = [published.year - 1, published.year, published.year + 1]
    if rel.kind == "month":
        if rel.direction == 0:
            return f"{published.year:04d}-{rel.month:02d}"
        this_month = date(published.year, published.month, 1)
        options = [(y, date(y, rel.month, 1)) for y in years]
        if rel.direction is None and rel.mode == "past":
            options = [(y, d) for y, d in options if d <= this_month]
        elif rel.direction is None and rel.mode == "future":
            options = [(y, d) for y, d in options if d >= this_month]
        if rel.direction == -1:
            options = [(y, d) for y, d in options if d < this_month]
        elif rel.direction == 1:
            options = [(y, d) for y, d in options if d > this_month]
        if not options:
            return None
        year = _pick_year(options, this_month, None if rel.direction is None else rel.direction)
        return None if year is None else f"{year:04d}-{rel.month:02d}"
    options = [(y, d) for y in years if (d := safe_date(y, rel.month, rel.day)) is not None]
    if not options:
        return None
    year = _pick_year(options, published, rel.direction)
    if year is None:
        return None
    first = f"{year:04d}-{rel.month:02d}-{rel.day:02d}"
    if rel.day2 and safe_date(year, rel.month, rel.day2):
        return f"{first}/{year:04d}-{rel.month:02d}-{rel.day2:02d}"
    return first


def _resolve_hijri(rel: Relative, published: date) -> str | None:
    today = gregorian_to_hijri(published)
    if today is None:
        return None
    years = [today[0] - 1, today[0], today[0] + 1]
    if rel.kind == "month":
        options = [(y, d) for y in years if (d := hijri_to_gregorian(y, rel.month, 1))]
        if rel.direction == 0:
            year: int | None = today[0]
        else:
            start = hijri_to_gregorian(today[0], today[1], 1) or published
            if rel.direction == -1:
                options = [(y, d) for y, d in options if d < start]
            elif rel.direction == 1:
                options = [(y, d) for y, d in options if d > start]
            year = _pick_year(options, start, rel.direction) if options else None
        return None if year is None else hijri_month_interval(year, rel.month)
    options = [(y, d) for y in years if (d := hijri_to_gregorian(y, rel.month, rel.day))]
    if not options:
        return None
    year = _pick_year(options, published, rel.direction)
    if year is None:
        return None
    first = hijri_to_gregorian(year, rel.month, rel.day)
    if first is None:
        return None
    if rel.day2:
        last = hijri_to_gregorian(year, rel.month, rel.day2)
        if last is not None:
            return f"{first.isoformat()}/{last.isoformat()}"
    return first.isoformat()


def _hijri_century(published: date, offset: int) -> str | None:
    """The Gregorian days of the Hijri century ``offset`` centuries from the one of the
    publication's Hijri year (centuries numbered as years, 1400-1499 like 1900-1999)."""
    today = gregorian_to_hijri(published)
    if today is None:
        return None
    first_year = (today[0] // 100 + offset) * 100
    first = _hijri_year_bounds(max(first_year, 1))
    last = _hijri_year_bounds(first_year + 99)
    if first is None or last is None:
        return None
    return f"{first[0]}/{last[1]}"


def _hijri_year_bounds(year: int) -> tuple[str, str] | None:
    interval = hijri_year_interval(year) or tabular_hijri_year_interval(year)
    if interval is None:
        return None
    start, end = interval.split("/")
    return start, end


def _resolve_month_range(rel: Relative, published: date) -> str | None:
    """ "بين يناير ومارس": the last month as a bare month would be, the first before it."""
    last = _resolve_gregorian_month(Relative("month", month=rel.month2, mode=rel.mode), published)
    if last is None:
        return None
    year = int(last[:4]) - (1 if rel.month > rel.month2 else 0)
    return f"{year:04d}-{rel.month:02d}/{last}"


def resolve(rel: Relative, published: str | None) -> str | None:
    """The value of ``rel`` given the publication value, or None if it cannot be told."""
    value = _resolve(rel, published)
    if value is not None and rel.season and len(value) == 4:
        return f"{value}-{rel.season}"
    if value is not None and rel.clock and len(value) == 10:
        return f"{value}T{rel.clock}"
    return value


def _resolve(rel: Relative, published: str | None) -> str | None:
    day, year, month = parse_published(published)
    if rel.kind == "monthofyear" and year is not None:
        if rel.day == 0:
            return f"{year + rel.offset:04d}-{rel.month:02d}"
        found = safe_date(year + rel.offset, rel.month, rel.day)
        return found.isoformat() if found else None
    if rel.kind == "decade":
        return None if year is None else f"{year // 100 + rel.offset:02d}{rel.decade}"
    if rel.kind == "century" and rel.calendar == "gregorian":
        return None if year is None else f"{year // 100 + rel.offset:02d}XX"
    if rel.kind == "century":
        return None if day is None else _hijri_century(day, rel.offset)
    if rel.kind == "unit" and rel.unit == "Y" and year is not None:
        return f"{year + rel.offset:04d}"
    if rel.kind == "unit" and rel.unit == "M" and year is not None and month is not None:
        y, m = add_months(year, month, rel.offset)
        return f"{y:04d}-{m:02d}"
    if rel.kind == "shift" and rel.unit == "Y" and year is not None:
        return f"{year + rel.offset:04d}"
    if rel.kind == "shift" and rel.unit == "M" and year is not None and month is not None:
        y, m = add_months(year, month, rel.offset)
        return f"{y:04d}-{m:02d}"
    if day is None:
        return None
    if rel.kind == "day":
        shifted = shift_days(day, rel.offset)
        return shifted.isoformat() if shifted else None
    if rel.kind == "weekday":
        reference = shift_days(day, rel.offset)
        if reference is None:
            return None
        found = _nearest_weekday(reference, rel.weekday, rel.mode)
        return found.isoformat() if found else None
    if rel.kind == "unit" and rel.unit == "W":
        shifted = shift_days(day, 7 * rel.offset)
        return iso_week(shifted) if shifted else None
    if rel.kind == "shift" and rel.unit in ("D", "W"):
        shifted = shift_days(day, rel.offset * (7 if rel.unit == "W" else 1))
        return shifted.isoformat() if shifted else None
    if rel.kind == "monthrange" and rel.calendar == "gregorian":
        return _resolve_month_range(rel, day)
    if rel.kind in ("month", "daymonth"):
        if rel.calendar == "hijri":
            return _resolve_hijri(rel, day)
        return _resolve_gregorian_month(rel, day)
    return None
