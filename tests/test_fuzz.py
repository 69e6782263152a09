"""Adversarial Unicode through the temporal tagger, the quote parser and the HTML reader.

Bidi controls, zero-width (non-)joiners, combining marks, Arabic-Indic digits, quote marks
and very long lines: no exception may escape, and every offset must slice valid text.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from marsad.extract.entities import annotate_entities
from marsad.extract.quotes import annotate_quotes
from marsad.ingest import InputError
from marsad.ingest.html import read_html
from marsad.model import Article, Span
from marsad.pipeline import annotate, annotate_sentences
from marsad.temporal import annotate_timexes

WORDS = (
    "قال", "أكد", "وزير", "الخارجية", "السعودي", "الرياض", "يوم", "الأحد", "في", "مايو",
    "2024", "٢٠٢٤", "٥", "رمضان", "1445هـ", "الماضي", "أمس", "إن", "«", "»", '"', ":",
    "مليون", "دولار", "%", "محمد", "بن", "سلمان", "أيار", "الساعة", "صباحاً", "منذ", "عام",
    "\n", ".", "،", "؛", "-", "/",
)  # fmt: skip
TRICKY = (
    "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"  # bidi controls
    "\u200b\u200c\u200d\u2060\ufeff"  # zero-width characters, BOM
    "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0670\u0301\u0308"  # combining marks
    "\u0640\u0660\u0665\u06f5\ufdf2\ufefb\U0001f600\x00\r\t "
)
token = st.one_of(
    st.sampled_from(WORDS),
    st.text(alphabet=TRICKY, min_size=1, max_size=3),
    st.text(min_size=1, max_size=4),
)
texts = st.lists(token, max_size=60).map(" ".join)
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _check_offsets(article: Article) -> None:
    text = article.text

    def valid(span: Span | None) -> None:
        if span is not None:
            assert 0 <= span.start <= span.end <= len(text), span

    for sentence in article.sentences:
        valid(sentence.span)
    for timex in article.timexes:
        valid(timex.span)
        assert timex.span.slice(text) == timex.text
    for entity in article.entities:
        valid(entity.span)
        assert entity.span.slice(text) == entity.text
    for quote in article.quotes:
        valid(quote.cue_span)
        valid(quote.content_span)
        valid(quote.speaker_span)
    for quantity in article.quantities:
        valid(quantity.span)
        assert quantity.span.slice(text) == quantity.text
    for event in article.events:
        valid(event.trigger)
        valid(event.sentence)
        valid(event.timex)
        assert event.trigger.slice(text) == event.trigger_text


@SETTINGS
@given(texts)
def test_temporal_tagger_on_adversarial_text(text: str) -> None:
    article = Article(doc="f.txt", source="fuzz", text=text)
    annotate_sentences(article)
    annotate_timexes(article)
    _check_offsets(article)


@SETTINGS
@given(texts)
def test_quote_parser_on_adversarial_text(text: str) -> None:
    article = Article(doc="f.txt", source="fuzz", text=text)
    annotate_sentences(article)
    annotate_entities(article)
    annotate_quotes(article)
    _check_offsets(article)


@SETTINGS
@given(texts)
def test_every_stage_on_adversarial_text(text: str) -> None:
    _check_offsets(annotate(Article(doc="f.txt", source="fuzz", text=text)))


@settings(max_examples=10, deadline=None)
@given(st.lists(st.sampled_from(WORDS), min_size=5, max_size=20).map(" ".join))
def test_very_long_lines(sentence: str) -> None:
    text = (sentence.replace("\n", " ") + " ") * 400  # one line of thousands of words
    _check_offsets(annotate(Article(doc="long.txt", source="fuzz", text=text)))


@SETTINGS
@given(texts, st.sampled_from(["p", "div", "span", "b", "a", "td"]), st.booleans())
def test_html_reader_on_adversarial_pages(text: str, tag: str, truncate: bool) -> None:
    body = "".join(f"<{tag}>{line}</{tag}>" for line in text.split("\n"))
    page = f'<html><head><meta charset="utf-8"></head><body><article>{body}</article></body>'
    data = page.encode("utf-8", "surrogatepass")
    if truncate:
        data = data[: len(data) // 2]
    result = read_html(data, "fuzz.html")
    if isinstance(result, InputError):
        assert result.reason and "\n" not in result.reason
        return
    _check_offsets(annotate(result))
