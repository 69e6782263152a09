"""One Arabic text view per article: folded text, offsets both ways, tokens, sentences.

Every layer reads this view; none folds, tokenises or maps offsets on its own (spaCy's
``Doc.char_span``, CAMeL Tools' one ``CharMapper``). The view is built once per article
(``Article.view``) from the text as read:

- ``folded``: the matching form of the whole text (``normalize``: hamza and alef forms,
  ى/ي, ة/ه, digits, diacritics dropped, lower case), with ``encoded``, the same in
  cp1256 bytes when every character has one (the temporal tagger's trigger scan);
- offsets both ways: only dropped characters shift folded positions, so ``source_index``
  and ``folded_index`` are one bisect over their positions; a folded range maps back to
  ``source_span``, which takes in the marks written on its last letter ("الأمريكيّ");
- word tokens: runs of letters and digits of the folded text (``words``, ``starts``,
  ``ends`` in folded offsets; ``token_start``/``token_end`` in source offsets), each with
  its clitic readings (``readings``) and word class; and words as written (what
  whitespace delimits), for distances in words and for snippets;
- ``char_span(start, end, mode)``: the tokens of a source range, as spaCy's modes.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from functools import cached_property, lru_cache
from itertools import accumulate
from typing import Literal, NamedTuple, overload

from marsad.arabic._bytefold import fold_text
from marsad.arabic.clitics import readings
from marsad.arabic.normalize import DROPPED, is_mark
from marsad.arabic.wordclass import WordClass, classify
from marsad.model import Span

# A word token: letters and digits (no underscore: "#وسم_آخر" is two words).
_WORD_SPLIT = re.compile(r"([^\W_]+)")
# A word as written: what whitespace delimits, clitics and punctuation attached
# ("لـ«الشرق", "أيار/مايو2011"); distances "in words" count these.
_WRITTEN = re.compile(r"\S+")
_LOCAL_COUNT = 200  # folded characters: shorter ranges are counted without the word index
# Line breaks as ``str.splitlines`` knows them.
_LINE_BREAK = re.compile("\r\n|[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]")
# What the NER model reads: word tokens, and every other non-space character alone.
_MODEL_TOKEN = re.compile(r"[^\W_]+|[^\s]")
_MODEL_SPLIT = re.compile(r"([^\W_]+|[^\s])")

Alignment = Literal["strict", "contract", "expand"]


class Token(NamedTuple):
    """A word of the folded text: its folded form and its folded-text range."""

    text: str
    start: int
    end: int


@lru_cache(maxsize=8)
def _breaks(enders: frozenset[str]) -> re.Pattern[str]:
    """A line break, or one of the ``enders`` characters (each a token of its own)."""
    return re.compile("|".join(["\n", *sorted(map(re.escape, enders))]))


class ModelTokens(NamedTuple):
    """The NER model's tokens of a range, folded, with folded offsets, and the index of
    the first token of each sentence (``sentence_starts[0] == 0`` when any token)."""

    words: list[str]
    starts: list[int]
    ends: list[int]
    sentence_starts: list[int]


class TokenView(Sequence[Token]):
    """The tokens of a view, made on access from parallel lists (cheaper to build)."""

    __slots__ = ("_ends", "_starts", "_words")

    def __init__(self, words: list[str], starts: list[int], ends: list[int]) -> None:
        self._words, self._starts, self._ends = words, starts, ends

    def __len__(self) -> int:
        return len(self._words)

    @overload
    def __getitem__(self, index: int) -> Token: ...

    @overload
    def __getitem__(self, index: slice) -> list[Token]: ...

    def __getitem__(self, index: int | slice) -> Token | list[Token]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self._words)))]
        return Token(self._words[index], self._starts[index], self._ends[index])


class TextView:
    """The folded text of one article, its word tokens and both offset maps."""

    __slots__ = (
        "__dict__",  # cached_property values
        "encoded",
        "ends",
        "folded",
        "shifts",
        "starts",
        "text",
        "words",
    )

    def __init__(self, text: str) -> None:
        folded = fold_text(text)
        self.text = text
        self.folded: str = folded.text
        self.encoded: bytes | None = folded.encoded
        self.shifts: tuple[int, ...] = folded.shifts  # dropped char j sits at shifts[j] + j
        parts = _WORD_SPLIT.split(self.folded)  # separator, word, separator, ..., separator
        bounds = list(accumulate(map(len, parts), initial=0))
        self.words: list[str] = parts[1::2]
        self.starts: list[int] = bounds[1::2]
        self.ends: list[int] = bounds[2::2]
        del self.starts[len(self.words) :], self.ends[len(self.words) :]

    # -- offsets -------------------------------------------------------------------------

    @cached_property
    def _dropped(self) -> tuple[int, ...]:
        """Source positions of the dropped characters, ascending."""
        return tuple(shift + j for j, shift in enumerate(self.shifts))

    def source_index(self, folded: int) -> int:
        """The source index of folded character ``folded`` (``len(folded)`` maps to the
        end of the text)."""
        if folded >= len(self.folded):
            return len(self.text)
        return folded + bisect_right(self.shifts, folded)

    def folded_index(self, source: int) -> int:
        """The folded index of source character ``source``, or of the first character
        folding keeps after it when it is dropped."""
        return source - bisect_left(self._dropped, source)

    def source_span(self, start: int, end: int) -> Span:
        """The exact source range of folded ``[start, end)``; the marks written on the
        last letter belong to it ("الأمريكيّ", "صباحاً")."""
        if end <= start:
            position = self.source_index(start)
            return Span(position, position)
        first = start + bisect_right(self.shifts, start)
        last = end - 1 + bisect_right(self.shifts, end - 1) + 1
        text = self.text
        while last < len(text) and is_mark(text[last]):
            last += 1
        return Span(first, last)

    def fold_range(self, start: int, end: int) -> str:
        """The folded form of source ``text[start:end]`` (equal to ``normalize`` of it)."""
        return self.folded[self.folded_index(start) : self.folded_index(end)]

    def folded_range(self, span: Span) -> tuple[int, int]:
        """The folded ``[start, end)`` of a source span."""
        return self.folded_index(span.start), self.folded_index(span.end)

    # -- tokens --------------------------------------------------------------------------

    @cached_property
    def tokens(self) -> TokenView:
        return TokenView(self.words, self.starts, self.ends)

    @cached_property
    def source_starts(self) -> list[int]:
        """Source offset of each token's first character."""
        return [self.source_index(start) for start in self.starts]

    def token_start(self, index: int) -> int:
        """Source offset where token ``index`` begins."""
        return self.source_starts[index]

    def token_end(self, index: int) -> int:
        """Source offset where token ``index`` ends (its last letter's marks included)."""
        return self.source_span(self.starts[index], self.ends[index]).end

    def token_span(self, first: int, end: int) -> Span:
        """The source span of tokens ``[first, end)``."""
        return self.source_span(self.starts[first], self.ends[end - 1])

    def written(self, index: int) -> str:
        """Token ``index`` as the text writes it: "علي" (Ali), where the folded word is على."""
        return self.token_span(index, index + 1).slice(self.text)

    def written_letters(self, index: int) -> str:
        """Token ``index`` as written, without the marks folding drops: its letters, which
        tell ة from ه and ي from ى where the folded word cannot ("عيدةٌ" -> "عيدة")."""
        return DROPPED.sub("", self.written(index))

    def token_at(self, folded: int) -> int:
        """Index of the first token that starts at or after folded position ``folded``."""
        return bisect_left(self.starts, folded)

    def token_containing(self, folded: int) -> int:
        """Index of the token holding folded position ``folded``, or of the last token
        before it (-1 when none)."""
        return bisect_right(self.starts, folded) - 1

    @cached_property
    def word_classes(self) -> list[WordClass]:
        """The word class of every token (``marsad.arabic.wordclass``), in token order."""
        return list(map(classify, self.words))

    def word_class(self, index: int) -> WordClass:
        return self.word_classes[index]

    def gap(self, left: int, right: int) -> str:
        """The folded text between token ``left`` and token ``right``."""
        return self.folded[self.ends[left] : self.starts[right]]

    def readings(self, index: int) -> tuple[tuple[int, str], ...]:
        """``(prefix length, word)`` clitic readings of token ``index``, whole first."""
        return readings(self.words[index])

    def char_span(self, start: int, end: int, mode: Alignment = "expand") -> tuple[int, int] | None:
        """Token range ``[first, stop)`` of the source range ``[start, end)``.

        ``strict``: the range must begin and end on token boundaries (else None);
        ``contract``: the tokens lying wholly inside; ``expand``: every token it touches.
        None when no token qualifies.
        """
        folded_start, folded_end = self.folded_index(start), self.folded_index(end)
        if mode == "contract":
            first = bisect_left(self.starts, folded_start)
            stop = bisect_right(self.ends, folded_end)
        else:
            first = bisect_right(self.ends, folded_start)
            stop = bisect_left(self.starts, folded_end)
            if mode == "strict" and (
                first >= stop
                or self.starts[first] != folded_start
                or self.ends[stop - 1] != folded_end
            ):
                return None
        return (first, stop) if first < stop else None

    # -- words as written ----------------------------------------------------------------

    @cached_property
    def _written(self) -> tuple[list[int], list[int]]:
        """Folded starts and ends of the words as written (whitespace-delimited)."""
        starts: list[int] = []
        ends: list[int] = []
        for match in _WRITTEN.finditer(self.folded):
            starts.append(match.start())
            ends.append(match.end())
        return starts, ends

    def written_words(self, start: int, end: int) -> list[Span]:
        """The source spans of the words as written in ``text[start:end]``, cut at its
        ends (a clause ending in "العراقية،" has the word "العراقية")."""
        folded_start, folded_end = self.folded_index(start), self.folded_index(end)
        found = _WRITTEN.finditer(self.folded, folded_start, folded_end)
        return [self.source_span(*match.span()) for match in found]

    def count_written(self, start: int, end: int) -> int:
        """How many words as written lie wholly inside the source range ``[start, end)``."""
        folded_start, folded_end = self.folded_index(start), self.folded_index(end)
        if folded_end - folded_start <= _LOCAL_COUNT:  # a short gap: read it, no index
            folded = self.folded
            count = 0
            for match in _WRITTEN.finditer(folded, folded_start, folded_end):
                first, last = match.span()
                whole_start = first > folded_start or first == 0 or folded[first - 1].isspace()
                whole_end = last < folded_end or last == len(folded) or folded[last].isspace()
                count += whole_start and whole_end
            return count
        starts, ends = self._written
        return max(0, bisect_right(ends, folded_end) - bisect_left(starts, folded_start))

    # -- the NER model's tokens ------------------------------------------------------------

    def model_sentences(self, start: int, end: int, enders: frozenset[str]) -> list[list[Span]]:
        """Source spans of the NER model's tokens in ``[start, end)`` (word tokens, and each
        other non-space character alone), grouped into sentences: a sentence ends after a
        token in ``enders`` or at a line break."""
        folded_start, folded_end = self.folded_index(start), self.folded_index(end)
        folded = self.folded
        out: list[list[Span]] = []
        current: list[Span] = []
        previous = folded_start
        for match in _MODEL_TOKEN.finditer(folded, folded_start, folded_end):
            if current and "\n" in folded[previous : match.start()]:
                out.append(current)
                current = []
            current.append(self.source_span(match.start(), match.end()))
            previous = match.end()
            if match.group() in enders:
                out.append(current)
                current = []
        if current:
            out.append(current)
        return out

    def model_tokens(self, start: int, end: int, enders: frozenset[str]) -> ModelTokens:
        """``model_sentences`` as folded strings and folded offsets, flat: the same tokens
        and sentence breaks, made by one regex split (no per-token span objects; map the
        few tokens that matter back with ``source_span``). Breaks are found by searching
        the text for line breaks and enders, not by looking at every token."""
        folded_start, folded_end = self.folded_index(start), self.folded_index(end)
        parts = _MODEL_SPLIT.split(self.folded[folded_start:folded_end])
        words = parts[1::2]
        bounds = list(accumulate(map(len, parts), initial=folded_start))
        starts = bounds[1 : 2 * len(words) : 2]  # bounds ends past the last separator too
        breaks: set[int] = set()
        for match in _breaks(enders).finditer(self.folded, folded_start, folded_end):
            at = bisect_left(starts, match.start())
            # a line break starts the next token's sentence; an ender ends its own
            breaks.add(at if match.group() == "\n" else at + 1)
        firsts = [0] if words else []
        firsts += sorted(k for k in breaks if 0 < k < len(words))
        return ModelTokens(words, starts, bounds[2::2], firsts)

    def lines(self, span: Span) -> list[Span]:
        """The source spans of the lines of ``span`` (``str.splitlines`` breaks)."""
        out: list[Span] = []
        start = span.start
        for match in _LINE_BREAK.finditer(self.text, span.start, span.end):
            out.append(Span(start, match.start()))
            start = match.end()
        if start < span.end:
            out.append(Span(start, span.end))
        return out

    def words_in(self, span: Span) -> list[str]:
        """The folded words of the tokens wholly inside a source span."""
        found = self.char_span(span.start, span.end, "contract")
        return [] if found is None else self.words[found[0] : found[1]]
