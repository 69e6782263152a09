"""Entity mentions: is each gold surface form covered, and by the right entity?

Every mention of every gold entity counts once (a form listed twice counts twice). It is
found when a system entity overlaps any of its occurrences in the text, an occurrence
being the form not followed by a letter or digit (``every_word_end_occurrence``); a
form that never occurs is missed. A found mention has the right canonical name when one
of the system entities over it has the same name (``same_name``) as the gold entity.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from marsad.evaluate.figures import share
from marsad.evaluate.gold import GoldEntity
from marsad.evaluate.names import same_name
from marsad.evaluate.positions import every_word_end_occurrence, overlaps


@dataclass(slots=True)
class EntityFigures:
    found: int = 0
    missed: int = 0
    canonical_right: int = 0

    def add(
        self, text: str, gold: Sequence[GoldEntity], system: Sequence[Mapping[str, Any]]
    ) -> None:
        for entity in gold:
            for mention in entity.mentions:
                places = list(every_word_end_occurrence(text, mention))
                over = [
                    x
                    for x in system
                    if any(overlaps((x["start"], x["end"]), place) for place in places)
                ]
                if not over:
                    self.missed += 1
                    continue
                self.found += 1
                self.canonical_right += any(
                    same_name(x.get("canonical") or "", entity.name, entity.mentions) for x in over
                )

    def figures(self) -> dict[str, Any]:
        return {
            "entity_mention_recall": share(self.found, self.found + self.missed),
            "entity_canonical_acc": share(self.canonical_right, self.found),
        }
