"""Progress totals: one per file, one per JSONL line, unknown for record containers."""

from __future__ import annotations

from pathlib import Path

from rich.console import Console

from marsad.progress import article_progress, estimate_total


def test_totals_count_files_and_jsonl_lines(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("نص", encoding="utf-8")
    (tmp_path / "b.html").write_text("<p>x</p>", encoding="utf-8")
    (tmp_path / "r.jsonl").write_text('{"id": 1}\n{"id": 2}\n{"id": 3}\n', encoding="utf-8")
    assert estimate_total([tmp_path]) == 5
    assert estimate_total([tmp_path / "r.jsonl"]) == 3
    (tmp_path / "feed.rss").write_text("<rss/>", encoding="utf-8")
    assert estimate_total([tmp_path]) is None
    assert estimate_total([tmp_path / "missing"]) == 0  # the reader reports it


def test_progress_shows_rate_and_count() -> None:
    console = Console(record=True, width=120, force_terminal=True)
    with article_progress(console, enabled=True) as progress:
        task = progress.add_task("reading", total=4)
        progress.update(task, advance=2)
        progress.refresh()
    assert "2/4" in console.export_text()
