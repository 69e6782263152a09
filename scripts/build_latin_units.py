#!/usr/bin/env python3
"""Build src/marsad/resources/latin_units.tsv: the neural model's spelling of the name
units that no dictionary spells, for the units frequent in a corpus.

    python scripts/build_latin_units.py ARTICLES.jsonl --exclude GOLD.json [--exclude ...]
        [--min-articles 2] [--out PATH] [--check]

marsad runs every article of ARTICLES.jsonl, takes the Arabic names of its entities
(``canonical_ar``, clitics left out), splits them into name units (عبد الله is one), and
keeps the units that neither latin_given_names.tsv nor arabic-name-romanizer's attested
spellings know, and that stand in at least ``--min-articles`` articles: a row one text
needs is no coverage. arabic-name-romanizer's model (shipped in its wheel, offline) spells
each; a spelling that does not write the unit's letters (``latin.choose_spelling``) is
left out, and the rules keep spelling that unit at run time.

``--exclude`` drops the documents of a gold file: the dev scores must stay a measure.
Rows are sorted; ``--check`` exits 1 when the file on disk differs from the one built.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from arabic_name_romanizer import Transliterator
from rich.progress import track

from marsad.evaluate.gold_parse import gold_document_ids
from marsad.extract.entities.latin import choose_spelling, name_units, needs_model, unit_key
from marsad.ingest.inputs import ReadOptions
from marsad.ingest.records import record_to_article
from marsad.model import Article
from marsad.pipeline import annotate

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "marsad" / "resources" / "latin_units.tsv"
HEADER = """\
# Name units spelled by arabic-name-romanizer's neural model (MIT), for units no dictionary
# spells; built by scripts/build_latin_units.py from the Saudi sample (units in {min}+
# articles, gold documents excluded). Read by marsad.extract.entities.latin.
# folded unit\tLatin spelling
"""


def articles(path: Path, skip: set[str]) -> list[Article]:
    out: list[Article] = []
    with path.open(encoding="utf-8") as stream:
        for number, line in enumerate(stream, start=1):
            record = json.loads(line)
            if record.get("id") in skip:
                continue
            article = record_to_article(record, f"{path}#{number}", str(number), ReadOptions())
            if isinstance(article, Article):
                out.append(article)
    return out


def _letters(unit: str) -> bool:
    return all(char.isalpha() or char == " " for char in unit)


def unit_articles(corpus: list[Article]) -> dict[str, tuple[str, set[str]]]:
    """Unit key -> (the unit as first written, the articles it stands in)."""
    found: dict[str, tuple[str, set[str]]] = {}
    checked: dict[str, bool] = {}
    for article in track(corpus, description="reading names"):
        annotate(article)
        for entity in article.entities:
            for unit in name_units((entity.canonical_ar or entity.text).split()):
                if not _letters(unit):
                    continue  # "«الجزيرة»", "2015م": a span's edge, not a name unit
                key = unit_key(unit)
                if key not in checked:
                    checked[key] = needs_model(unit)
                if checked[key]:
                    found.setdefault(key, (unit, set()))[1].add(article.doc)
    return found


def build(path: Path, skip: set[str], min_articles: int) -> str:
    counts = unit_articles(articles(path, skip))
    frequent = sorted(key for key, (_unit, docs) in counts.items() if len(docs) >= min_articles)
    model = Transliterator()
    rows: dict[str, str] = {}
    for key in track(frequent, description="spelling units"):
        unit = counts[key][0]
        found = model.transliterate(unit, top_k=3, country="SA")
        spelled, _ruled = choose_spelling(unit, found if isinstance(found, list) else [])
        if spelled is not None:
            rows[key] = spelled
    found = f"{len(frequent)} units in >= {min_articles} articles, {len(rows)} spelled"
    print(found, file=sys.stderr)
    body = "".join(f"{key}\t{rows[key]}\n" for key in sorted(rows))
    return HEADER.format(min=min_articles) + body


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("articles", type=Path)
    parser.add_argument("--exclude", type=Path, action="append", default=[])
    parser.add_argument("--min-articles", type=int, default=2)
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args(argv)
    text = build(args.articles, gold_document_ids(args.exclude), args.min_articles)
    if args.check:
        same = args.out.exists() and args.out.read_text(encoding="utf-8") == text
        print("up to date" if same else f"{args.out} differs", file=sys.stderr)
        return 0 if same else 1
    args.out.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
