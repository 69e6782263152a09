"""A timex found in folded text, before span mapping and anchoring."""

from __future__ import annotations

from dataclasses import dataclass

from marsad.temporal.relative import Relative


@dataclass(slots=True)
class Candidate:
    start: int  # folded-text offsets
    end: int
    type: str  # DATE | TIME | DURATION | SET
    value: str | None
    rule: str
    granularity: str | None = None
    relative: Relative | None = None
    vague: bool = False
    hijri: str | None = None
    calendar: str = "gregorian"  # of the value as written, for merging dual dates
    order: int = 0  # rule priority among equal lengths (lower wins)

    @property
    def length(self) -> int:
        return self.end - self.start
