"""Entity pages: every canonical entity with its names, roles, statements and events.

An entity is keyed by its id where the entity layer gives one, else by its canonical
(Latin) name; its Arabic name is ``canonical_ar`` where given, else its commonest
spelling in the texts. The index is built once per corpus; each page is assembled from
it on first request and kept.
"""

from __future__ import annotations

import bisect
import threading
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from marsad.arabic.view import TextView
from marsad.model import Entity
from marsad.web.views import event_summary

if TYPE_CHECKING:
    from marsad.web.corpus import Corpus

COOCCURRING = 20  # entities listed as appearing with one
PAGE_ITEMS = 200  # statements, events, reports listed on a page (the rest: paged lists)


def entity_key(entity: Entity) -> str:
    """The entity's id once the entity layer gives ids, else its canonical name."""
    return getattr(entity, "id", None) or entity.canonical


def _month(value: str | None) -> str:
    return value[:7] if value and len(value) >= 7 else ""


@dataclass(slots=True)
class _Entry:
    key: str
    canonical: str
    types: Counter[str] = field(default_factory=Counter)
    spellings: Counter[str] = field(default_factory=Counter)
    arabic: Counter[str] = field(default_factory=Counter)
    sources: Counter[str] = field(default_factory=Counter)
    roles: dict[str, list[Any]] = field(default_factory=dict)  # role -> [first, last, count]
    by_month: Counter[str] = field(default_factory=Counter)
    articles: list[str] = field(default_factory=list)
    docs: list[str] = field(default_factory=list)
    mentions: int = 0

    def row(self) -> dict[str, Any]:
        written = [text for text, _ in self.spellings.most_common()]
        arabic = self.arabic.most_common(1)[0][0] if self.arabic else None
        return {
            "key": self.key,
            "canonical": self.canonical,
            "canonical_ar": arabic or next((w for w in written if not w.isascii()), None),
            "name_source": self.sources.most_common(1)[0][0] if self.sources else None,
            "type": self.types.most_common(1)[0][0],
            "types": dict(self.types),
            "roles": list(self.roles),
            "aliases": written,
            "mentions": self.mentions,
            "documents": len(self.articles),
            "docs": list(self.docs),
        }


class EntityIndex:
    """Entities of a corpus by key, with what each page needs to be assembled quickly."""

    def __init__(self, corpus: Corpus) -> None:
        self.corpus = corpus
        entries: dict[str, _Entry] = {}
        self.article_keys: dict[str, set[str]] = {}
        self._placed: dict[str, tuple[list[int], list[Entity]]] = {}
        for article in corpus.articles:
            day = article.published.value
            here: set[str] = set()
            for entity in article.entities:
                key = entity_key(entity)
                entry = entries.get(key)
                if entry is None:
                    entry = entries[key] = _Entry(key, entity.canonical)
                entry.mentions += 1
                entry.types[entity.type] += 1
                entry.spellings[entity.text] += 1
                arabic = getattr(entity, "canonical_ar", None)
                if arabic:
                    entry.arabic[arabic] += 1
                source = getattr(entity, "name_source", None)
                if source:
                    entry.sources[source] += 1
                entry.by_month[_month(day)] += 1
                if entity.role:
                    span = entry.roles.setdefault(entity.role, [day, day, 0])
                    if day and (span[0] is None or day < span[0]):
                        span[0] = day
                    if day and (span[1] is None or day > span[1]):
                        span[1] = day
                    span[2] += 1
                if key not in here:
                    here.add(key)
                    entry.articles.append(article.id)
                    entry.docs.append(article.doc)
            self.article_keys[article.id] = here
            placed = sorted(article.entities, key=lambda e: e.span.start)
            self._placed[article.id] = ([e.span.start for e in placed], placed)
        self._entries = entries
        ranked = sorted(entries.values(), key=lambda e: (-e.mentions, e.canonical))
        self.rows: list[dict[str, Any]] = [entry.row() for entry in ranked]
        self.by_key: dict[str, dict[str, Any]] = {row["key"]: row for row in self.rows}
        self.by_canonical: dict[str, str] = {}
        for row in self.rows:  # most mentioned first: a shared name goes to the commonest
            self.by_canonical.setdefault(row["canonical"], row["key"])
        self.folded_names: dict[str, str] = {}  # key -> its spellings folded, " | " between
        self._by_spelling: dict[str, list[str]] = {}
        self._by_latin_word: dict[str, set[str]] = {}
        for row in self.rows:
            spellings = [" ".join(TextView(a).words) for a in row["aliases"]]
            self.folded_names[row["key"]] = " | ".join(spellings)
            for spelling in set(spellings):
                self._by_spelling.setdefault(spelling, []).append(row["key"])
            for word in row["canonical"].casefold().split():
                self._by_latin_word.setdefault(word, set()).add(row["key"])
        self.event_keys = self._event_keys()
        self.events_of: dict[str, list[str]] = {}
        for event_id, keys in self.event_keys.items():
            for key in keys:
                self.events_of.setdefault(key, []).append(event_id)
        self._pages: dict[str, dict[str, Any]] = {}
        self._lock = threading.Lock()

    def _event_keys(self) -> dict[str, set[str]]:
        """Per event, the entities taking part or named in one of its source sentences."""
        out: dict[str, set[str]] = {}
        for event in self.corpus.events.values():
            keys = {self.by_canonical[p] for p in event.participants if p in self.by_canonical}
            for source in event.sources:
                keys.update(self.keys_within(source.article_id, source.start, source.end))
            out[event.id] = keys
        return out

    def keys_within(self, article_id: str, start: int, end: int) -> set[str]:
        """Keys of the entities mentioned inside ``[start, end)`` of an article."""
        starts, ordered = self._placed.get(article_id, ([], []))
        index = bisect.bisect_left(starts, start)
        found = set()
        while index < len(ordered) and ordered[index].span.start < end:
            if ordered[index].span.end <= end:
                found.add(entity_key(ordered[index]))
            index += 1
        return found

    def find(self, name: str) -> dict[str, Any] | None:
        """The row of a key, else of a canonical name, else of an exact spelling."""
        row = self.by_key.get(name)
        if row is None and name in self.by_canonical:
            row = self.by_key[self.by_canonical[name]]
        if row is None:
            row = next((r for r in self.rows if name in r["aliases"]), None)
        return row

    def named_by(self, query: str, limit: int = 3) -> list[dict[str, Any]]:
        """Entities a search query names: all words of its Latin name, or one of its
        spellings exactly (folded), most mentioned first."""
        folded = " ".join(TextView(query).words)
        keys = list(self._by_spelling.get(folded, [])) if folded else []
        words = query.casefold().split()
        if words and query.isascii():
            common = set.intersection(*(self._by_latin_word.get(w, set()) for w in words))
            keys += [k for k in common if k not in keys]
        rows = sorted((self.by_key[k] for k in keys), key=lambda r: -r["mentions"])
        return rows[:limit]

    def names_of(self, canonical: str) -> list[str]:
        """Every name of the entity called ``canonical``: Latin, Arabic, its spellings."""
        row = self.find(canonical)
        if row is None:
            return [canonical]
        return [row["canonical"], *([row["canonical_ar"]] if row["canonical_ar"] else [])] + [
            a for a in row["aliases"]
        ]

    def page(self, key: str) -> dict[str, Any]:
        with self._lock:
            cached = self._pages.get(key)
        if cached is not None:
            return cached
        page = self._page(key)
        with self._lock:
            self._pages[key] = page
        return page

    def _page(self, key: str) -> dict[str, Any]:
        row = self.by_key[key]
        entry = self._entries[key]
        corpus = self.corpus
        quotes = corpus.quotes
        events = [corpus.events[i] for i in self.events_of.get(key, [])]
        events.sort(key=lambda e: (e.date is None, e.date or "", e.title))
        together: Counter[str] = Counter()
        for article_id in entry.articles:
            together.update(self.article_keys.get(article_id, ()))
        together.pop(key, None)
        cooccurring = []
        for other, count in together.most_common(COOCCURRING):
            other_row = self.by_key[other]
            cooccurring.append(
                {
                    "key": other,
                    "canonical": other_row["canonical"],
                    "canonical_ar": other_row["canonical_ar"],
                    "type": other_row["type"],
                    "articles": count,
                }
            )
        roles = [
            {"role": role, "first": first, "last": last, "mentions": count}
            for role, (first, last, count) in entry.roles.items()
        ]
        roles.sort(key=lambda r: (r["first"] or "9999", r["role"]))
        said = quotes.said_by(row["canonical"], key)
        return {
            **row,
            "docs": row["docs"][:PAGE_ITEMS],
            "spellings": [{"text": t, "mentions": n} for t, n in entry.spellings.most_common()],
            "roles_over_time": roles,
            "quotes": said[:PAGE_ITEMS],
            "quotes_total": len(said),
            "about": quotes.naming(key)[:PAGE_ITEMS],
            "about_total": len(quotes.naming(key)),
            "events": [event_summary(e) for e in events[:PAGE_ITEMS]],
            "events_total": len(events),
            "cooccurring": cooccurring,
            "by_month": {m: n for m, n in sorted(entry.by_month.items()) if m},
            "undated_mentions": entry.by_month.get("", 0),
        }
