"""Timexes: detection by overlap, the value of each one found, and relative expressions.

Each gold timex, in gold order, takes the first system timex (in output order) that
overlaps it and is not taken yet. A vague gold timex (``vague``) may take one but is
not scored: neither found nor missed. A gold timex with a value scores the system's
value (the same text). A gold timex with a null value (relative to a day the text does
not give) is right when the system resolves it to ``anchored_value``, honestly left
alone when the system gives no value, and a confident wrong date otherwise. System
timexes nobody took are false positives.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from marsad.evaluate.figures import Detection, share
from marsad.evaluate.gold import GoldTimex
from marsad.evaluate.positions import find_occurrence, overlaps


@dataclass(slots=True)
class TimexFigures:
    detection: Detection = field(default_factory=Detection)
    values_right: int = 0
    values_scored: int = 0
    relative: int = 0  # found gold timexes with a null value
    relative_resolved: int = 0
    relative_wrong: int = 0

    def add(
        self, text: str, gold: Sequence[GoldTimex], system: Sequence[Mapping[str, Any]]
    ) -> None:
        spans = [(x["start"], x["end"]) for x in system]
        taken: set[int] = set()
        for answer in gold:
            where = find_occurrence(text, answer.text, answer.occurrence)
            if where is None:
                continue
            hit = next(
                (i for i, span in enumerate(spans) if i not in taken and overlaps(where, span)),
                None,
            )
            if hit is not None:
                taken.add(hit)
            if answer.vague:
                continue
            if hit is None:
                self.detection.fn += 1
                continue
            self.detection.tp += 1
            self._score_value(answer, system[hit].get("value"))
        self.detection.fp += len(system) - len(taken)

    def _score_value(self, answer: GoldTimex, value: Any) -> None:
        if answer.value is not None:
            self.values_scored += 1
            self.values_right += str(value) == answer.value
            return
        self.relative += 1
        if value is None:
            return  # no date is the honest answer without the text's own day
        if str(value) == str(answer.anchored_value):
            self.relative_resolved += 1
        else:
            self.relative_wrong += 1

    def figures(self) -> dict[str, Any]:
        return {
            "timex": self.detection.figures(),
            "timex_value_acc": share(self.values_right, self.values_scored),
            "timex_value_n": self.values_scored,
            "relative_unknown_anchor": {
                "n": self.relative,
                "resolved_right": self.relative_resolved,
                "confident_wrong": self.relative_wrong,
            },
        }
