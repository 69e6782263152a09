"""Walk the paths given, dispatch each file to its reader, turn every failure into an error.

Folders are read recursively in sorted name order (stable across runs); names starting
with "." are skipped inside folders (editor and VCS files), never when given explicitly.
Nothing here raises for a bad input: a missing path, a symlink loop, an unreadable file,
a FIFO, an undecodable file each give one ``InputError`` and the batch goes on.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterator, Sequence
from pathlib import Path

from marsad.ingest.checks import article_too_large, max_article_bytes, too_large
from marsad.ingest.decode import DecodeError, decode_bytes
from marsad.ingest.feeds import read_feed
from marsad.ingest.html import read_html
from marsad.ingest.inputs import InputError, ReadOptions
from marsad.ingest.plaintext import read_plaintext
from marsad.ingest.records import read_json, read_jsonl
from marsad.ingest.warc import read_warc
from marsad.model import Article

TEXT_SUFFIXES = frozenset({".txt", ".text", ""})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
JSON_SUFFIXES = frozenset({".json"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
FEED_SUFFIXES = frozenset({".rss", ".atom", ".xml"})
WARC_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")
SUPPORTED = "use .txt, .html, .json, .jsonl, .rss/.atom/.xml or .warc(.gz)"


def _os_reason(error: OSError) -> str:
    if error.errno == errno.ELOOP:
        return "symlink loop: fix or remove the link"
    if error.errno in (errno.EACCES, errno.EPERM):
        return "unreadable (permission denied): fix its permissions"
    if error.errno == errno.ENOENT:
        return "no such file or directory: check the path"
    return f"unreadable ({error.strerror or type(error).__name__}): check the path"


def _walk(path: str, ancestors: frozenset[tuple[int, int]]) -> Iterator[str | InputError]:
    """Regular files under ``path`` (itself if a file), in sorted order, or errors."""
    try:
        info = os.stat(path)
    except OSError as error:
        if error.errno == errno.ENOENT and os.path.islink(path):
            yield InputError(path, "broken symlink: its target does not exist")
        else:
            yield InputError(path, _os_reason(error))
        return
    if stat.S_ISREG(info.st_mode):
        yield path
        return
    if not stat.S_ISDIR(info.st_mode):
        yield InputError(path, "not a regular file (FIFO, socket or device): skipped")
        return
    identity = (info.st_dev, info.st_ino)
    if identity in ancestors:
        yield InputError(path, "symlink loop: this folder links back to a parent; skipped")
        return
    try:
        names = sorted(entry.name for entry in os.scandir(path))
    except OSError as error:
        yield InputError(path, _os_reason(error))
        return
    inner = ancestors | {identity}
    for name in names:
        if not name.startswith("."):
            yield from _walk(os.path.join(path, name), inner)


def _read_file(path: str, options: ReadOptions) -> Iterator[Article | InputError]:
    suffix = Path(path).suffix.lower()
    streamed = suffix in JSONL_SUFFIXES or path.lower().endswith(WARC_SUFFIXES)
    if streamed:  # record by record: any size
        try:
            with open(path, "rb") as stream:
                if suffix in JSONL_SUFFIXES:
                    yield from read_jsonl(stream, path, options)
                else:
                    yield from read_warc(stream, path, max_article_bytes(), options)
        except OSError as error:
            yield InputError(path, _os_reason(error))
        return
    try:
        with open(path, "rb") as stream:
            one_article = suffix not in JSON_SUFFIXES | FEED_SUFFIXES
            oversized = too_large(path, os.fstat(stream.fileno()).st_size) if one_article else None
            if oversized is not None:  # refused before reading it into memory
                yield oversized
                return
            data = stream.read()
    except OSError as error:
        yield InputError(path, _os_reason(error))
        return
    if suffix in JSON_SUFFIXES:
        yield from read_json(data, path, options)
    elif suffix in HTML_SUFFIXES:
        yield read_html(data, path, options)
    elif suffix in FEED_SUFFIXES:
        yield from read_feed(data, path, options)
    elif suffix in TEXT_SUFFIXES:
        yield read_plaintext(data, path, options)
    else:
        yield _read_unknown(data, path, suffix, options)


def _read_unknown(
    data: bytes, path: str, suffix: str, options: ReadOptions
) -> Article | InputError:
    """An unknown extension is read as text only if it decodes as text."""
    try:
        decode_bytes(data)
    except DecodeError as error:
        if not data:
            return InputError(path, str(error))
        return InputError(path, f"not a supported file type ({suffix}): {SUPPORTED}")
    return read_plaintext(data, path, options)


def read_inputs(
    paths: Sequence[str | Path], options: ReadOptions | None = None
) -> Iterator[Article | InputError]:
    """Articles and errors from files and folders, one at a time, in a stable order."""
    options = options or ReadOptions()
    for given in paths:
        for item in _walk(os.fspath(given), frozenset()):
            if isinstance(item, InputError):
                yield item
            else:
                for read in _read_file(item, options):
                    oversized = article_too_large(read) if isinstance(read, Article) else None
                    yield oversized or read
