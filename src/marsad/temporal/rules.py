"""Named temporal rules: a pattern template over lexicon fragments and a builder.

Like HeidelTime's ``rules/``: each rule of ``temporal_rules.yaml`` names what it
recognises and gives its pattern; its builder here, found by the rule's name, turns a
match into a ``Candidate`` with a value (or a ``Relative`` meaning to anchor later). A
builder may refuse a match (returns None).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, lru_cache

from marsad.arabic.charsets import chars, charset
from marsad.arabic.clitics import proclitic_letters, readings
from marsad.arabic.wordclass import classify
from marsad.arabic.wordclass_affixes import affix_rows, single
from marsad.temporal.calendar import (
    BARE_YEARS,
    CUE_GREGORIAN_YEARS,
    CUE_HIJRI_YEARS,
    GREGORIAN_YEARS,
    HIJRI_YEARS,
    TABULAR_HIJRI_YEARS,
    hijri_month_interval,
    hijri_to_gregorian,
    hijri_year_interval,
    safe_date,
    tabular_hijri_year_interval,
)
from marsad.temporal.candidate import Candidate
from marsad.temporal.lexicon import alternation, lexicon
from marsad.temporal.patterns import compile_rule, expand, vague_order
from marsad.temporal.relative import Relative
from marsad.temporal.templates import rule_templates

Builder = Callable[[re.Match[str], str], Candidate | None]


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    pattern: re.Pattern[str]
    build: Builder
    triggers: frozenset[str]  # trigger kinds (see triggers.py) every match contains
    back: int  # how many words before its trigger a match may start


# ---------------------------------------------------------------- helpers


def _span(m: re.Match[str]) -> tuple[int, int]:
    """The span of group ``t`` (the expression without its cue words), else the match's."""
    try:
        span = m.span("t")
    except IndexError:  # a rule without group t
        return m.span()
    return span if span[0] >= 0 else m.span()


@cache
def _month_finder() -> re.Pattern[str]:
    lex = lexicon()
    return re.compile(alternation([*lex.gregorian_months, *lex.hijri_months]))


@lru_cache(maxsize=4096)  # a few dozen month spellings recur in every article
def month_of(text: str) -> tuple[str, int] | None:
    """(calendar, month) named in ``text``; None when two names disagree (يناير/فبراير)."""
    lex = lexicon()
    found = {lex.month(m.group()) for m in _month_finder().finditer(text)}
    found.discard(None)
    if len(found) != 1:
        return None
    return found.pop()


def _year_calendar(year_text: str, suffix: str | None, calendar: str) -> str | None:
    """Which calendar a four-digit year belongs to, or None if implausible."""
    lex = lexicon()
    year = int(year_text)
    tag = (suffix or "").strip()
    if tag in lex.words["ah_suffix"]:
        return "hijri" if year in HIJRI_YEARS or year in TABULAR_HIJRI_YEARS else None
    if calendar == "hijri":
        return "hijri" if year in HIJRI_YEARS else None
    return "gregorian" if year in GREGORIAN_YEARS else None


def _day_value(calendar: str, year: int, month: int, day: int) -> tuple[str, str | None] | None:
    if calendar == "hijri":
        converted = hijri_to_gregorian(year, month, day)
        if converted is None:
            return None
        return converted.isoformat(), f"{year:04d}-{month:02d}-{day:02d}"
    found = safe_date(year, month, day)
    return (found.isoformat(), None) if found else None


def _candidate(
    m: re.Match[str], type_: str, value: str | None, rule: str, **kw: object
) -> Candidate:
    start, end = _span(m)
    return Candidate(start, end, type_, value, rule, **kw)  # type: ignore[arg-type]


def _group(m: re.Match[str], name: str) -> str | None:
    return m.group(name) if name in m.re.groupindex else None


def _word_before(text: str, start: int, count: int = 1) -> list[str]:
    return text[max(0, start - 60) : start].split()[-count:]


def _char_before(text: str, start: int) -> str:
    """The last non-space character before ``start`` ("" if none)."""
    window = text[max(0, start - 40) : start].rstrip()
    if not window and start > 40:  # a long run of spaces: look further (rare)
        window = text[:start].rstrip()
    return window[-1:]


def _char_after(text: str, end: int) -> str:
    """The first non-space character from ``end`` ("" if none)."""
    window = text[end : end + 40].lstrip()
    if not window and end + 40 < len(text):
        window = text[end:].lstrip()
    return window[:1]


def _word_after(text: str, end: int) -> str:
    words = text[end : end + 40].split()
    return words[0] if words else ""


# ---------------------------------------------------------------- absolute dates


def _day_of(m: re.Match[str]) -> int | None:
    """The day of a match: digits (group d) or an ordinal (group do: الحادي عشر)."""
    ordinal = _group(m, "do")
    if ordinal:
        return lexicon().day_ordinal(ordinal)
    return int(m.group("d"))


def build_full_date(m: re.Match[str], text: str) -> Candidate | None:
    found = month_of(m.group("mon"))
    day = _day_of(m)
    if found is None or day is None:
        return None
    calendar = _year_calendar(m.group("y"), _group(m, "suffix"), found[0])
    if calendar != found[0]:
        return None
    value = _day_value(calendar, int(m.group("y")), found[1], day)
    if value is None:
        return None
    return _candidate(
        m,
        "DATE",
        value[0],
        "date_ordinal_month_year" if _group(m, "do") else "date_day_month_year",
        granularity="day",
        hijri=value[1],
        calendar=calendar,
    )


def build_first_of_month(m: re.Match[str], text: str) -> Candidate | None:
    """ "غرة ذي القعدة 1436هـ": the first day of the month."""
    found = month_of(m.group("mon"))
    if found is None:
        return None
    calendar = _year_calendar(m.group("y"), _group(m, "suffix"), found[0])
    if calendar != found[0]:
        return None
    value = _day_value(calendar, int(m.group("y")), found[1], 1)
    if value is None:
        return None
    return _candidate(
        m,
        "DATE",
        value[0],
        "date_first_of_month",
        granularity="day",
        hijri=value[1],
        calendar=calendar,
    )


def build_day_part_alone(m: re.Match[str], text: str) -> Candidate | None:
    """ "في المساء": a part of a day the text does not give."""
    code = lexicon().day_parts[" ".join(m.group("p").split())]
    return _candidate(m, "TIME", f"XXXX-XX-XXT{code}", "day_part", granularity="day_part")


def build_month_year(m: re.Match[str], text: str) -> Candidate | None:
    found = month_of(m.group("mon"))
    if found is None:
        return None
    calendar = _year_calendar(m.group("y"), _group(m, "suffix"), found[0])
    if calendar != found[0]:
        return None
    year, month = int(m.group("y")), found[1]
    if calendar == "hijri":
        value = hijri_month_interval(year, month)
        return _candidate(
            m,
            "DATE",
            value,
            "date_hijri_month_year",
            granularity="month",
            hijri=f"{year:04d}-{month:02d}",
            calendar="hijri",
        )
    return _candidate(m, "DATE", f"{year:04d}-{month:02d}", "date_month_year", granularity="month")


def build_numeric(m: re.Match[str], text: str) -> Candidate | None:
    a, b, c = m.group("a"), m.group("b"), m.group("c")
    if len(c) == 4 and len(a) <= 2:
        year, month, day = int(c), int(b), int(a)
        year_text = c
    elif len(a) == 4 and len(c) <= 2:
        year, month, day = int(a), int(b), int(c)
        year_text = a
    else:
        return None
    suffix = _group(m, "suffix")
    calendar = "hijri" if int(year_text) in HIJRI_YEARS else "gregorian"
    if _year_calendar(year_text, suffix, calendar) != calendar:
        return None
    value = _day_value(calendar, year, month, day)
    rule = "date_numeric"
    if value is None and len(c) == 4 and month > 12 >= day:
        # "4 / 22 / 1948": month first is the only reading that is a date
        value, rule = _day_value(calendar, year, day, month), "date_numeric_mdy"
    if value is None:
        return None
    return _candidate(
        m, "DATE", value[0], rule, granularity="day", hijri=value[1], calendar=calendar
    )


def build_numeric_day_month(m: re.Match[str], text: str) -> Candidate | None:
    """ "بتاريخ 20 / 7": a day and month after a date cue, year from publication."""
    day, month = int(m.group("a")), int(m.group("b"))
    if not 1 <= month <= 12 or safe_date(2000, month, day) is None:
        return None
    relative = Relative("daymonth", month=month, day=day)
    return _candidate(
        m, "DATE", None, "date_numeric_day_month", granularity="day", relative=relative
    )


def _hijri_span(first: str | None, last: str | None) -> str | None:
    """From the start of one Hijri year's interval to the end of another's."""
    if not first or not last:
        return None
    return f"{first.split('/')[0]}/{last.split('/')[1]}"


def build_year_pair(m: re.Match[str], text: str) -> Candidate | None:
    """An academic or fiscal year "1436/1437هـ", "لعام 2014/2015": two consecutive years."""
    y1, y2 = int(m.group("y1")), int(m.group("y"))
    if y2 != y1 + 1 or not (_group(m, "cue") or _group(m, "suffix")):
        return None
    calendar = _year_calendar(m.group("y"), _group(m, "suffix"), "gregorian")
    if calendar == "hijri":
        value = _hijri_span(hijri_year_interval(y1), hijri_year_interval(y2))
        return _candidate(
            m,
            "DATE",
            value,
            "year_pair_hijri",
            granularity="interval",
            hijri=f"{y1:04d}/{y2:04d}",
            calendar="hijri",
        )
    if y1 not in BARE_YEARS:
        return None
    return _candidate(m, "DATE", f"{y1:04d}/{y2:04d}", "year_pair", granularity="interval")


def build_month_range(m: re.Match[str], text: str) -> Candidate | None:
    """ "بين يناير ومارس", "من يناير إلى مارس 2019": whole months."""
    found1, found2 = month_of(m.group("mon1")), month_of(m.group("mon2"))
    if found1 is None or found2 is None or found1 == found2 or found1[0] != found2[0]:
        return None
    calendar, (month1, month2) = found1[0], (found1[1], found2[1])
    if m.group("y") is None:
        if calendar != "gregorian":
            return None
        mode = _month_mode(text, _span(m)[0])
        relative = Relative("monthrange", month=month1, month2=month2, mode=mode)
        return _candidate(
            m, "DATE", None, "month_range_relative", granularity="interval", relative=relative
        )
    if _year_calendar(m.group("y"), _group(m, "suffix"), calendar) != calendar:
        return None
    year2 = int(m.group("y"))
    year1 = year2 - 1 if month1 > month2 else year2
    if calendar == "hijri":
        first, last = hijri_month_interval(year1, month1), hijri_month_interval(year2, month2)
        if first is None or last is None:
            return None
        value = f"{first.split('/')[0]}/{last.split('/')[1]}"
        hijri = f"{year1:04d}-{month1:02d}/{year2:04d}-{month2:02d}"
        return _candidate(
            m,
            "DATE",
            value,
            "month_range",
            granularity="interval",
            hijri=hijri,
            calendar="hijri",
        )
    value = f"{year1:04d}-{month1:02d}/{year2:04d}-{month2:02d}"
    return _candidate(m, "DATE", value, "month_range", granularity="interval")


def _plausible_year(m: re.Match[str], text: str) -> bool:
    """A four-digit number counts as a year unless a counted noun follows (2500 فرد)."""
    after = _word_after(text, m.end("y"))
    return after.rstrip(chars("count-noun-trim")) not in lexicon().blockers["count_after"]


def _hijri_year_value(year: int) -> str | None:
    if year in HIJRI_YEARS:
        return hijri_year_interval(year)
    return tabular_hijri_year_interval(year)


def build_year(rule: str) -> Builder:
    def build(m: re.Match[str], text: str) -> Candidate | None:
        calendar = _year_calendar(m.group("y"), _group(m, "suffix"), "gregorian")
        if calendar is None or not _plausible_year(m, text):
            return None
        year = int(m.group("y"))
        suffix = (_group(m, "suffix") or "").strip()
        cued = rule == "year_after_cue" and year in CUE_HIJRI_YEARS
        if calendar == "gregorian" and not suffix and cued:
            calendar = "hijri"  # "عام 1433" in news written under the Hijri calendar
        history = rule == "year_after_cue" and year in CUE_GREGORIAN_YEARS
        if calendar == "gregorian" and not suffix and year not in BARE_YEARS and not history:
            return None
        metres = suffix in lexicon().words["metre_or_era"] and year not in BARE_YEARS
        if calendar == "gregorian" and rule == "year_with_era" and metres:
            return None  # "طول الشارع 1200م": metres, not the year 1200
        start, end = _span(m)
        if _group(m, "close"):  # "( 1948 ) م": the span takes the opening parenthesis too
            opening = text[:start].rstrip()
            if not opening.endswith("("):
                return None
            start = len(opening) - 1
        if calendar == "hijri":
            return Candidate(
                start,
                end,
                "DATE",
                _hijri_year_value(year),
                rule + "_hijri",
                granularity="year",
                hijri=f"{year:04d}",
                calendar="hijri",
            )
        return Candidate(start, end, "DATE", f"{year:04d}", rule, granularity="year")

    return build


def build_day_range(m: re.Match[str], text: str) -> Candidate | None:
    found = month_of(m.group("mon"))
    d1, d2 = int(m.group("d1")), int(m.group("d2"))
    if found is None or d2 <= d1:
        return None
    connector = m.group("conn").strip()
    # "7 و9 آب" is a list of two days, not an interval: only consecutive days join.
    if connector in lexicon().words["and"] and not m.group("from") and d2 != d1 + 1:
        return None
    calendar, month = found
    if m.group("y") is None:
        relative = Relative(
            "daymonth",
            month=month,
            day=d1,
            day2=d2,
            calendar=calendar,
            direction=_direction(_group(m, "mod")),
        )
        return _candidate(
            m,
            "DATE",
            None,
            "date_day_range_relative",
            granularity="interval",
            relative=relative,
            calendar=calendar,
        )
    if _year_calendar(m.group("y"), _group(m, "suffix"), calendar) != calendar:
        return None
    year = int(m.group("y"))
    first = _day_value(calendar, year, month, d1)
    last = _day_value(calendar, year, month, d2)
    if first is None or last is None:
        return None
    hijri = f"{first[1]}/{last[1]}" if calendar == "hijri" else None
    return _candidate(
        m,
        "DATE",
        f"{first[0]}/{last[0]}",
        "date_day_range",
        granularity="interval",
        hijri=hijri,
        calendar=calendar,
    )


def build_full_range(m: re.Match[str], text: str) -> Candidate | None:
    found1, found2 = month_of(m.group("mon1")), month_of(m.group("mon2"))
    if found1 is None or found2 is None or found1[0] != found2[0]:
        return None
    connector = m.group("conn").strip()
    if not m.group("from") and connector in lexicon().words["and"]:
        return None
    calendar = found1[0]
    if _year_calendar(m.group("y"), _group(m, "suffix"), calendar) != calendar:
        return None
    year2 = int(m.group("y"))
    year1 = int(m.group("y1")) if m.group("y1") else year2
    if m.group("y1") is None and found1[1] > found2[1]:
        year1 -= 1  # من 28 ديسمبر إلى 3 يناير 2024
    day2 = lexicon().day_ordinal(m.group("do2")) if _group(m, "do2") else int(m.group("d2"))
    if day2 is None:
        return None
    first = _day_value(calendar, year1, found1[1], int(m.group("d1")))
    last = _day_value(calendar, year2, found2[1], day2)
    if first is None or last is None or first[0] >= last[0]:
        return None
    hijri = f"{first[1]}/{last[1]}" if calendar == "hijri" else None
    return _candidate(
        m,
        "DATE",
        f"{first[0]}/{last[0]}",
        "date_range",
        granularity="interval",
        hijri=hijri,
        calendar=calendar,
    )


def _in_parentheses(m: re.Match[str], text: str) -> bool:
    """The match is all that stands in a pair of parentheses: "(1850 - 1921)"."""
    start, end = _span(m)
    return text[:start].rstrip().endswith("(") and text[end:].lstrip().startswith(")")


def build_year_range(m: re.Match[str], text: str) -> Candidate | None:
    y1, y2 = int(m.group("y1")), int(m.group("y"))
    if y2 <= y1 or y2 - y1 > 100:
        return None
    if not m.group("from") and m.group("conn").strip() in lexicon().words["and"]:
        return None
    if not _plausible_year(m, text):
        return None
    suffix = _group(m, "suffix")
    if _year_calendar(m.group("y"), suffix, "gregorian") == "hijri":
        if y2 == y1 + 1:
            return None  # an academic or fiscal year: year_pair's
        value = _hijri_span(_hijri_year_value(y1), _hijri_year_value(y2))
        if value is None:
            return None
        return _candidate(
            m,
            "DATE",
            value,
            "year_range_hijri",
            granularity="interval",
            hijri=f"{y1:04d}/{y2:04d}",
            calendar="hijri",
        )
    if y1 not in BARE_YEARS or y2 not in BARE_YEARS:
        # older years only where they cannot be counts: in parentheses, with an era, or
        # after a year cue; never where they could be Hijri ("(1346 - 1409)")
        if not (_in_parentheses(m, text) or suffix or _group(m, "cue")):
            return None
        hijri_like = y1 in CUE_HIJRI_YEARS or y2 in CUE_HIJRI_YEARS
        if y1 not in GREGORIAN_YEARS or (hijri_like and not suffix):
            return None
    return _candidate(m, "DATE", f"{y1:04d}/{y2:04d}", "year_range", granularity="interval")


# ---------------------------------------------------------------- relative dates


def _direction(mod: str | None) -> int | None:
    if not mod:
        return None
    return lexicon().modifiers.get(" ".join(mod.split()))


def build_day_month(m: re.Match[str], text: str) -> Candidate | None:
    found = month_of(m.group("mon"))
    day = _day_of(m)
    if found is None or day is None:
        return None
    calendar, month = found
    before = _word_before(text, _span(m)[0])
    if before and before[0] in lexicon().blockers["date_name_before"]:
        return None  # مدينة السادس من أكتوبر، ميدان 30 يونيو: a place named by a date
    if day > (30 if calendar == "hijri" else 31):
        return None
    relative = Relative(
        "daymonth", month=month, day=day, calendar=calendar, direction=_direction(_group(m, "mod"))
    )
    rule = "date_ordinal_month" if _group(m, "do") else "date_day_month"
    return _candidate(
        m, "DATE", None, rule, granularity="day", relative=relative, calendar=calendar
    )


def build_month_of_year(m: re.Match[str], text: str) -> Candidate | None:
    """ "سبتمبر من العام الماضي", "5 مارس هذا العام": a month (and day) of a relative year."""
    found = month_of(m.group("mon"))
    lex = lexicon()
    unit = lex.units[" ".join((m.group("u") or m.group("u2")).split())][0]
    direction = _direction(_group(m, "mod")) if _group(m, "mod") else 0
    if found is None or found[0] != "gregorian" or unit != "Y" or direction is None:
        return None
    day = _day_of(m) if (_group(m, "d") or _group(m, "do")) else 0
    if day is None or (day and safe_date(2000, found[1], day) is None):
        return None
    relative = Relative("monthofyear", offset=direction, month=found[1], day=day)
    granularity = "day" if day else "month"
    return _candidate(
        m, "DATE", None, "month_of_relative_year", granularity=granularity, relative=relative
    )


def build_month_relative(m: re.Match[str], text: str) -> Candidate | None:
    found = month_of(m.group("mon"))
    if found is None:
        return None
    calendar, month = found
    mod = _group(m, "mod")
    # A Hijri month name alone is often a person's name (رجب، رمضان): it needs شهر or a
    # modifier; a Gregorian one needs a preposition, شهر or a modifier (the template's job).
    if calendar == "hijri" and not mod and not _group(m, "mw"):
        return None
    if not mod and _word_after(text, _span(m)[1])[:1].isdigit():
        return None  # "سبتمبر 331 قبل الميلاد": a year this tagger does not read
    direction = _direction(mod)
    mode = ""
    if direction is None:
        mode = _month_mode(text, _span(m)[0])
    relative = Relative("month", month=month, calendar=calendar, direction=direction, mode=mode)
    return _candidate(
        m, "DATE", None, "month_relative", granularity="month", relative=relative, calendar=calendar
    )


def _month_mode(text: str, start: int) -> str:
    """Which year a month named without one is in: "past" after منذ (منذ نوفمبر), "future"
    after a future verb, else "" (the nearest such month). On saudinewsnet the nearest is
    right more often than the last one: news names coming months as often as past ones."""
    before = _word_before(text, start)
    if before and before[0] in lexicon().words["past_prep"]:
        return "past"
    return "future" if _future_context(text, start) else ""


@cache
def _future_cue() -> re.Pattern[str]:
    """A future cue as a whole word of a space-padded window."""
    cues = lexicon().words["future_cue"]
    return re.compile(" (?:" + "|".join(map(re.escape, cues)) + ") ")


_IMPERFECT_REACH = 4  # words before a weekday where its verb stands ("تصل مصر الخميس")
_THIRD = 3


@cache
def _future_verb_prefixes() -> tuple[str, frozenset[str]]:
    """The future prefix (س) and the imperfect prefixes it stands before (ي ت ن), from
    wordclass_affixes.tsv: سيزور، ستبدأ، سنعمل."""
    imperfect = frozenset(row[0] for row in affix_rows()["rule_imperfect"])
    return single("future"), imperfect


def _window(text: str, start: int) -> str:
    """The text shortly before ``start``, after the last clause end in it."""
    window = text[max(0, start - 80) : start]
    return window[max(map(window.rfind, chars("future-window-end"))) + 1 :]


def _words_before(window: str, count: int) -> list[str]:
    """The last ``count`` words of ``window``, trimmed and without a conjunction (وسيزور)."""
    lex = lexicon()
    trim, conjunctions = chars("future-verb-trim"), lex.words["and"]
    words = [word.strip(trim) for word in window.split()[-count:]]
    return [lex.without_conjunction(w) if w.startswith(conjunctions) else w for w in words]


def _future_context(text: str, start: int) -> bool:
    """A future verb (س + imperfect) or a future cue shortly before ``start``."""
    lex = lexicon()
    window = _window(text, start)
    if _future_cue().search(f" {window} ") is not None:
        return True
    future, imperfect = _future_verb_prefixes()
    for word in _words_before(window, 3):
        if (
            len(word) >= 5
            and word[0] == future
            and word[1] in imperfect  # not سا: سائحا، سابقا، ساعات are nouns
            and word not in lex.blockers["future_stop"]
            and _future_verb(word, future)
        ):
            return True
    return False


def _imperfect_before(text: str, start: int) -> bool:
    """The weekday's own verb, right before it, is an imperfect of the third person: news
    writes what is to come so ("تصل الفرقاطة الخميس", "يطرح الأربعاء"), and what has been
    in the perfect. The verb's subject may stand between (at most ``_IMPERFECT_REACH``
    words); a particle, a number or a preposition between ("تصدر منذ تعيينه الخميس",
    "يمتد لأربعة أعوام الجمعة") makes the weekday another word's, and a perfect verb
    before the imperfect makes that one its subject ("وخفضت تسلا يوم الأربعاء")."""
    _future, imperfect = _future_verb_prefixes()
    prepositions = proclitic_letters(kind="preposition")
    words = _words_before(_window(text, start), _IMPERFECT_REACH + 1)  # and the one before
    classes = [classify(word) for word in words]
    for at in range(len(words) - 1, max(-1, len(words) - 1 - _IMPERFECT_REACH), -1):
        found = classes[at]
        if found.pos in ("particle", "number", "digit") or found.proclitic[-1:] in prepositions:
            return False
        if found.pos != "verb":
            continue
        if found.tense != "imperfect" or found.person != _THIRD or found.source != "lexicon":
            return False
        before = classes[at - 1] if at > 0 else None
        return words[at][:1] in imperfect and not (
            before is not None and before.pos == "verb" and before.tense == "perfect"
        )
    return False


def _future_verb(word: str, future: str) -> bool:
    """The word-class lexicon reads ``word`` as a verb with the future prefix (سيزور), or
    knows it as a verb whose rest is an imperfect (سيتم): a name shaped like one
    (ستافان، ستوكهولم) is only a guess of its rules."""
    found = classify(word)
    if found.pos != "verb":
        return False
    if found.proclitic.endswith(future):
        return True
    rest = classify(word[1:])
    return found.source == "lexicon" and rest.source == "lexicon" and rest.tense == "imperfect"


@cache
def _weekday_after() -> tuple[str, ...]:
    """Starts of a next word that make a weekday a number (الأحد عشر)."""
    return tuple(sorted(lexicon().blockers["weekday_after"]))


def _weekday_blocked(previous: str) -> bool:
    """The word before a weekday makes it no day ("صلاة الجمعة"), with a clitic too
    ("لصلاة الجمعة", "وخطباء الجمعة")."""
    blockers = lexicon().blockers["weekday_before"]
    return any(word in blockers for _prefix, word in readings(previous))


def build_weekday(m: re.Match[str], text: str) -> Candidate | None:
    lex = lexicon()
    weekday_text = m.group("wd")
    weekday = lex.weekdays[weekday_text]
    mod = _group(m, "mod")
    has_day_word = bool(_group(m, "yw"))
    start, end = _span(m)
    before = _word_before(text, start)
    previous = before[0] if before else ""
    after = _word_after(text, end)
    if _weekday_blocked(previous) or after.startswith(_weekday_after()):
        return None
    if weekday_text in lex.ambiguous_weekdays and not (has_day_word or mod):
        in_parens = text[start - 1 : start] == "(" or text[max(0, start - 2) : start] == "( "
        punct_before = _char_before(text, start) in charset("aside-open")
        punct_after = _char_after(text, end) in charset("aside-close")
        if not (
            in_parens or previous in lex.words["weekday_context"] or (punct_before and punct_after)
        ):
            return None
    direction = _direction(mod)
    if direction == 1:
        mode = "future"  # "الخميس المقبل": a week on when today is Thursday
    elif direction == 0:
        mode = "near"
    elif direction == -1:
        mode = "past"
    else:  # the tense alone: the day itself, or the nearest one that way
        ahead = _future_context(text, start) or _imperfect_before(text, start)
        mode = "coming" if ahead else "recent"
    relative = Relative("weekday", weekday=weekday, mode=mode)
    return _candidate(m, "DATE", None, "weekday", granularity="day", relative=relative)


def build_deictic_weekday(m: re.Match[str], text: str) -> Candidate | None:
    lex = lexicon()
    offset = lex.deictic[" ".join(m.group("dx").split())]
    weekday_text = m.group("wd1") or m.group("wd2")
    relative = Relative("weekday", weekday=lex.weekdays[weekday_text], mode="near", offset=offset)
    return _candidate(m, "DATE", None, "deictic_weekday", granularity="day", relative=relative)


def build_deictic(m: re.Match[str], text: str) -> Candidate | None:
    lex = lexicon()
    word = " ".join(m.group("dx").split())
    has_day_word = bool(_group(m, "yw"))
    start, end = _span(m)
    before = _word_before(text, start)
    # "مساء غد": a part of the day names the day as يوم does
    after_part = bool(before) and lex.without_conjunction(before[0]) in lex.day_parts
    if word in lex.deictic_needs_context and not has_day_word and not after_part:
        return None
    if lex.deictic[word] == -1 and not has_day_word:
        # "بأمس الحاجة", "في أمس الحاجة": the elative أمسّ (most in need), not yesterday
        after = _word_after(text, end)
        governed = text[start - 1 : start] in lex.words["elative_lead"] or (
            bool(before) and before[0] in lex.words["elative_lead"]
        )
        if governed and after.startswith(lex.article) and after not in lex.weekdays:
            return None
    if lex.deictic[word] == 0 and not has_day_word:
        before = _word_before(text, start)
        after = _word_after(text, end)
        # اليوم العالمي، اليوم الأول، ذلك اليوم، في اليوم: a day, not today.
        # ... but "اليوم الساعة الثالثة" is today at three
        at_hour = after in lex.words["hour_word"]
        quotes = charset("name-quotes")
        if text[start - 1 : start] in quotes and text[end : end + 1] in quotes and start:
            return None  # «اليوم», "اليوم": the newspaper
        if (before and before[0] in lex.blockers["today_before"]) or (
            after.startswith(lex.article) and not at_hour
        ):
            return None
    relative = Relative("day", offset=lex.deictic[word])
    return _candidate(m, "DATE", None, "deictic", granularity="day", relative=relative)


def build_unit_relative(m: re.Match[str], text: str) -> Candidate | None:
    lex = lexicon()
    unit = lex.units[" ".join(m.group("u").split())][0]
    if unit not in ("Y", "M", "W"):
        return None
    mod = _group(m, "mod")
    direction = _direction(mod) if mod else 0
    if direction is None:
        return None
    before = _word_before(text, _span(m)[0])
    if unit == "Y" and before and before[0] in lex.blockers["general_before"]:
        return None  # "الأمين العام السابق": the former secretary general, not last year
    relative = Relative("unit", unit=unit, offset=direction)
    granularity = {"Y": "year", "M": "month", "W": "week"}[unit]
    return _candidate(m, "DATE", None, "unit_relative", granularity=granularity, relative=relative)


def build_unit_vague(m: re.Match[str], text: str) -> Candidate | None:
    direction = _direction(m.group("mod"))
    value = {-1: "PAST_REF", 0: "PRESENT_REF", 1: "FUTURE_REF"}.get(direction or 0)
    if direction is None:
        return None
    return _candidate(m, "DATE", value, "unit_plural_vague", granularity="vague", vague=True)


def build_season_year(m: re.Match[str], text: str) -> Candidate | None:
    """ "صيف 2014" -> 2014-SU (TIMEX3 season)."""
    if _year_calendar(m.group("y"), _group(m, "suffix"), "gregorian") != "gregorian":
        return None
    season = lexicon().seasons[m.group("s")]
    return _candidate(m, "DATE", f"{m.group('y')}-{season}", "season_year", granularity="season")


def build_season_relative(m: re.Match[str], text: str) -> Candidate | None:
    """ "ربيع العام الماضي", "صيف هذا العام": a season of a year relative to publication."""
    lex = lexicon()
    unit_text = m.group("u") or m.group("u2")
    unit = lex.units[" ".join(unit_text.split())][0]
    direction = _direction(_group(m, "mod")) if _group(m, "mod") else 0
    if unit != "Y" or direction is None:
        return None
    relative = Relative("unit", unit="Y", offset=direction, season=lex.seasons[m.group("s")])
    return _candidate(m, "DATE", None, "season_relative", granularity="season", relative=relative)


def build_decade(m: re.Match[str], text: str) -> Candidate | None:
    """ "التسعينيات" -> 199; "ثمانينيات القرن الماضي" -> 198 once the century is known."""
    lex = lexicon()
    end = _span(m)[1]
    following = " ".join(text[end : end + 30].split()[:2])
    if any(following.startswith(b) for b in lex.blockers["decade_after"]):
        return None  # في الستينات من عمره، الأربعينات المئوية
    decade = lex.decades[m.group("dec")]
    century = _group(m, "cent")
    kind, number = lex.centuries[" ".join(century.split())] if century else ("abs", 19)
    if kind == "hrel":
        return None  # a decade of a Hijri century: the century rule tags the century
    if kind == "rel":
        relative = Relative("decade", offset=number, decade=decade)
        return _candidate(
            m, "DATE", None, "decade_relative", granularity="decade", relative=relative
        )
    return _candidate(m, "DATE", f"{number:02d}{decade}", "decade", granularity="decade")


# ---------------------------------------------------------------- durations and shifts


def _quantity(m: re.Match[str]) -> tuple[int, str] | None:
    """(count, unit code) of a counted unit: "ثلاث ساعات", "عامين", "الأعوام السبعة"."""
    lex = lexicon()
    for number_group, unit_group in (("n", "u"), ("n2", "u2")):
        number_text, unit_text = _group(m, number_group), _group(m, unit_group)
        if number_text and unit_text:
            number = lex.number(number_text)
            if number is None or number == 0:
                return None
            return number, lex.units[" ".join(unit_text.split())][0]
    dual = _group(m, "u3")
    if dual:
        return 2, lex.units[" ".join(dual.split())][0]
    single = _group(m, "u1")
    if single:
        return 1, lex.units[" ".join(single.split())][0]
    return None


def _duration_value(count: int, unit: str) -> str:
    if unit == "DE":
        return f"P{count * 10}Y"
    if unit == "CE":
        return f"P{count * 100}Y"
    if unit in ("H", "MIN"):
        return f"PT{count}{'H' if unit == 'H' else 'M'}"
    return f"P{count}{unit}"


def build_duration(m: re.Match[str], text: str) -> Candidate | None:
    quantity = _quantity(m)
    if quantity is None:
        return None
    count, unit = quantity
    if _group(m, "u3"):
        if unit in ("DE", "CE"):
            return None  # عقدين alone may be "two contracts"
        if not _dual_is_duration(m.group("u3"), text, m.start(), m.end()):
            return None  # مدراء عامين: "general", not "two years"
    return _candidate(
        m, "DURATION", _duration_value(count, unit), "duration", granularity="duration"
    )


def build_shift(m: re.Match[str], text: str) -> Candidate | None:
    quantity = _quantity(m)
    if quantity is None:
        return None
    count, unit = quantity
    after = _word_after(text, m.end())
    # "قبل عام 2008" is a year; "بعد ثلاثة أيام من الهجوم" counts from an event.
    if after[:1].isdigit() or after in lexicon().blockers["shift_after"]:
        return None
    cue = " ".join(m.group("cue").split())
    sign = 1 if cue in lexicon().words["after"] else -1
    if sign == 1 and _past_verb(after):
        return None  # "وبعد 15 يوما تم القبض عليه": after an event told, not publication
    if unit in ("DE", "CE"):
        count, unit = count * (10 if unit == "DE" else 100), "Y"
    if unit not in ("Y", "M", "W", "D"):
        return None
    relative = Relative("shift", offset=sign * count, unit=unit)
    granularity = {"Y": "year", "M": "month", "W": "day", "D": "day"}[unit]
    return _candidate(m, "DATE", None, "shift", granularity=granularity, relative=relative)


def _past_verb(word: str) -> bool:
    """A word the word-class lexicon knows as a perfect verb (تم، عاد، أعلن)."""
    found = classify(word)
    return found.pos == "verb" and found.tense == "perfect" and found.source == "lexicon"


def _unit_duration(unit: str, count: int) -> str | None:
    if unit in ("DE", "CE"):
        return None
    return _duration_value(count, unit)


def _dual_is_duration(dual: str, text: str, start: int, end: int) -> bool:
    """A bare dual is a duration unless it is also another word (عامين "general"): then
    only after a duration cue (لمدة عامين) or before a dual adjective (عامين إضافيين)."""
    lex = lexicon()
    if " ".join(dual.split()) not in lex.blockers["ambiguous_dual"]:
        return True
    before = _word_before(text, start)
    if before and before[0] in lex.words["duration_cue"]:
        return True
    return _word_after(text, end).rstrip(chars("count-noun-trim")) in lex.words["dual_adjective"]


def build_duration_dual_definite(m: re.Match[str], text: str) -> Candidate | None:
    """ "الشهرين الماضيين", "الساعتين": a definite dual is a duration (not العامين 2014)."""
    dual = m.group("u3")
    if lexicon().units[" ".join(dual.split())][0] in ("DE", "CE"):
        return None
    if _word_after(text, m.end())[:1].isdigit():
        return None
    value = _unit_duration(lexicon().units[" ".join(dual.split())][0], 2)
    if value is None:
        return None
    return _candidate(m, "DURATION", value, "duration_dual", granularity="duration")


def build_duration_one(m: re.Match[str], text: str) -> Candidate | None:
    """ "عام واحد", "عاما كاملا", "بعد مرور عام": one unit."""
    unit = lexicon().units[" ".join(m.group("u1").split())][0]
    if _word_after(text, m.end())[:1].isdigit():
        return None  # "لمدة عام 2015"
    value = _unit_duration(unit, 1)
    if value is None:
        return None
    return _candidate(m, "DURATION", value, "duration_one", granularity="duration")


# a duration's unit and the next smaller one, with how many of it make one
_SMALLER = {
    "Y": ("M", 12),
    "M": ("D", 30),
    "W": ("D", 7),
    "D": ("H", 24),
    "H": ("MIN", 60),
    "MIN": ("S", 60),
}


def build_duration_compound(m: re.Match[str], text: str) -> Candidate | None:
    """ "أربع ساعات ونصف الساعة" -> PT270M, "ساعة وعشرين دقيقة" -> PT80M: the sum in
    the smaller unit, as TIMEX3 writes a duration in one unit."""
    lex = lexicon()
    if _group(m, "n"):
        count, unit = lex.number(m.group("n")), lex.units[" ".join(m.group("u").split())][0]
    elif _group(m, "u3"):
        count, unit = 2, lex.units[" ".join(m.group("u3").split())][0]
    else:
        count, unit = 1, lex.units[" ".join(m.group("u1").split())][0]
    if not count or unit not in _SMALLER:
        return None
    smaller, per = _SMALLER[unit]
    if _group(m, "frac"):
        share = lex.fractions[" ".join(m.group("frac").split())]  # of an hour: 30, 15
        if unit == "M" and share != 30:
            return None  # a quarter month is no whole number of days
        total = count * per + per * share // 60
    else:
        extra = lex.number(m.group("n2"))
        if not extra or lex.units[" ".join(m.group("u2").split())][0] != smaller:
            return None
        total = count * per + extra
    if smaller in ("MIN", "S"):
        value = f"PT{total}{smaller[0]}"
        return _candidate(m, "DURATION", value, "duration", granularity="duration")
    return _candidate(
        m, "DURATION", _duration_value(total, smaller), "duration", granularity="duration"
    )


def build_duration_few(m: re.Match[str], text: str) -> Candidate | None:
    """ "أيام قليلة", "بضعة أيام": a duration of units not counted (PXD, PTXH)."""
    unit = lexicon().units[" ".join((_group(m, "u") or m.group("u2")).split())][0]
    if unit in ("DE", "CE"):
        return None
    value = f"PTX{unit[0]}" if unit in ("H", "MIN") else f"PX{unit}"
    return _candidate(m, "DURATION", value, "duration_few", granularity="duration")


def build_set_every(m: re.Match[str], text: str) -> Candidate | None:
    """ "كل عام", "كل يوم": a frequency (SET) of one unit."""
    unit = lexicon().units[" ".join(m.group("u1").split())][0]
    if _word_after(text, m.end())[:1].isdigit():
        return None
    value = _unit_duration(unit, 1)
    if value is None:
        return None
    return _candidate(m, "SET", value, "set", granularity="set")


def build_set_word(m: re.Match[str], text: str) -> Candidate | None:
    """ "سنويا", "الأسبوعية": a frequency word."""
    value = lexicon().sets[" ".join(m.group("s").split())]
    return _candidate(m, "SET", value, "set", granularity="set")


def build_century(m: re.Match[str], text: str) -> Candidate | None:
    """ "القرن العشرين" -> 19XX; "القرن الماضي" from publication; "القرن الهجري الماضي"
    the Hijri century's Gregorian days."""
    kind, number = lexicon().centuries[" ".join(m.group("cent").split())]
    if kind == "abs":
        return _candidate(m, "DATE", f"{number:02d}XX", "century", granularity="century")
    calendar = "hijri" if kind == "hrel" else "gregorian"
    relative = Relative("century", offset=number, calendar=calendar)
    return _candidate(m, "DATE", None, "century_relative", granularity="century", relative=relative)


def build_year_small_hijri(m: re.Match[str], text: str) -> Candidate | None:
    """ "سنة 10 هجرية": a Hijri year of the first centuries (tabular calendar)."""
    year = int(m.group("y"))
    value = tabular_hijri_year_interval(year) if year else None
    if value is None:
        return None
    return _candidate(
        m,
        "DATE",
        value,
        "year_hijri_small",
        granularity="year",
        hijri=f"{year:04d}",
        calendar="hijri",
    )


# ---------------------------------------------------------------- vague and times


def _object_follows(text: str, end: int) -> bool:
    """A noun phrase follows: a definite noun or a name, or a noun before a definite one
    (a construct: أسر الشهداء)."""
    words = text[end : end + 60].split()[:2]
    if not words or not words[0][:1].isalpha():
        return False  # punctuation or nothing: the word ends its clause
    first = classify(words[0].strip(chars("count-noun-trim")))
    if first.pos == "name" or (first.pos == "noun" and first.definite):
        return True
    article = lexicon().article
    return first.pos == "noun" and len(words) > 1 and words[1].startswith(article)


def build_vague(values: tuple[str, ...]) -> Builder:
    """One rule for all vague surfaces: group ``tN`` matched -> ``values[N]``."""

    def build(m: re.Match[str], text: str) -> Candidate | None:
        name = m.lastgroup  # each branch has one group, tN: the one that matched
        assert name is not None
        start, end = m.span(name)
        if text[start:end] in lexicon().blockers["participle"] and _object_follows(text, end):
            return None  # "مستقبلا أسر الشهداء": receiving them, not "in the future"
        blockers = lexicon().blockers
        narrows = " ".join(text[start:end].split()) in blockers["vague_of_span"]
        if narrows and _word_after(text, end) in blockers["vague_of_word"]:
            return None  # "في وقت سابق من اليوم": earlier today, the date is اليوم
        value = values[int(name[1:])]
        return Candidate(start, end, "DATE", value, "vague", granularity="vague", vague=True)

    return build


def _clock(hour: int, minute: int, daytime: str | None) -> str | None:
    shift = lexicon().daytime.get(" ".join((daytime or "").split()))
    if shift == "noon":
        hour = hour + 12 if 1 <= hour <= 6 else hour
    elif shift == "12" and hour < 12:
        hour += 12
    elif shift == "0" and hour == 12:
        hour = 0
    if hour > 23 or minute > 59:
        return None
    return f"{hour:02d}:{minute:02d}"


def build_clock(m: re.Match[str], text: str) -> Candidate | None:
    clock = _clock(int(m.group("h")), int(m.group("mi")), _group(m, "dt"))
    if clock is None:
        return None
    return _candidate(m, "TIME", f"XXXX-XX-XXT{clock}", "time_clock", granularity="minute")


def build_hour_word(m: re.Match[str], text: str) -> Candidate | None:
    lex = lexicon()
    if m.group("ho"):
        word = m.group("ho")
        word = lex.without_article(word)
        hour = 1 if word in lex.words["hour_one"] else lex.ordinals.get(word)
        if hour == 1 and not (m.group("frac") or m.group("mn") or m.group("mw") or m.group("dt")):
            return None  # "لا يتعدى الساعة الواحدة مقابل": the one hour, not one o'clock
    else:
        hour = int(m.group("hd"))
    if hour is None or hour > 24:
        return None
    minute = lex.fractions.get(m.group("frac") or "", 0)
    if m.group("mn") or m.group("mw"):
        minute = lex.number(m.group("mn") or m.group("mw")) or 0
    clock = _clock(hour, minute, _group(m, "dt"))
    if clock is None:
        return None
    return _candidate(m, "TIME", f"XXXX-XX-XXT{clock}", "time_hour_word", granularity="minute")


def build_filing_stamp(m: re.Match[str], text: str) -> Candidate | None:
    """ "17:58 ت م": the time the item was filed, on its own day (the dateline's day, or
    whatever day anchors the article), so it is anchored like اليوم."""
    relative = Relative("day", clock=f"{int(m.group('h')):02d}:{m.group('mi')}")
    return _candidate(m, "TIME", None, "filing_stamp", granularity="minute", relative=relative)


# ---------------------------------------------------------------- the rule table

# What a match of each rule of temporal_rules.yaml means, by rule name.
_BUILDERS: dict[str, Builder] = {
    "date_range": build_full_range,
    "date_day_range": build_day_range,
    "month_range": build_month_range,
    "month_of_relative_year": build_month_of_year,
    "date_ordinal_month_year": build_full_date,
    "date_day_month_year": build_full_date,
    "date_first_of_month": build_first_of_month,
    "day_part_alone": build_day_part_alone,
    "date_numeric": build_numeric,
    "date_numeric_day_month": build_numeric_day_month,
    "date_month_year": build_month_year,
    "year_pair": build_year_pair,
    "season_year": build_season_year,
    "season_relative": build_season_relative,
    "decade": build_decade,
    "year_range": build_year_range,
    "year_cue": build_year("year_after_cue"),
    "year_suffix": build_year("year_with_era"),
    "date_day_month": build_day_month,
    "date_ordinal_month": build_day_month,
    "month_relative": build_month_relative,
    "month_named": build_month_relative,
    "month_after_prep": build_month_relative,
    "deictic_weekday": build_deictic_weekday,
    "deictic": build_deictic,
    "weekday": build_weekday,
    "unit_relative": build_unit_relative,
    "unit_this": build_unit_relative,
    "shift": build_shift,
    "duration_plural_numbered": build_duration,
    "unit_plural_vague": build_unit_vague,
    "duration": build_duration,
    "duration_compound": build_duration_compound,
    "duration_dual_definite": build_duration_dual_definite,
    "duration_one": build_duration_one,
    "duration_single": build_duration_one,
    "set_every": build_set_every,
    "duration_few": build_duration_few,
    "set_word": build_set_word,
    "century": build_century,
    "year_small_hijri": build_year_small_hijri,
    "filing_stamp": build_filing_stamp,
    "time_clock": build_clock,
    "time_hour_word": build_hour_word,
}


@cache
def builders() -> dict[str, Builder]:
    """Every rule's builder by name; the vague one reads its values from the lexicon."""
    values = tuple(row[0] for row in vague_order(lexicon()))
    return {**_BUILDERS, "vague": build_vague(values)}


@cache
def rules() -> tuple[Rule, ...]:
    build = builders()
    return tuple(
        Rule(t.name, compile_rule(t.template), build[t.name], frozenset({t.trigger}), t.back)
        for t in rule_templates()
    )


def debug_pattern(name: str) -> str:
    """The expanded regex of a rule (for tests and debugging)."""
    for template in rule_templates():
        if template.name == name:
            return expand(template.template)
    raise KeyError(name)
