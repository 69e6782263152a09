"""Temporal language knowledge, loaded from resource files (HeidelTime's split).

Each resource gives surface forms (folded for matching) and what they mean: ``Lexicon``
holds the normalisation tables (folded surface -> value) and the regex fragments
("repattern") that the rules in ``rules.py`` combine. Nothing Arabic is spelled here.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from marsad.arabic.clitics import definite_article
from marsad.arabic.normalize import normalize
from marsad.resources import load_tsv


def fold(surface: str) -> str:
    """A resource surface as the matcher sees it: folded, single spaces."""
    return " ".join(normalize(surface).split())


def alternation(surfaces: Iterable[str]) -> str:
    """A non-capturing regex alternation of folded surfaces, longest first.

    Spaces inside a surface match any run of whitespace. The alternation is shaped as a
    trie (حزيران، حزير → ``حزير(?:ان)?``): the engine reads each letter once instead of
    trying every surface in turn. It matches as the flat list sorted longest first would:
    the surfaces that match at one place are prefixes of one another, and the trie tries
    the longer before the shorter.
    """
    trie: _Trie = {}
    for surface in surfaces:
        node = trie
        for char in surface:
            node = node.setdefault(char, {})
        node[""] = {}
    return "(?:" + _trie_regex(trie) + ")"


_Trie = dict[str, "_Trie"]


def _trie_regex(node: _Trie) -> str:
    branches = [
        (r"\s+" if char == " " else re.escape(char)) + _trie_regex(child)
        for char, child in sorted(node.items())
        if char
    ]
    if not branches:
        return ""
    if len(branches) == 1 and "" not in node:
        return branches[0]
    return "(?:" + "|".join(branches) + ")" + ("?" if "" in node else "")


def _lookup_key(text: str) -> str:
    return " ".join(text.split())


@dataclass(frozen=True, slots=True)
class Lexicon:
    gregorian_months: dict[str, int]
    hijri_months: dict[str, int]
    weekdays: dict[str, int]
    ambiguous_weekdays: frozenset[str]
    numbers: dict[str, int]  # cardinals and tens, folded, without ال
    ordinals: dict[str, int]
    units: dict[str, tuple[str, str]]  # surface -> (unit code, number 1|2|pl)
    deictic: dict[str, int]  # surface -> day offset
    deictic_needs_context: frozenset[str]  # غد: only after يوم or before a weekday
    modifiers: dict[str, int]  # surface -> -1 | 0 | 1
    vague: tuple[tuple[str, str, str, str], ...]  # (value, before, span, after) folded
    words: dict[str, tuple[str, ...]]  # role -> folded surfaces
    daytime: dict[str, str]  # surface -> shift ("0", "12", "noon")
    fractions: dict[str, int]  # surface -> minutes past the hour (النصف -> 30)
    article: str  # ال, from the clitic resources: numbers and ordinals may carry it
    blockers: dict[str, frozenset[str]]
    seasons: dict[str, str]  # surface -> TIMEX3 season code (SP, SU, FA, WI)
    decades: dict[str, int]  # surface -> decade digit (التسعينيات -> 9)
    centuries: dict[str, tuple[str, int]]  # surface -> ("abs", 19) | ("rel", -1) | ("hrel", -1)
    day_parts: dict[str, str]  # surface -> TIMEX3 part of day (مساء -> EV)
    sets: dict[str, str]  # surface -> TIMEX3 SET value (سنويا -> P1Y)

    def month(self, text: str) -> tuple[str, int] | None:
        """(calendar, month) of the first month name in ``text`` (folded)."""
        key = _lookup_key(text)
        if key in self.gregorian_months:
            return "gregorian", self.gregorian_months[key]
        if key in self.hijri_months:
            return "hijri", self.hijri_months[key]
        return None

    def number(self, text: str) -> int | None:
        """A number written in digits or words (cardinal, compound with tens)."""
        key = self.without_article(_lookup_key(text))
        if key.isdigit():
            return int(key)
        if key in self.numbers:
            return self.numbers[key]
        for conjunction in self.words["and"]:  # "خمسة وعشرين": units and tens joined by و
            parts = [p.strip() for p in key.split(" " + conjunction)]
            if len(parts) == 2 and all(p in self.numbers for p in parts):
                return self.numbers[parts[0]] + self.numbers[parts[1]]
        return None

    def day_ordinal(self, text: str) -> int | None:
        """A day of the month as an ordinal: الأول، الحادي عشر، الثالث والعشرين، الثلاثين."""
        words = [self.without_article(w) for w in _lookup_key(text).split()]
        if words and (last := self.without_conjunction(words[-1])) != words[-1]:  # والعشرين
            words[-1] = self.without_article(last)
        key = " ".join(words)
        if key in self.ordinals:
            return self.ordinals[key]
        if len(words) == 1 and self.numbers.get(key) in (20, 30):
            return self.numbers[key]
        if len(words) != 2 or self.ordinals.get(words[0], 10) > 9:
            return None
        unit, rest = self.ordinals[words[0]], self.numbers.get(words[1])
        if rest == 10 and unit >= 3:
            return 10 + unit
        if rest in (20, 30) and unit + rest <= 31:
            return rest + unit
        return None

    def without_article(self, word: str) -> str:
        """``word`` without a leading ال, if it has one."""
        return word[len(self.article) :] if word.startswith(self.article) else word

    def without_conjunction(self, word: str) -> str:
        """``word`` without a leading و (role "and" of temporal_words.tsv), if it has one."""
        for conjunction in self.words["and"]:
            if word.startswith(conjunction):
                return word[len(conjunction) :]
        return word

    def role(self, name: str) -> str:
        """Regex alternation of the function words of one role."""
        return alternation(self.words[name])


def _vague_row(value: str, surface: str) -> tuple[str, str, str, str]:
    folded = fold(surface)
    if "[" not in folded:
        return value, "", folded, ""
    before, rest = folded.split("[", 1)
    span, after = rest.split("]", 1)
    return value, before.strip(), span.strip(), after.strip()


@cache
def lexicon() -> Lexicon:
    gregorian: dict[str, int] = {}
    hijri: dict[str, int] = {}
    for calendar, month, surface, *_ in load_tsv("months.tsv", columns=3):
        table = hijri if calendar == "hijri" else gregorian
        table[fold(surface)] = int(month)
    weekdays: dict[str, int] = {}
    ambiguous: set[str] = set()
    for number, surface, flag in load_tsv("weekdays.tsv", columns=3):
        weekdays[fold(surface)] = int(number)
        if flag == "yes":
            ambiguous.add(fold(surface))
    numbers: dict[str, int] = {}
    ordinals: dict[str, int] = {}
    for value, kind, surface in load_tsv("number_words.tsv", columns=3):
        (ordinals if kind == "ordinal" else numbers)[fold(surface)] = int(value)
    units = {fold(s): (unit, number) for unit, number, s in load_tsv("temporal_units.tsv", 3)}
    deictic_rows = load_tsv("temporal_deictic.tsv", 3)
    deictic = {fold(s): int(offset) for s, offset, _ in deictic_rows}
    bound = frozenset(fold(s) for s, _, alone in deictic_rows if alone == "no")
    modifiers = {fold(s): int(d) for s, d in load_tsv("temporal_modifiers.tsv", 2)}
    vague = tuple(_vague_row(v, s) for v, s in load_tsv("temporal_vague.tsv", 2))
    words: dict[str, list[str]] = {}
    for role, surface in load_tsv("temporal_words.tsv", 2):
        words.setdefault(role, []).append(fold(surface))
    daytime = {fold(s): shift for s, shift in load_tsv("temporal_daytime.tsv", 2)}
    blockers: dict[str, set[str]] = {}
    for role, surface in load_tsv("temporal_blockers.tsv", 2):
        blockers.setdefault(role, set()).add(fold(surface))
    centuries: dict[str, tuple[str, int]] = {}
    for surface, meaning in load_tsv("temporal_centuries.tsv", 2):
        kind, number = meaning.split(":")
        centuries[fold(surface)] = (kind, int(number))
    return Lexicon(
        gregorian_months=gregorian,
        hijri_months=hijri,
        weekdays=weekdays,
        ambiguous_weekdays=frozenset(ambiguous),
        numbers=numbers,
        ordinals=ordinals,
        units=units,
        deictic=deictic,
        deictic_needs_context=bound,
        modifiers=modifiers,
        vague=vague,
        words={role: tuple(surfaces) for role, surfaces in words.items()},
        daytime=daytime,
        fractions={fold(s): int(minutes) for minutes, s in load_tsv("temporal_fractions.tsv", 2)},
        article=definite_article(),
        blockers={role: frozenset(s) for role, s in blockers.items()},
        seasons={fold(s): code for code, s in load_tsv("temporal_seasons.tsv", 2)},
        decades={fold(s): int(d) for d, s in load_tsv("temporal_decades.tsv", 2)},
        centuries=centuries,
        day_parts={fold(s): code for code, s in load_tsv("temporal_day_parts.tsv", 2)},
        sets={fold(s): value for value, s in load_tsv("temporal_sets.tsv", 2)},
    )
