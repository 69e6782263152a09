"""Who the actors are: each canonical entity with its roles, spellings and reports."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from marsad.model import Article


def summarize_entities(
    articles: Iterable[Article], kind: str | None = None
) -> list[dict[str, Any]]:
    """One row per canonical entity, most mentioned first; ``kind`` filters by type."""
    rows: dict[tuple[str, str], dict[str, Any]] = {}
    for article in articles:
        for entity in article.entities:
            if kind and entity.type != kind.upper():
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
