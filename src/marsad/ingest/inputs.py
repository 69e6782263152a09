"""What the caller asks of ingest (``ReadOptions``) and what can go wrong (``InputError``).

Kept apart from the readers so that every reader and the path walker share them without
import cycles.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field

from marsad.ingest.published import normalize_iso

# Fields a JSON record may carry; ReadOptions.fields maps these to the record's own keys.
RECORD_FIELDS = ("id", "text", "title", "url", "published", "crawled", "outlet")


# Characters that would break the one line an error is printed on, or could not be printed.
_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")


def _escaped(text: str) -> str:
    return _UNPRINTABLE.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


def shown_path(path: str) -> str:
    """A file name as messages and ``Article.source`` show it: printable, on one line.

    A name that is not valid UTF-8 reaches Python with surrogate escapes, which can be
    neither printed nor stored; its bad bytes are shown as ``\\xNN`` instead.
    """
    if path.isprintable():
        return path
    raw = os.fsencode(path).decode("utf-8", "backslashreplace")
    return _escaped(raw)


@dataclass(frozen=True, slots=True)
class InputError:
    """One input that could not be read: where, and a one-line reason with what to do."""

    path: str  # the file, with "#<line>" for a record of a JSONL file
    reason: str

    def __str__(self) -> str:
        """Always one printable line, whatever the file name or the reason holds."""
        return f"{_escaped(self.path)}: {_escaped(self.reason)}"


@dataclass(slots=True)
class ReadOptions:
    """Options that apply to every input of one ``read_inputs`` call.

    ``published``: a publication date given by the user (``--published``). It wins over any
    date found in the input (metadata, URL, file name): the user said so explicitly, and an
    option that is silently ignored is worse than one that overrides. Its source is
    ``option``. Must be ISO 8601 (``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD`` or with ``THH:MM``).

    ``fields``: maps record fields (id, text, title, url, published, crawled, outlet) to the
    keys of a JSON record, e.g. ``{"text": "body", "crawled": "date_extracted"}``. A key
    mapped to one field is not read by default for another: ``{"crawled": "published"}``
    reads a record's ``published`` key as its crawl time only.

    ``outlet``: the outlet name for every input; wins over one found in the input.
    """

    published: str | None = None
    fields: dict[str, str] = field(default_factory=dict)
    outlet: str | None = None

    def __post_init__(self) -> None:
        unknown = sorted(set(self.fields) - set(RECORD_FIELDS))
        if unknown:
            raise ValueError(
                f"unknown record field(s) {', '.join(unknown)} in the field mapping; "
                f"known fields: {', '.join(RECORD_FIELDS)}"
            )
        if self.published is not None:
            value = normalize_iso(self.published)
            if value is None:
                raise ValueError(
                    f"--published {self.published!r} is not an ISO 8601 date "
                    "(use YYYY-MM-DD or YYYY-MM-DDTHH:MM)"
                )
            self.published = value
