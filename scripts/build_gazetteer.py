#!/usr/bin/env python3
"""Build src/marsad/resources/gazetteer_cldr.tsv from Unicode CLDR (through babel).

    python scripts/build_gazetteer.py [--check]

Rows, in the aliases.tsv format (type, canonical, surface, flags) plus a source column:
- CLDR territory names in Arabic (``Locale('ar').territories``, and the few other spellings
  ``ar_SA`` gives) with the English name of the same code. Countries and well-known world
  regions are kept; pseudo-locales, "unknown region", the eurozone and minor world
  subregions are not places a news text names. ``EU`` and ``UN`` are organisations.
- CLDR's time-zone exemplar cities in Arabic with their English exemplar city (capitals
  and large cities), without the Antarctic stations, Etc zones, islands and atolls, the
  US county seats ("Knox, Indiana"), a city spelled like a country ("Kuwait", "Tunis"
  under the country's name), and a few exemplars that are common Arabic words or
  misspell the city (``SKIP_ZONES``).

English names are CLDR's, in the style of an English newspaper of 2015 (``ENGLISH``:
"Turkey", "Czech Republic", "Ivory Coast", "Kiev"); "&" is written "and", "U.S." "US",
and accents are dropped ("Bogota", "Sao Paulo"). A surface that aliases.tsv already lists
is left out (aliases.tsv wins; the ones it names differently are printed), as is a
surface two codes share ("Oman" and "Amman" fold alike; ``AMBIGUOUS``).

babel drops CLDR's ``alt="short"`` and ``alt="variant"`` names when it imports CLDR, so
those short forms are not available here; the corpus-derived gazetteer_places.tsv adds
the short forms the Saudi sample uses. The output is sorted and byte-identical on every
run with the pinned babel; ``--check`` exits 1 when the file on disk differs.
"""

from __future__ import annotations

import argparse
import sys
import unicodedata
from pathlib import Path

import babel
from babel import Locale
from babel.core import get_cldr_version

from marsad.extract.lexicon import phrase
from marsad.resources import load_tsv

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "marsad" / "resources" / "gazetteer_cldr.tsv"

# Territory codes that are no place in news (pseudo-locales, unknown, the currency union,
# "outlying Oceania"), and Jersey, whose Arabic name the papers write in "New Jersey".
DROP_TERRITORIES = frozenset({"XA", "XB", "ZZ", "EZ", "QO", "JE"})
ORGANISATIONS = frozenset({"EU", "UN"})

# World regions kept (UN M.49 codes), with the English a newspaper uses. Left out: the
# world (a common noun), "Middle Africa", "Southern Africa" (read as South Africa),
# "Northern America", "Western Asia", Australasia, Melanesia, Micronesia, Polynesia.
REGIONS = {
    "002": "Africa",
    "003": "North America",
    "005": "South America",
    "009": "Oceania",
    "011": "West Africa",
    "013": "Central America",
    "014": "East Africa",
    "015": "North Africa",
    "019": "Americas",
    "029": "Caribbean",
    "030": "East Asia",
    "034": "South Asia",
    "035": "Southeast Asia",
    "039": "Southern Europe",
    "142": "Asia",
    "143": "Central Asia",
    "150": "Europe",
    "151": "Eastern Europe",
    "154": "Northern Europe",
    "155": "Western Europe",
    "202": "sub-Saharan Africa",
    "419": "Latin America",
}

# CLDR English -> the name English newspapers used in 2015.
ENGLISH = {
    "CD": "Democratic Republic of Congo",
    "CG": "Republic of Congo",
    "CI": "Ivory Coast",
    "CZ": "Czech Republic",
    "HK": "Hong Kong",
    "MM": "Myanmar",
    "MO": "Macau",
    "PS": "Palestinian territories",
    "SH": "Saint Helena",
    "TL": "East Timor",
    "TR": "Turkey",
    "VA": "Vatican",
    "Europe/Kyiv": "Kiev",
    "Asia/Macau": "Macau",
}

# Exemplar cities left out: the Arabic is a common word or name ("sleep", "left",
# "brunette", "Daily", "the eyes", "Johnny", "Darwin", "Stanley", "what is" for Mahe,
# "lazy" = ك + Seoul's
# spelling), names another place or misspells the city (Coral Harbour for Atikokan,
# "Winkton" for Moncton, the Urals for Oral), carries a parenthesis, is Jersey (see
# above), or the zone is named after an island group or a territory rather than a city.
SKIP_ZONES = frozenset(
    {
        "Africa/El_Aaiun",
        "America/Atikokan",
        "America/Belem",
        "America/Cayman",
        "America/Juneau",
        "America/Lower_Princes",
        "America/Miquelon",
        "America/Moncton",
        "America/Nome",
        "America/Thule",
        "Asia/Dili",
        "Asia/Hebron",
        "Asia/Kuching",
        "Asia/Oral",
        "Asia/Seoul",
        "Atlantic/Azores",
        "Atlantic/Canary",
        "Atlantic/Faroe",
        "Atlantic/Madeira",
        "Atlantic/South_Georgia",
        "Atlantic/St_Helena",
        "Atlantic/Stanley",
        "Australia/Darwin",
        "Australia/Perth",
        "Europe/Jersey",
        "Europe/Samara",
        "Indian/Mahe",
        "Pacific/Chuuk",
        "Pacific/Wallis",
    }
)
SKIP_ZONE_AREAS = ("Antarctica/", "Arctic/", "Etc/")
ISLAND_WORDS = ("Island", "Islands", "Atoll", "Station", "Archipelago")

# Codes whose Arabic names collide: Oman (territory) and Amman (exemplar city) fold to one
# word that Saudi papers use for both; neither is listed (aliases.tsv has the Sultanate).
AMBIGUOUS = frozenset({"OM", "Asia/Amman"})

# A name that is also a common word counts only where the text marks it as a name:
# Mali is also "financial", Benin also "boys" (as in a boys' school).
NEEDS_CONTEXT = frozenset({"ML", "BJ"})

Row = tuple[str, str, str, str, str]  # type, canonical, surface, flags, source


def english(code: str, cldr: str) -> str:
    name = ENGLISH.get(code, cldr)
    name = name.replace(" & ", " and ").replace("U.S.", "US").replace("\u2019", "'")
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def arabic_forms(name: str) -> list[str]:
    """The Arabic name, and without a parenthesised part ("ميانمار (بورما)")."""
    if "(" in name:
        name = name.split("(")[0].strip()
    return [name] if name else []


def territory_rows() -> list[Row]:
    ar, ar_sa, en = Locale("ar"), Locale("ar", "SA"), Locale("en")
    rows: list[Row] = []
    for code in sorted(ar.territories):
        if code in DROP_TERRITORIES or code in AMBIGUOUS:
            continue
        if code.isdigit():
            if code not in REGIONS:
                continue
            kind, name = "LOC", REGIONS[code]
        else:
            kind = "ORG" if code in ORGANISATIONS else "LOC"
            name = english(code, en.territories[code])
        flags = "needs-context" if code in NEEDS_CONTEXT else ""
        seen = set()
        for locale, label in ((ar, "ar"), (ar_sa, "ar_SA")):
            for surface in arabic_forms(locale.territories[code]):
                if surface not in seen:
                    seen.add(surface)
                    rows.append((kind, name, surface, flags, f"CLDR {label} territory {code}"))
    return rows


def city_rows() -> list[Row]:
    ar, en = Locale("ar"), Locale("en")
    rows: list[Row] = []
    for zone in sorted(ar.time_zones):
        if zone in SKIP_ZONES or zone in AMBIGUOUS or zone.startswith(SKIP_ZONE_AREAS):
            continue
        city = ar.time_zones[zone].get("city")
        if not city:
            continue
        fallback = zone.rsplit("/", 1)[-1].replace("_", " ")  # what babel shows for no name
        cldr_english = en.time_zones.get(zone, {}).get("city") or fallback
        if ", " in cldr_english or any(word in cldr_english.split() for word in ISLAND_WORDS):
            continue
        for surface in arabic_forms(city):
            rows.append(("LOC", english(zone, cldr_english), surface, "", f"CLDR ar city {zone}"))
    return rows


def build() -> tuple[str, list[str]]:
    """The file's text and the notes on what aliases.tsv already names otherwise."""
    aliases = {phrase(row[2]): row[1] for row in load_tsv("aliases.tsv", columns=3)}
    chosen: dict[tuple[str, ...], Row] = {}
    notes: list[str] = []
    for row in territory_rows() + city_rows():  # a territory wins over a city
        key = phrase(row[2])
        if not key:
            continue
        if key in aliases:
            if aliases[key] != row[1]:
                notes.append(f"aliases.tsv names {row[2]} {aliases[key]!r}, CLDR {row[1]!r}")
            continue
        if key not in chosen:
            chosen[key] = row
    rows = sorted(chosen.values(), key=lambda row: (row[0], row[1], row[2]))
    header = [
        "# GENERATED by scripts/build_gazetteer.py: do not edit; change the script and re-run.",
        f"# Source: Unicode CLDR {get_cldr_version()} through babel {babel.__version__}:"
        " territory names and time-zone exemplar cities, Arabic with the English of the"
        " same code.",
        "# Licence of the data: Unicode License v3 (see LICENSE.cldr.txt beside this file).",
        "# English names follow 2015 newspaper usage where CLDR's differ (Turkey, Kiev).",
        "# Format as aliases.tsv: type, canonical, surface, flags; 5th column: CLDR source."
        " aliases.tsv rows win.",
    ]
    body = ["\t".join(row) for row in rows]
    return "\n".join([*header, *body]) + "\n", notes


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail if the file is stale")
    args = parser.parse_args(argv)
    text, notes = build()
    for note in notes:
        print(note, file=sys.stderr)
    if args.check:
        current = OUT.read_text(encoding="utf-8") if OUT.exists() else ""
        if current != text:
            print(f"{OUT.name} is stale: run scripts/build_gazetteer.py", file=sys.stderr)
            return 1
        return 0
    OUT.write_text(text, encoding="utf-8")
    print(f"{OUT.relative_to(ROOT)}: {text.count(chr(10)) - 5} rows", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
