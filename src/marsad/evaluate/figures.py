"""The arithmetic of the figures: precision, recall and F1 from counts, and shares.

Rounded to 3 decimals as the gold scorers print them; F1 is computed from the unrounded
precision and recall.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

DECIMALS = 3


def share(part: int, whole: int) -> float | None:
    """``part / whole`` rounded, or None when there is nothing to divide by."""
    return round(part / whole, DECIMALS) if whole else None


def f1_of(precision: float, recall: float) -> float:
    return (
        round(2 * precision * recall / (precision + recall), DECIMALS)
        if precision + recall
        else 0.0
    )


@dataclass(slots=True)
class Detection:
    """Matched pairs (tp), system items left unmatched (fp), gold items missed (fn)."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def figures(self) -> dict[str, Any]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        return {
            "p": round(p, DECIMALS),
            "r": round(r, DECIMALS),
            "f1": f1_of(p, r),
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
        }
