"""Named characters: sets of punctuation (``resources/punctuation.tsv``: sentence ends,
quote marks, clause marks) and single letters by their role (``resources/letters.tsv``:
ta marbuta, the conjunction و). Layers ask by name, never spell the characters."""

from __future__ import annotations

import re
from functools import cache

from marsad.arabic.normalize import normalize
from marsad.resources import load_tsv

_ESCAPES = {"\\s": " ", "\\t": "\t", "\\n": "\n", "\\u00a0": "\u00a0"}


@cache
def _sets() -> dict[str, tuple[str, ...]]:
    out: dict[str, tuple[str, ...]] = {}
    for row in load_tsv("punctuation.tsv", columns=2):
        chars = tuple(_ESCAPES.get(item, item) for item in row[1].split())
        if any(len(char) != 1 for char in chars):
            raise ValueError(f"punctuation.tsv: {row[0]}: one character per item, got {chars!r}")
        out[row[0]] = chars
    return out


@cache
def charset(name: str) -> frozenset[str]:
    """The characters of a named set."""
    return frozenset(chars(name))


@cache
def chars(name: str) -> str:
    """The characters of a named set as one string, in the file's order."""
    try:
        return "".join(_sets()[name])
    except KeyError:
        raise KeyError(f"punctuation.tsv has no set {name!r}") from None


@cache
def char_class(name: str) -> str:
    """A regex character class of a named set (``[...]``)."""
    return "[" + "".join(re.escape(char) for char in chars(name)) + "]"


@cache
def _letters() -> dict[str, str]:
    return {row[0]: row[1] for row in load_tsv("letters.tsv", columns=2)}


@cache
def letter(name: str, folded: bool = True) -> str:
    """A letter by its role (``letters.tsv``), folded for matching unless asked not to."""
    try:
        found = _letters()[name]
    except KeyError:
        raise KeyError(f"letters.tsv has no letter {name!r}") from None
    return normalize(found) if folded else found
