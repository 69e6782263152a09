"""When was each statement made? Dates for quotes from the article's own words.

A quote's statement is dated by a date in its attribution ("قالت الوزارة، الخميس، إن"),
never by a date inside what was said, nor by the date the outlet read it ("في بيان،
طالعه المسرى اليوم السبت"). A later quote by the same speaker, or one opening with
"بدوره" / "من جهته", belongs to the same occasion and takes the same date. A date set
by the corpus stage (the same statement dated in another report) is kept unless the
article's own words date the statement. A statement dated well before the report came
out ("عندما قال في تصريحات عام 2009") is a past occasion recalled: its date stays its own.
"""

from __future__ import annotations

import calendar
import re
from datetime import date
from functools import cache

from marsad.arabic.charsets import char_class
from marsad.arabic.clitics import proclitic_letters
from marsad.arabic.normalize import normalize
from marsad.extract.events import COVERAGE, TRIGGERS_FILE
from marsad.model import Article, Quote, Span, Timex
from marsad.resources import load_tsv


@cache
def _prefix() -> str:
    """Where a dating word may start: at the start or after whitespace or a boundary
    mark, with a conjunction or none ("وقالت الوزارة، الخميس")."""
    boundary = char_class("attribution-boundary")[1:-1]
    conjunctions = "".join(sorted(proclitic_letters("conjunction")))
    return rf"(?:^|(?<=[\s{boundary}]))[{conjunctions}]?"


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    words: dict[str, list[str]] = {}
    for kind, surface in load_tsv("statement_dates.tsv", columns=2):
        words.setdefault(kind, []).append(re.escape(normalize(surface)))
    for row in load_tsv(TRIGGERS_FILE, columns=3):
        if row[1] == COVERAGE:
            words.setdefault(COVERAGE, []).append(re.escape(normalize(row[0])))
    return {
        kind: re.compile(
            _prefix() + "(?:" + "|".join(sorted(forms, key=len, reverse=True)) + ")\\b"
        )
        for kind, forms in words.items()
    }


def _sentence_of(article: Article, span: Span) -> Span:
    for sentence in article.sentences:
        if sentence.span.start <= span.start < sentence.span.end:
            return sentence.span
    return Span(span.start, span.end)


_CALENDAR_VALUE = re.compile(r"\d{4}")


def _datable(timex: Timex) -> bool:
    """A calendar date (a clock time alone, "XXXX-XX-XXT12:00", dates nothing)."""
    return (
        timex.type in {"DATE", "TIME"}
        and not timex.vague
        and timex.value is not None
        and bool(_CALENDAR_VALUE.match(timex.value))
    )


def _own_date(article: Article, quote: Quote) -> Timex | None:
    """A date in the attribution part of the quote's sentence, not after a coverage verb.

    The attribution is the sentence outside what was said: before the content, or after
    it when the attribution comes last ("..., بحسب مجلس الملاحة العالمي")."""
    sentence = _sentence_of(article, quote.cue_span)
    content = quote.content_span
    if content.start >= quote.cue_span.end:
        region = Span(sentence.start, max(sentence.start, min(content.start, sentence.end)))
    else:
        region = Span(max(sentence.start, content.end), sentence.end)
    coverage = _patterns().get(COVERAGE)
    for timex in article.timexes:
        if not region.contains(timex.span):
            continue
        if not _datable(timex):
            continue
        lead = article.view.fold_range(sentence.start, timex.span.start)
        if coverage is not None and coverage.search(lead):
            return None
        return timex
    return None


def _opens_same_occasion(article: Article, quote: Quote) -> bool:
    pattern = _patterns().get("same-occasion")
    if pattern is None:
        return False
    sentence = _sentence_of(article, quote.cue_span)
    head = article.view.fold_range(sentence.start, quote.cue_span.start).strip()
    return bool(pattern.match(head))


# A statement the report presents as its news was made at most this long before it came out.
NEWS_WINDOW_DAYS = 7
_VALUE = re.compile(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")


def _last_day(value: str) -> date | None:
    """The last day a date value ("2009", "2015-06", "2015-08-03T10:00") can stand for."""
    match = _VALUE.match(value.rpartition("/")[2] or value)
    if match is None:
        return None
    year, month, day = int(match[1]), int(match[2] or 12), match[3]
    try:
        return date(year, month, int(day) if day else calendar.monthrange(year, month)[1])
    except ValueError:
        return None


def _first_day(value: str | None) -> date | None:
    match = _VALUE.match(value or "")
    if match is None or not match[3]:
        return None
    try:
        return date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None


def _occasion_date(article: Article, quote: Quote) -> bool:
    """True when the quote's date can date the report's other statements: not a past
    occasion recalled long before the report came out (unknown publication: True)."""
    published = _first_day(article.published.value)
    said = _last_day(quote.date) if quote.date else None
    if published is None or said is None:
        return quote.date is not None
    return (published - said).days <= NEWS_WINDOW_DAYS


def _nearest_same_speaker(article: Article, ordered: list[Quote], index: int) -> Quote | None:
    """The closest quote by the same speaker dated on the report's occasion, earlier first."""
    speaker = ordered[index].speaker
    if not speaker:
        return None
    earlier = [q for q in ordered[:index] if q.speaker == speaker and _occasion_date(article, q)]
    if earlier:
        return earlier[-1]
    later = ordered[index + 1 :]
    return next((q for q in later if q.speaker == speaker and _occasion_date(article, q)), None)


def annotate_statement_dates(article: Article) -> None:
    """Set ``Quote.date`` (and ``date_note``) where the text tells when it was said.

    One report quoting one speaker several times reports one occasion, so an undated
    quote takes the date of the nearest dated quote by the same speaker; a quote opening
    with "بدوره" takes the date of the statement before it.
    """
    ordered = sorted(article.quotes, key=lambda q: q.cue_span.start)
    for quote in ordered:
        own = _own_date(article, quote)
        if own is not None:
            quote.date, quote.date_note = own.value, f"stated in the report: '{own.text}'"
    last_dated: Quote | None = None
    for index, quote in enumerate(ordered):
        if quote.date is None:
            source = _nearest_same_speaker(article, ordered, index)
            if source is None and _opens_same_occasion(article, quote):
                source = last_dated
            if source is not None:
                quote.date = source.date
                quote.date_note = "same occasion as another statement in this report"
        if _occasion_date(article, quote):
            last_dated = quote
