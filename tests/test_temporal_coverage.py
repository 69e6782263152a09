"""Date forms added after the Wojood review, and the crawl-time correction on real records."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from marsad.ingest import ReadOptions, read_inputs
from marsad.model import Article, Published, PublishedSource
from marsad.resources import load_tsv
from marsad.temporal import annotate_timexes, tag_text
from marsad.temporal.lexicon import fold, lexicon

SHARED = Path(__file__).resolve().parents[2] / "shared"
SAUDI = SHARED / "data" / "saudinewsnet-sample" / "articles.jsonl"


def _values(text: str, published: str | None = None) -> list[tuple[str, str | None]]:
    return [(t.text, t.value) for t in tag_text(text, published)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("وقع ذلك عام ( 1933 ) في", [("( 1933 )", "1933")]),
        ("وقع ذلك عام (1933) في", [("(1933)", "1933")]),
        ("صدر سنة ( 1967 ) قرار", [("( 1967 )", "1967")]),
        ("عام ( 1308 ) هجري", [("( 1308 ) هجري", "1890-08-17/1891-08-06")]),
        ("صورة ( 1948 ) م .", [("( 1948 ) م", "1948")]),
        ("حزيران ( 1984 ) .", [("حزيران ( 1984 )", "1984-06")]),
        ("في 9 / 10 / 1940 وصل", [("9 / 10 / 1940", "1940-10-09")]),
        ("في ٢٠١٥/٠٨/١٠ وصل", [("٢٠١٥/٠٨/١٠", "2015-08-10")]),
        ("في 2015-08-10 وصل", [("2015-08-10", "2015-08-10")]),
        ("رسالة ( 4 / 22 / 1948 ) .", [("4 / 22 / 1948", "1948-04-22")]),
        ("في 31/02/2015 وصل", []),
        (
            "كانون اول 1986 و تشرين ثاني 1987",
            [("كانون اول 1986", "1986-12"), ("تشرين ثاني 1987", "1987-11")],
        ),
        ("من يناير إلى مارس 2019", [("من يناير إلى مارس 2019", "2019-01/2019-03")]),
        ("بين 2014 و2017", [("بين 2014 و2017", "2014/2017")]),
        ("في عامي 2014 و2015", [("2014", "2014"), ("2015", "2015")]),
        ("الأول من أغسطس 2015", [("الأول من أغسطس 2015", "2015-08-01")]),
        ("الحادي والعشرين من سبتمبر 2014", [("الحادي والعشرين من سبتمبر 2014", "2014-09-21")]),
        ("صيف 2014", [("صيف 2014", "2014-SU")]),
        ("في التسعينيات", [("التسعينيات", "199")]),
        ("في الستينات من عمره", []),
        ("منتصف الاربعينات المئوية", []),
        ("حرب 1948", [("1948", "1948")]),
        ("العام الدراسي 1436/1437هـ", [("1436/1437هـ", "2014-10-25/2016-10-01")]),
        ("مدينة السادس من أكتوبر", []),
        (
            "الساعة 10 صباحا بتوقيت مكة المكرمة",
            [("الساعة 10 صباحا بتوقيت مكة المكرمة", "XXXX-XX-XXT10:00")],
        ),
        (
            "الساعة السابعة بالتوقيت المحلي",
            [("الساعة السابعة بالتوقيت المحلي", "XXXX-XX-XXT07:00")],
        ),
        ("قتل 2000 شخص", []),
        ("يبدأ من الساعة الواحدة ظهرا", [("الساعة الواحدة ظهرا", "XXXX-XX-XXT13:00")]),
        ("ساعة واحدة", [("ساعة واحدة", "PT1H")]),
        ("قال الأمين العام السابق للأمم المتحدة", []),  # the former secretary general
        ("وكانت القناة قد افتتحت عام 1869 للملاحة", [("1869", "1869")]),  # after a cue
        ("فتح القسطنطينية عام 1453", [("1453", "1453")]),  # no Hijri year that late yet
        ("ورقمها 1869 في القائمة", []),  # no cue: a number
        ("لا يتعدى الساعة الواحدة مقابل كل", []),  # the one hour, not one o'clock
        ("عند الساعة الثانية عشر ظهرا", [("الساعة الثانية عشر ظهرا", "XXXX-XX-XXT12:00")]),
        (
            "ومرور السفينتين في الساعة الرابعة و40 دقيقة مساء",
            [("الساعة الرابعة و40 دقيقة مساء", "XXXX-XX-XXT16:40")],
        ),
        ("الساعة الخامسة وثلاث دقائق", [("الساعة الخامسة وثلاث دقائق", "XXXX-XX-XXT05:03")]),
        (
            "مساء 6 أغسطس 2015 الساعة العاشرة",
            [("مساء 6 أغسطس 2015 الساعة العاشرة", "2015-08-06T22:00")],
        ),
        (
            "في 6 أغسطس 2015 عند الساعة 22:15",
            [("6 أغسطس 2015 عند الساعة 22:15", "2015-08-06T22:15")],
        ),
    ],
)
def test_added_forms(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert _values(text) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("وبين يناير ومارس ارتفع", "2015-08-10", "2015-01/2015-03"),
        ("الحادي عشر من سبتمبر", "2015-08-10", "2015-09-11"),
        ("ربيع العام الماضي", "2015-08-10", "2014-SP"),
        ("ثمانينيات القرن الماضي", "2015-08-10", "198"),
        ("اليوم الساعة الثالثة عصراً", "2015-08-10", "2015-08-10T15:00"),
        ("غدا الثلاثاء في الساعة الواحدة ظهرا", "2015-08-10", "2015-08-11T13:00"),
        ("مساء يوم غد عند الساعة التاسعة", "2015-08-10", "2015-08-11T21:00"),
        ("صباح اليوم الساعة التاسعة", "2015-08-10", "2015-08-10T09:00"),
        ("في سبتمبر (أيلول) من العام الماضي", "2015-08-10", "2014-09"),
        ("منذ نوفمبر", "2015-08-10", "2014-11"),
        ("بتاريخ 20 / 7 الى", "2015-08-10", "2015-07-20"),
    ],
)
def test_added_relative_forms(text: str, published: str, expected: str) -> None:
    timexes = tag_text(text, published)
    assert len(timexes) == 1 and timexes[0].value == expected, timexes
    assert timexes[0].anchor == "publication"
    assert tag_text(text)[0].value is None


@pytest.mark.parametrize("row", load_tsv("temporal_decades.tsv", 2), ids=lambda r: r[1])
def test_every_decade_form(row: tuple[str, ...]) -> None:
    assert _values(f"في {row[1]} كان") == [(row[1], f"19{row[0]}")]


@pytest.mark.parametrize("row", load_tsv("temporal_seasons.tsv", 2), ids=lambda r: r[1])
def test_every_season_form(row: tuple[str, ...]) -> None:
    assert _values(f"في {row[1]} 2014 كان") == [(f"{row[1]} 2014", f"2014-{row[0]}")]


@pytest.mark.parametrize("row", load_tsv("temporal_centuries.tsv", 2), ids=lambda r: r[0])
def test_every_century_phrase(row: tuple[str, ...]) -> None:
    timexes = tag_text(f"في ثمانينيات {row[0]} كان", "2015-08-10")
    kind, number = row[1].split(":")
    if kind == "hrel":  # a Hijri century: the century itself, in Gregorian days
        assert [t.text for t in timexes] == [row[0]] and "/" in (timexes[0].value or "")
        return
    century = int(number) if kind == "abs" else 20 + int(number)
    assert [t.value for t in timexes] == [f"{century}8"]


def test_day_ordinals() -> None:
    lex = lexicon()
    assert lex.day_ordinal(fold("الحادي عشر")) == 11
    assert lex.day_ordinal(fold("الثالث والعشرين")) == 23
    assert lex.day_ordinal(fold("الثلاثين")) == 30
    assert lex.day_ordinal(fold("الثاني والثلاثين")) is None


def _metadata_article(text: str, value: str) -> Article:
    article = Article(doc="x", source="x", text=text)
    article.published = Published(value, PublishedSource.METADATA)
    return article


def test_crawl_after_midnight_corrected() -> None:
    article = _metadata_article("قال الوزير اليوم (الاثنين) إن الاجتماع أمس", "2015-07-21T02:51")
    annotate_timexes(article)
    assert article.published.value == "2015-07-20"
    assert article.published.source == PublishedSource.METADATA
    assert article.published.note and "2015-07-21T02:51" in article.published.note
    assert article.timexes[-1].value == "2015-07-19"  # أمس from the corrected day


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("أعلن الوزير أمس (الاثنين) أن", "2015-07-22T01:11"),  # yesterday Monday: Tuesday
        ("يبدأ المؤتمر غدا (الأربعاء) في", "2015-07-22T01:11"),  # tomorrow Wednesday
    ],
)
def test_crawl_after_midnight_corrected_by_yesterday_or_tomorrow(text: str, value: str) -> None:
    article = _metadata_article(text, value)
    annotate_timexes(article)
    assert article.published.value == "2015-07-21"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("قال الوزير اليوم (الثلاثاء) إن", "2015-07-21T02:51"),  # agrees
        ("قال الوزير اليوم (الأحد) إن", "2015-07-21T02:51"),  # two days back
        ("قال الوزير أمس (الأحد) إن", "2015-07-22T02:51"),  # yesterday two days back
        ("قال الوزير أمس (الاثنين) واليوم (الأربعاء) إن", "2015-07-22T02:51"),  # two todays
        ("قال الوزير يوم الاثنين إن", "2015-07-21T02:51"),  # a bare weekday
        ("قال الوزير اليوم (الاثنين) إن", "2015-07-21"),  # a date, no crawl time
    ],
)
def test_crawl_time_kept(text: str, value: str) -> None:
    article = _metadata_article(text, value)
    annotate_timexes(article)
    assert article.published.value == value and article.published.note is None


def test_crawl_correction_on_saudinewsnet() -> None:
    if not SAUDI.exists():
        pytest.skip(f"shared data missing: {SAUDI}")
    with SAUDI.open(encoding="utf-8") as handle:
        first = json.loads(handle.readline())
    # aawsat, crawled 2015-07-21 02:51 (a Tuesday); the text says اليوم (الاثنين)
    assert first["date_extracted"].startswith("2015-07-21 02:")
    options = ReadOptions(fields={"published": "date_extracted"})
    corrected = 0
    for index, item in enumerate(read_inputs([SAUDI], options)):
        if index >= 300:
            break
        assert isinstance(item, Article)
        original = item.published.value
        annotate_timexes(item)
        if index == 0:
            assert item.published.value == "2015-07-20"
        if item.published.note is not None:
            corrected += 1
            assert original is not None and item.published.value is not None
            assert item.published.value < original[:10]
    assert corrected >= 3
