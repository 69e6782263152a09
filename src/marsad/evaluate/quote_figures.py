"""Quotes: found by their cue on the gold line; then who the system says spoke.

Each gold quote, in gold order, takes the first system quote not taken yet whose cue
starts on the gold ``line`` and contains the gold cue, folded (``fold_name``) and with
every leading و/ف stripped (so "وأضاف" finds "أضاف"; as in the scorer, "وفق" is
stripped to "ق"). System quotes nobody took are false positives.

For each quote found, two speaker figures:
- the name shown is right when it is the same name (``same_name``) as the gold
  ``speaker``, the gold surface forms being the mentions of the document's gold entity of
  that name (the last one listed, if several) and the gold ``speaker_ar``;
- the identity is right when the name is, or the system's speaker span overlaps an
  occurrence of one of those forms, or its ``speaker_ar`` (folded) contains or is
  contained in one of them longer than two letters, or a system entity with the speaker's
  exact canonical name overlaps an occurrence of one of them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from marsad.evaluate.figures import Detection, share
from marsad.evaluate.folding import definitions, fold_name
from marsad.evaluate.gold import GoldDocument, GoldQuote
from marsad.evaluate.names import same_name
from marsad.evaluate.positions import Offsets, every_occurrence, line_of, overlaps

Json = Mapping[str, Any]


def cue_matches(gold_cue: str, system_cue: str | None) -> bool:
    return fold_name(gold_cue).lstrip(definitions()["cue_conjunctions"]) in fold_name(system_cue)


def _speaker_forms(document: GoldDocument, quote: GoldQuote) -> list[str]:
    by_name = {entity.name: entity for entity in document.entities}
    entity = by_name.get(quote.speaker)
    forms = list(entity.mentions) if entity is not None else []
    return forms + ([quote.speaker_ar] if quote.speaker_ar else [])


def _same_speaker(
    text: str, found: Json, forms: Sequence[str], entities: Sequence[Json], named: bool
) -> bool:
    if named:
        return True
    places: list[Offsets] = [span for form in forms for span in every_occurrence(text, form)]
    if found.get("speaker_start") is not None:
        written = (found["speaker_start"], found["speaker_end"])
        if any(overlaps(written, place) for place in places):
            return True
    speaker_ar = fold_name(found.get("speaker_ar")) if found.get("speaker_ar") else ""
    if speaker_ar:
        folded = [fold_name(form) for form in forms]
        if any(speaker_ar in f or f in speaker_ar for f in folded if len(f) > 2):
            return True
    speaker = found.get("speaker")
    return bool(speaker) and any(
        entity.get("canonical") == speaker
        and any(overlaps((entity["start"], entity["end"]), place) for place in places)
        for entity in entities
    )


@dataclass(slots=True)
class QuoteFigures:
    detection: Detection = field(default_factory=Detection)
    speaker_named: int = 0
    speaker_identified: int = 0

    def add(self, text: str, document: GoldDocument, system: Json) -> None:
        quotes: Sequence[Json] = system.get("quotes", [])
        entities: Sequence[Json] = system.get("entities", [])
        lines = [line_of(text, q.get("cue_start", -1)) for q in quotes]
        taken: set[int] = set()
        for answer in document.quotes:
            hit = next(
                (
                    i
                    for i, quote in enumerate(quotes)
                    if i not in taken
                    and lines[i] == answer.line
                    and cue_matches(answer.cue, quote.get("cue", ""))
                ),
                None,
            )
            if hit is None:
                self.detection.fn += 1
                continue
            taken.add(hit)
            self.detection.tp += 1
            forms = _speaker_forms(document, answer)
            found = quotes[hit]
            named = same_name(found.get("speaker") or "", answer.speaker, forms)
            self.speaker_named += named
            self.speaker_identified += _same_speaker(text, found, forms, entities, named)
        self.detection.fp += len(quotes) - len(taken)

    def figures(self) -> dict[str, Any]:
        return {
            "quotes": self.detection.figures(),
            "quote_speaker_acc": share(self.speaker_named, self.detection.tp),
            "quote_speaker_identity_acc": share(self.speaker_identified, self.detection.tp),
        }
