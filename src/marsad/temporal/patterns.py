"""Regex fragments built from the lexicon, and ``%NAME`` template expansion.

Rules are written as templates over named fragments (``%DAY``, ``%GMONTHS`` …); the
fragments are non-capturing, so a template can use one several times and name its own
groups (``%VAGUE`` alone has groups, for the one rule that uses it). The pieces of
``temporal_rules.yaml`` (``%CL`` …) are fragments too. All matching runs on folded text
(see ``folding.py``).
"""

from __future__ import annotations

import re
from functools import cache

from marsad.arabic.charsets import char_class
from marsad.arabic.clitics import definite_article, proclitic_letters
from marsad.arabic.clitics import rules as clitic_rules
from marsad.temporal.lexicon import Lexicon, alternation, lexicon
from marsad.temporal.templates import pieces

# Structural pieces (word and number bounds, digits, dashes); words and the punctuation
# sets named below come from resources.
_DIGIT_FRAGMENTS = {
    "B": r"(?<![\w])",  # word start
    "E": r"(?![\w])",  # word end
    "NB": r"(?<![\d.,/:\-])",  # number start: not inside a longer number
    "NE": r"(?![\d]|[.,/:]\d)",  # number end
    "DAY": r"(?:3[01]|[12]\d|0?[1-9])",
    "YEAR": r"\d{4}",
    "DASH": r"[-–—]",
}

# Sets of punctuation.tsv the templates name: %COMMA, %DATE_SEPARATOR ...
_PUNCTUATION = ("comma", "date-separator", "agreement-lead", "aside-open", "time-lead")


def _letter_class(letters: frozenset[str]) -> str:
    return "[" + "".join(map(re.escape, sorted(letters))) + "]"


def _clitic_fragments() -> dict[str, str]:
    """The article and the proclitic letters (clitics.txt and its kin)."""
    the, fused = re.escape(definite_article()), re.escape(clitic_rules().fused_article)
    return {
        "ARTICLE": the,
        "DEF": f"(?:{the}|{fused})",  # the article, or fused with ل (لل)
        "CONJ_CLITIC": _letter_class(proclitic_letters("conjunction")),  # و ف
        "PREP_CLITIC": _letter_class(proclitic_letters("preposition")),  # ب ل ك
    }


@cache
def fragments() -> dict[str, str]:
    lex: Lexicon = lexicon()
    the = re.escape(definite_article())
    gmonth = alternation(lex.gregorian_months)
    hmonth = alternation(lex.hijri_months)
    # آب/أغسطس, أغسطس (آب), سبتمبر أيلول: one month written in two calendars' names.
    gmonths = rf"{gmonth}(?:\s*/\s*{gmonth}|\s*\(\s*{gmonth}\s*\)|\s*-\s*{gmonth}|\s+{gmonth})?"
    cardinals = {s: v for s, v in lex.numbers.items()}
    ones = alternation(s for s, v in cardinals.items() if v < 10)
    tens = alternation(s for s, v in cardinals.items() if v in range(20, 100, 10))
    conjunction = lex.role("and")  # و
    numword = rf"(?:{ones}\s+{conjunction}\s*{tens}|{alternation(cardinals)})"
    units_by_number: dict[str, list[str]] = {"1": [], "2": [], "pl": []}
    for surface, (_, number) in lex.units.items():
        units_by_number[number].append(surface)
    ten = alternation(s for s, v in cardinals.items() if v == 10)
    twenty_thirty = alternation(s for s, v in cardinals.items() if v in (20, 30))
    ordinal = alternation(lex.ordinals)
    # الأول، الحادي عشر، الثالث عشر، الحادي والعشرين، الثلاثين: checked by day_ordinal()
    day_ordinal = (
        rf"(?:{the}{ordinal}(?:\s+{ten}|\s+{conjunction}\s*{the}{twenty_thirty})?"
        rf"|{the}{twenty_thirty})"
    )
    frag = dict(_DIGIT_FRAGMENTS)
    frag.update(_clitic_fragments())
    for name in _PUNCTUATION:
        frag[name.upper().replace("-", "_")] = char_class(name)
    frag.update(
        {
            "GMONTHS": gmonths,
            "HMONTH": hmonth,
            "MONTHS": rf"(?:{gmonths}|{hmonth})",
            "WEEKDAY": alternation(lex.weekdays),
            "NUMWORD": numword,
            "NUM": rf"(?:\d{{1,3}}|(?:{the})?{numword})",
            "ORDINAL": alternation(lex.ordinals),
            "UNIT_SG": alternation(units_by_number["1"]),
            "UNIT_DUAL": alternation(units_by_number["2"]),
            "UNIT_PL": alternation(units_by_number["pl"]),
            "UNIT_ANY": alternation(lex.units),
            "UNIT_MINUTE": alternation(s for s, (unit, _) in lex.units.items() if unit == "MIN"),
            "DEICTIC": alternation(lex.deictic),
            "MOD": alternation(lex.modifiers),
            "DAYTIME": alternation(lex.daytime),
            "FRACTION": alternation(lex.fractions),
            "DAYORD": day_ordinal,
            "SEASON": alternation(lex.seasons),
            "DECADE": alternation(lex.decades),
            "CENTURY": alternation(lex.centuries),
            "DAY_PART": alternation(lex.day_parts),
            "SET_WORD": alternation(lex.sets),
        }
    )
    for role in lex.words:
        frag[role.upper()] = lex.role(role)
    frag["VAGUE"] = _vague_branches(lex)
    for name, piece in pieces().items():
        assert name not in frag, f"temporal_rules.yaml: piece {name} is a fragment already"
        frag[name] = _PLACEHOLDER.sub(lambda m: frag[m.group(1)], piece)
    return frag


def vague_order(lex: Lexicon) -> tuple[tuple[str, str, str, str], ...]:
    """The rows of temporal_vague.tsv in the order ``%VAGUE`` tries them: longest first."""
    return tuple(sorted(lex.vague, key=lambda row: -len(" ".join(row[1:]))))


def _vague_branches(lex: Lexicon) -> str:
    """One alternative per vague row, its span as group ``tN`` (N its place in
    ``vague_order``), the words around it outside the group."""
    branches = []
    for index, (_, before, span, after) in enumerate(vague_order(lex)):
        branch = ""
        if before:
            branch += re.escape(before).replace(r"\ ", r"\s+") + r"\s+"
        branch += f"(?P<t{index}>" + re.escape(span).replace(r"\ ", r"\s+") + ")"
        if after:
            branch += r"\s+" + re.escape(after).replace(r"\ ", r"\s+")
        branches.append(branch)
    return "|".join(branches)


_PLACEHOLDER = re.compile(r"%([A-Z_]+)")


def expand(template: str) -> str:
    frag = fragments()
    return _PLACEHOLDER.sub(lambda m: frag[m.group(1)], template)


def compile_rule(template: str) -> re.Pattern[str]:
    return re.compile(expand(template))
