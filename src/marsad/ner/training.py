"""Training data, CRF training and held-out scoring for the NER model (build time only).

Used by ``scripts/train_ner.py`` (the shipped model) and ``scripts/ner_dev.py`` (choosing
settings). The ANERcorp test file is read here for one thing only: the leak filter, which
drops every NewsFANE sentence sharing a 30-character run with it. Settings are chosen on
``held_out`` data: the last contiguous fifth of the filtered NewsFANE sentences (the
corpus is running newswire without document marks, like the test file) and Wojood val.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

import pycrfsuite

from marsad.ner.conll import (
    Sentence,
    newsfane_to_coarse,
    read_conll,
    read_newsfane_raw,
    read_wojood,
)
from marsad.ner.features import GROUPS, sentence_features
from marsad.ner.leak import split_leaked

CRF_PARAMS: dict[str, float | int | bool] = {
    "c1": 0.05,
    "c2": 0.01,
    "max_iterations": 60,  # chosen on the held-out NewsFANE slice: 64.5 F1 vs 63.7 at 150
    "feature.possible_transitions": True,
    "feature.minfreq": 1,
}
# The held-out NewsFANE slice: this last fraction of the filtered sentences, in order.
HELD_OUT_FRACTION = 0.2


@dataclass(frozen=True)
class DataPaths:
    newsfane: Path
    wojood_train: Path
    wojood_val: Path
    anercorp_test: Path  # read only by the leak filter (and by the final score)


@dataclass(frozen=True)
class Corpora:
    """The filtered NewsFANE sentences and Wojood, with the leak filter's count."""

    newsfane: list[Sentence]
    wojood_train: list[Sentence]
    wojood_val: list[Sentence]
    dropped: int
    newsfane_total: int

    def split(self) -> tuple[list[Sentence], list[Sentence]]:
        """(NewsFANE train part, NewsFANE held-out part): the held-out part is the last
        ``HELD_OUT_FRACTION`` of the sentences, one contiguous stretch of news."""
        cut = round(len(self.newsfane) * (1 - HELD_OUT_FRACTION))
        return self.newsfane[:cut], self.newsfane[cut:]

    def development(self) -> tuple[list[Sentence], dict[str, list[Sentence]]]:
        """Training sentences without any held-out data, and the held-out sets by name."""
        train, held = self.split()
        return train + self.wojood_train, {"newsfane-dev": held, "wojood-val": self.wojood_val}

    def folds(self, count: int) -> list[tuple[list[Sentence], dict[str, list[Sentence]]]]:
        """Cross-validation: the filtered NewsFANE cut into ``count`` contiguous stretches;
        each fold trains on the others (and Wojood train) and holds one out (and Wojood val)."""
        size = len(self.newsfane)
        bounds = [round(size * k / count) for k in range(count + 1)]
        out = []
        for first, last in pairwise(bounds):
            train = self.newsfane[:first] + self.newsfane[last:] + self.wojood_train
            held = {"newsfane-cv": self.newsfane[first:last], "wojood-val": self.wojood_val}
            out.append((train, held))
        return out

    def everything(self) -> list[Sentence]:
        """What the shipped model trains on once the settings are chosen: all of the
        filtered NewsFANE and Wojood train (Wojood val stays a check, never trained on)."""
        return self.newsfane + self.wojood_train


def load_corpora(paths: DataPaths) -> Corpora:
    test = [[token for token, _ in sentence] for sentence in read_conll(paths.anercorp_test)]
    raw = read_newsfane_raw(paths.newsfane)
    kept, dropped = split_leaked([[token for token, _ in sentence] for sentence in raw], test)
    return Corpora(
        newsfane=[newsfane_to_coarse(raw[index]) for index in kept],
        wojood_train=read_wojood(paths.wojood_train),
        wojood_val=read_wojood(paths.wojood_val),
        dropped=len(dropped),
        newsfane_total=len(raw),
    )


def tokens_of(sentences: Iterable[Sentence]) -> list[list[str]]:
    return [[token for token, _ in sentence] for sentence in sentences]


def tags_of(sentences: Iterable[Sentence]) -> list[list[str]]:
    return [[tag for _, tag in sentence] for sentence in sentences]


def train(
    sentences: Sequence[Sentence],
    out: Path,
    groups: Sequence[str] = GROUPS,
    params: dict[str, float | int | bool] | None = None,
) -> float:
    """Train a CRF on the sentences into ``out``; the CPU seconds it took."""
    started = time.process_time()
    trainer = pycrfsuite.Trainer(verbose=False)
    for sentence in sentences:
        tokens = [token for token, _ in sentence]
        trainer.append(sentence_features(tokens, groups), [tag for _, tag in sentence])
    trainer.set_params({**CRF_PARAMS, **(params or {})})
    trainer.train(str(out))
    return time.process_time() - started


def sentence_tagger(
    model: Path, groups: Sequence[str] = GROUPS
) -> Callable[[list[str]], list[str]]:
    """Tag one sentence with a model file through pycrfsuite."""
    tagger = pycrfsuite.Tagger()
    tagger.open(str(model))
    return lambda tokens: list(tagger.tag(sentence_features(tokens, groups))) if tokens else []


def shared_paths(data: Path) -> DataPaths:
    """The corpora's paths under the shared data folder (``../shared/data``)."""
    return DataPaths(
        newsfane=data / "newsfane-gold" / "NewsFANE_Gold_2014_170K.txt",
        wojood_train=data / "wojood-sample" / "train.txt",
        wojood_val=data / "wojood-sample" / "val.txt",
        anercorp_test=data / "anercorp-camel-test" / "ANERCorp_CamelLab_test.txt",
    )


def score_line(name: str, scores: dict[str, dict[str, float]]) -> str:
    """One line: overall F1, precision, recall and F1 per type, in points."""
    per_type = "  ".join(f"{k} {scores[k]['f1'] * 100:5.1f}" for k in ("PER", "LOC", "ORG", "MISC"))
    o = scores["overall"]
    return (
        f"{name:<22} F1 {o['f1'] * 100:5.1f} (P {o['precision'] * 100:5.1f} "
        f"R {o['recall'] * 100:5.1f})  {per_type}"
    )
