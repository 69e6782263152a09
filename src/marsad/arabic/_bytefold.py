"""The text view's private core: ``normalize`` over a whole text, fast, with the positions
of the characters it drops.

Folding runs on bytes: nearly every news text has a one-byte form in Windows Arabic
(cp1256), where one ``bytes.translate`` folds and drops every character at once, and the
temporal tagger's trigger scan reads those bytes too. A text with a character cp1256 lacks
and folding does not map into it (presentation forms, other scripts) takes the slower path
of ``normalize`` itself. Offsets are not mapped here: ``shifts`` (the positions of the
dropped characters) is all the view needs to map both ways with a bisect.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass
from functools import cache
from itertools import accumulate

from marsad.arabic.normalize import DROPPED, fold_char, normalize
from marsad.resources import load_tsv

# The blocks of the characters that folding drops (arabic/normalize.py), where some
# others may fold too.
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
def _table() -> dict[int, str]:
    """The characters of cp1256 and of the candidate blocks that folding changes (not
    drops): the byte path maps with these; any other character takes ``fold_char``."""
    table: dict[int, str] = {}
    codes = [code for low, high in _CANDIDATE_RANGES for code in range(low, high + 1)]
    codes += map(ord, bytes(range(256)).decode(CODEC))
    codes += (ord(row[0]) for row in load_tsv("normalization.tsv", columns=2))
    for code in codes:
        folded = fold_char(chr(code))
        if folded and folded != chr(code):
            table[code] = folded
    return table


@dataclass(frozen=True, slots=True)
class Folded:
    """Folded text plus what is needed to map folded offsets back to the source."""

    text: str
    source: str
    shifts: tuple[int, ...]  # for each dropped char j: its source index minus j
    encoded: bytes | None = None  # ``text`` in cp1256 when every character has a byte


CODEC = "cp1256"
_ERRORS = "marsad-fold"
_DROPPED_STAND_IN = chr(0x064B)  # fathatan: in cp1256, and dropped like any mark


def _fold_stand_in(error: UnicodeError) -> tuple[str, int]:
    """For characters cp1256 lacks: a dropped mark for a dropped one, the folded form
    where folding maps into cp1256 (٣ -> 3, ٱ -> ا); any other ends the byte path."""
    assert isinstance(error, UnicodeEncodeError)
    stand_ins = []
    for char in error.object[error.start : error.end]:
        if DROPPED.match(char):
            stand_ins.append(_DROPPED_STAND_IN)
            continue
        target = fold_char(char)
        if len(target) != 1 or ord(target) not in _cp1256_codes():
            raise error
        stand_ins.append(target)
    return "".join(stand_ins), error.end


codecs.register_error(_ERRORS, _fold_stand_in)


@cache
def _cp1256_codes() -> frozenset[int]:
    return frozenset(map(ord, bytes(range(256)).decode(CODEC)))


@dataclass(frozen=True, slots=True)
class _ByteTables:
    fold: bytes  # translate table: each byte to its folded byte
    dropped: bytes  # the bytes folding deletes
    marks: bytes  # translate table: 1 for a dropped byte, else 0


@cache
def _byte_tables() -> _ByteTables:
    chars = bytes(range(256)).decode(CODEC)
    assert len(chars) == 256 and DROPPED.match(_DROPPED_STAND_IN)
    dropped = bytes(code for code, char in enumerate(chars) if DROPPED.match(char))
    targets = (_table().get(ord(char), char) for char in chars)
    fold = "".join(targets).encode(CODEC)  # raises if folding left cp1256: it does not
    assert len(fold) == 256
    marks = bytes(1 if code in dropped else 0 for code in range(256))
    return _ByteTables(fold, dropped, marks)


def _fold_bytes(text: str) -> Folded | None:
    try:
        raw = text.encode(CODEC, _ERRORS)
    except UnicodeEncodeError:
        return None
    tables = _byte_tables()
    marks = raw.translate(tables.marks)
    shifts: list[int] = []
    found = marks.find(1)
    while found >= 0:  # the j-th dropped byte sits at source index found (= shift + j)
        shifts.append(found - len(shifts))
        found = marks.find(1, found + 1)
    encoded = raw.translate(tables.fold, tables.dropped)
    return Folded(encoded.decode(CODEC), text, tuple(shifts), encoded)


def _fold_str(text: str) -> Folded:
    # One regex pass: the pieces between dropped characters; the j-th dropped character
    # sits at (length of the pieces before it) + j in the source.
    pieces = DROPPED.split(text)
    shifts = tuple(accumulate(map(len, pieces[:-1])))
    return Folded(normalize("".join(pieces) if shifts else text), text, shifts)


def fold_text(text: str) -> Folded:
    return _fold_bytes(text) or _fold_str(text)


def check_consistent(text: str) -> bool:
    """True when both fast foldings agree with ``normalize`` (used by the tests)."""
    by_bytes = _fold_bytes(text)
    by_str = _fold_str(text)
    if by_bytes is not None and (by_bytes.text, by_bytes.shifts) != (by_str.text, by_str.shifts):
        return False
    return by_str.text == normalize(text)
