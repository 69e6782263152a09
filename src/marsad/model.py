"""The data model: one article, its exact text, and layers of spans over that text.

Every later stage adds to these layers; nothing keeps a parallel structure. Offsets are
Python string indices into ``Article.text`` exactly as read (after decoding), so any
annotation can be sliced back to the words it came from.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from marsad.arabic.view import TextView
    from marsad.temporal.relative import Relative


class PublishedSource(StrEnum):
    """Where a publication date came from, best first."""

    METADATA = "metadata"
    DATELINE = "dateline"
    URL = "url"
    FILENAME = "filename"
    OPTION = "option"
    INFERRED = "inferred"
    UNKNOWN = "unknown"


@dataclass(frozen=True, slots=True)
class Span:
    """A half-open character range ``[start, end)`` of an article's text."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if self.start < 0 or self.end < self.start:
            raise ValueError(f"bad span {self.start}:{self.end}")

    def slice(self, text: str) -> str:
        return text[self.start : self.end]

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end

    def contains(self, other: Span) -> bool:
        return self.start <= other.start and other.end <= self.end


@dataclass(slots=True)
class Published:
    """The publication date (ISO 8601 at the granularity known) and its provenance."""

    value: str | None = None
    source: PublishedSource = PublishedSource.UNKNOWN
    span: Span | None = None  # the dateline as written, when it came from the text
    note: str | None = None  # e.g. why a crawl timestamp was corrected
    # When the page was fetched (a record's ``crawled`` field): an upper bound for the
    # publication time, never the publication time itself.
    crawled: str | None = None

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"value": self.value, "source": str(self.source)}
        if self.crawled is not None:
            out["crawled"] = self.crawled
        return out


@dataclass(slots=True)
class Boilerplate:
    """Web furniture in a plain text (comment blocks, section links, bylines): no facts."""

    span: Span
    kind: str  # comments | section-links | subscribe | latest-news | byline | navigation


@dataclass(slots=True)
class Sentence:
    span: Span


@dataclass(slots=True)
class Timex:
    """A temporal expression (TimeML types) with its ISO 8601 / TIMEX3 value.

    ``value`` is None when the text does not determine it; ``anchor`` then says what it
    depends on ("publication"), and is never silently replaced by today's date. A relative
    expression keeps its meaning (``relative``), so a new publication date re-anchors it
    with one resolve, without tagging the text again.
    """

    span: Span
    text: str
    type: str  # DATE | TIME | DURATION | SET
    value: str | None
    anchor: str | None = None  # "publication" for relative expressions
    granularity: str | None = None  # year | month | day | minute | interval | vague ...
    vague: bool = False
    hijri: str | None = None  # the Hijri value as written, e.g. "1436-10-21"
    rule: str = ""  # name of the rule that produced it
    relative: Relative | None = None  # the unresolved meaning of a relative expression

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "start": self.span.start,
            "end": self.span.end,
            "text": self.text,
            "type": self.type,
            "value": self.value,
        }
        if self.anchor is not None:
            out["anchor"] = self.anchor
        if self.granularity is not None:
            out["granularity"] = self.granularity
        if self.vague:
            out["vague"] = True
        if self.hijri is not None:
            out["hijri"] = self.hijri
        if self.rule:
            out["rule"] = self.rule
        return out


@dataclass(slots=True)
class Entity:
    """A named mention linked to one canonical entity.

    ``canonical`` is the Latin name as an English newspaper writes it, ``canonical_ar``
    the fullest Arabic name (without clitics), ``name_source`` where the Latin name comes
    from ("gazetteer" or "romanised"), ``id`` the identity shared by every mention of the
    same person or body (in the article; the store joins identities across articles).
    """

    span: Span
    text: str
    type: str  # PER | ORG | LOC | EVENT | MISC
    canonical: str
    role: str | None = None
    rule: str = ""
    canonical_ar: str = ""
    name_source: str = ""
    id: str = ""

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "start": self.span.start,
            "end": self.span.end,
            "text": self.text,
            "type": self.type,
            "canonical": self.canonical,
            "canonical_ar": self.canonical_ar,
            "name_source": self.name_source,
        }
        if self.id:
            out["id"] = self.id
        if self.role is not None:
            out["role"] = self.role
        return out


@dataclass(slots=True)
class Quote:
    """An attributed statement: who (speaker), the reporting verb (cue), what (content)."""

    speaker: str | None  # canonical name, or a short description of an unnamed speaker
    cue: str
    cue_span: Span
    content_span: Span
    speaker_span: Span | None = None  # the speaker as written, where written
    implicit: bool = False  # speaker carried over from an earlier sentence
    date: str | None = None  # when the statement was made, where the text tells
    date_note: str | None = None  # how that date was found (own words, same statement …)
    speaker_ar: str | None = None  # the speaker's fullest Arabic name, or the phrase as written
    speaker_id: str | None = None  # the speaker entity's id, shared by all its mentions

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"speaker": self.speaker}
        if self.speaker_ar:
            out["speaker_ar"] = self.speaker_ar
        if self.speaker_id:
            out["speaker_id"] = self.speaker_id
        if self.speaker_span is not None:
            out["speaker_start"] = self.speaker_span.start
            out["speaker_end"] = self.speaker_span.end
        out.update(
            {
                "cue": self.cue,
                "cue_start": self.cue_span.start,
                "cue_end": self.cue_span.end,
                "content_start": self.content_span.start,
                "content_end": self.content_span.end,
                "implicit": self.implicit,
            }
        )
        if self.date is not None:
            out["date"] = self.date
        return out


@dataclass(slots=True)
class Quantity:
    """A figure as written: its value, unit, what it counts (``subject``, from the text),
    and for casualty and violence counts a ``category`` (killed, injured, arrested, ...).

    A range ("900 إلى 1000 دولار") has ``bounds`` ``(low, high)`` and no single ``value``;
    the public JSON writes it as ``"value": [low, high]``. ``head`` is the counted noun
    phrase as written and ``sentence`` the sentence the figure stands in: what a later
    stage needs to tie the figure to its event."""

    span: Span
    text: str
    value: float | int | None
    unit: str | None = None
    subject: str | None = None
    approximate: bool = False
    vague: bool = False
    category: str | None = None
    head: Span | None = None
    sentence: Span | None = None
    bounds: tuple[float | int, float | int] | None = None

    def to_json(self) -> dict[str, Any]:
        value = list(self.bounds) if self.bounds is not None else self.value
        out: dict[str, Any] = {
            "start": self.span.start,
            "end": self.span.end,
            "text": self.text,
            "value": value,
            "unit": self.unit,
        }
        if self.subject is not None:
            out["subject"] = self.subject
        if self.approximate:
            out["approximate"] = True
        if self.vague:
            out["vague"] = True
        if self.category is not None:
            out["category"] = self.category
        return out


@dataclass(slots=True)
class EventMention:
    """An event reported in one sentence: a trigger word, its kind, and its own date."""

    kind: str
    trigger: Span
    trigger_text: str
    sentence: Span
    date: str | None = None  # value of the timex that belongs to this event
    timex: Span | None = None
    participants: list[str] = field(default_factory=list)  # canonical entity names
    name: str | None = None  # canonical name of a named event (e.g. a dialogue)
    undated_reason: str | None = None
    rule: str = ""
    place: str | None = None  # canonical name of where it happened, where the text ties one

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "kind": self.kind,
            "trigger_start": self.trigger.start,
            "trigger_end": self.trigger.end,
        }
        if self.date is not None:
            out["date"] = self.date
        out["participants"] = list(self.participants)
        if self.name is not None:
            out["name"] = self.name
        if self.place is not None:
            out["place"] = self.place
        return out


def article_id(text: str, url: str | None = None, outlet: str | None = None) -> str:
    """Stable id of a report: its text, and its URL or else its outlet where known.

    Never the path it was read from: the same file under another path, or copied to
    another folder, is the same article (ingest is idempotent by this id). Two outlets
    printing the same wire text are two articles, as are two URLs holding it.
    """
    digest = hashlib.sha256()
    if url:
        digest.update(b"url\x00" + url.strip().encode("utf-8", "surrogatepass"))
    elif outlet:
        digest.update(b"outlet\x00" + outlet.strip().encode("utf-8", "surrogatepass"))
    digest.update(b"\x00")
    digest.update(text.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()[:20]


@dataclass(slots=True)
class Article:
    """One report: its text exactly as read, its metadata, and its annotation layers."""

    doc: str  # file name, or a record's id for JSONL / feeds / WARC
    source: str  # path or URL it was read from (with #record for JSONL); not in the id
    text: str
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: Published = field(default_factory=Published)
    language: str = "ar"
    encoding: str | None = None
    raw: str | None = None  # the raw page for HTML input
    id: str = ""
    boilerplate: list[Boilerplate] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    timexes: list[Timex] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    events: list[EventMention] = field(default_factory=list)
    # The text view (folded text, tokens, offsets): built on first use, never stored,
    # pickled or compared; ``release_view`` frees it once the layers are made.
    _view: TextView | None = field(default=None, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if not self.id:
            self.id = article_id(self.text, self.url, self.outlet)

    @property
    def view(self) -> TextView:
        """The Arabic text view of the text, built once (``marsad.arabic.view``)."""
        if self._view is None:
            from marsad.arabic.view import TextView  # arabic.view reads this module

            self._view = TextView(self.text)
        return self._view

    def transient_view(self) -> TextView:
        """The view when built, else a new one that is not kept: for a pass over many
        stored articles, where keeping every view would hold the corpus twice."""
        if self._view is not None:
            return self._view
        from marsad.arabic.view import TextView

        return TextView(self.text)

    def release_view(self) -> None:
        """Drop the view (it is rebuilt from the text when asked for again)."""
        self._view = None

    def __getstate__(self) -> dict[str, Any]:
        state = {name: getattr(self, name) for name in self.__dataclass_fields__}
        state["_view"] = None  # rebuilt on demand, never shipped between processes
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        for name, value in state.items():
            object.__setattr__(self, name, value)

    def is_boilerplate(self, span: Span) -> bool:
        """True when the span lies in web furniture that must yield no facts."""
        return any(b.span.overlaps(span) for b in self.boilerplate)

    def body_spans(self) -> list[Span]:
        """The parts of the text that are not boilerplate, in order."""
        spans: list[Span] = []
        cursor = 0
        for block in sorted(self.boilerplate, key=lambda b: b.span.start):
            if block.span.start > cursor:
                spans.append(Span(cursor, block.span.start))
            cursor = max(cursor, block.span.end)
        if cursor < len(self.text):
            spans.append(Span(cursor, len(self.text)))
        return spans

    def to_json(self) -> dict[str, Any]:
        """The public per-article JSON of DESIGN.md (`marsad extract --json`)."""
        return {
            "doc": self.doc,
            "id": self.id,
            "title": self.title,
            "outlet": self.outlet,
            "published": self.published.to_json(),
            "boilerplate": [
                {"start": b.span.start, "end": b.span.end, "kind": b.kind} for b in self.boilerplate
            ],
            "timexes": [t.to_json() for t in self.timexes],
            "entities": [e.to_json() for e in self.entities],
            "quotes": [q.to_json() for q in self.quotes],
            "quantities": [q.to_json() for q in self.quantities],
            "events": [e.to_json() for e in self.events],
        }
