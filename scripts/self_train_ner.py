"""Self-training data for the NER model: confident sentences of the Saudi sample.

    python scripts/self_train_ner.py MODEL OUT.jsonl [--min-confidence 0.9] [--limit 3000]

Tags every article of the SaudiNewsNet sample (less the dev gold documents) with MODEL
through the fast decoder, and keeps the sentences of 6 to 60 tokens that have at least
one entity and whose every token's label has a marginal of ``--min-confidence`` or more;
a sentence seen before (wire copy reprinted by papers) is kept once. Writes one JSON list
of [token, tag] per line, in corpus order, at most ``--limit`` sentences (spread evenly).
``scripts/train_ner.py`` runs the same selection between its two trainings.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from collections.abc import Iterator
from itertools import pairwise
from pathlib import Path

import numpy as np
import pycrfsuite

from marsad.arabic.view import TextView
from marsad.ner.decode import Decoded, Decoder, load_weights, window_marginals
from marsad.ner.features import strip_clitics
from marsad.ner.model import _model_tokens

_SHORTEST, _LONGEST = 6, 60
ROOT = Path(__file__).resolve().parents[1]
SAUDINEWSNET = ROOT.parent / "shared" / "data" / "saudinewsnet-sample" / "articles.jsonl"
GOLD = ROOT.parent / "shared" / "gold"
GOLD_FILES = ("saudinewsnet-dev.json", "suez-timeline.json")
MIN_CONFIDENCE = 0.9
LIMIT = 3000
MIN_DOCUMENTS, MIN_SHARE = 3, 0.8
_MIN_NAME_LETTERS = 3
Span = tuple[int, int, str]


def _excluded_documents() -> set[str]:
    """Ids of the Saudi articles in the dev gold sets: no unsupervised use of them, so that
    the dev scores stay honest."""
    out: set[str] = set()
    for name in GOLD_FILES:
        gold = json.loads((GOLD / name).read_text(encoding="utf-8"))
        out |= {document["doc"] for document in gold["documents"]}
    return out


def corpus_texts() -> list[str]:
    """The Saudi sample's article texts, less the dev gold documents."""
    excluded = _excluded_documents()
    out = []
    with SAUDINEWSNET.open(encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            if record["id"] not in excluded:
                out.append(record["content"])
    return out


def _least_sure(decoder: Decoder, decoded: Decoded, first: int, stop: int) -> float:
    """The smallest marginal of a Viterbi label over tokens ``[first, stop)``."""
    low, high = np.asarray([first]), np.asarray([stop])
    transitions = decoder.weights.transitions
    marginals, _ = window_marginals(decoded.scores, low, high, transitions)
    return float(marginals[0, np.arange(stop - first), decoded.labels[first:stop]].min())


def _tagged(model: Path) -> Iterator[tuple[Decoder, list[str], list[int], Decoded, list[Span]]]:
    """Every corpus article tagged by ``model``: its folded tokens, sentence starts, the
    decoded labels and the model's spans."""
    tagger = pycrfsuite.Tagger()
    tagger.open(str(model))
    decoder = Decoder(load_weights(tagger))
    for text in corpus_texts():
        words, _, _, firsts = _model_tokens(TextView(text), [(0, len(text))])
        if words:
            decoded = decoder.decode(words, firsts)
            yield decoder, words, firsts, decoded, decoder.spans(decoded)


def corpus_names(
    model: Path, min_documents: int = MIN_DOCUMENTS, min_share: float = MIN_SHARE
) -> list[tuple[str, str]]:
    """(type, name) of the names ``model`` tags in ``min_documents`` articles or more,
    as one type in ``min_share`` of them; the name without the clitics of its first word.
    Grown from corpus frequency, never from one text."""
    documents: dict[tuple[str, ...], Counter[str]] = {}
    for _, words, _, _, spans in _tagged(model):
        seen: set[tuple[tuple[str, ...], str]] = set()
        for first, end, kind in spans:
            stem = strip_clitics(words[first])[1]
            seen.add(((stem, *words[first + 1 : end]), kind))
        for name, kind in seen:
            documents.setdefault(name, Counter())[kind] += 1
    out = []
    for name, kinds in documents.items():
        kind, count = kinds.most_common(1)[0]
        agreed = count >= min_documents and count >= min_share * sum(kinds.values())
        if agreed and sum(map(len, name)) > _MIN_NAME_LETTERS:
            out.append(("C" + kind, " ".join(name)))
    return sorted(out)


def confident_sentences(
    model: Path, min_confidence: float = MIN_CONFIDENCE, limit: int = LIMIT
) -> list[list[tuple[str, str]]]:
    """Sentences of the corpus with an entity, tagged by ``model``, whose every token's
    label has a marginal of ``min_confidence`` or more (an O the model doubts may be a
    name it missed); each distinct sentence once, at most ``limit`` spread evenly."""
    seen: set[tuple[str, ...]] = set()
    kept: list[list[tuple[str, str]]] = []
    for decoder, words, firsts, decoded, spans in _tagged(model):
        bounds = [*firsts, len(words)]
        for first, stop in pairwise(bounds):
            inside = [span for span in spans if first <= span[0] < stop]
            sentence = tuple(words[first:stop])
            if not inside or not _SHORTEST <= len(sentence) <= _LONGEST or sentence in seen:
                continue
            if _least_sure(decoder, decoded, first, stop) < min_confidence:
                continue
            seen.add(sentence)
            tags = ["O"] * len(sentence)
            for start, end, kind in inside:
                tags[start - first : end - first] = [f"B-{kind}"] + [f"I-{kind}"] * (
                    end - start - 1
                )
            kept.append(list(zip(sentence, tags, strict=True)))
    step = max(1.0, len(kept) / limit)
    return [kept[int(k * step)] for k in range(min(limit, len(kept)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("model", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--min-confidence", type=float, default=MIN_CONFIDENCE)
    parser.add_argument("--limit", type=int, default=LIMIT)
    parser.add_argument("--names", type=Path, help="also write the corpus names (TSV)")
    args = parser.parse_args()
    if args.names:
        rows = corpus_names(args.model)
        args.names.write_text("".join(f"{kind}\t{name}\n" for kind, name in rows), "utf-8")
        print(f"corpus names: {len(rows)} to {args.names}")
    chosen = confident_sentences(args.model, args.min_confidence, args.limit)
    with args.out.open("w", encoding="utf-8") as handle:
        for sentence in chosen:
            handle.write(json.dumps(sentence, ensure_ascii=False) + "\n")
    print(f"written: {len(chosen)} sentences to {args.out}")


if __name__ == "__main__":
    main()
