"""The Arabic folding the gold scorers compare with (../shared/gold/score*.py).

Part of the definition of the figures, not marsad's own text view (``marsad.arabic``):
an answer counts as right when it is right under *these* foldings, so they are kept
apart from, and never replaced by, the folding marsad extracts with.
"""

from __future__ import annotations

import re
import unicodedata

# Short vowels, tanwin, shadda, sukun, dagger alef, tatweel.
_MARKS = re.compile("[\u064b-\u0652\u0670\u0640]")
# Hamza and wasla alefs to bare alef, alef maqsura to ya, ta marbuta to ha.
_LETTERS = str.maketrans({"إ": "ا", "أ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه"})


def fold_letters(text: str) -> str:
    """Marks removed and the letters above folded; nothing else changes (story scorer)."""
    return _MARKS.sub("", text).translate(_LETTERS)


def fold_name(text: str | None) -> str:
    """Compatibility-normalised (NFKC), letters folded, spaces collapsed, lower case
    (extraction scorer: cues and names)."""
    folded = fold_letters(unicodedata.normalize("NFKC", text or ""))
    return " ".join(folded.split()).lower()
