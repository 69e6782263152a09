"""CPU time of full-text NER per article: ``tag_ranges(view, [(0, len(view.text))])``.

    python scripts/ner_speed.py [--limit N] [--passes 2] [--profile]

Reads the SaudiNewsNet sample, builds each article's text view outside the timed part
(the pipeline builds it once for every layer), then times the tagger over the articles
in file order: the first pass is cold (a fresh process, empty caches), later passes warm.
Reports process CPU time (not wall time: the machine is shared) per article.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from marsad.arabic.view import TextView
from marsad.ner.model import tag_ranges

ROOT = Path(__file__).resolve().parents[1]
SAUDI = ROOT.parent / "shared" / "data" / "saudinewsnet-sample" / "articles.jsonl"


def _texts(limit: int | None) -> list[str]:
    out = []
    with SAUDI.open(encoding="utf-8") as handle:
        for line in handle:
            out.append(json.loads(line)["content"])
            if limit is not None and len(out) >= limit:
                break
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--limit", type=int, default=None, help="first N articles only")
    parser.add_argument("--passes", type=int, default=2, help="first cold, then warm")
    parser.add_argument("--profile", action="store_true", help="cProfile the first pass")
    args = parser.parse_args()
    texts = _texts(args.limit)
    views = [TextView(text) for text in texts]
    for view in views:
        view.word_classes  # noqa: B018  (the pipeline's other layers build these anyway)
    started = time.process_time()
    tag_ranges(TextView("."), [(0, 1)])  # load the model outside the timed passes
    print(f"model load: {(time.process_time() - started) * 1e3:.0f} ms CPU")
    spans = 0
    for number in range(args.passes):
        if args.profile and number == 0:
            import cProfile
            import pstats

            profile = cProfile.Profile()
            profile.enable()
        started = time.process_time()
        spans = sum(len(tag_ranges(view, [(0, len(view.text))])) for view in views)
        seconds = time.process_time() - started
        if args.profile and number == 0:
            profile.disable()
            pstats.Stats(profile).sort_stats("cumulative").print_stats(30)
        label = "cold" if number == 0 else "warm"
        print(
            f"pass {number + 1} ({label}): {len(views)} articles, {spans} spans, "
            f"{seconds * 1e3 / len(views):.2f} ms CPU per article"
        )


if __name__ == "__main__":
    main()
