"""JSON and JSONL records: one article per record, streamed line by line for JSONL.

Record fields: ``id``, ``text`` (or ``content``), and optionally ``title``, ``url``,
``published``, ``outlet``; ``ReadOptions.fields`` maps any of them to other keys.

Outlet: ``outlet``; when absent, ``source_name`` (a readable outlet name, as in
SaudiNewsNet); when both are absent, ``source`` if it is a short name rather than a URL or
path. A mapping for ``outlet`` replaces this chain. ``ReadOptions.outlet`` wins over all.

Published: the record's ``published`` (or the mapped key), normalised to ISO 8601, source
``metadata``; else a date in the record's URL (source ``url``). Crawl times such as
SaudiNewsNet's ``date_extracted`` are NOT publication dates: map them to ``crawled``
(``--field crawled=date_extracted``), which keeps them as an upper bound for the
publication time (``Published.crawled``; see ``marsad.temporal.publication``). File-name
dates are not applied to records: a JSONL file named after a day is usually a crawl batch.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from marsad.ingest.boilerplate import with_boilerplate
from marsad.ingest.checks import max_article_bytes
from marsad.ingest.inputs import InputError, ReadOptions
from marsad.ingest.lines import numbered_lines
from marsad.ingest.published import choose_published, parse_published
from marsad.model import Article

_TEXT_KEYS = ("text", "content")
_OUTLET_KEYS = ("outlet", "source_name", "source")


def _json_type(value: Any) -> str:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return "number"
    names = {str: "string", list: "array", dict: "object", bool: "boolean"}
    return names.get(type(value), "null" if value is None else type(value).__name__)


def _keys(field: str, options: ReadOptions, defaults: tuple[str, ...]) -> tuple[str, ...]:
    """The record keys read for ``field``: its mapping, else its defaults less any key
    the user mapped to another field (``--field crawled=published`` takes ``published``)."""
    mapped = options.fields.get(field)
    if mapped:
        return (mapped,)
    taken = {theirs for ours, theirs in options.fields.items() if ours != field}
    return tuple(key for key in defaults if key not in taken)


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


@dataclass(frozen=True, slots=True)
class MissingField(InputError):
    """A record without the field its text is read from (the same reason for every such
    record, so that they can be counted and told once per file: ``MissingFields``)."""

    has: tuple[str, ...] = ()  # the record's own fields, for the hint


class MissingFields:
    """The records of one file that lack their text field, told as one error for the file.

    Such records come in a run from one file (read in order); ``add`` gives the summary of
    the run before when a record of another file starts one, ``flush`` the last.
    """

    SHOWN = 5  # record numbers listed

    def __init__(self) -> None:
        self._run: list[MissingField] = []  # the first SHOWN of the run
        self._count = 0

    def _file(self, error: InputError) -> str:
        return error.path.rsplit("#", 1)[0]

    def add(self, error: MissingField) -> InputError | None:
        done = self.flush() if self._run and self._file(self._run[0]) != self._file(error) else None
        self._count += 1
        if len(self._run) < self.SHOWN:
            self._run.append(error)
        return done

    def flush(self) -> InputError | None:
        run, count = self._run, self._count
        self._run, self._count = [], 0
        if not run:
            return None
        first, file = run[0], self._file(run[0])
        has = f"; the first has {', '.join(first.has)}" if first.has else ""
        said, _, fix = first.reason.partition(": ")
        looked = said.partition("(")[2].rstrip(")")
        if count == 1:
            return InputError(first.path, f"record has no text field ({looked}{has}): {fix}")
        places = ", ".join(error.path[len(file) :] for error in run)
        more = ", …" if count > len(run) else ""
        return InputError(
            file, f"{count} records have no text field ({places}{more}; {looked}{has}): {fix}"
        )


def record_to_article(
    record: Any, where: str, default_doc: str, options: ReadOptions
) -> Article | InputError:
    """One record to an article; ``where`` is ``<path>#<line>`` for messages and source."""
    if not isinstance(record, dict):
        return InputError(where, f"record is a JSON {_json_type(record)}, not an object")
    text_keys = _keys("text", options, _TEXT_KEYS)
    text = _first(record, text_keys)
    if text is None:
        if any(key in record for key in text_keys):
            return InputError(where, "record text is empty")
        looked = f"looked for {', '.join(text_keys)}"
        fields = tuple(sorted(str(key) for key in record)[:8])
        fix = "name the text field with --field text=FIELD"
        return MissingField(where, f"record has no text field ({looked}): {fix}", fields)
    if not isinstance(text, str):
        return InputError(where, f"record text is a JSON {_json_type(text)}, not a string")
    if not text.strip():
        return InputError(where, "record text is empty")
    doc = _as_text(_first(record, _keys("id", options, ("id",)))) or default_doc
    url = _as_text(_first(record, _keys("url", options, ("url",))))
    raw_date = _as_text(_first(record, _keys("published", options, ("published",))))
    metadata, note = parse_published(raw_date) if raw_date else (None, None)
    if raw_date and metadata is None:
        note = f"published value ignored: {note}"
    raw_crawl = _as_text(_first(record, _keys("crawled", options, ("crawled",))))
    crawled, crawl_note = parse_published(raw_crawl) if raw_crawl else (None, None)
    if raw_crawl and crawled is None:
        ignored = f"crawled value ignored: {crawl_note}"
        note = f"{note}; {ignored}" if note else ignored
    published = choose_published(options.published, metadata=metadata, url=url, note=note)
    published.crawled = crawled
    return with_boilerplate(
        Article(
            doc=doc,
            source=where,
            text=text,
            title=_as_text(_first(record, _keys("title", options, ("title",)))),
            url=url,
            outlet=_outlet(record, options),
            published=published,
            encoding="utf-8",
        )
    )


class _FieldCheck:
    """A ``--field`` mapping that names a key no record of the file has: said once, at
    the end of the file (the text field's mapping excepted: its records fail apart)."""

    def __init__(self, source: str, options: ReadOptions) -> None:
        self.source = source
        self.mapped = {ours: theirs for ours, theirs in options.fields.items() if ours != "text"}
        self.found: set[str] = set()
        self.records = 0

    def see(self, record: Any) -> None:
        if isinstance(record, dict):
            self.records += 1
            self.found.update(key for key in self.mapped.values() if key in record)

    def summary(self) -> Iterator[InputError]:
        if not self.records:
            return
        for ours, theirs in sorted(self.mapped.items()):
            if theirs not in self.found:
                yield InputError(
                    self.source,
                    f"no record has the field {theirs!r} that --field {ours}={theirs} names: "
                    f"check its spelling (read without a {ours})",
                )


_BOM = b"\xef\xbb\xbf"


def _parsed(raw: bytes, where: str, *, whole_file: bool = False) -> Any:
    """The JSON value of ``raw`` (UTF-8), or an InputError saying what is wrong with it."""
    what = "file" if whole_file else "line"
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        return InputError(
            where,
            f"{what} is not UTF-8 (bad byte 0x{raw[error.start]:02x} at byte {error.start}): "
            f"re-export the {what} as UTF-8",
        )
    deep = InputError(where, "JSON nested too deeply to be a news record: fix or drop it")
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        place = f"column {error.colno}"
        if whole_file:
            place = f"line {error.lineno} {place}"
        fix = "fix the file" if whole_file else "fix or drop the line"
        return InputError(where, f"invalid JSON ({error.msg}, {place}): {fix}")
    except RecursionError:
        return deep
    except ValueError:  # an integer past Python's digit limit (sys.get_int_max_str_digits)
        return InputError(
            where,
            f"JSON number too long to read (over {sys.get_int_max_str_digits()} digits): "
            "no news record holds one; fix or drop it",
        )


BLANK = object()  # what parse_line gives for a blank line (JSON null is a record, if a bad one)


def parse_line(raw: bytes, where: str) -> Any:
    """The record of one JSONL line: its JSON value, ``BLANK``, or an InputError.

    A byte-order mark is dropped at the start of any line, not only the first: files
    concatenated with ``cat`` keep each one's BOM.
    """
    line = raw.removeprefix(_BOM)
    if not line.strip():
        return BLANK
    return _parsed(line, where)


def _line_limit() -> int:
    """Longest JSONL line read: room for an article at the limit written with \\u escapes."""
    return 6 * max_article_bytes() + 65536


def read_jsonl(
    stream: BinaryIO, source: str, options: ReadOptions | None = None
) -> Iterator[Article | InputError]:
    """Stream a JSONL file line by line; a bad line gives an InputError, the rest go on."""
    options = options or ReadOptions()
    name = Path(source).name
    fields = _FieldCheck(source, options)
    seen_any = False
    for number, raw in numbered_lines(stream, _line_limit()):
        where = f"{source}#{number}"
        if raw is None:
            seen_any = True
            limit = f"{_line_limit() / 2**20:.3g} MB"
            yield InputError(where, f"line too long (over {limit}): not one news record")
            continue
        if number == 1 and raw.startswith((b"\xff\xfe", b"\xfe\xff")):
            yield InputError(source, "UTF-16 text: JSONL is UTF-8; re-export the file as UTF-8")
            return
        record = parse_line(raw, where)
        if record is BLANK:
            continue
        seen_any = True
        if isinstance(record, InputError):
            yield record
            continue
        fields.see(record)
        yield record_to_article(record, where, f"{name}#{number}", options)
    if not seen_any:
        yield InputError(source, "empty file: no JSON records")
    yield from fields.summary()


def read_json(
    data: bytes, source: str, options: ReadOptions | None = None
) -> Iterator[Article | InputError]:
    """A JSON file holding one record or a list of records (``#n`` is the record number)."""
    options = options or ReadOptions()
    name = Path(source).name
    if not data.strip():
        yield InputError(source, "empty file: no JSON records")
        return
    value = _parsed(data.removeprefix(_BOM), source, whole_file=True)
    if isinstance(value, InputError):
        yield value
        return
    fields = _FieldCheck(source, options)
    if isinstance(value, dict):
        fields.see(value)
        yield record_to_article(value, source, name, options)
        yield from fields.summary()
        return
    if not isinstance(value, list):
        yield InputError(source, "JSON is neither a record nor a list of records")
        return
    for number, record in enumerate(value, start=1):
        fields.see(record)
        yield record_to_article(record, f"{source}#{number}", f"{name}#{number}", options)
    yield from fields.summary()
