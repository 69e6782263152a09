"""A batch of every kind of bad input: one line per bad file naming it and why, the rest lands.

Decision on very large files: a single document over the limit (MARSAD_MAX_ARTICLE_MB,
default 2 MB) is refused by its size before it is read, with "too large (N MB > 2 MB
limit)"; the 50 MB file here therefore costs neither memory nor time.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from marsad.cli import app
from marsad.store import Store

SENTENCE = "قال وزير الخارجية إن الاجتماع عقد في الرياض يوم 5 مايو 2024 لبحث التعاون."
PARAGRAPH = (
    "وأضاف الوزير في مؤتمر صحفي أن المحادثات تناولت سبل تعزيز العلاقات الثنائية بين "
    "البلدين في مجالات الاقتصاد والطاقة والاستثمار، وأن الجانبين اتفقا على مواصلة التنسيق."
)


def _page(paragraphs: int) -> str:
    body = "".join(f"<p>{SENTENCE} {PARAGRAPH}</p>\n" for _ in range(paragraphs))
    return (
        '<html><head><meta charset="utf-8"><title>خبر</title></head><body><article>'
        f"<h1>اجتماع في الرياض</h1>\n{body}"
    )


def _build(batch: Path) -> dict[str, str]:
    """Writes the corpus; returns {file name: expected reason pattern} for the bad ones."""
    bad: dict[str, str] = {}
    (batch / "empty.txt").write_bytes(b"")
    bad["empty.txt"] = "empty file"
    (batch / "binary.txt").write_bytes(bytes(range(256)) * 64)
    bad["binary.txt"] = "binary file"
    (batch / "legacy-1256.txt").write_bytes(f"{SENTENCE}\n{PARAGRAPH}".encode("cp1256"))
    # texts differ from file to file: the same text is one article, wherever it is read
    (batch / "utf16-nobom.txt").write_bytes(f"{PARAGRAPH}\n{SENTENCE}".encode("utf-16-le"))
    good = json.dumps({"id": "m1", "text": f"{SENTENCE} 1"}, ensure_ascii=False).encode("utf-8")
    legacy = json.dumps({"id": "m2", "text": PARAGRAPH}, ensure_ascii=False).encode("cp1256")
    (batch / "mixed.jsonl").write_bytes(good + b"\n" + legacy + b"\n")
    bad["mixed.jsonl#2"] = "not UTF-8"
    page = _page(12).encode("utf-8")
    (batch / "truncated.html").write_bytes(page[: len(page) - 40])  # cut mid-paragraph
    deep = "<div>" * 20000 + f"<p>{PARAGRAPH} {SENTENCE}</p>" + "</div>" * 20000
    (batch / "deep.html").write_text(f"<html><body>{deep}</body></html>", encoding="utf-8")
    with (batch / "huge.txt").open("wb") as huge:  # 50 MB, written in pieces
        block = (SENTENCE + "\n").encode("utf-8") * 1000
        for _ in range(50 * 2**20 // len(block) + 1):
            huge.write(block)
    bad["huge.txt"] = r"too large \(50(\.\d+)? MB > 2 MB limit\)"
    (batch / "invalid.jsonl").write_text(
        '{"id": "v1", "text": "' + SENTENCE + ' 2"}\n{"id": "v2", "text": \n[1, 2\n',
        encoding="utf-8",
    )
    bad["invalid.jsonl#2"] = "invalid JSON"
    bad["invalid.jsonl#3"] = "invalid JSON"
    (batch / "dups.jsonl").write_text(
        json.dumps({"id": "same", "text": SENTENCE}, ensure_ascii=False)
        + "\n"
        + json.dumps({"id": "same", "text": PARAGRAPH}, ensure_ascii=False)
        + "\n",
        encoding="utf-8",
    )
    if os.geteuid() != 0:  # root reads any file whatever its mode
        locked = batch / "locked.txt"
        locked.write_text(SENTENCE, encoding="utf-8")
        locked.chmod(0)
        bad["locked.txt"] = "permission denied"
    loop = batch / "loop"
    loop.mkdir()
    (loop / "again").symlink_to(loop)
    bad["again"] = "symlink loop"
    (batch / "self").symlink_to(batch / "self")
    bad["self"] = "symlink loop"
    return bad


def test_each_bad_input_is_one_line_and_the_rest_lands(tmp_path: Path) -> None:
    batch = tmp_path / "batch"
    batch.mkdir()
    bad = _build(batch)
    db = tmp_path / "m.db"
    result = CliRunner().invoke(
        app, ["ingest", str(batch), "--db", str(db), "--workers", "2"], catch_exceptions=False
    )
    assert result.exit_code == 1, result.output
    errors = [line for line in result.output.splitlines() if line.startswith("error ")]
    for name, reason in bad.items():
        named = [line for line in errors if re.search(rf"/{re.escape(name)}: ", line)]
        assert len(named) == 1, (name, result.output)
        assert re.search(reason, named[0]), (name, named[0])
    assert len(errors) == len(bad), result.output
    warnings = [line for line in result.output.splitlines() if line.startswith("warning ")]
    assert len(warnings) == 1 and "duplicate id 'same'" in warnings[0], result.output

    with Store(db) as store:
        landed = {Path(a.source.split("#")[0]).name for a in store.iter_articles()}
        docs = sorted(a.doc for a in store.iter_articles())
    assert landed == {
        "legacy-1256.txt",
        "utf16-nobom.txt",
        "mixed.jsonl",
        "truncated.html",
        "deep.html",  # nested past libxml2's limit, read all the same
        "invalid.jsonl",
        "dups.jsonl",
    }
    assert docs.count("same") == 2  # different texts: different articles, both kept
    assert {"m1", "v1"} <= set(docs)
    assert f"{len(docs)} article(s)" in result.output


@pytest.mark.parametrize("limit", ["0.001"])
def test_the_size_limit_applies_to_records_too(
    tmp_path: Path, limit: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MARSAD_MAX_ARTICLE_MB", limit)  # about 1 KB
    corpus = tmp_path / "r.jsonl"
    long_text = " ".join([PARAGRAPH] * 20)
    records = [{"id": "short", "text": SENTENCE}, {"id": "long", "text": long_text}]
    corpus.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n")
    result = CliRunner().invoke(app, ["ingest", str(corpus), "--db", str(tmp_path / "m.db")])
    assert result.exit_code == 1
    assert re.search(r"r\.jsonl#2: too large \(0\.00\d+ MB > 0\.001 MB limit\)", result.output)
    assert "ingested 1 new" in result.output
