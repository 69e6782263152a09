"""Numbers as the press writes them, read off the text view: digits and number words.

- digits in any script (the view folds them to ASCII), thousands separators ("2,500",
  "10.000"), decimals ("1.5", dpa's "3ر28" = 28.3), a clitic before them ("و35", "بـ500")
  and a unit written on them ("50كم", "م2" after "1200");
- number words (number_words.tsv, quantity_words.tsv): "خمسة عشر", "الأربع والعشرين",
  "ألفان وخمسمائة", "ثلاث مئة", scales after a figure ("2.5 مليون", "3 آلاف", "ألفي"),
  fractions ("نصف مليون", "مليون ونصف", "ربع");
- vague counts ("عشرات", "المئات", "عشرات الآلاف"): a count with no value.

A figure of more than ``MAX_DIGITS`` digits is no figure (an id, a phone number, a run of
digits): its value is never computed, so no length of input can reach Python's limit on
``int`` conversion.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import cache

from marsad.arabic.charsets import chars, letter
from marsad.arabic.clitics import definite_article, proclitic_letters
from marsad.arabic.normalize import normalize
from marsad.arabic.view import TextView
from marsad.extract.lexicon import PhraseIndex, phrase
from marsad.resources import load_tsv

Number = float | int
MAX_DIGITS = 15  # beyond this, a run of digits is an identifier, not a figure

_DIGITS = re.compile(r"\d+(?:[.,]\d+)*")
_MARKED_DECIMAL = re.compile("\\d+\\.\u200f\\d+")
_AMBIGUOUS = re.compile(r"[1-9]\d{0,2}\.(?!000)\d{3}")
_THOUSANDS = re.compile(r"\d{1,3}(?:([.,])\d{3})(?:\1\d{3})*")
# Right before or after a figure, these make it part of a date, a time, a score or a code.
_GLUED = frozenset("/:-\u2013")


@dataclass(frozen=True, slots=True)
class NumberWord:
    value: Number
    kind: str  # cardinal | tens | hundreds | scale | fraction | vague | approx | ...
    definite: bool = False


@dataclass(frozen=True, slots=True)
class Figure:
    """A number read at tokens ``[first, end)``, folded ``[start, stop)``."""

    value: Number | None  # None: vague
    first: int
    end: int
    start: int
    stop: int
    words: bool = False  # written in words
    vague: bool = False
    definite: bool = False  # "الأربعة", "العشرات"
    fraction_only: bool = False  # "نصف": a number only before a measure ("نصف كيلو")
    suffix: str = ""  # letters written on the digits ("كم" of "50كم")
    minus: int | None = None  # folded index of a minus sign right before the digits
    kind: str = ""  # of the first number word: cardinal | tens | hundreds | scale | ...
    plain: bool = False  # digits alone, no separator, scale or clitic ("2014")
    # "584.376": thousands for a count ("194.792 عبوة"), but a measure or money could be
    # either (584.376 tonnes or 584,376): such a figure has no value the text determines
    ambiguous: bool = False
    approximate: bool = False  # an approximator written on the digits ("حوالى400")


def _value(text: str) -> Number:
    return float(text) if "." in text else int(text)


@cache
def number_words() -> PhraseIndex[NumberWord]:
    """Number words, scales, fractions, approximators and percent words, bare and with the
    article ("الأربع"); vague counts are ``vague_words``."""
    rows = [r for r in load_tsv("number_words.tsv", columns=3) if r[1] in ("cardinal", "tens")]
    rows += [r for r in load_tsv("quantity_words.tsv", columns=3) if r[1] != "vague"]
    return _index(rows)


@cache
def leading_words() -> PhraseIndex[NumberWord]:
    """The number words a figure may open with (no approximator or percent word)."""
    rows = [r for r in load_tsv("number_words.tsv", columns=3) if r[1] in ("cardinal", "tens")]
    kinds = ("hundreds", "scale", "fraction")
    rows += [r for r in load_tsv("quantity_words.tsv", columns=3) if r[1] in kinds]
    return _index(rows)


@cache
def vague_words() -> PhraseIndex[NumberWord]:
    """Vague counts ("مئات", "العشرات"): "آلاف" after a number is a scale instead."""
    return _index([r for r in load_tsv("quantity_words.tsv", columns=3) if r[1] == "vague"])


def _index(rows: list[tuple[str, ...]]) -> PhraseIndex[NumberWord]:
    entries: list[tuple[tuple[str, ...], NumberWord]] = []
    article = definite_article()
    for value, kind, surface, *_ in rows:
        words = phrase(surface)
        if not words:
            continue
        entries.append((words, NumberWord(_value(value), kind)))
        if kind not in ("approx", "approx-after", "percent", "decimal-mark"):
            definite = (article + words[0], *words[1:])
            entries.append((definite, NumberWord(_value(value), kind, True)))
    return PhraseIndex(entries)


@cache
def decimal_mark() -> str:
    rows = load_tsv("quantity_words.tsv", columns=3)
    return next(r[2] for r in rows if r[1] == "decimal-mark")


def parse_digits(text: str, decimal: bool = False) -> Number | None:
    """The value of a figure in ASCII digits: "2500", "2,500", "1.5", "10.000".

    A single "." before three digits is ambiguous: thousands ("10.000 ريال", "12.500
    جندي") unless ``decimal`` (before a scale word or a percent sign) or the whole part
    is 0 ("0.251 ريال"). None when the figure is unclear or longer than ``MAX_DIGITS``.
    """
    digits = sum(char.isdigit() for char in text)
    if digits == 0 or digits > MAX_DIGITS or len(text) > 2 * MAX_DIGITS:
        return None
    if text.isdigit():
        return int(text)
    if _THOUSANDS.fullmatch(text):
        several = text.count(",") + text.count(".") > 1
        if several or "," in text or not (decimal or text.startswith("0")):
            return int(re.sub(r"\D", "", text))
    if re.fullmatch(r"\d+[.,]\d+", text):
        value = float(text.replace(",", "."))
        return int(value) if value.is_integer() else value
    return None


def _dpa(token: str) -> Number | None:
    """dpa's decimal, fraction first: "63ر4" = 4.63; None for any other token."""
    fraction, mark, whole = token.partition(decimal_mark())
    if not mark or not fraction.isdigit() or not whole.isdigit():
        return None
    if len(fraction) + len(whole) > MAX_DIGITS or set(fraction) == {"0"}:
        return None  # "000ر30" would be a decimal with three zeros: not how dpa writes
    value = float(f"{whole}.{fraction}")
    return int(value) if value.is_integer() else value


def _glued_approximator(token: str) -> int:
    """Length of an approximator written on digits ("حوالى400", "نحو50"), else 0."""
    letters = len(token) - len(token.lstrip("".join(c for c in token if not c.isdigit())))
    head = token[:letters]
    if not head or not token[letters:].isdigit() or len(head) < 3:
        return 0
    return letters if head in _approximators() else 0


@cache
def _approximators() -> frozenset[str]:
    rows = load_tsv("quantity_words.tsv", columns=3)
    return frozenset(normalize(r[2]) for r in rows if r[1] == "approx" and " " not in r[2])


def _clitic_length(token: str) -> int:
    """Letters of a clitic written on digits: "و35" -> 1, "وبـ500" -> 2, "ال1600" -> 2."""
    article = definite_article()
    if token.startswith(article):
        return len(article)
    letters = proclitic_letters()
    length = 0
    while length < 2 and length < len(token) and token[length] in letters:
        length += 1
    return length


def _split_decimal(folded: str, mark: int) -> bool:
    """A decimal point at ``mark`` with a space before it, digits either side: "5 .489"."""
    if not 2 <= mark < len(folded) - 1 or folded[mark] != ".":
        return False
    return folded[mark - 1] == " " and folded[mark - 2].isdigit() and folded[mark + 1].isdigit()


def digits_at(view: TextView, at: int) -> Figure | None:
    """The figure whose digits begin token ``at`` (after a clitic), if any."""
    token = view.words[at]
    skip = 0 if token[0].isdigit() else _clitic_length(token)
    glued = _glued_approximator(token)
    if glued:
        skip = glued  # "حوالى400": the approximator written on the digits
    if skip == len(token) or not token[skip].isdigit():
        return None
    folded = view.folded
    start = view.starts[at] + skip
    before = folded[start - 1] if start else " "
    if before in _GLUED and start >= 2 and folded[start - 2].isdigit():
        return None  # "10/8", "12:30", "2-1"
    if before in ".," and start >= 2 and folded[start - 2].isdigit():
        return None  # inside a longer figure
    if _split_decimal(folded, start - 1):
        return None  # "5 .489": 5.489 or, written in reverse, 489.5; the text does not say
    match = _DIGITS.match(folded, start)
    if match is None:
        return None
    stop = match.end()
    after = folded[stop : stop + 2]
    if after[:1] in _GLUED and after[1:2].isdigit():
        return None
    if folded[stop : stop + 1] == " " and _split_decimal(folded, stop + 1):
        return None
    last = view.token_containing(stop - 1)
    suffix = folded[stop : view.ends[last]]
    value: Number | None
    if suffix and suffix.startswith(decimal_mark()) and last == at and skip == 0:
        value, suffix, stop = _dpa(token), "", view.ends[at]
    elif _MARKED_DECIMAL.fullmatch(view.source_span(start, stop).slice(view.text)):
        # "9.\u200f159": a right-to-left mark after the point, as Asharq Al-Awsat's pages
        # write a decimal in reverse, fraction first (159.9; "2.\u200f1 فرنك" is 1.2)
        fraction, whole = match.group().split(".")
        value = float(f"{whole}.{fraction}")
    else:
        value = parse_digits(match.group(), decimal=_decimal_context(view, stop, last))
    if value is None:
        return None
    minus = start - 1 if before == "-" and (start < 2 or not folded[start - 2].isalnum()) else None
    return Figure(
        value,
        at,
        last + 1,
        start,
        stop if not suffix else view.ends[last],
        suffix=suffix,
        minus=minus,
        plain=not suffix and skip == 0 and match.group().isdigit(),
        approximate=bool(glued),
        ambiguous=bool(_AMBIGUOUS.fullmatch(match.group())) and value == int(value),
    )


def _decimal_context(view: TextView, stop: int, last: int) -> bool:
    """A scale word or a percent sign right after a figure makes "1.500" read 1.5."""
    rest = view.folded[stop : stop + 2].lstrip()
    if rest[:1] and rest[0] in chars("percent"):
        return True
    following = last + 1
    if following >= len(view.words) or view.folded[stop : view.starts[following]].strip():
        return False
    found = number_words().match(view, following, clitics=False)
    return found is not None and found.value.kind in ("scale", "percent")


def word_at(view: TextView, at: int, clitics: bool = True) -> tuple[NumberWord, int, int] | None:
    """(number word, end token, clitic length) of a number word at token ``at``."""
    found = number_words().match(view, at, clitics=clitics)
    if found is None or (found.prefix and not view.word_class(at).proclitic):
        return None  # "كميات" is no ك + "ميات"
    return found.value, found.end, found.prefix


def _joined(view: TextView, at: int, prefix: int) -> bool:
    """Token ``at`` is the next part of a number: written with the conjunction و."""
    return prefix == 1 and view.words[at][0] == letter("wa")


def words_at(view: TextView, at: int) -> Figure | None:
    """A number in words from token ``at``: "ثلاثة آلاف وخمسمائة", "نصف مليون"."""
    first = word_at(view, at)
    if first is None or first[0].kind not in ("cardinal", "tens", "hundreds", "fraction"):
        return None
    total: Number = 0
    part: Number = 0
    last_scale: Number = 1
    end = at
    fraction_only = first[0].kind == "fraction"
    while end < len(view.words):
        found = word_at(view, end)
        if found is None:
            break
        word, stop, prefix = found
        joined = _joined(view, end, prefix)
        if end > at and prefix and not joined:
            break
        if end > at and view.gap(end - 1, end).strip():
            break
        if word.definite and end > at and not joined:
            break
        kind = word.kind
        if kind == "scale":
            if end > at and joined and part == 0 and total:
                break  # "مليون ومليون": two figures
            total += (part or 1) * word.value
            last_scale, part, fraction_only = word.value, 0, False
        elif kind == "fraction":
            if end > at and not joined:
                break
            # "مليون ونصف" is half of the scale before it, "ثلاثة ونصف" half of one
            part += word.value * (last_scale if end > at and not part else 1)
        elif kind in ("cardinal", "tens", "hundreds"):
            if end > at and not joined:
                if word.value == 100 and 0 < part < 10:
                    part *= 100  # "ثلاث مئة", written apart
                    end = stop
                    continue
                break
            part += word.value
        else:
            break
        end = stop
    value = total + part
    if end == at or not value:
        return None
    tail = last_scale if not part else _scale_of_dual(part, word_at(view, end - 1))
    if tail > 1:  # "مليون و 68 ألف", "مليونين و 368 ألف": what follows the scale adds
        value, end = continued(view, value, tail, end)
    if isinstance(value, float):
        value = round(value, 6)
        value = int(value) if value.is_integer() else value
    start = view.starts[at] + first[2]
    return Figure(
        value,
        at,
        end,
        start,
        view.ends[end - 1],
        words=True,
        definite=first[0].definite,
        fraction_only=fraction_only,
        kind=first[0].kind,
    )


def _scale_of_dual(part: Number, last: tuple[NumberWord, int, int] | None) -> Number:
    """The scale a figure ends on when its last word is a scale's dual ("مليونين" is two of
    a million): the scale, else 1."""
    if last is None or last[0].kind != "hundreds" or last[0].value != part:
        return 1
    half = part / 2
    return int(half) if half >= 1000 and math.log10(half).is_integer() else 1


def scaled(view: TextView, figure: Figure) -> Figure:
    """A figure with the scale words after it: "2.5 مليون", "3 ملايين و500 ألف",
    "مليون ونصف", "(12) ألف"."""
    value = figure.value
    end, stop = figure.end, figure.stop
    glued = glued_scales().get(figure.suffix) if figure.suffix else None
    if value is not None and glued is not None:  # "13ألف شرطي", "2مليار دولار"
        total, end = continued(view, value * glued, glued, end)
        return Figure(_whole(total), figure.first, end, figure.start, view.ends[end - 1])
    if value is None or figure.words or figure.suffix or end >= len(view.words):
        return figure
    gap = view.folded[stop : view.starts[end]]
    if gap.strip(" \t\u00a0()"):
        return figure
    found = word_at(view, end, clitics=False)
    if found is None or found[0].kind != "scale":
        return figure
    scale = found[0].value
    total, end = continued(view, value * scale, scale, found[1])
    return Figure(
        _whole(total), figure.first, end, figure.start, view.ends[end - 1], minus=figure.minus
    )


def _whole(total: Number) -> Number:
    if isinstance(total, float):
        total = round(total, 6)
        return int(total) if total.is_integer() else total
    return total


@cache
def glued_scales() -> dict[str, Number]:
    """Scale words as they are written glued to digits, folded ("13ألف", "2مليار")."""
    rows = load_tsv("quantity_words.tsv", columns=3)
    return {
        normalize(surface): _value(value) for value, kind, surface, *_ in rows if kind == "scale"
    }


def continued(view: TextView, value: Number, scale: Number, end: int) -> tuple[Number, int]:
    """After "3 ملايين": "و500 ألف" (a smaller scale) or "ونصف" adds to the figure."""
    if end >= len(view.words) or view.gap(end - 1, end).strip():
        return value, end
    half = word_at(view, end)
    if half is not None and half[0].kind == "fraction" and _joined(view, end, half[2]):
        stop = half[1]
        again = word_at(view, stop, clitics=False) if stop < len(view.words) else None
        if again is not None and again[0].kind == "scale" and again[0].value == scale:
            stop = again[1]  # "مليار ونصف مليار"
        return value + half[0].value * scale, stop
    token = view.words[end]
    digits_at = end
    if token == letter("wa") and end + 1 < len(view.words):
        digits_at, token = end + 1, letter("wa") + view.words[end + 1]
    if token[:1] == letter("wa") and token[1:].isdigit():
        part = parse_digits(token[1:])
        after = digits_at + 1
        found = word_at(view, after, clitics=False) if after < len(view.words) else None
        if found is not None and found[0].kind == "scale" and found[0].value < scale and part:
            return value + part * found[0].value, found[1]  # "3 ملايين و500 ألف"
        if found is None and part and part < scale:
            return value + part, after  # "240 ألفا و381 شخصا"
    elif token[:1] == letter("wa") and digits_at == end:
        more = words_at(view, end)  # "مليون وخمسمائة ألف"
        if more is not None and more.value and more.value < scale and not more.fraction_only:
            return value + more.value, more.end
    return value, end


def vague_at(view: TextView, at: int) -> Figure | None:
    """A vague count ("عشرات", "المئات", "عشرات الآلاف"): a count with no value."""
    found = vague_words().match(view, at)
    if found is None or (found.prefix and not view.word_class(at).proclitic):
        return None  # "كميات" is no ك + "ميات"
    word, end = found.value, found.end
    after = vague_words().match(view, end, clitics=False) if end < len(view.words) else None
    if after is not None and after.value.definite and not view.gap(end - 1, end).strip():
        end = after.end  # "عشرات الآلاف", "مئات الملايين"
    start = view.starts[at] + found.prefix
    return Figure(
        None, at, end, start, view.ends[end - 1], words=True, vague=True, definite=word.definite
    )
