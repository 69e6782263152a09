"""The dateline: a full date (and time) standing on its own near the top of an article.

"الجمعة, 26 يناير, 2024 - 02:43 صباحاً" on its own line, or an agency line such as
"بريدة 25 شوال 1436 هـ الموافق 10 اغسطس 2015 م واس" (place, date, agency), is when
the article was published. A date inside a sentence of the body is not.
"""

from __future__ import annotations

from dataclasses import replace
from functools import cache

from marsad.arabic.charsets import chars
from marsad.model import Span, Timex
from marsad.resources import load_lines

DATELINE_CHARS = 400  # the dateline starts within this many characters
DATELINE_LINES = 5  # ... and within this many non-empty lines
MAX_LINE_REST = 40  # characters on the line besides the date (place name, agency)
MAX_SIDE_WORDS = 2  # words before / after the date on its line (بريدة … واس)


@cache
def _embedding_words() -> frozenset[str]:
    """Words before a date that put it inside a sentence (في، منذ …), as written."""
    return frozenset(load_lines("temporal_dateline_embedding.txt"))


def _same_day_after(timex: Timex, following: Timex | None, text: str) -> int:
    """Where the dateline ends: after the same day in the other calendar when it follows
    on the line ("25 شوال 1436 هـ الموافق 10 اغسطس 2015 م": two timexes, one day)."""
    if following is None or following.value is None or timex.value is None:
        return timex.span.end
    if following.value[:10] != timex.value[:10] or following.anchor is not None:
        return timex.span.end
    if "\n" in text[timex.span.end : following.span.start]:
        return timex.span.end
    return following.span.end


def find_dateline(text: str, timexes: list[Timex]) -> Timex | None:
    """The first absolute day- or minute-precise timex that stands on its own line."""
    for index, timex in enumerate(timexes):
        start = timex.span.start
        if start >= DATELINE_CHARS:
            break
        if timex.anchor is not None or timex.vague or timex.value is None:
            continue
        if timex.granularity not in ("day", "minute") or "/" in timex.value:
            continue
        if sum(1 for line in text[:start].split("\n") if line.strip()) > DATELINE_LINES:
            break
        line_start = text.rfind("\n", 0, start) + 1
        end = _same_day_after(timex, timexes[index + 1] if index + 1 < len(timexes) else None, text)
        line_end = text.find("\n", end)
        line_end = len(text) if line_end == -1 else line_end
        before = text[line_start:start].split()
        after = text[end:line_end].split()
        rest = " ".join(before + after).strip(chars("dateline-trim"))
        if (
            len(rest) <= MAX_LINE_REST
            and len(before) <= MAX_SIDE_WORDS
            and len(after) <= MAX_SIDE_WORDS
            and not _embedding_words().intersection(before)
        ):
            if end == timex.span.end:
                return timex
            return replace(timex, span=Span(start, end), text=text[start:end])
    return None


def dateline_value(timex: Timex) -> tuple[str, Span]:
    assert timex.value is not None
    return timex.value, timex.span
