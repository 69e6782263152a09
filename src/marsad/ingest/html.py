"""HTML pages: main text by trafilatura, publication date by htmldate, raw page kept.

Precision over recall: comments are excluded and trafilatura favours precision. The date
comes from htmldate's fast, conservative mode (``extensive_search=False``): it accepts
dates only from markup that states them (meta tags, ``<time>``, structured data), so a
date mentioned in the body is never taken for the publication date.
"""

from __future__ import annotations

import logging
from pathlib import Path

import trafilatura
from htmldate import find_date

from marsad.ingest.boilerplate import with_boilerplate
from marsad.ingest.decode import DecodeError, decode_bytes
from marsad.ingest.inputs import InputError, ReadOptions
from marsad.ingest.published import choose_published, normalize_iso
from marsad.model import Article

NO_TEXT = "no main text found in the HTML page: save the full article page, or its text as .txt"

# trafilatura and htmldate log every odd page at WARNING/ERROR; the InputError says it once.
for _name in ("trafilatura", "htmldate"):
    logging.getLogger(_name).setLevel(logging.CRITICAL)


def _page_date(html: str) -> str | None:
    try:
        found = find_date(html, extensive_search=False, original_date=True)
    except (ValueError, RecursionError):
        return None
    return normalize_iso(found) if found else None


def read_html(data: bytes, source: str, options: ReadOptions | None = None) -> Article | InputError:
    """One article from an HTML page's bytes; an InputError when no main text is found."""
    options = options or ReadOptions()
    try:
        decoded = decode_bytes(data, html=True)
    except DecodeError as error:
        return InputError(source, str(error))
    html = decoded.text
    try:
        document = trafilatura.bare_extraction(
            html,
            include_comments=False,
            favor_precision=True,
            with_metadata=True,
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except (ValueError, TypeError, RecursionError, MemoryError) as error:
        return InputError(source, f"could not parse the HTML ({type(error).__name__}): {NO_TEXT}")
    text = getattr(document, "text", None) if document is not None else None
    if not text or not text.strip():
        return InputError(source, NO_TEXT)
    name = Path(source).name
    url = getattr(document, "url", None) or None
    sitename = getattr(document, "sitename", None) or None
    if sitename and ("/" in sitename or sitename.startswith("http")):
        sitename = None  # a URL is not an outlet name
    published = choose_published(
        options.published, metadata=_page_date(html), url=url, filename=name
    )
    return with_boilerplate(
        Article(
            doc=name,
            source=source,
            text=text,
            title=getattr(document, "title", None) or None,
            url=url,
            outlet=options.outlet or sitename,
            published=published,
            encoding=decoded.encoding,
            raw=html,
        )
    )
