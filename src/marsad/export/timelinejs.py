"""TimelineJS3 JSON (the format newsrooms load into Knight Lab's TimelineJS).

Each dated event becomes a slide whose text lists its sources with their sentences.
TimelineJS needs a year: an event dated only by an ISO form it cannot hold (a week, a
season) keeps its year and shows the exact value as ``display_date``; undated events
cannot be placed and are counted on the title slide instead of being given a date.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from html import escape
from typing import Any

from marsad.corpus.timeline import Event, Timeline
from marsad.export.sources import event_sources, one_line
from marsad.model import Article

_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2}))?)?)?")
_PARTS = ("year", "month", "day", "hour", "minute")


def tl_date(value: str) -> tuple[dict[str, str], bool] | None:
    """A TimelineJS date object for an ISO bound, and whether it was read completely."""
    match = _ISO.match(value)
    if match is None:
        return None
    date = {part: piece for part, piece in zip(_PARTS, match.groups(), strict=True) if piece}
    return date, match.end() == len(value)


def _text(event: Event, articles: Mapping[str, Article]) -> str:
    parts = []
    if event.participants:
        parts.append(f"<p>{escape(', '.join(event.participants))}</p>")
    if event.date is None and event.reason:
        parts.append(f"<p>{escape(event.reason)}</p>")
    items = []
    for found in event_sources(event, articles, 0):
        sentence = escape(one_line(found.sentence)) if found.known else ""
        items.append(f"<li><b>{escape(found.doc)}</b>: {sentence}</li>")
    parts.append(f"<ul>{''.join(items)}</ul>")
    return "".join(parts)


def _slide(event: Event, articles: Mapping[str, Article]) -> dict[str, Any] | None:
    if event.date is None:
        return None
    bounds = event.date.split("/")
    start = tl_date(bounds[0])
    if start is None:
        return None
    slide: dict[str, Any] = {
        "unique_id": f"event-{event.id}",
        "start_date": start[0],
        "text": {"headline": escape(event.title), "text": _text(event, articles)},
        "group": event.kind,
    }
    complete = start[1]
    if len(bounds) == 2:
        end = tl_date(bounds[1])
        if end is not None:
            slide["end_date"] = end[0]
            complete = complete and end[1]
        else:
            complete = False
    if not complete:
        slide["start_date"]["display_date"] = event.date
    return slide


def timelinejs_data(
    timeline: Timeline, articles: Mapping[str, Article], title: str = "marsad timeline"
) -> dict[str, Any]:
    slides = [_slide(event, articles) for event in timeline.events]
    placed = [slide for slide in slides if slide is not None]
    unplaced = len(timeline.events) - len(placed) + len(timeline.undated)
    note = f"{len(placed)} dated event(s)"
    if unplaced:
        note += f"; {unplaced} event(s) without a date TimelineJS can place are not shown"
    return {
        "title": {"text": {"headline": escape(title), "text": f"<p>{escape(note)}</p>"}},
        "events": placed,
    }


def timeline_timelinejs(timeline: Timeline, articles: Mapping[str, Article]) -> str:
    return json.dumps(timelinejs_data(timeline, articles), ensure_ascii=False, indent=1) + "\n"
