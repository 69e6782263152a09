"""Who the actors are: each canonical entity with its roles, spellings and reports."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from marsad.arabic.normalize import normalize
from marsad.model import Article, Quote


def _matches(wanted: str | None, *names: str | None) -> bool:
    """Case-insensitive containment in a canonical name or, folded, in an Arabic form."""
    if not wanted:
        return True
    folded = normalize(wanted)
    return any(
        name is not None and (wanted.casefold() in name.casefold() or folded in normalize(name))
        for name in names
    )


def summarize_entities(
    articles: Iterable[Article], kind: str | None = None, name: str | None = None
) -> list[dict[str, Any]]:
    """One row per canonical entity, most mentioned first; filtered by type and name."""
    rows: dict[tuple[str, str], dict[str, Any]] = {}
    for article in articles:
        for entity in article.entities:
            if kind and entity.type != kind.upper():
                continue
            if not _matches(name, entity.canonical, entity.text):
                continue
            row = rows.setdefault(
                (entity.type, entity.canonical),
                {
                    "canonical": entity.canonical,
                    "type": entity.type,
                    "roles": [],
                    "aliases": [],
                    "mentions": 0,
                    "docs": [],
                },
            )
            row["mentions"] += 1
            for key, value in (
                ("roles", entity.role),
                ("aliases", entity.text),
                ("docs", article.doc),
            ):
                if value and value not in row[key]:
                    row[key].append(value)
    return sorted(rows.values(), key=lambda r: (-r["mentions"], r["canonical"]))


def select_quotes(
    articles: Iterable[Article],
    speaker: str | None = None,
    entity: str | None = None,
    since: str | None = None,
    until: str | None = None,
) -> list[tuple[Article, Quote]]:
    """Quotes by speaker, by an entity named in what was said, and by statement date.

    Dates compare as ISO prefixes, so ``since="2024-01"`` keeps all of January; a quote
    the reports do not date is kept only when no date bound is given.
    """
    chosen: list[tuple[Article, Quote]] = []
    for article in articles:
        for quote in sorted(article.quotes, key=lambda q: q.cue_span.start):
            if speaker and not _matches(speaker, quote.speaker):
                continue
            if entity and not any(
                quote.content_span.contains(e.span) and _matches(entity, e.canonical, e.text)
                for e in article.entities
            ):
                continue
            if since or until:
                if quote.date is None:
                    continue
                if since and quote.date[: len(since)] < since:
                    continue
                if until and quote.date[: len(until)] > until:
                    continue
            chosen.append((article, quote))
    return chosen
