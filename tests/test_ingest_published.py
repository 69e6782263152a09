"""Publication dates from metadata values, URLs and file names."""

from __future__ import annotations

import pytest

from marsad.ingest.published import (
    choose_published,
    date_from_filename,
    date_from_url,
    parse_published,
)
from marsad.model import PublishedSource


@pytest.mark.parametrize(
    ("raw", "value"),
    [
        ("2015-07-21 02:51:32", "2015-07-21T02:51"),
        ("2015-07-21T02:51:32.123Z", "2015-07-21T02:51"),
        ("2015-07-21", "2015-07-21"),
        ("2015/7/21", "2015-07-21"),
        ("2015-07", "2015-07"),
        ("2015", "2015"),
        ("Tue, 21 Jul 2015 02:51:32 +0300", "2015-07-21T02:51"),
        ("2015-02-30", None),
        ("2015-13", None),
        ("yesterday", None),
        ("1550981615", None),
    ],
)
def test_parse_published(raw: str, value: str | None) -> None:
    assert parse_published(raw)[0] == value


@pytest.mark.parametrize(
    ("url", "value"),
    [
        ("https://www.youm7.com/story/2020/8/24/title/4943459", "2020-08-24"),
        ("https://www.albayan.ae/news/2020-06-03-1.3874341", "2020-06-03"),
        ("https://www.beirutobserver.com/2020/11/2338761/", None),
        ("http://arabic.cnn.com/2013/middle_east/8/3/syria.clashes/index.html", None),
        ("http://x.com/2020/02/30/a", None),
        (None, None),
    ],
)
def test_date_from_url(url: str | None, value: str | None) -> None:
    assert date_from_url(url) == value


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("2024-01-26_x.txt", "2024-01-26"),
        ("report_2024_01_26.txt", "2024-01-26"),
        ("000_64624819ae7051c0.txt", None),
        ("2024-01_x.txt", None),
        ("2024-02-31_x.txt", None),
        ("1550981615.html", None),
    ],
)
def test_date_from_filename(name: str, value: str | None) -> None:
    assert date_from_filename(name) == value


def test_precedence() -> None:
    chosen = choose_published("2024-01-01", metadata="2023-01-01")
    assert (chosen.value, chosen.source) == ("2024-01-01", PublishedSource.OPTION)
    assert chosen.note and "2023-01-01" in chosen.note
    chosen = choose_published(None, metadata="2023-01-01", url="http://a/2020/01/02/")
    assert chosen.source == PublishedSource.METADATA
    chosen = choose_published(None, url="http://a/2020/01/02/", filename="2021-01-01.txt")
    assert (chosen.value, chosen.source) == ("2020-01-02", PublishedSource.URL)
    chosen = choose_published(None, filename="2021-01-01.txt")
    assert chosen.source == PublishedSource.FILENAME
    assert choose_published(None).source == PublishedSource.UNKNOWN
