"""Temporal rules on small fixtures: month variants, non-dates, relatives, Hijri, times."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.arabic._bytefold import check_consistent
from marsad.arabic.view import TextView
from marsad.model import Article, Boilerplate, Published, PublishedSource, Span
from marsad.resources import load_tsv
from marsad.temporal import annotate_timexes, tag_text
from marsad.temporal.lexicon import fold, lexicon

SHARED = Path(__file__).resolve().parents[2] / "shared"


def _values(text: str, published: str | None = None) -> list[tuple[str, str | None]]:
    return [(t.text, t.value) for t in tag_text(text, published)]


@pytest.mark.parametrize(
    "name",
    [
        "months.tsv",
        "weekdays.tsv",
        "number_words.tsv",
        "temporal_units.tsv",
        "temporal_deictic.tsv",
        "temporal_modifiers.tsv",
        "temporal_vague.tsv",
        "temporal_words.tsv",
        "temporal_daytime.tsv",
        "temporal_blockers.tsv",
        "temporal_seasons.tsv",
        "temporal_decades.tsv",
        "temporal_centuries.tsv",
    ],
)
def test_resource_loads(name: str) -> None:
    assert load_tsv(name, columns=2)


@pytest.mark.parametrize("row", load_tsv("months.tsv", columns=3), ids=lambda r: r[2])
def test_every_month_variant_parses(row: tuple[str, ...]) -> None:
    calendar, month, surface = row[:3]
    year = "1436هـ" if calendar == "hijri" else "2021"
    timexes = tag_text(f"وذلك في 12 {surface} {year} في المدينة")
    assert len(timexes) == 1, (surface, timexes)
    assert timexes[0].text == f"12 {surface} {year}"
    if calendar == "gregorian":
        assert timexes[0].value == f"2021-{int(month):02d}-12"
    else:
        assert timexes[0].hijri == f"1436-{int(month):02d}-12"
        assert timexes[0].value is not None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("في 27 سبتمبر 2024", [("27 سبتمبر 2024", "2024-09-27")]),
        ("في تموز 2021 وشباط 2023", [("تموز 2021", "2021-07"), ("شباط 2023", "2023-02")]),
        ("الاتفاقية لعام 2008، و", [("2008", "2008")]),
        ("في آب (أغسطس) 2023", [("آب (أغسطس) 2023", "2023-08")]),
        ("في أغسطس (آب) 2023", [("أغسطس (آب) 2023", "2023-08")]),
        ("يوم ٢٧ سبتمبر ٢٠٢٤", [("٢٧ سبتمبر ٢٠٢٤", "2024-09-27")]),
        ("في 5 جويلية 2019", [("5 جويلية 2019", "2019-07-05")]),
        ("بين 7 و8 آب/أغسطس 2023", [("بين 7 و8 آب/أغسطس 2023", "2023-08-07/2023-08-08")]),
        (
            "من 30 يوليو إلى 2 أغسطس 2023",
            [("من 30 يوليو إلى 2 أغسطس 2023", "2023-07-30/2023-08-02")],
        ),
        ("بتاريخ 10/8/2015 م", [("10/8/2015 م", "2015-08-10")]),
        ("في 21 شوال 1436هـ", [("21 شوال 1436هـ", "2015-08-06")]),
        ("ثلاث ساعات", [("ثلاث ساعات", "PT3H")]),
        ("خمسة وعشرين عاما", [("خمسة وعشرين عاما", "P25Y")]),
        ("في الأيام المقبلة", [("الأيام المقبلة", "FUTURE_REF")]),
        ("في الساعة الثالثة عصراً", [("الساعة الثالثة عصراً", "XXXX-XX-XXT15:00")]),
    ],
)
def test_absolute_and_durations(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert _values(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "يبلغ عدد القوات 2500 فرد",
        "تنشر الولايات المتحدة 2008 جندي",
        "تعرضت القوات لنحو 150 هجوما",
        "ارتفع بنسبة 2015% خلال",
        "بلغت القيمة 2020 ريال",
        "شراكة شاملة بزاوية 360 درجة",
        "للتواصل 0501234567",
        "الرقم 123456789",
        "صلاة الجمعة في الجامع",
        "ويجتمعون فيه لصلاة الجمعة",  # the blocker with a clitic
        "ويلقي مساعده خطب الجمعة",
        "اليوم العالمي للمرأة",
        "قال الطرفان الاثنين إن",
    ],
)
def test_non_dates_stay_out(text: str) -> None:
    assert tag_text(text) == []


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("قالت الوزارة، الخميس، إن", "2024-01-26", "2024-01-25"),
        ("وكان آخرها يوم الثلاثاء.", "2024-01-26", "2024-01-23"),
        ("طالعه اليوم السبت", "2024-01-27", "2024-01-27"),
        ("جددت أمس الأربعاء", "2021-07-29", "2021-07-28"),
        ("ذكر اليوم (الاثنين)", "2015-07-20", "2015-07-20"),
        ("سيلتقي الرئيس الخميس المقبل", "2024-01-26", "2024-02-01"),
        # a bare weekday that is the report's own day is that day, in either tense;
        # "الماضي" and "المقبل" still mean a week away
        ("قالت الوزارة، الخميس، إن", "2024-01-25", "2024-01-25"),
        ("وسيقود الرئيس الخميس عرضا بحريا", "2024-01-25", "2024-01-25"),
        ("سيلتقي الرئيس الخميس المقبل", "2024-01-25", "2024-02-01"),
        ("التقى الرئيس الخميس الماضي", "2024-01-25", "2024-01-18"),
        ("وسيقود الرئيس السبت عرضا بحريا", "2024-01-25", "2024-01-27"),
        # the weekday's own verb in the imperfect tells what is to come; a perfect, or
        # a preposition between, what has been
        ("ويزور الوزير العاصمة الثلاثاء لبحث", "2024-01-27", "2024-01-30"),
        ("زار الوزير العاصمة الثلاثاء لبحث", "2024-01-27", "2024-01-23"),
        ("تصدر منذ تعيينه الثلاثاء", "2024-01-27", "2024-01-23"),
        ("وفقا لما تم الاتفاق عليه العام الماضي", "2025-02-01", "2024"),
        ("وفي سبتمبر الماضي أعلن", "2025-02-01", "2024-09"),
        ("قبل عشر سنوات", "2024-05-01", "2014"),
        ("منذ ثلاثة أشهر", "2024-05-01", "2024-02"),
        ("أمس", "2015-08-10", "2015-08-09"),
        ("بعد غد الأربعاء", "2015-08-10", "2015-08-12"),
        ("حتى 27 شوال الجاري", "2015-08-10", "2015-08-12"),
    ],
)
def test_relative_resolved_against_publication(text: str, published: str, expected: str) -> None:
    timexes = tag_text(text, published)
    assert len(timexes) == 1, timexes
    assert timexes[0].value == expected
    assert timexes[0].anchor == "publication"
    unanchored = tag_text(text)
    assert unanchored[0].value is None and unanchored[0].anchor == "publication"


def test_agency_dateline_sets_publication() -> None:
    text = "بريدة 25 شوال 1436 هـ الموافق 10 اغسطس 2015 م واس\n\nيواصل المهرجان أمس الأحد"
    article = Article(doc="x", source="x", text=text)
    annotate_timexes(article)
    assert article.published.value == "2015-08-10"
    assert article.published.source == PublishedSource.DATELINE
    assert article.published.span is not None  # the dateline: both calendars' dates
    assert article.published.span.slice(text) == "25 شوال 1436 هـ الموافق 10 اغسطس 2015 م"
    hijri, gregorian, yesterday = article.timexes  # a dual date is two timexes (TimeML)
    assert hijri.hijri == "1436-10-25" and hijri.value == "2015-08-10"
    assert gregorian.text == "10 اغسطس 2015 م" and gregorian.value == "2015-08-10"
    assert yesterday.value == "2015-08-09"


def test_dateline_not_taken_from_body_sentence() -> None:
    text = "عنوان الخبر\nأعلنت الوزارة في بيان صدر في 10 أغسطس 2015 عن خطة جديدة للتعاون"
    article = Article(doc="x", source="x", text=text)
    annotate_timexes(article)
    assert article.published.source == PublishedSource.UNKNOWN


def test_metadata_date_is_kept_and_used() -> None:
    article = Article(doc="x", source="x", text="قال الوزير أمس إن")
    article.published = Published("2015-08-10", PublishedSource.METADATA)
    annotate_timexes(article)
    assert article.published.source == PublishedSource.METADATA
    assert article.timexes[0].value == "2015-08-09"


def test_boilerplate_yields_no_timex() -> None:
    text = "قال الوزير حاليا إن\nاشترك الآن بالنشرة"
    start = text.index("اشترك")
    article = Article(doc="x", source="x", text=text)
    article.boilerplate = [Boilerplate(Span(start, len(text)), "subscribe")]
    annotate_timexes(article)
    assert [t.text for t in article.timexes] == ["حاليا"]


def test_lexicon_tables_are_consistent() -> None:
    lex = lexicon()
    assert set(lex.gregorian_months.values()) == set(range(1, 13))
    assert set(lex.hijri_months.values()) == set(range(1, 13))
    assert set(lex.weekdays.values()) == set(range(1, 8))
    assert lex.number(fold("العشرة")) == 10
    assert lex.number(fold("خمسة وعشرين")) == 25


_PIECES = [
    *"0123456789٠١٢٣٤٥٦٧٨٩ /:-،,()\nًٌٍَُِّْـ",
    *map(chr, range(0x0621, 0x064B)),
    "يناير",
    " آب/أغسطس ",
    "2023",
    "أمس",
    " الخميس ",
    "هـ",
    " عام ",
    "ساعة",
    " من ",
]
_ARABIC = st.lists(st.sampled_from(_PIECES), max_size=40).map("".join)


@settings(max_examples=200, deadline=None)
@given(st.one_of(_ARABIC, st.text(max_size=60)))
def test_any_text_gives_valid_spans(text: str) -> None:
    for timex in tag_text(text, "2015-08-10"):
        assert 0 <= timex.span.start < timex.span.end <= len(text)
        assert text[timex.span.start : timex.span.end] == timex.text


@settings(max_examples=200, deadline=None)
@given(_ARABIC)
def test_fast_folding_matches_normalize(text: str) -> None:
    assert check_consistent(text)
    view = TextView(text)
    for start in range(len(view.folded)):
        source_start = view.source_span(start, start + 1).start
        assert text[source_start] != "" and source_start < len(text)


def test_saudinewsnet_sample_runs_clean() -> None:
    path = SHARED / "data" / "saudinewsnet-sample" / "articles.jsonl"
    if not path.exists():
        pytest.skip(f"shared data missing: {path}")
    with path.open(encoding="utf-8") as handle:
        rows = [json.loads(line) for line in handle]
    # the agency (was) items carry datelines; the others mostly do not
    rows = [r for r in rows if r["source"] == "was"][:100] + rows[:200]
    datelines = 0
    for row in rows:
        article = Article(doc=row["id"], source=row["id"], text=row["content"])
        annotate_timexes(article)
        datelines += article.published.source == PublishedSource.DATELINE
        for timex in article.timexes:
            assert article.text[timex.span.start : timex.span.end] == timex.text
            assert timex.rule
    assert datelines >= 50


def test_vague_rule_reaches_every_row() -> None:
    """The vague rule starts at most one word before a trigger word (rules.py)."""
    from marsad.temporal.triggers import trigger_table

    table = trigger_table()
    for _, before, span, _ in lexicon().vague:
        words = f"{before} {span}".split()
        assert any("vague" in table.get(w, ()) for w in words[:2]), span
