"""The Arabic folding the gold scorers compare with (../shared/gold/score*.py).

Part of the definition of the figures, not marsad's own text view (``marsad.arabic``):
an answer counts as right when it is right under *these* foldings, so they are kept
apart from, and never replaced by, the folding marsad extracts with.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from typing import Any

from marsad.resources import load_yaml


def definitions() -> Any:
    """The scorers' own word lists and foldings (resources/gold_scorers.yaml)."""
    return load_yaml("gold_scorers.yaml")


@cache
def _foldings() -> tuple[re.Pattern[str], dict[int, str]]:
    marks = re.compile("[" + definitions()["marks"] + "]")
    return marks, str.maketrans(definitions()["letters"])


def fold_letters(text: str) -> str:
    """Marks removed and the scorers' letters folded; nothing else changes (story scorer)."""
    marks, letters = _foldings()
    return marks.sub("", text).translate(letters)


def fold_name(text: str | None) -> str:
    """Compatibility-normalised (NFKC), letters folded, spaces collapsed, lower case
    (extraction scorer: cues and names)."""
    folded = fold_letters(unicodedata.normalize("NFKC", text or ""))
    return " ".join(folded.split()).lower()
