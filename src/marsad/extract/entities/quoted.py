"""Names set in quotation marks after the head noun of a body or an event: "صحيفة
«البيان»", "شركة «ساراس»", "موقع «ميدل إيست آي»", "مهرجان «عيدية»".

Arabic news marks the proper name of a newspaper, company, site, organisation or festival
with quotation marks, and the head before it says what it is. In the 5,996-article sample
a head noun (entity_heads.tsv, outlet_nouns.txt) stands before a quoted phrase 996 times
in 606 articles; in 395 of them nothing in the phrase was a known name. The quoted words
are the name, of the head's type, whatever the words themselves mean ("الخبر", "الحياة"
are newspapers there). Scare quotes are not a name: one indefinite adjective
("منظمة «إرهابية»") describes the head.
"""

from __future__ import annotations

import re

from marsad.arabic.clitics import readings
from marsad.arabic.view import TextView
from marsad.extract.entities.context import QUOTE_PAIRS, EntityContext, Placed
from marsad.extract.entities.heads import heads
from marsad.extract.lexicon import demonym_at, outlet_nouns
from marsad.model import Entity, Span

QUOTED = "quoted"
_MAX_WORDS = 6  # words of a quoted name at most
_OPENERS = re.compile("|".join(map(re.escape, QUOTE_PAIRS)))
_ORG = "ORG"


def quoted_names(ctx: EntityContext) -> list[Placed]:
    """The quoted names after a head noun that no earlier pass placed."""
    sc, article = ctx.sc, ctx.article
    added: list[Placed] = []
    for mark in _OPENERS.finditer(sc.folded):
        at = sc.token_containing(mark.start())  # the word before the mark
        if at < 0 or at + 1 >= len(sc.words) or sc.ends[at] > mark.start():
            continue
        closer = QUOTE_PAIRS.get(sc.gap(at, at + 1).strip())
        if closer is None:
            continue
        kind = _head_kind(sc, at)
        if kind is None:
            continue
        first = at + 1
        end = _closing(sc, first, closer)
        if end is None or any(ctx.taken[first:end]) or _scare_quotes(sc, first, end):
            continue
        span = Span(sc.token_start(first), sc.token_end(end - 1))
        if article.is_boilerplate(span):
            continue
        entity = Entity(span, span.slice(article.text), kind, "", rule=QUOTED)
        added.append(Placed(entity, first, end))
        ctx.taken[first:end] = b"\x01" * (end - first)
    return added


def _head_kind(sc: TextView, at: int) -> str | None:
    """The entity type the head noun at token ``at`` gives the name after it (one word,
    clitics allowed: "لصحيفة", "وشركة")."""
    word = sc.words[at]
    if any(rest in outlet_nouns() for _size, rest in readings(word)):
        return _ORG
    found = heads().match(sc, at)
    return found.value if found is not None and found.end == at + 1 else None


def _closing(sc: TextView, first: int, closer: str) -> int | None:
    """The token after a quoted name opening at token ``first``: its closing mark follows
    within ``_MAX_WORDS`` words, and no other punctuation stands inside it."""
    for end in range(first + 1, min(first + _MAX_WORDS, len(sc.words)) + 1):
        after = sc.gap(end - 1, end) if end < len(sc.words) else sc.folded[sc.ends[end - 1] :]
        if closer in after:
            return end
        if after.strip() and after.strip() not in ("-", "."):
            return None  # "«كفى، لا للعنف»": a slogan, not a name
    return None


def _scare_quotes(sc: TextView, first: int, end: int) -> bool:
    """One indefinite adjective or a nationality in quotes describes the head ("منظمة
    «إرهابية»", "الصحيفة «الإسبانية»"), no name."""
    if end - first != 1:
        return False
    if demonym_at(sc, first) is not None:
        return True  # "الصحيفة «الإسبانية»": the Spanish newspaper
    found = sc.word_class(first)
    return found.pos == "adj" and not found.definite and found.source == "lexicon"
