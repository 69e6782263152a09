"""Guards on what ingest lets through: a size limit per article, and duplicate-id warnings.

Size: a news report is kilobytes; a file of many megabytes given as one article is a dump,
a log or a book, and would hold the per-article stages for minutes. Files and records over
``max_article_bytes()`` (``MARSAD_MAX_ARTICLE_MB``, default 2 MB) are refused with one line
and never read whole; split them into articles (JSONL) to ingest them.
"""

from __future__ import annotations

import os

from marsad.ingest.inputs import InputError
from marsad.model import Article

DEFAULT_MAX_MB = 2.0


def max_article_mb() -> float:
    """The limit in MB (of UTF-8 text, or of file size)."""
    raw = os.environ.get("MARSAD_MAX_ARTICLE_MB", "")
    try:
        limit = float(raw) if raw else DEFAULT_MAX_MB
    except ValueError:
        limit = DEFAULT_MAX_MB
    return max(limit, 0.001)


def max_article_bytes() -> int:
    return int(max_article_mb() * 2**20)


def too_large(where: str, size: int) -> InputError | None:
    """An error when ``size`` bytes exceed the limit, else None."""
    limit_mb = max_article_mb()
    if size <= limit_mb * 2**20:
        return None
    return InputError(
        where,
        f"too large ({size / 2**20:.3g} MB > {limit_mb:g} MB limit): split it into "
        "articles, or raise MARSAD_MAX_ARTICLE_MB",
    )


def article_too_large(article: Article) -> InputError | None:
    """``too_large`` for an article's text (characters, a lower bound on its UTF-8 bytes)."""
    if len(article.text) <= max_article_bytes() // 4:  # fast path: even 4-byte characters fit
        return None
    return too_large(article.source, len(article.text.encode("utf-8", "surrogatepass")))


class DuplicateDocs:
    """Warns when one document id comes back with a different text (both are kept)."""

    def __init__(self) -> None:
        self._seen: dict[str, tuple[str, str]] = {}  # doc -> (article id, source)

    def check(self, article: Article) -> str | None:
        """A one-line warning naming both places, or None."""
        first = self._seen.setdefault(article.doc, (article.id, article.source))
        if first[0] == article.id or first[1] == article.source:
            return None
        return (
            f"{article.source}: duplicate id {article.doc!r} with a different text than "
            f"{first[1]}: both kept (as different articles)"
        )
