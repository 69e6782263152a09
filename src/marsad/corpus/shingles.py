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

from marsad.arabic.charsets import char_class
from marsad.arabic.clitics import proclitic_letters, rules
from marsad.arabic.normalize import normalize
from marsad.arabic.view import TextView
from marsad.model import Article, Span
from marsad.resources import load_lines

HashArray = npt.NDArray[np.uint64]

_MIX = np.uint64(0x100000001B3)  # FNV-1a 64-bit prime: spreads each token over the shingle
# a sentence end followed by more words
_SENTENCE_END = re.compile(char_class("sentence-end") + r"\s+\S")
_HEAD_MAX_WORDS = 14
_TAIL_MAX_WORDS = 6


def body_lines(article: Article, view: TextView | None = None) -> list[Span]:
    """The lines of the article's body (boilerplate left out), as source spans."""
    view = view or article.transient_view()
    return [line for region in article.body_spans() for line in view.lines(region)]


def words(text: str) -> list[str]:
    """The folded word tokens of a short text (a title, a query)."""
    return TextView(text).words


def span_words(article: Article, span: Span) -> list[str]:
    """The folded word tokens of one span of an article (a sentence)."""
    return article.transient_view().words_in(span)


def _is_furniture_line(folded: str, count: int, limit: int) -> bool:
    """A short line without a sentence end: a dateline, headline, sign-off or time stamp."""
    return count <= limit and not _SENTENCE_END.search(folded)


def core_tokens(article: Article, view: TextView | None = None) -> list[str]:
    """Tokens of the article's body without its dateline and sign-off lines.

    Outlets put their own dateline over the same copy ("بريدة 25 شوال 1436 هـ ... واس",
    "عين اليوم – جدة") and agencies add sign-offs ("// انتهى //", "17:32 ت م"): a short
    first line and short last lines are dropped so reprints compare on the copy itself.
    """
    view = view or article.transient_view()
    lines = [(line, found) for line in body_lines(article, view) if (found := view.words_in(line))]
    if len(lines) > 1 and _furniture(view, *lines[0], _HEAD_MAX_WORDS):
        lines = lines[1:]
    while len(lines) > 1 and _furniture(view, *lines[-1], _TAIL_MAX_WORDS):
        lines.pop()
    return [word for _, found in lines for word in found]


def _furniture(view: TextView, line: Span, found: list[str], limit: int) -> bool:
    return _is_furniture_line(view.fold_range(line.start, line.end), len(found), limit)


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


def shingle_sequence(words: Sequence[str], size: int = 4) -> HashArray:
    """The hashes of the ``size``-word shingles in text order; a short text is one shingle."""
    hashes = token_hashes(words)
    if len(hashes) == 0:
        return hashes
    if len(hashes) < size:
        size = len(hashes)
    count = len(hashes) - size + 1
    combined = hashes[:count].copy()
    for offset in range(1, size):
        combined = (combined * _MIX) ^ hashes[offset : offset + count]
    return combined


def shingle_hashes(words: Sequence[str], size: int = 4) -> HashArray:
    """Sorted distinct hashes of the ``size``-word shingles; a short text is one shingle."""
    return np.unique(shingle_sequence(words, size))


def winnow(sequence: HashArray, window: int) -> HashArray:
    """Sorted distinct fingerprints chosen by winnowing (Schleimer, Wilkerson and Aiken,
    2003): the smallest hash of every ``window`` consecutive shingles.

    Two texts sharing a run of ``window`` shingles share at least one fingerprint, so a
    passage of ``window + size - 1`` words or more in common is always found, while only
    about ``2 / (window + 1)`` of the shingles are kept.
    """
    if len(sequence) <= window:
        return np.unique(sequence[:1] if len(sequence) == 0 else sequence.min(keepdims=True))
    windows = np.lib.stride_tricks.sliding_window_view(sequence, window)
    return np.unique(windows.min(axis=1))


def shared_count(left: HashArray, right: HashArray) -> int:
    """How many hashes two sorted distinct hash arrays have in common."""
    return len(np.intersect1d(left, right, assume_unique=True))


def jaccard(left: HashArray, right: HashArray) -> float:
    """Exact Jaccard similarity of two sorted distinct hash arrays."""
    if len(left) == 0 and len(right) == 0:
        return 1.0
    shared = shared_count(left, right)
    return shared / (len(left) + len(right) - shared)


@cache
def stopwords() -> frozenset[str]:
    """Function words and non-topical news words (folded), from ``stopwords.txt``."""
    return frozenset(normalize(line) for line in load_lines("stopwords.txt"))


@cache
def _article_pattern() -> re.Pattern[str]:
    """The article with the proclitics that may sit in front of it: و ف ب ك ل (لل = ل +
    ال). A bare leading و/ف is left alone: too many words begin with it (وزير، فرنسا)."""
    clitic = rules()
    conjunctions = "".join(sorted(proclitic_letters("conjunction")))
    others = "".join(sorted(proclitic_letters("preposition") - {clitic.fusing}))
    the = clitic.article
    return re.compile(f"^[{conjunctions}]?(?:[{others}]{the}|{the}|{clitic.fused_article})")


@lru_cache(maxsize=1 << 18)
def light_stem(word: str) -> str:
    """Strip the article with its proclitics, keeping at least three letters.

    "والعراقيه" -> "عراقيه", "للقوات" -> "قوات", "وكالات" stays. Enough to make content
    terms of one story meet across outlets; not a morphological analyser.
    """
    stripped = _article_pattern().sub("", word, count=1)
    return stripped if len(stripped) >= 3 else word


@lru_cache(maxsize=1 << 18)
def content_term(word: str) -> str | None:
    """The topical term of one folded word, or None for stopwords, digits, one letter."""
    stop = stopwords()
    if len(word) < 2 or word.isdigit() or word in stop:
        return None
    if word[0] in proclitic_letters("conjunction") and word[1:] in stop:  # وأكد، فقد
        return None
    stem = light_stem(word)
    return stem if len(stem) >= 2 and stem not in stop else None


def content_terms(words: Sequence[str]) -> list[str]:
    """Topical terms: light-stemmed words minus stopwords, digits and one-letter tokens."""
    terms = map(content_term, words)
    return [term for term in terms if term is not None]
