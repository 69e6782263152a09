"""WARC files (warcio), plain or gzipped: every HTML response through the HTML reader.

Records are streamed one at a time, so an archive of any size is read in bounded memory.
Only ``response`` and ``resource`` records whose content type is HTML are read; requests,
metadata, redirects and other media are skipped silently. ``source`` is
``<path>#<record offset>`` (stable across runs), ``doc`` and ``url`` the record's target
URI. The WARC date is the crawl time, never taken for the publication date.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from marsad.ingest.checks import too_large
from marsad.ingest.html import read_html
from marsad.ingest.inputs import InputError, ReadOptions
from marsad.ingest.published import choose_published
from marsad.model import Article, PublishedSource

_HTML_TYPES = ("text/html", "application/xhtml+xml")


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


def read_warc(
    stream: BinaryIO, source: str, max_bytes: int, options: ReadOptions | None = None
) -> Iterator[Article | InputError]:
    """Articles from the HTML records of a WARC stream; a bad record gives one error."""
    options = options or ReadOptions()
    found = 0
    records = ArchiveIterator(stream, arc2warc=True)
    try:
        for record in records:
            if record.rec_type not in ("response", "resource"):
                continue
            if _content_type(record) not in _HTML_TYPES or not _status_ok(record):
                continue
            found += 1
            uri = record.rec_headers.get_header("WARC-Target-URI") or None
            data = _read_upto(record.content_stream(), max_bytes + 1)
            where = f"{source}#{records.get_record_offset()}"  # only after the read
            oversized = too_large(where, len(data)) if len(data) > max_bytes else None
            if oversized is not None:
                yield oversized
                continue
            item = read_html(data, where, options)
            if isinstance(item, Article) and uri:
                item.doc = uri
                item.url = item.url or uri
                if item.published.source is PublishedSource.UNKNOWN:
                    item.published = choose_published(options.published, url=uri)
            yield item
    except (ArchiveLoadFailed, OSError, EOFError, ValueError) as error:
        reason = str(error).splitlines()[0][:100] if str(error) else type(error).__name__
        yield InputError(source, f"not a readable WARC file ({reason}): records after it lost")
        return
    if not found:
        yield InputError(source, "no HTML response records in the WARC file")
