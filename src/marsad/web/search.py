"""Arabic full-text search over the store's FTS5 index, tolerant of clitics.

The index holds the title and text folded by ``normalize`` (so "اوستن" already finds
"أوستن"). Clitics are handled here, on both sides: a query word is read as itself and,
where a proclitic stands before a definite noun, as that noun ("للجنة" -> "اللجنة");
each reading then matches the index with every proclitic in front of it ("واللجنة",
"باللجنة", and the fused "للجنة"). Only word characters reach FTS5, each word quoted,
so no operator a user types (quotes, NEAR, *, parentheses, AND/OR) can break the query.
Matches are found again in the article text to give a snippet with exact offsets.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from marsad.arabic.clitics import definite_article, readings, written_forms
from marsad.arabic.view import TextView
from marsad.model import Article

_MAX_WORDS = 8
SNIPPET_CHARS = 90


@lru_cache(maxsize=1024)
def word_forms(word: str) -> frozenset[str]:
    """Every folded form under which the folded ``word`` may be written in a text."""
    the = definite_article()
    cores = {word}
    cores.update(w for p, w in readings(word) if p and w.startswith(the) and len(w) > 3)
    return frozenset().union(*(written_forms(core) for core in cores))


def query_words(query: str) -> list[str]:
    """The folded words of a query (operators and punctuation dropped)."""
    return TextView(query).words[:_MAX_WORDS]


def fts_query(words: list[str]) -> str:
    """An FTS5 expression: every word, in any of its forms (each form quoted)."""
    groups = []
    for word in words:
        forms = " OR ".join(f'"{form}"' for form in sorted(word_forms(word)))
        groups.append(f"({forms})")
    return " AND ".join(groups)


@dataclass(frozen=True, slots=True)
class Snippet:
    """A stretch of the article text with the matched words as offsets into it."""

    text: str
    start: int  # where the snippet starts in the article text
    highlights: list[tuple[int, int]]  # relative to ``text``

    def to_json(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "start": self.start,
            "highlights": [list(h) for h in self.highlights],
        }


def match_spans(article: Article, words: list[str]) -> list[tuple[int, int]]:
    """Exact ``[start, end)`` of every text token that is a form of a query word."""
    forms = frozenset().union(*(word_forms(w) for w in words)) if words else frozenset()
    view = article.view
    return [
        (span.start, span.end)
        for word, start, end in zip(view.words, view.starts, view.ends, strict=True)
        if word in forms
        for span in (view.source_span(start, end),)
    ]


def snippet(article: Article, words: list[str], chars: int = SNIPPET_CHARS) -> Snippet:
    """Text around the first match (or the opening of the text if only the title matched)."""
    text = article.text
    spans = match_spans(article, words)
    if not spans:
        end = min(len(text), 2 * chars)
        return Snippet(text[:end], 0, [])
    first = spans[0][0]
    left = max(0, first - chars)
    if left:
        space = text.find(" ", left, first)
        left = space + 1 if space != -1 else left
    right = min(len(text), first + chars)
    space = text.rfind(" ", first, right)
    right = space if right < len(text) and space > spans[0][1] else right
    inside = [(s - left, e - left) for s, e in spans if s >= left and e <= right]
    return Snippet(text[left:right], left, inside)


def search_ids(db_path: Path, words: list[str], limit: int, offset: int) -> tuple[int, list[str]]:
    """(total matches, ids of one page best first) for the folded query ``words``."""
    if not words:
        return 0, []
    expression = fts_query(words)
    db = sqlite3.connect(db_path)
    try:
        total = db.execute(
            "SELECT count(*) FROM article_search WHERE article_search MATCH ?", (expression,)
        ).fetchone()[0]
        rows = db.execute(
            "SELECT articles.id FROM article_search JOIN articles ON articles.num = "
            "article_search.rowid WHERE article_search MATCH ? ORDER BY rank LIMIT ? OFFSET ?",
            (expression, limit, offset),
        ).fetchall()
    finally:
        db.close()
    return int(total), [row[0] for row in rows]
