"""Same name, as a reader would accept it: the extraction scorer's test for speakers and
canonical entity names (../shared/gold/score.py, ``name_match``).

Two names are the same when, folded (``fold_name``), they are equal, one contains the
other as whole words, or they share at least 60% of the distinctive words of the longer
one; failing that, the system's name may equal one of the gold's surface forms.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from marsad.evaluate.folding import fold_name

# Words that do not tell one name from another.
_PARTICLES = frozenset({"bin", "ibn", "bint", "al", "el", "abu", "the", "of"})
_TITLES = frozenset(
    {
        "king",
        "prince",
        "sheikh",
        "shaikh",
        "emir",
        "amir",
        "dr",
        "mr",
        "president",
        "minister",
        "general",
        "gen",
    }
)
_NOT_DISTINCTIVE = _PARTICLES | _TITLES | {"unnamed"}  # "security source (unnamed)"
SHARED_WORDS = 0.6


def distinctive_words(name: str) -> set[str]:
    """Words of the folded name of two letters or more, particles and titles left out."""
    return {
        word
        for word in re.findall(r"\w+", fold_name(name))
        if word not in _NOT_DISTINCTIVE and len(word) > 1
    }


def _contains_words(outer: str, inner: str) -> bool:
    return re.search(r"(?<!\w)" + re.escape(inner) + r"(?!\w)", outer) is not None


def same_name(system: str | None, gold: str, gold_forms: Iterable[str] = ()) -> bool:
    """True when the system's name is the gold's, as described above; an empty system
    name is never right."""
    ours, theirs = fold_name(system), fold_name(gold)
    if not ours:
        return False
    if ours == theirs or _contains_words(theirs, ours) or _contains_words(ours, theirs):
        return True
    mine, gold_words = distinctive_words(ours), distinctive_words(theirs)
    if (
        mine
        and gold_words
        and len(mine & gold_words) / max(len(mine), len(gold_words)) >= SHARED_WORDS
    ):
        return True
    return any(fold_name(form) == ours for form in gold_forms)
