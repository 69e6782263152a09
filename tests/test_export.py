"""Timeline exports over the seed reports: JSON, CSV, TimelineJS3, HTML, Markdown."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from marsad.cli import app
from marsad.corpus.stage import run_corpus_stage
from marsad.corpus.timeline import Event, Source, Timeline
from marsad.export import EXPORTERS, export_timeline
from marsad.export.as_csv import BOM, COLUMNS, excel_safe
from marsad.export.markdown import md_escape
from marsad.export.timelinejs import tl_date
from marsad.ingest import ReadOptions, read_inputs
from marsad.model import Article
from marsad.pipeline import annotate

JSCD = "US-Iraq Joint Security Cooperation Dialogue"


@pytest.fixture(scope="module")
def seeds(seeds_dir: Path) -> tuple[Timeline, dict[str, Article]]:
    articles = [
        annotate(a) for a in read_inputs([seeds_dir], ReadOptions()) if isinstance(a, Article)
    ]
    timeline = run_corpus_stage(articles).timeline
    return timeline, {a.id: a for a in articles}


def _hostile() -> tuple[Timeline, dict[str, Article]]:
    text = '=HYPERLINK("http://x") قال <script>alert(1)</script> & [رابط](x)'
    article = Article(doc="hostile.txt", source="hostile.txt", text=text)
    event = Event(
        "e1",
        "2023-08-07",
        "<b>عنوان</b>",
        "meeting",
        None,
        ["@Someone"],
        [Source(article.doc, article.id, 0, len(text))],
    )
    return Timeline([event], [], []), {article.id: article}


def test_csv_is_excel_safe_utf8_with_bom(seeds: tuple[Timeline, dict[str, Article]]) -> None:
    timeline, articles = seeds
    text = export_timeline(timeline, articles, "csv")
    assert text.startswith(BOM)
    rows = list(csv.DictReader(io.StringIO(text[len(BOM) :])))
    assert tuple(rows[0]) == COLUMNS
    sources = sum(len(e.sources) for e in [*timeline.events, *timeline.undated])
    assert len(rows) == sources
    jscd = [r for r in rows if r["title"] == JSCD]
    assert {r["doc"][:3] for r in jscd} >= {"000", "001"}
    for row in rows:
        assert row["sentence"] and "\n" not in row["sentence"]
        for value in row.values():
            assert not value.startswith(("=", "+", "-", "@"))


@pytest.mark.parametrize(
    ("value", "safe"),
    [
        ("=1+1", "'=1+1"),
        ("+9665", "'+9665"),
        ("-2", "'-2"),
        ("@SUM", "'@SUM"),
        ("\tx", "'\tx"),
        ("قال", "قال"),
        (None, ""),
        (3, "3"),
    ],
)
def test_excel_safe(value: object, safe: str) -> None:
    assert excel_safe(value) == safe


def test_hostile_text_is_neutralised_in_every_format() -> None:
    timeline, articles = _hostile()
    rows = list(csv.reader(io.StringIO(export_timeline(timeline, articles, "csv")[1:])))
    assert rows[1][COLUMNS.index("sentence")].startswith("'=HYPERLINK")
    assert rows[1][COLUMNS.index("participants")] == "'@Someone"
    html = export_timeline(timeline, articles, "html")
    assert "<script>" not in html and "&lt;script&gt;" in html and "<b>عنوان" not in html
    md = export_timeline(timeline, articles, "md")
    assert "<script>" not in md and "\\[رابط\\]" in md
    slides = json.loads(export_timeline(timeline, articles, "timelinejs"))["events"]
    assert "<script>" not in slides[0]["text"]["text"]


def test_timelinejs_shape(seeds: tuple[Timeline, dict[str, Article]]) -> None:
    timeline, articles = seeds
    data = json.loads(export_timeline(timeline, articles, "timelinejs"))
    assert data["title"]["text"]["headline"]
    assert data["events"]
    ids = [slide["unique_id"] for slide in data["events"]]
    assert len(ids) == len(set(ids))
    for slide in data["events"]:
        assert re.fullmatch(r"\d{4}", slide["start_date"]["year"])
        assert slide["text"]["headline"] and slide["group"]
    jscd = next(s for s in data["events"] if s["text"]["headline"] == JSCD)
    assert jscd["start_date"] == {"year": "2023", "month": "08", "day": "07"}
    assert jscd["end_date"] == {"year": "2023", "month": "08", "day": "08"}


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2008", ({"year": "2008"}, True)),
        (
            "2023-08-07T10:30",
            ({"year": "2023", "month": "08", "day": "07", "hour": "10", "minute": "30"}, True),
        ),
        ("2023-W32", ({"year": "2023"}, False)),
        ("PRESENT_REF", None),
    ],
)
def test_timelinejs_dates(value: str, expected: object) -> None:
    assert tl_date(value) == expected


def test_html_report_is_standalone_rtl(seeds: tuple[Timeline, dict[str, Article]]) -> None:
    timeline, articles = seeds
    html = export_timeline(timeline, articles, "html")
    assert html.startswith("<!DOCTYPE html>") and '<html lang="ar" dir="rtl">' in html
    assert "<script" not in html and "http://" not in html and "https://" not in html
    assert "<link" not in html and "@import" not in html and "url(" not in html
    assert JSCD in html and html.count("<mark>") == sum(
        len(e.sources) for e in [*timeline.events, *timeline.undated]
    )


def test_json_and_markdown(seeds: tuple[Timeline, dict[str, Article]]) -> None:
    timeline, articles = seeds
    data = json.loads(export_timeline(timeline, articles, "json"))
    assert {"events", "undated", "conflicts"} <= set(data)
    for event in data["events"]:
        for source in event["sources"]:
            text = articles[source["article_id"]].text
            assert text[source["start"] : source["end"]] == source["sentence"]
    md = export_timeline(timeline, articles, "md")
    assert md.startswith("# Timeline") and "2023\\-08\\-07" not in md
    assert md_escape("- a*b") == "\\- a\\*b" and md_escape("12. x") == "12\\. x"


@pytest.mark.parametrize("fmt", sorted(set(EXPORTERS) - {"json"}))
def test_cli_timeline_formats(seeds_dir: Path, fmt: str) -> None:
    result = CliRunner().invoke(app, ["timeline", str(seeds_dir), "--format", fmt])
    assert result.exit_code == 0, result.output
    assert JSCD in result.stdout


def test_cli_rejects_an_unknown_format(seeds_dir: Path) -> None:
    result = CliRunner().invoke(app, ["timeline", str(seeds_dir), "--format", "pdf"])
    assert result.exit_code != 0
