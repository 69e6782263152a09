"""Document-level consistency: a name the model found once is the same name elsewhere.

After tagging, untagged repeats of a found phrase (matched on folded words, longest
first) and bare surnames of multi-word person names become entities too, within
``window`` sentences either side (the whole document when None). Works on the flat folded
tokens of a document and its spans, for articles and CoNLL files alike.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from functools import lru_cache
from typing import NamedTuple

from marsad.ner.features import clitic_clusters, strip_clitics

_MIN_KEY = 3


class Found(NamedTuple):
    """An entity over flat token indices ``[first, end)``, with the model's confidence
    (a propagated span carries the best confidence of the mentions it repeats)."""

    first: int
    end: int
    kind: str
    confidence: float
    propagated: bool = False


@lru_cache(maxsize=200_000)
def name_key(word: str) -> str:
    """A folded word without clitics and article, for surname matching."""
    return strip_clitics(word)[1] if len(word) > _MIN_KEY else word


class _Memory(NamedTuple):
    phrases: dict[str, list[tuple[tuple[str, ...], str, float]]]  # by first word, longest first
    surnames: dict[str, float]


def _memory(words: Sequence[str], spans: Sequence[Found]) -> _Memory:
    phrases: dict[str, list[tuple[tuple[str, ...], str, float]]] = {}
    surnames: dict[str, float] = {}
    for span in spans:
        phrase = tuple(words[span.first : span.end])
        if sum(map(len, phrase)) > _MIN_KEY:
            phrases.setdefault(phrase[0], []).append((phrase, span.kind, span.confidence))
        if span.kind == "PER" and span.end - span.first >= 2:
            last = name_key(words[span.end - 1])
            if len(last) >= _MIN_KEY:
                surnames[last] = max(surnames.get(last, 0.0), span.confidence)
    for items in phrases.values():
        items.sort(key=lambda item: -len(item[0]))  # stable: first seen first among equals
    return _Memory(phrases, surnames)


def propagate(
    words: Sequence[str], firsts: Sequence[int], spans: Sequence[Found], window: int | None
) -> list[Found]:
    """The model's spans (sorted, from model spans only) plus the repeats found in the
    same document, in token order. ``firsts``: each sentence's first token index."""
    if not spans or window == 0:
        return list(spans)
    whole = _memory(words, spans)
    # The words a surname can be written as: itself after any clitic cluster (checked
    # exactly by ``name_key`` later); cheaper than reading every word's key.
    starting = set(whole.phrases)
    starting.update(prefix + key for key in whole.surnames for prefix in clitic_clusters())
    candidates = [index for index, word in enumerate(words) if word in starting]
    if not candidates:
        return list(spans)
    ends = [*firsts[1:], len(words)]
    span_sentences = [bisect_right(firsts, span.first) - 1 for span in spans]
    taken = [False] * len(words)
    for span in spans:
        taken[span.first : span.end] = [True] * (span.end - span.first)
    added: list[Found] = []
    memory = whole
    current = -1
    for index in candidates:
        if taken[index]:
            continue
        sentence = bisect_right(firsts, index) - 1
        if window is not None and sentence != current:
            low = bisect_left(span_sentences, sentence - window)
            high = bisect_right(span_sentences, sentence + window)
            memory = _memory(words, spans[low:high])
        current = sentence
        found = _repeat(words, index, (firsts[sentence], ends[sentence]), memory, taken)
        if found is not None:
            taken[found.first : found.end] = [True] * (found.end - found.first)
            added.append(found)
    if not added:
        return list(spans)
    return sorted([*spans, *added])


def _repeat(
    words: Sequence[str],
    index: int,
    sentence: tuple[int, int],
    memory: _Memory,
    taken: list[bool],
) -> Found | None:
    """The repeat of a known phrase starting at ``index`` (longest first), else a bare
    surname standing alone there; ``sentence``: its sentence's token range."""
    first, stop = sentence
    for phrase, kind, confidence in memory.phrases.get(words[index], ()):
        end = index + len(phrase)
        if end <= stop and tuple(words[index:end]) == phrase and not any(taken[index:end]):
            return Found(index, end, kind, confidence, True)
    alone = (index == first or not taken[index - 1]) and (index + 1 >= stop or not taken[index + 1])
    surname = memory.surnames.get(name_key(words[index]))
    if alone and surname is not None:
        return Found(index, index + 1, "PER", surname, True)
    return None
