"""Temporal span recall on a CoNLL corpus with DATE/TIME tags (Wojood's nested format).

Each sentence is rebuilt from its tokens joined by spaces, tagged by the temporal tagger
with no publication date, and every gold DATE/TIME span (from any tag column, so nested
dates count) is checked for an overlapping (lenient) or identical (strict) timex.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from marsad.model import Span
from marsad.temporal import tag_text

TEMPORAL_TYPES = ("DATE", "TIME")


@dataclass(slots=True)
class SpanSentence:
    text: str
    gold: list[tuple[Span, str]]


def _sentences(path: Path) -> Iterator[list[list[str]]]:
    rows: list[list[str]] = []
    for line in path.read_text(encoding="utf-8-sig").splitlines():
        cells = line.split()
        if not cells:
            if rows:
                yield rows
            rows = []
        elif cells[0] != "$#$":
            rows.append(cells)
    if rows:
        yield rows


def read_spans(path: Path, types: Sequence[str] = TEMPORAL_TYPES) -> Iterator[SpanSentence]:
    """Sentences with their gold spans of ``types`` (outermost per tag column)."""
    for rows in _sentences(path):
        offsets: list[Span] = []
        cursor = 0
        for row in rows:
            offsets.append(Span(cursor, cursor + len(row[0])))
            cursor += len(row[0]) + 1
        text = " ".join(row[0] for row in rows)
        gold: list[tuple[Span, str]] = []
        columns = max(len(row) for row in rows) - 1
        for column in range(1, columns + 1):
            start: int | None = None
            kind = ""
            for index, row in enumerate([*rows, ["", "O"]]):
                tag = row[column] if column < len(row) else "O"
                inside = tag.startswith("I-") and tag[2:] == kind and start is not None
                if start is not None and not inside:
                    gold.append((Span(offsets[start].start, offsets[index - 1].end), kind))
                    start = None
                if tag.startswith("B-") and tag[2:] in types:
                    start, kind = index, tag[2:]
        yield SpanSentence(text, sorted(set(gold), key=lambda g: g[0].start))


def timex_span_recall(paths: Sequence[Path]) -> dict[str, Any]:
    """Recall of the gold DATE/TIME spans by marsad's temporal tagger."""
    total = lenient = strict = 0
    by_type: dict[str, list[int]] = {kind: [0, 0] for kind in TEMPORAL_TYPES}
    misses: list[str] = []
    for path in paths:
        for sentence in read_spans(path):
            if not sentence.gold:
                continue
            found = [timex.span for timex in tag_text(sentence.text)]
            for span, kind in sentence.gold:
                total += 1
                by_type[kind][1] += 1
                hit = any(span.overlaps(other) for other in found)
                lenient += hit
                by_type[kind][0] += hit
                strict += span in found
                if not hit and len(misses) < 50:
                    misses.append(span.slice(sentence.text))
    return {
        "gold_spans": total,
        "recall_lenient": round(lenient / total, 3) if total else 0.0,
        "recall_strict": round(strict / total, 3) if total else 0.0,
        "by_type": {
            kind: {"found": hits, "total": count} for kind, (hits, count) in by_type.items()
        },
        "missed_examples": misses,
    }
