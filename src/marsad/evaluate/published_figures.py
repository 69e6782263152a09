"""Publication dates the system read from the text, against the gold's ``published``.

Not a figure of the gold scorers: an extra of ``marsad eval``. Only a date the system took
from the text itself counts (``published.source`` dateline or inferred); a date it was
given (metadata such as a crawl time, an option, a URL or a file name) is an input, not
a finding, and counts as no date found.

- ``stated``: the text states its date (gold ``published``); the system found the same;
- ``unstated``: the text does not; the system found none, or the gold's inferable date;
- ``inferred``: the gold says the date is inferable; the system inferred it;
- ``invented``: the text does not state its date and the system found another one.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from marsad.evaluate.gold import GoldDocument

FOUND_IN_TEXT = frozenset({"dateline", "inferred"})


def _same_date(gold: str | None, system: str | None) -> bool:
    if gold is None or system is None:
        return gold is None and system is None
    return gold.strip().upper() == system.strip().upper()


@dataclass(slots=True)
class Tally:
    right: int = 0
    total: int = 0

    def add(self, right: bool) -> None:
        self.right += right
        self.total += 1

    def figures(self) -> dict[str, Any]:
        accuracy = round(self.right / self.total, 3) if self.total else None
        return {"acc": accuracy, "right": self.right, "n": self.total}


@dataclass(slots=True)
class PublishedFigures:
    stated: Tally = field(default_factory=Tally)
    unstated: Tally = field(default_factory=Tally)
    inferred: Tally = field(default_factory=Tally)
    invented: int = 0

    def add(self, gold: GoldDocument, published: Mapping[str, Any] | None) -> None:
        published = published or {}
        found = published.get("value") if published.get("source") in FOUND_IN_TEXT else None
        if gold.published is not None:
            self.stated.add(_same_date(gold.published, found))
            return
        inferable = gold.published_inferable.value if gold.published_inferable else None
        if inferable is not None:
            self.inferred.add(_same_date(inferable, found))
        right = found is None or _same_date(inferable, found)
        self.unstated.add(right)
        self.invented += not right

    def figures(self) -> dict[str, Any]:
        return {
            "stated": self.stated.figures(),
            "unstated": self.unstated.figures(),
            "inferred": self.inferred.figures(),
            "invented": self.invented,
        }
