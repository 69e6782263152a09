"""The word class of a folded token: what a reader knows without a parser.

``classify`` reads one folded word token (``marsad.arabic.normalize``) in four steps, and
stops at the first that explains it:

1. the packaged lexicon (``wordclass_store``: arramooz nouns and verbs, every verb fully
   conjugated, its closed class and proper names), under every clitic reading of the token
   (و ف ب ل ك and their pairs), with or without the article ال;
2. the same with a pronoun suffix stripped (سياسته، أكدوها، عليه);
3. affix rules for a word the lexicon does not know (wordclass_affixes.tsv): the article,
   noun endings (ات ون ين ان ية), an imperfect prefix with a verb ending;
4. otherwise a likely proper name.

A form with several readings (علم: noun or verb) gets the one the word-frequency list
ranks first as ``pos`` and every class it can have in ``alternatives``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, lru_cache

from marsad.arabic.clitics import proclitics, readings
from marsad.arabic.normalize import normalize
from marsad.arabic.wordclass_affixes import affix_rows, letter, single
from marsad.arabic.wordclass_store import store
from marsad.resources import load_tsv

_TENSES = {"p": "perfect", "i": "imperfect", "m": "imperative"}
_NUMBERS = {"s": "sg", "d": "du", "p": "pl"}
_GENDERS = {"m": "m", "f": "f"}
_PLURALS = {"s": "sound", "b": "broken"}
_CLASSES = {"V": "verb", "N": "noun", "A": "adj", "M": "name", "P": "particle", "R": "pronoun"}
Finder = Callable[[str, str], "WordClass | None"]
_NOMINAL = frozenset({"noun", "adj", "name", "number"})


@dataclass(frozen=True, slots=True)
class WordClass:
    pos: str  # verb | noun | adj | number | particle | pronoun | name | digit | foreign | unknown
    alternatives: frozenset[str]  # every pos the form can have (علم: noun, verb)
    tense: str | None  # verbs: perfect | imperfect | imperative
    person: int | None  # 1 | 2 | 3
    gender: str | None  # m | f
    number: str | None  # sg | du | pl
    definite: bool
    proclitic: str  # folded proclitics stripped ("وب"), the article not included
    stem: str  # folded word without proclitics, article or pronoun suffix
    source: str  # lexicon | closed-class | rule | guess | form
    enclitic: str = ""  # folded pronoun suffix stripped ("ها")
    plural: str | None = None  # nouns and adjectives in the plural: sound | broken


@dataclass(frozen=True, slots=True)
class _Reading:
    """One reading code of the lexicon, parsed."""

    pos: str
    closed: bool
    tense: str | None = None
    person: int | None = None
    gender: str | None = None
    number: str | None = None
    plural: str | None = None


@cache
def _parse(code: str) -> _Reading:
    if code[0] == "C":  # the closed class: C then the class letter
        return _Reading(_CLASSES[code[1]], True)
    if code[0] in "Vv":  # v: a verb of the closed class (كان وأخواتها)
        person = int(code[2]) if code[2].isdigit() else None
        gender, number = _GENDERS.get(code[3]), _NUMBERS.get(code[4])
        return _Reading("verb", code[0] == "v", _TENSES.get(code[1]), person, gender, number)
    pos = _CLASSES[code[0]]
    if pos in ("noun", "adj"):
        return _Reading(
            pos,
            False,
            None,
            None,
            _GENDERS.get(code[1]),
            _NUMBERS.get(code[2]),
            _PLURALS.get(code[3]),
        )
    return _Reading(pos, False)


@cache
def _readings_of(codes: str) -> tuple[_Reading, ...]:
    return tuple(_parse(code) for code in codes.split())


@cache
def _number_words() -> frozenset[str]:
    """Single number words (ثلاثه، عشرين، الف، مليون) from the numeral resources."""
    words: set[str] = set()
    kinds = {"cardinal", "tens", "hundreds", "scale", "vague"}
    for name in ("number_words.tsv", "quantity_words.tsv"):
        for _value, kind, surface, *_rest in load_tsv(name, columns=3):
            if kind in kinds and " " not in surface:
                words.add(normalize(surface))
    return frozenset(words)


@cache
def _enclitics() -> tuple[str, ...]:
    return tuple(sorted({row[0] for row in affix_rows()["enclitic"]}, key=len, reverse=True))


@cache
def _preposition_letters() -> frozenset[str]:
    """Proclitic letters that make the word the object of a preposition (ب ل ك)."""
    rows = load_tsv("proclitic_kinds.tsv", columns=2)[1:]
    return frozenset(normalize(row[0]) for row in rows if row[1] == "preposition")


def _allowed(found: tuple[_Reading, ...], proclitic: str, definite: bool) -> tuple[_Reading, ...]:
    """The readings that fit the prefixes: no verb after ال, ب or ك; after ل only a
    third-person imperfect (ليقول; a first-person لنقل is rare in news, a split name not)."""
    if definite:
        return tuple(r for r in found if r.pos in _NOMINAL and (r.pos == "number" or not r.closed))
    if not proclitic or not (set(proclitic) & _preposition_letters()):
        return found
    lam_ok = proclitic.endswith(letter("lam"))
    return tuple(
        r for r in found if r.pos != "verb" or (lam_ok and r.tense == "imperfect" and r.person == 3)
    )


def _make(
    found: tuple[_Reading, ...],
    proclitic: str,
    stem: str,
    definite: bool,
    enclitic: str = "",
    source: str | None = None,
) -> WordClass:
    best = found[0]
    return WordClass(
        pos=best.pos,
        alternatives=frozenset(r.pos for r in found),
        tense=best.tense,
        person=best.person,
        gender=best.gender,
        number=best.number,
        definite=definite,
        proclitic=proclitic,
        stem=stem,
        source=source or ("closed-class" if best.closed else "lexicon"),
        enclitic=enclitic,
        plural=best.plural,
    )


def _number_reading(word: str) -> tuple[_Reading, ...]:
    return (_Reading("number", True),) if word in _number_words() else ()


def _lookup(word: str) -> tuple[_Reading, ...]:
    codes = store().lookup(word)
    found = _readings_of(codes) if codes else ()
    number = _number_reading(word)
    return (
        number
        + tuple(r for r in found if r.pos not in ("noun", "adj"))
        + tuple(r for r in found if r.pos in ("noun", "adj"))
        if number
        else found
    )


def listed_classes(word: str) -> frozenset[str]:
    """The classes the lexicon lists the folded form under as it is, no clitic or suffix
    stripped (empty when it lists none): "فتره" is the noun فترة, "عيده" is not listed."""
    return frozenset(reading.pos for reading in _lookup(word))


def _accusative(word: str) -> tuple[_Reading, ...]:
    """A noun or adjective with the accusative alef of tanwin (نظرا، مؤكدا، سريعا)."""
    if not word.endswith(letter("alef")) or len(word) < 4:
        return ()
    if word[-2] == letter("ta_marbuta"):
        return ()  # ...ها is a pronoun suffix: ة takes no alef with tanwin
    return tuple(r for r in _lookup(word[:-1]) if r.pos in ("noun", "adj") and r.number == "sg")


def _direct(proclitic: str, word: str) -> WordClass | None:
    """The lexicon reading of ``word`` as ال + stem, as written, or as س + imperfect verb.

    An accusative noun (نظرا) outranks the dual verb of the same letters (نظرا "they two
    looked"): news text has far more of the first.
    """
    found = _allowed(_lookup(word), proclitic, False)
    if not found or _article_may_win(found[0]):
        definite = _with_article(proclitic, word)
        if definite is not None:
            return definite
    accusative = _allowed(_accusative(word), proclitic, False)
    if accusative and not (found and (found[0].closed or found[0].number != "du")):
        return _make(accusative + found, proclitic, word[:-1], False)
    if found:
        return _make(found, proclitic, word, False)
    future = single("future")
    if word.startswith(future) and len(word) > 3:
        verbs = tuple(r for r in _lookup(word[1:]) if r.tense == "imperfect")
        if verbs and not set(proclitic) & _preposition_letters():
            return _make(verbs, proclitic + future, word[1:], False)
    return None


def _article_may_win(best: _Reading) -> bool:
    """التقى is a verb, not ال + تقي; الفتن (an imperative) and الاراضي are ال + noun."""
    if best.closed:
        return False
    return best.pos != "verb" or best.person != 3 or best.tense == "imperative"


def _with_article(proclitic: str, word: str) -> WordClass | None:
    """ال + a nominal stem. Tried before the whole word, which the dictionary sometimes
    lists with its article (الاراضي) or reads as a verb (الفتن), but after the closed
    class (الذي، الان)."""
    article = single("article")
    if word.startswith(article) and len(word) - len(article) >= 2:
        stem = word[len(article) :]
        found = _allowed(_lookup(stem), proclitic, True)
        if found:
            return _make(found, proclitic, stem, True)
    return None


def _bases(base: str) -> tuple[str, ...]:
    """The word a pronoun suffix was written on: سياست+ه -> سياسه، مسؤولي+ه -> مسؤولين."""
    out = [base]
    if base.endswith(letter("ta")):
        out.append(base[:-1] + letter("ta_marbuta"))
    if base.endswith((letter("alef"), letter("ya"), letter("waw"))):
        out.append(base + letter("nun"))  # the dual and plural ن drops before a suffix
    if base.endswith(letter("waw")):
        out.append(base + letter("alef"))  # قالوا + ه -> قالوه
    return tuple(out)


def _with_suffix(base: str, proclitic: str) -> tuple[_Reading, ...]:
    return tuple(r for r in _allowed(_lookup(base), proclitic, False) if r.pos != "name")


def _perfect_3fs(found: tuple[_Reading, ...]) -> bool:
    """أعلنتها: the verb أعلنت + ها keeps its verb reading over a noun in ة."""
    best = found[0]
    return best.tense == "perfect" and best.person == 3 and best.gender == "f"


def _with_enclitic(proclitic: str, word: str) -> WordClass | None:
    if word.startswith(single("article")):
        return None
    for enclitic in _enclitics():
        if not word.endswith(enclitic) or len(word) - len(enclitic) < 2:
            continue
        base_word = word[: -len(enclitic)]
        bases = _bases(base_word)
        if enclitic == letter("ha") and base_word.endswith(letter("ya")):
            bases = bases[:1] + bases[2:]  # ...يه is the nisba ending ية far more than ين + ه
        found_bases = [(base, _with_suffix(base, proclitic)) for base in bases]
        found_bases = [(base, found) for base, found in found_bases if found]
        if not found_bases:
            continue
        base, found = found_bases[0]
        if len(found_bases) > 1 and base.endswith(letter("ta")) and not _perfect_3fs(found):
            base, found = found_bases[1]  # نيتها: نية + ها, not a verb نيت + ها
        if enclitic == letter("ha") and found[0].pos == "adj":
            # an adjective takes no possessor: its ه is the folded ة (تكفيرية، مفخخة)
            feminine = _Reading("adj", False, None, None, "f", "sg")
            return _make((feminine, *found), proclitic, word, False)
        return _make(found, proclitic, base, False, enclitic)
    return None


@cache
def _noun_endings() -> tuple[tuple[str, _Reading], ...]:
    rows = affix_rows()["rule_noun_ending"]
    return tuple(
        (ending, _Reading(pos, False, None, None, gender, number, _PLURALS.get(kind)))
        for ending, pos, gender, number, kind in rows
    )


@cache
def _verb_rules() -> tuple[dict[str, tuple[int, str | None]], dict[str, tuple[str, str, str]]]:
    prefixes = {
        p: (int(person), _GENDERS.get(g)) for p, person, g in affix_rows()["rule_imperfect"]
    }
    endings = {e: (g, n, prefixes) for e, g, n, prefixes in affix_rows()["rule_verb_ending"]}
    return prefixes, endings


def _rule_verb(word: str) -> _Reading | None:
    """An imperfect verb the lexicon lacks: prefix, three or more letters, verb ending."""
    prefixes, endings = _verb_rules()
    future = single("future")
    if word.startswith(future) and word[1:2] in prefixes:
        word = word[1:]
        future_marked = True
    else:
        future_marked = False
    if word[:1] not in prefixes:
        return None
    person, gender = prefixes[word[:1]]
    for ending, (ending_gender, number, allowed) in endings.items():
        if word[0] not in allowed:
            continue  # نـ...ون is no verb: the first person has no plural ending
        if word.endswith(ending) and len(word) - 1 - len(ending) >= 3:
            return _Reading("verb", False, "imperfect", person, ending_gender, number)
    if future_marked and len(word) >= 4:
        return _Reading("verb", False, "imperfect", person, gender, "sg")
    return None


def _rule_perfect(word: str) -> _Reading | None:
    for ending, person, gender, number in affix_rows()["rule_perfect_ending"]:
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            return _Reading("verb", False, "perfect", int(person), _GENDERS.get(gender), number)
    return None


def _rule_noun(word: str) -> _Reading | None:
    for ending, reading in _noun_endings():
        if word.endswith(ending) and len(word) - len(ending) >= 2:
            return reading
    return None


def _by_rule(proclitic: str, word: str) -> WordClass | None:
    article = single("article")
    if word.startswith(article) and len(word) - len(article) >= 2:
        stem = word[len(article) :]
        definite = _rule_noun(stem) or _Reading("noun", False)
        return _make((definite,), proclitic, stem, True, source="rule")
    verb = None if set(proclitic) & _preposition_letters() else _rule_verb(word)
    reading = verb or _rule_perfect(word) or _rule_noun(word)
    if reading is None:
        return None
    return _make((reading,), proclitic, word, False, source="rule")


def _name_reading(token: str) -> tuple[str, str]:
    """(proclitic, name) of an unexplained word: only و is split off, and only before a
    name of four letters or more (ولید and بدر keep their first letter)."""
    waw = letter("waw")
    if token.startswith(waw) and len(token) >= 5 and waw in proclitics():
        return waw, token[1:]
    return "", token


def _unexplained(token: str) -> WordClass:
    if not token.isalpha():
        return _shape(token, "unknown")
    if token in proclitics():  # a conjunction written apart: "و «إل تي»"
        return WordClass(
            "particle",
            frozenset({"particle"}),
            None,
            None,
            None,
            None,
            False,
            "",
            token,
            "closed-class",
        )
    if len(token) < 2 or not _arabic(token):
        return _shape(token, "foreign" if token.isascii() else "unknown")
    proclitic, name = _name_reading(token)
    return WordClass(
        "name", frozenset({"name"}), None, None, None, None, False, proclitic, name, "guess"
    )


def _arabic(token: str) -> bool:
    return all(0x0600 <= ord(char) <= 0x06FF for char in token)  # the Arabic block


def _shape(token: str, pos: str) -> WordClass:
    return WordClass(pos, frozenset({pos}), None, None, None, None, False, "", token, "form")


@lru_cache(maxsize=1 << 18)  # the 5,996 sample articles hold ~129k distinct tokens
def classify(token: str) -> WordClass:
    """The word class of one folded word token (cached per distinct token)."""
    if not token:
        return _shape(token, "unknown")
    if token[0].isdigit():
        return _shape(token, "digit")
    if token.isascii():
        return _shape(token, "foreign" if token.isalpha() else "unknown")
    if _arabic(token):
        return _from_readings(token) or _unexplained(token)
    return _unexplained(token)


def _first(finder: Finder, token: str, split: tuple[tuple[int, str], ...]) -> WordClass | None:
    for length, word in split:
        found = finder(token[:length], word)
        if found is not None:
            return found
    return None


def _closed_with_enclitic(proclitic: str, word: str) -> WordClass | None:
    """A closed-class word with a third- or second-person suffix (عليه، فيها، انهم); a
    first-person ي is rarer in news than the nisba ي of the open reading (امني)."""
    found = _with_enclitic(proclitic, word)
    if found is None or found.source != "closed-class" or _first_person(found.enclitic):
        return None
    return found


@cache
def _first_person(enclitic: str) -> bool:
    return any(row[0] == enclitic and row[1] == "1" for row in affix_rows()["enclitic"])


def _closed_direct(proclitic: str, word: str) -> WordClass | None:
    found = _direct(proclitic, word)
    return found if found is not None and found.source == "closed-class" else None


def _ordered(token: str) -> tuple[tuple[int, str], ...]:
    """Clitic readings, shortest proclitic first; after ل, the restored article first
    (للهويه: ل + الهويه before ل + لهويه)."""
    return tuple(sorted(readings(token), key=lambda r: (r[0], r[1] == token[r[0] :])))


def _from_readings(token: str) -> WordClass | None:
    """The lexicon, then pronoun suffixes, then rules, over the clitic readings of a token
    (shortest proclitic first).

    A closed-class reading beats an open-class one when it has a pronoun suffix (عليه is
    على + ه before the adjective عليّة; وانه is و + أن + ه before a verb), or when the
    open-class reading is a verb (وفي is و + في before the verb وفى).
    """
    split = _ordered(token)
    found = _first(_direct, token, split)
    if found is not None and found.source != "closed-class":
        closed = _first(_closed_with_enclitic, token, split)
        if closed is None and found.pos == "verb":
            closed = _first(_closed_direct, token, split[1:])
        if closed is not None:
            return closed
    return found or _first(_with_enclitic, token, split) or _first(_by_rule, token, split)
