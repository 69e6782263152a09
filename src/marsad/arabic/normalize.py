"""Matching normaliser for Arabic: folds spelling variants, never touches display text.

``normalize`` gives a folded string for matching and search; the text view
(``marsad.arabic.view``) folds a whole article once and maps offsets both ways.
"""

from __future__ import annotations

import re
from functools import cache

from marsad.resources import load_tsv

# Marks dropped for matching: harakat, shadda, sukun, dagger alef, Quranic marks, tatweel.
_DROPPED_RANGES = ((0x0610, 0x061A), (0x064B, 0x065F), (0x0670, 0x0670), (0x06D6, 0x06ED))
_DROPPED_SINGLE = {
    0x0640,  # tatweel
    0x200B,
    0x200C,
    0x200D,
    0x200E,
    0x200F,  # zero-width and directional marks
    0x202A,
    0x202B,
    0x202C,
    0x202D,
    0x202E,  # bidi embeddings and overrides
    0x2066,
    0x2067,
    0x2068,
    0x2069,  # bidi isolates
    0x061C,  # Arabic letter mark
    0xFEFF,  # byte-order mark / zero-width no-break space
}


def _is_dropped(code: int) -> bool:
    if code in _DROPPED_SINGLE:
        return True
    return any(low <= code <= high for low, high in _DROPPED_RANGES)


@cache
def _table() -> dict[int, str]:
    table: dict[int, str] = {}
    for row in load_tsv("normalization.tsv", columns=2):
        source, target = row[0], row[1]
        if len(source) != 1 or len(target) != 1:
            raise ValueError(f"normalization.tsv: one character each side, got {row!r}")
        table[ord(source)] = target
    return table


def fold_char(char: str) -> str:
    """The folded form of one character: '' when dropped, else exactly one character."""
    code = ord(char)
    if _is_dropped(code):
        return ""
    mapped = _table().get(code)
    if mapped is not None:
        return mapped
    lowered = char.lower()
    return lowered if len(lowered) == 1 else char


class _FoldTable(dict[int, str | None]):
    """``str.translate`` table equal to ``fold_char``, filled on first sight of each char.

    Folding with ``translate`` runs at C speed; the table only ever holds the characters
    the texts actually use.
    """

    def __missing__(self, code: int) -> str | None:
        folded = fold_char(chr(code)) or None
        self[code] = folded
        return folded


_FOLD = _FoldTable()


def normalize(text: str) -> str:
    """Fold hamza/alef forms, alef maqsura, ta marbuta, digits, marks; lowercase Latin."""
    return text.translate(_FOLD)


def _dropped_class() -> str:
    singles = "".join(chr(code) for code in sorted(_DROPPED_SINGLE))
    ranges = "".join(f"{chr(low)}-{chr(high)}" for low, high in _DROPPED_RANGES)
    return f"[{singles}{ranges}]"


# Every character that folding drops (``fold_char`` gives ""), as one character class.
DROPPED = re.compile(_dropped_class())


# Diacritics and tatweel, as characters (``is_mark``).
_MARKS = frozenset(
    chr(code) for low, high in ((0x0640, 0x0640), *_DROPPED_RANGES) for code in range(low, high + 1)
)


def is_mark(char: str) -> bool:
    """Diacritics and tatweel: folding drops them, and they belong to the letter before
    them, so a span ending on that letter takes them in ("الأمريكيّ", "صباحاً")."""
    return char in _MARKS
