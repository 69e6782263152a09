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
from collections import defaultdict
from dataclasses import dataclass
from functools import cache

from marsad.temporal.lexicon import Lexicon, alternation, lexicon

_WORD = re.compile(r"\w+")
_CLITICS = ("", "و", "ف", "ب", "ل", "ك", "وب", "ول", "وك", "فب", "فل")
_ARTICLE_CLITICS = ("ال", "وال", "بال", "فال", "كال", "لل", "ولل", "فلل")
# The commonest non-word characters of news text. Replaced by spaces (same length, same
# words), they leave most texts made of words and spaces only, where a word start is
# just a space followed by a word character: a literal the regex engine finds fast.
_COMMON_SEPARATORS = "\n،.»«():\"-؟؛*!/–”,\t\xa0“'"


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


def _digit_kinds(digits: int, folded: str, end: int) -> tuple[str, ...]:
    """Kinds of a number with ``digits`` leading digits whose word ends at ``end``."""
    kinds: tuple[str, ...] = ("year4",) if digits == 4 else ()
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
    # group 1: a trigger word; group 2: a word that starts with a digit
    trigger = rf"(?:({alternation(words)})(?!\w)|(\d\w*))"
    return _Finders(re.compile(" " + trigger), re.compile(r"(?<!\w)" + trigger))


@cache
def _previous_words(count: int) -> re.Pattern[str]:
    """On reversed text, from just before a word: up to ``count`` earlier words."""
    pattern = ""
    for _ in range(count):
        pattern = rf"(?:\W+(\w+){pattern})?"
    return re.compile(pattern)


def start_depths(reversed_text: str, hits: list[int], count: int) -> dict[int, int]:
    """Where a match may start near the hits: each hit (depth 0) and the starts of the
    ``count`` words before it (depth 1 = the word just before), with the smallest depth
    a position has; when a hit has fewer words before it, 0 too (the first word, or the
    start of a text opening with punctuation: a match may start there). Read backwards
    on the reversed text (``folded[::-1]``): the regex engine only reads forwards."""
    size = len(reversed_text)
    match = _previous_words(count).match
    depths = dict.fromkeys(hits, 0)
    depth_of = depths.get
    for hit in hits:
        found = match(reversed_text, size - hit)
        assert found is not None  # every part is optional
        depth = 0
        for _, end in found.regs[1:]:
            if end < 0:  # no earlier word: the groups nest, so none further either
                break
            depth += 1
            position = size - end
            if depth_of(position, count + 1) > depth:
                depths[position] = depth
        else:  # all ``count`` words found
            continue
        if depth_of(0, count + 1) > depth + 1:  # fewer: the text's start too
            depths[0] = depth + 1
    return depths


def _only_words_and_spaces(text: str) -> bool:
    # str.isalnum is the regex \w without "_"
    return not text or text.replace(" ", "a").isalnum()


def find_triggers(folded: str) -> defaultdict[str, list[int]]:
    """Trigger positions by kind (month, weekday, unit, year4, numsep, clock …), each
    list ascending."""
    spaced = folded
    for separator in _COMMON_SEPARATORS:
        spaced = spaced.replace(separator, " ")
    finders = _finders()
    if _only_words_and_spaces(spaced):
        # the leading space makes the text's first word start after a space too; a
        # match's start there is the word's start in ``folded``
        matches = finders.after_space.finditer(" " + spaced)
        shift = 1  # match ends in the padded text are one past those in ``folded``
    else:
        matches = finders.at_word_start.finditer(folded)
        shift = 0
    table = trigger_table()
    by_kind: defaultdict[str, list[int]] = defaultdict(list)
    for match in matches:
        word = match.group(1)
        position = match.start()
        if word is not None:
            for kind in table[word]:
                by_kind[kind].append(position)
            continue
        number = match.group(2)
        digits = len(number) - len(number.lstrip("0123456789"))
        for kind in _digit_kinds(digits, folded, match.end() - shift):
            by_kind[kind].append(position)
    return by_kind
