"""What an article's own words say about its publication day.

"اليوم السبت" says the report came out on a Saturday; "أمس الأربعاء" says on a Thursday.
The corpus stage uses these to pin an inferred publication date to one day; nothing here
guesses a date by itself.
"""

from __future__ import annotations

from dataclasses import dataclass

from marsad.model import Article, Timex


@dataclass(frozen=True, slots=True)
class WeekdayConstraint:
    """The publication date's ISO weekday (1 = Monday) must be ``weekday``."""

    timex: Timex
    weekday: int


def publication_weekdays(article: Article) -> list[WeekdayConstraint]:
    """Weekday constraints from deictic expressions such as "اليوم السبت" (the timexes'
    kept meanings; nothing is tagged again)."""
    constraints = []
    for timex in article.timexes:
        relative = timex.relative
        if relative is None or relative.kind != "weekday" or timex.rule != "deictic_weekday":
            continue
        weekday = (relative.weekday - relative.offset - 1) % 7 + 1
        constraints.append(WeekdayConstraint(timex, weekday))
    return constraints
