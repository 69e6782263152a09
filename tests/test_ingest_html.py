"""HTML pages from ../shared/data/arabic-news-html: main text, title, publication date."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from marsad.ingest import InputError, read_inputs
from marsad.model import Article, PublishedSource


@pytest.fixture(scope="module")
def html_dir(shared_dir: Path) -> Path:
    path = shared_dir / "data" / "arabic-news-html"
    if not path.is_dir():
        pytest.skip(f"{path} is missing")
    return path


def _one(path: Path) -> Article:
    (item,) = list(read_inputs([path]))
    assert isinstance(item, Article), str(item)
    return item


def test_htmldate_gold(html_dir: Path) -> None:
    gold = json.loads((html_dir / "htmldate" / "gold_dates.json").read_text(encoding="utf-8"))
    right = wrong = 0
    for name, entry in gold.items():
        article = _one(html_dir / "htmldate" / name)
        assert article.raw is not None and len(article.text) > 300
        assert article.title
        if article.published.value is None:
            assert article.published.source == PublishedSource.UNKNOWN
        elif article.published.value == entry["date"]:
            assert article.published.source == PublishedSource.METADATA
            right += 1
        else:
            wrong += 1
    # htmldate's fast mode: 6 of 8 right, none wrong (2 pages give no date rather than a guess).
    assert right >= 6
    assert wrong == 0


def test_trafilatura_gold(html_dir: Path) -> None:
    folder = html_dir / "trafilatura"
    gold = next(iter(json.loads((folder / "assabah.com.tn.evaldata.json").read_text()).values()))
    article = _one(folder / gold["file"])
    for snippet in gold["with"]:
        assert snippet in article.text
    for snippet in gold["without"]:
        assert snippet not in article.text
    assert article.title and article.title.split()[:4] == gold["title"].split()[:4]


def test_newspaper_expected_text(html_dir: Path) -> None:
    folder = html_dir / "newspaper"
    article = _one(folder / "arabic_article.html")
    expected = (folder / "arabic_article.expected_text.txt").read_text(encoding="utf-8")
    paragraphs = [p.strip() for p in expected.split("\n") if len(p.strip()) > 40]
    found = sum(p in article.text for p in paragraphs)
    assert found >= 0.8 * len(paragraphs)
    assert article.title == "معارضون يسيطرون على مخازن للصواريخ بريف دمشق"
    assert article.published.value is None or article.published.value.startswith("2013")


def test_truncated_real_page(html_dir: Path, tmp_path: Path) -> None:
    raw = (html_dir / "htmldate" / "1784190729.html").read_bytes()
    path = tmp_path / "cut.html"
    path.write_bytes(raw[:2000])
    (item,) = list(read_inputs([path]))
    assert isinstance(item, InputError) and item.path == str(path)
