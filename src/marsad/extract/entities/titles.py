"""Titles: a title (titles.tsv) gives the person next to it a role ("وزير الدفاع الأمريكي
لويد ج. أوستن", "جون كيربي، المتحدث باسم وزارة الدفاع")."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from marsad.arabic.charsets import chars
from marsad.arabic.normalize import normalize
from marsad.extract.entities.context import EntityContext, context, source_span
from marsad.extract.lexicon import (
    Match,
    Title,
    countries,
    demonym_at,
    gap_ok,
    short_name,
    titles,
)
from marsad.model import Article, Entity, Span
from marsad.resources import load_lines


@cache
def _no_commas() -> dict[int, None]:
    """A translate table that deletes commas (Arabic and Latin)."""
    return {ord(char): None for char in chars("comma")}


@dataclass(frozen=True, slots=True)
class TitleMention:
    """A title as written, the role it gives, and the person it names (if found)."""

    first: int
    end: int  # token after the title (and its nationality or body spoken for)
    span: Span
    role: str
    kind: str
    person: str | None


@cache
def _title_links() -> frozenset[str]:
    """ "باسم": the word ending a spokesman's title before the body spoken for."""
    return frozenset(normalize(line) for line in load_lines("title_links.txt"))


def _role(title: Title, nationality: str | None, org: Entity | None) -> str:
    template = title.templates[0][1]
    for country, text in title.templates:
        if country is None:
            template = text
    for country, text in title.templates:
        if country is not None and country == nationality:
            template = text
    if "{nat}" in template:
        info = countries().get(nationality or "")
        template = template.replace("{nat}", info.adjective if info else "").strip()
    if "{org}" in template:
        if org is None:
            template = template.replace("{org}", "").strip()
        elif org.type == "PER":
            template = template.replace("{org} ", "") + " for " + org.canonical
        else:
            template = template.replace("{org}", short_name(org.canonical))
    return template


def separated(ctx: EntityContext, left: int, right: int) -> bool:
    """A space or a comma between a title and the name it introduces."""
    return ctx.gap(left, right).translate(_no_commas()).strip() == ""


def find_titles(article: Article, ctx: EntityContext | None = None) -> list[TitleMention]:
    """Titles in the article body with the role they give and the person they name."""
    if ctx is None:
        ctx = context(article)
    out = []
    next_free = 0
    for at in titles().hits(ctx.sc):
        if at < next_free or ctx.taken[at]:
            continue
        match = titles().match(ctx.sc, at)
        if match is None or match.value.kind == "head":
            continue
        mention = _title_at(ctx, match)
        if mention is not None:
            out.append(mention)
        next_free = match.end
    return out


def _title_at(ctx: EntityContext, match: Match[Title]) -> TitleMention | None:
    sc, tokens = ctx.sc, ctx.sc.tokens
    title, end = match.value, match.end
    nationality: str | None = None
    org: Entity | None = None
    if end < len(tokens) and gap_ok(sc, end - 1, end):
        nationality = demonym_at(sc, end)
        if nationality is not None:
            end += 1
    if title.kind == "spokesman" and end < len(tokens):
        item = ctx.by_first.get(end)
        if item is not None:
            org, end = item.entity, item.end
        elif sc.words[match.end - 1] in _title_links():
            end += 1  # a body the gazetteer lacks: "باسم الخارجية"
            if demonym_at(sc, end) is not None:
                end += 1
    if title.kind == "office" and nationality is None:
        nationality = ctx.nationality_near(match.first)
    role = _role(title, nationality, org)
    span = source_span(sc, match.first, match.prefix, match.fused, min(end, len(tokens)))
    if ctx.article.is_boilerplate(span):
        return None
    person = _person_after(ctx, end)
    if person is None and match.first > 0:
        before = ctx.by_end.get(match.first)
        named = before is not None and before.entity.type == "PER"
        if before is not None and named and separated(ctx, match.first - 1, match.first):
            person = before.entity.canonical
    return TitleMention(match.first, end, span, role, title.kind, person)


def _person_after(ctx: EntityContext, at: int) -> str | None:
    tokens = ctx.sc.tokens
    if at >= len(tokens) or at == 0 or not separated(ctx, at - 1, at):
        return None
    rank = titles().match(ctx.sc, at, clitics=False)
    if rank is not None and rank.value.kind == "rank":
        at = rank.end
    item = ctx.by_first.get(at)
    if item is not None:
        return item.entity.canonical if item.entity.type == "PER" else None
    return None
