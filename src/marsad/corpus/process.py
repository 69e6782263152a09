"""The process view: the bodies and instruments a story names, and what each does when.

Derived, not hard-coded: every entity that names an event or a body (a dialogue, an
agreement, a committee) becomes a row; its dated events come from the timeline, and
what it is reported to do from the sentences and statements that mention it, in date
order. For the seed reports this rebuilds the HMC process: the 2008 Strategic
Framework Agreement, the Strategic Dialogue, the Higher Coordinating Committee, the
Joint Security Cooperation Dialogue and the Higher Military Commission.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from marsad.corpus.timeline import Timeline, date_key
from marsad.extract.events import named_kind
from marsad.model import Article, Span

_EXCERPT_CHARS = 220


@dataclass(slots=True)
class Mention:
    doc: str
    start: int  # the sentence
    end: int
    excerpt: str
    date: str | None  # the date of an event of this body reported in that sentence
    speaker: str | None = None  # when the sentence is a quoted statement
    said_on: str | None = None  # when that statement was made, where known

    @property
    def when(self) -> str | None:
        return self.date or self.said_on

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "doc": self.doc,
            "start": self.start,
            "end": self.end,
            "excerpt": self.excerpt,
            "date": self.date,
        }
        if self.speaker:
            out["speaker"] = self.speaker
        if self.said_on:
            out["said_on"] = self.said_on
        return out


@dataclass(slots=True)
class Body:
    name: str
    type: str
    kind: str
    aliases: list[str] = field(default_factory=list)
    dates: list[str] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)

    @property
    def first_date(self) -> str | None:
        return min(self.dates, key=date_key) if self.dates else None

    def to_json(self) -> dict[str, Any]:
        docs = sorted({m.doc for m in self.mentions})
        return {
            "name": self.name,
            "type": self.type,
            "kind": self.kind,
            "aliases": self.aliases,
            "first_date": self.first_date,
            "dates": self.dates,
            "docs": docs,
            "mentions": [m.to_json() for m in self.mentions],
        }


def _sentence(article: Article, span: Span) -> Span:
    for sentence in article.sentences:
        if sentence.span.contains(span):
            return sentence.span
    return span


def process_view(articles: Sequence[Article], timeline: Timeline) -> list[Body]:
    """One row per named body or instrument, earliest dated first, undated last."""
    bodies: dict[str, Body] = {}
    for article in articles:
        seen: set[tuple[str, int]] = set()
        for entity in article.entities:
            kind = named_kind(article, entity)
            if kind is None or article.is_boilerplate(entity.span):
                continue
            body = bodies.setdefault(entity.canonical, Body(entity.canonical, entity.type, kind))
            if entity.text not in body.aliases:
                body.aliases.append(entity.text)
            sentence = _sentence(article, entity.span)
            if (entity.canonical, sentence.start) in seen:
                continue
            seen.add((entity.canonical, sentence.start))
            dated = [
                e.date
                for e in article.events
                if e.name == entity.canonical and e.sentence == sentence and e.date
            ]
            quote = next((q for q in article.quotes if sentence.contains(q.cue_span)), None)
            excerpt = sentence.slice(article.text)
            if len(excerpt) > _EXCERPT_CHARS:
                excerpt = excerpt[:_EXCERPT_CHARS] + "…"
            body.mentions.append(
                Mention(
                    article.doc,
                    sentence.start,
                    sentence.end,
                    excerpt,
                    dated[0] if dated else None,
                    quote.speaker if quote else None,
                    quote.date if quote else None,
                )
            )
    for event in timeline.events:
        if event.name in bodies and event.date and event.date not in bodies[event.name].dates:
            bodies[event.name].dates.append(event.date)
    for body in bodies.values():
        body.dates.sort(key=date_key)
        body.mentions.sort(key=lambda m: (m.when is None, date_key(m.when or ""), m.doc, m.start))
    return sorted(
        bodies.values(),
        key=lambda b: (b.first_date is None, date_key(b.first_date or ""), -len(b.mentions)),
    )
