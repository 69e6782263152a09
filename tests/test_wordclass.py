"""Word classes: the packaged lexicon, the clitic and suffix readings, the affix rules."""

from __future__ import annotations

import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.arabic.normalize import normalize
from marsad.arabic.view import TextView
from marsad.arabic.wordclass import WordClass, classify, listed_classes
from marsad.arabic.wordclass_affixes import affix_rows
from marsad.arabic.wordclass_store import RESOURCE, decode, encode, store
from marsad.resources import load_bytes


def _word(text: str) -> WordClass:
    return classify(normalize(text))


def _features(found: WordClass) -> tuple[object, ...]:
    return (found.pos, found.tense, found.person, found.gender, found.number)


# --- the resource ------------------------------------------------------------------------


def test_resource_has_its_origin_in_the_header() -> None:
    header = " ".join(store().header)
    assert "arramooz-pysqlite 0.4.2" in header
    assert "libqutrub" in header
    assert "GPL" in header
    assert "LICENSE.wordclasses.txt" in header


def test_resource_loads_fast_and_is_large() -> None:
    blob = load_bytes(RESOURCE)
    started = time.perf_counter()
    loaded = decode(blob)
    elapsed = time.perf_counter() - started
    assert len(loaded) > 300_000
    assert elapsed < 0.25, f"decoding the lexicon took {elapsed:.3f} s"


def test_resource_keys_are_folded() -> None:
    keys = store().trie.keys()
    unfolded = [key for key in keys if normalize(key) != key]
    assert not unfolded[:10]


def test_encode_round_trips_and_is_deterministic() -> None:
    rows = [("قال", "Vp3ms Nms-"), ("كتب", "Nmpb Vp3ms"), ("في", "CP")]
    rows = [(normalize(form), codes) for form, codes in rows]
    first = encode(["test header"], rows)
    assert first == encode(["test header"], list(reversed(rows)))
    loaded = decode(first)
    assert loaded.header == ("test header",)
    assert loaded.lookup(normalize("قال")) == "Vp3ms Nms-"
    assert loaded.lookup(normalize("قالت")) is None


def test_runtime_never_imports_the_lexicon_packages() -> None:
    code = (
        "import sys\n"
        "from marsad.arabic.wordclass import classify\n"
        "classify('قال')\n"
        "bad = [m for m in sys.modules if m.split('.')[0] in "
        "('arramooz', 'libqutrub', 'pyarabic', 'qalsadi', 'alyahmor')]\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""


def test_pronoun_suffixes_come_from_the_resource() -> None:
    enclitics = affix_rows()["enclitic"]
    assert {row[0] for row in enclitics} >= {normalize("ها"), normalize("هم"), normalize("نا")}
    for form, person, _gender, number in enclitics:
        assert person in {"1", "2", "3"}, form
        assert number in {"sg", "du", "pl"}, form


# --- the lexicon readings ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("قال", ("verb", "perfect", 3, "m", "sg")),
        ("قالت", ("verb", "perfect", 3, "f", "sg")),
        ("يقول", ("verb", "imperfect", 3, "m", "sg")),
        ("قالوا", ("verb", "perfect", 3, "m", "pl")),
        ("أكدا", ("verb", "perfect", 3, "m", "du")),
        ("وأكدت", ("verb", "perfect", 3, "f", "sg")),
        ("سيقول", ("verb", "imperfect", 3, "m", "sg")),
        ("يؤكدون", ("verb", "imperfect", 3, "m", "pl")),
        ("كان", ("verb", "perfect", 3, "m", "sg")),
        ("ثلاثة", ("number", None, None, None, None)),
        ("عشرين", ("number", None, None, None, None)),
        ("مليون", ("number", None, None, None, None)),
        ("في", ("particle", None, None, None, None)),
        ("هذا", ("pronoun", None, None, None, None)),
    ],
)
def test_known_words(word: str, expected: tuple[object, ...]) -> None:
    assert _features(_word(word)) == expected


def test_nouns_carry_number_gender_and_plural_kind() -> None:
    dual = _word("مدينتين")
    assert (dual.pos, dual.gender, dual.number) == ("noun", "f", "du")
    sound = _word("المسؤولين")
    assert (sound.number, sound.plural, sound.definite) == ("pl", "sound", True)
    broken = _word("وزراء")
    assert (broken.pos, broken.number, broken.plural) == ("noun", "pl", "broken")
    feminine = _word("حكومة")
    assert (feminine.gender, feminine.number) == ("f", "sg")


def test_ambiguous_form_lists_every_class() -> None:
    found = _word("علم")
    assert {"noun", "verb"} <= found.alternatives
    assert found.pos in found.alternatives


def test_proclitics_and_article_are_stripped() -> None:
    found = _word("وبالبنتاغون")
    assert (found.proclitic, found.definite) == (normalize("وب"), True)
    fused = _word("للحكومة")
    assert (fused.proclitic, fused.stem, fused.definite) == ("ل", normalize("حكومة"), True)
    assert fused.source == "lexicon"


def test_no_verb_after_a_preposition_or_the_article() -> None:
    # ب + verb cannot be: بقال reads as a noun, never as ب + the verb قال
    assert _word("بقال").pos != "verb"
    assert _word("القال").pos != "verb"


def test_pronoun_suffixes_are_stripped() -> None:
    noun = _word("سياسته")
    assert (noun.pos, noun.stem, noun.enclitic) == ("noun", normalize("سياسة"), normalize("ه"))
    verb = _word("أعلنتها")
    assert (verb.pos, verb.tense, verb.gender, verb.enclitic) == ("verb", "perfect", "f", "ها")
    particle = _word("عليه")
    assert (particle.pos, particle.source) == ("particle", "closed-class")


def test_accusative_alef_reads_as_a_noun() -> None:
    for word in ("نظرا", "مؤكدا", "سريعا"):
        assert _word(word).pos in {"noun", "adj"}, word


def test_third_person_ranks_first() -> None:
    assert _word("آخر").pos != "verb"  # not "I delay"
    assert _word("تقول").person == 3


# --- the affix fallback, on invented words -----------------------------------------------


def test_rule_definite_plural() -> None:
    found = _word("الفلنكيات")
    assert found.source == "rule"
    assert (found.pos, found.gender, found.number, found.definite) == ("adj", "f", "pl", True)


def test_rule_imperfect_verb_with_ending() -> None:
    found = _word("يفلنكون")
    assert found.source == "rule"
    assert _features(found) == ("verb", "imperfect", 3, "m", "pl")


def test_rule_future_prefix() -> None:
    found = _word("سيفلنك")
    assert (found.source, found.pos, found.tense) == ("rule", "verb", "imperfect")


def test_rule_noun_endings() -> None:
    assert _features(_word("فلنكية"))[0::3] == ("adj", "f")
    assert (_word("زقرطات").number, _word("زقرطات").source) == ("pl", "rule")


def test_unexplained_word_is_a_likely_name() -> None:
    found = _word("زقرطوب")
    assert (found.pos, found.source) == ("name", "guess")
    with_and = _word("وزقرطوب")
    assert (with_and.proclitic, with_and.stem) == ("و", normalize("زقرطوب"))


def test_shapes() -> None:
    assert _word("2030").pos == "digit"
    assert _word("١٤٣٦").pos == "digit"  # Arabic-Indic digits fold to ASCII
    assert _word("iPhone").pos == "foreign"
    assert classify("").pos == "unknown"


# --- properties and real text -------------------------------------------------------------


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=12))
def test_classify_never_raises_and_is_deterministic(text: str) -> None:
    first = classify(text)
    classify.cache_clear()
    assert classify(text) == first
    assert first.pos in first.alternatives


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ابتثجحخدذرزسشصضطظعغفقكلمنهويءاة", min_size=1, max_size=10))
def test_arabic_letters_always_get_a_class(text: str) -> None:
    found = classify(normalize(text))
    assert found.pos != "unknown" or len(normalize(text)) < 2
    assert found.stem


def test_seeds_are_classified(seeds_dir: Path) -> None:
    counts: Counter[str] = Counter()
    verbs: Counter[tuple[str | None, int | None]] = Counter()
    for path in sorted(seeds_dir.glob("*.txt")):
        for word in TextView(path.read_text(encoding="utf-8")).words:
            found = classify(word)
            counts[found.pos] += 1
            if found.pos == "verb":
                verbs[(found.tense, found.person)] += 1
    total = sum(counts.values())
    assert total > 1000
    assert counts["unknown"] / total < 0.05
    assert counts["noun"] > counts["verb"] > 0
    assert verbs[("perfect", 3)] > 10  # قال، أعلنت، أكدتا ...
    assert counts["name"] / total < 0.2


def test_adjective_in_ta_marbuta_is_not_a_suffix() -> None:
    # ة folds to ه: تكفيرية is the feminine adjective, not تكفيري + the pronoun ه
    for word in ("تكفيرية", "مفخخة"):
        found = _word(word)
        assert (found.pos, found.gender, found.enclitic) == ("adj", "f", ""), word


def test_listed_classes_read_the_form_as_it_is() -> None:
    assert "noun" in listed_classes(normalize("فترة"))  # the noun as written
    assert listed_classes(normalize("عيدة")) == frozenset()  # only عيد + a pronoun
    assert "name" in listed_classes(normalize("حمزة"))
