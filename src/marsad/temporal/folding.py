"""Fast matching text for the tagger: the same folding as ``marsad.arabic.normalize``.

``normalize_with_map`` walks the text one character at a time; the tagger runs on every
article, so here the folding is one ``str.translate`` and offsets are recovered only for
the few spans that match (a bisect over the positions of dropped characters).
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass
from functools import cache

from marsad.arabic.normalize import fold_char, normalize
from marsad.resources import load_tsv

# Every code point that folding drops lies in these blocks (see arabic/normalize.py).
_CANDIDATE_RANGES = (
    (0x0610, 0x061C),
    (0x0640, 0x0640),
    (0x064B, 0x065F),
    (0x0670, 0x0670),
    (0x06D6, 0x06ED),
    (0x200B, 0x200F),
    (0x202A, 0x202E),
    (0x2066, 0x2069),
    (0xFEFF, 0xFEFF),
)


@cache
def _tables() -> tuple[dict[int, str | None], re.Pattern[str]]:
    table: dict[int, str | None] = {}
    dropped: list[str] = []
    for low, high in _CANDIDATE_RANGES:
        for code in range(low, high + 1):
            folded = fold_char(chr(code))
            if folded == "":
                table[code] = None
                dropped.append(chr(code))
            elif folded != chr(code):
                table[code] = folded
    for row in load_tsv("normalization.tsv", columns=2):
        table[ord(row[0])] = fold_char(row[0])
    for code in range(ord("A"), ord("Z") + 1):
        table[code] = chr(code).lower()
    pattern = re.compile("[" + "".join(re.escape(c) for c in dropped) + "]")
    return table, pattern


@dataclass(frozen=True, slots=True)
class Folded:
    """Folded text plus what is needed to map folded offsets back to the source."""

    text: str
    source: str
    shifts: tuple[int, ...]  # for each dropped char j: its source index minus j

    def to_source(self, start: int, end: int) -> tuple[int, int]:
        """Map a folded ``[start, end)`` to source offsets (exact, end exclusive)."""
        if end <= start:
            position = start + bisect_right(self.shifts, start)
            return position, position
        first = start + bisect_right(self.shifts, start)
        last = end - 1 + bisect_right(self.shifts, end - 1) + 1
        # Marks after the last letter (tanween in صباحاً) belong to the expression.
        while last < len(self.source) and _is_mark(self.source[last]):
            last += 1
        return first, last


@cache
def _replacements() -> tuple[tuple[str, str], ...]:
    """One ``str.replace`` per changed character: far faster than ``translate`` here."""
    table, _ = _tables()
    return tuple((chr(code), target) for code, target in table.items() if target)


def _is_mark(char: str) -> bool:
    return char == "\u0640" or unicodedata.category(char) == "Mn"


def fold_text(text: str) -> Folded:
    dropped = _tables()[1]
    shifts = tuple(m.start() - j for j, m in enumerate(dropped.finditer(text)))
    folded = dropped.sub("", text) if shifts else text
    for source, target in _replacements():
        if source in folded:
            folded = folded.replace(source, target)
    return Folded(folded, text, shifts)


def check_consistent(text: str) -> bool:
    """True when the fast folding agrees with ``normalize`` (used by the tests)."""
    return fold_text(text).text == normalize(text)
