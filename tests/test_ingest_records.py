"""JSON / JSONL records: streaming, field mapping, dates, per-line errors."""

from __future__ import annotations

import io
import json
from itertools import islice
from pathlib import Path

from typer.testing import CliRunner

from marsad.cli import app
from marsad.ingest import InputError, ReadOptions, read_inputs
from marsad.ingest.lines import CHUNK
from marsad.ingest.records import read_jsonl
from marsad.model import Article, PublishedSource


class _CountingBytes(io.RawIOBase):
    """A binary stream over a real file that counts the bytes handed out."""

    def __init__(self, path: Path) -> None:
        self._file = path.open("rb")
        self.read_bytes = 0

    def read(self, size: int = -1) -> bytes:
        data = self._file.read(size)
        self.read_bytes += len(data)
        return data

    def close(self) -> None:
        self._file.close()


def test_stream_first_500_saudinewsnet(saudi_jsonl: Path) -> None:
    stream = _CountingBytes(saudi_jsonl)
    try:
        items = list(islice(read_jsonl(stream, str(saudi_jsonl)), 500))  # type: ignore[arg-type]
    finally:
        stream.close()
    with saudi_jsonl.open("rb") as handle:
        first_500 = sum(len(line) for line in islice(handle, 500))
    # nothing read ahead beyond one chunk: the file is streamed (in chunks, not lines,
    # so that a line of any length or a CR-only file is read in bounded memory)
    assert first_500 <= stream.read_bytes <= first_500 + CHUNK
    assert all(isinstance(item, Article) for item in items)
    first = items[0]
    assert isinstance(first, Article)
    assert first.doc == "2015-07-21.json#0"
    assert first.source == f"{saudi_jsonl}#1"
    assert first.outlet == "Al-Sharq Al-Awsat"  # source_name, the readable outlet name
    assert first.title and first.url and first.encoding == "utf-8"
    with saudi_jsonl.open(encoding="utf-8") as handle:
        assert first.text == json.loads(handle.readline())["content"]
    # date_extracted is a crawl time: never a publication date by default.
    for item in items:
        assert isinstance(item, Article)
        assert item.published.source in (PublishedSource.UNKNOWN, PublishedSource.URL)


def test_read_inputs_streams_lazily(saudi_jsonl: Path) -> None:
    items = list(islice(read_inputs([saudi_jsonl]), 3))
    with saudi_jsonl.open(encoding="utf-8") as handle:
        ids = [json.loads(next(handle))["id"] for _ in range(3)]
    assert [getattr(i, "doc", None) for i in items] == ids


def test_mapping_a_crawl_time_is_explicit(saudi_jsonl: Path) -> None:
    options = ReadOptions(fields={"published": "date_extracted"}, outlet="SNN")
    (first,) = list(islice(read_inputs([saudi_jsonl], options), 1))
    assert isinstance(first, Article)
    assert first.published.value == "2015-07-21T02:51"
    assert first.published.source == PublishedSource.METADATA
    assert first.outlet == "SNN"


def test_json_list_and_single_record(tmp_path: Path) -> None:
    many = tmp_path / "many.json"
    many.write_text(
        json.dumps([{"body": "نص أول"}, {"body": "نص ثان", "id": 7}, {"text": "x"}]),
        encoding="utf-8",
    )
    items = list(read_inputs([many], ReadOptions(fields={"text": "body"})))
    assert [getattr(i, "doc", None) for i in items[:2]] == ["many.json#1", "7"]
    assert isinstance(items[2], InputError) and items[2].path.endswith("many.json#3")
    assert "body" in items[2].reason
    one = tmp_path / "one.json"
    one.write_text(json.dumps({"id": "a", "text": "نص", "outlet": "الحرة"}), encoding="utf-8")
    (article,) = list(read_inputs([one]))
    assert isinstance(article, Article) and article.outlet == "الحرة" and article.doc == "a"


def test_record_dates(tmp_path: Path) -> None:
    rows = [
        {"id": "iso", "text": "نص", "published": "2024-01-26T02:43:00+03:00"},
        {"id": "bad", "text": "نص", "published": "قبل يومين", "url": "http://a.com/2020-06-03-1"},
        {"id": "none", "text": "نص", "url": "http://a.com/story/2020/8/24/x/1"},
        {"id": "nodate", "text": "نص", "url": "http://a.com/article/825076"},
    ]
    path = tmp_path / "dated.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    got = {a.doc: a.published for a in read_inputs([path]) if isinstance(a, Article)}
    assert (got["iso"].value, got["iso"].source) == ("2024-01-26T02:43", "metadata")
    assert got["iso"].note and "+03:00" in got["iso"].note
    assert (got["bad"].value, got["bad"].source) == ("2020-06-03", "url")
    assert got["bad"].note and "ignored" in got["bad"].note
    assert (got["none"].value, got["none"].source) == ("2020-08-24", "url")
    assert (got["nodate"].value, got["nodate"].source) == (None, "unknown")


def test_outlet_source_is_not_a_url(tmp_path: Path) -> None:
    path = tmp_path / "o.jsonl"
    rows = [{"text": "نص", "source": "http://x.com/a"}, {"text": "نص", "source": "okaz"}]
    path.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    outlets = [a.outlet for a in read_inputs([path]) if isinstance(a, Article)]
    assert outlets == [None, "okaz"]


def test_field_problems_are_said_once_per_file(tmp_path: Path) -> None:
    path = tmp_path / "mapped.jsonl"
    rows = [{"id": f"r{i}", "body": f"report {i}", "title": "t"} for i in range(5)]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    # the text mapped right, the title mapped to a field no record has: one error
    mapped = ReadOptions(fields={"text": "body", "title": "headline"})
    items = list(read_inputs([path], mapped))
    assert [a.doc for a in items if isinstance(a, Article)] == [f"r{i}" for i in range(5)]
    (error,) = [i for i in items if isinstance(i, InputError)]
    assert error.path == str(path)
    assert "no record has the field 'headline' that --field title=headline names" in error.reason
    # no text field at all: one error per record, all with the same reason (to be
    # counted), and one line for the file from the command
    missing = list(read_inputs([path]))
    assert [e.path for e in missing] == [f"{path}#{n}" for n in range(1, 6)]
    assert {e.reason for e in missing} == {
        "record has no text field (looked for text, content): name the text field with "
        "--field text=FIELD"
    }
    result = CliRunner().invoke(app, ["extract", str(path), "--json"])
    assert result.exit_code == 1
    assert [line for line in result.output.splitlines() if line.startswith("error ")] == [
        f"error {path}: 5 records have no text field (#1, #2, #3, #4, #5; looked for text, "
        "content; the first has body, id, title): name the text field with --field text=FIELD"
    ]
