"""Bodies and named events by their head noun: a head (entity_heads.tsv) and the definite
noun phrase after it ("وزارة الصحة", "مجلس التعاون الخليجي", "الهيئة العامة للشباب
والرياضة", "مهرجان القطيف"), where the gazetteer and the NER model found nothing.

The phrase grows word by word over what a name's noun phrase is made of: definite nouns
and adjectives, a genitive with the fused ل ("للشباب"), a coordination with و ("والرياضة"),
a nisba, a proper name, a number for an event ("البطولة ال13"); it stops at a verb, a
function word, punctuation or another name. A head alone is not a name: a definite head
("الهيئة") needs an adjective after it, an indefinite one ("وزارة") a word after it.

Heads too common to open a name with any adjective ("الحكومة الجديدة", "الجيش كله")
name one country's body with its nationality right after them: "الحكومة الألمانية"
German Government, "الجيش العراقي" Iraqi Army, "السلطات التركية" (``national_heads``).
"""

from __future__ import annotations

from functools import cache

from marsad.arabic.clitics import definite_article, proclitic_letters, rules, without_article
from marsad.arabic.normalize import normalize
from marsad.arabic.view import TextView
from marsad.extract.entities.context import EntityContext, Placed, source_span
from marsad.extract.lexicon import (
    PhraseIndex,
    definite_ordinals,
    demonym_at,
    phrase,
    stopwords,
    titles,
)
from marsad.model import Entity
from marsad.resources import load_tsv

HEAD = "head"
_MAX_MODIFIERS = 6
_OPEN_CLASSES = frozenset({"noun", "adj", "name", "unknown", "digit", "number"})


@cache
def heads() -> PhraseIndex[str]:
    """Head nouns (entity_heads.tsv), bare and with the article, -> entity type."""
    entries = []
    for head, kind, *_ in load_tsv("entity_heads.tsv", columns=2):
        words = phrase(head)
        entries.append((words, kind))
        entries.append(((definite_article() + words[0], *words[1:]), kind))
    return PhraseIndex(entries)


@cache
def national_heads() -> PhraseIndex[str]:
    """The definite heads of org_glossary.tsv that entity_heads.tsv leaves out -> ORG: a
    nationality after one makes a body's name. Before a nationality in the sample
    (articles): الحكومة 497, الجيش 308, القوات 198, السلطات 193, الشرطة 91, السفارة 52;
    the rest (الحلف، التيار) once each."""
    own = {normalize(head) for head, *_ in load_tsv("entity_heads.tsv", columns=2)}
    entries = []
    for word, _, kind, *_ in load_tsv("org_glossary.tsv", columns=3):
        folded = normalize(word)
        if kind == "head" and _definite(folded) and without_article(folded) not in own:
            entries.append(((folded,), "ORG"))
    return PhraseIndex(entries)


def national_head_names(ctx: EntityContext) -> list[Placed]:
    """Bodies named by a common head and the nationality after it ("الجيش العراقي")."""
    sc, article = ctx.sc, ctx.article
    index = national_heads()
    added: list[Placed] = []
    for at in index.hits(sc):
        match = index.match(sc, at)
        if match is None or ctx.taken[at] or match.end >= len(sc.words):
            continue
        end = match.end + 1
        if ctx.taken[match.end] or sc.gap(match.end - 1, match.end).strip():
            continue
        if demonym_at(sc, match.end) is None:
            continue
        span = source_span(sc, at, match.prefix, match.fused, end)
        if article.is_boilerplate(span):
            continue
        entity = Entity(span, span.slice(article.text), match.value, "", rule=HEAD)
        added.append(Placed(entity, at, end))
        ctx.taken[at:end] = b"\x01" * (end - at)
    return added


def _definite(word: str) -> bool:
    return word.startswith(definite_article()) and len(word) > len(definite_article()) + 1


def _modifier(sc: TextView, at: int, previous_ok: bool) -> bool:
    """Can token ``at`` continue a body's name?"""
    word = sc.words[at]
    if word in stopwords():
        return False
    found = sc.word_class(at)
    if found.pos == "verb" and found.alternatives == {"verb"}:
        return False
    if found.pos not in _OPEN_CLASSES:
        return False
    if demonym_at(sc, at) is not None:
        return True
    for prefix, rest in sc.readings(at):
        conjunction = prefix == 1 and word[0] in proclitic_letters("conjunction")
        lam = prefix == 1 and word[0] == rules().fusing
        if prefix == 0 and (_definite(rest) or found.pos in ("name", "digit")):
            return True
        if (conjunction or lam) and _definite(rest) and previous_ok:
            return True  # "والرياضة", "للشباب"
    return False


def head_names(ctx: EntityContext) -> list[Placed]:
    """Bodies and events named by a head noun and the noun phrase after it."""
    sc, article = ctx.sc, ctx.article
    index = heads()
    added: list[Placed] = []
    next_free = 0
    for at in index.hits(sc):
        if at < next_free or ctx.taken[at]:
            continue
        match = index.match(sc, at)
        if match is None:
            continue
        end = match.end
        while end < len(sc.words) and end - match.end < _MAX_MODIFIERS:
            if ctx.taken[end] or sc.gap(end - 1, end).strip() or not _modifier(sc, end, True):
                break
            if end > match.end and _rank_at(sc, end):
                break  # "مركز الخليج للأبحاث الدكتور عبدالعزيز", not "مطار الملك عبدالعزيز"
            end += 1
        if not _named(sc, match.end, end, definite=_definite(sc.words[match.end - 1])):
            continue
        span = source_span(sc, at, match.prefix, match.fused, end)
        if article.is_boilerplate(span):
            continue
        text = span.slice(article.text)
        entity = Entity(span, text, match.value, "", rule=HEAD)  # named by identity
        added.append(Placed(entity, at, end))
        ctx.taken[at:end] = b"\x01" * (end - at)
        next_free = end
    return added


def _rank_at(sc: TextView, at: int) -> bool:
    title = titles().match(sc, at)
    return title is not None and title.value.kind == "rank"


def _named(sc: TextView, first: int, end: int, definite: bool) -> bool:
    """Does the phrase after the head make a name? An indefinite head needs any word
    after it; a definite head an adjective (a nisba, or a word the lexicon calls one)
    other than an ordinal: "المركز الثاني" is second place, "المؤتمر الدولي الثاني" a
    named conference."""
    if end <= first:
        return False
    if not definite:
        return True
    ordinal: set[int] = set()
    for at in range(first, end):
        found = definite_ordinals().match(sc, at)
        if found is not None:
            ordinal.update(range(at, found.end))
    return any(
        at not in ordinal and (demonym_at(sc, at) is not None or sc.word_class(at).pos == "adj")
        for at in range(first, end)
    )
