#!/usr/bin/env python3
"""Count in how many articles of a news corpus each content term occurs: the reference
document frequencies that ``marsad.corpus.stories`` weighs terms by.

A story's own articles all say its topic ("قناة السويس"): weighed by the frequencies of
that collection alone, the topic is the weakest term and the story falls apart into its
episodes. Weighed by a broad news corpus (every outlet and topic), the topic is rare, as it
is in the news at large, and holds the story together. The collection's own frequencies
are pooled with these (``StoryClusterer._vector``), so terms the reference lacks still count.

    python scripts/build_term_frequencies.py \
        ../shared/data/saudinewsnet-sample/articles.jsonl \
        --exclude ../shared/gold/saudinewsnet-dev.json \
        --exclude ../shared/gold/suez-timeline.json \
        > src/marsad/resources/term_frequencies.tsv

``--exclude`` drops the documents of a gold file (their ``doc`` ids), so the dev and
timeline scores stay an honest measure. Terms are the plain content terms of the body
without furniture and of the title (folded, light-stemmed, no stopwords:
``shingles.content_terms``), each proclitic reading left as written, since the stories
choose among readings by these counts; entities are not counted (they come from the NER
model, which changes), nor terms in fewer than ``--min-articles`` articles (5 of the
sample's 5,930: a rarer term weighs near the top of the scale whether it is listed or
not, an IDF above 7 where the rarest is 8.7, and the file stays a third smaller).

Output: comment lines naming the inputs (file names only, so the output does not depend
on where the data lies), ``<articles><TAB>N`` (how many were counted), then
``term<TAB>articles``, most frequent first. The counts are statistics of the corpus, not
its text; the corpus's licence (SaudiNewsNet: CC BY-NC-SA 4.0) is named in the header.
``tests/test_term_frequencies.py`` rebuilds the file and checks it is the shipped one.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

from marsad.corpus.shingles import content_terms, core_tokens, words
from marsad.evaluate.documents import materialise
from marsad.evaluate.gold_parse import gold_document_ids
from marsad.ingest.inputs import ReadOptions
from marsad.ingest.records import record_to_article
from marsad.model import Article


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("articles", type=Path)
    parser.add_argument("--exclude", type=Path, action="append", default=[])
    parser.add_argument("--min-articles", type=int, default=5)
    args = parser.parse_args(argv)

    skip = gold_document_ids(args.exclude)
    frequency: Counter[str] = Counter()
    counted = 0
    with args.articles.open(encoding="utf-8") as stream:
        for number, line in enumerate(stream, start=1):
            record = json.loads(line)
            if record.get("id") in skip:
                continue
            article = record_to_article(
                materialise(record), f"{args.articles}#{number}", str(number), ReadOptions()
            )
            if not isinstance(article, Article):
                continue
            counted += 1
            terms = set(content_terms(core_tokens(article)))
            terms.update(content_terms(words(article.title or "")))
            frequency.update(terms)
    kept = [(t, n) for t, n in frequency.items() if n >= args.min_articles]
    kept.sort(key=lambda item: (-item[1], item[0]))
    out = sys.stdout
    out.write("# Reference document frequencies of content terms, for marsad.corpus.stories.\n")
    out.write(
        f"# Made by scripts/build_term_frequencies.py from {args.articles.parent.name}/"
        f"{args.articles.name}, without the documents of "
        f"{', '.join(path.name for path in args.exclude) or 'no gold file'}"
        f" (terms in >= {args.min_articles} articles).\n"
    )
    out.write("# Counts only, no text. Source corpus: SaudiNewsNet, CC BY-NC-SA 4.0.\n")
    out.write(f"<articles>\t{counted}\n")
    for term, count in kept:
        out.write(f"{term}\t{count}\n")
    print(
        f"{counted} articles counted, {len(skip)} excluded ids, {len(kept)} terms", file=sys.stderr
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
