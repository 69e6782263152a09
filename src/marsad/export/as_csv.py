"""CSV: one row per (event, source), UTF-8 with a BOM so Excel reads the Arabic right.

Cells that a spreadsheet would run as a formula (starting with = + - @, tab or CR) get
a leading apostrophe: an article's text must never execute in the analyst's Excel.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping

from marsad.corpus.timeline import Event, Timeline
from marsad.export.sources import one_line, source_text
from marsad.model import Article

BOM = "\ufeff"
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

COLUMNS = (
    "event_id",
    "date",
    "undated_reason",
    "title",
    "kind",
    "participants",
    "other_dates",
    "doc",
    "article_id",
    "published",
    "start",
    "end",
    "sentence",
)


def excel_safe(value: object) -> str:
    """The cell as text, neutralised when a spreadsheet would read it as a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


def _rows(event: Event, articles: Mapping[str, Article], other_dates: str) -> list[list[str]]:
    rows = []
    for source in event.sources:
        found = source_text(source, articles, 0)
        values: list[object] = [
            event.id,
            event.date,
            event.reason if event.date is None else None,
            event.title,
            event.kind,
            "; ".join(event.participants),
            other_dates,
            source.doc,
            source.article_id,
            found.published,
            source.start,
            source.end,
            one_line(found.sentence),
        ]
        rows.append([excel_safe(v) for v in values])
    return rows


def timeline_csv(timeline: Timeline, articles: Mapping[str, Article]) -> str:
    others: dict[str, str] = {}
    for named in timeline.name_dates:
        for event_id, date in zip(named.event_ids, named.dates, strict=False):
            others[event_id] = "; ".join(d for d in named.dates if d != date)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for event in [*timeline.events, *timeline.undated]:
        writer.writerows(_rows(event, articles, others.get(event.id, "")))
    return BOM + buffer.getvalue()
