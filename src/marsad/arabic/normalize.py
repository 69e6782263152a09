"""Matching normaliser for Arabic: folds spelling variants, never touches display text.

``normalize`` gives a folded string for matching and search. ``normalize_with_map`` also
returns, for each folded character, the index of the original character it came from, so
a match found in folded text maps back to exact offsets in the text as read.
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


def normalize_with_map(text: str) -> tuple[str, list[int]]:
    """Folded text and ``offsets`` where ``offsets[i]`` is the source index of folded char i.

    ``offsets`` has one extra entry, ``len(text)``, so a folded end index maps too.
    """
    return text.translate(_FOLD), source_offsets(text)


def _dropped_class() -> str:
    singles = "".join(chr(code) for code in sorted(_DROPPED_SINGLE))
    ranges = "".join(f"{chr(low)}-{chr(high)}" for low, high in _DROPPED_RANGES)
    return f"[{singles}{ranges}]"


# Every character that folding drops (``fold_char`` gives ""), as one character class.
DROPPED = re.compile(_dropped_class())

_POSITIONS_KEPT = 1 << 16
_kept_positions = list(range(_POSITIONS_KEPT))


def _positions(count: int) -> list[int]:
    """[0, 1, 2, ...], at least ``count`` long: slicing a list made once is several times
    faster than ``range``, which makes a new int object per position."""
    return _kept_positions if count <= _POSITIONS_KEPT else list(range(count))


def source_offsets(text: str) -> list[int]:
    """The ``offsets`` of ``normalize_with_map(text)``: the index of every character that
    folding keeps, plus ``len(text)``. Only dropped characters shift the map, so it is
    made from their positions alone, not one character at a time."""
    positions = _positions(len(text) + 1)
    offsets: list[int] = []
    kept = 0
    for drop in DROPPED.finditer(text):
        offsets += positions[kept : drop.start()]
        kept = drop.end()
    if kept == 0 and not offsets:
        return positions[: len(text) + 1]
    offsets += positions[kept : len(text) + 1]
    return offsets


def is_mark(char: str) -> bool:
    """Diacritics and tatweel: folding drops them, and they belong to the letter before
    them, so a span ending on that letter takes them in ("الأمريكيّ", "صباحاً")."""
    code = ord(char)
    return code == 0x0640 or any(low <= code <= high for low, high in _DROPPED_RANGES)


def to_source_span(
    offsets: list[int], start: int, end: int, text: str | None = None
) -> tuple[int, int]:
    """Map a ``[start, end)`` range of folded text back to the original text.

    With ``text``, the end also takes in the diacritics written on the last letter, so
    a match on "الامريكي" covers "الأمريكيّ" whole.
    """
    if end <= start:
        position = offsets[start]
        return position, position
    source_end = offsets[end - 1] + 1
    if text is not None:
        while source_end < len(text) and is_mark(text[source_end]):
            source_end += 1
    return offsets[start], source_end
