"""The temporal tagger's throughput beside dateparser's ``search_dates`` on the same texts.

Both run on the same article texts, timed with the process CPU clock; the tagger gets no
publication date (as dateparser), so both only find and read dates. They take turns, a
block of articles each: on a shared machine the CPU's speed drifts by a fifth or more
over seconds, and taking turns lets the drift fall on both alike.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from marsad.evaluate.baselines import DATEPARSER_SETTINGS
from marsad.ingest import read_inputs
from marsad.model import Article
from marsad.temporal import tag_text


def _texts(paths: Sequence[str | Path], limit: int) -> list[str]:
    texts: list[str] = []
    for item in read_inputs(paths):
        if isinstance(item, Article):
            texts.append(item.text)
            if len(texts) >= limit:
                break
    return texts


def _rate(count: int, seconds: float) -> float:
    return round(count / seconds, 1) if seconds > 0 else float("inf")


def compare_temporal_speed(
    paths: Sequence[str | Path], limit: int = 200, repeat: int = 3, block: int = 10
) -> dict[str, Any]:
    """Articles per CPU-second of ``tag_text`` and of dateparser's ``search_dates``, taking
    turns ``block`` articles at a time, both in steady state. The tagger's time for a
    block is the mean of ``repeat`` runs after one untimed run: a run of a block is a
    few milliseconds, most of which would otherwise go on refilling the caches that
    dateparser's turn (a third of a second) emptied; dateparser's is one run."""
    from dateparser.search import search_dates  # slow import; only when compared

    def theirs_on(text: str) -> int:
        return len(search_dates(text, languages=["ar"], settings=DATEPARSER_SETTINGS) or [])

    texts = _texts(paths, limit)
    tag_text(texts[0] if texts else "")  # load the resources outside the timing
    theirs_on(texts[0] if texts else "")  # and dateparser's Arabic locale
    runs = max(1, repeat)
    ours = theirs = 0
    ours_seconds = theirs_seconds = 0.0
    for first in range(0, len(texts), block):
        chunk = texts[first : first + block]
        for text in chunk:  # untimed: back to steady state after dateparser's turn
            tag_text(text)
        start = time.process_time()
        for _ in range(runs):
            found = sum(len(tag_text(text)) for text in chunk)
        ours_seconds += (time.process_time() - start) / runs
        ours += found
        start = time.process_time()
        theirs += sum(map(theirs_on, chunk))
        theirs_seconds += time.process_time() - start
    ours_rate, theirs_rate = _rate(len(texts), ours_seconds), _rate(len(texts), theirs_seconds)
    return {
        "articles": len(texts),
        "block": block,
        "marsad": {
            "seconds": round(ours_seconds, 3),
            "articles_per_s": ours_rate,
            "found": ours,
        },
        "dateparser": {
            "seconds": round(theirs_seconds, 3),
            "articles_per_s": theirs_rate,
            "found": theirs,
        },
        "speedup": round(ours_rate / theirs_rate, 1) if theirs_rate else None,
    }
