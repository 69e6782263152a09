"""The shipped CRF model: load once, tag tokens or raw text, score a CoNLL file."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path

import pycrfsuite

from marsad.arabic.charsets import charset
from marsad.arabic.clitics import definite_article, proclitic_letters
from marsad.arabic.view import TextView
from marsad.ner.conll import TYPES, entity_spans, read_conll
from marsad.ner.decode import decoder
from marsad.ner.features import fold, lexicon, sentence_features, strip_clitics

MODEL_NAME = "model.crfsuite"
_MAX_CHUNK = 200
# Sentences either side that count as "the same document" in a file without boundaries.
DOCUMENT_WINDOW = 10


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


@lru_cache(maxsize=100_000)
def _name_key(token: str) -> str:
    word = fold(token)
    return strip_clitics(word)[1] if len(word) > _MIN_KEY else word


@lru_cache(maxsize=200_000)
def _folded(token: str) -> str:
    return fold(token)


def _spans(tags: Sequence[str]) -> list[tuple[int, int, str]]:
    """``entity_spans``, with a shortcut for the many sentences without a name."""
    if tags.count("O") == len(tags):
        return []
    return entity_spans(list(tags))


_MIN_KEY = 3


def _document_memory(
    sentences: Sequence[Sequence[str]], tags: Sequence[Sequence[str]]
) -> tuple[dict[str, list[tuple[tuple[str, ...], str]]], set[str]]:
    """Names tagged somewhere in a document: full phrases (by first word) and the last
    words of multi-word person names (a later bare surname refers to the same person)."""
    phrases: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    surnames: set[str] = set()
    for tokens, sentence_tags in zip(sentences, tags, strict=True):
        for start, end, kind in _spans(sentence_tags):
            words = tuple(_folded(token) for token in tokens[start:end])
            if sum(map(len, words)) > _MIN_KEY:
                phrases.setdefault(words[0], []).append((words, kind))
            if kind == "PER" and end - start >= 2:
                last = _name_key(tokens[end - 1])
                if len(last) >= _MIN_KEY:
                    surnames.add(last)
    for items in phrases.values():
        items.sort(key=lambda item: -len(item[0]))
    return phrases, surnames


def _propagate(
    tokens: Sequence[str],
    tags: list[str],
    phrases: dict[str, list[tuple[tuple[str, ...], str]]],
    surnames: set[str],
) -> list[str]:
    """Tag untagged repeats of names the model found elsewhere in the same document."""
    out = list(tags)
    words = [_folded(token) for token in tokens]
    # Only tokens that start a known phrase or are a known surname can change.
    for index in [
        i
        for i, word in enumerate(words)
        if word in phrases or (surnames and _name_key(tokens[i]) in surnames)
    ]:
        if out[index] != "O":
            continue
        for phrase, kind in phrases.get(words[index], ()):
            end = index + len(phrase)
            if tuple(words[index:end]) == phrase and all(tag == "O" for tag in out[index:end]):
                out[index:end] = ["B-" + kind] + ["I-" + kind] * (len(phrase) - 1)
                break
        else:
            alone = (index == 0 or out[index - 1] == "O") and (
                index + 1 == len(out) or out[index + 1] == "O"
            )
            if alone and _name_key(tokens[index]) in surnames:
                out[index] = "B-PER"
    return out


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
    if window is None:
        memory = _document_memory(sentences, tags)
        return [_propagate(t, g, *memory) for t, g in zip(sentences, tags, strict=True)]
    out = []
    for index, (tokens, sentence_tags) in enumerate(zip(sentences, tags, strict=True)):
        low, high = max(0, index - window), index + window + 1
        memory = _document_memory(sentences[low:high], tags[low:high])
        out.append(_propagate(tokens, sentence_tags, *memory))
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


def _known(word: str) -> bool:
    known = lexicon()
    return word in known.clusters or word in known.phrases


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


def tag_text(text: str) -> list[tuple[int, int, str]]:
    """Entity character spans ``(start, end, type)`` in raw text; ``text[start:end]`` is
    the name as written, without a leading conjunction or preposition clitic."""
    return tag_ranges(TextView(text), [(0, len(text))])


def tag_ranges(view: TextView, ranges: Sequence[tuple[int, int]]) -> list[tuple[int, int, str]]:
    """``tag_text`` over the given character ranges of the view's text only (say, the
    sentences worth the model's time), taken as one document; spans are offsets into it."""
    text = view.text
    chunks = [chunk for start, end in ranges for chunk in sentence_tokens(view, start, end)]
    sentences = [[text[start:end] for start, end in chunk] for chunk in chunks]
    out: list[tuple[int, int, str]] = []
    for chunk, tokens, tags in zip(chunks, sentences, tag_document(sentences), strict=True):
        for first, last, kind in _spans(tags):
            start = chunk[first][0]
            folded_start = view.folded_index(start)
            letters = _clitic_letters(fold(tokens[first]))
            if letters:
                start = view.source_index(folded_start + letters)
            out.append((start, chunk[last - 1][1], kind))
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
