"""The fast paths of the per-article stages give exactly what the plain definitions give.

Each fast path (set look-ups, regex jumps, offsets made from dropped characters) is
checked against the slow definition it replaces, on real article text and on open input.
"""

from __future__ import annotations

import json
import re
from itertools import islice
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.arabic.clitics import proclitics
from marsad.arabic.normalize import DROPPED, fold_char, normalize
from marsad.arabic.sentences import split_sentences
from marsad.arabic.view import TextView
from marsad.extract.cues import cue_at, cue_forms, cue_tokens
from marsad.extract.lexicon import (
    PhraseIndex,
    gazetteer,
    speaker_nouns,
    speaker_words,
    titles,
)
from marsad.extract.quantities import lexicons as quantity_lexicons
from marsad.extract.quantities import numbers as quantity_numbers
from marsad.model import Span


def _indexes() -> list[PhraseIndex[Any]]:
    kinds = ("modifier", "joint-marker", "statement")
    return [
        gazetteer(),
        titles(),
        speaker_nouns(),
        *(speaker_words(kind) for kind in kinds),
        quantity_numbers.number_words(),
        quantity_numbers.vague_words(),
        quantity_lexicons.units(),
        quantity_lexicons.counted_nouns(),
        *(quantity_lexicons.category_words(where) for where in ("before", "after")),
    ]


@pytest.fixture(scope="module")
def vocabulary(saudi_jsonl: Path) -> set[str]:
    """Folded tokens of real articles, plus every clitic form of every phrase's first word."""
    words: set[str] = set()
    with saudi_jsonl.open(encoding="utf-8") as lines:
        for line in islice(lines, 300):
            words.update(TextView(json.loads(line).get("text") or "").words)
    for index in _indexes():
        for first in index._firsts:
            for prefix in proclitics():
                words.update(prefix + first[cut:] for cut in range(4))
    words.update(prefix + form for form in cue_forms() for prefix in ("", *proclitics()))
    words.discard("")
    return words


def test_phrase_hits_are_the_tokens_with_candidates(vocabulary: set[str]) -> None:
    for index in _indexes():
        for clitics in (True, False):
            starters = index._clitic_forms() if clitics else index._firsts
            slow = {word for word in vocabulary if index._candidates(word, clitics)}
            assert {word for word in vocabulary if word in starters} == slow


def test_cue_tokens_are_the_tokens_cue_at_reads(vocabulary: set[str]) -> None:
    tokens = cue_tokens()
    assert {w for w in vocabulary if w in tokens} == {
        w for w in vocabulary if cue_at(w) is not None
    }


def _slow_offsets(text: str) -> list[int]:
    return [i for i, char in enumerate(text) if fold_char(char)] + [len(text)]


_ARABIC = st.text(alphabet="ابةأإىيكی٣ \u064b\u0651\u0640\u200f\ufeff.A", max_size=60)


@settings(max_examples=300, deadline=None)
@given(_ARABIC)
def test_offsets_from_dropped_characters(text: str) -> None:
    view = TextView(text)
    offsets = [view.source_index(i) for i in range(len(view.folded) + 1)]
    assert (view.folded, offsets) == (normalize(text), _slow_offsets(text))


def test_dropped_class_is_what_folding_drops() -> None:
    for code in [*range(0x0600, 0x0700), *range(0x2000, 0x2070), 0xFEFF, 0x41, 0x61]:
        char = chr(code)
        assert bool(DROPPED.fullmatch(char)) == (fold_char(char) == ""), hex(code)


_ENDERS = frozenset(".!?؟…")
_OPENERS = frozenset("«“")
_CLOSERS = frozenset("»”")


def _slow_line(text: str, start: int, end: int) -> list[Span]:
    """The splitter as a plain loop over every character (the definition)."""
    spans, begin, depth, index = [], start, 0, start
    while index < end:
        char = text[index]
        if char in _OPENERS:
            depth += 1
        elif char in _CLOSERS and depth:
            depth -= 1
        elif char in _ENDERS and depth == 0:
            stop = index + 1
            while stop < end and text[stop] in _ENDERS | _CLOSERS | {'"'}:
                stop += 1
            spaced = stop >= end or text[stop] in " \t\u00a0"
            digits = char == "." and stop < end and text[stop].isdigit()
            initial = (
                char == "."
                and index > 0
                and text[index - 1].isalpha()
                and (index == 1 or not text[index - 2].isalpha())
            )
            if spaced and not digits and not initial:
                spans.append(Span(begin, stop))
                begin = index = stop
                continue
        index += 1
    if begin < end:
        spans.append(Span(begin, end))
    return spans


def _slow_split(text: str) -> list[Span]:
    out = []
    for line in re.finditer(r"[^\n]*", text):
        for raw in _slow_line(text, line.start(), line.end()):
            piece = text[raw.start : raw.end]
            if piece.strip():
                lead = len(piece) - len(piece.lstrip())
                out.append(Span(raw.start + lead, raw.start + len(piece.rstrip())))
    return out


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet='اب ج.!?؟…«»“”"\n\t\u00a012aB', max_size=40))
def test_sentence_splitter_matches_the_character_loop(text: str) -> None:
    assert split_sentences(text) == _slow_split(text)
