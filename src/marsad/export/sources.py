"""The sentence behind each source of an event, with a little of the text around it."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from marsad.corpus.timeline import Event, Source
from marsad.model import Article

CONTEXT_CHARS = 160


@dataclass(frozen=True, slots=True)
class SourceText:
    """A source as text: what comes before the sentence, the sentence, what comes after."""

    doc: str
    article_id: str
    start: int
    end: int
    before: str
    sentence: str
    after: str
    title: str | None
    published: str | None

    @property
    def known(self) -> bool:
        return bool(self.sentence)


def _cut_before(text: str, start: int, chars: int) -> str:
    left = max(0, start - chars)
    if left > 0:
        space = text.find(" ", left, start)
        left = space + 1 if space != -1 else left
        return "…" + text[left:start]
    return text[left:start]


def _cut_after(text: str, end: int, chars: int) -> str:
    right = min(len(text), end + chars)
    if right < len(text):
        space = text.rfind(" ", end, right)
        right = space if space > end else right
        return text[end:right] + "…"
    return text[end:right]


def source_text(
    source: Source, articles: Mapping[str, Article], chars: int = CONTEXT_CHARS
) -> SourceText:
    """The sentence of ``source`` in its article (empty when the article is not at hand)."""
    article = articles.get(source.article_id)
    if article is None:
        return SourceText(
            source.doc, source.article_id, source.start, source.end, "", "", "", None, None
        )
    text = article.text
    return SourceText(
        doc=source.doc,
        article_id=source.article_id,
        start=source.start,
        end=source.end,
        before=_cut_before(text, source.start, chars),
        sentence=text[source.start : source.end],
        after=_cut_after(text, source.end, chars),
        title=article.title,
        published=article.published.value,
    )


def event_sources(
    event: Event, articles: Mapping[str, Article], chars: int = CONTEXT_CHARS
) -> list[SourceText]:
    return [source_text(source, articles, chars) for source in event.sources]


def one_line(text: str) -> str:
    """Whitespace runs (line breaks included) folded to single spaces."""
    return " ".join(text.split())
