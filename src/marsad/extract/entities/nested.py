"""Places named inside other words: a nisba adjective names its country ("الخارجية
السعودية", "وكالة الأنباء القطرية": Saudi Arabia, Qatar), and an outlet's word for its
own country names it ("المملكة" in the Saudi press: Saudi Arabia).

These mentions may lie inside another entity's span (entities inside entities), so they
are added beside the other passes' names, never competing with them for tokens, and
``EntityContext`` leaves them out of its token lookups (rule ``nested``).
"""

from __future__ import annotations

from functools import cache

from marsad.arabic.clitics import written_forms
from marsad.arabic.normalize import normalize
from marsad.arabic.view import TextView
from marsad.extract.entities.context import INSIDE, Placed, source_span
from marsad.extract.entities.identity import known_identity
from marsad.extract.lexicon import countries, demonyms, gazetteer
from marsad.model import Article, Entity
from marsad.resources import load_tsv

NESTED = INSIDE


@cache
def _outlets() -> dict[str, tuple[str, frozenset[str]]]:
    """Outlet (case-folded) -> (its country, the words its copy uses for it)."""
    return {
        row[0].casefold(): (row[1], frozenset(normalize(w) for w in row[2].split(",")))
        for row in load_tsv("outlets.tsv", columns=3)
    }


def _home(article: Article) -> tuple[str, frozenset[str]] | None:
    return _outlets().get((article.outlet or "").casefold())


def nested_places(article: Article, sc: TextView, placed: list[Placed]) -> list[Entity]:
    """Country mentions of nisba adjectives and home words not already a place name."""
    starts = {item.first: item for item in placed}
    # a nisba inside a person's name is the name ("تركي العيار": Turki, not Turkey)
    in_names = {
        at for item in placed if item.entity.type == "PER" for at in range(item.first, item.end)
    }
    home = _home(article)
    table = demonyms()
    out: list[Entity] = []
    # two lookups, not one union: the nisba forms of every country are 50k tokens
    nisbas = _demonym_tokens()
    homes = _home_tokens(home[1]) if home is not None else frozenset()
    for at, token in enumerate(sc.words):
        if token not in nisbas and token not in homes:
            continue  # no reading of it can be a nisba or a home word
        if at in in_names:
            continue
        known = starts.get(at)
        if known is not None and known.entity.type == "LOC":
            continue  # a place name of its own ("السعودية" is the country, not a nisba)
        found = _reading(sc, at, table, home)
        if found is None:
            continue
        prefix, fused, country = found
        span = source_span(sc, at, prefix, fused, at + 1)
        if country not in countries() or article.is_boilerplate(span):
            continue
        entity = Entity(span, span.slice(article.text), "LOC", country, rule=NESTED)
        known_identity(entity)
        out.append(entity)
    return out


@cache
def _demonym_tokens() -> frozenset[str]:
    """Every token with a reading that is a nisba form (written_forms of each)."""
    return frozenset(form for word in demonyms() for form in written_forms(word))


@cache
def _home_tokens(words: frozenset[str]) -> frozenset[str]:
    return frozenset(form for word in words for form in written_forms(word))


def _reading(
    sc: TextView, at: int, table: dict[str, str], home: tuple[str, frozenset[str]] | None
) -> tuple[int, bool, str] | None:
    """(prefix length, fused, country) of the token's first reading that is a nisba of a
    country or, in a report of a listed outlet, a bare home word ("المملكة", not "المملكة
    المتحدة", which the gazetteer knows)."""
    token = sc.words[at]
    for prefix, word in sc.readings(at):
        fused = len(token) - prefix != len(word)
        if word in table:
            return prefix, fused, table[word]
        if home is not None and word in home[1] and gazetteer().match(sc, at) is None:
            return prefix, fused, home[0]
    return None
