"""How an article and its layers map to table rows: shared by the SQLite and PostgreSQL stores.

``article_to_record`` / ``article_from_record`` give the same mapping as one JSON-able
dict, lossless (text, every layer, provenance), for files such as the Spark job's Parquet.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from marsad.arabic.normalize import normalize
from marsad.model import (
    Article,
    Boilerplate,
    Entity,
    EventMention,
    Published,
    PublishedSource,
    Quantity,
    Quote,
    Sentence,
    Span,
    Timex,
)
from marsad.temporal.relative import Relative

Row = tuple[Any, ...]


def _relative_json(relative: Relative | None) -> str | None:
    if relative is None:
        return None
    return json.dumps(relative.to_json(), ensure_ascii=False, sort_keys=True)


def _relative(value: str | None) -> Relative | None:
    return None if value is None else Relative.from_json(json.loads(value))


def _entity_identity(row: Row) -> tuple[str, str, str]:
    """(canonical_ar, name_source, id) of an entity row; empty for a record written before
    version 4."""
    found = [str(value or "") for value in row[7:10]]
    found += [""] * (3 - len(found))
    return found[0], found[1], found[2]


def _speaker_identity(row: Row) -> tuple[str | None, str | None]:
    """(speaker_ar, speaker_id) of a quote row; None for a record written before version 5."""
    found = [str(value) if value else None for value in row[11:13]]
    found += [None] * (2 - len(found))
    return found[0], found[1]


def _span(start: int | None, end: int | None) -> Span | None:
    return None if start is None or end is None else Span(start, end)


def _span_row(span: Span | None) -> tuple[int | None, int | None]:
    return (None, None) if span is None else (span.start, span.end)


def _quantity(r: Row, value: Any) -> Quantity:
    """A stored ``[low, high]`` value is a range: its ``bounds``, with no single value."""
    bounds = (value[0], value[1]) if isinstance(value, list) else None
    return Quantity(
        Span(r[0], r[1]),
        r[2],
        None if bounds is not None else value,
        r[4],
        r[5],
        bool(r[6]),
        bool(r[7]),
        r[8],
        _span(r[9], r[10]),
        _span(r[11], r[12]),
        bounds,
    )


@dataclass(frozen=True, slots=True)
class Layer:
    """How one article layer maps to its table (columns after article_id and seq)."""

    table: str
    attribute: str
    columns: tuple[str, ...]
    to_row: Callable[[Any], Row]
    from_row: Callable[[Row], Any]


LAYERS = (
    Layer(
        "boilerplate",
        "boilerplate",
        ("start", "end", "kind"),
        lambda b: (b.span.start, b.span.end, b.kind),
        lambda r: Boilerplate(Span(r[0], r[1]), r[2]),
    ),
    Layer(
        "sentences",
        "sentences",
        ("start", "end"),
        lambda s: (s.span.start, s.span.end),
        lambda r: Sentence(Span(r[0], r[1])),
    ),
    Layer(
        "timexes",
        "timexes",
        (
            "start",
            "end",
            "text",
            "type",
            "value",
            "anchor",
            "granularity",
            "vague",
            "hijri",
            "rule",
            "relative",
        ),
        lambda t: (
            t.span.start,
            t.span.end,
            t.text,
            t.type,
            t.value,
            t.anchor,
            t.granularity,
            int(t.vague),
            t.hijri,
            t.rule,
            _relative_json(t.relative),
        ),
        lambda r: Timex(
            Span(r[0], r[1]),
            r[2],
            r[3],
            r[4],
            r[5],
            r[6],
            bool(r[7]),
            r[8],
            r[9],
            _relative(r[10] if len(r) > 10 else None),  # a record written before version 3
        ),
    ),
    Layer(
        "entities",
        "entities",
        (
            "start",
            "end",
            "text",
            "type",
            "canonical",
            "role",
            "rule",
            "canonical_ar",
            "name_source",
            "entity_id",
        ),
        lambda e: (
            e.span.start,
            e.span.end,
            e.text,
            e.type,
            e.canonical,
            e.role,
            e.rule,
            e.canonical_ar,
            e.name_source,
            e.id,
        ),
        lambda r: Entity(Span(r[0], r[1]), r[2], r[3], r[4], r[5], r[6], *_entity_identity(r)),
    ),
    Layer(
        "quotes",
        "quotes",
        (
            "speaker",
            "cue",
            "cue_start",
            "cue_end",
            "content_start",
            "content_end",
            "speaker_start",
            "speaker_end",
            "implicit",
            "date",
            "date_note",
            "speaker_ar",
            "speaker_id",
        ),
        lambda q: (
            q.speaker,
            q.cue,
            q.cue_span.start,
            q.cue_span.end,
            q.content_span.start,
            q.content_span.end,
            q.speaker_span.start if q.speaker_span else None,
            q.speaker_span.end if q.speaker_span else None,
            int(q.implicit),
            q.date,
            q.date_note,
            q.speaker_ar or "",
            q.speaker_id or "",
        ),
        lambda r: Quote(
            r[0],
            r[1],
            Span(r[2], r[3]),
            Span(r[4], r[5]),
            _span(r[6], r[7]),
            bool(r[8]),
            r[9],
            r[10],
            *_speaker_identity(r),
        ),
    ),
    Layer(
        "quantities",
        "quantities",
        (
            "start",
            "end",
            "text",
            "value",
            "unit",
            "subject",
            "approximate",
            "vague",
            "category",
            "head_start",
            "head_end",
            "sentence_start",
            "sentence_end",
        ),
        lambda q: (
            q.span.start,
            q.span.end,
            q.text,
            json.dumps(list(q.bounds) if q.bounds is not None else q.value),
            q.unit,
            q.subject,
            int(q.approximate),
            int(q.vague),
            q.category,
            *_span_row(q.head),
            *_span_row(q.sentence),
        ),
        lambda r: _quantity(r, json.loads(r[3])),
    ),
    Layer(
        "events",
        "events",
        (
            "kind",
            "trigger_start",
            "trigger_end",
            "trigger_text",
            "sentence_start",
            "sentence_end",
            "date",
            "timex_start",
            "timex_end",
            "participants",
            "name",
            "undated_reason",
            "rule",
            "place",
        ),
        lambda e: (
            e.kind,
            e.trigger.start,
            e.trigger.end,
            e.trigger_text,
            e.sentence.start,
            e.sentence.end,
            e.date,
            e.timex.start if e.timex else None,
            e.timex.end if e.timex else None,
            json.dumps(e.participants, ensure_ascii=False),
            e.name,
            e.undated_reason,
            e.rule,
            e.place,
        ),
        lambda r: EventMention(
            r[0],
            Span(r[1], r[2]),
            r[3],
            Span(r[4], r[5]),
            r[6],
            _span(r[7], r[8]),
            json.loads(r[9]),
            r[10],
            r[11],
            r[12],
            r[13] if len(r) > 13 else None,  # records written before schema version 2
        ),
    ),
)

ARTICLE_COLUMNS = (
    "id",
    "doc",
    "source",
    "text",
    "title",
    "url",
    "outlet",
    "published_value",
    "published_source",
    "published_start",
    "published_end",
    "published_note",
    "published_crawled",
    "language",
    "encoding",
    "raw",
)


# Article columns added after records were first written (Parquet from an older job).
_ADDED_COLUMNS = frozenset({"published_crawled"})


def quoted(columns: Sequence[str]) -> str:
    return ", ".join(f'"{c}"' for c in columns)


def article_row(article: Article) -> Row:
    published = article.published
    return (
        article.id,
        article.doc,
        article.source,
        article.text,
        article.title,
        article.url,
        article.outlet,
        published.value,
        str(published.source),
        published.span.start if published.span else None,
        published.span.end if published.span else None,
        published.note,
        published.crawled,
        article.language,
        article.encoding,
        article.raw,
    )


def article_from_row(row: Row) -> Article:
    (id_, doc, source, text, title, url, outlet, p_value, p_source, p_start, p_end, p_note) = row[
        :12
    ]
    crawled, language, encoding, raw = row[12:]
    published = Published(
        p_value, PublishedSource(p_source), _span(p_start, p_end), p_note, crawled
    )
    return Article(
        doc=doc,
        source=source,
        text=text,
        title=title,
        url=url,
        outlet=outlet,
        published=published,
        language=language,
        encoding=encoding,
        raw=raw,
        id=id_,
    )


def search_body(article: Article) -> str:
    """The title and text folded as ``normalize`` folds them, for the FTS index."""
    return normalize("\n".join(part for part in (article.title, article.text) if part))


def article_to_record(article: Article) -> dict[str, Any]:
    """The article with every layer as one JSON-able dict (columns and rows as stored)."""
    return {
        "article": dict(zip(ARTICLE_COLUMNS, article_row(article), strict=True)),
        "layers": {
            layer.table: [list(layer.to_row(item)) for item in getattr(article, layer.attribute)]
            for layer in LAYERS
        },
    }


def article_from_record(record: dict[str, Any]) -> Article:
    """Inverse of ``article_to_record``: the same article, layers and offsets included."""
    values = record["article"]
    # a record written before a column was added reads it as NULL; any other is required
    article = article_from_row(
        tuple(values.get(c) if c in _ADDED_COLUMNS else values[c] for c in ARTICLE_COLUMNS)
    )
    layers = record.get("layers", {})
    for layer in LAYERS:
        rows = layers.get(layer.table, [])
        setattr(article, layer.attribute, [layer.from_row(tuple(r)) for r in rows])
    return article
