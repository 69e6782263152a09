"""One identity per person or body in an article: the names that refer to the same one,
its fullest Arabic name, the Latin name shown and where it comes from, a stable id.

Mentions of a person join when one name is the other's shorter form: the same first and
last word ("عادل الجبير" and "عادل بن أحمد الجبير"), or the start of it ("سلمان بن
عبدالعزيز" and "سلمان بن عبدالعزيز آل سعود"); a lone family name was already linked by
``short_forms``. A first name must agree: "عبدالعزيز" alone never joins "سلمان بن
عبدالعزيز". Other types join on the same words, or the same gazetteer entry. The group's
Latin name is the gazetteer's when one of its names is known, else the romanisation of
its fullest name; its Arabic name is that fullest name as written.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from functools import cache

from marsad.arabic.clitics import definite_article, rules, unfused, unfused_written
from marsad.arabic.view import TextView
from marsad.extract.entities.compose import compose
from marsad.extract.entities.context import Placed
from marsad.extract.entities.gazetteer import RULE as GAZETTEER_RULE
from marsad.extract.entities.latin import (
    GAZETTEER,
    ROMANISED,
    attested,
    romanise,
    romanise_person,
)
from marsad.extract.entities.short_forms import sole_owner, weak_family_name
from marsad.extract.lexicon import gazetteer_surfaces, patronymic
from marsad.model import Entity

_KNOWN_RULES = frozenset({GAZETTEER_RULE})


def _words(view: TextView, item: Placed) -> tuple[str, ...]:
    words = view.words[item.first : item.end]
    first = _unfused_first(view, item)
    return (first, *words[1:]) if first is not None else tuple(words)


def _unfused_first(view: TextView, item: Placed) -> str | None:
    """The first word of a name opened by ل fused with its article ("للقذافي"), as the
    name is ("القذافي"), or None: the preposition is no part of the name."""
    start = view.folded_index(item.entity.span.start)
    token = view.folded[start : view.ends[item.first]]
    if not token.startswith(rules().fused_article):
        return None
    # not "a token لX elsewhere in the text": "لاتحاد الكرة" is ل + اتحاد as well
    return unfused(token, attested)


def _written_name(view: TextView, item: Placed) -> str:
    """The name as written, without a ل fused with its article: "للدوري الإنجليزي" is
    "الدوري الإنجليزي" (its ا restored), "لليفربول" is "ليفربول"."""
    first = _unfused_first(view, item)
    return item.entity.text if first is None else unfused_written(item.entity.text, first)


def _same_person(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    if len(short) < 2 or len(short) > len(long):
        return False
    if long[: len(short)] == short:
        return True
    return short[0] == long[0] and short[-1] == long[-1]


class _Groups:
    """Union-find over the mentions of one article."""

    def __init__(self, count: int) -> None:
        self.parent = list(range(count))

    def find(self, index: int) -> int:
        while self.parent[index] != index:
            self.parent[index] = self.parent[self.parent[index]]
            index = self.parent[index]
        return index

    def join(self, left: int, right: int) -> None:
        self.parent[self.find(left)] = self.find(right)


def _stable_id(*parts: str) -> str:
    digest = hashlib.sha1("\x1f".join(parts).encode("utf-8"), usedforsecurity=False)
    return digest.hexdigest()[:12]


@cache
def _primary_surfaces() -> dict[tuple[str, str], str]:
    """(type, canonical) -> the first Arabic surface the gazetteer lists for it."""
    out: dict[tuple[str, str], str] = {}
    for kind, canonical, surface in gazetteer_surfaces():
        out.setdefault((kind, canonical), surface)
    return out


def known_identity(entity: Entity) -> None:
    """Name a mention of a gazetteer entry (its canonical set) as every mention of it is
    named: its Arabic name from the gazetteer, and the entry's id."""
    entity.canonical_ar = _primary_surfaces().get((entity.type, entity.canonical), entity.text)
    entity.name_source = GAZETTEER
    entity.id = _stable_id(entity.type, "gazetteer", entity.canonical)


def assign_identities(view: TextView, placed: Sequence[Placed]) -> None:
    """Fill ``canonical``, ``canonical_ar``, ``name_source`` and ``id`` of every mention."""
    words = [_words(view, item) for item in placed]
    groups = _Groups(len(placed))
    by_key: dict[tuple[str, str], int] = {}
    by_canonical: dict[tuple[str, str], int] = {}
    for index, item in enumerate(placed):
        entity = item.entity
        if entity.rule == "short":
            continue
        if entity.rule in _KNOWN_RULES:
            key = (entity.type, "=" + entity.canonical)  # the same gazetteer entry
        else:
            key = (entity.type, " ".join(words[index]))
        if key in by_key:
            groups.join(index, by_key[key])
        else:
            by_key[key] = index
        by_canonical.setdefault((entity.type, entity.canonical), index)
    for index, item in enumerate(placed):
        if item.entity.rule == "short":  # a family name linked to the full name it repeats
            full = by_canonical.get((item.entity.type, item.entity.canonical))
            if full is not None:
                groups.join(index, full)
    people = [i for i, item in enumerate(placed) if item.entity.type == "PER"]
    for short in people:
        for long in people:
            if short != long and _same_person(words[short], words[long]):
                groups.join(short, long)
    _join_family_names(placed, people, words, groups)
    _join_body_heads(placed, words, groups)
    members: dict[int, list[int]] = {}
    for index in range(len(placed)):
        members.setdefault(groups.find(index), []).append(index)
    for group in members.values():
        _name_group(view, placed, words, group)


def _join_family_names(
    placed: Sequence[Placed], people: list[int], words: list[tuple[str, ...]], groups: _Groups
) -> None:
    """ "وقال بن صقر" after "عبدالعزيز بن صقر", "أشار الكندي" after "علي الكندي": a person
    named by the end of one other person's fuller name is that person. The end is a family
    name: a lone last word not after بن ("عبدالعزيز" is Salman bin Abdulaziz's father), or
    a run from a particle on ("بن صقر", "عبد الرحمن"); two people sharing it leave it alone."""
    owners: dict[tuple[str, ...], dict[int, bool]] = {}  # tail -> group -> gazetteer-known
    for long in people:
        name = words[long]
        for cut in range(1, len(name)):
            tail = name[cut:]
            if len(tail) == 1 and (patronymic(name[cut - 1]) or weak_family_name(tail[0])):
                continue
            found = owners.setdefault(tail, {})
            group = groups.find(long)
            found[group] = found.get(group, False) or placed[long].entity.rule in _KNOWN_RULES
    for short in people:
        candidates = owners.get(words[short])
        if not candidates:
            continue
        owner = sole_owner(candidates)
        if owner is not None:
            groups.join(short, owner)


def _join_body_heads(
    placed: Sequence[Placed], words: list[tuple[str, ...]], groups: _Groups
) -> None:
    """ "وقال المرصد" after "المرصد السوري لحقوق الإنسان": a lone definite word that opens
    the name of exactly one body of the article is that body (whatever type the model
    gave the lone word)."""
    the = definite_article()
    bodies: dict[str, set[int]] = {}
    for index, item in enumerate(placed):
        if item.entity.type == "ORG" and len(words[index]) > 1:
            bodies.setdefault(words[index][0], set()).add(groups.find(index))
    for index, item in enumerate(placed):
        found = words[index]
        if len(found) != 1 or not found[0].startswith(the) or item.entity.rule in _KNOWN_RULES:
            continue
        if item.entity.rule == "short":
            continue  # a person's family name ("الكثيري"), not the body named after it
        owners = bodies.get(found[0], set())
        if len(owners) == 1:
            (owner,) = owners
            groups.join(index, owner)
            item.entity.type = "ORG"


def _name_group(
    view: TextView, placed: Sequence[Placed], words: list[tuple[str, ...]], group: list[int]
) -> None:
    fullest = max(group, key=lambda i: (len(words[i]), -placed[i].first))
    known = next((i for i in group if placed[i].entity.rule in _KNOWN_RULES), None)
    head = placed[fullest].entity
    written = _written_name(view, placed[fullest])
    if known is not None:
        entity = placed[known].entity
        canonical, source = entity.canonical, GAZETTEER
        primary = _primary_surfaces().get((entity.type, canonical))
        # the fullest name as written, unless the gazetteer's own is fuller than any
        arabic = written if len(words[fullest]) >= len(words[known]) else primary or written
        identity = _stable_id(entity.type, "gazetteer", canonical)
    else:
        if head.rule == "short":
            canonical = head.canonical
        else:
            item = placed[fullest]
            composed = compose(view, item.first, item.end, head.type)
            spell = romanise_person if head.type == "PER" else romanise
            canonical = composed or spell(written) or head.canonical or written
        source, arabic = ROMANISED, written
        identity = _stable_id(head.type, " ".join(words[fullest]))
    for index in group:
        entity = placed[index].entity
        entity.canonical, entity.canonical_ar = canonical, arabic
        entity.name_source, entity.id = source, identity
