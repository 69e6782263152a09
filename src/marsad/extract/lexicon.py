"""Phrase lexicons over folded tokens: gazetteer, titles, demonyms, speaker nouns.

A phrase is a tuple of folded word tokens. ``PhraseIndex`` finds, at one token, the
longest phrase that starts there, reading the first token with or without its clitics
("وبالبنتاغون" -> "البنتاغون") and allowing light punctuation between the words
("لويد ج. أوستن", "المشتركة- عملية «العزم الصلب»").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from itertools import compress
from typing import Generic, TypeVar

from marsad.arabic.clitics import definite_article, proclitic_letters, readings, written_forms
from marsad.arabic.normalize import normalize
from marsad.arabic.variants import spelling_variants
from marsad.arabic.view import TextView
from marsad.resources import load_lines, load_tsv, resource_names

Value = TypeVar("Value")

# What may stand between two words of one name: spaces, dashes, quote marks; a period only
# after a one-letter initial (checked in code).
_GAP = re.compile(r"[ \t\u00a0\-\u2013\u2014«»\"\u201c\u201d'.]{1,4}")


def phrase(surface: str) -> tuple[str, ...]:
    """The folded word tokens of a surface form ("_" stands for a space)."""
    return tuple(TextView(surface).words)


def gap_ok(scan: TextView, left: int, right: int) -> bool:
    """True when tokens ``left`` and ``right`` may belong to one name."""
    gap = scan.folded[scan.ends[left] : scan.starts[right]]
    if not _GAP.fullmatch(gap):
        return False
    return "." not in gap or len(scan.words[left]) == 1


@dataclass(frozen=True, slots=True)
class Match(Generic[Value]):
    """A phrase found at tokens ``[first, end)``; ``prefix`` folded chars of clitics."""

    value: Value
    first: int
    end: int
    prefix: int
    fused: bool  # a clitic ل fused with the phrase's ال ("للحرة")


_Candidates = tuple[tuple[int, str, tuple[tuple[tuple[str, ...], Value], ...]], ...]


class PhraseIndex(Generic[Value]):
    """Phrases keyed by their first token, longest first.

    ``hits`` finds the tokens that may start a phrase with one set look-up each: the set
    of every such token (each first word, bare and with each proclitic) is made once.
    Which readings of a token start some phrase is cached per token string for ``match``.
    """

    _CACHE_LIMIT = 200_000

    def __init__(self, entries: Iterable[tuple[tuple[str, ...], Value]]) -> None:
        index: dict[str, list[tuple[tuple[str, ...], Value]]] = {}
        for words, value in entries:
            if words:
                index.setdefault(words[0], []).append((words, value))
        for candidates in index.values():
            candidates.sort(key=lambda item: -len(item[0]))
        self._index = {word: tuple(items) for word, items in index.items()}
        self._firsts = frozenset(self._index)
        self._with_clitics: dict[str, _Candidates[Value]] = {}
        self._bare: dict[str, _Candidates[Value]] = {}
        self._starters_with_clitics: frozenset[str] | None = None  # made on first use

    def starts(self, word: str) -> bool:
        """True when some phrase begins with the folded ``word``."""
        return word in self._index

    def _candidates(self, token: str, clitics: bool) -> _Candidates[Value]:
        cache = self._with_clitics if clitics else self._bare
        found = cache.get(token)
        if found is None:
            index = self._index
            if clitics and token[0] in proclitic_letters():
                options = readings(token)
                found = tuple(
                    (prefix, word, index[word]) for prefix, word in options if word in index
                )
            else:
                found = ((0, token, index[token]),) if token in index else ()
            if len(cache) > self._CACHE_LIMIT:
                cache.clear()
            cache[token] = found
        return found

    def hits(self, scan: TextView, clitics: bool = True) -> list[int]:
        """Indices of the tokens that may start a phrase (a fast first filter)."""
        starters = self._starters_with_clitics if clitics else self._firsts
        if starters is None:
            starters = self._starters_with_clitics = self._clitic_forms()
        words = scan.words
        return list(compress(range(len(words)), map(starters.__contains__, words)))

    def _clitic_forms(self) -> frozenset[str]:
        """Every token that has a reading (``readings``) starting a phrase: the first
        words themselves, with each proclitic, and with a clitic ل fused with their ال."""
        return frozenset().union(*map(written_forms, self._firsts))

    def match(self, scan: TextView, at: int, clitics: bool = True) -> Match[Value] | None:
        """The longest phrase starting at token ``at`` (bare reading preferred on ties)."""
        words = scan.words
        token = words[at]
        candidates = self._candidates(token, clitics)
        if not candidates:
            return None
        best: Match[Value] | None = None
        for prefix, word, phrases in candidates:
            for phrase_words, value in phrases:
                end = at + len(phrase_words)
                if best is not None and end <= best.end:
                    break
                if end > len(words):
                    continue
                if all(
                    words[at + k] == phrase_words[k] and gap_ok(scan, at + k - 1, at + k)
                    for k in range(1, len(phrase_words))
                ):
                    fused = len(token) - prefix != len(word)
                    best = Match(value, at, end, prefix, fused)
                    break
        return best


@dataclass(frozen=True, slots=True)
class Alias:
    type: str
    canonical: str
    needs_context: bool


@dataclass(frozen=True, slots=True)
class Title:
    kind: str  # office | spokesman | rank
    templates: tuple[tuple[str | None, str], ...]  # (nationality or None, role template)


@dataclass(frozen=True, slots=True)
class Country:
    canonical: str
    short: str
    adjective: str
    order: int


def gazetteer_files() -> tuple[str, ...]:
    """The gazetteer's resource files: aliases.tsv (hand-made, read first), then every
    gazetteer_*.tsv (CLDR names, and names frequent in the Saudi corpus), same format."""
    return ("aliases.tsv", *resource_names("gazetteer_", ".tsv"))


@cache
def gazetteer() -> PhraseIndex[Alias]:
    """Known names from ``gazetteer_files``; where two rows list the same surface form,
    the first read wins, so aliases.tsv overrides the generated and corpus files."""
    entries = []
    seen: set[tuple[str, ...]] = set()
    for name in gazetteer_files():
        for row in load_tsv(name, columns=3):
            words = phrase(row[2])
            if words in seen:
                continue
            seen.add(words)
            flags = row[3].split(",") if len(row) > 3 else []
            entries.append((words, Alias(row[0], row[1], "needs-context" in flags)))
    # each row also under the spellings outlets use interchangeably (spelling_variants.tsv:
    # "مكتب التحقيقات الفدرالي" beside "الفيدرالي"); a spelling a row lists keeps its row
    spelled = []
    for words, alias in entries:
        for variant in _spellings(words):
            if variant not in seen:
                seen.add(variant)
                spelled.append((variant, alias))
    return PhraseIndex(entries + spelled)


_MAX_SPELLINGS = 8  # spellings of one row beside its own


def _spellings(words: tuple[str, ...]) -> list[tuple[str, ...]]:
    """Other spellings of a phrase, one word changed at a time (at most _MAX_SPELLINGS)."""
    found: list[tuple[str, ...]] = []
    for at, word in enumerate(words):
        for variant in sorted(spelling_variants(word) - {word}):
            found.append((*words[:at], variant, *words[at + 1 :]))
    return found[:_MAX_SPELLINGS]


@cache
def outlet_nouns() -> frozenset[str]:
    """Folded heads of a media outlet's name (outlet_nouns.txt): قناة، وكالة، صحيفة ..."""
    return frozenset(normalize(line) for line in load_lines("outlet_nouns.txt"))


@dataclass(frozen=True, slots=True)
class NameParticle:
    role: str  # patronymic | family | kunya | servant
    latin: str | None


@cache
def name_particles() -> dict[str, NameParticle]:
    """Folded name particles (name_particles.tsv): بن، آل، أبو، عبد ..."""
    return {
        normalize(row[0]): NameParticle(row[1], None if row[2] == "-" else row[2])
        for row in load_tsv("name_particles.tsv", columns=3)
    }


def patronymic(word: str) -> bool:
    """True for بن، ابن، بنت: the word after it is the father's name."""
    found = name_particles().get(word)
    return found is not None and found.role == "patronymic"


def kunya(word: str) -> bool:
    """True for أبو، أم: a name that opens on a child's ("أبو زهراء")."""
    found = name_particles().get(word)
    return found is not None and found.role == "kunya"


def family(word: str) -> bool:
    """True for آل: the word after it is the family's name."""
    found = name_particles().get(word)
    return found is not None and found.role == "family"


def after_family(scan: TextView, at: int) -> bool:
    """Token ``at`` follows آل with only spaces between: the family's name ("عبداللطيف آل
    الشيخ", "آل سعود")."""
    if at == 0 or scan.gap(at - 1, at).strip():
        return False
    return family(scan.words[at - 1])


@cache
def body_links() -> frozenset[str]:
    """Folded words that tie a person or an office to their body (unnamed_speaker_links.txt):
    "في/من/لدى" of "مسؤول في البنتاغون", "عضو في الحزب"."""
    return frozenset(normalize(line) for line in load_lines("unnamed_speaker_links.txt"))


@cache
def gazetteer_surfaces() -> tuple[tuple[str, str, str], ...]:
    """(type, canonical, surface as written) of every row of ``gazetteer_files``, in the
    order ``gazetteer`` reads them."""
    return tuple(
        (row[0], row[1], row[2]) for name in gazetteer_files() for row in load_tsv(name, columns=3)
    )


@cache
def entity_info() -> dict[str, tuple[str, str | None]]:
    """canonical -> (short name, role of the entity itself)."""
    out: dict[str, tuple[str, str | None]] = {}
    for row in load_tsv("entity_info.tsv", columns=2):
        role = row[2] if len(row) > 2 and row[2] else None
        out[row[0]] = (row[1] or row[0], role)
    return out


def short_name(canonical: str) -> str:
    return entity_info().get(canonical, (canonical, None))[0]


@cache
def titles() -> PhraseIndex[Title]:
    grouped: dict[tuple[str, ...], tuple[str, list[tuple[str | None, str]]]] = {}
    for row in load_tsv("titles.tsv", columns=3):
        nationality = row[3] if len(row) > 3 and row[3] else None
        _kind, templates = grouped.setdefault(phrase(row[0]), (row[1], []))
        templates.append((nationality, row[2]))
    return PhraseIndex(
        (words, Title(kind, tuple(templates))) for words, (kind, templates) in grouped.items()
    )


@cache
def countries() -> dict[str, Country]:
    """Country canonical -> its names; demonyms.tsv's rows first (their order is the
    order of a joint label), then every other country of demonyms_world.tsv."""
    out: dict[str, Country] = {}
    for order, row in enumerate(_demonym_rows()):
        out.setdefault(row[0], Country(row[0], row[1], row[2], order))
    return out


def _demonym_rows() -> tuple[tuple[str, ...], ...]:
    """demonyms.tsv (hand-made, wins) then demonyms_world.tsv (CLDR countries)."""
    return (*load_tsv("demonyms.tsv", columns=4), *load_tsv("demonyms_world.tsv", columns=4))


@cache
def nisba_endings() -> tuple[str, ...]:
    """What a nisba adjective adds to its stem (nisba_endings.txt), folded."""
    return tuple(normalize(line) for line in load_lines("nisba_endings.txt"))


@cache
def demonyms() -> dict[str, str]:
    """Every folded form of a nisba adjective (with ال, endings) -> country canonical."""
    out: dict[str, str] = {}
    the = definite_article()
    for row in _demonym_rows():
        # a nisba that is also a family name names its country in its other forms only
        surname = len(row) > 4 and "surname" in row[4].split(",")
        for stem in row[3].split():
            folded = normalize(stem)
            for ending in nisba_endings() if surname else ("", *nisba_endings()):
                out.setdefault(folded + ending, row[0])
                out.setdefault(the + folded + ending, row[0])
    return out


def demonym_at(scan: TextView, at: int) -> str | None:
    """The country of a nisba adjective at token ``at`` (clitic و allowed), if any."""
    if at >= len(scan.words):
        return None
    table = demonyms()
    for _, word in readings(scan.words[at]):
        if word in table:
            return table[word]
    return None


@dataclass(frozen=True, slots=True)
class SpeakerNoun:
    kind: str  # document | parties | anaphor | role-anaphor | unnamed
    value: str | None


_SPEAKER_KINDS = frozenset(
    {"document", "parties", "anaphor", "person-anaphor", "role-anaphor", "unnamed", "kin"}
)


@cache
def lexicon_glossary() -> dict[str, tuple[str, str]]:
    """Folded bare form (no clitic, no article) -> (kind: noun | adjective, English) of
    the packaged lexicon's sure glosses (lexicon_glossary.tsv)."""
    return {row[0]: (row[1], row[2]) for row in load_tsv("lexicon_glossary.tsv", columns=3)}


@cache
def speaker_nouns() -> PhraseIndex[SpeakerNoun]:
    """Nouns that can be the speaker of a quote (speaker_nouns.tsv)."""
    rows = load_tsv("speaker_nouns.tsv", columns=2)
    return PhraseIndex(
        (phrase(row[0]), SpeakerNoun(row[1], row[2] if len(row) > 2 and row[2] else None))
        for row in rows
        if row[1] in _SPEAKER_KINDS
    )


@cache
def quote_attributions() -> PhraseIndex[str]:
    """Markers that attribute a statement without a verb opening it (quote_attributions.tsv)
    -> their kind: tail, according or document."""
    rows = load_tsv("quote_attributions.tsv", columns=2)
    return PhraseIndex((phrase(row[0]), row[1]) for row in rows)


@cache
def speaker_words(kind: str) -> PhraseIndex[str]:
    """The other word lists of speaker_nouns.tsv (modifier, joint-marker, statement,
    issued, issued-by, speech)."""
    rows = load_tsv("speaker_nouns.tsv", columns=2)
    return PhraseIndex((phrase(row[0]), row[0]) for row in rows if row[1] == kind)


@cache
def definite_ordinals() -> PhraseIndex[int]:
    """Ordinals of number_words.tsv with the article, compounds too ("الرابعة"، "الحادية
    عشرة") -> their value: an ordinal standing alone as a noun is the n-th one."""
    the = definite_article()
    rows = [
        (int(value), phrase(surface))
        for value, kind, surface, *_ in load_tsv("number_words.tsv", columns=3)
        if kind == "ordinal" and phrase(surface)
    ]
    entries = [((the + words[0], *words[1:]), value) for value, words in rows]
    # 13th-19th are a unit's ordinal and the ten of "حادي عشر"، "حادية عشرة": "الثالثة عشرة"
    tens = {words[1] for value, words in rows if len(words) == 2 and value > 10}
    for value, words in rows:
        if len(words) == 1 and 3 <= value <= 9:
            entries.extend(((the + words[0], ten), value + 10) for ten in tens)
    return PhraseIndex(entries)


@cache
def quote_resumptives() -> PhraseIndex[str]:
    """Pronouns after a reporting verb that point back to the speech it was said in
    ("قال فيها", "أكد من خلالها"): quote_resumptives.txt."""
    return PhraseIndex((phrase(line), line) for line in load_lines("quote_resumptives.txt"))


@cache
def honorifics() -> PhraseIndex[str]:
    """Blessings written after a name ("رحمه الله"): name_honorifics.txt."""
    return PhraseIndex((phrase(line), line) for line in load_lines("name_honorifics.txt"))


@cache
def stopwords() -> frozenset[str]:
    """Folded function words that never start or continue a person's name."""
    return frozenset(normalize(line) for line in load_lines("name_stopwords.txt"))
