"""What an article's own words say about its publication day.

"اليوم السبت" says the report came out on a Saturday; "أمس الأربعاء" says on a Thursday.
The publication-time model (``publication.py``) pins the day with them under a crawl
time, and the corpus stage under a statement another report dates; nothing here guesses
a date by itself.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from marsad.model import Article, Timex

# Rules whose weekday is the text's own day shifted by the deictic word (اليوم الأربعاء،
# أمس الثلاثاء، مساء أمس الثلاثاء), also with a clock time (relative_time).
_DEICTIC_RULES = frozenset({"deictic_weekday", "relative_time"})


@dataclass(frozen=True, slots=True)
class WeekdayConstraint:
    """The publication date's ISO weekday (1 = Monday) must be ``weekday``."""

    timex: Timex
    weekday: int


def weekday_constraints(timexes: Iterable[Timex]) -> list[WeekdayConstraint]:
    """Weekday constraints from deictic expressions such as "اليوم السبت" (the timexes'
    kept meanings; nothing is tagged again)."""
    constraints = []
    for timex in timexes:
        relative = timex.relative
        if relative is None or relative.kind != "weekday" or timex.rule not in _DEICTIC_RULES:
            continue
        if relative.mode != "near":  # "الخميس الماضي الساعة 3": not the text's own day
            continue
        weekday = (relative.weekday - relative.offset - 1) % 7 + 1
        constraints.append(WeekdayConstraint(timex, weekday))
    return constraints


def publication_weekdays(article: Article) -> list[WeekdayConstraint]:
    """``weekday_constraints`` of the article's timexes."""
    return weekday_constraints(article.timexes)
