"""The text view's two foldings (cp1256 bytes, str) agree with ``normalize``."""

from __future__ import annotations

import json
from itertools import islice
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.arabic._bytefold import CODEC, _fold_bytes, _fold_str, check_consistent, fold_text
from marsad.arabic.normalize import normalize
from marsad.arabic.view import TextView

SHARED = Path(__file__).resolve().parents[2] / "shared"

# Characters that take each branch of the byte path: plain cp1256 letters and marks,
# folded letters, marks cp1256 lacks (dropped through a stand-in), digits folding maps
# into cp1256, capitals, and characters with no byte at all (the str path).
_PIECES = [
    "أعلن",
    "إلى",
    "آب",
    "مدرسة",
    "مستشفى",
    "سؤال",
    "ٱلله",  # alef wasla
    "یک",  # Persian yeh, keheh
    "جداً",
    "شدّة",
    "ـ",  # tatweel
    "\u0670",  # superscript alef: dropped, not in cp1256
    "\u06d6",  # Quranic mark
    "\u200b",
    "\u200f",
    "\u202b",
    "\u2067",
    "\ufeff",
    "٢٠١٥",
    "۱۴۳۶",
    "٫",
    "٬",
    "ABC Xyz",
    "é",
    "ﻷ",  # presentation form: no byte, str path
    "ж",
    "😀",
    " ",
    "\n",
    "«",
    "،",
]


def _paths_agree(text: str) -> bool:
    by_bytes, by_str = _fold_bytes(text), _fold_str(text)
    return by_bytes is None or (by_bytes.text, by_bytes.shifts) == (by_str.text, by_str.shifts)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=30).map("".join))
def test_byte_and_str_paths_agree_with_normalize(text: str) -> None:
    assert check_consistent(text)
    assert fold_text(text).text == normalize(text)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=40))
def test_byte_and_str_paths_agree_on_any_text(text: str) -> None:
    assert _paths_agree(text)
    assert fold_text(text).text == normalize(text)


def test_byte_path_carries_the_encoding_and_maps_offsets() -> None:
    text = "أعلنَ الوزيرُ ٢٠١٥\u200f"
    folded = _fold_bytes(text)
    assert folded is not None and folded.encoded is not None
    assert folded.text == "اعلن الوزير 2015"
    assert folded.encoded == folded.text.encode(CODEC)
    span = TextView(text).source_span(5, 11)
    assert (span.start, span.end) == (6, 13)  # "الوزيرُ": the damma after it is kept
    assert text[6:13] == "الوزيرُ"


def test_a_character_without_a_byte_takes_the_str_path() -> None:
    assert _fold_bytes("كلمة ж") is None
    folded = fold_text("كلمة ж")
    assert folded.encoded is None and folded.text == _fold_str("كلمة ж").text


def test_saudi_articles_fold_alike_on_both_paths() -> None:
    path = SHARED / "data" / "saudinewsnet-sample" / "articles.jsonl"
    if not path.exists():
        pytest.skip("shared Saudi corpus not present")
    with path.open(encoding="utf-8") as lines:
        texts = [json.loads(line)["content"] for line in islice(lines, 400)]
    on_bytes = 0
    for text in texts:
        by_bytes = _fold_bytes(text)
        if by_bytes is None:
            continue
        on_bytes += 1
        by_str = _fold_str(text)
        assert (by_bytes.text, by_bytes.shifts) == (by_str.text, by_str.shifts)
    assert on_bytes >= 0.95 * len(texts)  # nearly all news text has a cp1256 form
