"""The timeline JSON of DESIGN.md, with the conflicts and each source's sentence."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from marsad.corpus.timeline import Event, Timeline
from marsad.export.sources import source_text
from marsad.model import Article


def _event_json(event: Event, articles: Mapping[str, Article]) -> dict[str, Any]:
    out = event.to_json()
    for source, record in zip(event.sources, out["sources"], strict=True):
        record["article_id"] = source.article_id
        record["sentence"] = source_text(source, articles, 0).sentence
    return out


def timeline_data(timeline: Timeline, articles: Mapping[str, Article]) -> dict[str, Any]:
    """``Timeline.to_json(with_conflicts=True)`` plus article ids and sentence texts."""
    return {
        "events": [_event_json(e, articles) for e in timeline.events],
        "undated": [_event_json(e, articles) for e in timeline.undated],
        "conflicts": [c.to_json() for c in timeline.conflicts],
    }


def timeline_json(timeline: Timeline, articles: Mapping[str, Article]) -> str:
    return json.dumps(timeline_data(timeline, articles), ensure_ascii=False, indent=1) + "\n"
