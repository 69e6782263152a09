"""Arabic full-text search over the store's FTS5 index, tolerant of spelling and clitics.

The index holds the title and text folded by the text view (so "اوستن" already finds
"أوستن"). Everything else is query expansion, the same for matching and highlighting:
a query word is read as itself, without or with the article ("عراق" finds "العراق"),
as the word a proclitic stands before ("للجنة" -> "اللجنة"), in each of its spelling
variants (``marsad.arabic.variants``: "الاميركية" finds "الأمريكية"), and each such
core is matched with every proclitic in front of it ("والعراق", "بالعراق", the fused
"للعراق"). A query naming an entity also finds every spelling of that entity's name.
Only word characters reach FTS5, each form quoted, so no operator a user types (quotes,
NEAR, *, parentheses, AND/OR, column filters) can change the query.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from marsad.arabic.clitics import definite_article, readings, without_article, written_forms
from marsad.arabic.variants import spelling_variants
from marsad.arabic.view import TextView
from marsad.model import Article

MAX_WORDS = 8  # query words kept
MAX_MATCHES = 10_000  # matching articles considered for filters and paging
SNIPPET_CHARS = 90
_MIN_CORE = 3  # letters a word keeps when the article is added or taken away


@lru_cache(maxsize=4096)
def word_forms(word: str) -> frozenset[str]:
    """Every folded form under which the folded ``word`` may be written in a text."""
    the = definite_article()
    cores = {word}
    cores.update(w for p, w in readings(word) if p and w.startswith(the) and len(w) > 3)
    if word.startswith(the):
        bare = without_article(word, keep=_MIN_CORE)
        if bare != word:
            cores.add(bare)
    elif len(word) >= _MIN_CORE and not word.isascii():
        cores.add(the + word)
    spelled = set().union(*(spelling_variants(core) for core in cores))
    return frozenset().union(*(written_forms(core) for core in spelled))


def query_words(query: str) -> list[str]:
    """The folded words of a query (operators and punctuation dropped)."""
    return TextView(query).words[:MAX_WORDS]


def _quoted(form: str) -> str:
    return '"' + form.replace('"', "") + '"'


def fts_query(words: list[str], phrases: Iterable[list[str]] = ()) -> str:
    """An FTS5 expression: every word in any of its forms, or any of the ``phrases``
    (the folded words of an entity's spellings), each form and phrase quoted."""
    groups = []
    for word in words:
        forms = " OR ".join(_quoted(form) for form in sorted(word_forms(word)))
        groups.append(f"({forms})")
    expression = " AND ".join(groups)
    spelled = [
        _quoted(f"{form} {' '.join(phrase[1:])}".strip())
        for phrase in phrases
        for form in sorted(word_forms(phrase[0]))
    ]
    if not spelled:
        return expression
    alternatives = [f"({expression})"] if expression else []
    alternatives += spelled
    return " OR ".join(alternatives)


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


def highlight_forms(words: list[str], phrases: Iterable[list[str]] = ()) -> frozenset[str]:
    """The folded tokens to mark in a text for the query ``words`` and entity phrases."""
    forms: set[str] = set()
    for word in words:
        forms |= word_forms(word)
    for phrase in phrases:
        for word in phrase:
            forms |= word_forms(word)
    return frozenset(forms)


def match_spans(article: Article, forms: frozenset[str]) -> list[tuple[int, int]]:
    """Exact ``[start, end)`` of every text token that is one of the folded ``forms``."""
    view = article.view
    return [
        (span.start, span.end)
        for word, start, end in zip(view.words, view.starts, view.ends, strict=True)
        if word in forms
        for span in (view.source_span(start, end),)
    ]


def snippet(article: Article, forms: frozenset[str], chars: int = SNIPPET_CHARS) -> Snippet:
    """Text around the first match (or the opening of the text if only the title matched)."""
    text = article.text
    spans = match_spans(article, forms)
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


def search_ids(db: sqlite3.Connection, expression: str, cap: int = MAX_MATCHES) -> list[str]:
    """Ids of the articles matching the FTS5 ``expression``, best first (at most ``cap``)."""
    if not expression:
        return []
    rows = db.execute(
        "SELECT articles.id FROM article_search JOIN articles ON articles.num = "
        "article_search.rowid WHERE article_search MATCH ? ORDER BY rank LIMIT ?",
        (expression, cap),
    ).fetchall()
    return [row[0] for row in rows]
