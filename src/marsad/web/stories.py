"""Story pages: a story's outlets, its reprint chains and the conflicts among its reports.

Reprint chains come from the corpus's duplicate groups (a wire item and its copies always
fall in one story): the members in order of publication, the first one marked, so the
page says who reported first and who copied. A conflict belongs to a story when one of
its versions has a source among the story's articles; each version keeps its sources.
"""

from __future__ import annotations

import threading
from collections import Counter
from typing import TYPE_CHECKING, Any

from marsad.corpus.stories import Story
from marsad.corpus.timeline import Event

if TYPE_CHECKING:
    from marsad.web.corpus import Corpus


def _source_json(corpus: Corpus, article_id: str, start: int, end: int) -> dict[str, Any]:
    article = corpus.by_id.get(article_id)
    if article is None:
        return {"article_id": article_id, "start": start, "end": end}
    return {
        "article_id": article_id,
        "doc": article.doc,
        "outlet": article.outlet,
        "published": article.published.value,
        "start": start,
        "end": end,
        "sentence": article.text[start:end],
    }


class StoryIndex:
    """Stories by id, the story of each article, and each story's page once asked for."""

    def __init__(self, corpus: Corpus) -> None:
        self.corpus = corpus
        self.stories: list[Story] = corpus.stories
        self.by_id: dict[str, Story] = {s.id: s for s in self.stories}
        self.story_of: dict[str, str] = {}
        for story in self.stories:
            for article_id in story.article_ids:
                self.story_of[article_id] = story.id
        self.reprints_of: dict[str, list[Any]] = {}
        self.group_of: dict[str, Any] = {}
        for group in corpus.reprints:
            story_id = self.story_of.get(group.members[0].article_id)
            if story_id is not None:
                self.reprints_of.setdefault(story_id, []).append(group)
            for member in group.members:
                self.group_of[member.article_id] = group
        self._pages: dict[str, dict[str, Any]] = {}
        self._lock = threading.Lock()

    def members(self, story_id: str) -> set[str]:
        return set(self.by_id[story_id].article_ids)

    def summary(self, story: Story) -> dict[str, Any]:
        return {
            **story.to_json(),
            "reports": len(story.article_ids),
            "reprint_groups": len(self.reprints_of.get(story.id, [])),
        }

    def page(self, story_id: str) -> dict[str, Any]:
        with self._lock:
            cached = self._pages.get(story_id)
        if cached is None:
            cached = self._page(self.by_id[story_id])
            with self._lock:
                self._pages[story_id] = cached
        return cached

    def reprint_chain(self, group: Any) -> dict[str, Any]:
        corpus = self.corpus
        members = []
        for member in group.members:
            article = corpus.by_id.get(member.article_id)
            members.append(
                {
                    **member.to_json(),
                    "title": article.title if article else None,
                    "published": article.published.value if article else None,
                }
            )
        members.sort(key=lambda m: (m["published"] is None, m["published"] or ""))
        first = group.members[0].article_id
        for member in members:
            member["original"] = member["id"] == first
        return {"id": group.id, "kind": group.kind, "members": members}

    def _event_in(self, event: Event, members: set[str]) -> bool:
        return any(s.article_id in members for s in event.sources)

    def _page(self, story: Story) -> dict[str, Any]:
        corpus = self.corpus
        members = set(story.article_ids)
        outlets: dict[str, dict[str, Any]] = {}
        counts: Counter[str] = Counter()
        for article_id in story.article_ids:
            article = corpus.by_id[article_id]
            name = article.outlet or ""
            counts[name] += 1
            day = article.published.value
            row = outlets.setdefault(name, {"outlet": article.outlet, "first": day})
            if day and (row["first"] is None or day < row["first"]):
                row["first"] = day
        for name, row in outlets.items():
            row["reports"] = counts[name]
        name_dates = []
        for conflict in corpus.timeline.name_dates:
            events = [corpus.events[i] for i in conflict.event_ids if i in corpus.events]
            if not any(self._event_in(e, members) for e in events):
                continue
            name_dates.append(
                {
                    **conflict.to_json(),
                    "versions": [
                        {
                            "value": event.date,
                            "event": event.id,
                            "title": event.title,
                            "sources": [
                                _source_json(corpus, s.article_id, s.start, s.end)
                                for s in event.sources
                            ],
                        }
                        for event in events
                    ],
                }
            )
        conflicts = []
        for slot in corpus.timeline.conflicts:
            event = corpus.events.get(slot.event_id)
            if event is not None and self._event_in(event, members):
                conflicts.append(slot.to_json())
        dated = sum(1 for e in corpus.timeline.events if self._event_in(e, members))
        undated = sum(1 for e in corpus.timeline.undated if self._event_in(e, members))
        return {
            **self.summary(story),
            "outlet_reports": sorted(
                outlets.values(), key=lambda r: (r["first"] is None, r["first"] or "")
            ),
            "reprints": [self.reprint_chain(g) for g in self.reprints_of.get(story.id, [])],
            "conflicts": conflicts,
            "name_dates": name_dates,
            "events": {"dated": dated, "undated": undated},
        }
