"""Choose NER settings on held-out data: never on the ANERcorp test file.

    python scripts/ner_dev.py [--folds 5] [--without GROUP ...] [--param c1=0.1 ...]
                              [--windows 0,5,10] [--extra SENTENCES.jsonl]

Trains on the filtered NewsFANE minus a held-out part, plus Wojood train
(``marsad.ner.training``), and scores exact spans on the held-out NewsFANE and on Wojood
val, sentence by sentence (window 0) and with the in-document name propagation at each
window. Without ``--folds`` the held-out part is the last fifth of NewsFANE; with
``--folds K`` every contiguous K-th is held out in turn and the scores are over all of
NewsFANE (and over Wojood val tagged by each fold's model). ``--extra`` adds training
sentences (self-training output of ``scripts/self_train_ner.py``).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from train_ner import PATHS  # scripts/ is on the path

from marsad.ner.conll import Sentence
from marsad.ner.features import GROUPS
from marsad.ner.model import score_spans, tag_document
from marsad.ner.training import load_corpora, score_line, sentence_tagger, tags_of, tokens_of
from marsad.ner.training import train as train_model

SCRATCH = Path("/tmp/marsad_ner_dev")


def _value(text: str) -> float | int | bool | str:
    for kind in (int, float):
        try:
            return kind(text)
        except ValueError:
            pass
    return {"true": True, "false": False}.get(text.lower(), text)


def read_extra(path: Path) -> list[Sentence]:
    with path.open(encoding="utf-8") as handle:
        return [[(token, tag) for token, tag in json.loads(row)] for row in handle]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--folds", type=int, default=0, help="cross-validate over NewsFANE")
    parser.add_argument("--without", nargs="*", default=[], choices=GROUPS)
    parser.add_argument("--param", nargs="*", default=[], help="CRF setting name=value")
    parser.add_argument("--windows", default="0,10", help="propagation windows ('all' = no limit)")
    parser.add_argument("--extra", type=Path, action="append", default=[])
    args = parser.parse_args()
    groups = tuple(group for group in GROUPS if group not in args.without)
    params = {key: _value(value) for key, value in (item.split("=", 1) for item in args.param)}
    extra = [sentence for path in args.extra for sentence in read_extra(path)]

    corpora = load_corpora(PATHS)
    runs = corpora.folds(args.folds) if args.folds else [corpora.development()]
    SCRATCH.mkdir(exist_ok=True)
    # Per held-out set: (gold tags, the model's own tags, tokens) of each run, in order.
    found: dict[str, list[tuple[list[list[str]], list[list[str]], list[list[str]]]]] = {}
    for number, (sentences, held_out) in enumerate(runs):
        sentences = sentences + extra
        model = SCRATCH / f"run{number}.crfsuite"
        seconds = train_model(sentences, model, groups, params)
        print(
            f"run {number}: {len(sentences)} sentences, {sum(map(len, sentences))} tokens, "
            f"trained in {seconds:.0f} s CPU",
            file=sys.stderr,
            flush=True,
        )
        tagger = sentence_tagger(model, groups)
        for name, data in held_out.items():
            tokens = tokens_of(data)
            tags = [tagger(sentence) for sentence in tokens]
            found.setdefault(name, []).append((tags_of(data), tags, tokens))
    print(f"groups: {' '.join(groups)}  params: {params or 'defaults'}  extra: {len(extra)}")
    windows = [None if w == "all" else int(w) for w in args.windows.split(",")]
    for name, parts in found.items():
        for window in windows:
            gold: list[list[str]] = []
            predicted: list[list[str]] = []
            for part_gold, tags, tokens in parts:
                lookup = iter(tags)  # the model's tags, then the propagation at this window
                predicted += tag_document(tokens, window, lambda _tokens, it=lookup: next(it))
                gold += part_gold
            label = f"{name} w={'all' if window is None else window}"
            print(score_line(label, score_spans(gold, predicted)), flush=True)


if __name__ == "__main__":
    main()
