"""The publication-time model: dateline and filing stamp, deixis under a crawl time, and a
crawl time kept as an upper bound (never the date), on real SaudiNewsNet records too."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.ingest import ReadOptions, read_inputs
from marsad.model import Article, Published, PublishedSource
from marsad.temporal import annotate_timexes


def _crawled(text: str, crawled: str) -> Article:
    article = Article(doc="x", source="x", text=text)
    article.published = Published(crawled=crawled)
    annotate_timexes(article)
    return article


def test_crawled_field_is_a_bound_not_the_date(tmp_path: Path) -> None:
    path = tmp_path / "crawl.jsonl"
    rows = [
        {"id": "a", "text": "قال الوزير أمس إن", "published": "2015-08-11 18:49:04"},
        {"id": "b", "text": "قال الوزير أمس إن", "crawled": "2015-08-11 18:49:04"},
    ]
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    # the file's "published" key is really a crawl time: --field crawled=published; a
    # record's own "crawled" key is read by default
    (first, _) = read_inputs([path], ReadOptions(fields={"crawled": "published"}))
    (_, second) = read_inputs([path])
    assert isinstance(first, Article) and isinstance(second, Article)
    for article in (first, second):
        assert article.published.value is None
        assert article.published.source == PublishedSource.UNKNOWN
        assert article.published.crawled == "2015-08-11T18:49"
        annotate_timexes(article)
        assert article.published.value is None  # no evidence in the text: still unknown
        (yesterday,) = article.timexes
        assert yesterday.value == "2015-08-10" and yesterday.anchor == "crawl"
        assert article.published.to_json()["crawled"] == "2015-08-11T18:49"
    # mapped to published, the same key is the publication time, as before
    (plain, _) = read_inputs([path])
    assert isinstance(plain, Article) and plain.published.source == PublishedSource.METADATA


def test_deixis_pins_the_day_under_the_crawl() -> None:
    # crawled Friday 2015-07-31 04:32; "مساء أمس الثلاثاء" makes today a Wednesday
    article = _crawled(
        "أعلن المكتب مساء أمس الثلاثاء أن رجلا اعتقل. وقال أمس أيضا إن", "2015-07-31T04:32"
    )
    assert article.published.value == "2015-07-29"
    assert article.published.source == PublishedSource.INFERRED
    assert article.published.note and "2015-07-31T04:32" in article.published.note
    assert article.published.crawled == "2015-07-31T04:32"
    assert [t.value for t in article.timexes] == ["2015-07-28TEV", "2015-07-28"]
    assert {t.anchor for t in article.timexes} == {"publication"}


def test_disagreeing_deixis_leaves_the_date_unknown() -> None:
    article = _crawled("قال اليوم الأربعاء إن الاجتماع عقد أمس الأربعاء", "2015-07-31T04:32")
    assert article.published.value is None
    # anchored on the crawl day, and never after it: the Wednesday on or before
    assert [t.value for t in article.timexes] == ["2015-07-29", "2015-07-29"]
    assert {t.anchor for t in article.timexes} == {"crawl"}


def test_filing_stamp_gives_the_dateline_its_time() -> None:
    text = (
        "الرياض 25 شوال 1436 هـ الموافق 10 أغسطس 2015 م واس\nأكد الوزير أن\n// انتهى //\n17:58 ت م"
    )
    article = _crawled(text, "2015-08-10T20:27")
    assert article.published.value == "2015-08-10T17:58"
    assert article.published.source == PublishedSource.DATELINE
    stamp = article.timexes[-1]
    assert stamp.text == "17:58 ت م" and stamp.type == "TIME"
    assert stamp.value == "2015-08-10T17:58"


def test_filing_stamp_after_the_crawl_hour_is_the_day_before() -> None:
    article = _crawled("أكد الوزير اليوم أن\n// يتبع //\n17:58 ت م", "2015-08-10T09:15")
    assert article.published.value is None
    today, stamp = article.timexes
    assert stamp.value == "2015-08-09T17:58" and today.value == "2015-08-09"
    assert stamp.anchor == today.anchor == "crawl"


def test_dateline_after_the_crawl_is_not_the_date() -> None:
    article = _crawled("الرياض 12 أغسطس 2015\nأكد الوزير أمس أن", "2015-08-10T09:15")
    assert article.published.source == PublishedSource.UNKNOWN
    assert article.timexes[-1].value == "2015-08-09"


_DEIXIS = ("اليوم {}", "اليوم ({})", "أمس {}", "أمس ({})", "أول أمس {}", "مساء أمس {}", "{} الماضي")
_WEEKDAYS = ("الأحد", "الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت")


@settings(max_examples=150, deadline=None)
@given(
    day=st.dates(min_value=date(2000, 1, 1), max_value=date(2030, 12, 31)),
    hour=st.integers(0, 23),
    forms=st.lists(st.tuples(st.sampled_from(_DEIXIS), st.sampled_from(_WEEKDAYS)), max_size=3),
)
def test_present_and_past_deixis_never_after_the_crawl(
    day: date, hour: int, forms: list[tuple[str, str]]
) -> None:
    phrases = [form.format(weekday) for form, weekday in forms] + ["أمس", "اليوم"]
    text = "قال المتحدث " + "، ثم ".join(f"إن الوفد وصل {p}" for p in phrases)
    article = _crawled(text, f"{day.isoformat()}T{hour:02d}:10")
    published = article.published.value
    assert published is None or date.fromisoformat(published[:10]) <= day
    if published is not None:
        assert day - date.fromisoformat(published[:10]) < timedelta(days=7)
    for timex in article.timexes:
        assert timex.value is not None, timex
        assert date.fromisoformat(timex.value[:10]) <= day, (text, timex)


def test_saudi_records_under_their_crawl_times(saudi_jsonl: Path) -> None:
    """Real records read with --field crawled=date_extracted: every inferred day is on or
    before the crawl and within the week; no present or past deixis after the crawl."""
    options = ReadOptions(fields={"text": "content", "crawled": "date_extracted"})
    sources: dict[PublishedSource, int] = {}
    for article in read_inputs([saudi_jsonl], options):
        assert isinstance(article, Article) and article.published.crawled is not None
        annotate_timexes(article)
        crawl = date.fromisoformat(article.published.crawled[:10])
        sources[article.published.source] = sources.get(article.published.source, 0) + 1
        if article.published.source == PublishedSource.INFERRED:
            day = date.fromisoformat(article.published.value[:10])  # type: ignore[index]
            assert timedelta(0) <= crawl - day < timedelta(days=7)
        for timex in article.timexes:
            relative = timex.relative
            if relative is None or timex.value is None or len(timex.value) < 10:
                continue
            past = relative.offset <= 0 and (
                relative.kind == "day"
                or (relative.kind == "weekday" and relative.mode in ("near", "past"))
            )
            if past:
                assert date.fromisoformat(timex.value[:10]) <= crawl, (article.doc, timex)
    # the sample's SPA wires give datelines, other outlets' deixis pins many days
    # (5,996 records: 343 datelines, 865 days pinned by deixis when written)
    assert sources.get(PublishedSource.DATELINE, 0) >= 300
    assert sources.get(PublishedSource.INFERRED, 0) >= 600
