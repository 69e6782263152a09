"""The Latin spelling of a foreign name written in Arabic letters ("سواريز" Suárez,
"ايفانوف" Ivanov, "صولماز" Solmaz), from the names of ``latin_foreign_names.tsv``.

Arabic writes a foreign name sound by sound: its consonants one for one, through a few
known classes (ب for b and p, ف for f and v, ج and غ for g, س ص ز for s and z, ش for sh
and ch), and most of its vowels as the letters ا و ي (a; o u; i e). So a unit and a Latin
name are compared in two steps: their consonant classes must be the same sequence, and the
vowel letters between two consonants must each be spelled by the Latin vowels there.
A Latin vowel Arabic leaves out counts against the name (one may be, as in "ميركل" Merkel),
an Arabic vowel letter no Latin vowel spells rules it out.

Only units that read as no Arabic word take part: not with the article, no letter foreign
names are never written with (ع ح ث ذ ض ظ), no feminine ة; the callers ask only for units
the Arabic names dictionary does not know. Of the names that fit, the one with fewest
left-out vowels wins, then the one more locales list.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import product
from typing import NamedTuple

from marsad.arabic.clitics import definite_article, rules
from marsad.arabic.normalize import normalize
from marsad.extract.lexicon import demonyms, gazetteer_surfaces
from marsad.resources import load_tsv

# Latin letters, longest first, and the consonant classes Arabic writes them with ("" none):
# J ج, Q غ, H خ, X ش, TX تش. c and g before e, i, y read as _SOFT says.
_LATIN_CLASSES = {
    "shch": ("X",), "tsch": ("TX", "X"), "sch": ("X",), "tch": ("TX", "X"),
    "dzh": ("J",), "zh": ("J", "S"), "kh": ("H", "K"), "ch": ("X", "TX", "K", "H"),
    "sh": ("X",), "ph": ("F",), "th": ("T",), "ck": ("K",), "qu": ("K",), "gh": ("Q", ""),
    "dj": ("J",), "ts": ("TS", "S"), "tz": ("TS", "S"), "cz": ("X", "TX"), "sz": ("X", "S"),
    "ng": ("NQ", "NJ"),
    "b": ("B",), "p": ("B",), "t": ("T",), "d": ("D",), "k": ("K",), "q": ("K",),
    "c": ("K",), "g": ("Q", "J"), "j": ("J", "H", ""), "x": ("KS", "K", "S", "H"),
    "s": ("S",), "z": ("S",), "f": ("F",), "v": ("F",), "l": ("L",), "m": ("M",),
    "n": ("N",), "r": ("R",),
}  # fmt: skip
_SOFT = {"c": ("S", "X", "TX"), "g": ("J", "Q", "H")}  # Cindy, Cecilia, George, Jorge
_LONGEST = max(map(len, _LATIN_CLASSES))
_SPECIAL = {
    "ş": "sh", "š": "sh", "ç": "ch", "č": "ch", "ž": "zh", "ß": "ss", "ñ": "ny", "æ": "ae",
    "ø": "o", "å": "a", "œ": "oe", "ı": "i",
}  # fmt: skip
# Palatal consonants Arabic writes with a ي after them ("مورينيو" Mourinho)
_PALATALS = (("nh", "ny"), ("lh", "ly"), ("gn", "ny"))
_LATIN_VOWELS = frozenset("aeiouyhw")
_VOWELS = frozenset("aeiouy")
_NEVER = (float("inf"), False)
_VOWEL_DIGRAPH = 2  # "ae" of Michael is one sound
_RARE = 0.5  # the cost of a rare spelling (foreign_letters.tsv): the model's spelling wins
_FEW_CONSONANTS = 3  # fewer match too many names, unless most vowels are written ("جوزيه")
_VOWELS_OF_SHORT = 2
_COMMON = 2  # locales that list a name whose vowel Arabic leaves out ("ميركل" no Miracle)
_FIRST_UNWRITTEN = 2  # the vowel segments before the second consonant are written
_KEYS_PER_NAME = 16


@dataclass(frozen=True, slots=True)
class _Letters:
    """foreign_letters.tsv: how Arabic writes a foreign name's sounds."""

    classes: dict[str, str]
    spells: dict[str, dict[str, float]]
    spells_final: dict[str, dict[str, float]]  # at the word's end: "final" rows change costs
    final_ha: tuple[str, dict[str, float]]
    never: frozenset[str]
    hamza: frozenset[str]
    carriers: frozenset[str]
    vowels: frozenset[str]
    w: str


def _costs(cell: str) -> dict[str, float]:
    return {latin: float(cost) for latin, _, cost in (item.partition(":") for item in cell.split())}


@cache
def _letters() -> _Letters:
    rows: dict[str, list[tuple[str, str]]] = {}
    for kind, arabic, *value in load_tsv("foreign_letters.tsv", columns=2):
        rows.setdefault(kind, []).append((arabic, value[0] if value else ""))
    (ha, ha_costs), *_ = rows["final-ha"]
    spells = {arabic: _costs(cell) for arabic, cell in rows["spells"]}
    final = dict(spells)
    for arabic, cell in rows["final"]:
        final[arabic] = {**spells.get(arabic, {}), **_costs(cell)}
    return _Letters(
        classes=dict(rows["class"]),
        spells=spells,
        spells_final=final,
        final_ha=(ha, _costs(ha_costs)),
        never=frozenset(rows["never"][0][0].split()),
        hamza=frozenset(rows["hamza"][0][0].split()),
        carriers=frozenset(rows["carrier"][0][0].split()),
        vowels=frozenset(rows["vowel"][0][0].split()),
        w=rows["w"][0][0],
    )


class _Name(NamedTuple):
    """A listed name under one of its keys. A tuple of plain values: the garbage
    collector stops tracking it, and 50,000 of them cost the other stages nothing."""

    latin: str
    locales: int
    accented_end: bool
    vowels: tuple[str, ...]  # Latin vowel material before each consonant class, and after


def _plain_latin(name: str) -> tuple[str, bool]:
    """The name lowercased, special letters spelled out, accents off; and whether it ends
    in an accented vowel (José)."""
    lowered = "".join(_SPECIAL.get(char, char) for char in name.casefold())
    accented_end = unicodedata.normalize("NFD", lowered[-1:]) != lowered[-1:]
    bare = unicodedata.normalize("NFD", lowered)
    plain = "".join(char for char in bare if char.isascii() and char.isalpha())
    for written, said in _PALATALS:
        plain = plain.replace(written, said)
    return plain, accented_end


def _readings(word: str) -> list[tuple[str, tuple[str, ...]]]:
    """(consonant classes, vowel material around them) of a plain Latin word, for each
    way Arabic may write its letters; doubled consonants are one."""
    pieces: list[tuple[str, tuple[str, ...]]] = []  # (letters, class options)
    at = 0
    while at < len(word):
        if word[at] in _LATIN_VOWELS:
            pieces.append((word[at], ("",)))
            at += 1
            continue
        for size in range(min(_LONGEST, len(word) - at), 0, -1):
            options = _LATIN_CLASSES.get(word[at : at + size])
            if size == 1 and word[at] in _SOFT and word[at + 1 : at + 2] in ("e", "i", "y"):
                options = _SOFT[word[at]]
            if options is not None:
                pieces.append((word[at : at + size], options))
                at += size
                break
        else:
            return []
    out = []
    for choice in product(*(options for _, options in pieces)):
        classes: list[str] = []
        vowels: list[str] = [""]
        for (letters, _), cls in zip(pieces, choice, strict=True):
            if not cls:
                vowels[-1] += letters if letters[0] in _LATIN_VOWELS else letters[:1]
                continue
            for char in cls:
                if classes and classes[-1] == char and not vowels[-1]:
                    continue  # "ll", "ss": Arabic writes one
                classes.append(char)
                vowels.append("")
        out.append(("".join(classes), tuple(vowels)))
        if len(out) >= _KEYS_PER_NAME:
            break
    return out


@cache
def _index() -> dict[str, tuple[_Name, ...]]:
    found: dict[str, list[_Name]] = {}
    for latin, _kind, locales, *_ in load_tsv("latin_foreign_names.tsv", columns=3):
        word, accented = _plain_latin(latin)
        for key, vowels in _readings(word):
            if len(key) >= _FEW_CONSONANTS - 1:
                found.setdefault(key, []).append(_Name(latin, int(locales), accented, vowels))
    return {key: tuple(names) for key, names in found.items()}


def _arabic_reading(unit: str) -> tuple[str, tuple[str, ...]] | None:
    """(consonant classes, vowel letters around them) of a folded Arabic unit."""
    letters = _letters()
    classes: list[str] = []
    vowels: list[str] = [""]
    for char in unit:
        cls = letters.classes.get(char)
        if cls is None:
            if char not in letters.spells and char not in letters.carriers:
                return None
            vowels[-1] += char
            continue
        for part in cls:  # two letters written are two sounds ("فيدرر" Federer)
            classes.append(part)
            vowels.append("")
    return "".join(classes), tuple(vowels)


@lru_cache(maxsize=1 << 14)
def _segment_cost(arabic: str, latin: str, first: bool, last: bool) -> tuple[float, bool]:
    """(cost, whether a Latin vowel is left out) of spelling the Arabic vowel letters
    ``arabic`` with the Latin vowel material ``latin``; the cost is infinite when an
    Arabic letter is spelled by nothing there."""
    letters = _letters()
    if first and arabic[:1] in letters.carriers and latin[:1] in _VOWELS:
        # the carrier holds the word's first vowel, or the letter after it spells it
        return min(
            _segment_cost(arabic[1:], latin[1:], False, last),
            _segment_cost(arabic[1:], latin, False, last),
            _segment_cost(arabic, latin, False, last),
        )
    if not arabic and not last and 0 < len(latin) <= _VOWEL_DIGRAPH and set(latin) <= _VOWELS:
        return 0.0, True  # a short vowel left out ("ميركل" Merkel)
    spells = letters.spells_final if last else letters.spells
    ha, ha_costs = letters.final_ha
    best: dict[tuple[int, int], tuple[float, bool]] = {(0, 0): (0.0, False)}
    for i in range(len(arabic) + 1):
        for j in range(len(latin) + 1):
            here = best.get((i, j))
            if here is None:
                continue
            cost, left = here
            # silent: an h that opens or ends the word ("Hernández", "Sarah"), and a
            # final e; an h between vowels is said, and written ه
            edge = (first and j == 0) or (last and j == len(latin) - 1)
            if j < len(latin) and ((latin[j] == "h" and edge) or (last and latin[j:] == "e")):
                _keep(best, (i, j + 1), (cost, left))
            for size in (1, 2):
                piece = arabic[i : i + size]
                for written, price in spells.get(piece, {}).items() if len(piece) == size else ():
                    if latin.startswith(written, j):
                        _keep(best, (i + size, j + len(written)), (cost + price, left))
            if last and i == len(arabic) - 1 and arabic[i] == ha and latin[j:] in ha_costs:
                _keep(best, (i + 1, len(latin)), (cost + ha_costs[latin[j:]], left))
    return best.get((len(arabic), len(latin)), _NEVER)


def _keep(
    best: dict[tuple[int, int], tuple[float, bool]], at: tuple[int, int], value: tuple[float, bool]
) -> None:
    if at not in best or value < best[at]:
        best[at] = value


@cache
def _known_words() -> frozenset[str]:
    """One-word names of places and bodies the gazetteer knows, and nisba adjectives."""
    found = {normalize(surface) for kind, _, surface in gazetteer_surfaces() if kind != "PER"}
    return frozenset({word for word in found if " " not in word} | set(demonyms()))


def reads_foreign(unit: str) -> bool:
    """True when nothing in the letters of ``unit`` rules out a foreign name."""
    if " " in unit.strip():
        return False  # a unit of two words is a kunya or a servant name ("ام اتش")
    folded = normalize(unit)
    letters = _letters()
    if not folded or folded.startswith((definite_article(), rules().fused_article)):
        return False  # the article, or ل fused with it ("لليمن"); "والترز" is Walters
    if letters.never & set(unit):
        return False
    if folded in _known_words():
        return False  # a place, a body, a nationality ("بيروت", "بريطاني")
    if letters.hamza & set(unit.strip()[1:]):
        return False
    # a foreign W is followed by its vowel ("ويليامز"); else و is the conjunction
    return not (folded[0] == letters.w and folded[1:2] not in letters.vowels)


def foreign_spelling(unit: str) -> str | None:
    """The Latin name a unit written in Arabic letters spells, or None."""
    found = foreign_match(unit)
    return found[0] if found else None


@lru_cache(maxsize=1 << 16)
def foreign_match(unit: str) -> tuple[str, bool] | None:
    """(the Latin name a unit spells, whether its letters spell the name's vowels as they
    most often do: no "ي" for a, no "اي" for i); None when none does."""
    if not reads_foreign(unit):
        return None
    folded = "".join(normalize(unit).split())
    reading = _arabic_reading(folded)
    vowels = _letters().vowels
    if reading is None or not vowels & set(folded[1:]):
        return None  # "صقر": Arabic leaves short vowels out; a foreign name seldom does
    key, arabic_vowels = reading
    written_vowels = sum(char in vowels for char in folded[1:])
    if len(key) < _FEW_CONSONANTS and written_vowels < _VOWELS_OF_SHORT:
        return None
    last = len(arabic_vowels) - 1
    ranked: list[tuple[bool, float, bool, int, str]] = []
    for name in _index().get(key, ()):
        cost, left_before = 0.0, False
        for number, (arabic, latin) in enumerate(zip(arabic_vowels, name.vowels, strict=True)):
            price, left_out = _segment_cost(arabic, latin, number == 0, number == last)
            # a vowel of the first syllable is written ("سلمان" is no Colman); one later
            # may go unwritten ("ميركل" Merkel, "روبرتو" Roberto)
            if left_out and (number < _FIRST_UNWRITTEN or left_before):
                price = float("inf")
            left_before = left_before or left_out
            cost += price
            if cost == float("inf"):
                break
        if cost != float("inf") and (name.locales >= _COMMON or not left_before):
            ranked.append((left_before, cost, not name.accented_end, -name.locales, name.latin))
    if not ranked:
        return None
    _left_out, cost, *_, latin = min(ranked)
    return latin, cost < _RARE
