"""The shipped CRF model: load once, tag tokens or raw text, score a CoNLL file."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Sequence
from functools import cache
from importlib import resources
from itertools import pairwise
from pathlib import Path
from typing import NamedTuple

import pycrfsuite

from marsad.arabic.charsets import charset
from marsad.arabic.clitics import definite_article, proclitic_letters
from marsad.arabic.view import TextView
from marsad.ner.conll import TYPES, entity_spans, read_conll
from marsad.ner.decode import decoder
from marsad.ner.features import fold, lexicon, sentence_features
from marsad.ner.propagate import Found, propagate

MODEL_NAME = "model.crfsuite"
# Longer sentences are cut (Viterbi's Python steps grow with the longest one).
_MAX_CHUNK = 64
# Sentences either side that count as "the same document" in a file without boundaries.
DOCUMENT_WINDOW = 5  # chosen by 5-fold CV on NewsFANE (scripts/ner_dev.py): 5 ties 10, more precise


def model_path() -> Path:
    return Path(str(resources.files(__package__).joinpath(MODEL_NAME)))


@cache
def _tagger() -> pycrfsuite.Tagger:
    path = model_path()
    if not path.is_file():
        raise FileNotFoundError(f"NER model missing: {path} (run scripts/train_ner.py)")
    tagger = pycrfsuite.Tagger()
    tagger.open(str(path))
    return tagger


def tag_tokens(tokens: list[str]) -> list[str]:
    """BIO tags (PER, LOC, ORG, MISC) for one sentence of tokens."""
    return tag_sentences([tokens])[0]


def tag_sentences(sentences: Sequence[Sequence[str]]) -> list[list[str]]:
    """BIO tags for a batch of sentences (one Viterbi pass over all of them)."""
    return decoder().tag(sentences)


def tag_tokens_reference(tokens: list[str]) -> list[str]:
    """``tag_tokens`` through pycrfsuite itself (slow; checks the fast decoder)."""
    if not tokens:
        return []
    return list(_tagger().tag(sentence_features(tokens)))


def _spans(tags: Sequence[str]) -> list[tuple[int, int, str]]:
    """``entity_spans``, with a shortcut for the many sentences without a name."""
    if tags.count("O") == len(tags):
        return []
    return entity_spans(list(tags))


def tag_document(
    sentences: Sequence[Sequence[str]],
    window: int | None = None,
    tagger: Callable[[list[str]], list[str]] | None = None,
) -> list[list[str]]:
    """Tag the sentences of one document, then extend the names found to their other,
    untagged mentions (within ``window`` sentences either side; whole document if None;
    0 turns propagation off). ``tagger`` tags one sentence (default: the shipped model)."""
    if tagger is None:
        tags = tag_sentences(sentences)
    else:
        tags = [tagger(list(tokens)) for tokens in sentences]
    if window == 0:
        return tags
    words = [fold(token) for tokens in sentences for token in tokens]
    firsts: list[int] = []
    found: list[Found] = []
    first = 0
    for tokens, sentence_tags in zip(sentences, tags, strict=True):
        firsts.append(first)
        found += [Found(first + a, first + b, kind, 1.0) for a, b, kind in _spans(sentence_tags)]
        first += len(tokens)
    spans = propagate(words, firsts, found, window)
    out = [["O"] * len(tokens) for tokens in sentences]
    for span in spans:
        number = bisect_right(firsts, span.first) - 1
        start, end = span.first - firsts[number], span.end - firsts[number]
        out[number][start:end] = ["B-" + span.kind] + ["I-" + span.kind] * (end - start - 1)
    return out


def tokenize(text: str) -> list[tuple[int, int]]:
    """Token ``(start, end)`` offsets: words (with their marks) and single punctuation."""
    return [span for chunk in sentence_tokens(TextView(text)) for span in chunk]


def sentence_tokens(
    view: TextView, start: int = 0, end: int | None = None
) -> list[list[tuple[int, int]]]:
    """Token offsets of ``text[start:end]`` grouped into sentences: a sentence ends after
    a sentence-end mark or at a line break, and is cut every ``_MAX_CHUNK`` tokens."""
    stop = len(view.text) if end is None else end
    out: list[list[tuple[int, int]]] = []
    for sentence in view.model_sentences(start, stop, charset("sentence-end")):
        spans = [(span.start, span.end) for span in sentence]
        for first in range(0, len(spans), _MAX_CHUNK):
            out.append(spans[first : first + _MAX_CHUNK])
    return out


@cache
def _known_words() -> frozenset[str]:
    known = lexicon()
    return frozenset(known.clusters) | frozenset(known.phrases)


def _known(word: str) -> bool:
    return word in _known_words()


def _clitic_letters(word: str) -> int:
    """Folded letters of attached و/ف/ب/ل/ك to leave out of an entity span starting with
    ``word`` (never the article ال)."""
    letters = 0
    clitics = proclitic_letters()
    while letters < 2 and len(word) - letters > 3 and word[letters] in clitics:
        rest = word[letters + 1 :]
        if not (
            rest.startswith(definite_article()) or (_known(rest) and not _known(word[letters:]))
        ):
            break
        letters += 1
    return letters


class TaggedSpan(NamedTuple):
    """An entity the model found: source offsets, type, and how sure it is.

    ``confidence`` is in [0, 1]: the smallest marginal probability (forward-backward) of
    the labels of the span's tokens; a span ``propagated`` from another mention of the
    same name in the document carries the best confidence of the mentions it repeats."""

    start: int
    end: int
    type: str
    confidence: float
    propagated: bool = False


def tag_text(text: str) -> list[tuple[int, int, str]]:
    """Entity character spans ``(start, end, type)`` in raw text; ``text[start:end]`` is
    the name as written, without a leading conjunction or preposition clitic."""
    return tag_ranges(TextView(text), [(0, len(text))])


def tag_ranges(view: TextView, ranges: Sequence[tuple[int, int]]) -> list[tuple[int, int, str]]:
    """``tag_text`` over the given character ranges of the view's text only (say, the
    sentences worth the model's time), taken as one document; spans are offsets into it."""
    found = _tag(view, ranges, confidences=False)
    return [(span.start, span.end, span.type) for span in found]


def _model_tokens(
    view: TextView, ranges: Sequence[tuple[int, int]]
) -> tuple[list[str], list[int], list[int], list[int]]:
    """Folded tokens of the ranges, their folded starts and ends, and each sentence's
    first token: a range starts a sentence, and a sentence is cut every ``_MAX_CHUNK``."""
    words: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    firsts: list[int] = []
    enders = charset("sentence-end")
    for start, end in ranges:
        found = view.model_tokens(start, end, enders)
        offset = len(words)
        bounds = [*found.sentence_starts, len(found.words)]
        for first, stop in pairwise(bounds):
            firsts.extend(range(offset + first, offset + stop, _MAX_CHUNK))
        words += found.words
        starts += found.starts
        ends += found.ends
    return words, starts, ends, firsts


def tag_spans(view: TextView, ranges: Sequence[tuple[int, int]]) -> list[TaggedSpan]:
    """``tag_ranges`` with each span's confidence (``TaggedSpan``), in text order. The
    ranges are one document: names found once are extended to their other mentions."""
    return _tag(view, ranges, confidences=True)


def _tag(view: TextView, ranges: Sequence[tuple[int, int]], confidences: bool) -> list[TaggedSpan]:
    """The spans of ``tag_spans``; without ``confidences`` each is 1.0 (not computed:
    forward-backward costs a fifth of the tagging time)."""
    words, starts, ends, firsts = _model_tokens(view, ranges)
    if not words:
        return []
    fast = decoder()
    decoded = fast.decode(words, firsts)
    spans = fast.spans(decoded)
    sure = fast.confidences(decoded, spans) if confidences else [1.0] * len(spans)
    found = [
        Found(first, end, kind, confidence)
        for (first, end, kind), confidence in zip(spans, sure, strict=True)
    ]
    out = []
    for span in propagate(words, firsts, found, None):
        folded_start = starts[span.first]
        letters = _clitic_letters(words[span.first])
        start = view.source_index(folded_start + letters)
        end = view.source_span(starts[span.end - 1], ends[span.end - 1]).end
        out.append(TaggedSpan(start, end, span.kind, span.confidence, span.propagated))
    return out


def _scores(correct: int, predicted: int, gold: int) -> dict[str, float]:
    precision = correct / predicted if predicted else 0.0
    recall = correct / gold if gold else 0.0
    total = precision + recall
    f1 = 2 * precision * recall / total if total else 0.0
    return {"precision": precision, "recall": recall, "f1": f1, "support": float(gold)}


def score_spans(gold: list[list[str]], predicted: list[list[str]]) -> dict[str, dict[str, float]]:
    """CoNLL exact-span precision/recall/F1, overall and per type."""
    counts = {kind: [0, 0, 0] for kind in (*TYPES, "overall")}
    for gold_tags, predicted_tags in zip(gold, predicted, strict=True):
        gold_spans = set(entity_spans(gold_tags))
        predicted_spans = set(entity_spans(predicted_tags))
        for span in predicted_spans:
            for key in (span[2], "overall"):
                counts[key][0] += span in gold_spans
                counts[key][1] += 1
        for span in gold_spans:
            counts[span[2]][2] += 1
            counts["overall"][2] += 1
    return {kind: _scores(*numbers) for kind, numbers in counts.items()}


def evaluate_conll(
    path: str | Path, window: int | None = DOCUMENT_WINDOW
) -> dict[str, dict[str, float]]:
    """Tag a CoNLL file's own tokens and score against its tags (PERS counts as PER).

    The file has no document boundaries, so names found are extended to repeats within
    ``window`` sentences either side; ``window=0`` tags sentence by sentence, without propagation.
    """
    sentences = read_conll(Path(path))
    gold = [[tag for _, tag in sentence] for sentence in sentences]
    predicted = tag_document([[token for token, _ in sentence] for sentence in sentences], window)
    return score_spans(gold, predicted)
