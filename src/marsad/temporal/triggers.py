"""Where to look: the words that any temporal expression must contain.

Running ~40 rule regexes over a whole article is slow, so one regex pass finds the
trigger words (month and weekday names, unit words, digits …) and each rule is tried
(anchored ``match``) only at the trigger words of its kinds and a few words before them.
Splitting the text into words is itself slow in Python (an object per word), so the
pass runs all trigger words, as one trie-shaped alternation, in the regex engine, and
the few words before a trigger are read only where needed, backwards from it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from itertools import chain
from operator import itemgetter

from marsad.temporal.lexicon import Lexicon, alternation, lexicon

_WORD = re.compile(r"\w+")
_CLITICS = ("", "و", "ف", "ب", "ل", "ك", "وب", "ول", "وك", "فب", "فل")
_ARTICLE_CLITICS = ("ال", "وال", "بال", "فال", "كال", "لل", "ولل", "فلل")
# The commonest non-word characters of news text. Replaced by spaces (same length, same
# words), they leave most texts made of words and spaces only, where a word start is
# just a space followed by a word character: a literal the regex engine finds fast.
_COMMON_SEPARATORS = "\n،.»«():\"-؟؛*!/–”,\t\xa0“'"
# How many words before a trigger are looked up at once (the rules look up to 6 back).
_LOOKBACK = 6


def _distinctive(surface: str, stop: frozenset[str]) -> set[str]:
    """The words of a surface worth triggering on: not function words (من، بعد، في)."""
    words = {w for w in surface.split() if w not in stop and len(w) > 1}
    return words or {surface.split()[-1]}


@cache
def trigger_table() -> dict[str, frozenset[str]]:
    lex: Lexicon = lexicon()
    stop = frozenset(w for role in lex.words.values() for w in role) | {"اول", "ال"}
    months = [*lex.gregorian_months, *lex.hijri_months]
    kinds: dict[str, set[str]] = {
        # a month name's first word: كانون الثاني، ربيع الأول (not the common الثاني)
        "month": {m.split()[0] for m in months},
        "weekday": set(lex.weekdays),
        "deictic": {w for s in lex.deictic for w in _distinctive(s, stop)},
        "unit": set(lex.units),
        "vague": {w for _, _, span, _ in lex.vague for w in _distinctive(span, stop)},
        "hour": set(lex.words["hour_word"]),
        "season": {w for s in lex.seasons for w in s.split()},
        "decade": set(lex.decades),
        # day ordinals: الأول، الحادي (عشر)، الثالث (والعشرين)، العشرين، الثلاثين
        "dayord": {"ال" + w.split()[0] for w in lex.ordinals}
        | {"ال" + s for s, v in lex.numbers.items() if v in (20, 30)},
    }
    table: dict[str, set[str]] = {}
    for kind, words in kinds.items():
        # only unit words take the article (العام، الأيام); الذي is not ذي + ال
        prefixes = _CLITICS + _ARTICLE_CLITICS if kind == "unit" else _CLITICS
        for word in words:
            for prefix in prefixes:
                table.setdefault(prefix + word, set()).add(kind)
    return {word: frozenset(k) for word, k in table.items()}


def _digit_kinds(token: str, folded: str, end: int) -> tuple[str, ...]:
    digits = len(token) - len(token.lstrip("0123456789"))
    kinds: tuple[str, ...] = ("num", "year4") if digits == 4 else ("num",)
    nxt = folded[end : end + 4].replace(" ", "")
    if len(nxt) >= 2 and nxt[1].isdigit():
        if nxt[0] in "/.-":
            kinds = (*kinds, "numsep")
            if digits == 4 and nxt[1:5].isdigit():
                kinds = (*kinds, "yearsep")  # 1436/1437، 2014-2015
        elif nxt[0] == ":":
            kinds = (*kinds, "clock")
    return kinds


@dataclass(frozen=True, slots=True)
class _Finders:
    after_space: re.Pattern[str]  # a trigger word or a digit just after a space
    at_word_start: re.Pattern[str]  # the same after any non-word character


@cache
def _finders() -> _Finders:
    assert _WORD.search(_COMMON_SEPARATORS) is None  # spaces in their place keep the words
    words = [word for word in trigger_table() if _WORD.fullmatch(word)]
    # a trigger word starting with a digit would hide that digit's own trigger
    assert not any(word[0].isdecimal() for word in words)
    trigger = rf"(?:(?P<word>{alternation(words)})(?!\w)|\d)"
    return _Finders(re.compile(" " + trigger), re.compile(r"(?<!\w)" + trigger))


@cache
def _previous_words(count: int) -> re.Pattern[str]:
    """On reversed text, from just before a word: up to ``count`` earlier words."""
    pattern = ""
    for _ in range(count):
        pattern = rf"(?:\W+(\w+){pattern})?"
    return re.compile(pattern)


class Triggers:
    """Trigger positions by kind in a folded text, and where a match may start near them."""

    __slots__ = ("_before", "_folded", "_reversed", "by_kind")

    def __init__(self, folded: str, by_kind: dict[str, list[int]]) -> None:
        self.by_kind = by_kind  # ascending positions, each once per kind
        self._folded = folded
        self._reversed = ""
        self._before: dict[str, list[list[int]]] = {}  # kind: for each hit, words before

    def _words_before(self, hits: list[int], count: int) -> list[list[int]]:
        """For each hit, the starts of the ``count`` words before it, nearest first; when
        there are fewer, then 0 (the first word, or the start of a text opening with
        punctuation: a match may start there too). Read backwards on the reversed text."""
        if not self._reversed:
            self._reversed = self._folded[::-1]
        reversed_text = self._reversed
        size = len(self._folded)
        match = _previous_words(count).match
        out = []
        for hit in hits:
            found = match(reversed_text, size - hit)
            assert found is not None  # every part is optional
            starts = [size - end for _, end in found.regs[1:] if end >= 0]
            if len(starts) < count:
                starts.append(0)
            out.append(starts)
        return out

    def start_positions(self, kinds: frozenset[str], back: int) -> list[int]:
        """Where a match may start: a trigger word or up to ``back`` words before it."""
        if len(kinds) == 1:
            (kind,) = kinds
            hits = self.by_kind.get(kind, [])
        else:
            kind = ""
            hits = sorted({i for kind in kinds for i in self.by_kind.get(kind, ())})
        if not back or not hits:
            return hits
        if kind and back <= _LOOKBACK:
            before = self._before.get(kind)
            if before is None:
                before = self._before[kind] = self._words_before(hits, _LOOKBACK)
        else:
            before = self._words_before(hits, back)
        nearest = chain.from_iterable(map(itemgetter(slice(back)), before))
        return sorted({*hits, *nearest})


def _only_words_and_spaces(text: str) -> bool:
    # str.isalnum is the regex \w without "_"
    return not text or text.replace(" ", "a").isalnum()


def find_triggers(folded: str) -> Triggers:
    """Trigger positions by kind (month, weekday, unit, year4, numsep, clock …)."""
    spaced = folded
    for separator in _COMMON_SEPARATORS:
        spaced = spaced.replace(separator, " ")
    finders = _finders()
    if _only_words_and_spaces(spaced):
        # the leading space makes the text's first word start after a space too; a
        # match's start there is the word's start in ``folded``
        matches = finders.after_space.finditer(" " + spaced)
    else:
        matches = finders.at_word_start.finditer(folded)
    table = trigger_table()
    by_kind: dict[str, list[int]] = {}
    for match in matches:
        position = match.start()
        word = match.group("word")
        if word is not None:
            kinds: Iterable[str] = table[word]
        else:
            end = _WORD.match(folded, position).end()  # type: ignore[union-attr]
            kinds = _digit_kinds(folded[position:end], folded, end)
        for kind in kinds:
            by_kind.setdefault(kind, []).append(position)
    return Triggers(folded, by_kind)
