"""HTML pages: main text by trafilatura, publication date by htmldate, raw page kept.

Precision over recall: comments are excluded and trafilatura favours precision. The date
comes from htmldate's fast, conservative mode (``extensive_search=False``): it accepts
dates only from markup that states them (meta tags, ``<time>``, structured data), so a
date mentioned in the body is never taken for the publication date.

A page nested deeper than libxml2 parses (256 levels; a broken template, or a hostile
page) would lose its text: when no text is found, the page is parsed again with its runs
of bare nesting cut short (``nesting``) and without the depth limit.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import trafilatura
from htmldate import find_date
from lxml import etree
from lxml import html as lxml_html

from marsad.ingest.boilerplate import with_boilerplate
from marsad.ingest.decode import DecodeError, decode_bytes
from marsad.ingest.inputs import InputError, ReadOptions
from marsad.ingest.nesting import shorten_nesting
from marsad.ingest.published import choose_published, normalize_iso
from marsad.model import Article

NO_TEXT = "no main text found in the HTML page: save the full article page, or its text as .txt"

_DEEP_PARSER = lxml_html.HTMLParser(
    huge_tree=True, collect_ids=False, remove_comments=True, remove_pis=True
)

# trafilatura and htmldate log every odd page at WARNING/ERROR; the InputError says it once.
for _name in ("trafilatura", "htmldate"):
    logging.getLogger(_name).setLevel(logging.CRITICAL)


def _page_date(html: str) -> str | None:
    try:
        found = find_date(html, extensive_search=False, original_date=True)
    except (ValueError, RecursionError):
        return None
    return normalize_iso(found) if found else None


def _flattened(html: str) -> Any | None:
    """The page parsed without a depth limit, its runs of nesting cut short first."""
    try:
        return lxml_html.document_fromstring(shorten_nesting(html), parser=_DEEP_PARSER)
    except (etree.ParserError, ValueError):
        return None


def _main_text(page: Any) -> Any:
    """trafilatura's document for a page (its text or an lxml tree), or None."""
    return trafilatura.bare_extraction(
        page,
        include_comments=False,
        favor_precision=True,
        with_metadata=True,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )


def _text_of(document: Any) -> str | None:
    text = getattr(document, "text", None) if document is not None else None
    return text if text and text.strip() else None


def read_html(
    data: bytes, source: str, options: ReadOptions | None = None, *, url: str | None = None
) -> Article | InputError:
    """One article from an HTML page's bytes; an InputError when no main text is found.

    ``url``: where the page was fetched from (a WARC record's target), for its id and date.
    """
    options = options or ReadOptions()
    try:
        decoded = decode_bytes(data, html=True)
    except DecodeError as error:
        return InputError(source, str(error))
    html = decoded.text
    try:
        document = _main_text(html)
        if _text_of(document) is None and (flat := _flattened(html)) is not None:
            document = _main_text(flat)
    except (ValueError, TypeError, RecursionError, MemoryError) as error:
        return InputError(source, f"could not parse the HTML ({type(error).__name__}): {NO_TEXT}")
    text = _text_of(document)
    if text is None:
        return InputError(source, NO_TEXT)
    name = Path(source).name
    url = url or getattr(document, "url", None) or None
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
