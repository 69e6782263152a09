"""Where gold answers are in a text: occurrences, lines and overlaps, as the scorers count them.

Spans are ``(start, end)`` pairs of character offsets, half-open, as in the public JSON.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

Offsets = tuple[int, int]


def find_occurrence(text: str, needle: str, occurrence: int) -> Offsets | None:
    """The ``occurrence``-th (1-based) occurrence of ``needle`` counted as plain substrings,
    like ``str.find``: each search starts one character after the previous find, so
    occurrences may overlap ("aa" occurs twice in "aaa")."""
    start = -1
    for _ in range(occurrence):
        start = text.find(needle, start + 1)
        if start < 0:
            return None
    return (start, start + len(needle))


def every_occurrence(text: str, needle: str) -> Iterator[Offsets]:
    """All non-overlapping occurrences of ``needle``, left to right."""
    for found in re.finditer(re.escape(needle), text):
        yield found.span()


def every_word_end_occurrence(text: str, needle: str) -> Iterator[Offsets]:
    """Non-overlapping occurrences of ``needle`` not followed by a letter or digit (a
    proclitic before it is allowed: "الرياض" is found in "والرياض", not in "الرياضة")."""
    for found in re.finditer(re.escape(needle) + r"(?!\w)", text):
        yield found.span()


def line_of(text: str, offset: int) -> int:
    """1-based line of a character offset; a negative offset (none given) is on line 1."""
    return text.count("\n", 0, max(offset, 0)) + 1


def overlaps(a: Offsets, b: Offsets) -> bool:
    """Half-open spans share a character (an empty span strictly inside counts)."""
    return a[0] < b[1] and b[0] < a[1]
