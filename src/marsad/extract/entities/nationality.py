"""A body named without its country takes the one country its sentence names before it:
"التقى وزير الدفاع الأميركي ... ممثلي الولايات المتحدة من ... ووزارة الخارجية" is the
US Department of State, as the gazetteer names "وزارة الخارجية الأميركية". Only where the
gazetteer knows the body with that country's nisba after it, and only when the sentence
names exactly one country before the body: with none, or two, it stays as written.
"""

from __future__ import annotations

import bisect
from functools import cache

from marsad.arabic.normalize import normalize
from marsad.arabic.view import TextView
from marsad.extract.entities.context import Placed
from marsad.extract.entities.gazetteer import RULE as GAZETTEER_RULE
from marsad.extract.entities.heads import HEAD
from marsad.extract.lexicon import countries, demonym_at, demonyms, gazetteer_surfaces
from marsad.model import Article


@cache
def _by_country() -> dict[tuple[tuple[str, ...], str], str]:
    """(folded words of a body's name without its nisba, country) -> the gazetteer's
    canonical, from every gazetteer row whose last word is a nisba of a country."""
    table = demonyms()
    out: dict[tuple[tuple[str, ...], str], str] = {}
    for kind, canonical, surface in gazetteer_surfaces():
        words = tuple(normalize(word) for word in surface.split())
        if kind != "ORG" or len(words) < 2 or words[-1] not in table:
            continue
        out.setdefault((words[:-1], table[words[-1]]), canonical)
    return out


def _countries_before(sc: TextView, placed: list[Placed], first: int, at: int) -> set[str]:
    """Countries named in tokens ``[first, at)``: a country's name or a nisba."""
    found = {demonym_at(sc, index) for index in range(first, at)} - {None}
    for item in placed:
        if first <= item.first < at and item.entity.canonical in countries():
            found.add(item.entity.canonical)
    return {country for country in found if country is not None}


def national_bodies(article: Article, sc: TextView, placed: list[Placed]) -> None:
    """Give a head-found body the gazetteer's name of it for the one country before it."""
    table = _by_country()
    heads = [item for item in placed if item.entity.rule == HEAD and item.entity.type == "ORG"]
    if not heads:
        return
    starts = [sc.token_at(sc.folded_index(s.span.start)) for s in article.sentences]
    for item in heads:
        words = tuple(sc.words[item.first : item.end])
        if any(demonym_at(sc, index) for index in range(item.first, item.end)):
            continue  # the name says its country
        sentence = max(bisect.bisect_right(starts, item.first) - 1, 0)
        first = starts[sentence] if starts else 0
        found = _countries_before(sc, placed, first, item.first)
        if len(found) != 1:
            continue
        country = found.pop()
        # the first token may carry a clitic ("ووزارة الخارجية")
        canonical = next(
            (
                table[key]
                for _, word in sc.readings(item.first)
                if (key := ((word, *words[1:]), country)) in table
            ),
            None,
        )
        if canonical is not None:
            item.entity.canonical, item.entity.rule = canonical, GAZETTEER_RULE
