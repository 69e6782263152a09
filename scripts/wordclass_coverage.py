"""Coverage, speed and a hand-check sample of the word classes over the Saudi sample.

    python scripts/wordclass_coverage.py [ARTICLES.jsonl] [--speed] [--sample N --seed S]

Coverage: the share of word tokens (marsad.arabic.view.TextView over each article's
content) whose class is not ``unknown``, by source and by class. --speed times
classifying every token of every article (CPU time; a cold cache first, then warm).
--sample prints N tokens drawn at random (fixed seed) with the sentence around them,
for judging by hand.
"""

from __future__ import annotations

import argparse
import json
import random
import time
from collections import Counter
from pathlib import Path

from marsad.arabic.view import TextView
from marsad.arabic.wordclass import WordClass, classify
from marsad.arabic.wordclass_store import store

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = ROOT.parent / "shared" / "data" / "saudinewsnet-sample" / "articles.jsonl"


def _texts(path: Path) -> list[str]:
    with path.open(encoding="utf-8") as lines:
        return [json.loads(line).get("content") or "" for line in lines if line.strip()]


def _share(counts: Counter[str], total: int) -> str:
    return "  ".join(f"{key} {100 * n / total:.1f}%" for key, n in counts.most_common())


def coverage(texts: list[str]) -> None:
    by_source: Counter[str] = Counter()
    by_pos: Counter[str] = Counter()
    total = 0
    for text in texts:
        for word in TextView(text).words:
            found = classify(word)
            by_source[found.source] += 1
            by_pos[found.pos] += 1
            total += 1
    known = total - by_pos["unknown"]
    print(f"{total} word tokens in {len(texts)} articles; classified {100 * known / total:.2f}%")
    print("by source:", _share(by_source, total))
    print("by class: ", _share(by_pos, total))


def speed(texts: list[str]) -> None:
    started = time.perf_counter()
    store()
    print(f"lexicon load: {1000 * (time.perf_counter() - started):.1f} ms (wall)")
    tokens = [TextView(text).words for text in texts]  # tokenising is the text view's cost
    for label in ("cold", "warm"):
        if label == "cold":
            classify.cache_clear()
        started = time.process_time()
        for words in tokens:
            for word in words:
                classify(word)
        spent = time.process_time() - started
        count = sum(map(len, tokens))
        print(
            f"{label}: {spent:.2f} s CPU for {len(texts)} articles, "
            f"{1000 * spent / len(texts):.3f} ms per article, "
            f"{1e6 * spent / count:.2f} us per token"
        )


def _describe(found: WordClass) -> str:
    features = [found.tense, found.person, found.gender, found.number, found.plural]
    shown = " ".join(str(value) for value in features if value is not None)
    marks = ("def " if found.definite else "") + (f"+{found.enclitic}" if found.enclitic else "")
    return (
        f"{found.pos} [{shown}] {marks} pre={found.proclitic!r} stem={found.stem} ({found.source})"
    )


def sample(texts: list[str], count: int, seed: int) -> None:
    generator = random.Random(seed)
    for number in range(1, count + 1):
        while True:
            text = texts[generator.randrange(len(texts))]
            scanned = TextView(text)
            if scanned.words:
                break
        index = generator.randrange(len(scanned.words))
        word = scanned.words[index]
        span = scanned.token_span(index, index + 1)
        start, end = span.start, span.end
        left = text[max(0, start - 60) : start].replace("\n", " ")
        right = text[end : end + 60].replace("\n", " ")
        print(f"{number:3d}. {text[start:end]}  ->  {_describe(classify(word))}")
        print(f"     …{left}【{text[start:end]}】{right}…")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("articles", nargs="?", type=Path, default=ARTICLES)
    parser.add_argument("--speed", action="store_true")
    parser.add_argument("--sample", type=int, default=0)
    parser.add_argument("--seed", type=int, default=20240601)
    args = parser.parse_args()
    texts = _texts(args.articles)
    if args.speed:
        speed(texts)
    coverage(texts)
    if args.sample:
        sample(texts, args.sample, args.seed)


if __name__ == "__main__":
    main()
