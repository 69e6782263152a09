"""Reprints and near-duplicates: hand-made texts, and real Saudi wire copy."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from marsad.corpus.duplicates import DuplicateIndex, find_duplicates, wire_agency
from marsad.corpus.shingles import core_tokens
from marsad.model import Article, Boilerplate, Span

SHARED = Path(__file__).resolve().parents[2] / "shared"
SAUDI = SHARED / "data" / "saudinewsnet-sample" / "articles.jsonl"

BODY = (
    "أعلنت وزارة الصحة اليوم عن افتتاح مستشفى جديد في مدينة أبها بسعة ثلاثمائة سرير، "
    "وقال المتحدث الرسمي للوزارة إن المستشفى يضم أقساما للطوارئ والعناية المركزة "
    "وجراحة القلب، وإنه سيخدم أكثر من مليون نسمة في منطقة عسير والمحافظات المجاورة لها.\n"
    "وأضاف أن المشروع تكلف نحو أربعمائة مليون ريال، وأن العمل فيه استمر ثلاث سنوات، "
    "وأن الوزارة تعتزم افتتاح مستشفيين آخرين في جازان ونجران قبل نهاية العام المقبل."
)
OTHER = (
    "ارتفع المؤشر العام لسوق الأسهم السعودية في ختام تعاملات الأسبوع بدعم من قطاع "
    "المصارف والبتروكيماويات، وبلغت قيمة التداولات نحو خمسة مليارات ريال، فيما تراجعت "
    "أسهم شركات التأمين والتجزئة تحت ضغط عمليات جني الأرباح من المستثمرين الأفراد."
)


def _article(doc: str, text: str, outlet: str | None = None) -> Article:
    return Article(doc=doc, source=f"test#{doc}", text=text, outlet=outlet)


def test_exact_copy_with_other_spelling_and_dateline() -> None:
    spelled = BODY.replace("أ", "ا").replace("ة ", "ه ")  # hamza and ta marbuta folded away
    articles = [
        _article("a", BODY, "paper-a"),
        _article("b", "أبها – خاص\n" + spelled, "paper-b"),  # its own dateline line
        _article("c", OTHER, "paper-c"),
    ]
    groups = find_duplicates(articles)
    assert len(groups) == 1
    (group,) = groups
    assert group.kind == "exact"
    assert [m.doc for m in group.members] == ["a", "b"]
    assert all(m.similarity == 1.0 for m in group.members)


def test_near_copy_with_small_edits() -> None:
    edited = BODY.replace("ثلاثمائة", "300").replace("وقال المتحدث الرسمي", "وقال متحدث")
    groups = find_duplicates([_article("a", BODY), _article("b", edited)], threshold=0.6)
    assert [g.kind for g in groups] == ["near"]
    similarity = groups[0].members[1].similarity
    assert 0.6 <= similarity < 1.0


def test_unrelated_texts_and_short_texts_make_no_group() -> None:
    short = "اشترك الآن بالنشرة الإخبارية"
    articles = [_article("a", BODY), _article("b", OTHER), _article("c", short)]
    articles.append(_article("d", short))
    assert find_duplicates(articles) == []


def test_boilerplate_is_not_compared() -> None:
    furniture = "\n" + OTHER  # the same comment block on two different pages
    first = _article("a", BODY + furniture)
    second = _article("b", "خبر آخر تماما عن الطقس والأمطار في مكة المكرمة وجدة" + furniture)
    for article in (first, second):
        start = article.text.index(OTHER)
        article.boilerplate.append(Boilerplate(Span(start, len(article.text)), "comments"))
    assert find_duplicates([first, second]) == []


def test_index_links_a_new_article_to_its_earlier_copy() -> None:
    index = DuplicateIndex()
    original = _article("a", BODY)
    assert index.add(original) is None
    longer = BODY + " وأكد أن المستشفى سيعمل بكامل طاقته خلال أسابيع قليلة من الآن."
    match = index.add(_article("b", longer))
    assert match is not None
    assert (match.matched_doc, match.kind) == ("a", "near")
    assert match.similarity >= 0.8
    assert index.add(original) is None  # adding the same article again changes nothing
    assert len(index) == 2


def test_wire_marker_comes_from_the_dateline_only() -> None:
    wire_copy = _article("a", "الرياض - واس\n" + BODY, "paper")
    assert wire_agency(wire_copy) == "spa"
    assert wire_agency(_article("b", BODY, "was")) == "spa"  # the agency's own outlet
    mid_text = _article("c", BODY + "\nكما نقلت واس عن المتحدث", "paper")
    assert wire_agency(mid_text) is None
    foreign = _article("d", "مباريات تجريبية مع واس دي بيسرال الإسباني\n" + BODY, "paper")
    assert wire_agency(foreign) is None


def test_wire_group_puts_the_agency_item_first() -> None:
    paper = _article("paper", BODY, "alriyadh")
    agency = _article("agency", "أبها 25 شوال 1436 هـ الموافق 10 أغسطس 2015 م واس\n" + BODY, "was")
    groups = find_duplicates([paper, agency])
    assert [g.kind for g in groups] == ["wire"]
    assert groups[0].members[0].doc == "agency"
    assert groups[0].members[0].wire == "spa"


def test_core_tokens_drop_dateline_and_sign_off() -> None:
    text = "جدة 26 شوال 1436 هـ الموافق 11 اغسطس 2015 م واس\n" + BODY + "\n // انتهى //\n 17:32 ت م"
    assert core_tokens(_article("a", text)) == core_tokens(_article("b", BODY))


@pytest.fixture(scope="module")
def saudi_day() -> list[Article]:
    if not SAUDI.exists():
        pytest.skip(f"real data missing: {SAUDI}")
    articles = []
    with SAUDI.open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            if record["id"].startswith("2015-08-11.json"):  # one complete day, all outlets
                articles.append(
                    Article(
                        doc=record["id"],
                        source=f"{SAUDI.name}#{record['id']}",
                        text=record["content"],
                        outlet=record["source"],
                    )
                )
    return articles


def test_real_wire_reprints(saudi_day: list[Article]) -> None:
    groups = find_duplicates(saudi_day)
    wire = [g for g in groups if g.kind == "wire"]
    assert wire, "the Saudi Press Agency items of the day are reprinted by papers"
    for group in wire:
        assert any(m.wire for m in group.members)
        assert group.members[0].similarity == 1.0
        assert len(group.outlets) >= 2 or len(group.members) >= 2
    grouped = sum(len(g.members) for g in groups)
    assert 50 < grouped < len(saudi_day) // 2  # reprints are common, not the norm
    assert all(0.0 < m.similarity <= 1.0 for g in groups for m in g.members)


SECOND = (
    "وفي سياق متصل افتتح أمير المنطقة مركزا جديدا للأورام في مدينة خميس مشيط يضم "
    "ستين سريرا وعيادات خارجية ووحدة للعلاج الإشعاعي، وأكد أن المركز سيخفف عن المرضى "
    "عناء السفر إلى الرياض وجدة لتلقي العلاج، وأن الخطة تشمل توسعته في العام المقبل "
    "ليضم مئة سرير ومختبرات للأبحاث السريرية بالتعاون مع جامعة الملك خالد."
)


def test_a_cut_or_extended_copy_groups_by_containment() -> None:
    longer = BODY + "\n" + SECOND + "\n" + OTHER  # the copy runs inside a longer report
    groups = find_duplicates([_article("a", BODY, "paper-a"), _article("b", longer, "paper-b")])
    assert [g.kind for g in groups] == ["edited"]
    member = groups[0].members[1]
    assert member.similarity < 0.8  # a symmetric Jaccard alone would miss it
    assert member.containment == 1.0  # all of the shorter copy lies in the longer one


def test_a_round_up_of_two_items_does_not_chain_them() -> None:
    first, second = _article("a", BODY, "agency"), _article("b", SECOND, "agency")
    round_up = _article("c", BODY + "\n" + SECOND, "paper")
    groups = find_duplicates([first, second, round_up])
    docs = [{m.doc for m in g.members} for g in groups]
    assert not any({"a", "b"} <= found for found in docs)
    assert any({"a", "c"} <= found or {"b", "c"} <= found for found in docs)


def test_a_formula_shared_by_two_short_items_is_no_copy() -> None:
    # Two notices of one formula: a few words in common, under MIN_SHARED shingles.
    formula = "بعث خادم الحرمين الشريفين برقية تهنئة لرئيس {} بمناسبة ذكرى اليوم الوطني لبلاده"
    left = _article("a", formula.format("جمهورية تشاد") + "، متمنيا له موفور الصحة.")
    right = _article("b", formula.format("جمهورية الإكوادور") + "، وللشعب الصديق التقدم.")
    assert find_duplicates([left, right]) == []


def test_wire_credit_in_the_body() -> None:
    credited = _article("a", BODY + "\nوقال مسؤول لوكالة فرانس برس إن العمل مستمر.", "paper")
    assert wire_agency(credited) == "afp"
    report = _article("b", BODY + "\nوذلك حسب تقرير لـ«رويترز» نشر أمس.", "paper")
    assert wire_agency(report) == "reuters"


def test_identical_bodies_inside_a_larger_group_are_listed() -> None:
    longer = BODY + "\n" + SECOND + "\n" + OTHER
    articles = [_article("a", longer, "p"), _article("b", longer, "p2"), _article("c", BODY, "q")]
    (group,) = find_duplicates(articles)
    assert group.exact == [[articles[0].id, articles[1].id]]
    assert group.to_json()["exact"] == [[articles[0].id, articles[1].id]]


SUEZ_GOLD = SHARED / "gold" / "suez-timeline.json"


def test_the_suez_reprint_groups_are_found() -> None:
    """Every reprint group of the Suez gold is a group (or the exact copies inside one)."""
    if not (SUEZ_GOLD.exists() and SAUDI.exists()):
        pytest.skip("real data missing")
    gold = json.loads(SUEZ_GOLD.read_text(encoding="utf-8"))
    docs = {doc["doc"] for doc in gold["documents"]}
    articles = []
    with SAUDI.open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            if record["id"] in docs:
                articles.append(
                    Article(
                        doc=record["id"],
                        source=record["id"],
                        text=record["content"],
                        url=record["url"],  # the live and the ?weekly page are two articles
                        outlet=record["source_name"],
                    )
                )
    groups = find_duplicates(articles)
    doc_of = {a.id: a.doc for a in articles}
    found = [{m.doc for m in g.members} for g in groups]
    found += [{doc_of[i] for i in ids} for g in groups for ids in g.exact]
    for expected in gold["duplicates"]:
        assert set(expected["ids"]) in found, expected["id"]
    assert len(groups) <= len(gold["duplicates"])  # nothing else in the story is a copy
