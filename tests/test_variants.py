"""Spelling variants (marsad.arabic.variants) and the search forms built on them."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from marsad.arabic.variants import MAX_VARIANTS, spelling_variants, variant_groups
from marsad.arabic.view import TextView
from marsad.web.search import word_forms


def _fold(text: str) -> str:
    return TextView(text).words[0]


def test_every_row_is_a_group_of_folded_forms() -> None:
    groups = variant_groups()
    assert len(groups) >= 20
    for group in groups:
        assert len(group) >= 2
        assert all(form == "".join(TextView(form).words) for form in group)


def test_american_and_pentagon_spellings_are_one_word() -> None:
    assert _fold("الأمريكية") in spelling_variants(_fold("الاميركية"))
    assert _fold("الأميركية") in spelling_variants(_fold("الأمريكية"))
    assert _fold("البنتاجون") in spelling_variants(_fold("البنتاغون"))
    assert _fold("الكونجرس") in spelling_variants(_fold("الكونغرس"))


def test_a_word_without_a_variant_part_is_only_itself() -> None:
    assert spelling_variants(_fold("وزير")) == {_fold("وزير")}


def test_search_forms_take_clitics_and_the_article_both_ways() -> None:
    iraq = word_forms(_fold("عراق"))
    assert {_fold("العراق"), _fold("والعراق"), _fold("بالعراق"), _fold("للعراق")} <= iraq
    assert _fold("عراق") in word_forms(_fold("العراق"))
    american = word_forms(_fold("الاميركية"))
    assert {_fold("الأمريكية"), _fold("والأمريكية"), _fold("بالأمريكية")} <= american


@given(st.text(alphabet="ابتثجحخدذرسشصضطظعغفقكلمنهويةىء", min_size=1, max_size=14))
def test_variants_are_bounded_and_hold_the_word(word: str) -> None:
    found = spelling_variants(word)
    assert word in found and len(found) <= MAX_VARIANTS
