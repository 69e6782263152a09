"""Quantities: a figure with its unit ("2500 عسكري", "نحو 150 هجوما", "مئات العسكريين").

A figure is digits in any script ("2,500", "1.5") or number words ("ألفان وخمسمائة"),
optionally scaled ("2.5 مليون"). Only figures with a unit (units.tsv) or a percent sign
count: a bare number is too often a date, a rank or a page. The span covers the figure and
its unit; a word before it such as نحو "about" is not in the span and sets ``approximate``.
"Hundreds of soldiers" is ``vague`` with no value. Figures inside a temporal expression
(years, dates, durations) are left to the temporal tagger. ``subject`` stays None: what a
figure counts is left to later stages rather than guessed here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from marsad.arabic.charsets import chars, letter
from marsad.arabic.clitics import definite_article
from marsad.arabic.view import TextView
from marsad.extract.lexicon import PhraseIndex, phrase
from marsad.model import Article, Quantity, Span
from marsad.resources import load_tsv

# A figure not inside a word or a longer figure: "(?<![\w.,])\d+(?:[.,]\d+)*(?![\w])", its
# look-behind moved after the first digit so that the regex engine skips to the digits.
_NUMBER = re.compile(r"\d(?<![\w.,]\d)\d*(?:[.,]\d+)*(?![\w])")


@dataclass(frozen=True, slots=True)
class _Word:
    value: int
    kind: str  # cardinal | tens | hundreds | scale | vague | approx | percent


@cache
def _words() -> PhraseIndex[_Word]:
    entries = []
    for row in load_tsv("number_words.tsv", columns=3):
        if row[1] in ("cardinal", "tens"):
            entries.append((phrase(row[2]), _Word(int(row[0]), row[1])))
    for row in load_tsv("quantity_words.tsv", columns=3):
        entries.append((phrase(row[2]), _Word(int(row[0]), row[1])))
    return PhraseIndex(entries)


@cache
def _vague_words() -> PhraseIndex[_Word]:
    """Vague counts only ("مئات"): the other reading of "آلاف" is a scale."""
    rows = load_tsv("quantity_words.tsv", columns=3)
    return PhraseIndex((phrase(r[2]), _Word(int(r[0]), r[1])) for r in rows if r[1] == "vague")


@cache
def _units() -> PhraseIndex[str]:
    entries = []
    for row in load_tsv("units.tsv", columns=2):
        for form in row[1].split():
            words = phrase(form)
            entries.append((words, row[0]))
            entries.append(((definite_article() + words[0], *words[1:]), row[0]))
    return PhraseIndex(entries)


def _plain_gap(sc: TextView, left_end: int, right: int) -> bool:
    """Only spaces between a folded position and token ``right``."""
    return sc.folded[left_end : sc.starts[right]].strip(" \t\u00a0") == ""


def _parse_digits(text: str) -> float | int | None:
    """A figure in ASCII digits: "2500", "2,500", "1.5", "1,5"; None when unclear."""
    if text.isdigit():
        return int(text)
    if re.fullmatch(r"\d{1,3}([.,])\d{3}(\1\d{3})*", text) and (
        text.count(",") + text.count(".") > 1 or "," in text
    ):
        return int(re.sub(r"\D", "", text))  # thousands separators: "2,500", "1.000.000"
    if re.fullmatch(r"\d+[.,]\d+", text):
        value = float(text.replace(",", "."))
        return int(value) if value.is_integer() else value
    return None


class _Reader:
    def __init__(self, article: Article) -> None:
        self.article = article
        self.sc = article.view
        self.tokens = self.sc.tokens
        self.timexes = [t.span for t in article.timexes]

    def blocked(self, span: Span) -> bool:
        return self.article.is_boilerplate(span) or any(t.overlaps(span) for t in self.timexes)

    def approximate_before(self, at: int) -> bool:
        """An approximating phrase ends right before token ``at`` ("نحو", "لنحو")."""
        for length in (1, 2, 3, 4):
            first = at - length
            if first < 0:
                break
            match = _words().match(self.sc, first)
            if match is not None and match.end == at and match.value.kind == "approx":
                return True
        return False

    def word_number(self, at: int) -> tuple[int, int] | None:
        """(value, end token) of number words starting at ``at``: "ألفان وخمسمائة"."""
        total, part, end = 0, 0, at
        while end < len(self.tokens):
            match = _words().match(self.sc, end, clitics=end > at)
            if match is None or match.value.kind in ("vague", "approx", "percent"):
                break
            if end > at and (match.prefix != 1 or self.sc.words[end][0] != letter("wa")):
                break  # parts of one number are joined by و
            word = match.value
            if word.kind == "scale":
                if end == at:
                    break  # "آلاف" alone is vague, "مليون دولار" is handled as a scale
                total += max(part, 1) * word.value
                part = 0
            else:
                part += word.value
            end = match.end
        value = total + part
        return (value, end) if end > at and value else None

    def scaled(self, value: float | int, end: int) -> tuple[float | int, int]:
        """Apply a scale word after a figure: "2.5 مليون" -> 2500000."""
        if end < len(self.tokens):
            match = _words().match(self.sc, end, clitics=False)
            if match is not None and match.value.kind == "scale":
                scaled = value * match.value.value
                if isinstance(scaled, float) and scaled.is_integer():
                    scaled = int(scaled)
                return scaled, match.end
        return value, end

    def unit_at(self, at: int) -> tuple[str, int] | None:
        if at >= len(self.tokens):
            return None
        match = _units().match(self.sc, at, clitics=False)
        return (match.value, match.end) if match is not None else None

    def percent_after(self, folded_end: int, at: int) -> int | None:
        """Folded end of a percent sign or words right after a figure."""
        rest = self.sc.folded[folded_end : folded_end + 2]
        stripped = rest.lstrip(" ")
        if stripped[:1] and stripped[0] in chars("percent"):
            return folded_end + (len(rest) - len(stripped)) + 1
        if at < len(self.tokens):
            match = _words().match(self.sc, at)
            if match is not None and match.value.kind == "percent":
                return self.sc.ends[match.end - 1]
        return None

    def emit(
        self,
        folded_start: int,
        folded_end: int,
        value: float | int | None,
        unit: str,
        approximate: bool = False,
        vague: bool = False,
    ) -> Quantity | None:
        span = self.sc.source_span(folded_start, folded_end)
        if self.blocked(span):
            return None
        text = span.slice(self.article.text)
        return Quantity(span, text, value, unit, approximate=approximate, vague=vague)

    def figure(self, first: int, value: float | int, folded_end: int, end: int) -> Quantity | None:
        start = self.sc.starts[first]
        value, end = self.scaled(value, end)
        if end > first:
            folded_end = max(folded_end, self.sc.ends[end - 1])
        approximate = self.approximate_before(first)
        percent = self.percent_after(folded_end, end)
        if percent is not None:
            return self.emit(start, percent, value, "percent", approximate)
        if end < len(self.tokens) and _plain_gap(self.sc, folded_end, end):
            unit = self.unit_at(end)
            if unit is not None:
                stop = self.sc.ends[unit[1] - 1]
                return self.emit(start, stop, value, unit[0], approximate)
        return None

    def read(self) -> list[Quantity]:
        out: list[Quantity] = []
        used_until = -1
        for match in _NUMBER.finditer(self.sc.folded):
            first = self.sc.token_at(match.start())
            if first >= len(self.tokens) or self.sc.starts[first] != match.start():
                continue
            end = self.sc.token_at(match.end())
            value = _parse_digits(match.group())
            found = None if value is None else self.figure(first, value, match.end(), end)
            if found is not None:
                out.append(found)
        starts = sorted(set(_words().hits(self.sc)) | set(_vague_words().hits(self.sc)))
        for at in starts:
            if at < used_until or not self.sc.words[at].isalpha():
                continue
            found, used_until = self.word_quantity(at)
            if found is not None:
                out.append(found)
        out = [q for q in out if not any(q is not o and o.span.contains(q.span) for o in out)]
        return sorted(out, key=lambda q: q.span.start)

    def word_quantity(self, at: int) -> tuple[Quantity | None, int]:
        vague = _vague_words().match(self.sc, at)
        if vague is not None:
            plain = vague.end < len(self.tokens) and _plain_gap(
                self.sc, self.sc.ends[vague.end - 1], vague.end
            )
            unit = self.unit_at(vague.end) if plain else None
            if unit is None:
                return None, at
            start = self.sc.starts[at] + vague.prefix
            stop = self.sc.ends[unit[1] - 1]
            return self.emit(start, stop, None, unit[0], vague=True), unit[1]
        number = self.word_number(at)
        if number is not None:
            return self.figure(at, number[0], self.sc.ends[number[1] - 1], number[1]), number[1]
        scale = _words().match(self.sc, at, clitics=False)
        if scale is not None and scale.value.kind == "scale" and scale.value.value >= 10**6:
            return self.figure(at, 1, self.sc.starts[at], at), at + 1  # "مليون دولار"
        return None, at


def annotate_quantities(article: Article) -> None:
    """Fill ``article.quantities`` with figures that carry a unit or a percent sign."""
    article.quantities = _Reader(article).read()
