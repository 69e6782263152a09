"""The resources the text view and the layers read by name: clitics, letters, punctuation,
verb inflections, nisba endings, the gold scorers' lists; and the literal count."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from marsad.arabic.charsets import char_class, chars, charset, letter
from marsad.arabic.clitics import (
    attach,
    definite_article,
    enclitics,
    proclitic_letters,
    proclitics,
    readings,
    rules,
    written_forms,
)
from marsad.extract.cues import cue_forms
from marsad.extract.lexicon import demonyms, nisba_endings
from marsad.resources import load_tsv

ROOT = Path(__file__).resolve().parents[1]


def test_clitic_rules_and_kinds() -> None:
    assert definite_article() == "ال"
    assert rules().fusing == "ل" and rules().fused_article == "لل"
    assert proclitic_letters("conjunction") == {"و", "ف"}
    assert proclitic_letters("preposition") == {"ب", "ل", "ك"}
    assert proclitic_letters(use="name-context") == {"ب", "ل"}
    assert all(len(prefix) <= 2 for prefix in proclitics())


def test_attach_is_the_inverse_of_a_reading() -> None:
    for prefix, word in [("ل", "الحره"), ("و", "الحره"), ("ب", "بغداد"), ("ول", "اللجنه")]:
        token = attach(prefix, word)
        assert (len(prefix), word) in readings(token) or word.startswith("الل")
        assert token in written_forms(word)
    assert attach("ل", "الحره") == "للحره"


def test_enclitics_by_use() -> None:
    assert set(enclitics("not-a-name")) == {"هم", "هما", "كم", "نا"}
    assert "ه" in enclitics("cue-ending") and "ي" not in enclitics("cue-ending")
    assert enclitics()[0] in {"هما", "كما"}  # longest first
    uses = {use for row in load_tsv("enclitics.tsv", columns=5) for use in row[4].split(",")}
    assert uses <= {"cue-ending", "not-a-name", "-"}


def test_named_letters_and_punctuation() -> None:
    assert letter("ta-marbuta") == "ه" and letter("ta-marbuta", folded=False) == "ة"
    assert letter("wa") == "و" and letter("la") == "ل"
    assert charset("sentence-end") >= {".", "؟", "…"}
    assert chars("comma") == "،,"
    assert " " in chars("quote-trailing") and "\u00a0" in chars("content-leading")
    assert char_class("percent") == "[%٪]"


def test_verb_inflections_make_every_third_person_form() -> None:
    forms = cue_forms()
    for form in ("قال", "قالت", "قالا", "قالتا", "قالوا", "يقول", "تقول", "يقولان", "يقولون"):
        assert form in forms, form
    assert forms["قالت"].feminine and forms["تقول"].feminine and not forms["قالوا"].feminine


def test_nisba_endings_make_demonyms() -> None:
    assert "ين" in nisba_endings() and "" not in nisba_endings()
    table = demonyms()
    iraq = table["العراقي"]
    assert all(table[form] == iraq for form in ("عراقيه", "العراقيين", "عراقيات", "عراقيتان"))


def test_literal_count_script_counts_and_fails_above_a_limit(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text('"""وثيقة"""\nX = "ال"\nY = f"{X}ب"\nZ = "\\ufeff"\n', encoding="utf-8")
    script = ROOT / "scripts" / "count_arabic_literals.py"
    run = subprocess.run(
        [sys.executable, str(script), str(sample), "--limit", "1"], capture_output=True, text=True
    )
    assert run.returncode == 1 and run.stdout.strip().endswith("2  total")
