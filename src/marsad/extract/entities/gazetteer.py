"""The gazetteer pass: known names (aliases.tsv phrases), longest first, on the view's
folded tokens, clitics allowed ("بالبنتاغون", "للحرة")."""

from __future__ import annotations

from functools import cache

from marsad.arabic.clitics import proclitic_letters, proclitics
from marsad.arabic.view import TextView
from marsad.extract.entities.context import Placed, source_span
from marsad.extract.lexicon import Alias, Match, gazetteer, outlet_nouns
from marsad.model import Article, Entity

RULE = "gazetteer"  # the rule of a mention the gazetteer names
_OPEN_MARKS = frozenset('«("“”[')

_CLOSE_MARKS = frozenset('»)"”“]')


@cache
def _context_prefixes() -> frozenset[str]:
    """Proclitics that mark the word they stand on as a name ("لحماس", "وبحماس")."""
    letters = proclitic_letters(use="name-context")
    return frozenset(prefix for prefix in proclitics() if prefix[-1] in letters)


def _in_context(sc: TextView, match: Match[Alias]) -> bool:
    """A name that is also a common word counts only where the text marks it as a name."""
    token = sc.tokens[match.first]
    prefix = token.text[: match.prefix]
    if prefix in _context_prefixes():
        return True
    before = sc.folded[token.start - 1] if token.start else ""
    last = sc.ends[match.end - 1]
    after = sc.folded[last] if last < len(sc.folded) else ""
    if before in _OPEN_MARKS and after in _CLOSE_MARKS:
        return True
    return match.first > 0 and sc.words[match.first - 1] in outlet_nouns()


def _whole_word(sc: TextView, at: int, prefix: int) -> bool:
    """Token ``at`` read with a clitic that seldom stands before a name (ك) is one word
    the lexicon knows whole: the clitic reading makes up a name that is not there. (ب and
    ل do stand before names, and the lexicon reads some of those whole: "بجدة".)"""
    if sc.words[at][prefix - 1] not in proclitic_letters(use="seldom-before-names"):
        return False
    found = sc.word_class(at)
    return found.source == "lexicon" and not found.proclitic


def gazetteer_names(article: Article, sc: TextView) -> list[Placed]:
    placed: list[Placed] = []
    index = gazetteer()
    next_free = 0
    for at in index.hits(sc):
        if at < next_free:
            continue
        match = index.match(sc, at)
        if match is None or (match.value.needs_context and not _in_context(sc, match)):
            continue
        if match.prefix and _whole_word(sc, at, match.prefix):
            continue  # "كابل" is Kabul, not ك + ابل (Apple)
        span = source_span(sc, at, match.prefix, match.fused, match.end)
        if not article.is_boilerplate(span):
            alias = match.value
            entity = Entity(span, span.slice(article.text), alias.type, alias.canonical, rule=RULE)
            placed.append(Placed(entity, at, match.end))
        next_free = match.end
    return placed
