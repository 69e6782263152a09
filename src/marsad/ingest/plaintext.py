"""Plain-text files: the whole decoded text, exactly, with boilerplate marked."""

from __future__ import annotations

from pathlib import Path

from marsad.ingest.boilerplate import with_boilerplate
from marsad.ingest.decode import DecodeError, decode_bytes
from marsad.ingest.inputs import InputError, ReadOptions
from marsad.ingest.published import choose_published
from marsad.model import Article


def read_plaintext(
    data: bytes, source: str, options: ReadOptions | None = None
) -> Article | InputError:
    """One article from a text file's bytes; never raises on bad bytes.

    ``text`` is the decoded file exactly (BOM removed, newlines and spaces untouched), so
    offsets index into it. ``doc`` is the file name, ``source`` the path as given. The
    title stays None (a first line is not reliably a title); the dateline inside the text
    is left to the temporal stage, so ``published`` comes only from the option or the
    file name here.
    """
    options = options or ReadOptions()
    try:
        decoded = decode_bytes(data)
    except DecodeError as error:
        return InputError(source, str(error))
    name = Path(source).name
    return with_boilerplate(
        Article(
            doc=name,
            source=source,
            text=decoded.text,
            outlet=options.outlet,
            published=choose_published(options.published, filename=name),
            encoding=decoded.encoding,
        )
    )
