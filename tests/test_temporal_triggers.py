"""The byte-level trigger scan finds exactly what a plain str regex over words finds."""

from __future__ import annotations

import re
from collections import defaultdict
from functools import cache

from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.arabic.normalize import normalize
from marsad.arabic.view import TextView
from marsad.resources import load_lines
from marsad.temporal.lexicon import alternation
from marsad.temporal.triggers import _digit_kinds, find_triggers, trigger_table


@cache
def _reference_pattern() -> re.Pattern[str]:
    words = [word for word in trigger_table() if re.fullmatch(r"\w+", word)]
    return re.compile(rf"(?<!\w)(?:({alternation(words)})(?!\w)|(\d\w*))")


def _reference(folded: str) -> dict[str, list[int]]:
    """Word by word in str: a trigger word, or a word starting with any decimal digit."""
    by_kind: defaultdict[str, list[int]] = defaultdict(list)
    for match in _reference_pattern().finditer(folded):
        if match.group(1) is not None:
            for kind in trigger_table()[match.group(1)]:
                by_kind[kind].append(match.start())
            continue
        number = match.group(2)
        digits = len(number) - len(number.lstrip("0123456789"))
        for kind in _digit_kinds(digits, folded, match.end()):
            by_kind[kind].append(match.start())
    return dict(by_kind)


_PIECES = [
    "العام",
    "الماضي",
    "يناير",
    "وفي",
    "اليوم",
    "الخميس",
    "أيام",
    "2015",
    "1436/1437",
    "10:30",
    "٢٠١٥",
    "२०१५",  # Devanagari digits: decimal, but not in cp1256
    "۲۰۱۵",
    "_",
    "%",
    "²",
    "é",
    "ж",
    "😀",
    "\u200f",
    "(",
    "«",
    "،",
    ".",
    "-",
    "\n",
    " ",
    "  ",
    "ب",
    "عام2015",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=25))
def test_scan_matches_a_word_by_word_reference(pieces: list[str]) -> None:
    folded = TextView("".join(pieces)).folded
    assert dict(find_triggers(folded)) == _reference(folded)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60))
def test_scan_matches_the_reference_on_any_text(text: str) -> None:
    folded = TextView(text).folded
    assert dict(find_triggers(folded)) == _reference(folded)


def test_offsets_are_those_of_the_folded_text() -> None:
    folded = TextView("قال «الخميس» إن ж 2015 عاما").folded
    found = find_triggers(folded)
    assert [folded[p : p + 6] for p in found["weekday"]] == ["الخميس"]
    assert [folded[p : p + 4] for p in found["year4"]] == ["2015"]


def test_word_initial_letters_are_folded_arabic_letters_once_each() -> None:
    letters = load_lines("word_initial_letters.txt")
    assert len(set(letters)) == len(letters)
    for letter in letters:
        assert len(letter) == 1 and "\u0621" <= letter <= "\u064a"
        assert normalize(letter) == letter  # folded: أ and ة are not listed, ا and ه are
    firsts = {word[0] for word in trigger_table() if not word[0].isdecimal()}
    assert firsts <= set(letters)  # every trigger's first letter has its place
