"""Figures the reports of a story give differently, on fixtures through the whole
pipeline and on real reports of the Saudi sample."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from marsad.corpus.figure_conflicts import FigureConflict, figure_conflicts
from marsad.corpus.timeline import build_timeline
from marsad.model import Article, Published, PublishedSource
from marsad.pipeline import annotate
from marsad.schema import validate


def _report(doc: str, text: str, day: str) -> Article:
    article = Article(doc=doc, source=doc, text=text, url=f"https://example.org/{doc}")
    article.published = Published(f"{day}T10:00:00", PublishedSource.METADATA)
    return annotate(article)


def _reports_by_value(conflict: FigureConflict) -> dict[object, set[str]]:
    """Each version's value -> the ids of the reports that give it."""
    return {v.value: {a for a, _span in v.passages} for v in conflict.versions}


MOSQUE_A = (
    "وكان تنظيم داعش قد تبنى التفجير الانتحاري في مسجد الإمام الصادق بالكويت يوم الجمعة "
    "الماضي والذي أدى لمقتل 27 شخصا وإصابة 227 آخرين."
)
MOSQUE_B = (
    "وتبنى التنظيم الهجوم الانتحاري على مسجد الإمام الصادق في الكويت يوم الجمعة الماضي "
    "الذي أدى إلى مقتل 26 شخصا وإصابة 227 آخرين."
)


def test_two_accounts_of_one_toll_that_differ_are_a_conflict() -> None:
    first = _report("a.txt", MOSQUE_A, "2015-07-31")
    second = _report("b.txt", MOSQUE_B, "2015-07-31")
    (found,) = figure_conflicts([first, second], {})
    assert found.frame == "killed"
    assert _reports_by_value(found) == {27: {first.id}, 26: {second.id}}
    for version in found.versions:  # every passage slices back to the figure's clause
        for article_id, span in version.passages:
            article = first if article_id == first.id else second
            assert str(version.value) in article.text[span.start : span.end]


def test_one_text_twice_and_agreeing_reports_are_no_conflict() -> None:
    first = _report("a.txt", MOSQUE_A, "2015-07-31")
    copy = _report("c.txt", MOSQUE_A, "2015-07-31")
    assert figure_conflicts([first, copy], {}) == []
    second = _report("b.txt", MOSQUE_B, "2015-07-31")
    # a reprint group is one report, whatever its copies say
    assert figure_conflicts([first, second], {first.id: "g", second.id: "g"}) == []


def test_a_toll_of_another_day_is_another_fact() -> None:
    first = _report("a.txt", MOSQUE_A.replace("يوم الجمعة الماضي", ""), "2015-07-31")
    later = _report("b.txt", MOSQUE_B.replace("يوم الجمعة الماضي", ""), "2015-08-09")
    assert figure_conflicts([first, later], {}) == []


def test_a_standing_fact_told_in_other_words_weeks_apart_is_a_conflict() -> None:
    # a length: no other figure in common, but the same canal and the same wording ("نحو
    # 160" would agree with 164: approximate figures that close are one version)
    first = _report(
        "a.txt", "ويبلغ طول قناة السويس الأم 160 كيلومترا من بورسعيد إلى السويس.", "2015-08-06"
    )
    second = _report(
        "b.txt", "ويبلغ طول قناة السويس الأم 164 كيلومترا من بورسعيد حتى السويس.", "2015-08-20"
    )
    (found,) = figure_conflicts([first, second], {})
    assert found.frame == "length:km"
    assert {v.value for v in found.versions} == {160, 164}


def test_a_market_count_of_every_day_is_never_compared() -> None:
    # a figure framed by its counted noun alone: the same sentence with a new count daily
    first = _report("a.txt", "وشهدت تداولات اليوم ارتفاع أسهم 143 شركة في قيمتها.", "2015-08-10")
    second = _report("b.txt", "وشهدت تداولات اليوم ارتفاع أسهم 113 شركة في قيمتها.", "2015-08-10")
    assert figure_conflicts([first, second], {}) == []


def test_the_figure_a_change_ends_on_is_compared_with_its_like() -> None:
    # "إلى 11.7 مليار" takes its unit from the figure the change starts from, and the
    # attribute too: a revenue after the change, never the 5.3 billion of today
    first = _report(
        "a.txt",
        "وتهدف الخطة إلى زيادة إيرادات القناة من 5.3 مليار دولار إلى 13.2 مليار دولار "
        "بحلول عام 2023.",
        "2015-08-06",
    )
    second = _report(
        "b.txt",
        "وتهدف الخطة إلى زيادة دخل القناة من 5.3 مليار دولار سنويا إلى 11.7 مليار بحلول عام 2023.",
        "2015-08-10",
    )
    [target] = [q for q in second.quantities if q.text == "11.7 مليار"]
    assert (target.value, target.unit) == (11_700_000_000, "USD")
    (found,) = figure_conflicts([first, second], {})
    assert found.frame == "revenue-after:money"
    assert {v.value for v in found.versions} == {13_200_000_000, 11_700_000_000}


def test_one_amount_in_two_currencies_is_a_conflict_of_unit() -> None:
    first = _report(
        "a.txt",
        "ووقعت مصر مع فرنسا في فبراير صفقة عسكرية بقيمة 5.2 مليار يورو تحصل بموجبها على "
        "طائرات رافال وفرقاطة.",
        "2015-07-21",
    )
    second = _report(
        "b.txt",
        "وكانت مصر قد وقعت مع فرنسا صفقة عسكرية بقيمة 5.2 مليار دولار تحصل بموجبها على "
        "طائرات رافال.",
        "2015-07-25",
    )
    (found,) = figure_conflicts([first, second], {})
    assert found.frame == "value:money" and found.unit is None
    assert {(v.value, v.unit) for v in found.versions} == {
        (5_200_000_000, "EUR"),
        (5_200_000_000, "USD"),
    }
    # a currency name many countries share is no conflict with one of them
    third = _report("c.txt", first.text.replace("يورو", "دينار"), "2015-07-21")
    assert figure_conflicts([first, third], {}) == []


def test_the_timeline_shows_the_conflict_with_the_event_of_its_passages() -> None:
    first = _report("a.txt", MOSQUE_A, "2015-07-31")
    second = _report("b.txt", MOSQUE_B, "2015-07-31")
    timeline = build_timeline([first, second])
    figures = [c for c in timeline.conflicts if c.field == "figure:killed"]
    assert len(figures) == 1
    events = {e.id: e for e in timeline.events + timeline.undated}
    event = events[figures[0].event_id]
    assert {s.doc for s in event.sources} & {"a.txt", "b.txt"}
    data = json.loads(json.dumps(timeline.to_json()))
    validate("timeline", data)
    shown = [c for c in data["conflicts"] if c["field"] == "figure:killed"]
    assert sorted(v["value"] for v in shown[0]["versions"]) == [26, 27]


@pytest.fixture(scope="module")
def suez_reports(saudi_jsonl: Path) -> list[Article]:
    wanted = {"2015-07-21.json#50", "2015-07-25.json#145", "2015-08-06.json#704"}
    found: list[Article] = []
    with saudi_jsonl.open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            if record["id"] in wanted:
                article = Article(
                    doc=record["id"], source=record["id"], text=record["content"], url=record["url"]
                )
                article.published = Published(record["date_extracted"], PublishedSource.METADATA)
                found.append(annotate(article))
    assert len(found) == len(wanted)
    return found


def test_real_reports_of_one_arms_deal_in_two_currencies(suez_reports: list[Article]) -> None:
    # Al-Sharq Al-Awsat gives the Rafale deal as 5.2 billion euros, and four days later
    # as 5.2 billion dollars; the third report gives no value for it
    conflicts = figure_conflicts(suez_reports, {})
    money = [c for c in conflicts if c.frame == "value:money"]
    assert len(money) == 1
    by_unit = {v.unit: {a for a, _span in v.passages} for v in money[0].versions}
    ids = {a.doc: a.id for a in suez_reports}
    assert by_unit == {"EUR": {ids["2015-07-21.json#50"]}, "USD": {ids["2015-07-25.json#145"]}}


def test_the_text_timeline_shows_each_currency(suez_reports: list[Article]) -> None:
    from marsad.corpus.timeline import conflict_line

    timeline = build_timeline(suez_reports)
    (money,) = [c for c in timeline.conflicts if c.field == "figure:value:money"]
    line = conflict_line(money)
    assert "5200000000 EUR (2015-07-21.json#50)" in line
    assert "5200000000 USD (2015-07-25.json#145)" in line


ROAD_A = (
    "وشمل المشروع الذي أعلنته الوزارة إنشاء طريق جديد طوله 40 كيلومترا وتعبيد وتوسيع "
    "الطريق القديم على طول 35 كيلومترا."
)
ROAD_B = (
    "وشمل المشروع الذي أعلنته الوزارة إنشاء طريق جديد بطول 35 كيلومترا بالإضافة إلى "
    "تعبيد وتوسيع عدة وصلات بطول إجمالي 40 كيلومترا."
)


def test_two_lengths_of_two_things_pair_by_the_thing_each_measures() -> None:
    # each report gives both figures, for the new road and the widened part, the other way
    # round: the new road's length is the fact they disagree on
    first = _report("a.txt", ROAD_A, "2015-08-06")
    second = _report("b.txt", ROAD_B, "2015-08-06")
    (found,) = figure_conflicts([first, second], {})
    assert found.frame == "length:km"
    assert _reports_by_value(found) == {40: {first.id}, 35: {second.id}}


def test_real_reports_that_swap_the_dug_and_widened_lengths(saudi_jsonl: Path) -> None:
    # AFP: a new channel of 37 km and 35 km widened; the others: 35 km new, 37 km widened
    wanted = {"2015-08-06.json#704", "2015-08-06.json#1360"}
    reports: dict[str, Article] = {}
    with saudi_jsonl.open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            if record["id"] in wanted:
                article = Article(doc=record["id"], source=record["id"], text=record["content"])
                article.published = Published(record["date_extracted"], PublishedSource.METADATA)
                reports[record["id"]] = annotate(article)
    lengths = [c for c in figure_conflicts(list(reports.values()), {}) if c.frame == "length:km"]
    assert len(lengths) == 1
    assert _reports_by_value(lengths[0]) == {
        37: {reports["2015-08-06.json#704"].id},
        35: {reports["2015-08-06.json#1360"].id},
    }
