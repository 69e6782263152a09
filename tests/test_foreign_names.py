"""Foreign names written in Arabic letters get their own Latin spelling (foreign.py and
latin_foreign_names.tsv, built by scripts/build_foreign_names.py)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.extract.entities.foreign import foreign_spelling, reads_foreign
from marsad.extract.entities.latin import romanise, romanise_person
from marsad.resources import load_tsv

ROOT = Path(__file__).resolve().parents[1]


def test_a_foreign_unit_gets_the_name_it_spells() -> None:
    assert foreign_spelling("سواريز") == "Suárez"
    assert foreign_spelling("ايفانوف") == "Ivanov"  # ru_RU, romanised at build time
    assert foreign_spelling("ويليامز") == "Williams"  # a W with its vowel
    assert foreign_spelling("خورخي") == "Jorge"  # Spanish j and soft g are خ


def test_an_unwritten_vowel_is_allowed_once_and_not_in_the_first_syllable() -> None:
    assert foreign_spelling("أوليفر") == "Oliver"  # the e of -er is left out
    assert foreign_spelling("روبرتو") == "Roberto"
    assert foreign_spelling("سلمان") is None  # no "Colman": its first vowel is unwritten


def test_a_final_ha_writes_a_pronounced_vowel() -> None:
    assert foreign_spelling("جوزيه") == "José"
    assert foreign_spelling("سيرجي") == "Sergei"  # a final ي is said: not the French Serge


def test_arabic_words_and_names_are_not_read_as_foreign() -> None:
    for word in ("صقر", "فطيس", "الطريفي", "شاطئ", "ورئيس", "قيادي", "عبدالله"):
        assert foreign_spelling(word) is None, word
    assert not reads_foreign("الكسندر")  # the article: an Arabic word's shape
    assert reads_foreign("وارنر") and not reads_foreign("وصولا")
    assert not reads_foreign("لليمن")  # ل fused with the article
    assert foreign_spelling("والترز") == "Walters"  # not و + the article


def test_only_a_persons_name_takes_a_foreign_spelling() -> None:
    assert romanise_person("مايكل أوليفر") == "Michael Oliver"
    assert romanise("مايكل أوليفر") != "Michael Oliver"  # the same letters in a body's name
    # a name the Arabic dictionary knows keeps the dictionary's spelling
    assert romanise_person("راشد الغامدي") == "Rashid al-Ghamdi"


def test_the_names_file_is_well_formed() -> None:
    rows = load_tsv("latin_foreign_names.tsv", columns=3)
    assert len(rows) > 20_000
    for name, kind, locales, *_ in rows:
        assert kind in ("given", "family") and int(locales) >= 1, name
        assert name.isalpha() or "'" in name, name


def test_the_build_script_regenerates_the_names_file_byte_identically() -> None:
    spec = importlib.util.spec_from_file_location(
        "build_foreign_names", ROOT / "scripts/build_foreign_names.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.build() == module.OUT.read_text(encoding="utf-8")


_LETTERS = st.text(alphabet="ابتثجحخدذرزسشصضطظعغفقكلمنهوي ءأإآئؤةى", max_size=12)


@settings(max_examples=300, deadline=None)
@given(_LETTERS)
def test_any_letters_give_a_listed_name_or_none(unit: str) -> None:
    found = foreign_spelling(unit)
    assert found is None or found in _listed()


def _listed() -> frozenset[str]:
    return frozenset(row[0] for row in load_tsv("latin_foreign_names.tsv", columns=3))
