"""Markup nested deeper than libxml2 parses (256 levels), cut down to what it says.

A broken template or a hostile page can wrap its text in thousands of elements; libxml2
then drops everything below its depth limit, text included. Long runs of opening or
closing tags with nothing but spaces between them are nesting, never content: each run is
cut to its ends (the wrappers nearest the page and the text, which carry its structure).
"""

from __future__ import annotations

import re

_VOID = "area|base|br|col|embed|hr|img|input|link|meta|param|source|track|wbr"
_RUN = 65  # tags in a row: far beyond any real page
_KEPT = 32  # tags kept at each end of a run
_OPENING_RUN = re.compile(rf"(?:<(?!(?:{_VOID})\b)[a-z][a-z0-9]*\b[^<>]*>\s*){{{_RUN},}}", re.I)
_CLOSING_RUN = re.compile(rf"(?:</[a-z][a-z0-9]*\s*>\s*){{{_RUN},}}", re.I)
_TAG = re.compile(r"<[^<>]*>")


def _shortened(match: re.Match[str]) -> str:
    tags = _TAG.findall(match.group())
    return "".join(tags[:_KEPT] + tags[-_KEPT:])


def shorten_nesting(markup: str) -> str:
    """``markup`` with every run of bare nesting cut to its ends (unchanged for real pages)."""
    if "<" not in markup:
        return markup
    return _CLOSING_RUN.sub(_shortened, _OPENING_RUN.sub(_shortened, markup))
