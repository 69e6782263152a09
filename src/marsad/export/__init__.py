"""Timeline exports: JSON, CSV (Excel-safe), TimelineJS3 JSON, a standalone HTML report, Markdown.

Every exporter takes the built ``Timeline`` and the articles by id (for the source
sentences) and returns text; ``export_timeline`` picks one by format name.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from marsad.corpus.timeline import Timeline
from marsad.export.as_csv import timeline_csv
from marsad.export.as_json import timeline_json
from marsad.export.html_report import timeline_html
from marsad.export.markdown import timeline_markdown
from marsad.export.timelinejs import timeline_timelinejs
from marsad.model import Article

Exporter = Callable[[Timeline, Mapping[str, Article]], str]

EXPORTERS: dict[str, Exporter] = {
    "json": timeline_json,
    "csv": timeline_csv,
    "timelinejs": timeline_timelinejs,
    "html": timeline_html,
    "md": timeline_markdown,
}

MEDIA_TYPES = {
    "json": "application/json",
    "csv": "text/csv; charset=utf-8",
    "timelinejs": "application/json",
    "html": "text/html; charset=utf-8",
    "md": "text/markdown; charset=utf-8",
}

EXTENSIONS = {"json": "json", "csv": "csv", "timelinejs": "json", "html": "html", "md": "md"}


def export_timeline(timeline: Timeline, articles: Mapping[str, Article], fmt: str) -> str:
    """The timeline in format ``fmt`` (one of ``EXPORTERS``); KeyError for an unknown one."""
    return EXPORTERS[fmt](timeline, articles)


__all__ = ["EXPORTERS", "EXTENSIONS", "MEDIA_TYPES", "export_timeline"]
