"""A failing extractor is an error for its article on every path; the rest goes on.

A stage that raises for one text is patched into the pipeline; each command that reads
files (ingest alone and with workers, extract, timeline, run) and the Spark job's
per-line function must report that article in one line and keep the others.
"""

from __future__ import annotations

import json
from itertools import islice
from pathlib import Path

import pytest
from typer.testing import CliRunner

from marsad import pipeline
from marsad.cli import app
from marsad.model import Article

TRIGGER = "[explode]"


def _explode(article: Article) -> None:
    if TRIGGER in article.text:
        raise RuntimeError("boom")


@pytest.fixture
def fragile(monkeypatch: pytest.MonkeyPatch) -> None:
    stage = pipeline.Stage("fragile", _explode, frozenset(), frozenset())
    monkeypatch.setattr(pipeline, "PIPELINE", (*pipeline.PIPELINE, stage))


@pytest.fixture
def reports(saudi_jsonl: Path, tmp_path: Path) -> Path:
    folder = tmp_path / "reports"
    folder.mkdir()
    with saudi_jsonl.open(encoding="utf-8") as lines:
        texts = [json.loads(line)["content"][:400] for line in islice(lines, 3)]
    texts[1] += f" {TRIGGER}"
    for number, text in enumerate(texts):
        (folder / f"{number}.txt").write_text(text, encoding="utf-8")
    return folder


COMMANDS = {
    "ingest": ["ingest", "{reports}", "--db", "{db}", "--workers", "1"],
    "ingest in a pool": ["ingest", "{reports}", "--db", "{db}", "--workers", "2"],
    "extract": ["extract", "{reports}", "--json"],
    "extract --no-corpus": ["extract", "{reports}", "--json", "--no-corpus"],
    "timeline": ["timeline", "{reports}", "--format", "json"],
    "run": ["run", "{reports}", "--db", "{db}"],
}


@pytest.mark.usefixtures("fragile")
@pytest.mark.parametrize("command", COMMANDS)
def test_one_failing_article_is_one_error(command: str, reports: Path, tmp_path: Path) -> None:
    args = [a.format(reports=reports, db=tmp_path / "m.db") for a in COMMANDS[command]]
    result = CliRunner().invoke(app, args, catch_exceptions=False)
    assert result.exit_code == 1, result.output
    errors = [line for line in result.output.splitlines() if line.startswith("error ")]
    assert errors == [
        f"error {reports}/1.txt: annotation failed (RuntimeError: boom); the article is not "
        "stored: please report this bug with the article"
    ]
    assert "Traceback" not in result.output
    if command.startswith("extract"):
        docs = [json.loads(line)["doc"] for line in result.stdout.splitlines() if line[:1] == "{"]
        assert docs == ["0.txt", "2.txt"]
    if "--db" in args:
        from marsad.store import Store

        with Store(tmp_path / "m.db") as store:
            assert sorted(a.doc for a in store.iter_articles()) == ["0.txt", "2.txt"]


@pytest.mark.usefixtures("fragile")
def test_the_spark_job_reports_it_in_its_row() -> None:
    from marsad.spark.job import annotate_lines

    lines = [json.dumps({"id": "a", "text": f"x {TRIGGER}"}).encode(), b'{"id": "b", "text": "y"}']
    rows = list(annotate_lines([(line, index) for index, line in enumerate(lines)], "in.jsonl"))
    assert rows[0][2] == "in.jsonl#1" and "RuntimeError: boom" in str(rows[0][3])
    assert rows[1][3] is None and rows[1][1] == "b"
