"""What the entity passes share: a name placed on the view's tokens, the token-level
lookups over them (``EntityContext``), and the span convention."""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from functools import cached_property

from marsad.arabic.view import TextView
from marsad.extract.lexicon import countries, demonym_at, titles
from marsad.model import Article, Entity, Span

QUOTE_PAIRS = {"«": "»", "“": "”", '"': '"'}  # opening mark -> its closing mark


@dataclass(slots=True)
class Placed:
    """An entity with its token range in the article's scan."""

    entity: Entity
    first: int
    end: int


def source_span(sc: TextView, match_first: int, prefix: int, fused: bool, end: int) -> Span:
    # A fused ل stays in the span ("للحرة"), other clitics before it do not ("وللحرة").
    start = sc.starts[match_first] + (prefix - 1 if fused else prefix)
    stop = sc.ends[end - 1]
    inside = sc.folded[start:stop]
    for opener, closer in QUOTE_PAIRS.items():
        # A name with a quoted part ("عملية «العزم الصلب»") keeps its closing mark.
        if opener == closer:
            unbalanced = inside.count(opener) % 2 == 1
        else:
            unbalanced = inside.count(opener) > inside.count(closer)
        if unbalanced and sc.folded[stop : stop + 1] == closer:
            stop += 1
            break
    return sc.source_span(start, stop)


def taken_tokens(placed: list[Placed], count: int) -> bytearray:
    taken = bytearray(count)
    for item in placed:
        taken[item.first : item.end] = b"\x01" * (item.end - item.first)
    return taken


class EntityContext:
    """Token-level lookups shared by the title pass and by quotes."""

    def __init__(self, article: Article, sc: TextView, placed: list[Placed]) -> None:
        self.article = article
        self.sc = sc
        self.placed = placed
        self.by_first = {item.first: item for item in placed}
        self.by_end = {item.end: item for item in placed}
        self.taken = taken_tokens(placed, len(sc.tokens))
        self.sentence_starts = [s.span.start for s in article.sentences]
        self.timex_ranges = sorted((t.span.start, t.span.end) for t in article.timexes)

    def in_timex(self, at: int) -> bool:
        """Token ``at`` starts inside a date or time expression."""
        return bool(self.timex_tokens[at])

    @cached_property
    def timex_tokens(self) -> bytearray:
        """1 for each token that starts inside a date or time expression."""
        starts = self.sc.source_starts
        marks = bytearray(len(starts))
        for start, end in self.timex_ranges:
            first, stop = bisect.bisect_left(starts, start), bisect.bisect_left(starts, end)
            marks[first:stop] = b"\x01" * (stop - first)
        return marks

    def sentence_first_token(self, at: int) -> int:
        """Index of the first token of the sentence that holds token ``at``."""
        source = self.sc.token_start(at)
        where = bisect.bisect_right(self.sentence_starts, source) - 1
        if where < 0:
            return 0
        start = self.article.sentences[where].span.start
        return self.sc.token_at(self.sc.folded_index(start))

    def gap(self, left: int, right: int) -> str:
        return self.sc.folded[self.sc.ends[left] : self.sc.starts[right]]

    def nationality_near(self, first: int) -> str | None:
        """The country of the group a title heads ("وفداً من جمهورية العراق، برئاسة ...")."""
        if first == 0:
            return None
        head = titles().match(self.sc, first - 1)
        if head is None or head.value.kind != "head" or head.end != first:
            return None
        floor = max(self.sentence_first_token(first), first - 8)
        for at in range(first - 2, floor - 1, -1):
            item = self.by_end.get(at + 1)
            if item is not None and item.entity.canonical in countries():
                return item.entity.canonical
            country = demonym_at(self.sc, at)
            if country is not None:
                return country
        return None


# Mentions inside another entity's span ("السعودية" in "الخارجية السعودية"): not placed
# on tokens, which belong to the entity around them.
INSIDE = "nested"


def context(article: Article) -> EntityContext:
    """Lookups over ``article.entities`` (already annotated), for titles and quotes."""
    sc = article.view
    placed = []
    for entity in article.entities:
        if entity.rule == INSIDE:
            continue
        tokens = sc.char_span(entity.span.start, entity.span.end)
        if tokens is not None:
            placed.append(Placed(entity, *tokens))
    return EntityContext(article, sc, placed)
