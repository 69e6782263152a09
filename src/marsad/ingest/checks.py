"""Guards on what ingest lets through: size limits, text that can be stored, and
duplicate-id warnings.

Sizes: a news report is kilobytes; a file of many megabytes given as one article is a dump,
a log or a book, and would hold the per-article stages for minutes. Files and records over
``max_article_bytes()`` (``MARSAD_MAX_ARTICLE_MB``, default 2 MB) are refused with one line
and never read whole; split them into articles (JSONL) to ingest them. Formats that must be
parsed whole to find their records (a JSON file, an RSS/Atom feed) are refused over
``max_file_bytes()`` (``MARSAD_MAX_FILE_MB``, default 50 MB): JSONL and WARC stream instead.
"""

from __future__ import annotations

import math
import os
import re
from collections import OrderedDict

from marsad.ingest.inputs import InputError
from marsad.model import Article

DEFAULT_MAX_MB = 2.0
DEFAULT_MAX_FILE_MB = 50.0
# A lone surrogate (JSON "\ud800") is no Unicode character: UTF-8 cannot encode it, so it
# could be neither stored nor exported. NUL is no text either, and PostgreSQL refuses it.
_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")


def _limit_mb(variable: str, default: float) -> float:
    raw = os.environ.get(variable, "")
    try:
        limit = float(raw) if raw else default
    except ValueError:
        limit = default
    return max(limit, 0.001) if math.isfinite(limit) else default


def max_article_mb() -> float:
    """The limit of one article in MB (of UTF-8 text, or of file size)."""
    return _limit_mb("MARSAD_MAX_ARTICLE_MB", DEFAULT_MAX_MB)


def max_article_bytes() -> int:
    return int(max_article_mb() * 2**20)


def max_file_bytes() -> int:
    """The limit of a file read whole to find its records (JSON, RSS/Atom)."""
    return int(_limit_mb("MARSAD_MAX_FILE_MB", DEFAULT_MAX_FILE_MB) * 2**20)


def too_large(where: str, size: int) -> InputError | None:
    """An error when ``size`` bytes exceed the article limit, else None."""
    limit_mb = max_article_mb()
    if size <= limit_mb * 2**20:
        return None
    return InputError(
        where,
        f"too large ({size / 2**20:.3g} MB > {limit_mb:g} MB limit): split it into "
        "articles, or raise MARSAD_MAX_ARTICLE_MB",
    )


def file_too_large(where: str, size: int) -> InputError | None:
    """An error when a file read whole (JSON, RSS/Atom) exceeds its limit, else None."""
    limit = max_file_bytes()
    if size <= limit:
        return None
    return InputError(
        where,
        f"too large to read whole ({size / 2**20:.3g} MB > {limit / 2**20:g} MB limit): "
        "give the records as JSONL (read line by line, any size), or raise MARSAD_MAX_FILE_MB",
    )


def article_too_large(article: Article) -> InputError | None:
    """``too_large`` for an article's text (characters, a lower bound on its UTF-8 bytes)."""
    if len(article.text) <= max_article_bytes() // 4:  # fast path: even 4-byte characters fit
        return None
    return too_large(article.source, len(article.text.encode("utf-8", "surrogatepass")))


def _fields(article: Article) -> dict[str, str | None]:
    return {
        "text": article.text,
        "id": article.doc,
        "title": article.title,
        "url": article.url,
        "outlet": article.outlet,
        "published": article.published.value,
        "published note": article.published.note,
        "page": article.raw,
    }


def unstorable(article: Article) -> InputError | None:
    """An error when a field holds a character no store can keep (checked once, at read)."""
    for name, value in _fields(article).items():
        if value is None or (value.isascii() and "\x00" not in value):
            continue
        found = _UNSTORABLE.search(value)
        if found is None:
            continue
        code = f"U+{ord(found.group()):04X}"
        what = "a NUL character" if found.group() == "\x00" else "a lone surrogate"
        return InputError(
            article.source,
            f"the {name} holds {what} ({code} at character {found.start()}), which is not "
            "text and cannot be stored: fix that character in the input and ingest it again",
        )
    return None


def admitted(item: Article | InputError) -> Article | InputError:
    """The item, or the error that keeps an article out: too large, or not storable."""
    if isinstance(item, InputError):
        return item
    return article_too_large(item) or unstorable(item) or item


class DuplicateDocs:
    """Warns when one document id comes back with a different text (both are kept).

    Within the last ``window`` documents read: a bounded memory, however long the ingest
    (the ids of a million records would not fit a flat budget), and a reused record id is
    almost always near its first use, in the same file.
    """

    def __init__(self, window: int = 10_000) -> None:
        self._seen: OrderedDict[str, tuple[str, str]] = OrderedDict()  # doc: (id, source)
        self._window = window

    def check(self, article: Article) -> str | None:
        """A one-line warning naming both places, or None."""
        first = self._seen.setdefault(article.doc, (article.id, article.source))
        self._seen.move_to_end(article.doc)
        if len(self._seen) > self._window:
            self._seen.popitem(last=False)
        if first[0] == article.id or first[1] == article.source:
            return None
        return (
            f"{article.source}: duplicate id {article.doc!r} with a different text than "
            f"{first[1]}: both kept (as different articles)"
        )
