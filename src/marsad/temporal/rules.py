"""Named temporal rules: a pattern template over lexicon fragments and a builder.

Like HeidelTime's ``rules/``: each rule names what it recognises and turns a match into
a ``Candidate`` with a value (or a ``Relative`` meaning to anchor later). A builder may
refuse a match (returns None); the matcher then retries one character further on.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, lru_cache

from marsad.temporal.calendar import (
    BARE_YEARS,
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
from marsad.temporal.lexicon import Lexicon, alternation, lexicon
from marsad.temporal.patterns import compile_rule, expand
from marsad.temporal.relative import Relative

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


def build_year_pair(m: re.Match[str], text: str) -> Candidate | None:
    """An academic or fiscal year "1436/1437هـ", "لعام 2014/2015": two consecutive years."""
    y1, y2 = int(m.group("y1")), int(m.group("y"))
    if y2 != y1 + 1 or not (_group(m, "cue") or _group(m, "suffix")):
        return None
    calendar = _year_calendar(m.group("y"), _group(m, "suffix"), "gregorian")
    if calendar == "hijri":
        first, last = hijri_year_interval(y1), hijri_year_interval(y2)
        value = f"{first.split('/')[0]}/{last.split('/')[1]}" if first and last else None
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
    return after.rstrip("،,.:؛") not in lexicon().blockers["count_after"]


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
        if calendar == "gregorian" and not _group(m, "suffix") and year not in BARE_YEARS:
            return None
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
    first = _day_value(calendar, year1, found1[1], int(m.group("d1")))
    last = _day_value(calendar, year2, found2[1], int(m.group("d2")))
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


def build_year_range(m: re.Match[str], text: str) -> Candidate | None:
    y1, y2 = int(m.group("y1")), int(m.group("y"))
    if y1 not in BARE_YEARS or y2 not in BARE_YEARS or y2 <= y1 or y2 - y1 > 100:
        return None
    if not m.group("from") and m.group("conn").strip() in lexicon().words["and"]:
        return None
    if not _plausible_year(m, text):
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


_SENTENCE_ENDS = ".!?؟\n"


@cache
def _future_cue() -> re.Pattern[str]:
    """A future cue as a whole word of a space-padded window."""
    cues = lexicon().words["future_cue"]
    return re.compile(" (?:" + "|".join(map(re.escape, cues)) + ") ")


def _future_context(text: str, start: int) -> bool:
    """A future verb (س + imperfect) or a future cue shortly before ``start``."""
    lex = lexicon()
    window = text[max(0, start - 80) : start]
    window = window[max(map(window.rfind, _SENTENCE_ENDS)) + 1 :]  # after the last one
    if _future_cue().search(f" {window} ") is not None:
        return True
    for word in window.split()[-3:]:
        word = word.strip('،,:؛"«»()')
        if word.startswith("و"):
            word = word[1:]
        if (
            len(word) >= 5
            and word[0] == "س"
            and word[1] in "يتن"  # not سا: سائحا، سابقا، ساعات are nouns
            and word not in lex.blockers["future_stop"]
        ):
            return True
    return False


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
    if previous in lex.blockers["weekday_before"] or after.startswith("عشر"):
        return None
    if weekday_text in lex.ambiguous_weekdays and not (has_day_word or mod):
        in_parens = text[start - 1 : start] == "(" or text[max(0, start - 2) : start] == "( "
        punct_before = _char_before(text, start) in ("،", ",", "(")
        punct_after = _char_after(text, end) in ("،", ",", ")", ".")
        if not (
            in_parens or previous in lex.words["weekday_context"] or (punct_before and punct_after)
        ):
            return None
    direction = _direction(mod)
    if direction == 1 or (direction is None and _future_context(text, start)):
        mode = "future"
    elif direction == 0:
        mode = "near"
    else:
        mode = "past"
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
    if word in lex.deictic_needs_context and not has_day_word:
        return None
    start, end = _span(m)
    if lex.deictic[word] == 0 and not has_day_word:
        before = _word_before(text, start)
        after = _word_after(text, end)
        # اليوم العالمي، اليوم الأول، ذلك اليوم، في اليوم: a day, not today.
        # ... but "اليوم الساعة الثالثة" is today at three
        at_hour = after in lex.words["hour_word"]
        if (before and before[0] in lex.blockers["today_before"]) or (
            after.startswith("ال") and not at_hour
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
        before = _word_before(text, m.start())
        if not before or before[0] not in lexicon().words["duration_cue"]:
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
    if after[:1].isdigit() or after in ("من", "علي"):
        return None
    cue = " ".join(m.group("cue").split())
    sign = 1 if cue in lexicon().words["after"] else -1
    if unit in ("DE", "CE"):
        count, unit = count * (10 if unit == "DE" else 100), "Y"
    if unit not in ("Y", "M", "W", "D"):
        return None
    relative = Relative("shift", offset=sign * count, unit=unit)
    granularity = {"Y": "year", "M": "month", "W": "day", "D": "day"}[unit]
    return _candidate(m, "DATE", None, "shift", granularity=granularity, relative=relative)


# ---------------------------------------------------------------- vague and times


def build_vague(values: tuple[str, ...]) -> Builder:
    """One rule for all vague surfaces: group ``tN`` matched -> ``values[N]``."""

    def build(m: re.Match[str], text: str) -> Candidate | None:
        name = m.lastgroup  # each branch has one group, tN: the one that matched
        assert name is not None
        start, end = m.span(name)
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
        word = word[2:] if word.startswith("ال") else word
        hour = lex.ordinals.get(word)
    else:
        hour = int(m.group("hd"))
    if hour is None or hour > 24:
        return None
    minute = {"النصف": 30, "نصف": 30, "الربع": 15, "ربع": 15}.get(m.group("frac") or "", 0)
    clock = _clock(hour, minute, _group(m, "dt"))
    if clock is None:
        return None
    return _candidate(m, "TIME", f"XXXX-XX-XXT{clock}", "time_hour_word", granularity="minute")


# ---------------------------------------------------------------- the rule table

_CL = r"%B(?:[وف]?[بلك]?)"  # word start with optional clitics kept out of the span
# a year, maybe in parentheses ("عام ( 1933 )"), maybe with its era ("1436هـ", "( 1308 ) هجري")
_YEAR_TAIL = (
    r"(?:(?P<po>\(\s*))?(?P<y>%YEAR)%NE(?(po)\s*\))(?P<suffix>\s*(?:%AH_SUFFIX|%AD_SUFFIX)%E)?"
)
_WEEKDAY_HEAD = r"(?:(?:%DAY_WORD\s+)?%WEEKDAY%SEP)?"

_TEMPLATES: tuple[tuple[str, str, Builder], ...] = (
    (
        "date_range",
        rf"{_CL}(?P<t>(?:(?P<from>%RANGE_FROM|%BETWEEN)\s+)?%NB(?P<d1>%DAY)%NE\s+(?:من\s+)?"
        rf"(?P<mon1>%MONTHS)(?:%SEP(?P<y1>%YEAR)%NE(?:\s*(?:%AH_SUFFIX|%AD_SUFFIX)%E)?)?"
        rf"(?P<conn>\s*(?:%RANGE_TO|%DASH)\s*|\s+و\s*)%NB(?P<d2>%DAY)%NE\s+(?:من\s+)?"
        rf"(?P<mon2>%MONTHS)%SEP(?:%YEAR_CUE\s+)?{_YEAR_TAIL})",
        build_full_range,
    ),
    (
        "date_day_range",
        rf"{_CL}(?P<t>(?:(?P<from>%RANGE_FROM|%BETWEEN)\s+)?%NB(?P<d1>%DAY)%NE"
        rf"(?P<conn>\s*(?:%RANGE_TO|%DASH)\s*|\s*و\s*)(?P<d2>%DAY)%NE\s*(?:من\s+)?"
        rf"(?:%MONTH_WORD\s+)?(?P<mon>%MONTHS)%E"
        rf"(?:%SEP(?:%YEAR_CUE\s+)?{_YEAR_TAIL}|\s+(?P<mod>%MOD)%E)?)",
        build_day_range,
    ),
    (
        "month_range",
        rf"{_CL}(?P<t>(?P<from>%RANGE_FROM|%BETWEEN)\s+(?:%MONTH_WORD\s+)?(?P<mon1>%MONTHS)"
        rf"(?P<conn>\s*(?:%RANGE_TO|%DASH)\s*|\s+و\s*)(?:%MONTH_WORD\s+)?(?P<mon2>%MONTHS)%E"
        rf"(?:%SEP(?:%YEAR_CUE\s+)?{_YEAR_TAIL})?)",
        build_month_range,
    ),
    (
        "month_of_relative_year",
        rf"{_CL}(?P<t>(?:(?:(?P<do>%DAYORD)\s+من|%NB(?P<d>%DAY)%NE)\s+)?(?:%MONTH_WORD\s+)?"
        r"(?P<mon>%GMONTHS)\s*[,،]?\s+(?:من\s+)?(?:%THIS\s+%DEF(?P<u>%UNIT_SG)"
        r"|%DEF(?P<u2>%UNIT_SG)\s+(?P<mod>%MOD)))%E",
        build_month_of_year,
    ),
    (
        "date_ordinal_month_year",
        rf"{_CL}(?P<t>{_WEEKDAY_HEAD}(?P<do>%DAYORD)\s+من\s+(?:%MONTH_WORD\s+)?"
        rf"(?P<mon>%MONTHS)\s*[,،/\-]?\s*(?:من\s+)?(?:%YEAR_CUE\s+)?{_YEAR_TAIL})",
        build_full_date,
    ),
    (
        "date_day_month_year",
        rf"{_CL}(?P<t>{_WEEKDAY_HEAD}%NB(?P<d>%DAY)%NE\s*[,،/\-]?\s*(?:من\s+)?"
        rf"(?:%MONTH_WORD\s+)?(?P<mon>%MONTHS)\s*[,،/\-]?\s*(?:من\s+)?(?:%YEAR_CUE\s+)?{_YEAR_TAIL})",
        build_full_date,
    ),
    (
        "date_numeric",
        rf"{_CL}(?P<t>{_WEEKDAY_HEAD}%NB(?P<a>\d{{1,4}})(?P<sep> ?[/.\-] ?)(?P<b>\d{{1,2}})"
        r"(?P=sep)(?P<c>\d{1,4})(?![\d/\-]|\.\d)(?P<suffix>\s*(?:%AH_SUFFIX|%AD_SUFFIX)%E)?)",
        build_numeric,
    ),
    (
        "date_numeric_day_month",
        rf"{_CL}%NUMERIC_DATE_CUE\s+(?P<t>%NB(?P<a>\d{{1,2}}) ?/ ?(?P<b>\d{{1,2}})(?![\d/]| /))",
        build_numeric_day_month,
    ),
    (
        "date_month_year",
        rf"{_CL}(?P<t>(?:%MONTH_WORD\s+)?(?P<mon>%MONTHS)%SEP(?:من\s+)?(?:%YEAR_CUE\s+)?{_YEAR_TAIL})",
        build_month_year,
    ),
    (
        "year_pair",
        rf"{_CL}(?:(?P<cue>%YEAR_CUE)\s+)?(?P<t>(?:(?P<po>\(\s*))?%NB(?P<y1>%YEAR)\s*[/\-]\s*"
        r"(?P<y>%YEAR)%NE(?(po)\s*\))(?P<suffix>\s*(?:%AH_SUFFIX|%AD_SUFFIX)%E)?)",
        build_year_pair,
    ),
    (
        "season_year",
        rf"{_CL}(?P<t>(?P<s>%SEASON)\s+(?:%YEAR_CUE\s+)?{_YEAR_TAIL})",
        build_season_year,
    ),
    (
        "season_relative",
        rf"{_CL}(?P<t>(?P<s>%SEASON)\s+(?:%THIS\s+%DEF(?P<u>%UNIT_SG)"
        r"|%DEF(?P<u2>%UNIT_SG)\s+(?P<mod>%MOD)))%E",
        build_season_relative,
    ),
    (
        "decade",
        rf"{_CL}(?P<t>(?P<dec>%DECADE)(?:\s+(?:من\s+)?(?P<cent>%CENTURY))?)%E",
        build_decade,
    ),
    (
        "year_range",
        rf"{_CL}(?P<t>(?:(?P<from>%RANGE_FROM|%BETWEEN)\s+(?:%YEAR_CUE\s+)?)?%NB(?P<y1>%YEAR)%NE"
        rf"(?P<conn>\s*(?:%RANGE_TO|%DASH)\s*|\s+و\s*)(?P<y>%YEAR)%NE)",
        build_year_range,
    ),
    (
        "year_cue",
        rf"{_CL}(?:%YEAR_CUE|%YEAR_PREP|%YEAR_EVENT)\s+(?P<t>%NB{_YEAR_TAIL})",
        build_year("year_after_cue"),
    ),
    (
        "year_suffix",
        r"(?P<t>%NB(?P<y>%YEAR)%NE(?P<close>\s*\))?(?P<suffix>\s*(?:%AH_SUFFIX|%AD_SUFFIX))%E)",
        build_year("year_with_era"),
    ),
    (
        "date_day_month",
        rf"{_CL}(?P<t>{_WEEKDAY_HEAD}%NB(?P<d>%DAY)%NE\s*(?:من\s+)?(?:%MONTH_WORD\s+)?"
        rf"(?P<mon>%MONTHS)%E(?:\s+(?P<mod>%MOD)%E)?)",
        build_day_month,
    ),
    (
        "date_ordinal_month",
        rf"{_CL}(?P<t>{_WEEKDAY_HEAD}(?P<do>%DAYORD)\s+من\s+(?:%MONTH_WORD\s+)?"
        rf"(?P<mon>%MONTHS)%E(?:\s+(?P<mod>%MOD)%E)?)",
        build_day_month,
    ),
    (
        "month_relative",
        rf"{_CL}(?P<t>(?:(?P<mw>%MONTH_WORD)\s+)?(?P<mon>%MONTHS)\s+(?P<mod>%MOD))%E",
        build_month_relative,
    ),
    (
        "month_named",
        rf"{_CL}(?P<t>(?P<mw>%MONTH_WORD)\s+(?P<mon>%MONTHS))%E",
        build_month_relative,
    ),
    (
        "month_after_prep",
        rf"{_CL}%MONTH_PREP\s+(?P<t>(?P<mon>%GMONTHS))%E",
        build_month_relative,
    ),
    (
        "deictic_weekday",
        rf"{_CL}(?P<t>(?:(?P<yw>%DAY_WORD)\s+)?(?P<dx>%DEICTIC)%SEP"
        r"(?:\(\s*(?P<wd1>%WEEKDAY)\s*\)|(?P<wd2>%WEEKDAY)%E))",
        build_deictic_weekday,
    ),
    (
        "deictic",
        rf"{_CL}(?P<t>(?:(?P<yw>%DAY_WORD)\s+)?(?P<dx>%DEICTIC))%E",
        build_deictic,
    ),
    (
        "weekday",
        rf"{_CL}(?P<t>(?:(?P<yw>%DAY_WORD)\s+)?(?P<wd>%WEEKDAY)(?:\s+(?P<mod>%MOD))?)%E",
        build_weekday,
    ),
    (
        "unit_relative",
        rf"{_CL}(?P<t>%DEF(?P<u>%UNIT_SG)\s+(?P<mod>%MOD))%E",
        build_unit_relative,
    ),
    (
        "unit_this",
        rf"{_CL}(?P<t>%THIS\s+%DEF(?P<u>%UNIT_SG))%E",
        build_unit_relative,
    ),
    (
        "shift",
        rf"{_CL}(?P<t>(?P<cue>%BEFORE|%AGO|%AFTER)\s+(?:(?P<n>%NUM)\s+(?P<u>%UNIT_ANY)"
        r"|(?P<u3>%UNIT_DUAL)|(?P<u1>%UNIT_SG)))%E",
        build_shift,
    ),
    (
        "duration_plural_numbered",
        rf"{_CL}(?P<t>%DEF(?P<u2>%UNIT_PL)\s+(?P<n2>ال%NUMWORD)(?:\s+%MOD)?)%E",
        build_duration,
    ),
    (
        "unit_plural_vague",
        rf"{_CL}(?P<t>%DEF%UNIT_PL\s+(?P<mod>%MOD))%E",
        build_unit_vague,
    ),
    (
        "duration",
        rf"{_CL}(?P<t>%NB(?P<n>%NUM)\s+(?P<u>%UNIT_ANY)|(?P<u3>%UNIT_DUAL))%E",
        build_duration,
    ),
    (
        "time_clock",
        r"(?P<t>(?:%B%HOUR_WORD\s*)?%NB(?P<h>[01]?\d|2[0-4])\s*:\s*(?P<mi>[0-5]\d)(?![\d:])"
        r"(?:\s*(?P<dt>%DAYTIME)%E)?(?:\s+%TZ_CUE\s+%TZ%E)?)",
        build_clock,
    ),
    (
        "time_hour_word",
        r"%B(?P<t>%HOUR_WORD\s+(?:(?P<ho>(?:ال)?%ORDINAL)|%NB(?P<hd>\d{1,2})%NE)"
        r"(?:\s+و\s*(?P<frac>النصف|الربع))?(?:\s+(?:من\s+)?(?P<dt>%DAYTIME)%E)?"
        r"(?:\s+%TZ_CUE\s+%TZ%E)?)%E",
        build_hour_word,
    ),
)


def _vague_rule(lex: Lexicon) -> tuple[str, str, Builder]:
    """All rows of temporal_vague.tsv as one alternation, longest first."""
    rows = sorted(lex.vague, key=lambda row: -len(" ".join(row[1:])))
    branches = []
    for index, (_, before, span, after) in enumerate(rows):
        branch = ""
        if before:
            branch += re.escape(before).replace(r"\ ", r"\s+") + r"\s+"
        branch += f"(?P<t{index}>" + re.escape(span).replace(r"\ ", r"\s+") + ")"
        if after:
            branch += r"\s+" + re.escape(after).replace(r"\ ", r"\s+")
        branches.append(branch)
    pattern = rf"{_CL}(?:" + "|".join(branches) + ")%E"
    return "vague", pattern, build_vague(tuple(row[0] for row in rows))


# How many words before a month name's first word each rule may start (fewer positions
# tried is faster): "يوم الجمعة، 26 من شهر يناير" starts five words before يناير.
_MONTH_RULES = {
    "date_range": 4,  # its first month triggers too
    "date_day_range": 6,
    "date_day_month_year": 5,
    "date_month_year": 1,
    "date_day_month": 5,
    "month_relative": 1,
    "month_named": 1,
    "month_after_prep": 1,
    "month_range": 2,
    "month_of_relative_year": 4,
}
# ... and before a unit word (عام، أيام): "قبل خمسة وعشرين عاما" starts three words before.
_UNIT_RULES = {
    "unit_relative": 0,
    "unit_this": 1,
    "shift": 3,
    "duration_plural_numbered": 0,
    "unit_plural_vague": 0,
    "duration": 2,
}
_TRIGGERS: dict[str, tuple[frozenset[str], int]] = {
    **{name: (frozenset({"month"}), back) for name, back in _MONTH_RULES.items()},
    **{name: (frozenset({"unit"}), back) for name, back in _UNIT_RULES.items()},
    "date_numeric": (frozenset({"numsep"}), 4),
    "date_numeric_day_month": (frozenset({"numsep"}), 2),
    "year_pair": (frozenset({"yearsep"}), 3),
    "date_ordinal_month_year": (frozenset({"dayord"}), 2),
    "date_ordinal_month": (frozenset({"dayord"}), 2),
    "season_year": (frozenset({"season"}), 0),
    "season_relative": (frozenset({"season"}), 0),
    "decade": (frozenset({"decade"}), 0),
    "year_range": (frozenset({"year4"}), 4),
    "year_cue": (frozenset({"year4"}), 2),
    "year_suffix": (frozenset({"year4"}), 0),
    "deictic_weekday": (frozenset({"deictic"}), 2),
    "deictic": (frozenset({"deictic"}), 2),
    "weekday": (frozenset({"weekday"}), 2),
    "time_clock": (frozenset({"clock"}), 2),
    "time_hour_word": (frozenset({"hour"}), 0),
    "vague": (frozenset({"vague"}), 1),  # one word before its first trigger word at most
}


@cache
def rules() -> tuple[Rule, ...]:
    templates = [*_TEMPLATES, _vague_rule(lexicon())]
    return tuple(
        Rule(name, compile_rule(t), build, *_TRIGGERS[name]) for name, t, build in templates
    )


def debug_pattern(name: str) -> str:
    """The expanded regex of a rule (for tests and debugging)."""
    for rule_name, template, _ in _TEMPLATES:
        if rule_name == name:
            return expand(template)
    raise KeyError(name)
