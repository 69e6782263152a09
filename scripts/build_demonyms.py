#!/usr/bin/env python3
"""Build src/marsad/resources/demonyms_world.tsv: the nationality adjective of every
country CLDR names, beside the hand-made demonyms.tsv (which wins where both list one).

    pip install -e '.[lexicon]'
    python scripts/build_demonyms.py [--check]

For each country row of gazetteer_cldr.tsv (a CLDR territory with a two-letter code):
- the Arabic nisba is made from the CLDR Arabic name by the regular rule: without its
  article (as written: ألبانيا has none), a final ا (كرواتيا، كندا) or ة dropped, then
  ي added unless the stem ends in it (كرواتي، كندي، مصري، صيني). Names of more than one
  word, names already ending in ي (مالي "financial" as well, تشيلي), and a nisba the
  word-class lexicon reads as a verb or a function word are left out: a wrong match is
  worse than none;
- the English adjective is the ``demonym`` of the country in the ``countryinfo`` package
  (MIT; read at build time only), found by the same ISO code; a country it lacks is
  left out.

A nisba that is also a family name with an attested Latin spelling (arabic-name-romanizer:
"الكندي" al-Kindi, "السويدي" al-Suwaidi, "الألباني" al-Albani) is flagged ``surname``:
the runtime then reads only its feminine and plural forms as the nationality ("الحكومة
الكندية"), never "علي الكندي".

Rows keep demonyms.tsv's four columns (country canonical, short name, English adjective,
Arabic stem) and add the flags and the source. The output is sorted by country and byte-identical on
every run; ``--check`` exits 1 when the file on disk differs.
"""

from __future__ import annotations

import argparse
import json
import sys
from importlib.util import find_spec
from pathlib import Path

from marsad.arabic.normalize import normalize
from marsad.arabic.wordclass import classify
from marsad.resources import load_tsv

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "marsad" / "resources" / "demonyms_world.tsv"
_COMMON = frozenset({"verb", "particle", "pronoun"})  # nisbas are nouns and adjectives
_HEADER = """\
# Nationality adjectives of the countries CLDR names, made by scripts/build_demonyms.py
# (do not edit: demonyms.tsv, read first, overrides). Arabic: the regular nisba of the
# CLDR Arabic name (Unicode-3.0, see LICENSE.cldr.txt); English: the countryinfo
# package's demonym (MIT). Same columns as demonyms.tsv, then the source.
# country canonical	short name	English adjective	Arabic stem (masc. sg.)	flags	source
# flags: "surname": the masculine singular is also a family name; only the feminine and
# plural forms name the country.
"""


def _demonyms_by_code() -> dict[str, str]:
    spec = find_spec("countryinfo")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("countryinfo is not installed: pip install -e '.[lexicon]'")
    folder = Path(next(iter(spec.submodule_search_locations))) / "data"
    out = {}
    for path in sorted(folder.glob("*.json")):
        record = json.loads(path.read_text(encoding="utf-8"))
        code = (record.get("ISO") or {}).get("alpha2")
        if code and record.get("demonym"):
            out[code] = str(record["demonym"]).strip()
    return out


def nisba(name: str) -> str | None:
    """The regular nisba stem of a one-word Arabic country name, as written; None when
    the rule does not apply."""
    words = name.split()
    if len(words) != 1:
        return None
    # the article as written: "ألبانيا" folds to "البانيا" but has none
    stem = words[0][2:] if words[0].startswith("ال") else words[0]
    if normalize(stem).endswith("ي"):
        return None
    if normalize(stem).endswith(("ا", "ه")):
        stem = stem[:-1]
    return stem if normalize(stem).endswith("ي") else stem + "ي"


def rows() -> list[tuple[str, str, str, str, str, str]]:
    from marsad.extract.entities.latin import needs_model  # the romanizer's attestations

    english = _demonyms_by_code()
    listed = {row[0] for row in load_tsv("demonyms.tsv", columns=4)}
    out = []
    for kind, canonical, surface, *rest in load_tsv("gazetteer_cldr.tsv", columns=3):
        source = rest[-1] if rest else ""
        code = source.rsplit(" ", 1)[-1]
        if kind != "LOC" or " territory " not in source or len(code) != 2 or not code.isalpha():
            continue
        if canonical in listed or code not in english:
            continue
        stem = nisba(surface)
        if stem is None or classify(normalize(stem)).pos in _COMMON:
            continue
        flags = "" if needs_model("ال" + stem) else "surname"
        source = f"CLDR ar {code}; countryinfo"
        out.append((canonical, canonical, english[code], stem, flags, source))
    return sorted(set(out))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args(argv)
    text = _HEADER + "".join("\t".join(row) + "\n" for row in rows())
    if args.check:
        return 0 if OUT.read_text(encoding="utf-8") == text else 1
    OUT.write_text(text, encoding="utf-8")
    print(f"{text.count(chr(10)) - _HEADER.count(chr(10))} countries -> {OUT}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
