"""WARC files (warcio), plain or gzipped: every HTML response through the HTML reader.

Records are streamed one at a time, so an archive of any size is read in bounded memory.
A file cut short (a record or a gzip member ending early, a header cut in two) is one
error saying where and how many records came before; the cut record is never stored.
Only ``response`` and ``resource`` records whose content type is HTML are read; requests,
metadata, redirects and other media are skipped silently. ``source`` is
``<path>#<record offset>`` (stable across runs), ``doc`` and ``url`` the record's target
URI. The WARC date is the crawl time, never taken for the publication date.
"""

from __future__ import annotations

import io
import logging
from collections.abc import Iterator
from contextlib import contextmanager, redirect_stderr
from typing import Any, BinaryIO

from warcio.archiveiterator import ArchiveIterator

from marsad.ingest.checks import too_large
from marsad.ingest.html import read_html
from marsad.ingest.inputs import InputError, ReadOptions
from marsad.ingest.published import choose_published
from marsad.model import Article, PublishedSource

_HTML_TYPES = ("text/html", "application/xhtml+xml")
# warcio logs what it repairs in a record (spaces in a URI): not an error of the input
logging.getLogger("warcio").setLevel(logging.ERROR)


def _content_type(record: object) -> str:
    http = getattr(record, "http_headers", None)
    value = http.get_header("Content-Type") if http is not None else None
    if value is None:
        value = record.rec_headers.get_header("Content-Type")  # type: ignore[attr-defined]
    return (value or "").split(";", 1)[0].strip().lower()


def _status_ok(record: object) -> bool:
    http = getattr(record, "http_headers", None)
    if http is None:
        return True  # a resource record has no HTTP status
    return str(http.get_statuscode() or "200").startswith("2")


def _read_upto(stream: BinaryIO, limit: int) -> bytes:
    """At most ``limit`` bytes, read in pieces."""
    parts: list[bytes] = []
    size = 0
    while size < limit:
        part = stream.read(min(65536, limit - size))
        if not part:
            break
        parts.append(part)
        size += len(part)
    return b"".join(parts)


class _Records(ArchiveIterator):
    """warcio's iterator, telling what it would only print: a record whose length is wrong,
    and a gzip member that ends before its end (the file was cut)."""

    INC_RECORD = ""  # warcio writes this warning to stderr; we count ``err_count`` instead
    cut_in_gzip = False

    def close(self) -> None:
        decompressor = self.reader.decompressor if self.reader is not None else None
        self.cut_in_gzip = decompressor is not None and not decompressor.eof
        super().close()


@contextmanager
def _quiet() -> Iterator[None]:
    """warcio prints what it finds odd to stderr itself: those lines would break the one line
    per bad input that ingest prints, and what they say is reported as an error instead."""
    with redirect_stderr(io.StringIO()):
        yield


def _cut_off(record: Any) -> bool:
    """Whether the record's block ended before its Content-Length (read to its end first)."""
    return getattr(record.raw_stream, "limit", 0) > 0


def _lost(found: int) -> str:
    return f"{found} HTML record(s) read before it; anything after it is lost"


def read_warc(
    stream: BinaryIO, source: str, max_bytes: int, options: ReadOptions | None = None
) -> Iterator[Article | InputError]:
    """Articles from the HTML records of a WARC stream; a bad record gives one error, and a
    file cut short says where, never storing the cut record."""
    options = options or ReadOptions()
    found = 0
    at = end = 0  # where the record starts, and where the last one read ends
    records = _Records(stream, arc2warc=True)
    iterator = iter(records)
    while True:
        try:
            with _quiet():
                record = next(iterator, None)
                if record is None:
                    break
                wanted = record.rec_type in ("response", "resource")
                wanted = wanted and _content_type(record) in _HTML_TYPES and _status_ok(record)
                data = _read_upto(record.content_stream(), max_bytes + 1) if wanted else b""
                errors_before = records.err_count
                at = records.get_record_offset()  # reads the record to its end
                cut, garbled = _cut_off(record), records.err_count > errors_before
                end = at + records.get_record_length()
        except Exception as error:  # warcio's own failures on broken bytes, whatever they are
            said = (str(error).splitlines() or [""])[0].split(", first line")[0][:100]
            yield InputError(
                source,
                f"not a readable WARC file after byte {end} ({said or type(error).__name__}): "
                f"{_lost(found)}",
            )
            return
        where = f"{source}#{at}"
        if cut:
            yield InputError(where, f"WARC file cut off inside this record: {_lost(found)}")
            return
        if not wanted:
            continue
        found += 1
        if garbled:
            yield InputError(
                where, "record length does not match its content (a damaged WARC): skipped"
            )
            continue
        oversized = too_large(where, len(data)) if len(data) > max_bytes else None
        if oversized is not None:
            yield oversized
            continue
        uri = record.rec_headers.get_header("WARC-Target-URI") or None
        yield _article(data, where, uri, options)
    if records.cut_in_gzip:
        yield InputError(source, f"gzip stream cut off after byte {end}: {_lost(found)}")
    elif not found:
        yield InputError(source, "no HTML response records in the file: is it a WARC file?")


def _article(
    data: bytes, where: str, uri: str | None, options: ReadOptions
) -> Article | InputError:
    item = read_html(data, where, options, url=uri)
    if isinstance(item, Article) and uri:
        item.doc = uri
        if item.published.source is PublishedSource.UNKNOWN:
            item.published = choose_published(options.published, url=uri)
    return item
