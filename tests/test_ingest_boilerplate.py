"""Boilerplate markers (resources/boilerplate.tsv): each rule fires where it should, and
body sentences are never marked."""

from __future__ import annotations

import json
from itertools import islice
from pathlib import Path

import pytest

from marsad.ingest.boilerplate import (
    Marker,
    annotate_boilerplate,
    find_boilerplate,
    load_markers,
)
from marsad.model import Article

BODY = (
    "قالت وزارة الخارجية العراقية، الخميس، إن بغداد وواشنطن تعتزمان إجراء محادثات قريبا "
    "لإنهاء وجود قوات التحالف في العراق، وأضافت أن اللجنة ستبدأ عملها الأسبوع المقبل.\n"
)
KINDS = {
    "comments",
    "section-links",
    "subscribe",
    "latest-news",
    "byline",
    "navigation",
    "contact",
    "end-marker",
}
# One example line for every regex / contains rule (line rules use their own pattern).
EXAMPLES = {
    r"(?:[^ ]+ )?جميع الحقوق محفوظه(?: [^ ]+){0,8}": "© جميع الحقوق محفوظة لموقع الخبر 2024",
    r"//\s*(?:انتهي|يتبع)\s*//": "// انتهى //",
    r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+": "writer@example.com",
    r"(?:تويتر|twitter|x)\s*:\s*@\w+": "تويتر: @writer",
    r"\*?\s*خدمه\s*«[^»]{1,40}»": "* خدمة «نيويورك تايمز»",
    r"\*?\s*بالاتفاق مع\s*«[^»]{1,40}»": "* بالاتفاق مع «بلومبيرغ»",
    r"خاص ب\s*«[^»]{1,40}»": "خاص بـ«الشرق الأوسط»",
    r"المصدر\s*:\s*[^ ]+(?: [^ ]+){0,3}": "المصدر: وكالات",
    r"\|\s*[^|\d]{1,40}": "| وكالات",
    r"(?:كتب|بقلم|اعداد)\s*:?\s*[^\d:]{1,40}": "بقلم: أحمد محمد",
    r"[^\s\d–-]+(?: [^\s\d–-]+)? [–-] [^\s\d–-]+(?: [^\s\d–-]+)?": "عين اليوم – جدة",
    "للتواصل مع الكاتب": "للتواصل مع الكاتب ارسل رسالة SMS إلى 88591",
}


def _placed(scope: str, line: str) -> tuple[str, int]:
    """A text with the marker line where its scope allows; returns (text, line start)."""
    if scope == "head":
        return line + "\n" + BODY * 3, 0
    prefix = BODY * 3  # tail and line markers: after the body (second half)
    return prefix + line + "\n", len(prefix)


def test_resource_is_valid() -> None:
    markers = load_markers()
    assert len(markers) > 40
    assert {m.kind for m in markers} <= KINDS
    assert {m.match for m in markers if m.match != "line"} >= {"regex", "contains"}


@pytest.mark.parametrize("marker", load_markers(), ids=lambda m: f"{m.kind}:{m.pattern[:20]}")
def test_every_rule_fires(marker: Marker) -> None:
    line = EXAMPLES.get(marker.pattern, marker.pattern) if marker.match != "line" else None
    if line is None:
        # a line rule's pattern is folded; the folded spelling must still match itself
        line = marker.pattern
    text, start = _placed(marker.scope, line)
    blocks = find_boilerplate(text)
    assert blocks, f"{marker} did not fire on {line!r}"
    assert blocks[0].span.start == start
    assert blocks[0].kind == marker.kind


def test_tail_needs_the_second_half() -> None:
    text = "التعليقات\n" + BODY * 3
    assert find_boilerplate(text) == []
    text = BODY * 3 + "التعليقات\n" + "تعليق قارئ طويل على الخبر\n"
    (block,) = find_boilerplate(text)
    assert block.kind == "comments"
    assert block.span.slice(text) == "التعليقات\nتعليق قارئ طويل على الخبر"


def test_body_words_are_not_markers() -> None:
    text = (
        BODY
        + "وتلقينا بعض التعليقات السلبية، ولكن الأغلب كانت آراء إيجابية.\n"
        + "وأكد أن آخر الأخبار من الجبهة تشير إلى تقدم القوات.\n"
        + BODY
    )
    assert find_boilerplate(text) == []


def test_head_rule_only_near_the_top() -> None:
    text = BODY * 4 + "| وكالات\n" + BODY * 2
    assert find_boilerplate(text) == []


def test_contains_starts_mid_line_and_crlf_is_kept_out() -> None:
    text = BODY * 3 + "x@y.com للتواصل مع الكاتب ارسل رسالة SMS\r\n88591 - Stc\r\n"
    (block,) = find_boilerplate(text)
    assert block.kind == "contact"
    assert block.span.slice(text) == "للتواصل مع الكاتب ارسل رسالة SMS\r\n88591 - Stc"
    single = find_boilerplate("آخر الأخبار\r\n" + BODY)
    assert single[0].span.slice("آخر الأخبار\r\n" + BODY) == "آخر الأخبار"


def test_annotate_sets_the_layer() -> None:
    article = Article(doc="d", source="s", text=BODY * 3 + "التعليقات")
    annotate_boilerplate(article)
    assert [b.kind for b in article.boilerplate] == ["comments"]


def test_saudinewsnet_wire_datelines_stay_body(saudi_jsonl: Path) -> None:
    marked = total = 0
    with saudi_jsonl.open(encoding="utf-8") as handle:
        for line in islice(handle, 1500):
            text = json.loads(line)["content"]
            blocks = find_boilerplate(text)
            total += len(text)
            marked += sum(b.span.end - b.span.start for b in blocks)
            for block in blocks:
                assert "الموافق" not in block.span.slice(text)  # Hijri/Gregorian datelines
    assert marked < 0.01 * total


def test_share_buttons_glued_before_the_lead_are_marked_alone() -> None:
    lead = "أكد نائب خادم الحرمين الشريفين أن المملكة ماضية في حربها على الإرهاب."
    text = " شارك من خلال تويتر فيسبوك جوجل بلس اكتب رأيك " + lead + "\n" + BODY
    (block,) = [b for b in find_boilerplate(text) if b.span.start < len(text) // 2]
    assert text[block.span.start : block.span.end] == "شارك من خلال تويتر فيسبوك جوجل بلس اكتب رأيك"
    assert block.span.end < text.index(lead)
