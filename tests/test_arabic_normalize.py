"""The matching normaliser folds variants and maps every match back to exact offsets."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from marsad.arabic.normalize import normalize
from marsad.arabic.view import TextView
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
    assert normalize("٧ و٨") == "7 و8"
    assert normalize("٢٬٥٠٠") == "2,500"


def test_every_table_row_is_one_character_each_side() -> None:
    for row in load_tsv("normalization.tsv", columns=2):
        assert len(row[0]) == 1 and len(row[1]) == 1


def test_match_in_folded_text_maps_back_to_the_original() -> None:
    text = "قال وزيرُ الدفاعِ الأمريكيّ لويد أوستن"
    view = TextView(text)
    needle = normalize("الامريكي")
    found = view.folded.index(needle)
    assert view.source_span(found, found + len(needle)).slice(text) == "الأمريكيّ"


@given(st.text(max_size=200))
def test_offsets_are_monotonic_and_in_bounds(text: str) -> None:
    view = TextView(text)
    offsets = [view.source_index(i) for i in range(len(view.folded) + 1)]
    assert offsets == sorted(offsets)
    assert all(0 <= o <= len(text) for o in offsets)
    assert offsets[-1] == len(text)
    assert normalize(text) == view.folded
