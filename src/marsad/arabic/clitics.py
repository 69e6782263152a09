"""Clitic readings of a folded token: proclitics before the word, the article, pronouns.

A token such as "وبالبنتاغون" can be read as a prefix ("وب") plus a word ("البنتاغون");
``readings`` lists every reading. A proclitic ending in ل fuses with the article ال
("للحرة" = ل + الحرة), so that reading restores the ال. The letters and rules come from
``clitics.txt``, ``clitic_rules.tsv``, ``proclitic_kinds.tsv`` and ``enclitics.tsv``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, lru_cache

from marsad.arabic.normalize import normalize
from marsad.resources import load_lines, load_tsv


@dataclass(frozen=True, slots=True)
class CliticRules:
    article: str  # "ال", folded
    fusing: str  # the letter that fuses with the article ("ل")
    both_ways: str  # a proclitic that is also an enclitic ("ك")
    preposition_before: str  # the word after which ``both_ways`` is the proclitic ("ما")

    @property
    def fused_article(self) -> str:
        """The article as written after the fusing letter: "لل" (ل + ال)."""
        return self.fusing + self.article[len(self.article) - 1 :]


@cache
def rules() -> CliticRules:
    found = {row[0]: normalize(row[1]) for row in load_tsv("clitic_rules.tsv", columns=2)}
    return CliticRules(
        found["article"], found["fusing"], found["both-ways"], found["preposition-before"]
    )


def definite_article() -> str:
    """The definite article, folded."""
    return rules().article


@cache
def proclitics() -> tuple[str, ...]:
    """Folded proclitic prefixes (clitics.txt), longest first."""
    forms = {normalize(line) for line in load_lines("clitics.txt")}
    return tuple(sorted(forms, key=len, reverse=True))


@cache
def proclitic_letters(kind: str | None = None, use: str | None = None) -> frozenset[str]:
    """One-letter proclitics, all or of one kind ("conjunction": و ف; "preposition": ب ل
    ك), or those a layer reads for ``use`` (proclitic_kinds.tsv)."""
    rows = load_tsv("proclitic_kinds.tsv", columns=3)[1:]  # a header row first
    return frozenset(
        normalize(letter)
        for letter, found, uses, *_ in rows
        if kind in (None, found) and (use is None or use in uses.split(","))
    )


@cache
def enclitics(use: str | None = None) -> tuple[str, ...]:
    """Folded pronoun suffixes (enclitics.tsv), all or those a layer reads for ``use``
    ("cue-ending", "not-a-name"), longest first."""
    forms = {
        normalize(row[0])
        for row in load_tsv("enclitics.tsv", columns=5)
        if use is None or use in row[4].split(",")
    }
    return tuple(sorted(forms, key=lambda form: (-len(form), form)))


@cache
def enclitics_of_person(person: int) -> frozenset[str]:
    """Folded pronoun suffixes of one grammatical person (enclitics.tsv): 3 is ه، ها، هم ..."""
    return frozenset(
        normalize(row[0]) for row in load_tsv("enclitics.tsv", columns=5) if row[1] == str(person)
    )


@lru_cache(maxsize=65536)
def readings(token: str) -> tuple[tuple[int, str], ...]:
    """``(prefix length, word)`` readings of a folded token, the whole token first.

    The word keeps at least two letters. For a prefix ending in ل before a word starting
    with ل, the fused article is restored: "للحره" also reads as (1, "الحره"), and
    "للجنه" as (1, "اللجنه") (the article's lam merges with the word's own lam).
    """
    out: list[tuple[int, str]] = [(0, token)]
    fusing, the = rules().fusing, rules().article
    for prefix in proclitics():
        if len(token) - len(prefix) < 2 or not token.startswith(prefix):
            continue
        rest = token[len(prefix) :]
        out.append((len(prefix), rest))
        if prefix.endswith(fusing) and rest.startswith(fusing) and len(rest) > 2:
            out.append((len(prefix), the[:-1] + rest))  # للحرة = ل + الحرة
            out.append((len(prefix), the + rest))  # للجنة = ل + اللجنة
    return tuple(out)


def unfused(token: str, attested: Callable[[str], bool]) -> str | None:
    """The word a token opened by ل and a second ل stands for, or None for other tokens:
    the word with its article restored ("للقذافي": القذافي, the common case), or the word
    that begins with ل itself when only that one is ``attested`` ("لليفربول": ليفربول)."""
    fused = rules().fused_article
    if not token.startswith(fused) or len(token) - len(fused) < 2:
        return None
    with_article = rules().article + token[len(fused) :]
    own = token[len(rules().fusing) :]
    return own if attested(own) and not attested(with_article) else with_article


def unfused_written(written: str, word: str) -> str:
    """``written`` (a token as written, opened by the fused ل) without that ل: with its
    article's ا restored when ``word``, its ``unfused`` reading, has the article ("للدوري"
    is written "الدوري"), else as the ل-word ("لليفربول": "ليفربول")."""
    the = rules().article
    return the[0] + written[1:] if word.startswith(the) else written[1:]


def attach(prefix: str, word: str) -> str:
    """``prefix`` written on ``word``: ل + الشيء is written للشيء (the inverse of a
    reading)."""
    the = rules().article
    if prefix.endswith(rules().fusing) and word.startswith(the):
        return prefix + word[len(the) - 1 :]
    return prefix + word


def fused_article(token: str, prefix_length: int, word: str) -> bool:
    """True when ``word`` restored an ال that the text fused with a clitic ل."""
    return len(token) - prefix_length != len(word)


def without_article(word: str, keep: int = 2) -> str:
    """``word`` without its ال when at least ``keep`` letters remain, else ``word``."""
    the = rules().article
    return word[len(the) :] if word.startswith(the) and len(word) - len(the) >= keep else word


@lru_cache(maxsize=65536)
def written_forms(word: str) -> frozenset[str]:
    """Every token whose ``readings`` include the folded ``word``: the word itself, with
    each proclitic, and with a proclitic ل fused with its article ("للحره", "للجنه")."""
    fusing, the = rules().fusing, rules().article
    forms = {word}
    for prefix in proclitics():
        if len(word) >= 2:
            forms.add(prefix + word)
        if prefix.endswith(fusing) and word.startswith(the):
            if len(word) > 3:
                forms.add(prefix + word[len(the) - 1 :])  # ل + الحرة is written للحرة
            if len(word) > 4 and word[len(the)] == fusing:
                forms.add(prefix + word[len(the) :])  # ل + اللجنة is written للجنة
    return frozenset(forms)
