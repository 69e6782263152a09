"""Quantities: figures with units, approximate and vague counts, never dates."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.arabic.sentences import split_sentences
from marsad.extract.quantities import _parse_digits, annotate_quantities
from marsad.model import Article, Quantity, Sentence, Span, Timex


def _quantities(text: str, timexes: list[Timex] | None = None) -> list[Quantity]:
    article = Article(doc="t", source="t", text=text)
    article.sentences = [Sentence(span) for span in split_sentences(text)]
    article.timexes = timexes or []
    annotate_quantities(article)
    return article.quantities


def _brief(text: str) -> list[tuple[str, object, str | None, bool, bool]]:
    return [(q.text, q.value, q.unit, q.approximate, q.vague) for q in _quantities(text)]


def test_seed_quantities(seeds_dir: Path, shared_dir: Path) -> None:
    gold = json.loads((shared_dir / "gold" / "seeds.json").read_text(encoding="utf-8"))
    for document in gold["documents"]:
        text = (seeds_dir / document["doc"]).read_text(encoding="utf-8")
        found = {(q.text, q.value, q.unit, q.approximate) for q in _quantities(text)}
        for wanted in document["quantities"]:
            key = (wanted["text"], wanted["value"], wanted["unit"], bool(wanted.get("approximate")))
            assert key in found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("تنشر 2500 عسكري في العراق", ("2500 عسكري", 2500, "personnel", False, False)),
        ("تعرضت لنحو 150 هجوما", ("150 هجوما", 150, "attacks", True, False)),
        ("يتواجد مئات العسكريين", ("مئات العسكريين", None, "personnel", False, True)),
        ("بلغت ٢٥٠٠ فرد", ("٢٥٠٠ فرد", 2500, "personnel", False, False)),
        ("كلفة 1.5 مليار دولار", ("1.5 مليار دولار", 1500000000, "USD", False, False)),
        ("نسبة 30 في المائة", ("30 في المائة", 30, "percent", False, False)),
        ("بنسبة 60% للانضمام", ("60%", 60, "percent", False, False)),
        ("قتل ثلاثة جنود", ("ثلاثة جنود", 3, "personnel", False, False)),
        ("نحو ألفان وخمسمائة جندي", ("ألفان وخمسمائة جندي", 2500, "personnel", True, False)),
        ("أسفر عن 13 قتيلا و31 جريحا", ("13 قتيلا", 13, "killed", False, False)),
    ],
)
def test_figures(text: str, expected: tuple[str, object, str, bool, bool]) -> None:
    assert expected in _brief(text)


def test_bare_numbers_and_dates_are_not_quantities() -> None:
    assert _quantities("في عام 2014 وصل 360 من") == []
    text = "خلال 3 أيام وصل 50 شخصا"
    timex = Timex(Span(5, 11), "3 أيام", "DURATION", "P3D")
    assert [q.text for q in _quantities(text, [timex])] == ["50 شخصا"]
    timex = Timex(Span(0, len(text)), text, "DATE", None)
    assert _quantities(text, [timex]) == []


def test_parse_digits() -> None:
    assert _parse_digits("2,500") == 2500
    assert _parse_digits("1.5") == 1.5
    assert _parse_digits("1.000.000") == 1000000
    assert _parse_digits("960.407.1") is None


def test_real_articles_slice_exactly(saudi_jsonl: Path) -> None:
    count = 0
    with saudi_jsonl.open(encoding="utf-8") as handle:
        for _, line in zip(range(300), handle, strict=False):
            text = json.loads(line)["content"]
            for quantity in _quantities(text):
                assert quantity.span.slice(text) == quantity.text
                count += 1
    assert count > 50


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("0123٤٥.,% نحومئاتلفجنديدولارمليون\n")), max_size=80))
def test_arbitrary_text_never_raises(text: str) -> None:
    for quantity in _quantities(text):
        assert quantity.span.slice(text) == quantity.text
