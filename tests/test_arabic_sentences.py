"""Sentence splitting keeps names, dates and quotations whole, on exact offsets."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from marsad.arabic.sentences import quoted_spans, split_sentences
from marsad.model import Span


def _texts(text: str) -> list[str]:
    return [span.slice(text) for span in split_sentences(text)]


def test_initial_in_a_name_is_not_a_boundary() -> None:
    text = "قال وزير الدفاع الأمريكي لويد ج. أوستن إن العمل يبدأ. وأضاف أنه مستمر."
    assert _texts(text) == [
        "قال وزير الدفاع الأمريكي لويد ج. أوستن إن العمل يبدأ.",
        "وأضاف أنه مستمر.",
    ]


def test_comma_semicolon_and_decimals_do_not_split() -> None:
    text = "ارتفع المؤشر 2.5 في المئة، وقال الوزير؛ إن النمو مستمر."
    assert _texts(text) == [text]


def test_question_mark_and_lines_split() -> None:
    text = "هل انتهت المهمة؟ لا.\nسطر ثان"
    assert _texts(text) == ["هل انتهت المهمة؟", "لا.", "سطر ثان"]


def test_a_mark_glued_to_the_next_word_splits_but_not_letters_spelled_out() -> None:
    text = "وروجت للأكاذيب.وقال إبراهيم علوي إنه بريء. أين الحقيقة؟لماذا الصمت"
    assert _texts(text) == [
        "وروجت للأكاذيب.",
        "وقال إبراهيم علوي إنه بريء.",
        "أين الحقيقة؟",
        "لماذا الصمت",
    ]
    # "بي.بي.سي" and "د.محمد": letters and a title, no sentence end
    assert _texts("ونقلت بي.بي.سي عن د.محمد قوله") == ["ونقلت بي.بي.سي عن د.محمد قوله"]


def test_period_inside_guillemets_stays_in_the_sentence() -> None:
    text = "وختم البيان: «يؤكد الانتهاء الناجح. هذا التزام البلدين». وانتهى الاجتماع."
    assert _texts(text) == [
        "وختم البيان: «يؤكد الانتهاء الناجح. هذا التزام البلدين».",
        "وانتهى الاجتماع.",
    ]


def test_within_limits_to_a_region() -> None:
    text = "أولا. ثانيا. ثالثا."
    spans = split_sentences(text, Span(6, len(text)))
    assert [s.slice(text) for s in spans] == ["ثانيا.", "ثالثا."]


def test_seed_sentences_are_exact_slices(seeds_dir: Path) -> None:
    for path in sorted(seeds_dir.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        spans = split_sentences(text)
        assert spans, path.name
        for span in spans:
            piece = span.slice(text)
            assert piece == piece.strip() and piece
        assert all(a.end <= b.start for a, b in pairwise(spans))


@given(st.text(max_size=300))
def test_any_text_gives_ordered_in_bounds_spans(text: str) -> None:
    spans = split_sentences(text)
    for span in spans:
        assert 0 <= span.start < span.end <= len(text)
    assert all(a.end <= b.start for a, b in pairwise(spans))


def test_quoted_spans_pair_each_kind_of_mark_and_drop_an_unclosed_one() -> None:
    text = 'حملت الصحيفة عنوانا يقول “غدا .. مصر تعبر” وقال «نحن هنا» ثم "انتهى" و«بلا إغلاق'
    inside = [span.slice(text) for span in quoted_spans(text, Span(0, len(text)))]
    assert inside == ["غدا .. مصر تعبر", "نحن هنا", "انتهى"]


@given(st.text(alphabet='«»“”" ab', max_size=60))
def test_quoted_spans_are_ordered_disjoint_and_inside_their_marks(text: str) -> None:
    spans = quoted_spans(text, Span(0, len(text)))
    for left, right in pairwise(spans):
        assert left.end < right.start
    for span in spans:
        assert 0 < span.start <= span.end < len(text)
        assert text[span.start - 1] in '«“"' and text[span.end] in '»”"'
