"""Arabic-normalised tokens, shingles and content terms shared by the corpus stages.

Only the body counts: boilerplate spans (comments, section links …) are left out, so two
pages that share nothing but a site's furniture never look alike. Tokens come from the
matching normaliser's folding (hamza/alef, ى/ي, ة/ه, digits, diacritics), applied through
a cached ``str.translate`` table, which gives the same string as ``normalize`` at a small
fraction of the cost on a corpus.

Shingles are hashed to stable 64-bit integers (blake2b per distinct token, then a
multiply-xor chain per shingle), so sets compare the same across processes and runs.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache, lru_cache
from hashlib import blake2b

import numpy as np
import numpy.typing as npt

from marsad.arabic.normalize import fold_char
from marsad.model import Article
from marsad.resources import load_lines

HashArray = npt.NDArray[np.uint64]

_WORD = re.compile(r"[^\W_]+")
_MIX = np.uint64(0x100000001B3)  # FNV-1a 64-bit prime: spreads each token over the shingle
# The article with the proclitics that may sit in front of it: و ف ب ك ل (لل = ل + ال).
# A bare leading و/ف is left alone: too many words begin with it (وزير، وكالة، فرنسا).
_ARTICLE = re.compile(r"^[وف]?(?:بال|كال|ال|لل)")
_CONJUNCTIONS = frozenset("وف")
_SENTENCE_END = re.compile(r"[.!?؟…]\s+\S")  # an ender followed by more words
_HEAD_MAX_WORDS = 14
_TAIL_MAX_WORDS = 6


class _FoldTable(dict[int, str]):
    """A translate table filled on demand from ``fold_char``: one lookup per new char."""

    def __missing__(self, code: int) -> str:
        folded = fold_char(chr(code))
        self[code] = folded
        return folded


_FOLD = _FoldTable()


def fold(text: str) -> str:
    """The matching form of ``text``; equal to ``marsad.arabic.normalize.normalize``."""
    return text.translate(_FOLD)


def body_text(article: Article) -> str:
    """The article's non-boilerplate text, regions joined by line breaks."""
    if not article.boilerplate:
        return article.text
    return "\n".join(span.slice(article.text) for span in article.body_spans())


def tokens(text: str) -> list[str]:
    """Word tokens (letters and digits) of the folded text."""
    return _WORD.findall(fold(text))


def _is_furniture_line(line: str, limit: int) -> bool:
    """A short line without a sentence end: a dateline, headline, sign-off or time stamp."""
    return len(_WORD.findall(line)) <= limit and not _SENTENCE_END.search(line)


def core_tokens(text: str) -> list[str]:
    """Tokens of the text without its dateline and sign-off lines.

    Outlets put their own dateline over the same copy ("بريدة 25 شوال 1436 هـ ... واس",
    "عين اليوم – جدة") and agencies add sign-offs ("// انتهى //", "17:32 ت م"): a short
    first line and short last lines are dropped so reprints compare on the copy itself.
    """
    lines = [line for line in fold(text).splitlines() if _WORD.search(line)]
    if len(lines) > 1 and _is_furniture_line(lines[0], _HEAD_MAX_WORDS):
        lines = lines[1:]
    while len(lines) > 1 and _is_furniture_line(lines[-1], _TAIL_MAX_WORDS):
        lines.pop()
    return _WORD.findall("\n".join(lines))


_HASHES: dict[str, int] = {}
_HASH_CACHE_LIMIT = 1 << 21  # distinct tokens; cleared when full (hashes are stable)


def _token_hash(token: str) -> int:
    return int.from_bytes(blake2b(token.encode("utf-8"), digest_size=8).digest(), "little")


def token_hashes(words: Sequence[str]) -> HashArray:
    """Stable 64-bit hash of each token (cached per distinct token)."""
    cache_ = _HASHES
    if len(cache_) > _HASH_CACHE_LIMIT:
        cache_.clear()
    values = []
    for word in words:
        value = cache_.get(word)
        if value is None:
            value = cache_[word] = _token_hash(word)
        values.append(value)
    return np.array(values, dtype=np.uint64)


def shingle_hashes(words: Sequence[str], size: int = 4) -> HashArray:
    """Sorted distinct hashes of the ``size``-word shingles; a short text is one shingle."""
    hashes = token_hashes(words)
    if len(hashes) == 0:
        return hashes
    if len(hashes) < size:
        size = len(hashes)
    count = len(hashes) - size + 1
    combined = hashes[:count].copy()
    for offset in range(1, size):
        combined = (combined * _MIX) ^ hashes[offset : offset + count]
    return np.unique(combined)


def jaccard(left: HashArray, right: HashArray) -> float:
    """Exact Jaccard similarity of two sorted distinct hash arrays."""
    if len(left) == 0 and len(right) == 0:
        return 1.0
    shared = len(np.intersect1d(left, right, assume_unique=True))
    return shared / (len(left) + len(right) - shared)


@cache
def stopwords() -> frozenset[str]:
    """Function words and non-topical news words (folded), from ``stopwords.txt``."""
    return frozenset(fold(line) for line in load_lines("stopwords.txt"))


@lru_cache(maxsize=1 << 18)
def light_stem(word: str) -> str:
    """Strip the article with its proclitics, keeping at least three letters.

    "والعراقيه" -> "عراقيه", "للقوات" -> "قوات", "وكالات" stays. Enough to make content
    terms of one story meet across outlets; not a morphological analyser.
    """
    stripped = _ARTICLE.sub("", word, count=1)
    return stripped if len(stripped) >= 3 else word


@lru_cache(maxsize=1 << 18)
def content_term(word: str) -> str | None:
    """The topical term of one folded word, or None for stopwords, digits, one letter."""
    stop = stopwords()
    if len(word) < 2 or word.isdigit() or word in stop:
        return None
    if word[0] in _CONJUNCTIONS and word[1:] in stop:  # وأكد، فقد
        return None
    stem = light_stem(word)
    return stem if len(stem) >= 2 and stem not in stop else None


def content_terms(words: Sequence[str]) -> list[str]:
    """Topical terms: light-stemmed words minus stopwords, digits and one-letter tokens."""
    terms = map(content_term, words)
    return [term for term in terms if term is not None]


@cache
def _dropped_chars() -> re.Pattern[str]:
    """Characters the matching normaliser drops (diacritics, tatweel, bidi marks …)."""
    dropped = [chr(code) for code in range(0x10000) if not fold_char(chr(code))]
    return re.compile("[" + "".join(re.escape(char) for char in dropped) + "]")


def fold_with_offsets(text: str) -> tuple[str, npt.NDArray[np.int64]]:
    """Folded text and, for each folded character, its index in ``text`` (plus len(text)).

    The same result as ``normalize_with_map`` without a Python loop per character: folding
    maps each character to one character or drops it, so only dropped positions matter.
    """
    folded = fold(text)
    if len(folded) == len(text):
        return folded, np.arange(len(text) + 1, dtype=np.int64)
    keep = np.ones(len(text) + 1, dtype=bool)
    for match in _dropped_chars().finditer(text):
        keep[match.start()] = False
    return folded, np.flatnonzero(keep)
