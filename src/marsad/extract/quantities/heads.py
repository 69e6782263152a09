"""What a figure counts: the unit or noun phrase after it, read from the word classes.

After a figure comes, in this order of trial: a percent sign or words; a currency or a
measure (``lexicons.units``); an elliptic head ("آخرين", "منهم"); a partitive ("من" and a
noun: "61 من الضحايا", "3042 من تنظيم داعش"); or any noun or adjective as its counted
noun. Arabic grammar marks the counted noun (tamyiz): it follows the figure with no
clitic and no article, in the plural after 3-10 and the accusative singular after 11-99
("230 مدنياً"), a genitive after 100 and more; its adjectives ("جولة رقابية") and one
genitive noun ("ضابط أمن", "عناصر الشرطة") belong to the phrase.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from marsad.arabic.charsets import chars, letter
from marsad.arabic.clitics import definite_article
from marsad.arabic.view import TextView
from marsad.extract.lexicon import stopwords
from marsad.extract.quantities.lexicons import (
    Counted,
    attached_units,
    counted_nouns,
    elliptic,
    head_words,
    units,
)
from marsad.extract.quantities.numbers import Figure, number_words

# Between a figure and its head: spaces, a closing parenthesis ("(164) جولة"), a slash
# ("57/ كلم").
_HEAD_GAP = frozenset(" \t\u00a0)/")
_NOMINAL = frozenset({"noun", "adj"})
_MAX_MODIFIERS = 2
_PAIR = frozenset({"killed", "injured"})


@dataclass(frozen=True, slots=True)
class Head:
    """The head of a figure: tokens ``[first, end)``, folded end ``stop``."""

    kind: str  # percent | unit | counted | partitive | elliptic
    first: int
    end: int
    stop: int
    unit: str | None
    category: str | None = None
    subject: tuple[int, int] | None = None  # token range of what is counted
    money: bool = False
    approximate: bool = False  # "على الأقل" between the figure and its head


Blocked = Callable[[int], bool]  # is token i inside a timex or boilerplate?


@cache
def _partitive() -> frozenset[str]:
    return head_words("partitive")


def plain_gap(view: TextView, stop: int, token: int, allowed: frozenset[str] = _HEAD_GAP) -> bool:
    return all(char in allowed for char in view.folded[stop : view.starts[token]])


def _approx_after(view: TextView, at: int) -> int | None:
    """End token of "على الأقل" / "تقريبا" at token ``at``."""
    if at >= len(view.words):
        return None
    found = number_words().match(view, at, clitics=False)
    return found.end if found is not None and found.value.kind == "approx-after" else None


def _percent(view: TextView, figure: Figure) -> Head | None:
    rest = view.folded[figure.stop : figure.stop + 3]
    stripped = rest.lstrip(" \u00a0")
    if stripped[:1] and stripped[0] in chars("percent"):
        stop = figure.stop + (len(rest) - len(stripped)) + 1
        return Head("percent", figure.end, figure.end, stop, "percent")
    at = figure.end
    if at < len(view.words) and plain_gap(view, figure.stop, at):
        found = number_words().match(view, at)
        if found is not None and found.value.kind == "percent":
            return Head("percent", at, found.end, view.ends[found.end - 1], "percent")
    return None


def counted_label(view: TextView, at: int) -> Counted | None:
    found = counted_nouns().match(view, at, clitics=True)
    return found.value if found is not None else None


def _written(view: TextView, at: int) -> str:
    """Token ``at`` as written, without its clitics and article: a counted noun's unit."""
    wc = view.word_class(at)
    cut = len(wc.proclitic)
    if wc.definite:  # the article, or its one letter left after a fused ل ("للسجناء")
        cut += len(definite_article()) if not _fused(view, at) else 1
    return view.text[view.source_index(view.starts[at] + cut) : view.token_end(at)]


def _fused(view: TextView, at: int) -> bool:
    wc = view.word_class(at)
    token = view.words[at][len(wc.proclitic) :]
    return wc.definite and not token.startswith(definite_article())


def written_cut(view: TextView, at: int) -> int:
    """Folded characters of token ``at`` that a quantity's span leaves out: its clitics,
    none where a ل fused with the article ("للسجناء" is shown whole)."""
    return 0 if _fused(view, at) else len(view.word_class(at).proclitic)


def _nominal(view: TextView, at: int) -> bool:
    wc = view.word_class(at)
    if wc.pos in _NOMINAL:
        return True
    return wc.pos not in ("particle", "pronoun", "number") and bool(wc.alternatives & _NOMINAL)


def is_head_word(view: TextView, at: int, value: float | int | None) -> bool:
    """Token ``at`` can be the counted noun right after a figure of ``value``."""
    word = view.words[at]
    wc = view.word_class(at)
    if not word.isalpha() or wc.proclitic or wc.definite:
        return False
    if word in head_words("not-head") or wc.stem in head_words("not-head"):
        return False
    if number_words().match(view, at, clitics=False) is not None:
        return False
    if any(reading in stopwords() for _, reading in view.readings(at)):
        return False  # "ولا" (و + لا) read as the noun ولاء
    if wc.pos in _NOMINAL:
        # after 3-10 an adjective counts people only in the plural ("ثلاثة مقنعين"):
        # "وست هام" is West Ham, not "and six important"
        few = value is not None and 3 <= value <= 10 and wc.number == "sg"
        # after 11-99 a singular adjective counts only in the accusative ("230 مدنياً"):
        # "وزن تحت 60 أولمبي" is a weight class
        many = value is not None and 11 <= value <= 99 and wc.number == "sg"
        bare = many and not word.endswith((letter("alef"), letter("ta-marbuta")))
        if wc.pos == "adj" and (few or bare):
            return counted_label(view, at) is not None
        return True
    if wc.pos != "verb":
        return False
    # A form read first as a verb counts only as a listed noun ("300 طالب") or, after
    # 11-99, with the accusative alef of a counted noun ("21 عضوا", "20 طنا"); "2014 وصل"
    # is a verb.
    if counted_label(view, at) is not None:
        return True
    accusative = word.endswith(letter("alef")) and len(word) >= 4
    plural_verb = word.endswith(letter("wa") + letter("alef"))  # "شاركوا", "أصيبوا"
    return accusative and not plural_verb and value is not None and value >= 11


def modifiers(view: TextView, head: int, blocked: Blocked, definite: bool) -> int:
    """End token of the head's phrase: adjectives and one genitive noun after it."""
    end = head + 1
    article = definite  # of the noun the next adjective agrees with
    head_class = view.word_class(head)
    # a sound masculine plural in ين/ون drops its ن before a genitive: "4 مسلحين سيارة"
    # is "4 gunmen [stopped] a car"; so is the accusative (tanwin) head
    accusative = view.words[head].endswith(letter("alef")) or (
        head_class.plural == "sound" and head_class.gender == "m"
    )
    while end < len(view.words) and end - head <= _MAX_MODIFIERS:
        if blocked(end) or not plain_gap(view, view.ends[end - 1], end, frozenset(" ")):
            break
        wc = view.word_class(end)
        word = view.words[end]
        if wc.proclitic or not word.isalpha() or word in head_words("not-head"):
            break
        if number_words().match(view, end, clitics=False) is not None:
            break
        if wc.pos == "adj" and wc.definite == article:
            if accusative and not word.endswith(letter("alef")):
                break  # "116 مركزا انتخابيا موزعة": an accusative head's adjective is too
            end += 1
            continue
        genitive_form = not (word.endswith(letter("alef")) and len(word) >= 4) and not wc.enclitic
        if (
            wc.pos == "noun"
            and end == head + 1
            and genitive_form
            and not accusative
            and not definite
        ):
            article = wc.definite  # "ضابط أمن", "عناصر الشرطة"
            end += 1
            continue
        break
    return end


def head_after(view: TextView, figure: Figure, blocked: Blocked) -> Head | None:
    """The head of ``figure``, if it has one."""
    if figure.suffix:
        unit = attached_units().get(figure.suffix)
        if unit is None:
            return None
        return Head(
            "unit", figure.end, figure.end, figure.stop, unit.code, money=unit.kind == "currency"
        )
    percent = _percent(view, figure)
    if percent is not None:
        return percent
    at = figure.end
    if at >= len(view.words) or blocked(at) or not plain_gap(view, figure.stop, at):
        return None
    approximate = False
    after = _approx_after(view, at)
    if after is not None and after < len(view.words) and not blocked(after):
        at, approximate = after, True
    head = _head_at(view, figure, at, blocked)
    if head is None or not approximate:
        return head
    return Head(
        head.kind,
        head.first,
        head.end,
        head.stop,
        head.unit,
        head.category,
        head.subject,
        head.money,
        True,
    )


def _head_at(view: TextView, figure: Figure, at: int, blocked: Blocked) -> Head | None:
    unit = units().match(view, at, clitics=False)
    longer = counted_nouns().match(view, at, clitics=False)
    if unit is not None and longer is not None and longer.end > unit.end:
        unit = None  # "براميل متفجرة" are barrel bombs, not barrels
    if unit is not None and not figure.vague:
        stop = view.ends[unit.end - 1]
        return Head(
            "unit",
            at,
            unit.end,
            stop,
            unit.value.code,
            subject=None,
            money=unit.value.kind == "currency",
        )
    if figure.fraction_only:
        return None  # "نصف السكان": a fraction counts only a measure
    word = view.words[at]
    if word in elliptic():
        label = elliptic()[word]
        return Head("elliptic", at, at + 1, view.ends[at], label, subject=(at, at + 1))
    if word in _partitive():
        return partitive(view, at, blocked)
    if figure.vague:
        return _vague_head(view, figure, at, blocked)
    if not is_head_word(view, at, figure.value):
        return None
    return _counted(view, at, modifiers(view, at, blocked, False))


def _counted(view: TextView, at: int, end: int) -> Head:
    """The counted noun at ``at`` and its phrase up to ``end``, glossed where listed."""
    counted = counted_label(view, at)
    label = counted.label if counted is not None else _written(view, at)
    category = counted.category if counted is not None else None
    end, label, category = casualty_pair(view, end, label, category)
    return Head("counted", at, end, view.ends[end - 1], label, category, (at, end))


def casualty_pair(
    view: TextView, end: int, label: str, category: str | None
) -> tuple[int, str, str | None]:
    """ "400 قتيل وجريح", "عشرات القتلى والجرحى": the killed and the injured together."""
    if category not in _PAIR or end >= len(view.words):
        return end, label, category
    if not plain_gap(view, view.ends[end - 1], end, frozenset(" ")):
        return end, label, category
    other = counted_label(view, end)
    joined = view.words[end][:1] == letter("wa")
    after = end + 1
    if after < len(view.words) and (
        view.words[after][:1].isdigit() or number_words().match(view, after) is not None
    ):
        return end, label, category  # "10 قتلى وإصابة 20": the next figure's own word
    if other is None or not joined or {category, other.category} != _PAIR:
        return end, label, category
    return end + 1, "casualties", "casualties"


def partitive(view: TextView, at: int, blocked: Blocked) -> Head | None:
    """ "من" and the noun phrase it takes: "من الضحايا", "من تنظيم (داعش)"."""
    noun = at + 1
    if noun >= len(view.words) or blocked(noun):
        return None
    if not plain_gap(view, view.ends[at], noun, frozenset(' \u00a0(«"')):
        return None
    wc = view.word_class(noun)
    word = view.words[noun]
    if not word.isalpha() or wc.proclitic or wc.stem in head_words("not-head"):
        return None
    if number_words().match(view, noun, clitics=False) is not None:
        return None
    if not _nominal(view, noun) or wc.pos == "name":
        return None
    end = modifiers(view, noun, blocked, wc.definite)
    counted = counted_label(view, noun)
    label = counted.label if counted is not None else _written(view, noun)
    category = counted.category if counted is not None else None
    return Head("partitive", at, end, view.ends[end - 1], label, category, (noun, end))


def _vague_head(view: TextView, figure: Figure, at: int, blocked: Blocked) -> Head | None:
    """ "عشرات القياديين": the genitive after an indefinite vague count."""
    if figure.definite:
        return None
    wc = view.word_class(at)
    word = view.words[at]
    if not word.isalpha() or wc.proclitic or not wc.definite or not _nominal(view, at):
        return None
    if word in head_words("not-head") or wc.stem in head_words("not-head"):
        return None
    return _counted(view, at, modifiers(view, at, blocked, True))
