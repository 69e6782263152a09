"""English names of bodies and places the gazetteer does not know, composed from their
words: the head noun and the institutional words translated (org_glossary.tsv,
place_heads.tsv, demonyms.tsv), other nouns and adjectives from the packaged lexicon's
glosses (lexicon_glossary.tsv), the name words romanised with vowels.

"الهيئة العامة للغذاء والدواء" -> "General Authority of Food and Drug"; "وزارة الشؤون
الإسلامية السعودية" -> "Saudi Ministry of Islamic Affairs"; "محافظة البيضاء" -> "Al-Bayda
Governorate"; "مطار الملك عبدالعزيز الدولي" -> "King Abdulaziz International Airport".
English word order: a body's adjectives and nationality go before its head, what it is of
after it ("Ministry of Health"); a place's head goes after its name ("Tigris River").
A name whose first word is no known head is not composed: it is romanised whole.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from marsad.arabic.charsets import letter
from marsad.arabic.clitics import definite_article, readings, without_article
from marsad.arabic.normalize import normalize
from marsad.arabic.view import TextView
from marsad.extract.entities.latin import romanise
from marsad.extract.lexicon import countries, demonyms, gazetteer, lexicon_glossary, titles
from marsad.resources import load_lines, load_tsv

_BODY_TYPES = frozenset({"ORG", "EVENT", "MISC"})
_ARTICLE_INSIDE = re.compile(r"^Al-(?=\w)")
_SMALL_WORDS = frozenset({"of", "and", "for", "the", "in", "on", "to", "a", "an"})


@dataclass(frozen=True, slots=True)
class _Word:
    kind: str  # head | noun | adjective | country | name
    english: str
    joined: bool  # written with و: "and"


@cache
def _glossary() -> dict[str, tuple[str, str]]:
    """Folded word, as listed and without its article -> (kind, English: the first
    alternative); a form as listed wins ("البلدية" municipal, "بلدية" municipality)."""
    listed: dict[str, tuple[str, str]] = {}
    bare: dict[str, tuple[str, str]] = {}
    for row in load_tsv("org_glossary.tsv", columns=3):
        entry = (row[2], row[1].split("/")[0].strip())
        listed.setdefault(normalize(row[0]), entry)
        bare.setdefault(without_article(normalize(row[0])), entry)
    return bare | listed


def _title_case(english: str) -> str:
    return " ".join(w if w in _SMALL_WORDS else w[:1].upper() + w[1:] for w in english.split())


def body_head(word: str) -> str | None:
    """The English of a folded word that heads a body's name ("الجيش" Army, "الصحيفة"
    Newspaper), with or without its article; None for any other word."""
    found = _glossary().get(word) or _glossary().get(without_article(word))
    return found[1] if found is not None and found[0] == "head" else None


@cache
def _place_heads() -> dict[str, str]:
    return {normalize(row[0]): row[1] for row in load_tsv("place_heads.tsv", columns=2)}


def names_after_head(word: str) -> bool:
    """The folded ``word`` heads a place's or a body's name that may hold a person's
    name and title ("مطار الملك خالد", "مستشفى الدكتور سليمان الحبيب")."""
    return body_head(word) is not None or without_article(word) in _place_heads()


def _read(view: TextView, at: int, first: bool, glossed: bool = True, plain: bool = False) -> _Word:
    """What token ``at`` of a name is: a glossary word, a nationality or a name word;
    the lexicon's glosses only when ``glossed`` (not in a place's name), no glossary at
    all when ``plain`` (a name after a head that names: "نادي الهلال")."""
    token = view.words[at]
    conjunction, the = letter("wa"), definite_article()
    for prefix, word in readings(token):
        joined = not first and token[:prefix].startswith(conjunction)
        if word in demonyms():
            country = countries().get(demonyms()[word])
            if country is not None:
                return _Word("country", country.adjective, joined)
        if plain:
            continue
        found = _glossary().get(word) or _glossary().get(without_article(word))
        if found is not None:
            return _Word(found[0], found[1], joined)
    title = titles().match(view, at)
    if title is not None and title.end == at + 1:
        english = title.value.templates[0][1].split("{")[0].strip()
        if english:
            return _Word("name", english, False)
    if glossed and view.word_class(at).pos != "name":
        for prefix, word in readings(token):
            gloss = lexicon_glossary().get(without_article(word))
            if gloss is not None:
                joined = not first and token[:prefix].startswith(conjunction)
                return _Word(gloss[0], _title_case(gloss[1]), joined)
    # a name word keeps its letters, but not a clitic before its article ("للمعادن")
    prefix, reading = next(((p, w) for p, w in readings(token) if p and w.startswith(the)), (0, ""))
    start = view.source_index(view.starts[at] + prefix) if prefix else None
    span = view.token_span(at, at + 1)
    written = view.text[start if start is not None else span.start : span.end]
    if prefix and reading != token[prefix:]:
        written = the + written[len(the) - 1 :]  # "للمعادن": ل + المعادن, its ا restored
    joined = prefix > 0 and token.startswith(conjunction)
    return _Word("name", _ARTICLE_INSIDE.sub("al-", romanise(written) or written), joined)


def compose(view: TextView, first: int, end: int, kind: str) -> str | None:
    """The English name of the body or place in tokens ``[first, end)``, or None when its
    first word is no head this module knows."""
    if end - first < 2:
        return None
    head_word = without_article(view.words[first])
    if kind == "LOC" and head_word in _place_heads():
        words = _words(view, first + 1, end, glossed=False)
        return _join([w.english for w in words] + [_place_heads()[head_word]])
    if kind not in _BODY_TYPES:
        return None
    head = _read(view, first, True)
    if head.kind != "head":
        return None
    words = _words(view, first + 1, end)
    # an adjective after a noun describes it ("نادي الدول النووية"); alone, an adjective
    # is the name ("قناة العربية" Al-Arabiya)
    described = any(word.kind == "adjective" for word in words[1:])
    if head_word in _named_heads() and view.words[first] == head_word and not described:
        # "نادي الهلال": the club's own name, romanised, before its head; a nationality
        # stays an adjective ("صحيفة الوطن السعودية": Saudi Al-Watan Newspaper). With its
        # article the head is described, not named: "النادي الأدبي" Literary Club
        named = _words(view, first + 1, end, glossed=False, plain=True)
        countries_first = [w.english for w in named if w.kind == "country"]
        return _join(
            [*countries_first, *(w.english for w in named if w.kind != "country"), head.english]
        )
    before: list[str] = []  # nationality and the head's own adjectives
    index = 0
    while index < len(words) and words[index].kind in ("adjective", "country"):
        before.append(words[index].english)
        index += 1
    rest = words[index:]
    before[:0] = reversed([word.english for word in rest if word.kind == "country"])
    of = _of_phrase([word for word in rest if word.kind != "country"])
    name = _join([*before, head.english])
    return f"{name} of {of}" if of else name


def _words(
    view: TextView, first: int, end: int, glossed: bool = True, plain: bool = False
) -> list[_Word]:
    """The words after a head; a known name among them (the gazetteer's, where no
    context must mark it: "المدينة المنورة" Medina) is one word, its canonical name,
    but a nationality stays an adjective ("السعودية" Saudi, not Saudi Arabia)."""
    out = []
    at = first
    known = gazetteer()
    while at < end:
        word = _read(view, at, False, glossed, plain)
        match = known.match(view, at)
        known_name = match is not None and match.end <= end and not match.value.needs_context
        if word.kind != "country" and match is not None and known_name:
            joined = match.prefix > 0 and view.words[at].startswith(letter("wa"))
            out.append(_Word("name", match.value.canonical, joined))
            at = match.end
            continue
        out.append(word)
        at += 1
    return out


@cache
def _named_heads() -> frozenset[str]:
    return frozenset(normalize(line) for line in load_lines("named_heads.txt"))


def _of_phrase(words: list[_Word]) -> str:
    """What a body or an office is of, in English order: each noun or name with its
    adjectives before it, "and" where the Arabic has و."""
    groups: list[list[str]] = []
    for word in words:
        if word.kind == "adjective" and groups and not word.joined:
            groups[-1].insert(0, word.english)
        elif word.joined and groups:
            groups.append(["and", word.english])
        else:
            groups.append([word.english])
    return _join([part for group in groups for part in group]) if groups else ""


def compose_portfolio(view: TextView, first: int, end: int) -> str | None:
    """The English of an office's field written without a head ("الخدمة المدنية" Civil
    Service, in "وزير الخدمة المدنية"), when every word is a glossary noun or adjective;
    else None (a name word is no field)."""
    words = [_read(view, at, at == first) for at in range(first, end)]
    if not words or any(word.kind not in ("noun", "adjective", "head") for word in words):
        return None
    if words[0].kind == "adjective":
        return None
    return _of_phrase(words)


def _join(parts: list[str]) -> str:
    text = " ".join(part for part in parts if part)
    return text[:1].upper() + text[1:]
