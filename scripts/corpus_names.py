#!/usr/bin/env python3
"""Count the names marsad's own NER model finds in a corpus, per type, by article.

The gazetteer files ``gazetteer_people.tsv``, ``gazetteer_places.tsv`` and
``gazetteer_bodies.tsv`` were chosen from this count over the Saudi sample: a folded
surface form (clitics already stripped by the model's span) counts once per article, and
only forms found in at least ``--min-articles`` articles are listed. The rows themselves
were written by hand from that list; this script only says which names are frequent.

    python scripts/corpus_names.py ARTICLES.jsonl --exclude GOLD.json [--exclude ...]
        [--min-articles 5] [--names OUT.tsv] [--org-words OUT.tsv]

``--exclude`` drops the documents (their ``doc`` ids) of a gold file from every count: the
dev and test scores must stay an honest measure. Only the ids are read from it.

Output ``--names``: ``type  articles  folded form  most frequent written form``;
``--org-words``: ``articles  folded word  most frequent written form`` for the words of the
model's organisation spans (the heads and modifiers of organisation names), each word
counted under every reading with or without its proclitics ("والصناعة" counts for
"الصناعة" too).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

from marsad.arabic.clitics import readings
from marsad.arabic.sentences import body_sentences
from marsad.arabic.view import TextView
from marsad.evaluate.gold_parse import gold_document_ids
from marsad.ingest.inputs import ReadOptions
from marsad.ingest.records import record_to_article
from marsad.model import Article
from marsad.ner.model import tag_ranges


def folded_words(text: str) -> str:
    return " ".join(TextView(text).words)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("articles", type=Path)
    parser.add_argument("--exclude", type=Path, action="append", default=[])
    parser.add_argument("--min-articles", type=int, default=5)
    parser.add_argument("--names", type=Path, default=None)
    parser.add_argument("--org-words", type=Path, default=None)
    args = parser.parse_args(argv)

    skip = gold_document_ids(args.exclude)
    seen: dict[tuple[str, str], set[str]] = defaultdict(set)
    written: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    org_seen: dict[str, set[str]] = defaultdict(set)
    org_written: dict[str, Counter[str]] = defaultdict(Counter)
    counted = 0
    with args.articles.open(encoding="utf-8") as stream:
        for number, line in enumerate(stream, start=1):
            record = json.loads(line)
            if record.get("id") in skip:
                continue
            article = record_to_article(
                record, f"{args.articles}#{number}", str(number), ReadOptions()
            )
            if not isinstance(article, Article):
                continue
            counted += 1
            doc = article.doc
            spans = body_sentences(article.text, article.body_spans())
            view = TextView(article.text)
            for start, end, kind in tag_ranges(view, [(s.start, s.end) for s in spans]):
                surface = article.text[start:end]
                key = (kind, folded_words(surface))
                if not key[1]:
                    continue
                seen[key].add(doc)
                written[key][surface] += 1
                if kind == "ORG":
                    for word in surface.split():
                        tokens = TextView(word).words
                        for folded in {w for token in tokens for _, w in readings(token)}:
                            org_seen[folded].add(doc)
                            org_written[folded][word] += 1
    print(f"{counted} articles counted, {len(skip)} excluded ids", file=sys.stderr)

    frequent = sorted(
        (key for key, docs in seen.items() if len(docs) >= args.min_articles),
        key=lambda key: (key[0], -len(seen[key]), key[1]),
    )
    by_type = dict(sorted(Counter(kind for kind, _ in frequent).items()))
    print(f"{len(frequent)} forms in >= {args.min_articles} articles: {by_type}", file=sys.stderr)
    if args.names:
        with args.names.open("w", encoding="utf-8") as out:
            for key in frequent:
                top = written[key].most_common(1)[0][0]
                out.write(f"{key[0]}\t{len(seen[key])}\t{key[1]}\t{top}\n")
    if args.org_words:
        words = sorted(
            (word for word, docs in org_seen.items() if len(docs) >= args.min_articles),
            key=lambda word: (-len(org_seen[word]), word),
        )
        with args.org_words.open("w", encoding="utf-8") as out:
            for word in words:
                top = org_written[word].most_common(1)[0][0]
                out.write(f"{len(org_seen[word])}\t{word}\t{top}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
