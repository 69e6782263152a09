"""Short forms: the last word of a person's name found in the article names that person
again ("أوستن" after "لويد ج. أوستن")."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from itertools import compress
from typing import TypeVar

from marsad.arabic.clitics import definite_article, readings
from marsad.arabic.view import TextView
from marsad.extract.entities.context import Placed, source_span, taken_tokens
from marsad.extract.entities.gazetteer import RULE as GAZETTEER_RULE
from marsad.extract.lexicon import (
    after_family,
    demonyms,
    name_particles,
    patronymic,
    stopwords,
    titles,
)
from marsad.model import Article, Entity

_NAME_CLASSES = frozenset({"adj", "name"})  # a family name is a nisba or a name
_DOMINANT = 2  # mentions, at least this many times another's, make the likelier owner


@dataclass(slots=True)
class _Owner:
    """A person whose full name ends with a family name: where it is named in full."""

    known: bool  # to the gazetteer
    at: list[int]  # first tokens of the full mentions, in order


def short_forms(article: Article, sc: TextView, placed: list[Placed]) -> list[Placed]:
    """Later mentions of a person by the last word of the name."""
    # last word -> canonical -> its owner, apart for names ending "آل X": such a person
    # is "آل الشيخ" again, never "الشيخ" or "سعود" alone, and a name that does not end so
    # is not "آل X" (the family) either
    owners: dict[bool, dict[str, dict[str, _Owner]]] = {False: {}, True: {}}
    for item in placed:
        if item.entity.type == "PER" and item.end - item.first >= 2:
            word = sc.words[item.end - 1]
            if patronymic(sc.words[item.end - 2]):
                continue  # "سلمان بن عبدالعزيز": عبدالعزيز alone is his father, not him
            if _servant(sc.words[item.end - 2]):
                continue  # "عبد العزيز" is one unit: "العزيز" alone is no one's name
            if not weak_family_name(word):
                people = owners[after_family(sc, item.end - 1)].setdefault(word, {})
                owner = people.setdefault(item.entity.canonical, _Owner(False, []))
                owner.known = owner.known or item.entity.rule == GAZETTEER_RULE
                owner.at.append(item.first)
    found = {clan: _last_name_tokens(sc.words, names) for clan, names in owners.items()}
    if not found[False] and not found[True]:
        return placed
    taken = taken_tokens(placed, len(sc.tokens))
    added: list[Placed] = []
    words = sc.words
    candidates = found[False].keys() | found[True].keys()
    for at in compress(range(len(words)), map(candidates.__contains__, words)):
        clan = after_family(sc, at)
        own = found[clan].get(words[at])
        if own is None or taken[at] or _title_before_name(sc, at, taken):
            continue
        prefix, word = own
        name_like = bool(sc.word_class(at).alternatives & _NAME_CLASSES)
        canonical = owner_at(owners[clan][word], at, name_like)
        if canonical is None:
            continue
        fused = len(words[at]) - prefix != len(word)
        span = source_span(sc, at, prefix, fused, at + 1)
        if not article.is_boilerplate(span):
            entity = Entity(span, span.slice(article.text), "PER", canonical, rule="short")
            added.append(Placed(entity, at, at + 1))
    return sorted(placed + added, key=lambda item: item.first)


def owner_at(people: Mapping[str, _Owner], at: int, name_like: bool) -> str | None:
    """Whom a family name at token ``at`` stands for: the sole owner of the name (the
    only one, or the only one the gazetteer knows: "الأسد" is Bashar al-Assad beside a
    cousin the model found). Among people the gazetteer does not know, the one named in
    full before it ("وأوضح الحربي" before a later "عبدالله الحربي"), or of several
    before it, the one named last when named at least twice as often as each other
    ("وأكد الجريسي" after the chairman's fifth mention and a relative's one), when the
    word may be a name (``name_like``: a nisba or a name, not "الرواية" after a model's
    name that ran into it). None when that leaves it ambiguous: two known people, or
    near counts."""
    sole = sole_owner({name: owner.known for name, owner in people.items()})
    if sole is not None or any(owner.known for owner in people.values()) or not name_like:
        return sole
    before = {name: owner for name, owner in people.items() if min(owner.at) < at}
    if len(before) <= 1:
        return next(iter(before), None)
    recent = max(before, key=lambda name: max(i for i in before[name].at if i < at))
    count = len(before[recent].at)
    if all(count >= _DOMINANT * len(o.at) for name, o in before.items() if name != recent):
        return recent
    return None


def _servant(token: str) -> bool:
    """عبد, with a clitic or not ("لعبد العزيز")."""
    for _prefix, word in readings(token):
        found = name_particles().get(word)
        if found is not None and found.role == "servant":
            return True
    return False


def _title_before_name(sc: TextView, at: int, taken: bytearray) -> bool:
    """A family name that is a title word, standing as the title of the name after it
    ("الشيخ عبدالعزيز" beside "عبدالعزيز آل الشيخ"; "وذكر المهندس عبر" stays a name)."""
    following = at + 1
    return (
        titles().starts(sc.words[at])
        and following < len(sc.words)
        and bool(taken[following])
        and not sc.gap(at, following).strip()
    )


Owner = TypeVar("Owner")


def sole_owner(people: Mapping[Owner, bool]) -> Owner | None:
    """The one person a shared last name stands for: the only one, else the only one the
    gazetteer knows ("كاميرون" is David Cameron, not a model's "شافعي كاميرون" that runs
    two names together); None when that leaves it ambiguous."""
    if len(people) == 1:
        return next(iter(people))
    known = [name for name, in_gazetteer in people.items() if in_gazetteer]
    return known[0] if len(known) == 1 else None


def weak_family_name(word: str) -> bool:
    """Not a family name alone: short, a function word, or a country's nisba. A common
    noun may be one ("المعلم" after "وليد المعلم", "المالكي"): measured on the dev set,
    guarding against nouns ("الفيلم" after "سيناريو الفيلم") lost more than it saved."""
    # a nisba of a country alone is the adjective ("الرئيس الأفغاني"), not "X al-Afghani"
    return len(word) < 3 or word in stopwords() or word in demonyms()


def _last_name_tokens(words: list[str], last_names: Collection[str]) -> dict[str, tuple[int, str]]:
    """Token -> (prefix length, word) of its first reading that is a last name."""
    # A reading is the token less a prefix, maybe with a restored ا or ال: every token
    # that has one ends with the name, or with the name less that ا or ال.
    if not last_names:
        return {}
    suffixes = tuple({_without_restorable(name) for name in last_names})
    found: dict[str, tuple[int, str]] = {}
    for token in set(words):
        if not token.endswith(suffixes):
            continue
        for prefix, word in readings(token):
            if word in last_names:
                found[token] = (prefix, word)
                break
    return found


def _without_restorable(name: str) -> str:
    """The name less what a clitic reading may restore (its ال, or the ا of it)."""
    the = definite_article()
    if name.startswith(the):
        return name[len(the) :]
    return name[1:] if name[0] == the[0] else name


def leave_short_forms(sc: TextView, placed: list[Placed], added: list[Placed]) -> list[Placed]:
    """Drop one-word model names that are the last word of a person named in full in the
    article ("كاميرون" after "ديفيد كاميرون"): ``short_forms`` links them to that person,
    whatever type the model guessed."""
    last_words = {
        sc.words[item.end - 1]
        for item in placed
        if item.entity.type == "PER" and item.end - item.first >= 2
    }
    return [
        item
        for item in added
        if item.end - item.first > 1 or sc.words[item.first] not in last_words
    ]
