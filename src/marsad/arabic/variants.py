"""Spelling variants of a folded word: the transliterations outlets write interchangeably.

The text view already unifies hamza, diacritics, tatweel and the final ى/ة; what it
cannot know is that "الاميركيه" and "الامريكيه", or "البنتاغون" and "البنتاجون", are one
word. ``spelling_variants.tsv`` lists such forms as groups of interchangeable substrings;
``spelling_variants(word)`` gives every spelling the groups allow. Matching code (search)
expands a query word with them; nothing here changes what is displayed.
"""

from __future__ import annotations

from functools import cache, lru_cache

from marsad.arabic.view import TextView
from marsad.resources import load_tsv

MAX_VARIANTS = 16  # a word with several variant parts stays a short list


def _fold(form: str) -> str:
    words = TextView(form).words
    return "".join(words)


@cache
def variant_groups() -> tuple[tuple[str, ...], ...]:
    """The groups of interchangeable folded substrings, longest form first in each."""
    groups = []
    for row in load_tsv("spelling_variants.tsv", columns=1):
        forms = {_fold(cell) for cell in row[0].split(",") if cell.strip()}
        forms.discard("")
        if len(forms) > 1:
            groups.append(tuple(sorted(forms, key=lambda f: (-len(f), f))))
    return tuple(groups)


def _swaps(word: str) -> set[str]:
    """Every word made by replacing one variant part of ``word`` with another."""
    out = set()
    for group in variant_groups():
        for part in group:
            index = word.find(part)
            while index != -1:
                for other in group:
                    if other != part:
                        out.add(word[:index] + other + word[index + len(part) :])
                index = word.find(part, index + 1)
    return out


@lru_cache(maxsize=8192)
def spelling_variants(word: str) -> frozenset[str]:
    """The folded ``word`` and each spelling its variant parts allow (at most MAX_VARIANTS)."""
    found = {word}
    frontier = [word]
    while frontier and len(found) < MAX_VARIANTS:
        for variant in sorted(_swaps(frontier.pop())):
            if variant not in found and len(found) < MAX_VARIANTS:
                found.add(variant)
                frontier.append(variant)
    return frozenset(found)


__all__ = ["MAX_VARIANTS", "spelling_variants", "variant_groups"]
