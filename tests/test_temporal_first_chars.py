"""``first_chars``: the characters a rule's match can start with, read from its regex.

The tagger skips positions whose character a rule cannot start with, so the set must
never leave out a real start: checked on every position of the seed reports.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from marsad.arabic.view import TextView
from marsad.temporal.first_chars import first_chars
from marsad.temporal.rules import rules
from marsad.temporal.tagger import find_candidates


def _seed_texts(seeds_dir: Path) -> list[str]:
    texts = [path.read_text(encoding="utf-8") for path in sorted(seeds_dir.glob("*.txt"))]
    if not texts:
        pytest.skip(f"no seed reports in {seeds_dir}")
    return texts


def test_every_rule_start_is_bounded() -> None:
    """Each rule of the table gets a set: without one it would be tried everywhere."""
    for rule in rules():
        chars = first_chars(rule.pattern)
        assert chars, rule.name


def test_every_match_on_the_seeds_starts_with_an_accepted_character(seeds_dir: Path) -> None:
    for text in _seed_texts(seeds_dir):
        folded = TextView(text).folded
        for rule in rules():
            chars = first_chars(rule.pattern)
            assert chars is not None
            for position in range(len(folded)):
                if rule.pattern.match(folded, position) is not None:
                    assert folded[position] in chars, (rule.name, folded[position : position + 30])


def test_gold_timexes_start_where_their_rule_accepts(seeds_dir: Path, shared_dir: Path) -> None:
    """For each seed gold timex the tagger finds, the rule behind it matched at a position
    whose character its set accepts."""
    gold_path = shared_dir / "gold" / "seeds.json"
    if not gold_path.is_file():
        pytest.skip(f"gold file {gold_path} is missing")
    documents = json.loads(gold_path.read_text(encoding="utf-8"))["documents"]
    table = rules()
    checked = 0
    for document in documents:
        text = (seeds_dir / document["doc"]).read_text(encoding="utf-8")
        view = TextView(text)
        surfaces = {gold["text"] for gold in document["timexes"]}
        for candidate in find_candidates(view):
            if view.source_span(candidate.start, candidate.end).slice(text) not in surfaces:
                continue
            rule = table[candidate.order]
            chars = first_chars(rule.pattern)
            assert chars is not None
            starts = [
                position
                for position in range(max(0, candidate.start - 60), candidate.start + 1)
                if rule.pattern.match(view.folded, position)
            ]
            assert starts, rule.name
            assert any(view.folded[position] in chars for position in starts), rule.name
            checked += 1
    assert checked >= 20


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (r"ab|cd", {"a", "c"}),
        (r"(?<![\w])(?:[وف]?[بلك]?)يوم", {"و", "ف", "ب", "ل", "ك", "ي"}),
        (r"(?:x)?(?P<t>y|z)", {"x", "y", "z"}),
        (r"(?=a)a|b{2,}", {"a", "b"}),
    ],
)
def test_bounded_patterns(pattern: str, expected: set[str]) -> None:
    assert first_chars(re.compile(pattern)) == frozenset(expected)


def test_a_digit_class_admits_every_decimal_digit() -> None:
    chars = first_chars(re.compile(r"\d{4}"))
    assert chars is not None
    assert {"0", "9", "٣", "۷"} <= chars  # ASCII, Arabic-Indic, Persian
    assert "a" not in chars


@pytest.mark.parametrize(
    "pattern",
    [
        r"\w+",  # any word character
        r".x",  # any character
        r"[^a]b",  # a negated class
        r"(?i)abc",  # case-insensitive: the parse does not list the other cases
        r"a?",  # may match the empty string: starts anywhere
        r"(?:a|)b?",  # empty alternative, then optional
        r"[\u0000-\uffff]",  # a range too wide to spell out
        r"(a)?(?(1)b|\w)",  # a conditional whose "no" branch is unbounded
    ],
)
def test_unbounded_patterns_mean_no_filtering(pattern: str) -> None:
    assert first_chars(re.compile(pattern)) is None
