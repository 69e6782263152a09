"""The affixes of wordclass_affixes.tsv, folded: one reader for the build and the runtime."""

from __future__ import annotations

from collections import defaultdict
from functools import cache

from marsad.arabic.normalize import normalize
from marsad.resources import load_tsv


@cache
def affix_rows() -> dict[str, tuple[tuple[str, ...], ...]]:
    """kind -> rows without the kind column; Arabic cells folded, the rest as written."""
    rows: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    for kind, *cells in load_tsv("wordclass_affixes.tsv", columns=2):
        rows[kind].append(tuple(normalize(cell) for cell in cells))
    return {kind: tuple(found) for kind, found in rows.items()}


@cache
def letter(name: str) -> str:
    """A folded letter the rules name (``letter("ta")``)."""
    return {row[0]: row[1] for row in affix_rows()["letter"]}[name]


@cache
def single(kind: str) -> str:
    """The one form of a kind that has a single row (the article, the future prefix)."""
    (row,) = affix_rows()[kind]
    return row[0]
