"""The timeline within a scope (story, query, entity, kind, period), and its axis.

The axis places every dated event of the scope by its first and last day; events far
outside the period the reports were published in (history recalled, plans for 2030)
go to a background lane so the axis opens on the story, not on the year 615. Undated
events have their own lane. Exports take the same scope, so what is shown is exported.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from marsad.corpus.timeline import Event, Timeline
from marsad.web.dates import day_range, in_period

if TYPE_CHECKING:
    from marsad.web.corpus import Corpus

MAX_MARKS = 2000  # marks sent for the axis (most reported first); the rest are counted
MAX_LANE_MARKS = 300  # marks sent for each of the background and undated lanes
_CORE = 0.9  # share of the event dates the focus period holds


@dataclass(frozen=True, slots=True)
class Scope:
    story: str | None = None
    kind: str | None = None
    entity: str | None = None  # an entity key
    since: str | None = None
    until: str | None = None
    articles: frozenset[str] | None = None  # a query's matching articles, None: any


@dataclass(slots=True)
class Scoped:
    dated: list[Event]
    undated: list[Event]
    timeline: Timeline  # the scoped timeline, conflicts included, for exports

    @property
    def conflicts(self) -> list[Any]:
        return self.timeline.conflicts


def _ordinal(day: str) -> int:
    return date.fromisoformat(day).toordinal()


def _focus(corpus: Corpus) -> tuple[str, str] | None:
    """The days the axis opens on: the shortest stretch holding ``_CORE`` of the event
    dates, widened to the publication period."""
    starts = sorted(b[0] for e in corpus.timeline.events if (b := day_range(e.date)))
    if not starts:
        return None
    size = max(1, math.ceil(len(starts) * _CORE))
    ordinals = [_ordinal(day) for day in starts]
    best = min(range(len(starts) - size + 1), key=lambda i: ordinals[i + size - 1] - ordinals[i])
    low, high = starts[best], starts[best + size - 1]
    days = sorted(d[:10] for a in corpus.articles if (d := a.published.value) and len(d) >= 10)
    if days:
        low, high = min(low, days[0]), max(high, days[-1])
    return f"{low[:4]}-01-01", f"{high[:4]}-12-31"


class TimelineScopes:
    """Scoped timelines of one corpus."""

    def __init__(self, corpus: Corpus) -> None:
        self.corpus = corpus
        self.focus = _focus(corpus)
        self.bounds = {e.id: day_range(e.date) for e in corpus.timeline.events}
        conflicted = {c.event_id for c in corpus.timeline.conflicts}
        conflicted |= {i for c in corpus.timeline.name_dates for i in c.event_ids}
        self.conflicted = conflicted

    def _keep(self, event: Event, scope: Scope, members: set[str] | None) -> bool:
        if scope.kind and event.kind != scope.kind:
            return False
        if members is not None and not any(s.article_id in members for s in event.sources):
            return False
        if scope.articles is not None and not any(
            s.article_id in scope.articles for s in event.sources
        ):
            return False
        if scope.entity is not None:
            keys = self.corpus.entity_index.event_keys.get(event.id, set())
            if scope.entity not in keys:
                return False
        return True

    def select(self, scope: Scope) -> Scoped:
        corpus = self.corpus
        members = corpus.story_index.members(scope.story) if scope.story else None
        dated = []
        for event in corpus.timeline.events:
            if not self._keep(event, scope, members):
                continue
            bounds = self.bounds.get(event.id)
            if (scope.since or scope.until) and (
                bounds is None or not in_period(bounds, scope.since, scope.until)
            ):
                continue
            dated.append(event)
        undated = (
            []
            if scope.since or scope.until
            else [e for e in corpus.timeline.undated if self._keep(e, scope, members)]
        )
        ids = {e.id for e in dated} | {e.id for e in undated}
        timeline = Timeline(
            events=dated,
            undated=undated,
            conflicts=[c for c in corpus.timeline.conflicts if c.event_id in ids],
            name_dates=[c for c in corpus.timeline.name_dates if ids & set(c.event_ids)],
        )
        return Scoped(dated, undated, timeline)

    def in_focus(self, event: Event) -> bool:
        bounds = self.bounds.get(event.id)
        if bounds is None or event.scope == "background":  # the timeline's own rule
            return False
        if self.focus is None:
            return True
        return bounds[1] >= self.focus[0] and bounds[0] <= self.focus[1]

    def mark(self, event: Event) -> dict[str, Any]:
        bounds = self.bounds.get(event.id)
        return {
            "id": event.id,
            "date": event.date,
            "start": bounds[0] if bounds else None,
            "end": bounds[1] if bounds else None,
            "reports": len({s.article_id for s in event.sources}),
            "kind": event.kind,
            "title": event.title,
            "conflict": event.id in self.conflicted,
        }

    def _marks(self, events: Iterable[Event], cap: int) -> tuple[int, list[dict[str, Any]]]:
        marks = [self.mark(e) for e in events]
        marks.sort(key=lambda m: (-m["reports"], m["start"] or "", m["id"]))
        return len(marks), marks[:cap]

    def axis(self, scope: Scope) -> dict[str, Any]:
        scoped = self.select(scope)
        focused = [e for e in scoped.dated if self.in_focus(e)]
        background = [e for e in scoped.dated if not self.in_focus(e)]
        total, marks = self._marks(focused, MAX_MARKS)
        background_total, background_marks = self._marks(background, MAX_LANE_MARKS)
        undated_total, undated_marks = self._marks(scoped.undated, MAX_LANE_MARKS)
        for mark in undated_marks:
            mark["reason"] = self.corpus.events[mark["id"]].reason
        starts = [m["start"] for m in marks if m["start"]]
        ends = [m["end"] for m in marks if m["end"]]
        return {
            "focus": {"from": self.focus[0], "to": self.focus[1]} if self.focus else None,
            "span": {"from": min(starts), "to": max(ends)} if starts else None,
            "marks": marks,
            "total": total,
            "background": {"total": background_total, "marks": background_marks},
            "undated": {"total": undated_total, "marks": undated_marks},
            "conflicts": len(scoped.conflicts) + len(scoped.timeline.name_dates),
        }
