"""The matching normaliser folds variants and maps every match back to exact offsets."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from marsad.arabic.normalize import normalize, normalize_with_map, to_source_span
from marsad.arabic.numerals import ascii_digits, parse_int
from marsad.resources import load_tsv


def test_spelling_variants_fold_together() -> None:
    assert normalize("أوستن") == normalize("اوستن")
    assert normalize("الأمريكية") == normalize("الامريكيه")
    assert normalize("إبريل") == normalize("ابريل")
    assert normalize("مستشفى") == normalize("مستشفي")
    assert normalize("بيّن") == normalize("بين")
    assert normalize("قريبـــا") == normalize("قريبا")
    assert normalize("HMC") == "hmc"


def test_digits_fold_to_ascii() -> None:
    assert normalize("٢٠٢٣") == "2023"
    assert normalize("۲۰۲۴") == "2024"
    assert ascii_digits("٧ و٨") == "7 و8"
    assert parse_int("٢٬٥٠٠") == 2500


def test_every_table_row_is_one_character_each_side() -> None:
    for row in load_tsv("normalization.tsv", columns=2):
        assert len(row[0]) == 1 and len(row[1]) == 1


def test_match_in_folded_text_maps_back_to_the_original() -> None:
    text = "قال وزيرُ الدفاعِ الأمريكيّ لويد أوستن"
    folded, offsets = normalize_with_map(text)
    needle = normalize("الامريكي")
    found = folded.index(needle)
    start, end = to_source_span(offsets, found, found + len(needle), text)
    assert text[start:end] == "الأمريكيّ"


@given(st.text(max_size=200))
def test_offsets_are_monotonic_and_in_bounds(text: str) -> None:
    folded, offsets = normalize_with_map(text)
    assert len(offsets) == len(folded) + 1
    assert offsets == sorted(offsets)
    assert all(0 <= o <= len(text) for o in offsets)
    assert offsets[-1] == len(text)
    assert normalize(text) == folded
