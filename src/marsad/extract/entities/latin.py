"""The Latin name shown for an entity the gazetteer does not know: a real romanisation
with vowels, never a consonant skeleton.

Names are romanised by ``arabic-name-romanizer`` (MIT; attested spellings from Wikidata,
dictionary first): a whole name someone has spelled in Latin letters gets that spelling
("عادل الجبير" -> "Adel al-Jubeir"); else each name unit gets its attested spelling, then
the spelling the library's neural model gave it in ``resources/latin_units.tsv``, then the
library's rules, which write vowels, for a unit neither knows. Particles (بن) are written
as English newspapers write them ("bin"), and the article as "al-" inside a name.

The neural model is not run here: it costs about 10 ms a unit, four times the whole
extract on a batch of news. ``scripts/build_latin_units.py`` runs it once over the name
units of the Saudi sample that no dictionary spells, and the table ships in the package.
On those units the rules write a vowel after every consonant ("Makataba", "Al-Anasar")
where the model writes the name ("Maktaba", "Al-Ansar").
Settings: ``resources/latin_names.yaml``, ``resources/name_particles.tsv``.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import Any

from arabic_name_romanizer import Transliterator
from arabic_name_romanizer.normalize import full_key, normalize_arabic
from arabic_name_romanizer.rules import romanize_unit

from marsad.arabic.clitics import definite_article
from marsad.arabic.normalize import normalize
from marsad.arabic.view import TextView
from marsad.extract.entities.foreign import foreign_match
from marsad.extract.lexicon import definite_ordinals, name_particles
from marsad.resources import load_tsv, load_yaml

ROMANISED = "romanised"
# Attested spellings of a unit read before one is chosen: ties are common, and the one
# in the preferred convention may come fifth ("الحسين": Elhocine, Elhoucine, Hocine,
# Al-Husain, Al-Hussain all alike ranked).
_CANDIDATES = 6
_SPELLED_SHARE = 0.6  # of a name's consonants its Latin spelling must write, in order
GAZETTEER = "gazetteer"

_ARTICLE = re.compile(r"(?<=[\s-])Al-(?=\w)|^Al-(?=\w)")
# Latin words that are no name of their own in an attested spelling ("Abd El Aziz")
_LATIN_PARTICLES = frozenset(
    {
        "al",
        "el",
        "bin",
        "ben",
        "ibn",
        "bint",
        "abd",
        "abdel",
        "abdul",
        "abed",
        "abdal",
        "abu",
        "abou",
        "bou",
        "abi",
    }
)


@cache
def _settings() -> dict[str, Any]:
    found: dict[str, Any] = load_yaml("latin_names.yaml")
    particles = name_particles()
    found["particles"] = {w: p.latin for w, p in particles.items() if p.role == "patronymic"}
    found["joins_next"] = frozenset(w for w, p in particles.items() if p.role != "patronymic")
    found["kunya"] = {w: p.latin for w, p in particles.items() if p.role == "kunya"}
    return found


@cache
def _romanizer() -> Transliterator:
    return Transliterator(auto_load_model=False)


@cache
def _modelled_units() -> dict[str, str]:
    """Folded unit -> the neural model's spelling (latin_units.tsv)."""
    return {row[0]: row[1] for row in load_tsv("latin_units.tsv", columns=2)}


@cache
def _given_names() -> dict[str, str]:
    """Folded given name -> how English newspapers write it (latin_given_names.tsv)."""
    return {_key(row[0]): row[1] for row in load_tsv("latin_given_names.tsv", columns=2)}


@cache
def _given_as_written() -> frozenset[str]:
    return frozenset(row[0] for row in load_tsv("latin_given_names.tsv", columns=2))


def is_given_name(written: str) -> bool:
    """``written`` (as in the text, unfolded) is a given name of latin_given_names.tsv
    spelled with its own letters: "علي" Ali, not "على" (on), which folds the same."""
    return written in _given_as_written()


def _key(unit: str) -> str:
    return "".join(normalize(unit).split())  # "عبد الله" and "عبدالله" alike


def _names_in(latin: str, hyphens: bool = True) -> int:
    """Names a Latin spelling writes, particles ("Abd", "El", "bin") aside; with
    ``hyphens`` False a hyphen joins ("Ad-Aash", "al-Aziz" are one)."""
    words = re.split(r"[\s-]+" if hyphens else r"\s+", latin)
    return sum(1 for w in words if w and w.casefold() not in _LATIN_PARTICLES)


def _whole(name: str, units: int) -> str | None:
    """The attested spelling of the whole name (Wikidata's label of a person is one
    source, and a better one than unit-by-unit spellings), when it writes no more names
    than the Arabic has units: "عماد احمد" is not "Imad Ahmad Sayfour"."""
    romanizer = _romanizer()
    if romanizer.index is None:
        return None
    key = full_key(normalize_arabic(name))
    found = romanizer.index.lookup_full(key, None, "arabic")
    for row in found or []:
        latin = str(row.latin)
        if _names_in(latin) <= units and _spells(name, latin):
            # in an avoided convention ("Abdallah ben Hamad") the name yields to its
            # units, never to a lower-ranked row: that may be another name of the person
            return None if _avoided(latin.casefold()) else latin
    return None


@cache
def _consonants() -> dict[str, tuple[str, ...]]:
    return {row[0]: tuple(row[1].split()) for row in load_tsv("latin_consonants.tsv", columns=2)}


def _spells(unit: str, latin: str) -> bool:
    """True when ``latin`` writes most consonants of the Arabic ``unit`` in order (the
    article's ل aside): a check that an attested spelling belongs to this name."""
    table = _consonants()
    the = definite_article()
    word = "".join(normalize(unit).split())
    word = word[len(the) :] if word.startswith(the) else word
    rest = latin.casefold()
    rest = rest[3:] if rest.startswith(("al-", "el-")) else rest
    at = matched = checked = 0
    for char in word:
        spellings = table.get(char)
        if spellings is None:
            continue
        checked += 1
        found = [rest.find(s, at) for s in spellings if rest.find(s, at) != -1]
        if found:
            matched += 1
            at = min(found) + 1
    # foreign names bend a few ("ريتشاردسون" Richardson, "الكسندر" Alexander); an
    # unrelated name keeps almost none
    return checked == 0 or matched / checked >= _SPELLED_SHARE


def choose_spelling(unit: str, candidates: list[Any]) -> tuple[str | None, str | None]:
    """(the preferred spelling that is no rules' output, the first spelling at all) among
    the library's ``candidates`` for ``unit`` that write its letters."""
    ruled: str | None = None  # the library's rules: vowels, never an unrelated name
    attested: list[str] = []
    for candidate in candidates:
        if not _spells(unit, candidate.text) or _names_in(str(candidate.text), False) > 1:
            continue  # another name ("عبدالودود": not the person's "Abdelmalek Droukdel")
        if getattr(candidate, "source", None) != "rules":
            attested.append(str(candidate.text))
        ruled = ruled or str(candidate.text)
    if attested:
        conventional = [a for a in attested if _conventional(unit, a)]
        if _writes_article(unit):  # "الحسين": Al-Hussain before an unmarked "Hocine"
            conventional.sort(key=lambda a: not a.casefold().startswith(("al-", "al ")))
        return (conventional or attested)[0], ruled
    return None, ruled


def _writes_article(unit: str) -> bool:
    """A family-name unit with the article, whose spelling should write it (al-)."""
    folded = normalize(unit)
    return folded.startswith(definite_article()) and _given_names().get(_key(unit)) is None


def unit_key(unit: str) -> str:
    """The key of a name unit in latin_units.tsv."""
    return _key(unit)


def needs_model(unit: str) -> bool:
    """True when no given name, no attested spelling and no servant-name rule spells
    ``unit``: the rules would, and latin_units.tsv may do better."""
    if _given_names().get(_key(unit)) is not None or _servant_family(unit):
        return False
    return not attested(unit)


def attested(unit: str) -> bool:
    """True when the library has a spelling of ``unit`` that is no rules' output."""
    return _spellings(unit)[0] is not None


@lru_cache(maxsize=1 << 16)
def _spellings(unit: str) -> tuple[str | None, str | None]:
    """``choose_spelling`` over the library's candidates for ``unit``."""
    found = _romanizer().transliterate(unit, top_k=_CANDIDATES, country=_settings()["country"])
    return choose_spelling(unit, found if isinstance(found, list) else [])


def _servant_family(unit: str) -> str:
    """The unit without its article when it is a family name made of a servant name."""
    the, folded = definite_article(), normalize(unit)
    bare = folded[len(the) :] if folded.startswith(the) else ""
    return bare if bare.startswith(_servant() + the) else ""


@lru_cache(maxsize=1 << 16)
def _unit(unit: str, person: bool = False) -> str:
    given = _given_names().get(_key(unit))
    if given is not None:
        return given
    spelled, ruled = _spellings(unit)
    if spelled is not None and _avoided(spelled.casefold()):
        kunya, _, rest = unit.partition(" ")  # "أبو سياف": Abu and the name's own spelling
        latin = _settings()["kunya"].get(normalize(kunya))
        if rest and latin:
            return f"{latin} {_unit(rest)}"
    if spelled is not None:
        return spelled
    bare = _servant_family(unit)
    if bare:
        # a family name made of a servant name ("العبدالجبار" al-Abduljabbar, 47 times in
        # the sample): the article before the servant name's own spelling, as one word
        inner = re.sub(r"[\s-]", "", _unit(bare))
        return "Al-" + inner[:1].upper() + inner[1:].lower()
    # a person's "سواريز" is Suárez when no Arabic name fits; a place or a body's word
    # ("فرنسا", "بوليس") is no person's name
    # the model's spelling wins over a near one ("ميركل": Merkel, not Markl)
    foreign = foreign_match(unit) if person else None
    modelled = _modelled_units().get(_key(unit))
    if foreign is not None and (foreign[1] or modelled is None):
        return foreign[0]
    return modelled or ruled or romanize_unit(unit)


@cache
def _avoided_patterns() -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(pattern) for pattern in _settings()["avoided_spellings"])


def _avoided(written: str) -> bool:
    """A casefolded spelling in a convention latin_names.yaml avoids (French "Abou")."""
    return any(pattern.search(written) for pattern in _avoided_patterns())


def _conventional(unit: str, latin: str) -> bool:
    """``latin`` writes the letters of latin_names.yaml's ``preferred_letters`` the way the
    Gulf's English press does (ج as j, ق as q), and none of its ``avoided_spellings``."""
    written = latin.casefold()
    if _avoided(written):
        return False
    return all(
        latin_letter in written
        for letter, latin_letter in _settings()["preferred_letters"].items()
        if letter in unit
    )


@cache
def _servant() -> str:
    """عبد, the particle that makes one unit with the name after it (name_particles.tsv)."""
    return next(w for w, p in name_particles().items() if p.role == "servant")


_GLUED_PARTICLE = 3


def _glued_kunya(word: str) -> int:
    """The length of a kunya particle written glued to the name after it ("أبوبكر"), with
    three letters at least after it; 0 for any other word. Only a particle of three
    letters: "أم" begins too many words ("أمينة"، "أمريكية")."""
    folded = normalize(word)
    for particle, info in name_particles().items():
        rest = folded[len(particle) :]
        if info.role != "kunya" or len(particle) < _GLUED_PARTICLE:
            continue
        if folded.startswith(particle) and len(rest) >= 3:
            return len(particle) if len(folded) == len(word) else 0
    return 0


def name_units(words: list[str]) -> list[str]:
    """Name units as written: a joining word with the word after it (عبد الله)."""
    joins = _settings()["joins_next"]
    units: list[str] = []
    index = 0
    while index < len(words):
        word = words[index]
        kunya = _glued_kunya(word)
        if kunya:  # "ابوبكر" is "ابو بكر" written as one word: Abu Bakr, not "Aboubakeur"
            units.append(word[:kunya] + " " + word[kunya:])
            index += 1
        elif normalize(word) in joins and index + 1 < len(words):
            units.append(word + " " + words[index + 1])
            index += 2
        else:
            units.append(word)
            index += 1
    return units


def _given_spellings(units: list[str], latin: str) -> str:
    """An attested whole spelling with its given names written the newspapers' way
    ("Khaled al-Obeidi" -> "Khalid al-Obeidi"), where its words and the units pair up."""
    spelled = latin.split()
    if len(spelled) != len(units):
        return latin
    given = _given_names()
    return " ".join(given.get(_key(unit), word) for unit, word in zip(units, spelled, strict=True))


_ROMAN = ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))
_LAST_REGNAL = 20


def _roman(value: int) -> str:
    out = ""
    for step, letters in _ROMAN:
        while value >= step:
            out, value = out + letters, value - step
    return out


@lru_cache(maxsize=1 << 16)
def _regnal(word: str) -> int | None:
    """The value of a definite ordinal ending a name ("محمد السادس" Mohammed VI,
    "رودولف الثاني" Rudolf II), None for any other word."""
    view = TextView(word)
    found = definite_ordinals().match(view, 0) if view.words else None
    if found is None or found.end != 1 or not 0 < found.value <= _LAST_REGNAL:
        return None
    return found.value


def romanise_person(name: str) -> str:
    """A person's name in Latin: an ordinal that ends it is a regnal number, written in
    Roman numerals ("محمد السادس" Mohammed VI)."""
    words = name.split()
    number = _regnal(words[-1]) if len(words) > 1 else None
    if number is None:
        return romanise(name, person=True)
    return f"{romanise(' '.join(words[:-1]), person=True)} {_roman(number)}"


@lru_cache(maxsize=1 << 16)
def romanise(name: str, person: bool = False) -> str:
    """The Latin spelling of an Arabic name as written (clitics already left out); a
    ``person``'s unit no Arabic name spells may be a foreign name (foreign.py)."""
    words = name.split()
    if not words:
        return ""
    # one unit's attested "whole name" is some full name that is written so ("عبدالعزيز",
    # "عبد الرحمن" -> "Abd Errahman"); the unit's own spelling is the better one
    units = name_units(words)
    particles = _settings()["particles"]
    named = sum(1 for unit in units if normalize(unit) not in particles)  # not بن
    latin = _whole(" ".join(words), named) if len(units) > 1 else None
    if latin is not None:
        latin = _given_spellings(units, latin)
    else:
        parts = [particles.get(normalize(unit)) or _unit(unit, person) for unit in units]
        latin = " ".join(part for part in parts if part)
    latin = " ".join(latin.split())
    first, _, rest = latin.partition(" ")
    return first + (" " + _ARTICLE.sub("al-", rest) if rest else "")
