"""Word tokens over folded text, and the clitic readings of a token.

Every extractor here matches on folded text (``marsad.arabic.normalize``) and maps matches
back to exact offsets. ``scan`` folds and tokenises an article text once: the result is
cached for the last few texts, since entities, quotes and quantities all read the same
article one after another.

A token such as "وبالبنتاغون" can be read as a prefix ("وب") plus a word ("البنتاغون");
``readings`` lists every reading. The clitic ل before the article ال fuses with it
("للحرة" = ل + الحرة), so that reading restores the ال.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import accumulate
from typing import NamedTuple, overload

from marsad.arabic.normalize import DROPPED, normalize, normalize_with_map, source_offsets
from marsad.resources import load_lines, load_tsv

_WORD_SPLIT = re.compile(r"(\w+)")


class Token(NamedTuple):
    """A word of the folded text: its folded form and its folded-text range."""

    text: str
    start: int
    end: int


class TokenView(Sequence[Token]):
    """The tokens of a scan, made on access from parallel lists (cheaper to build)."""

    __slots__ = ("_ends", "_starts", "_words")

    def __init__(self, words: list[str], starts: list[int], ends: list[int]) -> None:
        self._words, self._starts, self._ends = words, starts, ends

    def __len__(self) -> int:
        return len(self._words)

    @overload
    def __getitem__(self, index: int) -> Token: ...

    @overload
    def __getitem__(self, index: slice) -> list[Token]: ...

    def __getitem__(self, index: int | slice) -> Token | list[Token]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self._words)))]
        return Token(self._words[index], self._starts[index], self._ends[index])


@dataclass(frozen=True, slots=True)
class Scan:
    """An article text folded once: folded string, offset map and word tokens.

    ``words``, ``starts`` and ``ends`` are parallel lists (folded form, folded range);
    ``tokens`` shows them as ``Token`` tuples.
    """

    folded: str
    offsets: list[int]
    words: list[str]
    starts: list[int]
    ends: list[int]
    tokens: TokenView

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """The exact ``[start, end)`` in the original text of a folded range."""
        if end <= start:
            position = self.offsets[start]
            return position, position
        return self.offsets[start], self.offsets[end - 1] + 1

    def token_index_at(self, folded_start: int) -> int:
        """Index of the first token that starts at or after ``folded_start``."""
        return bisect_left(self.starts, folded_start)


@cache
def _fold_pairs() -> tuple[tuple[str, str], ...]:
    """The one-to-one foldings of normalization.tsv."""
    return tuple((row[0], row[1]) for row in load_tsv("normalization.tsv", columns=2))


def _fold(text: str) -> tuple[str, list[int]]:
    """``normalize_with_map``, done with string methods (tested equal to it)."""
    mapped = text
    for source, target in _fold_pairs():
        # str.replace per character beats str.translate on non-Latin text by far.
        if source in mapped:
            mapped = mapped.replace(source, target)
    lowered = mapped.lower()
    if len(lowered) != len(text):
        return normalize_with_map(text)  # a letter whose lower case is longer: rare
    return DROPPED.sub("", lowered), source_offsets(text)


@lru_cache(maxsize=4)
def scan(text: str) -> Scan:
    """Fold ``text`` and split it into word tokens (cached for the last few texts)."""
    folded, offsets = _fold(text)
    parts = _WORD_SPLIT.split(folded)  # separator, word, separator, word, ..., separator
    bounds = list(accumulate(map(len, parts), initial=0))
    words, starts, ends = parts[1::2], bounds[1::2], bounds[2::2]
    del starts[len(words) :], ends[len(words) :]
    return Scan(folded, offsets, words, starts, ends, TokenView(words, starts, ends))


@cache
def proclitics() -> tuple[str, ...]:
    """Folded proclitic prefixes (clitics.txt), longest first."""
    forms = {normalize(line) for line in load_lines("clitics.txt")}
    return tuple(sorted(forms, key=len, reverse=True))


@lru_cache(maxsize=65536)
def readings(token: str) -> tuple[tuple[int, str], ...]:
    """``(prefix length, word)`` readings of a folded token, the whole token first.

    The word keeps at least two letters. For a prefix ending in ل before a word starting
    with ل, the fused article is restored: "للحره" also reads as (1, "الحره"), and
    "للجنه" as (1, "اللجنه") (the article's lam merges with the word's own lam).
    """
    out: list[tuple[int, str]] = [(0, token)]
    for prefix in proclitics():
        if len(token) - len(prefix) < 2 or not token.startswith(prefix):
            continue
        rest = token[len(prefix) :]
        out.append((len(prefix), rest))
        if prefix.endswith("ل") and rest.startswith("ل") and len(rest) > 2:
            out.append((len(prefix), "ا" + rest))  # للحرة = ل + الحرة
            out.append((len(prefix), "ال" + rest))  # للجنة = ل + اللجنة
    return tuple(out)


def fused_article(token: str, prefix_length: int, word: str) -> bool:
    """True when ``word`` restored an ال that the text fused with a clitic ل."""
    return len(token) - prefix_length != len(word)
