"""Mark web furniture in a plain text as ``Boilerplate`` spans; never delete anything.

The markers, their kind and their position rule live in ``resources/boilerplate.tsv``.
A marker must be a whole short line (or, for ``contains`` rules, a phrase inside one), so a
body sentence that merely uses a word such as التعليقات is never marked.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from marsad.arabic.view import TextView
from marsad.model import Article, Boilerplate, Span
from marsad.resources import load_tsv

_SCOPES = ("tail", "line", "head")
_MATCHES = ("line", "regex", "contains", "starts")
_MAX_LINE = 300  # longer lines are paragraphs, never markers
_HEAD_LINES = 3  # "head" markers sit among the first non-blank lines
_TAIL_FROM = 0.5  # "tail" markers must start in the second half of the text
_SPACES = re.compile(r"\s+")
_OUTER_PUNCT = " \t|:;,.!-–—_…*•·«»\"'()[]{}<>/\\=~#"
_LINE = re.compile(r"[^\n]*\n?")


@dataclass(frozen=True, slots=True)
class Marker:
    kind: str
    scope: str
    match: str
    pattern: str  # folded (line / contains) or a regex over folded text
    regex: re.Pattern[str] | None = None


def _collapse(folded: str) -> str:
    return _SPACES.sub(" ", folded).strip()


def _trim(folded: str) -> str:
    return _SPACES.sub(" ", folded.strip(_OUTER_PUNCT + "\u00a0")).strip(_OUTER_PUNCT)


@cache
def load_markers() -> tuple[Marker, ...]:
    """The rules of ``boilerplate.tsv``, validated and folded once."""
    markers = []
    for kind, scope, match, pattern, *_ in load_tsv("boilerplate.tsv", columns=4):
        if scope not in _SCOPES or match not in _MATCHES:
            raise ValueError(f"boilerplate.tsv: bad scope/match in {kind, scope, match}")
        if match == "contains" and scope != "tail":
            raise ValueError(f"boilerplate.tsv: 'contains' is for tail rules: {pattern!r}")
        if match == "starts" and scope != "head":
            raise ValueError(f"boilerplate.tsv: 'starts' is for head rules: {pattern!r}")
        if match == "regex":
            markers.append(Marker(kind, scope, match, pattern, re.compile(pattern)))
        elif match == "line":
            markers.append(Marker(kind, scope, match, _trim(_collapse(TextView(pattern).folded))))
        else:
            markers.append(Marker(kind, scope, match, _collapse(TextView(pattern).folded)))
    return tuple(markers)


def _lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of each line's content, newline excluded; CRLF-safe."""
    spans = []
    for match in _LINE.finditer(text):
        start, end = match.span()
        if start == end:
            break
        content_end = end - 1 if text[end - 1 : end] == "\n" else end
        if content_end > start and text[content_end - 1] == "\r":
            content_end -= 1
        spans.append((start, content_end))
    return spans


def _stripped(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink [start, end) to its non-whitespace content."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _match_line(
    marker: Marker, view: TextView, line: Span, folded: str, trimmed: str
) -> int | None:
    """Where the marker starts in the text, or None."""
    if marker.match == "line":
        return line.start if trimmed == marker.pattern else None
    if marker.match == "regex":
        assert marker.regex is not None
        return line.start if marker.regex.fullmatch(folded) else None
    if marker.pattern not in folded:
        return None
    line_start, line_end = view.folded_range(line)
    found = view.folded.find(marker.pattern, line_start, line_end)
    if found < 0:
        return None
    return view.source_index(found)


def _glued_head(
    view: TextView, start: int, end: int, markers: tuple[Marker, ...]
) -> Boilerplate | None:
    """A ``starts`` marker at the start of a head line, the article glued after it
    ("شارك من خلال تويتر فيسبوك جوجل بلس اكتب رأيك أكد ..."): only the marker's words."""
    first, last = view.folded_range(Span(start, end))
    line = _collapse(view.folded[first:last])
    for marker in markers:
        if marker.match != "starts" or not line.startswith(marker.pattern):
            continue
        at = first
        for word in marker.pattern.split():  # the marker's words, over any spacing
            at = view.folded.find(word, at, last) + len(word)
        return Boilerplate(Span(start, view.source_index(at)), marker.kind)
    return None


def find_boilerplate(text: str) -> list[Boilerplate]:
    """Boilerplate spans of a plain text, in order, not overlapping."""
    return _find(TextView(text))


def _find(view: TextView) -> list[Boilerplate]:
    text = view.text
    markers = load_markers()
    lines = _lines(text)
    single: list[Boilerplate] = []
    tails: list[tuple[int, str]] = []  # (start, kind) of each tail block
    non_blank = 0
    for line_start, line_end in lines:
        start, end = _stripped(text, line_start, line_end)
        if start == end:
            continue
        non_blank += 1
        if non_blank <= _HEAD_LINES:
            glued = _glued_head(view, start, end, markers)
            if glued is not None:
                single.append(glued)
                continue
        if end - start > _MAX_LINE:
            continue
        line = Span(start, end)
        folded = _collapse(view.fold_range(start, end))
        trimmed = _trim(folded)
        for marker in markers:
            if marker.scope == "head" and non_blank > _HEAD_LINES:
                continue
            if marker.scope == "tail" and start < _TAIL_FROM * len(text):
                continue
            at = _match_line(marker, view, line, folded, trimmed)
            if at is None:
                continue
            if marker.scope == "tail":
                tails.append((at, marker.kind))
            else:
                single.append(Boilerplate(Span(start, end), marker.kind))
            break
    return _merge(text, single, tails)


def _merge(text: str, single: list[Boilerplate], tails: list[tuple[int, str]]) -> list[Boilerplate]:
    """Tail blocks run to the next tail marker; single lines inside a tail block are dropped."""
    blocks: list[Boilerplate] = []
    for index, (start, kind) in enumerate(tails):
        limit = tails[index + 1][0] if index + 1 < len(tails) else len(text)
        _, end = _stripped(text, start, limit)
        blocks.append(Boilerplate(Span(start, end), kind))
    first_tail = tails[0][0] if tails else len(text)
    kept = [b for b in single if b.span.end <= first_tail]
    return sorted(kept + blocks, key=lambda b: b.span.start)


def annotate_boilerplate(article: Article) -> None:
    """Fill ``article.boilerplate`` (pure per-article stage; replaces the layer)."""
    article.boilerplate = _find(article.view)


def with_boilerplate(article: Article) -> Article:
    """``article`` with its boilerplate marked (the readers' last step)."""
    annotate_boilerplate(article)
    return article
