"""The story timeline, one to one: ``marsad timeline --format json`` against a gold
timeline, with the keys and values ``../shared/gold/score_timeline.py`` prints.

A dated system event can match a dated gold event when (1) the dates are equal (as text),
(2) it cites a document of the gold event, and (3) one of its cited passages says what
the gold evidence says: it overlaps the evidence in the evidence document (closeness
1), or it shares at least a quarter of the evidence's content words (closeness = the
share). A cited passage is the sentence around it when it is shorter than 40 characters,
else the passage itself. Pairs are taken greedily, closest first (on equal closeness, the
later system event, then the later gold event, first), each event at most once.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from functools import cache
from typing import Any

from marsad.evaluate.figures import f1_of, share
from marsad.evaluate.folding import definitions, fold_letters
from marsad.evaluate.gold import GoldEvent, GoldSet

Json = Mapping[str, Any]
MIN_SHARED = 0.25
SHORT_PASSAGE = 40


@cache
def _content_rules() -> tuple[frozenset[str], re.Pattern[str]]:
    """The story scorer's function words and its proclitic pattern (gold_scorers.yaml)."""
    found = definitions()
    return frozenset(found["function_words"]), re.compile(found["proclitics"])


def content_words(text: str) -> set[str]:
    function_words, proclitics = _content_rules()
    words = set()
    for word in re.findall(r"\w+", fold_letters(text)):
        if len(word) > 4:
            word = proclitics.sub("", word, count=1)
        if len(word) > 2 and word not in function_words and not word.isdigit():
            words.add(word)
    return words


def sentence_around(text: str, start: int, end: int) -> str:
    """From after the last '.' or newline before ``start`` to the first one from ``end``."""
    first = max(text.rfind(".", 0, start), text.rfind("\n", 0, start)) + 1
    stops = [i for i in (text.find(".", end), text.find("\n", end)) if i >= 0]
    return text[first : min(stops) if stops else len(text)]


def _closeness(system: Json, answer: GoldEvent, texts: Mapping[str, str]) -> float:
    evidence = answer.evidence
    wanted = content_words(evidence)
    best = 0.0
    for source in system.get("sources", []):
        text = texts.get(str(source.get("doc")))
        if text is None:
            continue
        start, end = int(source.get("start", 0)), int(source.get("end", 0))
        if evidence and answer.evidence_doc == source.get("doc"):
            at = text.find(evidence)
            if at >= 0 and start < at + len(evidence) and at < end:
                return 1.0
        passage = (
            sentence_around(text, start, end) if end - start < SHORT_PASSAGE else text[start:end]
        )
        if wanted:
            best = max(best, len(wanted & content_words(passage)) / len(wanted))
    return best


def _pairs(
    system: Sequence[Json], gold: Sequence[GoldEvent], texts: Mapping[str, str]
) -> list[tuple[float, int, int]]:
    pairs = []
    for i, event in enumerate(system):
        cited = {str(source.get("doc")) for source in event.get("sources", [])}
        for j, answer in enumerate(gold):
            if str(event["date"]) != str(answer.date) or not cited & set(answer.docs):
                continue
            closeness = _closeness(event, answer, texts)
            if closeness >= MIN_SHARED:
                pairs.append((closeness, i, j))
    return sorted(pairs, reverse=True)


def timeline_event_figures(
    gold: GoldSet, timeline: Json, texts: Mapping[str, str]
) -> dict[str, Any]:
    """Figures of a timeline JSON on a story gold; ``texts`` are the cited documents' texts."""
    answers = [e for e in gold.timeline if e.date]
    events = [e for e in timeline.get("events", []) if e.get("date")]
    matched_system: set[int] = set()
    matched_gold: set[int] = set()
    for _, i, j in _pairs(events, answers, texts):
        if i not in matched_system and j not in matched_gold:
            matched_system.add(i)
            matched_gold.add(j)
    story = [j for j, answer in enumerate(answers) if answer.scope == "story"]
    story_found = sum(1 for j in story if j in matched_gold)
    precision = len(matched_system) / len(events) if events else 0.0
    recall = len(matched_gold) / len(answers) if answers else 0.0
    return {
        "gold_dated": len(answers),
        "system_dated": len(events),
        "matched": len(matched_gold),
        "story_found": f"{story_found}/{len(story)}",
        "story_recall": share(story_found, len(story)),
        "precision": round(precision, 3),
        "recall": round(recall, 3),
        "f1": f1_of(precision, recall),
        "conflicts_shown": len(timeline.get("conflicts", [])),
        "gold_conflicts": len(gold.conflicts),
    }
