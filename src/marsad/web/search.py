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

import json
import re
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
_FIRST_STRETCH = 400  # characters folded first when looking for the first match (doubled)
_SPACE = re.compile(r"\s")


@lru_cache(maxsize=4096)
def word_forms(word: str) -> frozenset[str]:
    """Every folded form under which the folded ``word`` may be written in a text."""
    the = definite_article()
    cores = {word, *_article_cores(word)}
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


def _article_cores(word: str) -> list[str]:
    """The word read as a proclitic before a word with the article ("للمملكه": المملكه)."""
    the = definite_article()
    return [w for p, w in readings(word) if p and w.startswith(the) and len(w) > 3]


def _core(word: str) -> str:
    """The word without a proclitic before the article when the forms of what is left
    hold the word itself ("للمملكه" -> "المملكه"), else the word."""
    return next((core for core in _article_cores(word) if word in word_forms(core)), word)


def distinct_phrases(phrases: Iterable[list[str]]) -> list[list[str]]:
    """The phrases that find something the others do not, in their order. An entity's
    names repeat one spelling, or differ by a proclitic that the forms of another already
    hold ("للمملكه" within "المملكه"): a phrase whose first word's forms are among those of
    another with the same later words (or the same as an earlier one's) adds nothing to
    the matches or the highlights."""
    read = [([_core(phrase[0]), *phrase[1:]], tuple(phrase[1:])) for phrase in phrases]
    forms = [word_forms(phrase[0]) for phrase, _ in read]

    def covered(at: int) -> bool:
        return any(
            rest == read[at][1]
            and (forms[at] < forms[other] or (forms[at] == forms[other] and other < at))
            for other, (_, rest) in enumerate(read)
            if other != at
        )

    return [phrase for at, (phrase, _) in enumerate(read) if not covered(at)]


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


def _spans_in(text: str, start: int, end: int, forms: frozenset[str]) -> list[tuple[int, int]]:
    """The matches inside ``text[start:end]``, whose ends sit at whitespace or the text's
    ends so its words are the text's words (a word never holds whitespace)."""
    view = TextView(text[start:end])
    return [
        (start + span.start, start + span.end)
        for word, first, last in zip(view.words, view.starts, view.ends, strict=True)
        if word in forms
        for span in (view.source_span(first, last),)
    ]


def _to_space(text: str, position: int) -> int:
    """The first whitespace at or after ``position`` (or the end of the text)."""
    found = _SPACE.search(text, position)
    return found.start() if found else len(text)


def _from_space(text: str, position: int) -> int:
    """Just after the last whitespace before ``position`` (or the start of the text)."""
    position = max(0, position)
    while position > 0 and not _SPACE.match(text, position - 1):
        position -= 1
    return position


def _first_match(text: str, forms: frozenset[str]) -> tuple[int, int] | None:
    """The first match in the text, read a stretch at a time: a page of results never
    folds the whole of a long article, nor keeps its view."""
    start, stretch = 0, _FIRST_STRETCH
    while start < len(text):
        end = _to_space(text, start + stretch)
        spans = _spans_in(text, start, end, forms)
        if spans:
            return spans[0]
        start, stretch = end, 2 * stretch
    return None


def snippet(article: Article, forms: frozenset[str], chars: int = SNIPPET_CHARS) -> Snippet:
    """Text around the first match (or the opening of the text if only the title matched)."""
    text = article.text
    first_match = _first_match(text, forms)
    if first_match is None:
        end = min(len(text), 2 * chars)
        return Snippet(text[:end], 0, [])
    first, first_end = first_match
    left = max(0, first - chars)
    if left:
        space = text.find(" ", left, first)
        left = space + 1 if space != -1 else left
    right = min(len(text), first + chars)
    space = text.rfind(" ", first, right)
    right = space if right < len(text) and space > first_end else right
    spans = _spans_in(text, _from_space(text, left), _to_space(text, right), forms)
    inside = [(s - left, e - left) for s, e in spans if s >= left and e <= right]
    return Snippet(text[left:right], left, inside)


def search_ids(db: sqlite3.Connection, expression: str, cap: int = MAX_MATCHES) -> list[str]:
    """Ids of the articles matching the FTS5 ``expression``, best first (at most ``cap``)."""
    if not expression:
        return []
    # One row that holds every match: each row fetched is a step of SQLite that gives
    # the GIL back and waits for it again, and with other requests running those waits
    # made a search of thousands of matches last a second.
    (found,) = db.execute(
        "SELECT json_group_array(json_array(rank, id)) FROM ("
        "SELECT articles.id AS id, article_search.rank AS rank FROM article_search "
        "JOIN articles ON articles.num = article_search.rowid "
        "WHERE article_search MATCH ? ORDER BY rank LIMIT ?)",
        (expression, cap),
    ).fetchone()
    ranked = json.loads(found)
    ranked.sort(key=lambda pair: pair[0])  # stable: the order of the query among equals
    return [article_id for _, article_id in ranked]
