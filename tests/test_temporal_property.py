"""Generated Arabic dates parse back to exactly the generated value, with the whole span.

Day, month in any month system (transliterated with its spelling variants, Levantine,
Maghrebi, two names combined "آب/أغسطس" or "أغسطس (آب)", Hijri with هـ), year, Western or
Eastern-Arabic digits, with or without the right weekday, inside a sentence.
"""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.resources import load_tsv
from marsad.temporal import tag_text
from marsad.temporal.calendar import hijri_to_gregorian

_MONTHS = load_tsv("months.tsv", columns=3)
_GREGORIAN: dict[int, list[str]] = {}
_HIJRI: dict[int, list[str]] = {}
for _row in _MONTHS:
    _table = _HIJRI if _row[0] == "hijri" else _GREGORIAN
    _table.setdefault(int(_row[1]), []).append(_row[2])
_WEEKDAYS: dict[int, list[str]] = {}
for _number, _surface, _ in load_tsv("weekdays.tsv", columns=3):
    _WEEKDAYS.setdefault(int(_number), []).append(_surface)
_EASTERN = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
_FRAMES = ("أعلنت الوزارة في {} عن خطة جديدة", "وذلك بتاريخ {}، حسب البيان", "{}\nنص الخبر")


def _digits(number: int, eastern: bool) -> str:
    return str(number).translate(_EASTERN) if eastern else str(number)


@st.composite
def gregorian_month_name(draw: st.DrawFn, month: int) -> str:
    names = _GREGORIAN[month]
    first = draw(st.sampled_from(names))
    others = [n for n in names if n != first]
    if not others or not draw(st.booleans()):
        return first
    second = draw(st.sampled_from(others))
    return draw(st.sampled_from([f"{first}/{second}", f"{first} ({second})"]))


@st.composite
def written_date(draw: st.DrawFn) -> tuple[str, str]:
    """(the date as written, its ISO value)."""
    eastern = draw(st.booleans())
    if draw(st.integers(0, 4)) == 0:  # Hijri, Umm al-Qura range
        year, month, day = draw(st.integers(1400, 1450)), draw(st.integers(1, 12)), 0
        day = draw(st.integers(1, 29))
        converted = hijri_to_gregorian(year, month, day)
        assert converted is not None
        name = draw(st.sampled_from(_HIJRI[month]))
        suffix = draw(st.sampled_from(["هـ", " هـ", " هجري"]))
        text = f"{_digits(day, eastern)} {name} {_digits(year, eastern)}{suffix}"
        return text, converted.isoformat()
    year, month = draw(st.integers(1950, 2035)), draw(st.integers(1, 12))
    day = draw(st.integers(1, 28))
    value = date(year, month, day)
    name = draw(gregorian_month_name(month))
    text = f"{_digits(day, eastern)} {name} {_digits(year, eastern)}"
    if draw(st.booleans()):
        weekday = draw(st.sampled_from(_WEEKDAYS[value.isoweekday()]))
        head = draw(st.sampled_from([f"{weekday} ", f"{weekday}، ", f"يوم {weekday} "]))
        text = head + text
    return text, value.isoformat()


@settings(max_examples=300, deadline=None)
@given(written_date(), st.sampled_from(_FRAMES))
def test_generated_date_parses_back(written: tuple[str, str], frame: str) -> None:
    text, value = written
    sentence = frame.format(text)
    start = sentence.index(text)
    timexes = tag_text(sentence)
    covering = [t for t in timexes if t.span.start <= start and start + len(text) <= t.span.end]
    assert len(covering) == 1, (sentence, timexes)
    timex = covering[0]
    assert timex.value == value, (sentence, timex)
    assert timex.text == sentence[timex.span.start : timex.span.end]
    assert timex.span.end == start + len(text)  # nothing after the date is taken
