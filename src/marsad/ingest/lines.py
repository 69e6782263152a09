"""The lines of a byte stream in bounded memory, whatever ends them: LF, CRLF or a bare CR.

The first line end decides: a file whose first line ends in LF or CRLF is split at LF only
(JSON allows a raw CR between tokens); a file whose first line ends in a bare CR (old Mac
line ends) is split at CR, LF and CRLF alike, as Spark and Hadoop read it. A line longer
than the limit is never held whole: its bytes are dropped as they come and the line is
reported in its place (``None``), so a file without any line end cannot fill memory.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import BinaryIO

CHUNK = 1 << 16


def _cr_ended(data: bytes) -> bool | None:
    """Whether the first line end in ``data`` is a bare CR; None when there is none yet."""
    lf, cr = data.find(b"\n"), data.find(b"\r")
    if cr < 0 or 0 <= lf < cr:
        return None if lf < 0 else False
    if cr + 1 == len(data):
        return None  # a CR at the end may be the first half of a CRLF
    return data[cr + 1] != 0x0A


def _split(data: bytes, cr_ended: bool) -> tuple[list[bytes], bytes]:
    """Whole lines (ends removed) and the unfinished rest."""
    if not cr_ended:
        *lines, rest = data.split(b"\n")
        return [line.removesuffix(b"\r") for line in lines], rest
    pieces = data.splitlines(keepends=True)  # bytes: exactly LF, CRLF and CR
    rest = b"" if pieces[-1].endswith(b"\n") else pieces.pop()  # a last CR may be half a CRLF
    return [piece.rstrip(b"\r\n") for piece in pieces], rest


def numbered_lines(stream: BinaryIO, limit: int) -> Iterator[tuple[int, bytes | None]]:
    """(line number from 1, the line without its end), or None for a line over ``limit``."""
    number = 0
    rest = b""
    overlong = False  # the unfinished line has passed the limit: its bytes are dropped
    cr_ended: bool | None = None
    while chunk := stream.read(CHUNK):
        data = rest + chunk
        if cr_ended is None:
            cr_ended = _cr_ended(data)
        lines, rest = _split(data, bool(cr_ended))
        for line in lines:
            number += 1
            yield number, None if overlong or len(line) > limit else line
            overlong = False
        if len(rest) > limit + 1:  # + 1: a CR that may end it
            overlong = True
            rest = rest[-1:] if rest.endswith(b"\r") else b""
    if rest or overlong:
        line = rest.removesuffix(b"\r")
        yield number + 1, None if overlong or len(line) > limit else line
