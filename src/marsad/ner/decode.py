"""Fast decoding with the shipped CRF: the model's weights as arrays, batched Viterbi.

pycrfsuite needs every token's ~40 feature strings, built in Python and looked up in C++
one by one. A first-order CRF's score is a sum of per-token label scores plus
label-transition scores, and almost all of a token's features depend on the folded word
alone (``features.word_features``). So each distinct word's label scores, as itself and
as each neighbour, are summed once and cached as one array row (new words of a batch in
one gather); a document's emission matrix is then a few array gathers and shifts over all
its tokens at once, the word-pair features one sorted-key search, and Viterbi runs on all
the sentences together. The output equals pycrfsuite's (tested), up to float summation
order. Span confidences come from forward-backward on a few tokens around each span.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from itertools import repeat
from pathlib import Path

import numpy as np
import numpy.typing as npt
import pycrfsuite

from marsad.ner.features import (
    CONTEXT_KEYS,
    GROUPS,
    OFFSETS,
    fold,
    gazetteer_kinds,
    longest_phrase,
    phrase_tags,
    word_features,
)

Array = npt.NDArray[np.float64]
Index = npt.NDArray[np.intp]
# Cached word rows before the table starts afresh (each row: 5 x labels float64, 0.36 kB):
# above the ~129k distinct tokens of the 5,996 sample articles, so a corpus of that size
# never starts afresh; the table takes 58 MB.
_MAX_ROWS = 160_000
_ACTIVE = frozenset(GROUPS)
_LEFT_PAIR, _RIGHT_PAIR = "w|w+1=", "w-1|w="  # features of (this word, next) / (previous, this)
# Tokens either side of a span that its confidence's forward-backward reads.
CONFIDENCE_CONTEXT = 2


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


def _split_pair(value: str, words: set[str] | None = None) -> tuple[str, str] | None:
    """``a|b`` -> (a, b); a token may itself be "|" ("||x" is "|" then "x")."""
    for cut in range(1, len(value) - 1):
        if value[cut] != "|":
            continue
        left, right = value[:cut], value[cut + 1 :]
        if ("|" not in left or left == "|") and ("|" not in right or right == "|"):
            return left, right
    return None


@dataclass(frozen=True)
class _Pairs:
    """Word-pair features as sorted integer keys ``left_id * size + right_id``."""

    ids: dict[str, int]
    size: int
    right_keys: npt.NDArray[np.int64]  # "w-1|w=": scores the right token
    right_scores: Array
    left_keys: npt.NDArray[np.int64]  # "w|w+1=": scores the left token
    left_scores: Array


def _pairs(weights: Weights) -> _Pairs:
    found: dict[str, dict[tuple[str, str], Array]] = {_LEFT_PAIR: {}, _RIGHT_PAIR: {}}
    for name, scores in weights.state.items():
        for prefix, table in found.items():
            if name.startswith(prefix):
                pair = _split_pair(name[len(prefix) :])
                if pair is not None:
                    table[pair] = scores
    words = sorted({word for table in found.values() for pair in table for word in pair})
    ids = {word: position for position, word in enumerate(words)}
    size = max(len(ids), 1)

    def arrays(table: dict[tuple[str, str], Array]) -> tuple[npt.NDArray[np.int64], Array]:
        items = sorted((ids[a] * size + ids[b], scores) for (a, b), scores in table.items())
        keys = np.asarray([key for key, _ in items], dtype=np.int64)
        rows = np.stack([row for _, row in items]) if items else np.zeros((0, len(weights.zero)))
        return keys, rows

    right_keys, right_scores = arrays(found[_RIGHT_PAIR])
    left_keys, left_scores = arrays(found[_LEFT_PAIR])
    return _Pairs(ids, size, right_keys, right_scores, left_keys, left_scores)


class WordTable:
    """Per distinct folded token, one row of label scores: as itself, and seen from each
    neighbour offset (columns 1..4 follow ``OFFSETS``); what gazetteer phrase may start
    there (``lone_tag``: the tag id when only one-word phrases can, ``long_phrase``: a
    longer one may); its id among the words of the pair features (-1: none). Rows are
    made on first sight, all the new words of a batch at once."""

    def __init__(self, weights: Weights, pairs: _Pairs, gaz_tags: dict[str, int]) -> None:
        self.weights = weights
        self.pairs = pairs
        self.gaz_tags = gaz_tags
        self._unknown = len(weights.word_index)
        self._reset()

    def _reset(self) -> None:
        # Allocated whole at once: untouched pages cost no memory.
        self.rows: dict[str, int] = {}
        self.table = np.zeros((_MAX_ROWS, 1 + len(OFFSETS), len(self.weights.labels)))
        self.lone_tag = np.zeros(_MAX_ROWS, dtype=np.intp)
        self.long_phrase = np.zeros(_MAX_ROWS, dtype=bool)
        self.pair_id = np.full(_MAX_ROWS, -1, dtype=np.int64)

    def ids(self, words: Sequence[str]) -> Index:
        """Row ids of folded words (new ones added)."""
        found = list(map(self.rows.get, words))
        if None in found:
            new = list(dict.fromkeys(w for w, row in zip(words, found, strict=True) if row is None))
            if len(self.rows) + len(new) > _MAX_ROWS:
                self._reset()
                return self.ids(words)
            self._add(new)
            found = list(map(self.rows.get, words))
        return np.asarray(found, dtype=np.intp)

    def _add(self, words: list[str]) -> None:
        first = len(self.rows)
        last = first + len(words)
        get, unknown = self.weights.word_index.get, self._unknown
        features: list[int] = []
        counts: list[int] = []
        for word in words:
            _, names = word_features(word, _ACTIVE)
            features.extend(map(get, names, repeat(unknown, len(names))))
            counts.append(len(names))
        offsets = np.cumsum([0, *counts[:-1]])
        gathered = self.weights.word_weights[np.asarray(features, dtype=np.intp)]
        self.table[first:last] = np.add.reduceat(gathered, offsets, axis=0)
        for row, word in enumerate(words, start=first):
            longest = longest_phrase(word)
            if longest == 1:
                self.lone_tag[row] = self.gaz_tags[phrase_tags([word])[0]]
            self.long_phrase[row] = longest > 1
        pair_ids = self.pairs.ids
        self.pair_id[first:last] = [pair_ids.get(word, -1) for word in words]
        self.rows.update(zip(words, range(first, last), strict=True))


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


@dataclass(frozen=True)
class Decoded:
    """Labels of a batch of sentences, flat, with what span confidences need."""

    labels: Index  # label id per token
    scores: Array  # emission scores [token, label]
    firsts: Index  # index of each sentence's first token, ascending
    sentence: Index  # sentence number of each token


class Decoder:
    """Tags batches of tokenised sentences with one model's weights."""

    def __init__(self, weights: Weights) -> None:
        self.weights = weights
        self.pairs = _pairs(weights)
        self.constants = _constants(weights)
        self.table = WordTable(weights, self.pairs, self.constants.gaz_tags)
        labels = weights.labels
        self.outside = labels.index("O")
        kinds = sorted({label[2:] for label in labels if label != "O"})
        self.kinds = tuple(kinds)
        self.kind_of = np.asarray([kinds.index(lb[2:]) if lb != "O" else -1 for lb in labels])
        self.inner = np.asarray([label.startswith("I-") for label in labels])

    def emissions(self, words: Sequence[str], firsts: Sequence[int]) -> Array:
        """Label scores per token of folded ``words``; sentence k starts at ``firsts[k]``."""
        count = len(words)
        ids = self.table.ids(words)
        table = self.table
        rows = table.table[ids]
        constants = self.constants
        sentence = np.zeros(count, dtype=np.intp)
        sentence[np.asarray(firsts[1:], dtype=np.intp)] = 1
        sentence = np.cumsum(sentence)
        gaz = self._gazetteer_ids(words, ids, firsts)
        scores = rows[:, 0] + constants.bias
        scores += constants.gaz_own[gaz]
        for column, offset in enumerate(OFFSETS, start=1):
            if offset < 0:
                mine, theirs = slice(-offset, count), slice(0, count + offset)
            else:
                mine, theirs = slice(0, count - offset), slice(offset, count)
            seen = np.empty_like(scores)
            seen[:] = constants.edge[offset]
            inside = sentence[mine] == sentence[theirs]
            target = np.flatnonzero(inside) + mine.start
            source = target + offset
            seen[target] = rows[source, column] + constants.gaz_neighbour[offset][gaz[source]]
            scores += seen
        self._add_pairs(scores, ids, sentence)
        return scores

    def _gazetteer_ids(self, words: Sequence[str], ids: Index, firsts: Sequence[int]) -> Index:
        """Gazetteer tag id per token (0: none), as ``gazetteer_tags`` per sentence: words
        that start one-word phrases only are tagged from their rows; where a longer phrase
        may start, the longest that fits in the sentence wins, and covers what it spans."""
        out = self.table.lone_tag[ids]
        candidates = np.flatnonzero(self.table.long_phrase[ids])
        if not len(candidates):
            return out
        tag_ids = self.constants.gaz_tags
        ends = [*firsts[1:], len(words)]
        sentence_of = np.searchsorted(np.asarray(firsts), candidates, side="right") - 1
        done = -1
        for position, number in zip(candidates.tolist(), sentence_of.tolist(), strict=True):
            if position < done:
                continue  # inside the phrase just tagged
            tags = phrase_tags(words[position : ends[number]])
            if tags:
                out[position : position + len(tags)] = [tag_ids[tag] for tag in tags]
                done = position + len(tags)
        return out

    def _add_pairs(self, scores: Array, ids: Index, sentence: Index) -> None:
        pairs = self.pairs
        pair_id = self.table.pair_id[ids]
        joined = (pair_id[:-1] >= 0) & (pair_id[1:] >= 0) & (sentence[:-1] == sentence[1:])
        left = np.flatnonzero(joined)
        if not len(left):
            return
        keys = pair_id[left] * pairs.size + pair_id[left + 1]
        for found_keys, found_scores, target in (
            (pairs.right_keys, pairs.right_scores, left + 1),
            (pairs.left_keys, pairs.left_scores, left),
        ):
            if not len(found_keys):
                continue
            where = np.minimum(np.searchsorted(found_keys, keys), len(found_keys) - 1)
            hit = found_keys[where] == keys
            np.add.at(scores, target[hit], found_scores[where[hit]])

    def decode(self, words: Sequence[str], firsts: Sequence[int]) -> Decoded:
        """The Viterbi labels of folded ``words`` (sentence k starts at ``firsts[k]``)."""
        count = len(words)
        if not count:
            empty = np.zeros(0, dtype=np.intp)
            return Decoded(empty, np.zeros((0, len(self.weights.labels))), empty, empty)
        scores = self.emissions(words, firsts)
        starts = np.asarray(firsts, dtype=np.intp)
        lengths = np.diff(np.append(starts, count))
        labels = viterbi(scores, starts, lengths, self.weights.transitions)
        sentence = np.repeat(np.arange(len(starts)), lengths)
        return Decoded(labels, scores, starts, sentence)

    def tag(self, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
        """BIO tags per sentence of tokens as written (the Viterbi path of each)."""
        lengths = [len(tokens) for tokens in sentences]
        words = [fold(token) for tokens in sentences for token in tokens]
        firsts = np.cumsum([0, *lengths[:-1]]).tolist() if sentences else []
        kept = [first for first, length in zip(firsts, lengths, strict=True) if length]
        decoded = self.decode(words, kept)
        names = self.weights.labels
        flat = [names[label] for label in decoded.labels.tolist()]
        return [flat[first : first + length] for first, length in zip(firsts, lengths, strict=True)]

    def spans(self, decoded: Decoded) -> list[tuple[int, int, str]]:
        """Entity spans ``(first, end, type)`` over the flat tokens, as ``entity_spans``
        reads BIO per sentence (an I- that continues nothing starts a span)."""
        labels = decoded.labels
        kind = self.kind_of[labels]
        inside = kind >= 0
        if not inside.any():
            return []
        new_sentence = np.zeros(len(labels), dtype=bool)
        new_sentence[decoded.firsts] = True
        previous = np.concatenate([[-1], kind[:-1]])
        continues = self.inner[labels] & (previous == kind) & ~new_sentence
        opens = np.flatnonzero(inside & ~continues)
        following = np.append(continues[1:], False)
        closes = np.flatnonzero(inside & ~following) + 1
        kinds = self.kinds
        found = zip(opens.tolist(), closes.tolist(), kind[opens].tolist(), strict=True)
        return [(first, end, kinds[k]) for first, end, k in found]

    def confidences(self, decoded: Decoded, spans: Sequence[tuple[int, int, str]]) -> list[float]:
        """Per span, the smallest marginal probability of its tokens' Viterbi labels, by
        forward-backward over the span and ``CONFIDENCE_CONTEXT`` tokens either side
        (within its sentence; the window's ends are left free)."""
        if not spans:
            return []
        starts = np.asarray([first for first, _, _ in spans], dtype=np.intp)
        ends = np.asarray([end for _, end, _ in spans], dtype=np.intp)
        sentence = decoded.sentence[starts]
        sentence_end = np.append(decoded.firsts[1:], len(decoded.labels))[sentence]
        low = np.maximum(decoded.firsts[sentence], starts - CONFIDENCE_CONTEXT)
        high = np.minimum(sentence_end, ends + CONFIDENCE_CONTEXT)
        marginals, width = window_marginals(decoded.scores, low, high, self.weights.transitions)
        out = []
        labels = decoded.labels
        for number, (first, end) in enumerate(zip(starts.tolist(), ends.tolist(), strict=True)):
            offset = width - (high[number] - low[number]) + first - low[number]  # left-padded
            columns = np.arange(offset, offset + end - first)
            chosen = marginals[number, columns, labels[first:end]]
            out.append(float(min(1.0, max(0.0, chosen.min()))))
        return out


def viterbi(scores: Array, starts: Index, lengths: Index, transitions: Array) -> Index:
    """Best label per token of every sentence; ``scores`` are the sentences' token rows,
    flattened, sentence k at ``starts[k]`` with ``lengths[k]`` tokens.

    The steps in Python are what cost, so each sentence is decoded from both ends at once:
    max-sum messages run forward over its first half and backward over the rest, all the
    halves of all sentences side by side in the same array operations; the two halves
    meet at the best pair of labels across the cut, and each is traced back from there."""
    heads = (lengths + 1) // 2
    tails = lengths - heads
    has_tail = np.flatnonzero(tails)
    # Chains: every head (forward), then the tails read backwards (transposed moves).
    chain_first = np.concatenate([starts, starts[has_tail] + lengths[has_tail] - 1])
    chain_step = np.concatenate([np.ones(len(starts), np.intp), -np.ones(len(has_tail), np.intp)])
    chain_length = np.concatenate([heads, tails[has_tail]])
    moves = np.stack([transitions, transitions.T])
    chain_moves = np.concatenate([np.zeros(len(starts), np.intp), np.ones(len(has_tail), np.intp)])
    final, traced = _chains(scores, chain_first, chain_step, chain_length, moves[chain_moves])
    count = len(starts)
    ends = final[:count].argmax(axis=1)
    if len(has_tail):
        head, tail = final[has_tail], final[count:]
        across = head[:, :, None] + transitions + tail[:, None, :]
        size = transitions.shape[0]
        best = across.reshape(len(has_tail), -1).argmax(axis=1)
        ends[has_tail] = best // size
        ends = np.concatenate([ends, best % size])
    paths = traced(ends)
    out = np.empty(len(scores), dtype=np.intp)
    steps = np.arange(paths.shape[1])
    valid = steps[None, :] < chain_length[:, None]
    positions = chain_first[:, None] + steps[None, :] * chain_step[:, None]
    out[positions[valid]] = paths[valid]
    return out


def _chains(
    scores: Array, first: Index, step: Index, length: Index, moves: Array
) -> tuple[Array, Callable[[Index], Index]]:
    """Max-sum messages along chains of tokens (chain c: ``first[c] + t * step[c]`` for
    t < ``length[c]``, moves ``moves[c][from, to]``). The chains are right-aligned, longest
    first, so the ones under way at a step are a prefix and all end at the last step.
    Returns each chain's last message and a function that traces the chains back from
    given last labels to ``paths[chain, t]``. Ties go to the lowest label id, as crfsuite."""
    count, size = len(length), moves.shape[1]
    order = np.argsort(-length, kind="stable")
    sorted_length = length[order]
    longest = int(sorted_length[0])
    pad = longest - sorted_length
    steps = np.arange(longest)
    real = steps[:, None] >= pad[None, :]
    offset = steps[:, None] - pad[None, :]
    source = np.where(real, first[order][None, :] + offset * step[order][None, :], 0)
    padded = scores[source]
    sorted_moves = moves[order]
    begun = np.searchsorted(pad, steps, side="right").tolist()  # chains with pad <= t
    back = np.zeros((longest, count, size), dtype=np.intp)
    delta = np.empty((count, size))
    delta[: begun[0]] = padded[0, : begun[0]]
    for t in range(1, longest):
        going, live = begun[t - 1], begun[t]
        candidates = delta[:going, :, None] + sorted_moves[:going]
        back[t, :going] = candidates.argmax(axis=1)
        delta[:going] = candidates.max(axis=1) + padded[t, :going]
        if live > going:
            delta[going:live] = padded[t, going:live]
    final = np.empty_like(delta)
    final[order] = delta

    def traced(last: Index) -> Index:
        label = last[order]
        paths = np.empty((longest, count), dtype=np.intp)
        for t in range(longest - 1, 0, -1):
            paths[t] = label
            going = begun[t - 1]
            label[:going] = back[t, np.arange(going), label[:going]]
        paths[0] = label
        out = np.zeros((count, longest), dtype=np.intp)
        # chain c's own step k sits at padded step pad[c] + k
        index = np.minimum(pad[:, None] + steps[None, :], longest - 1)
        out[order] = np.take_along_axis(paths.T, index, axis=1)
        return out

    return final, traced


def window_marginals(
    scores: Array, low: Index, high: Index, transitions: Array
) -> tuple[Array, int]:
    """Label marginals of every token of each window ``[low[k], high[k])`` of the flat
    token scores, by scaled forward-backward; windows are left-padded to one width.
    Returns ``marginals[k, position, label]`` and the width."""
    lengths = high - low
    width = int(lengths.max())
    steps = np.arange(width)
    pad = width - lengths
    index = low[:, None] + steps[None, :] - pad[:, None]
    real = steps[None, :] >= pad[:, None]
    local = scores[np.where(real, index, 0)]
    local = np.exp(local - local.max(axis=2, keepdims=True))
    local[~real] = 1.0
    moves = np.exp(transitions - transitions.max())
    count, size = len(low), transitions.shape[0]
    alpha = np.empty((count, width, size))
    current = local[:, 0].copy()
    alpha[:, 0] = current
    for t in range(1, width):
        starting = (pad == t)[:, None]
        current = np.where(starting, local[:, t], (current @ moves) * local[:, t])
        current /= current.sum(axis=1, keepdims=True)
        alpha[:, t] = current
    beta = np.empty((count, width, size))
    current = np.ones((count, size))
    beta[:, width - 1] = current
    for t in range(width - 2, -1, -1):
        current = (local[:, t + 1] * current) @ moves.T
        current /= current.sum(axis=1, keepdims=True)
        beta[:, t] = current
    marginals = alpha * beta
    marginals /= marginals.sum(axis=2, keepdims=True)
    return marginals, width


@cache
def decoder() -> Decoder:
    """The shipped model's decoder (weights read once)."""
    from marsad.ner.model import _tagger

    return Decoder(load_weights(_tagger()))
