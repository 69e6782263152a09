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

from marsad.ingest.checks import admitted, file_too_large, max_article_bytes, too_large
from marsad.ingest.decode import DecodeError, decode_bytes
from marsad.ingest.feeds import read_feed
from marsad.ingest.html import read_html
from marsad.ingest.inputs import InputError, ReadOptions, shown_path
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
            yield InputError(shown_path(path), "broken symlink: its target does not exist")
        else:
            yield InputError(shown_path(path), _os_reason(error))
        return
    if stat.S_ISREG(info.st_mode):
        yield path
        return
    if not stat.S_ISDIR(info.st_mode):
        yield InputError(shown_path(path), "not a regular file (FIFO, socket or device): skipped")
        return
    identity = (info.st_dev, info.st_ino)
    if identity in ancestors:
        yield InputError(
            shown_path(path), "symlink loop: this folder links back to a parent; skipped"
        )
        return
    try:
        names = sorted(entry.name for entry in os.scandir(path))
    except OSError as error:
        yield InputError(shown_path(path), _os_reason(error))
        return
    inner = ancestors | {identity}
    for name in names:
        if not name.startswith("."):
            yield from _walk(os.path.join(path, name), inner)


def _read_file(path: str, options: ReadOptions) -> Iterator[Article | InputError]:
    """The items of one file; ``source`` (what messages and articles name) is printable."""
    source = shown_path(path)
    suffix = Path(path).suffix.lower()
    streamed = suffix in JSONL_SUFFIXES or path.lower().endswith(WARC_SUFFIXES)
    if streamed:  # record by record: any size
        try:
            with open(path, "rb") as stream:
                if suffix in JSONL_SUFFIXES:
                    yield from read_jsonl(stream, source, options)
                else:
                    yield from read_warc(stream, source, max_article_bytes(), options)
        except OSError as error:
            yield InputError(source, _os_reason(error))
        return
    whole_file = suffix in JSON_SUFFIXES | FEED_SUFFIXES
    try:
        with open(path, "rb") as stream:
            size = os.fstat(stream.fileno()).st_size
            oversized = file_too_large(source, size) if whole_file else too_large(source, size)
            if oversized is not None:  # refused before reading it into memory
                yield oversized
                return
            data = stream.read()
    except OSError as error:
        yield InputError(source, _os_reason(error))
        return
    if suffix in JSON_SUFFIXES:
        yield from read_json(data, source, options)
    elif suffix in HTML_SUFFIXES:
        yield read_html(data, source, options)
    elif suffix in FEED_SUFFIXES:
        yield from read_feed(data, source, options)
    elif suffix in TEXT_SUFFIXES:
        yield read_plaintext(data, source, options)
    else:
        yield _read_unknown(data, source, suffix, options)


def _read_unknown(
    data: bytes, source: str, suffix: str, options: ReadOptions
) -> Article | InputError:
    """An unknown extension is read as text only if it decodes as text."""
    try:
        decode_bytes(data)
    except DecodeError as error:
        if not data:
            return InputError(source, str(error))
        return InputError(source, f"not a supported file type ({suffix}): {SUPPORTED}")
    return read_plaintext(data, source, options)


def _contained(items: Iterator[Article | InputError], path: str) -> Iterator[Article | InputError]:
    """The reader's items; a failure no reader foresaw ends this file only, as one error."""
    try:
        yield from items
    except Exception as error:  # a parser's bug on hostile bytes must not end the batch
        said = (str(error).splitlines() or [""])[0][:160]
        yield InputError(
            shown_path(path),
            f"could not be read ({type(error).__name__}: {said}); the rest of this file is "
            "skipped: please report this with the file",
        )


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
                for read in _contained(_read_file(item, options), item):
                    yield admitted(read)
