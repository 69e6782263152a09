"""Search snippets and query phrases (marsad.web.search) on the seed reports."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.arabic.view import TextView
from marsad.model import Article
from marsad.web.search import (
    SNIPPET_CHARS,
    distinct_phrases,
    highlight_forms,
    query_words,
    snippet,
    word_forms,
)


@pytest.fixture(scope="module")
def seed_texts(seeds_dir: Path) -> list[str]:
    return [path.read_text(encoding="utf-8") for path in sorted(seeds_dir.glob("*.txt"))]


def _all_matches(text: str, forms: frozenset[str]) -> list[tuple[int, int]]:
    """Every match of the whole text's view: what a snippet must agree with."""
    view = TextView(text)
    return [
        (span.start, span.end)
        for word, start, end in zip(view.words, view.starts, view.ends, strict=True)
        if word in forms
        for span in (view.source_span(start, end),)
    ]


def _check(text: str, forms: frozenset[str], chars: int = SNIPPET_CHARS) -> None:
    found = snippet(Article(doc="t", source="test", text=text), forms, chars)
    assert text[found.start : found.start + len(found.text)] == found.text
    matches = _all_matches(text, forms)
    if not matches:
        assert found.start == 0 and not found.highlights
        return
    window = (found.start, found.start + len(found.text))
    assert window[0] <= matches[0][0] and matches[0][1] <= window[1]
    inside = [(s - window[0], e - window[0]) for s, e in matches if s >= window[0]]
    assert found.highlights == [(s, e) for s, e in inside if e <= len(found.text)]


def test_a_snippet_far_into_a_long_report_holds_its_matches(seed_texts: list[str]) -> None:
    text = "\n\n".join(seed_texts)
    assert len(text) > 10_000  # several stretches are read before the match
    for word in ("داعش", "الأمريكية", "التحالف", "بغداد", "اللجنة"):
        forms = highlight_forms(query_words(word))
        _check(text, forms)
        _check(text, forms, chars=30)
    last = TextView(text).words[-1]
    _check(text, highlight_forms([last]))


def test_a_text_without_the_word_opens_the_snippet(seed_texts: list[str]) -> None:
    found = snippet(
        Article(doc="t", source="test", text=seed_texts[0]), highlight_forms(query_words("زلزال"))
    )
    assert found.start == 0 and not found.highlights
    assert seed_texts[0].startswith(found.text)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(["قال", "الوزير", "بغداد", "،", "\n", "  ", "ـ", "ّ", "x"]), max_size=60
    ),
    st.integers(min_value=8, max_value=40),  # a window wider than a word,
)
def test_snippets_agree_with_the_whole_text(parts: list[str], chars: int) -> None:
    _check(" ".join(parts), highlight_forms(query_words("بغداد الوزير")), chars)


def test_repeated_and_covered_phrases_are_asked_once() -> None:
    kingdom, for_kingdom = query_words("المملكة للمملكة")
    republic = query_words("الجمهورية الإسلامية")
    for_republic = query_words("للجمهورية الإسلامية")
    given_phrases = [[kingdom], [for_kingdom], [kingdom], republic, for_republic]
    kept = distinct_phrases(given_phrases)
    assert kept == [[kingdom], republic]
    # nothing the given phrases find is lost
    for phrase in given_phrases:
        assert any(phrase[1:] == k[1:] and phrase[0] in word_forms(k[0]) for k in kept)
