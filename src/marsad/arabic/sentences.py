"""Sentence splitting for Arabic news text, on exact offsets.

Boundaries: line breaks, and . ! ? ؟ … followed by space, or glued between two Arabic words
of three letters or more ("بهم.وقال": 864 times in 436 of the 5,996 Saudi sample articles;
"بي.بي.سي" spells letters). Not boundaries: the Arabic
comma ، and semicolon ؛ (clause marks inside one sentence), a period after a single
letter ("لويد ج. أوستن"), a period between digits ("2.5"), and any mark inside an open
« » or “ ” quotation on the same line.
"""

from __future__ import annotations

import re

from marsad.arabic.charsets import chars, charset
from marsad.model import Span

_ENDERS = charset("sentence-end")
_OPENERS = dict(zip(chars("quote-open"), chars("quote-close"), strict=True))
_CLOSERS = charset("quote-close")
_QUOTE_MARKS = re.compile("[" + re.escape("".join(sorted({*_OPENERS, *_CLOSERS, '"'}))) + "]")
_SPACE = frozenset(" \t\u00a0")
# The only characters the splitter acts on: it jumps from one to the next.
_MARKS = re.compile("[" + re.escape("".join(sorted(_ENDERS | set(_OPENERS) | _CLOSERS))) + "]")
# What a sentence end takes with it: more enders, closing marks, straight quotes ('.»', '?!').
_TRAIL = re.compile("[" + re.escape("".join(sorted(_ENDERS | _CLOSERS | {'"'}))) + "]*")


def _is_initial(text: str, dot: int) -> bool:
    """A single letter before a period, as in a middle initial: 'ج.' or 'J.'."""
    if dot == 0 or not text[dot - 1].isalpha():
        return False
    return dot == 1 or not text[dot - 2].isalpha()


_GLUED = re.compile(r"(?<=[\u0621-\u064A]{3})[.!?؟…](?=[\u0621-\u064A]{3})")


def _glued(text: str, index: int) -> bool:
    """The mark at ``index`` ends a sentence written with no space after it: Arabic words
    of three letters or more on both sides."""
    return _GLUED.match(text, index) is not None


def _line_sentences(text: str, start: int, end: int) -> list[Span]:
    spans: list[Span] = []
    begin = start
    depth = 0
    search = _MARKS.search
    found = search(text, start, end)
    while found is not None:
        index = found.start()
        char = text[index]
        if char in _OPENERS:
            depth += 1
        elif char in _CLOSERS:
            if depth:
                depth -= 1
        elif depth == 0:  # an ender outside quotation marks
            trail = _TRAIL.match(text, index + 1, end)
            stop = trail.end() if trail else index + 1
            followed_by_space = stop >= end or text[stop] in _SPACE or _glued(text, index)
            between_digits = char == "." and stop < end and text[stop].isdigit()
            if (
                followed_by_space
                and not between_digits
                and not (char == "." and _is_initial(text, index))
            ):
                spans.append(Span(begin, stop))
                begin = stop
                found = search(text, stop, end)
                continue
        found = search(text, index + 1, end)
    if begin < end:
        spans.append(Span(begin, end))
    return spans


def _trim(text: str, span: Span) -> Span | None:
    start, end = span.start, span.end
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end) if end > start else None


def split_sentences(text: str, within: Span | None = None) -> list[Span]:
    """Sentence spans of ``text`` (or of the part ``within``), whitespace trimmed."""
    region = within or Span(0, len(text))
    spans: list[Span] = []
    line_start = region.start
    while line_start < region.end:
        newline = text.find("\n", line_start, region.end)
        line_end = region.end if newline == -1 else newline
        for raw in _line_sentences(text, line_start, line_end):
            trimmed = _trim(text, raw)
            if trimmed is not None:
                spans.append(trimmed)
        line_start = line_end + 1
    return spans


def body_sentences(text: str, regions: list[Span]) -> list[Span]:
    """Sentence spans of the body regions of ``text`` (boilerplate left out), in order."""
    return [span for region in regions for span in split_sentences(text, region)]


def quoted_spans(text: str, within: Span) -> list[Span]:
    """The stretches of ``within`` inside paired quotation marks (« », “ ”, or two
    straight quotes), marks excluded; the outermost of nested pairs. An opening mark that
    is never closed quotes nothing."""
    out: list[Span] = []
    opened: int | None = None
    closer = ""
    for found in _QUOTE_MARKS.finditer(text, within.start, within.end):
        index, char = found.start(), found.group()
        if opened is None:
            if char in _OPENERS or char == '"':
                opened, closer = index, _OPENERS.get(char, '"')
        elif char == closer:
            out.append(Span(opened + 1, index))
            opened = None
    return out
