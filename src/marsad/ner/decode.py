"""Fast decoding with the shipped CRF: the model's weights as arrays, batched Viterbi.

pycrfsuite needs every token's ~37 feature strings, built in Python and looked up in C++
one by one; that capped tagging at ~50,000 tokens/s. A first-order CRF's score is a sum
of per-token label scores plus label-transition scores, and almost all of a token's
features depend on the word alone (``features.word_features``). So each distinct word's
label scores, as itself and as each neighbour, are summed once and cached as one array
row; a sentence's emission matrix is then a few array gathers, and Viterbi runs on all the
sentences of a document at once. The output equals pycrfsuite's (tested), up to float
summation order.
"""

from __future__ import annotations

import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np
import numpy.typing as npt
import pycrfsuite

from marsad.ner.features import (
    CONTEXT_KEYS,
    GROUPS,
    OFFSETS,
    gazetteer_kinds,
    gazetteer_tags,
    word_features,
)

Array = npt.NDArray[np.float64]
# Cached word rows before the table starts afresh (each row: 5 x labels float64).
_MAX_ROWS = 80_000
_ACTIVE = frozenset(GROUPS)


@dataclass(frozen=True)
class Weights:
    """The model's weights, labels in crfsuite order.

    ``word_weights[word_index[f]]`` holds, for a word feature ``f``, its label scores on
    the token itself (column 0) and, as ``"{offset}:{f}"``, on each neighbour (columns
    1..4 follow ``OFFSETS``), so a word's whole row is one gather and one sum."""

    labels: tuple[str, ...]
    state: dict[str, Array]
    transitions: Array  # [from, to]
    zero: Array
    word_index: dict[str, int]
    word_weights: Array

    def vector(self, attributes: Sequence[str]) -> Array:
        """The summed label scores of the attributes (unknown ones weigh nothing)."""
        out = self.zero.copy()
        for attribute in attributes:
            weights = self.state.get(attribute)
            if weights is not None:
                out += weights
        return out


def load_weights(tagger: pycrfsuite.Tagger) -> Weights:
    """Read the weights from the tagger's text dump (the only way pycrfsuite shows them;
    weights are printed to six decimals). Parsed here: pycrfsuite's own parser is 4x slower."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "model.txt"
        tagger.dump(str(path))
        sections = _sections(path.read_text(encoding="utf-8"))
    labels = tuple(line.split(": ", 1)[1] for line in sections["LABELS"])
    index = {label: position for position, label in enumerate(labels)}
    size = len(labels)
    state: dict[str, Array] = {}
    for line in sections["STATE_FEATURES"]:
        attribute, label, weight = _feature(line)
        row = state.get(attribute)
        if row is None:
            row = state[attribute] = np.zeros(size)
        row[index[label]] = weight
    transitions = np.zeros((size, size))
    for line in sections["TRANSITIONS"]:
        source, target, weight = _feature(line)
        transitions[index[source], index[target]] = weight
    word_index, word_weights = _word_weights(state, size)
    return Weights(labels, state, transitions, np.zeros(size), word_index, word_weights)


def _sections(dump: str) -> dict[str, list[str]]:
    """Lines of each ``NAME = { ... }`` block of a crfsuite dump."""
    out: dict[str, list[str]] = {}
    current: list[str] = []
    for line in dump.splitlines():
        if line.endswith(" = {"):
            current = out.setdefault(line[: -len(" = {")], [])
        elif line != "}" and line.strip():
            current.append(line.strip())
    return out


def _feature(line: str) -> tuple[str, str, float]:
    """``(12) name --> label: weight`` -> (name, label, weight)."""
    head, tail = line.rsplit(" --> ", 1)
    label, weight = tail.rsplit(": ", 1)
    return head.split(") ", 1)[1], label, float(weight)


def _word_weights(state: dict[str, Array], size: int) -> tuple[dict[str, int], Array]:
    prefixes = tuple(f"{offset}:" for offset in OFFSETS)
    names = set()
    for name in state:
        for prefix in prefixes:
            if name.startswith(prefix):
                name = name[len(prefix) :]
                break
        names.add(name)
    names = {name for name in names if name}
    word_index = {name: position for position, name in enumerate(sorted(names))}
    # A last all-zero row stands for features the model never saw.
    table = np.zeros((len(word_index) + 1, 1 + len(OFFSETS), size))
    for name, position in word_index.items():
        table[position, 0] = state.get(name, 0.0)
        if name.startswith(CONTEXT_KEYS):
            for column, prefix in enumerate(prefixes, start=1):
                table[position, column] = state.get(prefix + name, 0.0)
    return word_index, table


class WordTable:
    """Per distinct token, one row of label scores: as itself, and seen from each
    neighbour offset (columns 1..4 follow ``OFFSETS``). Rows are made on first sight."""

    def __init__(self, weights: Weights) -> None:
        self.weights = weights
        self._unknown = len(weights.word_index)
        self._reset()

    def _reset(self) -> None:
        self.rows: dict[str, int] = {}
        self.words: list[str] = []
        self.table = np.zeros((1024, 1 + len(OFFSETS), len(self.weights.labels)))

    def ids(self, tokens: Sequence[str]) -> list[int]:
        rows = self.rows
        if len(rows) + len(tokens) > _MAX_ROWS:
            self._reset()
            rows = self.rows
        out = []
        for token in tokens:
            row = rows.get(token)
            if row is None:
                row = self._add(token)
            out.append(row)
        return out

    def _add(self, token: str) -> int:
        row = len(self.words)
        if row == len(self.table):
            self.table = np.concatenate([self.table, np.zeros_like(self.table)])
        word, features = word_features(token, _ACTIVE)
        index, unknown = self.weights.word_index, self._unknown
        known = [index.get(feature, unknown) for feature in features]
        self.table[row] = self.weights.word_weights[known].sum(axis=0)
        self.rows[token] = row
        self.words.append(word)
        return row


@dataclass(frozen=True)
class _Constants:
    """Label scores of the features that do not come from a word row."""

    bias: Array
    edge: dict[int, Array]
    gaz_tags: dict[str, int]
    gaz_own: Array  # [gaz tag id] -> scores; id 0 = no gazetteer phrase
    gaz_neighbour: dict[int, Array]


def _constants(weights: Weights) -> _Constants:
    tags = [""] + [f"{bio}-{kind}" for kind in sorted(gazetteer_kinds()) for bio in ("B", "I")]
    ids = {tag: position for position, tag in enumerate(tags)}
    own = np.stack([weights.zero] + [weights.vector(_gaz_own(tag)) for tag in tags[1:]])
    neighbour = {
        offset: np.stack(
            [weights.zero] + [weights.vector([f"{offset}:gaz={tag}"]) for tag in tags[1:]]
        )
        for offset in OFFSETS
    }
    edge = {offset: weights.vector([f"{offset}:edge"]) for offset in OFFSETS}
    return _Constants(weights.vector(["bias"]), edge, ids, own, neighbour)


def _gaz_own(tag: str) -> list[str]:
    return ["gaz=" + tag, "gaz_type=" + tag[2:]]


class Decoder:
    """Tags batches of tokenised sentences with one model's weights."""

    def __init__(self, weights: Weights) -> None:
        self.weights = weights
        self.table = WordTable(weights)
        self.constants = _constants(weights)

    def emissions(self, sentences: Sequence[Sequence[str]]) -> tuple[Array, list[int]]:
        """Label scores per token of all sentences, flattened, and the sentence lengths."""
        lengths = [len(tokens) for tokens in sentences]
        flat = [token for tokens in sentences for token in tokens]
        ids = self.table.ids(flat)
        rows = self.table.table[ids]
        words = self.table.words
        folded = [words[row] for row in ids]
        constants = self.constants
        scores = rows[:, 0] + constants.bias
        positions = np.concatenate([np.arange(length) for length in lengths])
        sizes = np.repeat(np.asarray(lengths), lengths)
        gaz = self._gazetteer_ids(sentences, folded, lengths)
        for column, offset in enumerate(OFFSETS, start=1):
            inside = (positions + offset >= 0) & (positions + offset < sizes)
            seen = np.empty_like(scores)
            seen[:] = constants.edge[offset]
            source = np.flatnonzero(inside)
            seen[source] = (
                rows[source + offset, column]
                + constants.gaz_neighbour[offset][gaz[source + offset]]
            )
            scores += seen
        scores += constants.gaz_own[gaz]
        self._add_bigrams(scores, folded, positions)
        return scores, lengths

    def _gazetteer_ids(
        self, sentences: Sequence[Sequence[str]], folded: list[str], lengths: list[int]
    ) -> npt.NDArray[np.intp]:
        ids = self.constants.gaz_tags
        out: list[int] = []
        start = 0
        for length in lengths:
            tags = gazetteer_tags(folded[start : start + length])
            out.extend(ids[tag] for tag in tags)
            start += length
        return np.asarray(out, dtype=np.intp)

    def _add_bigrams(self, scores: Array, folded: list[str], positions: Array) -> None:
        state = self.weights.state
        starts = positions.tolist()
        for index in range(1, len(folded)):
            if starts[index] == 0:
                continue
            pair = f"{folded[index - 1]}|{folded[index]}"
            right = state.get("w-1|w=" + pair)
            if right is not None:
                scores[index] += right
            left = state.get("w|w+1=" + pair)
            if left is not None:
                scores[index - 1] += left

    def tag(self, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
        """BIO tags per sentence (the Viterbi path of each)."""
        if not any(sentences):
            return [[] for _ in sentences]
        scores, lengths = self.emissions(sentences)
        paths = viterbi(scores, lengths, self.weights.transitions)
        labels = self.weights.labels
        return [[labels[label] for label in path] for path in paths]


def viterbi(scores: Array, lengths: list[int], transitions: Array) -> list[list[int]]:
    """Best label path per sentence; ``scores`` are the sentences' token rows, flattened.

    Sentences run side by side, longest first, so the ones still going at step ``t`` are a
    prefix of the batch. Ties go to the lowest label id, as in crfsuite."""
    count, size = len(lengths), transitions.shape[0]
    order = sorted(range(count), key=lambda i: -lengths[i])
    longest = lengths[order[0]]
    starts = np.concatenate([[0], np.cumsum(lengths)[:-1]]).astype(np.intp)
    padded = np.zeros((count, longest, size))
    for slot, sentence in enumerate(order):
        length = lengths[sentence]
        padded[slot, :length] = scores[starts[sentence] : starts[sentence] + length]
    sorted_lengths = np.asarray([lengths[i] for i in order])
    # active[t]: how many sentences (a prefix) have a token at step t.
    active = [int(np.count_nonzero(sorted_lengths > t)) for t in range(longest)]
    back = np.zeros((count, longest, size), dtype=np.intp)
    delta = padded[:, 0].copy()
    for t in range(1, longest):
        live = active[t]
        candidates = delta[:live, :, None] + transitions
        best = candidates.argmax(axis=1)
        back[:live, t] = best
        delta[:live] = candidates.max(axis=1)
        delta[:live] += padded[:live, t]
    out: list[list[int]] = [[] for _ in range(count)]
    label = delta.argmax(axis=1)
    paths = np.zeros((count, longest), dtype=np.intp)
    rows = np.arange(count)
    for t in range(longest - 1, -1, -1):
        live = active[t]
        ending = sorted_lengths[:live] == t + 1
        current = np.where(ending, label[:live], paths[:live, t])
        paths[:live, t] = current
        if t:
            paths[:live, t - 1] = back[rows[:live], t, current]
    for slot, sentence in enumerate(order):
        out[sentence] = paths[slot, : lengths[sentence]].tolist()
    return out


@cache
def decoder() -> Decoder:
    """The shipped model's decoder (weights read once)."""
    from marsad.ner.model import _tagger

    return Decoder(load_weights(_tagger()))
