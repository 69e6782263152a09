"""Persons named by a naming word: "لشخص يدعى نواف العنزي"، "وقال متطوع يدعى أبو
زهراء البصراوي إن"، "شخصًا اسمه «عدنان»". What follows such a word after an indefinite
noun is a name, up to the clause's end; it is a person's when its first word is a given
name, since a school or a ship is named so too ("مدرسة تدعى «ياشيفا إتريت»").
"""

from __future__ import annotations

from functools import cache

from marsad.arabic.charsets import charset
from marsad.arabic.normalize import normalize
from marsad.extract.entities.context import EntityContext, Placed, source_span
from marsad.extract.entities.latin import is_given_name
from marsad.extract.entities.names import name_enders, name_word
from marsad.extract.lexicon import kunya
from marsad.model import Entity
from marsad.resources import load_lines

CALLED = "called"
_MAX_WORDS = 4


@cache
def naming_words() -> frozenset[str]:
    return frozenset(normalize(line) for line in load_lines("naming_words.txt"))


def called_names(ctx: EntityContext, found: list[Placed]) -> list[Placed]:
    """Persons named right after a naming word, where no pass before (``found``) has
    named them."""
    sc = ctx.sc
    words = sc.words
    added: list[Placed] = []
    for item in found:
        ctx.taken[item.first : item.end] = b"\x01" * (item.end - item.first)
    for cue, word in enumerate(words[:-1]):
        if word not in naming_words() or not _after_noun(ctx, cue):
            continue
        first = cue + 1
        end = _name_end(ctx, first)
        if end == first or not _opens_on_given_name(ctx, first):
            continue
        span = source_span(sc, first, 0, False, end)
        if ctx.article.is_boilerplate(span):
            continue
        entity = Entity(span, span.slice(ctx.article.text), "PER", "", rule=CALLED)
        added.append(Placed(entity, first, end))
        ctx.taken[first:end] = b"\x01" * (end - first)
    return added


def _after_noun(ctx: EntityContext, cue: int) -> bool:
    """A noun or its adjective names the one so called: "رجل يدعى", "مهندس متطوع يدعى";
    not "فيما يسمى «كرم»" or "إنه يدعى", what is called so."""
    if cue == 0:
        return False
    found = ctx.sc.word_class(cue - 1)
    return found.pos in ("noun", "adj") and not found.definite


def _name_end(ctx: EntityContext, first: int) -> int:
    sc = ctx.sc
    quoted = any(mark in charset("name-quotes") for mark in ctx.gap(first - 1, first))
    end = first
    while end < len(sc.words) and end - first < _MAX_WORDS:
        word = sc.words[end]
        if ctx.taken[end] or word in name_enders():
            break
        opening = end == first and (is_given_name(sc.written(end)) or kunya(word))
        if not name_word(word, end - first) and not opening:
            break  # "علي" folds as على but is the name Ali; "أبو زهراء" opens a name
        if end > first and ctx.gap(end - 1, end) != " ":
            break
        if sc.word_class(end).alternatives == {"verb"}:
            break  # "ربيعة |كتبت": a word that can only be a verb
        end += 1
    if end == first:
        return first
    if end < len(sc.words) and not quoted:
        gap = ctx.gap(end - 1, end).strip()
        if not gap and sc.words[end] not in name_enders() and end - first > 1:
            return first  # no clause end after the name: it may run on into common words
    return end


def _opens_on_given_name(ctx: EntityContext, first: int) -> bool:
    found = ctx.sc.word_class(first)
    return found.pos == "name" or is_given_name(ctx.sc.written(first)) or kunya(ctx.sc.words[first])
