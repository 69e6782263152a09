"""Does the gold fit the texts it annotates? Every answer must point at real text.

A timex's or quantity's ``text`` must occur ``occurrence`` times (plain substrings), a
quote's ``line`` must exist, a timeline event's evidence must be in its evidence document.
Problems are collected and raised together (``GoldError``).
"""

from __future__ import annotations

from collections.abc import Mapping

from marsad.evaluate.gold import GoldError, GoldSet
from marsad.evaluate.positions import find_occurrence


def check_against_texts(gold: GoldSet, texts: Mapping[str, str]) -> None:
    """Raise GoldError listing every gold answer the texts do not hold."""
    problems: list[str] = []
    for document in gold.documents:
        text = texts.get(document.doc)
        if text is None:
            problems.append(f"document {document.doc}: not found among the inputs")
            continue
        located = [(t.text, t.occurrence, "timex") for t in document.timexes]
        located += [(q.text, q.occurrence, "quantity") for q in document.quantities]
        for needle, occurrence, kind in located:
            if find_occurrence(text, needle, occurrence) is None:
                problems.append(
                    f"{document.doc}: {kind} {needle!r} occurrence {occurrence} is not in the text"
                )
        lines = text.count("\n") + 1
        for quote in document.quotes:
            if quote.line > lines:
                problems.append(f"{document.doc}: quote line {quote.line} > {lines} lines")
    for event in gold.timeline:
        text = texts.get(event.evidence_doc or "")
        if event.evidence and text is not None and event.evidence not in text:
            problems.append(f"timeline {event.id}: evidence is not in {event.evidence_doc}")
    if problems:
        raise GoldError(problems)
