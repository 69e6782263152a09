"""Where to look: the words that any temporal expression must contain.

Running ~40 rule regexes over a whole article is slow, so one pass over the words finds
the triggers (month and weekday names, unit words, digits …) and each rule is tried
(anchored ``match``) only at the trigger words of its kinds and a few words before them.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from itertools import accumulate, compress

from marsad.temporal.lexicon import Lexicon, lexicon

_WORD = re.compile(r"\w+")
_CLITICS = ("", "و", "ف", "ب", "ل", "ك", "وب", "ول", "وك", "فب", "فل")
_ARTICLE_CLITICS = ("ال", "وال", "بال", "فال", "كال", "لل", "ولل", "فلل")
_SPLIT = re.compile(r"(\W+)")
# A digit not preceded by a word character. Written as "(?<!\w)\d" the regex engine tries
# the look-behind at every position; starting with \d lets it skip to the digits.
_DIGIT_START = re.compile(r"\d(?<!\w\d)")


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
class Triggers:
    """Word starts of a folded text and, by kind, the indices of trigger words."""

    starts: list[int]
    by_kind: dict[str, list[int]]

    def start_positions(self, kinds: frozenset[str], back: int) -> list[int]:
        """Where a match may start: a trigger word or up to ``back`` words before it."""
        hits = [i for kind in kinds for i in self.by_kind.get(kind, ())]
        if not hits:
            return []
        indices = {j for i in hits for j in range(max(0, i - back), i + 1)}
        starts = self.starts
        return [starts[i] for i in sorted(indices)]


def find_triggers(folded: str) -> Triggers:
    """Trigger words by kind (month, weekday, unit, year4, numsep, clock …)."""
    get = trigger_table().get
    # split keeps separators: words are the even items (possibly "" at either end)
    parts = _SPLIT.split(folded)
    tokens = parts[0::2]
    looked = list(map(get, tokens))  # C-speed lookups; most words are no trigger
    word_hits = list(compress(range(len(tokens)), looked))
    digit_starts = [m.start() for m in _DIGIT_START.finditer(folded)]
    by_kind: dict[str, list[int]] = {}
    if not word_hits and not digit_starts:
        return Triggers([], by_kind)
    starts = list(accumulate(map(len, parts), initial=0))[0::2]
    hits: list[tuple[int, Iterable[str] | None]] = [(i, looked[i]) for i in word_hits]
    for position in digit_starts:
        index = bisect_left(starts, position)
        token = tokens[index]
        hits.append((index, _digit_kinds(token, folded, position + len(token))))
    hits.sort(key=lambda hit: hit[0])
    for index, kinds in hits:
        for kind in kinds or ():
            by_kind.setdefault(kind, []).append(index)
    return Triggers(starts, by_kind)
