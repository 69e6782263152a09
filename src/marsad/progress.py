"""Progress for long reads: articles done, rate, and time left when the size is known."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    SpinnerColumn,
    Task,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.text import Text

_LINE_FILES = (".jsonl", ".ndjson")
_CHUNK = 1 << 20


class RateColumn(ProgressColumn):
    """Articles per second."""

    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        return Text("" if speed is None else f"{speed:,.0f} art/s", style="progress.data.speed")


def _lines(path: Path) -> int:
    count = 0
    with path.open("rb") as handle:
        while chunk := handle.read(_CHUNK):
            count += chunk.count(b"\n")
    return count


def estimate_total(paths: Sequence[Path]) -> int | None:
    """Articles to expect: one per text/HTML file, one per JSONL line; None if unknowable.

    A cheap upper bound for the ETA (blank or broken lines count too); feeds, WARC and
    JSON arrays hold an unknown number of records, so they give None.
    """
    total = 0
    for path in paths:
        try:
            files = [path] if path.is_file() else [p for p in path.rglob("*") if p.is_file()]
            for file in files:
                if file.suffix.lower() in _LINE_FILES:
                    total += _lines(file)
                elif file.suffix.lower() in {".json", ".warc", ".gz", ".rss", ".atom", ".xml"}:
                    return None
                else:
                    total += 1
        except OSError:
            return None  # the reader reports unreadable paths; the bar just shows no ETA
    return total


def article_progress(console: Console, enabled: bool) -> Progress:
    return Progress(
        SpinnerColumn(),
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        RateColumn(),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
        console=console,
        disable=not enabled,
        transient=True,
    )
