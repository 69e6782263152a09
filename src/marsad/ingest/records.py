"""JSON and JSONL records: one article per record, streamed line by line for JSONL.

Record fields: ``id``, ``text`` (or ``content``), and optionally ``title``, ``url``,
``published``, ``outlet``; ``ReadOptions.fields`` maps any of them to other keys.

Outlet: ``outlet``; when absent, ``source_name`` (a readable outlet name, as in
SaudiNewsNet); when both are absent, ``source`` if it is a short name rather than a URL or
path. A mapping for ``outlet`` replaces this chain. ``ReadOptions.outlet`` wins over all.

Published: the record's ``published`` (or the mapped key), normalised to ISO 8601, source
``metadata``; else a date in the record's URL (source ``url``). Crawl times such as
SaudiNewsNet's ``date_extracted`` are NOT publication dates and are never used unless the
user maps them explicitly. File-name dates are not applied to records: a JSONL file named
after a day is usually a crawl batch.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO

from marsad.ingest.boilerplate import with_boilerplate
from marsad.ingest.inputs import InputError, ReadOptions
from marsad.ingest.published import choose_published, parse_published
from marsad.model import Article

_TEXT_KEYS = ("text", "content")
_OUTLET_KEYS = ("outlet", "source_name", "source")


def _keys(field: str, options: ReadOptions, defaults: tuple[str, ...]) -> tuple[str, ...]:
    mapped = options.fields.get(field)
    return (mapped,) if mapped else defaults


def _first(record: dict[str, Any], keys: tuple[str, ...]) -> Any:
    for key in keys:
        value = record.get(key)
        if value not in (None, ""):
            return value
    return None


def _as_text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    return None


def _outlet(record: dict[str, Any], options: ReadOptions) -> str | None:
    if options.outlet:
        return options.outlet
    if "outlet" in options.fields:
        return _as_text(record.get(options.fields["outlet"]))
    for key in _OUTLET_KEYS:
        value = _as_text(record.get(key))
        if value and not (key == "source" and ("/" in value or ":" in value)):
            return value
    return None


def record_to_article(
    record: Any, where: str, default_doc: str, options: ReadOptions
) -> Article | InputError:
    """One record to an article; ``where`` is ``<path>#<line>`` for messages and source."""
    if not isinstance(record, dict):
        return InputError(where, f"record is a JSON {type(record).__name__}, not an object")
    text_keys = _keys("text", options, _TEXT_KEYS)
    text = _first(record, text_keys)
    if text is None:
        return InputError(
            where, f"record has no text (looked for {', '.join(text_keys)}): map its text field"
        )
    if not isinstance(text, str):
        return InputError(where, f"record text is a JSON {type(text).__name__}, not a string")
    if not text.strip():
        return InputError(where, "record text is empty")
    doc = _as_text(_first(record, _keys("id", options, ("id",)))) or default_doc
    url = _as_text(_first(record, _keys("url", options, ("url",))))
    raw_date = _as_text(_first(record, _keys("published", options, ("published",))))
    metadata, note = parse_published(raw_date) if raw_date else (None, None)
    if raw_date and metadata is None:
        note = f"published value ignored: {note}"
    return with_boilerplate(
        Article(
            doc=doc,
            source=where,
            text=text,
            title=_as_text(_first(record, _keys("title", options, ("title",)))),
            url=url,
            outlet=_outlet(record, options),
            published=choose_published(options.published, metadata=metadata, url=url, note=note),
            encoding="utf-8",
        )
    )


def read_jsonl(
    stream: BinaryIO, source: str, options: ReadOptions | None = None
) -> Iterator[Article | InputError]:
    """Stream a JSONL file line by line; a bad line gives an InputError, the rest go on."""
    options = options or ReadOptions()
    name = Path(source).name
    seen_any = False
    for number, raw in enumerate(stream, start=1):
        where = f"{source}#{number}"
        if number == 1 and raw.startswith(b"\xef\xbb\xbf"):
            raw = raw[3:]
        if not raw.strip():
            continue
        seen_any = True
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError:
            yield InputError(where, "line is not UTF-8: re-export the file as UTF-8 JSONL")
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            yield InputError(
                where, f"invalid JSON ({error.msg}, column {error.colno}): fix or drop the line"
            )
            continue
        yield record_to_article(record, where, f"{name}#{number}", options)
    if not seen_any:
        yield InputError(source, "empty file: no JSON records")


def read_json(
    data: bytes, source: str, options: ReadOptions | None = None
) -> Iterator[Article | InputError]:
    """A JSON file holding one record or a list of records (``#n`` is the record number)."""
    options = options or ReadOptions()
    name = Path(source).name
    if not data.strip():
        yield InputError(source, "empty file: no JSON records")
        return
    try:
        value = json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        yield InputError(source, "not UTF-8: re-export the file as UTF-8 JSON")
        return
    except json.JSONDecodeError as error:
        yield InputError(
            source,
            f"invalid JSON ({error.msg}, line {error.lineno} column {error.colno}): fix the file",
        )
        return
    except RecursionError:
        yield InputError(source, "JSON nested too deeply: not a list of records")
        return
    if isinstance(value, dict):
        yield record_to_article(value, source, name, options)
        return
    if not isinstance(value, list):
        yield InputError(source, "JSON is neither a record nor a list of records")
        return
    for number, record in enumerate(value, start=1):
        yield record_to_article(record, f"{source}#{number}", f"{name}#{number}", options)
