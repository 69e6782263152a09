"""Quantities: recall of the gold quantities, each found with its value.

A gold quantity (``text`` at its ``occurrence``) is found when any system quantity
overlapping it has the same value (``same_quantity``); several gold quantities may be
found by one system quantity, and system quantities are not counted against.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from marsad.evaluate.figures import share
from marsad.evaluate.gold import GoldQuantity, QuantityValue
from marsad.evaluate.positions import find_occurrence, overlaps


def _number(value: Any) -> float | None:
    """The value read as a number (a numeric string reads too); None when it is not one."""
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def same_quantity(system: Any, gold: QuantityValue) -> bool:
    """Both vague (null), the same number, or the same ``[low, high]`` range."""
    if gold is None:
        return system is None
    if isinstance(gold, tuple):
        if not isinstance(system, list) or len(system) != len(gold):
            return False
        numbers = [_number(v) for v in system]
        return all(n is not None and n == float(g) for n, g in zip(numbers, gold, strict=True))
    if system is None or isinstance(system, list):
        return False
    number = _number(system)
    return number is not None and number == float(gold)


@dataclass(slots=True)
class QuantityFigures:
    found: int = 0
    missed: int = 0

    def add(
        self, text: str, gold: Sequence[GoldQuantity], system: Sequence[Mapping[str, Any]]
    ) -> None:
        for answer in gold:
            where = find_occurrence(text, answer.text, answer.occurrence)
            hit = where is not None and any(
                overlaps(where, (x["start"], x["end"]))
                and same_quantity(x.get("value"), answer.value)
                for x in system
            )
            if hit:
                self.found += 1
            else:
                self.missed += 1

    def figures(self) -> dict[str, Any]:
        return {"quantity_recall": share(self.found, self.found + self.missed)}
