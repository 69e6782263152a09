"""The text view: folded text, both offset maps, tokens, char_span modes, sentences."""

from __future__ import annotations

import json
from itertools import islice
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.arabic.normalize import normalize
from marsad.arabic.view import TextView

_ALPHABET = list("قال الوزيرُ الأمريكيّ «إن» ٢٠١٥ _،.\n\u200fـًAbc ж")


def test_folded_text_and_tokens() -> None:
    view = TextView("قال الوزيرُ الأمريكيّ إن")
    assert view.folded == "قال الوزير الامريكي ان"
    assert view.words == ["قال", "الوزير", "الامريكي", "ان"]
    assert [view.token_start(i) for i in range(4)] == [0, 4, 12, 22]
    assert view.token_span(2, 3).slice(view.text) == "الأمريكيّ"  # the shadda is its letter's


def test_underscore_separates_words() -> None:
    assert TextView("#داعش_باقية").words == ["داعش", "باقيه"]


def test_char_span_modes() -> None:
    view = TextView("قال الوزير الأمريكي إن")
    assert view.char_span(4, 10) == (1, 2)
    assert view.char_span(4, 10, "strict") == (1, 2)
    assert view.char_span(5, 10, "strict") is None
    assert view.char_span(5, 10, "expand") == (1, 2)
    assert view.char_span(5, 10, "contract") is None
    assert view.char_span(3, 20, "contract") == (1, 3)
    assert view.char_span(10, 11) is None  # only a space


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_ALPHABET), max_size=40).map("".join))
def test_offsets_round_trip(text: str) -> None:
    view = TextView(text)
    assert view.folded == normalize(text)
    for folded in range(len(view.folded)):
        source = view.source_index(folded)
        assert view.folded_index(source) == folded
        assert normalize(text[source]) == view.folded[folded]
    for start, end in zip(view.starts, view.ends, strict=True):
        span = view.source_span(start, end)
        assert normalize(span.slice(text)) == view.folded[start:end]
    for start in range(len(text) + 1):
        for end in range(start, len(text) + 1):
            assert view.fold_range(start, end) == normalize(text[start:end])


def test_saudi_articles_tokens_slice_back(saudi_jsonl: Path) -> None:
    with saudi_jsonl.open(encoding="utf-8") as lines:
        texts = [json.loads(line)["content"] for line in islice(lines, 300)]
    for text in texts:
        view = TextView(text)
        for index, word in enumerate(view.words):
            assert normalize(view.token_span(index, index + 1).slice(text)) == word


@given(st.text(alphabet="بتث جحخ.،\n 12", max_size=60), st.integers(0, 60))
def test_model_tokens_of_any_range_pair_each_word_with_its_offsets(text: str, cut: int) -> None:
    from marsad.arabic.charsets import charset

    view = TextView(text)
    cut = min(cut, len(text))
    for start, end in ((0, cut), (cut, len(text))):
        found = view.model_tokens(start, end, charset("sentence-end"))
        assert len(found.starts) == len(found.words) == len(found.ends)
        assert [view.folded[a:b] for a, b in zip(found.starts, found.ends, strict=True)] == (
            found.words
        )


def test_the_model_tags_a_later_sentence_at_its_own_offsets() -> None:
    from marsad.ner.model import tag_ranges

    text = "مقدمة طويلة. وقال الرئيس الأمريكي باراك أوباما إن المحادثات مستمرة."
    view = TextView(text)
    spans = {text[start:end] for start, end, _ in tag_ranges(view, [(0, 13), (13, len(text))])}
    assert "باراك أوباما" in spans


def test_a_token_as_written_keeps_what_folding_drops() -> None:
    view = TextView("وقال عليّ إن")
    assert view.written(1) == "عليّ"
    assert view.written(0) == "وقال"


def test_written_letters_keep_what_folding_merges_and_drop_the_marks() -> None:
    view = TextView("قال عيدةٌ وعلى")
    assert view.words[1] == "عيده"  # folded: ة as ه
    assert view.written_letters(1) == "عيدة"  # as written, the tanwin dropped
    assert view.written_letters(2) == "وعلى"
