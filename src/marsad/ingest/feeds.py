"""RSS and Atom files (feedparser): one article per entry, its HTML content as plain text.

The text is the entry's full content when the feed carries it (``content:encoded``, Atom
``content``), else its summary; HTML is flattened with a line break after each block.
Published: the entry's ``published`` (or ``updated``) date as written in the feed, source
``metadata``; else a date in its link. The outlet is the feed's title. ``source`` is
``<path>#<entry number>`` so every entry keeps a stable id.
"""

from __future__ import annotations

import html
import re
import xml.sax
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import feedparser
from lxml import etree
from lxml import html as lxml_html

from marsad.ingest.boilerplate import with_boilerplate
from marsad.ingest.inputs import InputError, ReadOptions
from marsad.ingest.nesting import shorten_nesting
from marsad.ingest.published import choose_published, parse_published
from marsad.model import Article

_BLOCKS = frozenset(
    {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "section"}
)
_ROOT_END = re.compile(rb"</(?:[\w-]+:)?(?:rss|feed|RDF)\s*>\s*$")
_BLANK_LINES = re.compile(r"\n[ \t]*\n(?:[ \t]*\n)+")
_SPACES = re.compile(r"[ \t\r\f\v]+")


def fragment_text(fragment: str) -> str:
    """Readable text of an HTML fragment: tags dropped, one line per block, spaces tidied."""
    if "<" not in fragment:
        return _tidy(html.unescape(fragment))  # feedparser's text is HTML: &amp; is "&"
    try:
        root = lxml_html.fragment_fromstring(shorten_nesting(fragment), create_parent="div")
    except (etree.ParserError, ValueError):
        return _tidy(fragment)
    for element in root.iter():
        if isinstance(element.tag, str) and element.tag.lower() in _BLOCKS:
            element.tail = "\n" + (element.tail or "")
    return _tidy(root.text_content())


def _tidy(text: str) -> str:
    lines = (_SPACES.sub(" ", line).strip() for line in text.split("\n"))
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()


def _entry_html(entry: Any) -> str:
    for content in entry.get("content") or []:
        value = content.get("value")
        if value and value.strip():
            return str(value)
    return str(entry.get("summary") or "")


def _entry_date(entry: Any) -> tuple[str | None, str | None]:
    for key in ("published", "updated", "created"):
        raw = entry.get(key)
        if raw:
            value, note = parse_published(str(raw))
            return value, (None if value else f"published value ignored: {note}")
    return None, None


def _cut_off(data: bytes, why: object) -> bool:
    """A feed that is not well-formed and does not end with its root's closing tag."""
    if not isinstance(why, xml.sax.SAXParseException):
        return False
    return _ROOT_END.search(data[-256:]) is None


def read_feed(
    data: bytes, source: str, options: ReadOptions | None = None
) -> Iterator[Article | InputError]:
    """Articles from the entries of an RSS or Atom document's bytes."""
    options = options or ReadOptions()
    if not data.strip():
        yield InputError(source, "empty file: no feed entries")
        return
    try:
        parsed = feedparser.parse(data)
    except (ValueError, UnicodeError) as error:  # e.g. a character reference to a surrogate
        said = str(error).splitlines()[0][:100] if str(error) else ""
        yield InputError(
            source, f"not a readable feed ({type(error).__name__}: {said}): fix the file"
        )
        return
    why = parsed.get("bozo_exception")
    if isinstance(why, feedparser.CharacterEncodingOverride):
        yield InputError(source, f"not valid in the encoding it declares ({why}): fix its bytes")
        return
    entries = parsed.get("entries") or []
    if not entries:
        detail = f" ({type(why).__name__}: {str(why)[:80]})" if why else ""
        yield InputError(source, f"no RSS/Atom entries found{detail}: is it a feed?")
        return
    if _cut_off(data, why):
        entries = entries[:-1]  # the last entry may end where the file does: never stored
        yield InputError(
            f"{source}#{len(entries) + 1}",
            f"feed cut off in this entry ({why}): it is skipped, with anything after it; "
            f"{len(entries)} entries before it are read",
        )
    feed_title = str(parsed.get("feed", {}).get("title") or "").strip() or None
    name = Path(source).name
    for number, entry in enumerate(entries, start=1):
        where = f"{source}#{number}"
        text = fragment_text(_entry_html(entry))
        if not text:
            yield InputError(where, "feed entry has no text (no content or summary)")
            continue
        url = str(entry.get("link") or "") or None
        metadata, note = _entry_date(entry)
        yield with_boilerplate(
            Article(
                doc=str(entry.get("id") or url or f"{name}#{number}"),
                source=where,
                text=text,
                title=fragment_text(str(entry.get("title") or "")) or None,
                url=url,
                outlet=options.outlet or feed_title,
                published=choose_published(
                    options.published, metadata=metadata, url=url, note=note
                ),
                encoding=str(parsed.get("encoding") or "") or None,
            )
        )
