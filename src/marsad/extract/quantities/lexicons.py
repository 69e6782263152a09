"""The word lists of the quantities reader, each from its resource file.

- ``units``: currencies and measures, from CLDR (``cldr_units.tsv``, made by
  ``scripts/build_cldr_units.py``) and the press's own spellings (``units.tsv``);
- ``counted_nouns``: the frequent counted nouns with a gloss and a category;
- ``head_words``: the other lists of ``quantity_heads.tsv`` (not a head, elliptic heads,
  count-of nouns, range and change words, idioms with واحد);
- ``category_words``: what makes a figure a casualty or violence count.

Every form also matches with the article ال and with the accusative alef of tanwin
("دولارا", "متراً مربعاً"), which the texts write on counted nouns after 11 and more.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache

from marsad.arabic.charsets import letter
from marsad.arabic.clitics import definite_article
from marsad.arabic.normalize import normalize
from marsad.extract.lexicon import PhraseIndex, phrase
from marsad.resources import load_tsv

Words = tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Unit:
    code: str  # ISO 4217 for money, marsad's code for a measure ("km", "m2")
    kind: str  # currency | measure


@dataclass(frozen=True, slots=True)
class Counted:
    label: str  # English gloss, the quantity's unit ("killed", "civilian")
    category: str | None  # killed | injured | arrested | attackers | weapons | attacks


def _accusative(word: str) -> str | None:
    """The word with the tanwin alef ("متر" -> "مترا"); None where none is written."""
    alef = letter("alef")
    if word[-1:] in (alef, letter("ta-marbuta"), letter("wa")):
        return None
    return word + alef


def variants(words: Words) -> Iterator[Words]:
    """A phrase as written bare, with the article on each word, and in the accusative."""
    article = definite_article()
    yield words
    yield tuple(article + word for word in words)
    accusative = [_accusative(word) for word in words]
    if all(accusative):
        yield tuple(word for word in accusative if word)
        yield (accusative[0] or words[0], *words[1:])
    elif len(words) > 1 and accusative[-1]:  # "كيلو مترا": no alef after a final waw
        yield (*words[:-1], accusative[-1])


def _index(entries: Iterable[tuple[str, object]]) -> list[tuple[Words, object]]:
    out: list[tuple[Words, object]] = []
    for surface, value in entries:
        words = phrase(surface.replace("_", " "))
        if words:
            out.extend((form, value) for form in variants(words))
    return out


# Hand rows of units.tsv with a lower-case code that are money all the same.
_MONEY = frozenset({"dinar", "lira", "franc", "cent", "halala", "pound"})


@cache
def currencies() -> frozenset[str]:
    rows = load_tsv("cldr_units.tsv", columns=3)
    return frozenset(row[0] for row in rows if row[1] == "currency") | _MONEY


def _unit(code: str) -> Unit:
    return Unit(code, "currency" if code in currencies() else "measure")


@cache
def units() -> PhraseIndex[Unit]:
    entries: list[tuple[str, object]] = []
    for code, kind, form, *_ in load_tsv("cldr_units.tsv", columns=3):
        entries.append((form, Unit(code, kind)))
    for code, forms, *_ in load_tsv("units.tsv", columns=2):
        entries.extend((form, _unit(code)) for form in forms.split())
    return PhraseIndex(_index(entries))  # type: ignore[arg-type]


@cache
def unit_codes() -> frozenset[str]:
    """The codes of the currencies and measures, and "percent": units, not counted nouns."""
    codes = {row[0] for row in load_tsv("cldr_units.tsv", columns=3)}
    codes |= {row[0] for row in load_tsv("units.tsv", columns=2)}
    return frozenset(codes | {"percent"})


@cache
def one_word_units() -> dict[str, Unit]:
    """Folded one-word forms of every unit (cldr_units.tsv and units.tsv), for the dual
    of a unit that stands for two of it ("كيلوجرامين", "مترين")."""
    out: dict[str, Unit] = {}
    for code, kind, form, *_ in load_tsv("cldr_units.tsv", columns=3):
        if " " not in form:
            out.setdefault(normalize(form), Unit(code, kind))
    for form, unit in attached_units().items():
        out.setdefault(form, unit)
    return out


@cache
def attached_units() -> dict[str, Unit]:
    """One-word unit forms of units.tsv, for a unit written on its digits ("50كم")."""
    out: dict[str, Unit] = {}
    for code, forms, *_ in load_tsv("units.tsv", columns=2):
        for form in forms.split():
            if "_" not in form:
                out.setdefault(normalize(form), _unit(code))
    return out


def _counted_rows() -> list[tuple[Counted, list[str], list[str]]]:
    out = []
    for label, category, forms, *rest in load_tsv("counted_nouns.tsv", columns=3):
        duals = [] if not rest or rest[0] == "-" else rest[0].split()
        out.append((Counted(label, None if category == "-" else category), forms.split(), duals))
    return out


@cache
def counted_labels() -> frozenset[str]:
    """The glosses of the frequent counted nouns ("killed", "civilian"): the units of
    figures whose noun is known, as against a noun as written."""
    return frozenset(counted.label for counted, _forms, _duals in _counted_rows())


@cache
def counted_nouns() -> PhraseIndex[Counted]:
    """Singular, plural and dual forms of the counted nouns -> gloss and category."""
    entries: list[tuple[str, object]] = []
    for value, forms, duals in _counted_rows():
        entries.extend((form, value) for form in forms + duals)
    return PhraseIndex(_index(entries))  # type: ignore[arg-type]


@cache
def counted_duals() -> PhraseIndex[Counted]:
    """The dual forms of the counted nouns ("ضابطين", "عبوتين ناسفتين"): each counts 2."""
    entries: list[tuple[str, object]] = []
    for value, _forms, duals in _counted_rows():
        entries.extend((form, value) for form in duals)
    return PhraseIndex(_index(entries))  # type: ignore[arg-type]


@cache
def counted_singulars() -> dict[str, Counted]:
    """Folded one-word forms of the counted nouns, for reading their other duals."""
    out: dict[str, Counted] = {}
    for value, forms, _duals in _counted_rows():
        for form in forms:
            if "_" not in form:
                out.setdefault(normalize(form), value)
    return out


@cache
def _head_rows() -> dict[str, list[tuple[str, ...]]]:
    out: dict[str, list[tuple[str, ...]]] = {}
    for row in load_tsv("quantity_heads.tsv", columns=2):
        out.setdefault(row[0], []).append(row[1:])
    return out


@cache
def head_words(kind: str) -> frozenset[str]:
    """Folded one-word forms of a kind of quantity_heads.tsv (not-head, count-of, ...)."""
    forms: set[str] = set()
    for row in _head_rows().get(kind, []):
        forms.update(normalize(form) for form in row[-1].split() if "_" not in form)
    if kind == "not-head":  # durations are the temporal tagger's, never a counted noun
        forms.update(normalize(row[2]) for row in load_tsv("temporal_units.tsv", columns=3))
    return frozenset(forms)


@cache
def time_words() -> frozenset[str]:
    """Folded time units of temporal_units.tsv (عام، سنة، ...), bare and with ال."""
    forms = {normalize(row[2]) for row in load_tsv("temporal_units.tsv", columns=3)}
    return frozenset(forms | {definite_article() + form for form in forms})


@cache
def single_time_words() -> frozenset[str]:
    """Folded singular time units ("عام", "يوم"): "عام 64" names a year."""
    rows = load_tsv("temporal_units.tsv", columns=3)
    return frozenset(normalize(row[2]) for row in rows if row[1] == "1")


@cache
def head_phrases(kind: str) -> PhraseIndex[str]:
    """Every form of a kind of quantity_heads.tsv, as phrases ("ما_بين")."""
    entries: list[tuple[Words, str]] = []
    for row in _head_rows().get(kind, []):
        entries.extend((phrase(form.replace("_", " ")), kind) for form in row[-1].split())
    return PhraseIndex(entries)


@cache
def elliptic() -> dict[str, str | None]:
    """Elliptic heads ("آخرين", "منهم") -> the label they give, or None."""
    out: dict[str, str | None] = {}
    for label, forms in _head_rows().get("elliptic", []):
        for form in forms.split():
            out[normalize(form)] = None if label == "-" else label
    return out


@cache
def category_heads() -> frozenset[str]:
    """Folded one-word forms that name a category after a figure ("قتيلا"): a head that
    is the category itself, no noun another count can share."""
    return frozenset(
        normalize(form)
        for _category, place, forms, *_ in load_tsv("figure_categories.tsv", columns=3)
        if place == "after"
        for form in forms.split()
        if "_" not in form
    )


@cache
def category_words(where: str) -> PhraseIndex[str]:
    """Words before a figure ("مقتل") or after its head ("قتلوا") -> category."""
    entries: list[tuple[Words, str]] = []
    for category, place, forms, *_ in load_tsv("figure_categories.tsv", columns=3):
        if place == where:
            entries.extend((phrase(form.replace("_", " ")), category) for form in forms.split())
    return PhraseIndex(entries)
