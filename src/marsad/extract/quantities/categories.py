"""Casualty and violence counts: killed, injured, arrested, abducted, attackers, weapons.

A figure's category comes from its head ("30 قتيلا", counted_nouns.tsv) or, when the
head names only people ("170 مدنيا", "13 من قوات الشرطة", "تسعة آخرين"), from the clause:
a word right before the figure ("مقتل", "وإصابة", "اعتقال") or right after its head
("قتلوا"), as listed in figure_categories.tsv. "مقتل وإصابة 30" counts casualties.
"""

from __future__ import annotations

from functools import cache

from marsad.arabic.charsets import chars, letter
from marsad.arabic.view import TextView
from marsad.extract.quantities.lexicons import category_words

_LOOK_BACK = 5  # words between the trigger and the figure ("قتل في الهجوم نحو 30")
_LOOK_AHEAD = 2
_ILLNESS_REACH = 4  # "أصيب 10 أشخاص من عائلة بتسمم"
# A head whose category a trigger may replace: "مقتل 115 مسلحا" counts the killed.
_REPLACEABLE = frozenset({None, "attackers"})
_PAIR = frozenset({"killed", "injured"})


@cache
def _boundary() -> frozenset[str]:
    return frozenset(chars("clause") + chars("sentence-end"))


def crosses_clause(view: TextView, left: int, right: int) -> bool:
    """A clause mark or a line break lies between tokens ``left`` and ``right``."""
    gap = view.gap(left, right)
    return "\n" in gap or any(char in _boundary() for char in gap)


def _trigger(view: TextView, at: int, where: str) -> tuple[str, int] | None:
    found = category_words(where).match(view, at)
    return (found.value, found.end) if found is not None else None


def before(view: TextView, first: int, reach: int = _LOOK_BACK) -> str | None:
    """The category a word before token ``first`` gives, in the same clause, at most
    ``reach`` words before it."""
    at = first - 1
    while at >= 0 and first - at <= reach:
        if crosses_clause(view, at, at + 1):
            return None
        found = _trigger(view, at, "before")
        if found is not None and found[1] <= first:
            # "مقتل وإصابة 30" pairs two nouns; "قتلوا وأصيب 4" two clauses
            joined = (
                at >= 1
                and not crosses_clause(view, at - 1, at)
                and view.word_class(at - 1).pos != "verb"
            )
            other = _trigger(view, at - 1, "before") if joined else None
            if other is None and found[1] < first:
                other = _trigger(view, found[1], "before")
            if other is not None and {found[0], other[0]} == _PAIR:
                return "casualties"  # "مقتل وإصابة 30"
            return found[0]
        if view.words[at][-1:].isdigit():
            return None  # another figure's words
        at -= 1
    return None


def after(view: TextView, end: int) -> str | None:
    """The category a verb right after a head gives ("14 جنديا قتلوا")."""
    for at in range(end, min(end + _LOOK_AHEAD, len(view.words))):
        if at > 0 and crosses_clause(view, at - 1, at):
            return None
        found = _trigger(view, at, "after")
        if found is not None:
            return found[0]
    return None


def category(view: TextView, head_category: str | None, first: int, end: int) -> str | None:
    """The figure's category: its head's, unless the head names only people."""
    if head_category not in _REPLACEABLE:
        return head_category
    found = before(view, first) or after(view, end)
    if found == "injured" and _illness_after(view, end):
        return None  # "أصيب 3 أشخاص بحمى الضنك": ill, not wounded
    return found or head_category


def _illness_after(view: TextView, end: int) -> bool:
    """An illness named with ب right after the head, in its clause."""
    for at in range(end, min(end + _ILLNESS_REACH, len(view.words))):
        if at > 0 and crosses_clause(view, at - 1, at):
            return False
        found = category_words("illness").match(view, at)
        if found is not None and view.words[at][:1] == letter("ba"):
            return True
    return False
