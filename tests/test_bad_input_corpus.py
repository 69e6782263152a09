"""The bad-input corpus (``bad_inputs.py``) through ``marsad ingest``: one line per bad
input naming it and why, exit status 1, no traceback, and everything else stored exactly
once with its text as written; ingesting again, by other paths, adds nothing."""

from __future__ import annotations

import json
import re
import sqlite3
from collections import Counter
from itertools import islice
from pathlib import Path

import pytest
from typer.testing import CliRunner

from bad_inputs import KINDS, LIMITS, MARKER, build_corpus
from marsad.cli import app


def _texts(saudi_jsonl: Path, count: int) -> list[str]:
    with saudi_jsonl.open(encoding="utf-8") as lines:
        return [json.loads(line)["content"] for line in islice(lines, count)]


def _stored(db: Path) -> list[tuple[str, str]]:
    with sqlite3.connect(db) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        rows = connection.execute("SELECT source, text FROM articles").fetchall()
    connection.close()
    return [(str(source), str(text)) for source, text in rows]


def test_at_least_forty_kinds() -> None:
    assert len(KINDS) >= 40


def test_every_bad_input_is_one_line_and_everything_else_lands_once(
    saudi_jsonl: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for variable, value in LIMITS.items():
        monkeypatch.setenv(variable, value)
    folder = tmp_path / "corpus"
    folder.mkdir()
    corpus = build_corpus(folder, _texts(saudi_jsonl, 200))
    db = tmp_path / "m.db"
    args = ["ingest", str(folder), "--db", str(db), "--workers", "2"]
    result = CliRunner().invoke(app, args, catch_exceptions=False)
    output = result.output
    assert result.exit_code == 1, output
    assert "Traceback" not in output

    lines = output.splitlines()
    errors = [line for line in lines if line.startswith("error ")]
    prefix = f"error {folder}/"
    unmatched = list(errors)
    for expected in corpus.errors:
        pattern = re.compile(rf"{re.escape(prefix)}{expected.path}: (.*)$")
        named = [line for line in errors if pattern.match(line)]
        assert len(named) == 1, (expected, named, output)
        assert re.search(expected.reason, named[0]), (expected.reason, named[0])
        unmatched.remove(named[0])
    failed = {
        marker
        for marker, path in corpus.either.items()
        for line in unmatched
        if re.match(rf"{re.escape(prefix)}{path}: annotation failed", line)
    }
    assert len(unmatched) == len(failed), unmatched  # no error that no kind expects

    stored = _stored(db)
    markers = Counter(m for _, text in stored for m in MARKER.findall(text))
    expected_markers = set(corpus.landing) - failed
    assert set(markers) == expected_markers, (set(markers) ^ expected_markers, output)
    assert all(count == 1 for count in markers.values()), markers  # once each
    assert len(stored) == len(markers)  # nothing stored without a marker: nothing damaged
    by_marker = {MARKER.findall(text)[0]: text for _, text in stored}
    for marker, text in corpus.landing.items():
        if text and marker in by_marker:
            assert by_marker[marker] == text, marker  # exactly as written
    summary = f"{len(stored)} article(s) in {db}"
    assert any(line.startswith("ingested ") and line.endswith(summary) for line in lines)

    # again, the same files by relative paths: nothing new, the same errors
    monkeypatch.chdir(tmp_path)
    again = CliRunner().invoke(app, ["ingest", "corpus", "--db", str(db)], catch_exceptions=False)
    assert again.exit_code == 1 and "Traceback" not in again.output
    assert re.search(rf"ingested 0 new, \d+ already stored; {len(stored)} article", again.output)
    assert len([x for x in again.output.splitlines() if x.startswith("error ")]) == len(errors)
    assert len(_stored(db)) == len(stored)
