"""Keep the evaluation text out of training: NewsFANE re-annotates most of ANERcorp.

A training sentence is dropped when it shares a run of ``RUN`` characters with the test
file, both compared normalised (hamza/alef forms, alef maqsura, ta marbuta unified,
diacritics and U+200E removed) and with all whitespace removed, so different clitic
splitting and spelling do not hide an overlap.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from marsad.arabic.normalize import normalize

RUN = 30


def compact(text: str) -> str:
    """The comparison form: normalised, no whitespace."""
    return "".join(normalize(text).split())


def test_runs(test_sentences: Iterable[Sequence[str]], run: int = RUN) -> set[str]:
    """Every ``run``-character window of the test text (sentences joined, as one stream)."""
    stream = compact("".join("".join(tokens) for tokens in test_sentences))
    return {stream[i : i + run] for i in range(len(stream) - run + 1)}


def shares_run(tokens: Sequence[str], runs: set[str], run: int = RUN) -> bool:
    text = compact("".join(tokens))
    return any(text[i : i + run] in runs for i in range(len(text) - run + 1))


def split_leaked(
    sentences: Sequence[Sequence[str]], test_sentences: Iterable[Sequence[str]], run: int = RUN
) -> tuple[list[int], list[int]]:
    """Indices of the sentences to keep and of those dropped for overlapping the test."""
    runs = test_runs(test_sentences, run)
    kept: list[int] = []
    dropped: list[int] = []
    for index, tokens in enumerate(sentences):
        (dropped if shares_run(tokens, runs, run) else kept).append(index)
    return kept, dropped
