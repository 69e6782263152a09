"""Token features for the CRF tagger, in named groups so each group's worth can be measured.

Groups: ``word`` (normalised form), ``affix`` (prefixes/suffixes), ``shape``, ``stem``
(clitic-stripped form), ``wordclass`` (``marsad.arabic.wordclass``: class, may-be-a-name,
how it was found), ``gazetteer`` (aliases.tsv; CLDR territories, cities, currencies and
languages), ``cluster`` (distributional word clusters from SaudiNewsNet) and ``context``
(the same facts about the neighbouring tokens). Every feature is a function of the folded
token (and its neighbours'), so the tagger reads the view's folded text directly.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

from marsad.arabic.clitics import proclitic_letters, rules, without_article
from marsad.arabic.normalize import normalize
from marsad.arabic.wordclass import classify
from marsad.resources import load_tsv

GROUPS = ("word", "affix", "shape", "stem", "wordclass", "gazetteer", "cluster", "context")

_MIN_STEM = 3
_ARABIC = re.compile(r"[\u0621-\u064a]")
_LATIN = re.compile(r"[a-z]")
_PUNCT = re.compile(r"^[^\w]+$")


def fold(token: str) -> str:
    """The matching form of a token (``marsad.arabic.normalize``)."""
    return normalize(token)


@cache
def _prefixes() -> tuple[str, ...]:
    """Attached clitic clusters, longest first: a conjunction (و ف), a preposition (ب ك)
    and the article, or the fusing ل alone or fused with the article (لل)."""
    clitic = rules()
    conjunctions = ("", *sorted(proclitic_letters("conjunction")))
    prepositions = ("", *sorted(proclitic_letters("preposition") - {clitic.fusing}))
    clusters = {c + p + a for c in conjunctions for p in prepositions for a in ("", clitic.article)}
    clusters |= {c + f for c in conjunctions for f in (clitic.fusing, clitic.fused_article)}
    return tuple(sorted(clusters, key=len, reverse=True))


def clitic_clusters() -> tuple[str, ...]:
    """The prefixes ``strip_clitics`` removes, and "" (none)."""
    return ("", *_prefixes())


@lru_cache(maxsize=200_000)
def strip_clitics(word: str) -> tuple[str, str]:
    """Split a folded word into (attached prefix clitics with article, stem).

    The stem keeps at least three letters, so short words are left whole.
    """
    for prefix in _prefixes():
        if prefix and word.startswith(prefix) and len(word) - len(prefix) >= _MIN_STEM:
            return prefix, word[len(prefix) :]
    return "", word


def _drop_article(word: str) -> str:
    return without_article(word, keep=2)


@lru_cache(maxsize=200_000)
def _candidates(word: str) -> tuple[str, ...]:
    """Every reading of a folded word with attached clitics and article removed."""
    out = [_drop_article(word)]
    for prefix in _prefixes():
        if prefix and word.startswith(prefix) and len(word) - len(prefix) >= 2:
            out.append(_drop_article(word[len(prefix) :]))
    return tuple(out)


@dataclass(frozen=True)
class Lexicon:
    """Gazetteer phrases (by folded, article-less first word) and word clusters."""

    phrases: dict[str, tuple[tuple[tuple[str, ...], str], ...]]
    clusters: dict[str, tuple[str, ...]]


def _phrase_key(text: str) -> tuple[str, ...]:
    words = [fold(word) for word in text.split()]
    return (_drop_article(words[0]), *words[1:]) if words else ()


def _corpus_names() -> tuple[tuple[str, ...], ...]:
    """Names grown from the Saudi corpus (ner_names.tsv), when present: the base model
    of ``scripts/train_ner.py`` is trained without them."""
    try:
        return load_tsv("ner_names.tsv", columns=2)
    except FileNotFoundError:
        return ()


@cache
def lexicon() -> Lexicon:
    """Load the gazetteers (aliases.tsv, ner_gazetteer.tsv, ner_currencies.tsv,
    ner_names.tsv) and the word clusters (ner_clusters.tsv) once."""
    entries: dict[tuple[str, ...], str] = {}
    for row in load_tsv("aliases.tsv", columns=3):
        entries.setdefault(_phrase_key(row[2]), row[0])
    for row in load_tsv("ner_gazetteer.tsv", columns=2):
        entries.setdefault(_phrase_key(row[1]), row[0])
    for row in load_tsv("ner_currencies.tsv", columns=1):
        entries.setdefault(_phrase_key(row[0]), "CUR")
    for row in _corpus_names():
        entries.setdefault(_phrase_key(row[1]), row[0])
    by_first: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for key, kind in entries.items():
        if key:
            by_first.setdefault(key[0], []).append((key, kind))
    phrases = {
        first: tuple(sorted(items, key=lambda item: (-len(item[0]), item[0])))
        for first, items in by_first.items()
    }
    clusters = {row[0]: tuple(row[1:]) for row in load_tsv("ner_clusters.tsv", columns=2)}
    return Lexicon(phrases=phrases, clusters=clusters)


# Cluster words are listed most frequent first; the top ones are common words, not names.
_COMMON_RANK = 1000


@cache
def common_words() -> frozenset[str]:
    """The most frequent folded, clitic-stripped words of the Saudi corpus."""
    return frozenset(row[0] for row in load_tsv("ner_clusters.tsv", columns=2)[:_COMMON_RANK])


@cache
def currency_forms() -> frozenset[str]:
    """Folded, article-less currency nouns (for relabelling training data)."""
    return frozenset(_phrase_key(row[0])[0] for row in load_tsv("ner_currencies.tsv", columns=1))


def is_currency(token: str) -> bool:
    forms = currency_forms()
    return any(candidate in forms for candidate in _candidates(fold(token)))


@lru_cache(maxsize=200_000)
def _phrases_from(word: str) -> tuple[tuple[tuple[str, ...], str], ...]:
    """Gazetteer phrases that may start at a folded word, in the order ``_phrase_at``
    tries them (most words start none)."""
    phrases = lexicon().phrases
    return tuple(item for candidate in _candidates(word) for item in phrases.get(candidate, ()))


def _phrase_at(words: Sequence[str], index: int) -> tuple[int, str]:
    """Length and type of the longest gazetteer phrase starting at ``index`` (0 if none)."""
    best = (0, "")
    for key, kind in _phrases_from(words[index]):
        end = index + len(key)
        fits = len(key) > best[0] and end <= len(words)
        if fits and all(words[index + k] == key[k] for k in range(1, len(key))):
            best = (len(key), kind)
    return best


def gazetteer_tags(words: Sequence[str]) -> list[str]:
    """Per folded token ``B-TYPE``/``I-TYPE`` of the longest gazetteer phrase there, else ''."""
    tags = [""] * len(words)
    index = 0
    while index < len(words):
        if not _phrases_from(words[index]):
            index += 1
            continue
        length, kind = _phrase_at(words, index)
        if length:
            tags[index] = "B-" + kind
            tags[index + 1 : index + length] = ["I-" + kind] * (length - 1)
        index += max(length, 1)
    return tags


def longest_phrase(word: str) -> int:
    """How many words the longest gazetteer phrase that may start at this folded word
    has (0: none starts there)."""
    return max((len(key) for key, _ in _phrases_from(word)), default=0)


def phrase_tags(words: Sequence[str]) -> list[str]:
    """``gazetteer_tags`` of the longest phrase starting at ``words[0]`` alone: its
    ``B-``/``I-`` tags, or [] when none starts there."""
    length, kind = _phrase_at(words, 0)
    return ["B-" + kind] + ["I-" + kind] * (length - 1) if length else []


def gazetteer_kinds() -> frozenset[str]:
    """Every type a gazetteer phrase may carry."""
    return frozenset(kind for items in lexicon().phrases.values() for _, kind in items)


def _shape(token: str) -> str:
    if token.isdigit():
        return "digit"
    if _PUNCT.match(token):
        return "punct"
    if _ARABIC.search(token):
        return "arabic"
    if _LATIN.search(token):
        return "latin"
    return "other"


@dataclass(frozen=True)
class _WordFacts:
    """Everything about one token that does not depend on its neighbours (cached)."""

    word: str
    own: tuple[str, ...]
    # The token's facts as seen from a neighbour, keyed by offset (-2, -1, 1, 2).
    as_neighbour: dict[int, tuple[str, ...]]


OFFSETS = (-2, -1, 1, 2)
# Features a token also shows its neighbours, as "{offset}:{feature}".
CONTEXT_KEYS = ("w=", "stem=", "cl1=", "shape=", "clitic=", "wc=", "wcname")


@lru_cache(maxsize=200_000)
def word_facts(token: str, groups: frozenset[str]) -> _WordFacts:
    word, feats = word_features(token, groups)
    brief = [f for f in feats if f.startswith(CONTEXT_KEYS)]
    as_neighbour = {offset: tuple(f"{offset}:{f}" for f in brief) for offset in OFFSETS}
    return _WordFacts(word=word, own=feats, as_neighbour=as_neighbour)


def word_features(token: str, groups: frozenset[str]) -> tuple[str, tuple[str, ...]]:
    """A token's folded form and its own features (those that ignore its neighbours)."""
    word = fold(token)
    prefix, stem = strip_clitics(word)
    feats: list[str] = []
    if "word" in groups:
        feats.append("w=" + word)
    if "affix" in groups:
        feats.extend(("p2=" + word[:2], "p3=" + word[:3], "s1=" + word[-1:]))
        feats.extend(("s2=" + word[-2:], "s3=" + word[-3:]))
    if "shape" in groups:
        feats.append("shape=" + _shape(word))  # of the folded form: the tagger reads folded text
        feats.append("len=" + str(min(len(word), 8)))
        if any(char.isdigit() for char in word):
            feats.append("has_digit")
    if "stem" in groups:
        feats.extend(("stem=" + stem, "clitic=" + prefix, "sp3=" + stem[:3], "ss3=" + stem[-3:]))
    if "wordclass" in groups:
        feats.extend(_word_class_features(word))
    if "cluster" in groups:
        ids = lexicon().clusters.get(stem)
        if ids is None:
            feats.append("cl=unk")
        else:
            feats.extend(f"cl{level}={cid}" for level, cid in enumerate(ids))
    return word, tuple(feats)


def _word_class_features(word: str) -> list[str]:
    """What the word-class layer knows of the word: its likeliest class, whether it may be
    a proper name, how it was found (lexicon, rule, guess), the article, number, a suffix."""
    found = classify(word)
    feats = ["wc=" + found.pos, "wcsrc=" + found.source]
    if "name" in found.alternatives:
        feats.append("wcname")
    if found.definite:
        feats.append("wcdef")
    if found.number:
        feats.append("wcnum=" + found.number)
    if found.enclitic:
        feats.append("wcenc")
    return feats


def sentence_features(tokens: Sequence[str], groups: Iterable[str] = GROUPS) -> list[list[str]]:
    """One feature list per token (pycrfsuite's ``name=value`` strings)."""
    active = frozenset(groups)
    facts = [word_facts(token, active) for token in tokens]
    words = [fact.word for fact in facts]
    gaz = gazetteer_tags(words) if "gazetteer" in active else [""] * len(tokens)
    context = "context" in active
    out = []
    last = len(tokens) - 1
    for index, fact in enumerate(facts):
        row = ["bias", *fact.own]
        if gaz[index]:
            row.extend(("gaz=" + gaz[index], "gaz_type=" + gaz[index][2:]))
        if context:
            # Neighbours contribute identity, stem, coarse cluster, shape and gazetteer.
            for offset in OFFSETS:
                other = index + offset
                if 0 <= other <= last:
                    row.extend(facts[other].as_neighbour[offset])
                    if gaz[other]:
                        row.append(f"{offset}:gaz={gaz[other]}")
                else:
                    row.append(f"{offset}:edge")
            if index > 0:
                row.append(f"w-1|w={words[index - 1]}|{words[index]}")
            if index < last:
                row.append(f"w|w+1={words[index]}|{words[index + 1]}")
        out.append(row)
    return out
