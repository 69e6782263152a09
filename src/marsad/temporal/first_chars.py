"""The characters a rule's match can start with, read from the regex itself.

Each rule is tried at a few word starts per trigger (``triggers.py``); most tries fail,
and a failed ``match`` call costs far more than testing one character against a set.
The set is computed from the parsed pattern (Python's own ``re`` parser), so it follows
the rule as written: a pattern whose start it cannot bound gets None (no filtering).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from re import _constants as ops  # type: ignore[attr-defined]
from re import _parser  # type: ignore[attr-defined]
from typing import Any

_ZERO_WIDTH = {ops.AT, ops.ASSERT, ops.ASSERT_NOT}
_REPEATS = {ops.MAX_REPEAT, ops.MIN_REPEAT, ops.POSSESSIVE_REPEAT}
_DIGIT_CATEGORIES = {ops.CATEGORY_DIGIT, ops.CATEGORY_UNI_DIGIT}
_MAX_RANGE = 512  # a wider character range is not worth spelling out


@cache
def _decimal_digits() -> frozenset[str]:
    """What ``\\d`` matches in a str pattern: every Unicode decimal digit (~660)."""
    return frozenset(char for char in map(chr, range(0x110000)) if char.isdecimal())


class _Unbounded(Exception):
    """The start cannot be bounded (``.``, ``\\w``, a negated class, a back-reference …)."""


def _add_class(items: Iterable[tuple[Any, Any]], chars: set[str]) -> bool:
    """Add a character class's members; True when it admits decimal digits by category."""
    digits = False
    for op, value in items:
        if op is ops.LITERAL:
            chars.add(chr(value))
        elif op is ops.RANGE:
            low, high = value
            if high - low > _MAX_RANGE:
                raise _Unbounded
            chars.update(map(chr, range(low, high + 1)))
        elif op is ops.CATEGORY and value in _DIGIT_CATEGORIES:
            digits = True
        else:
            raise _Unbounded
    return digits


def _first(sequence: Iterable[tuple[Any, Any]], chars: set[str]) -> tuple[bool, bool]:
    """Add to ``chars`` what ``sequence`` may start with: (admits digits, may be empty)."""
    digits = False
    for op, value in sequence:
        if op in _ZERO_WIDTH:
            continue  # a look-around only narrows the start
        if op is ops.LITERAL:
            chars.add(chr(value))
            return digits, False
        if op is ops.IN:
            return _add_class(value, chars) or digits, False
        if op is ops.SUBPATTERN:
            _, add_flags, _, inner = value
            if add_flags & re.IGNORECASE:
                raise _Unbounded
            alternatives = [inner]
        elif op is ops.ATOMIC_GROUP:
            alternatives = [value]
        elif op is ops.BRANCH:
            alternatives = value[1]
        elif op in _REPEATS:
            low, _, inner = value
            alternatives = [inner, []] if low == 0 else [inner]
        elif op is ops.GROUPREF_EXISTS:
            _, yes, no = value
            alternatives = [yes, no or []]
        else:
            raise _Unbounded
        empty = False
        for alternative in alternatives:
            more_digits, may_be_empty = _first(alternative, chars)
            digits = digits or more_digits
            empty = empty or may_be_empty
        if not empty:
            return digits, False
    return digits, True


def first_chars(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """The characters a match of ``pattern`` can start with; None when not bounded."""
    if pattern.flags & re.IGNORECASE:
        return None
    chars: set[str] = set()
    try:
        digits, may_be_empty = _first(_parser.parse(pattern.pattern), chars)
    except _Unbounded:
        return None
    if may_be_empty:
        return None
    return frozenset(chars | _decimal_digits()) if digits else frozenset(chars)
