"""The matching engine: run every rule, keep the best non-overlapping matches, merge.

Longer matches win over shorter ones (HeidelTime's overlap policy); among equal lengths
the earlier rule in the table wins. Merges join what the rules see apart: a date followed
by a clock time, a weekday and the date it names. A Hijri date and its Gregorian
equivalent (الموافق) stay two timexes, as TimeML has them: the dateline reads the pair.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import replace
from functools import cache
from itertools import compress, repeat

from marsad.arabic.view import TextView
from marsad.temporal.calendar import BARE_YEARS
from marsad.temporal.candidate import Candidate
from marsad.temporal.first_chars import first_chars
from marsad.temporal.lexicon import lexicon
from marsad.temporal.patterns import expand
from marsad.temporal.rules import Rule, rules
from marsad.temporal.templates import gap_template
from marsad.temporal.triggers import find_triggers, start_depths

# A rule tried near the hits of its trigger kind: (its order in the table, the rule, how
# many words before a trigger it may start, the keys of the positions it can start at or
# None for any: a start character and a depth, as ``find_candidates`` spells them).
_Tried = tuple[int, Rule, int, frozenset[str] | None]
_DEPTHS = "0123456789"  # a depth (words before the trigger) as one character


def _start_keys(rule: Rule) -> frozenset[str] | None:
    """Where a rule may start: ``back`` words before its trigger at most, on a character
    its pattern can start with (a failed match costs more than a set lookup)."""
    chars = first_chars(rule.pattern)
    if chars is None:
        return None
    return frozenset(char + _DEPTHS[depth] for char in chars for depth in range(rule.back + 1))


@cache
def _plan() -> tuple[tuple[str, int, tuple[_Tried, ...]], ...]:
    """The rules by trigger kind: (kind, most words back, rules). The order of tries
    across rules does not matter: ``select`` orders candidates by length, then rule order."""
    by_kind: dict[str, list[_Tried]] = {}
    for order, rule in enumerate(rules()):
        (kind,) = rule.triggers  # one kind per rule: its positions are shared by kind
        assert rule.back < len(_DEPTHS)
        by_kind.setdefault(kind, []).append((order, rule, rule.back, _start_keys(rule)))
    return tuple(
        (kind, max(back for _, _, back, _ in tried), tuple(tried))
        for kind, tried in by_kind.items()
    )


def find_candidates(view: TextView) -> list[Candidate]:
    """Every rule's matches near its triggers, over the view's folded text."""
    found: list[Candidate] = []
    folded = view.folded
    by_kind = find_triggers(folded, view.encoded)
    if not by_kind:
        return found
    for kind, most_back, tried in _plan():
        hits = by_kind.get(kind)
        if hits is None:
            continue
        if most_back:
            depth_of = start_depths(view.starts, hits, most_back)
            positions = sorted(depth_of)
            depths = list(map(depth_of.__getitem__, positions))
        else:
            positions, depths = hits, [0] * len(hits)
        # a position's start character and depth, e.g. "ا2": the key rules look up
        chars = map(folded.__getitem__, positions)
        keys = list(map(str.__add__, chars, map(_DEPTHS.__getitem__, depths)))
        for order, rule, back, starts in tried:
            if starts is not None:
                at: Iterable[int] = compress(positions, map(starts.__contains__, keys))
            elif back < most_back:
                at = compress(positions, map(back.__ge__, depths))
            else:
                at = positions
            build = rule.build
            for match in filter(None, map(rule.pattern.match, repeat(folded), at)):
                candidate = build(match, folded)
                if candidate is not None and candidate.end > candidate.start:
                    candidate.order = order
                    found.append(candidate)
    return found


def select(candidates: list[Candidate]) -> list[Candidate]:
    """Greedy: longest first, then rule order; drop anything overlapping a kept match."""
    # kept spans are disjoint and non-empty: sorted by start, their ends ascend too, so
    # the kept span starting last before a candidate's end is the only one to check
    starts: list[int] = []
    ends: list[int] = []
    kept: list[Candidate] = []
    for candidate in sorted(candidates, key=lambda c: (-c.length, c.order, c.start)):
        assert candidate.end > candidate.start
        index = bisect_left(starts, candidate.end)
        if index and ends[index - 1] > candidate.start:
            continue
        starts.insert(index, candidate.start)
        ends.insert(index, candidate.end)
        kept.insert(index, candidate)
    return kept


@cache
def _agreement_gap() -> re.Pattern[str]:
    return re.compile(expand(gap_template("agreement")))


@cache
def _time_gap() -> re.Pattern[str]:
    return re.compile(expand(gap_template("time")))


def _is_absolute(candidate: Candidate) -> bool:
    return candidate.relative is None and candidate.value is not None and not candidate.vague


# Hours of a 12-hour clock that a part of the day before the day puts after noon: "مساء
# غد الأربعاء عند الساعة التاسعة" is 21:00; in the night only the evening hours move.
_AFTERNOON_HOURS = {"AF": range(1, 12), "EV": range(1, 12), "NI": range(6, 12), "MI": range(1, 4)}


def _clock_in_part(clock: str, part: str | None) -> str:
    """``clock`` (HH:MM) on the 24-hour clock given the day's part (EV, NI, ...)."""
    hours = _AFTERNOON_HOURS.get(part or "")
    hour, _, minute = clock.partition(":")
    if hours is None or not hour.isdigit() or int(hour) not in hours:
        return clock
    return f"{int(hour) + 12:02d}:{minute}"


def _merge_date_time(first: Candidate, second: Candidate, gap: str) -> Candidate | None:
    if first.granularity != "day" or second.type != "TIME" or first.vague:
        return None
    if second.value is None or "T" not in second.value or "/" in (first.value or ""):
        return None
    if _time_gap().fullmatch(gap) is None:
        return None
    clock = second.value.split("T", 1)[1]
    if first.relative is not None:
        part = first.relative.clock
    else:
        part = (first.value or "").partition("T")[2]
    clock = _clock_in_part(clock, part)
    if first.relative is not None:  # "اليوم الساعة الثالثة عصراً": a time of a relative day
        if first.relative.kind not in ("day", "weekday", "daymonth") or first.relative.day2:
            return None
        return Candidate(
            first.start,
            second.end,
            "TIME",
            None,
            "relative_time",
            granularity="minute",
            relative=replace(first.relative, clock=clock),
            calendar=first.calendar,
        )
    if not _is_absolute(first):
        return None
    return Candidate(
        first.start,
        second.end,
        "TIME",
        f"{(first.value or '').partition('T')[0]}T{clock}",
        "date_time",
        granularity="minute",
        hijri=first.hijri,
        calendar=first.calendar,
    )


def _merge_weekday_date(first: Candidate, second: Candidate, gap: str) -> Candidate | None:
    """ "يوم الاثنين الموافق 2 / 11 / 1436هـ": the weekday names the date that follows."""
    if first.rule not in ("weekday", "deictic_weekday") or not _is_absolute(second):
        return None
    if second.granularity != "day" or _agreement_gap().fullmatch(gap) is None:
        return None
    return Candidate(
        first.start,
        second.end,
        second.type,
        second.value,
        second.rule,
        granularity="day",
        hijri=second.hijri,
        calendar=second.calendar,
    )


@cache
def _list_year() -> re.Pattern[str]:
    return re.compile(expand(gap_template("list_year")))


def _listed_years(selected: list[Candidate], folded: str) -> list[Candidate]:
    """ "عامي 2014 و2015": a year joined to a year timex by و/أو is a year too."""
    out: list[Candidate] = []
    for index, candidate in enumerate(selected):
        out.append(candidate)
        previous = candidate
        following = selected[index + 1].start if index + 1 < len(selected) else len(folded)
        while previous.granularity == "year" and _is_absolute(previous):
            match = _list_year().match(folded, previous.end)
            if match is None or match.end() > following or previous.calendar != "gregorian":
                break
            year = int(match.group("y"))
            if year not in BARE_YEARS:
                break
            start, end = match.span("y")
            previous = Candidate(start, end, "DATE", f"{year:04d}", "year_list", granularity="year")
            out.append(previous)
    return out


@cache
def _day_part_before() -> re.Pattern[str]:
    """A part of the day ending just before a day: "مساء أمس", "ظهر اليوم (الاثنين)"."""
    return re.compile(expand(r"%CL(?P<p>%DAY_PART)\s+\Z"))


_DAY_PART_WINDOW = 16  # characters before a day where its part of the day may start


def _with_day_part(candidate: Candidate, folded: str) -> Candidate:
    """The day with its part of the day (2015-08-09TEV) when one stands before it."""
    if candidate.granularity != "day" or candidate.start == 0:
        return candidate
    relative = candidate.relative
    if relative is not None and (relative.clock or relative.day2):
        return candidate
    if relative is None and (not _is_absolute(candidate) or len(candidate.value or "") != 10):
        return candidate
    window_start = max(0, candidate.start - _DAY_PART_WINDOW)
    found = _day_part_before().search(folded, window_start, candidate.start)
    if found is None:
        return candidate
    code = lexicon().day_parts[" ".join(found.group("p").split())]
    merged = replace(candidate, start=found.start("p"), type="TIME")
    if relative is not None:
        merged.relative = replace(relative, clock=code)
    else:
        merged.value = f"{candidate.value}T{code}"
    return merged


def _day_parts(selected: list[Candidate], folded: str) -> list[Candidate]:
    out: list[Candidate] = []
    for candidate in map(_with_day_part, selected, repeat(folded)):
        if out and out[-1].end > candidate.start:
            return selected  # a part of the day inside the previous match: leave all
        out.append(candidate)
    return out


def _merge_apposition(first: Candidate, second: Candidate, gap: str) -> Candidate | None:
    """ "العام الحالي 1436هـ", "هذا العام 1436 / 1437هـ": a relative year named by the
    year that follows it is that year (in its calendar: "العام المقبل 1437هـ" starts in
    October 2015)."""
    relative = first.relative
    if relative is None or relative.kind != "unit" or relative.unit != "Y" or relative.season:
        return None
    if gap.strip() or not _is_absolute(second) or second.type != "DATE":
        return None
    if second.granularity not in ("year", "interval") or second.rule.startswith("month"):
        return None
    return replace(second, start=first.start)


def merge(selected: list[Candidate], folded: str) -> list[Candidate]:
    selected = _day_parts(_listed_years(selected, folded), folded)
    out: list[Candidate] = []
    for candidate in selected:
        if out:
            previous = out[-1]
            gap = folded[previous.end : candidate.start]
            if len(gap) <= 20:
                merged = (
                    _merge_apposition(previous, candidate, gap)
                    or _merge_date_time(previous, candidate, gap)
                    or _merge_weekday_date(previous, candidate, gap)
                )
                if merged is not None:
                    out[-1] = merged
                    continue
        out.append(candidate)
    return out
