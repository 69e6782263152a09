"""Where to look: the words that any temporal expression must contain.

Running ~40 rule regexes over a whole article is slow, so one regex pass finds the
trigger words (month and weekday names, unit words, digits …) and each rule is tried
(anchored ``match``) only at the trigger words of its kinds and a few words before them.
Splitting the text into words is itself slow in Python (an object per word), so the
pass runs all trigger words, as one trie-shaped alternation, in the regex engine, and
the few words before a trigger are read only where needed, backwards from it.

The pass reads the text as bytes, one per character (Windows Arabic, cp1256, with a
stand-in for any other character): one ``bytes.translate`` then turns every non-word
character into a space, so a word start is always a space followed by a word byte, a
literal the regex engine finds fast, and offsets stay those of the folded text.
"""

from __future__ import annotations

import codecs
import re
from bisect import bisect_left
from collections import defaultdict
from dataclasses import dataclass
from functools import cache

from marsad.arabic.clitics import definite_article
from marsad.resources import load_lines, load_tsv
from marsad.temporal.lexicon import Lexicon, alternation, fold, lexicon

_WORD = re.compile(r"\w+")
_CLITICS = "temporal_clitics.tsv"
_LETTERS = "word_initial_letters.txt"
_CODEC = "cp1256"  # one byte for every Arabic letter, ASCII and common punctuation
_ERRORS = "marsad-one-byte"


def _is_word(char: str) -> bool:
    """What the regex ``\\w`` matches in str patterns."""
    return char.isalnum() or char == "_"


def _one_byte(error: UnicodeError) -> tuple[str, int]:
    """A one-byte stand-in for each character cp1256 lacks: a digit stays a digit, a
    word character a letter, anything else a space, so words keep their bounds."""
    assert isinstance(error, UnicodeEncodeError)
    chars = error.object[error.start : error.end]
    stand_ins = ("0" if c.isdecimal() else "a" if _is_word(c) else " " for c in chars)
    return "".join(stand_ins), error.end


codecs.register_error(_ERRORS, _one_byte)


def _distinctive(surface: str, stop: frozenset[str]) -> set[str]:
    """The words of a surface worth triggering on: not function words (من، بعد، في)."""
    words = {w for w in surface.split() if w not in stop and len(w) > 1}
    return words or {surface.split()[-1]}


@cache
def _proclitics(use: str) -> tuple[str, ...]:
    """What a trigger word may carry before it, folded: "" (nothing) first, then the
    forms of ``use`` in temporal_clitics.tsv ("word": any trigger word, "unit": unit
    words only)."""
    return ("", *(fold(form) for found, form in load_tsv(_CLITICS, 2) if found == use))


@cache
def trigger_table() -> dict[str, frozenset[str]]:
    lex: Lexicon = lexicon()
    stop = frozenset(w for role in lex.words.values() for w in role)
    the = definite_article()
    stop |= lex.blockers["not_trigger"] | {the}
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
        "set": set(lex.sets),
        "ah": set(lex.words["ah_suffix"]),  # سنة 10 هجرية
        "daypart": {the + s for s in lex.day_parts if " " not in s},  # في المساء
        # the century noun every century phrase holds (القرن العشرين، هذا القرن)
        "century": set.intersection(*(set(s.split()) for s in lex.centuries)),
        # day ordinals: الأول، الحادي (عشر)، الثالث (والعشرين)، العشرين، الثلاثين
        "dayord": {the + w.split()[0] for w in lex.ordinals}
        | {the + s for s, v in lex.numbers.items() if v in (20, 30)},
    }
    table: dict[str, set[str]] = {}
    any_word, unit_only = _proclitics("word"), _proclitics("unit")[1:]
    for kind, words in kinds.items():
        # only unit words take the article (العام، الأيام); الذي is not ذي + ال
        prefixes = any_word + unit_only if kind == "unit" else any_word
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
class _Finder:
    pattern: re.Pattern[bytes]  # a space, then a trigger word or a number
    spaces: bytes  # translate table: a non-word byte becomes a space
    kinds: dict[bytes, frozenset[str]]  # trigger kinds by encoded word


@cache
def _finder() -> _Finder:
    # every byte decodes to one character; word bytes are those \w matches
    chars = bytes(range(256)).decode(_CODEC, "replace")
    assert len(chars) == 256
    spaces = bytes(code if _is_word(char) else 32 for code, char in enumerate(chars))
    table = {word: kinds for word, kinds in trigger_table().items() if _WORD.fullmatch(word)}
    # a trigger word starting with a digit would hide that digit's own trigger
    assert not any(word[0].isdecimal() for word in table)
    kinds = {word.encode(_CODEC): found for word, found in table.items()}  # all cp1256
    # One alternative per first letter (and one for numbers), each opening on a literal:
    # the engine skips an alternative whose first letter differs without entering it,
    # and most words enter just one. Folded text has ASCII digits; any other decimal
    # digit stands in as "0".
    rests: dict[str, list[str]] = {}
    for word in table:
        rests.setdefault(word[0], []).append(word[1:])
    # commonest first letters first: fewer literals to skip before the one that fits
    rank = {letter: number for number, letter in enumerate(load_lines(_LETTERS))}
    order = sorted(rests, key=lambda letter: (rank.get(letter, len(rank)), letter))
    words = "|".join(re.escape(first) + alternation(rests[first]) + "(?![^ ])" for first in order)
    pattern = re.compile(b" (?:[0-9][^ ]*|" + words.encode(_CODEC) + b")")
    assert pattern.search(b" ") is None
    return _Finder(pattern, spaces, kinds)


def start_depths(starts: list[int], hits: list[int], count: int) -> dict[int, int]:
    """Where a match may start near the hits: each hit (depth 0) and the starts of the
    ``count`` words before it (depth 1 = the word just before), with the smallest depth
    a position has; when a hit has fewer words before it, 0 too (the first word, or the
    start of a text opening with punctuation: a match may start there). ``starts`` are
    the folded starts of the text view's word tokens; every hit is one of them."""
    depths = dict.fromkeys(hits, 0)
    depth_of = depths.get
    for hit in hits:
        index = bisect_left(starts, hit)
        earlier = starts[max(0, index - count) : index]
        for depth, position in enumerate(reversed(earlier), start=1):
            if depth_of(position, count + 1) > depth:
                depths[position] = depth
        if len(earlier) < count and depth_of(0, count + 1) > len(earlier) + 1:
            depths[0] = len(earlier) + 1  # fewer words: the text's start too
    return depths


def find_triggers(folded: str, encoded: bytes | None = None) -> defaultdict[str, list[int]]:
    """Trigger positions by kind (month, weekday, unit, year4, numsep, clock …), each
    list ascending. ``encoded``: ``folded`` in cp1256 if at hand (see ``folding.py``)."""
    finder = _finder()
    if encoded is None:
        encoded = folded.encode(_CODEC, _ERRORS)
    # the leading space makes the text's first word start after a space too; a match's
    # start there is the word's start in ``folded``, and its end one past
    text = b" " + encoded.translate(finder.spaces)
    table = finder.kinds
    by_kind: defaultdict[str, list[int]] = defaultdict(list)
    for match in finder.pattern.finditer(text):
        # the match's start (the space) is the word's start in ``folded``; its end is one
        # past the word's end there
        position, end = match.start(), match.end() - 1
        kinds = table.get(text[position + 1 : end + 1])
        if kinds is not None:  # a trigger word (none starts with a digit)
            for kind in kinds:
                by_kind[kind].append(position)
            continue
        number = folded[position:end]
        digits = len(number) - len(number.lstrip("0123456789"))
        for kind in _digit_kinds(digits, folded, end):
            by_kind[kind].append(position)
    return by_kind
