"""The timeline: event mentions from many articles merged into dated, sourced events.

A named event (a dialogue, an agreement, a committee's session) reported by several
articles with the same date is one event with all of them as sources; a coarser date of
the same name ("2023-08") joins the one finer date it contains. Different dates of one
name stay apart (April and July rounds of a dialogue) and are listed as possible
conflicts. Unnamed mentions merge when kind, date and participants agree. A mention
whose date the text does not give goes under ``undated`` with the reason, never a guess.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from marsad.extract.events import title_span
from marsad.model import Article, EventMention

# Unnamed mentions of the same kind and date merge when their participants overlap this much.
_MIN_PARTICIPANT_OVERLAP = 0.5
# ... or when their sentences share this much wording (word trigrams, Jaccard): one wire
# sentence reprinted by several papers is one event, whatever entities each one tagged.
_MIN_WORDING_OVERLAP = 0.5
_WORDING_SIZE = 3
_SOURCE_TEXT_CHARS = 160


@dataclass(frozen=True, slots=True)
class Source:
    """The sentence of one article that reports an event."""

    doc: str
    article_id: str
    start: int
    end: int
    trigger: int = field(default=-1, compare=False)  # where to centre a quoted excerpt

    def to_json(self) -> dict[str, Any]:
        return {"doc": self.doc, "start": self.start, "end": self.end}


@dataclass(frozen=True, slots=True)
class AttachedQuote:
    """A quote made in a source sentence of an event: who, the cue, where its content is."""

    speaker: str | None
    cue: str
    doc: str
    start: int  # the content's offsets in that document
    end: int
    date: str | None = None

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "speaker": self.speaker,
            "cue": self.cue,
            "doc": self.doc,
            "start": self.start,
            "end": self.end,
        }
        if self.date:
            out["date"] = self.date
        return out


@dataclass(slots=True)
class Event:
    """One event across the corpus: its date at source granularity, title and sources."""

    id: str
    date: str | None
    title: str
    kind: str
    name: str | None = None
    participants: list[str] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)
    reason: str | None = None  # why there is no date (undated events only)
    quotes: list[AttachedQuote] = field(default_factory=list)
    places: list[str] = field(default_factory=list)  # where, most often reported first

    @property
    def place(self) -> str | None:
        return self.places[0] if self.places else None

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": self.id,
            "date": self.date,
            "title": self.title,
            "kind": self.kind,
            "participants": list(self.participants),
        }
        if self.places:
            out["place"] = self.places[0]
        if len(self.places) > 1:  # the sources name different places: all of them
            out["places"] = list(self.places)
        out |= {
            "sources": [s.to_json() for s in self.sources],
            "quotes": [q.to_json() for q in self.quotes],
        }
        if self.date is None:
            out["reason"] = self.reason or "the sources do not give a date"
        return out


@dataclass(slots=True)
class Conflict:
    """One named event given different, incompatible dates (another round, or a dispute)."""

    name: str
    kind: str
    event_ids: list[str]
    dates: list[str]

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "kind": self.kind, "events": self.event_ids, "dates": self.dates}


@dataclass(slots=True)
class FigureConflict:
    """Reports of one event giving different figures in the same unit (casualties...)."""

    event_id: str
    title: str
    unit: str
    versions: list[dict[str, Any]]  # {"value", "approximate", "sources": [{doc,start,end,text}]}

    def to_json(self) -> dict[str, Any]:
        return {
            "event": self.event_id,
            "title": self.title,
            "unit": self.unit,
            "versions": self.versions,
        }


@dataclass(slots=True)
class Timeline:
    events: list[Event] = field(default_factory=list)  # dated, in date order
    undated: list[Event] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    figure_conflicts: list[FigureConflict] = field(default_factory=list)

    def to_json(self, with_conflicts: bool = False) -> dict[str, Any]:
        """The public timeline JSON of DESIGN.md (conflicts only when asked for)."""
        out: dict[str, Any] = {
            "events": [e.to_json() for e in self.events],
            "undated": [e.to_json() for e in self.undated],
        }
        if with_conflicts:
            out["conflicts"] = [c.to_json() for c in self.conflicts]
            out["figure_conflicts"] = [c.to_json() for c in self.figure_conflicts]
        return out


@dataclass(slots=True)
class _Item:
    article: Article
    mention: EventMention
    _wording: frozenset[tuple[str, ...]] | None = None

    @property
    def wording(self) -> frozenset[tuple[str, ...]]:
        """Word trigrams of the source sentence, folded for matching (computed once)."""
        if self._wording is None:
            words = self.article.transient_view().words_in(self.mention.sentence)
            size = _WORDING_SIZE
            self._wording = frozenset(
                tuple(words[i : i + size]) for i in range(len(words) - size + 1)
            )
        return self._wording

    @property
    def source(self) -> Source:
        sentence = self.mention.sentence
        return Source(
            self.article.doc,
            self.article.id,
            sentence.start,
            sentence.end,
            self.mention.trigger.start,
        )


def date_key(date: str) -> tuple[str, str]:
    """Sort key: an interval by its start; a coarser date first ("2008" < "2008-05")."""
    start, _, end = date.partition("/")
    return start, end or start


def _within(fine: str, coarse: str) -> bool:
    """True when every bound of ``fine`` lies inside the (non-interval) date ``coarse``."""
    if "/" in coarse or fine == coarse:
        return False
    bounds = fine.split("/")
    return all(b.startswith(coarse) and b[len(coarse) : len(coarse) + 1] in "-T" for b in bounds)


def _granularity(date: str) -> int:
    return len(date.partition("/")[0])


def _date_clusters(dates: Iterable[str]) -> dict[str, str]:
    """Map each date to the date it merges into: itself, or the one finer date it contains."""
    distinct = sorted(set(dates), key=_granularity, reverse=True)
    target: dict[str, str] = {}
    for date in distinct:
        finer = {target[d] for d in target if _within(d, date)}
        target[date] = finer.pop() if len(finer) == 1 else date
    return target


def _overlap(left: list[str], right: list[str]) -> float:
    a, b = set(left), set(right)
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


def _stable_id(*parts: str) -> str:
    digest = hashlib.sha1("\x1f".join(parts).encode("utf-8"), usedforsecurity=False)
    return digest.hexdigest()[:12]


def _title(item: _Item) -> str:
    if item.mention.name:
        return item.mention.name
    span = title_span(item.article.view, item.mention.sentence, item.mention.trigger)
    return span.slice(item.article.text)


def _event(items: list[_Item], date: str | None, reason: str | None = None) -> Event:
    items = sorted(items, key=lambda i: (i.article.doc, i.mention.sentence.start))
    first = items[0].mention
    participants: list[str] = []
    for item in items:
        participants += [p for p in item.mention.participants if p not in participants]
    sources = list(dict.fromkeys(item.source for item in items))
    places = Counter(item.mention.place for item in items if item.mention.place)
    title = _title(items[0])
    key = first.name or title
    event_id = _stable_id(key, first.kind, date or "", "" if date else items[0].article.id)
    return Event(
        event_id,
        date,
        title,
        first.kind,
        first.name,
        participants,
        sources,
        reason,
        _attached_quotes(items),
        [place for place, _ in places.most_common()],
    )


def _attached_quotes(items: list[_Item]) -> list[AttachedQuote]:
    """The quotes whose reporting verb stands in one of the event's source sentences."""
    quotes: dict[tuple[str, int], AttachedQuote] = {}
    for item in items:
        for quote in item.article.quotes:
            if item.mention.sentence.contains(quote.cue_span):
                key = (item.article.id, quote.cue_span.start)
                quotes[key] = AttachedQuote(
                    quote.speaker,
                    quote.cue,
                    item.article.doc,
                    quote.content_span.start,
                    quote.content_span.end,
                    quote.date,
                )
    return list(quotes.values())


def _group_named(items: list[_Item]) -> list[tuple[list[_Item], str]]:
    groups: dict[tuple[str, str], list[_Item]] = {}
    for item in items:
        key = (item.mention.name or "", item.mention.kind)
        groups.setdefault(key, []).append(item)
    out: list[tuple[list[_Item], str]] = []
    for members in groups.values():
        target = _date_clusters(m.mention.date or "" for m in members)
        by_date: dict[str, list[_Item]] = {}
        for member in members:
            by_date.setdefault(target[member.mention.date or ""], []).append(member)
        out.extend((group, date) for date, group in by_date.items())
    return out


def _same_wording(left: _Item, right: _Item) -> bool:
    if left.article.id == right.article.id:
        return False  # two sentences of one report are two mentions, not copies
    a, b = left.wording, right.wording
    return bool(a and b) and len(a & b) / len(a | b) >= _MIN_WORDING_OVERLAP


def _group_unnamed(items: list[_Item]) -> list[tuple[list[_Item], str]]:
    """Clusters of mentions with one kind and date whose participants agree, in order."""
    clusters: list[tuple[list[_Item], str]] = []
    # Only clusters of the same kind and date can take a mention: look at those alone.
    by_key: dict[tuple[str, str], list[list[_Item]]] = {}
    for item in items:
        mention = item.mention
        candidates = by_key.setdefault((mention.kind, mention.date or ""), [])
        for members in candidates:
            head = members[0].mention
            same_article = all(m.article.id == item.article.id for m in members)
            close = _overlap(
                head.participants, mention.participants
            ) >= _MIN_PARTICIPANT_OVERLAP or _same_wording(members[0], item)
            if close or (same_article and not head.participants and not mention.participants):
                members.append(item)
                break
        else:
            candidates.append([item])
            clusters.append((candidates[-1], mention.date or ""))
    return clusters


def _undated(items: list[_Item]) -> list[Event]:
    """Undated mentions, one entry per event: a named event under one entry whatever the
    report; an unnamed one per report and sentence, joined across reports only by the
    same wording (a reprint, a shared statement): with no date to agree on, sharing
    participants says too little. Each entry keeps every report's reason."""
    groups: dict[tuple[str, ...], list[_Item]] = {}
    for item in items:
        m = item.mention
        if m.name:
            key: tuple[str, ...] = (m.name, m.kind)
        else:
            key = (m.kind, item.article.id, str(m.trigger.start), str(m.timex))
        groups.setdefault(key, []).append(item)
    merged: list[list[_Item]] = []
    # the same wording shares word trigrams: only clusters holding one of the head's
    # trigrams (and of its kind) can take it, in the order they were made
    by_gram: dict[tuple[str, tuple[str, ...]], list[int]] = {}
    for group in groups.values():
        head = group[0]
        if head.mention.name:
            merged.append(group)
            continue
        kind = head.mention.kind
        near = sorted({c for gram in head.wording for c in by_gram.get((kind, gram), ())})
        for index in near:
            if any(_same_wording(member, head) for member in merged[index]):
                merged[index].extend(group)
                break
        else:
            index = len(merged)
            merged.append(group)
        for gram in head.wording:
            clusters = by_gram.setdefault((kind, gram), [])
            if not clusters or clusters[-1] != index:
                clusters.append(index)
    return [_event(group, None, _reasons(group)) for group in merged]


def _reasons(items: list[_Item]) -> str | None:
    ordered = sorted(items, key=lambda i: (i.article.doc, i.mention.sentence.start))
    reasons = dict.fromkeys(i.mention.undated_reason for i in ordered if i.mention.undated_reason)
    return "; ".join(reasons) or None


def _conflicts(events: list[Event]) -> list[Conflict]:
    by_name: dict[tuple[str, str], list[Event]] = {}
    for event in events:
        if event.name and event.date:
            by_name.setdefault((event.name, event.kind), []).append(event)
    out = []
    for (name, kind), group in by_name.items():
        if len(group) > 1:
            dates = [e.date for e in group if e.date]
            out.append(Conflict(name, kind, [e.id for e in group], dates))
    return out


def _unique_ids(events: list[Event]) -> None:
    seen: dict[str, int] = {}
    for event in events:
        count = seen.get(event.id, 0)
        seen[event.id] = count + 1
        if count:
            event.id = f"{event.id}-{count + 1}"


def _figure_conflicts(events: list[Event], by_id: Mapping[str, Article]) -> list[FigureConflict]:
    """Figures of one unit that differ between the reports of one event."""
    out: list[FigureConflict] = []
    for event in events:
        if len({source.article_id for source in event.sources}) < 2:
            continue
        by_unit: dict[str, dict[float | int, dict[str, Any]]] = {}
        for source in event.sources:
            article = by_id[source.article_id]
            for figure in article.quantities:
                inside = source.start <= figure.span.start < source.end
                if not inside or figure.value is None or figure.unit is None or figure.vague:
                    continue
                version = by_unit.setdefault(figure.unit, {}).setdefault(
                    figure.value,
                    {"value": figure.value, "approximate": False, "sources": [], "articles": set()},
                )
                version["approximate"] |= figure.approximate
                version["articles"].add(article.id)
                version["sources"].append(
                    {
                        "doc": article.doc,
                        "start": figure.span.start,
                        "end": figure.span.end,
                        "text": figure.text,
                    }
                )
        for unit, versions in by_unit.items():
            groups = list(versions.values())
            disagree = any(
                not (a["articles"] & b["articles"]) for a in groups for b in groups if a is not b
            )
            if len(groups) > 1 and disagree:
                for group in groups:
                    del group["articles"]
                out.append(FigureConflict(event.id, event.title, unit, groups))
    return out


def build_timeline(articles: Iterable[Article]) -> Timeline:
    """Merge the event mentions of ``articles`` into one timeline."""
    named: list[_Item] = []
    unnamed: list[_Item] = []
    undated: list[_Item] = []
    by_id: dict[str, Article] = {}
    for article in articles:
        by_id[article.id] = article
        for mention in article.events:
            item = _Item(article, mention)
            if mention.date is None:
                undated.append(item)
            elif mention.name:
                named.append(item)
            else:
                unnamed.append(item)
    dated = [_event(g, d) for g, d in _group_named(named) + _group_unnamed(unnamed)]
    dated.sort(key=lambda e: (date_key(e.date or ""), e.title, e.id))
    undated_events = sorted(_undated(undated), key=lambda e: (e.sources[0].doc, e.sources[0].start))
    _unique_ids(dated + undated_events)
    return Timeline(
        dated, undated_events, _conflicts(dated), _figure_conflicts(dated + undated_events, by_id)
    )


def _source_line(source: Source, articles_by_id: Mapping[str, Article]) -> str:
    article = articles_by_id.get(source.article_id)
    if article is None:
        return f"    - {source.doc} [{source.start}:{source.end}]"
    start, end = source.start, source.end
    if end - start > _SOURCE_TEXT_CHARS and source.trigger >= start:
        # Centre long sentences on the trigger, cutting at spaces.
        left = max(start, source.trigger - _SOURCE_TEXT_CHARS // 3)
        space = article.text.find(" ", left, source.trigger)
        if left > start and space != -1:
            left = space + 1
        start, end = left, min(end, left + _SOURCE_TEXT_CHARS)
    text = " ".join(article.text[start:end].split())
    if start > source.start:
        text = "…" + text
    if end < source.end:
        text += "…"
    return f"    - {source.doc} [{source.start}:{source.end}]: {text}"


def _event_lines(event: Event, articles_by_id: Mapping[str, Article]) -> list[str]:
    lines = [f"{event.date or 'undated':<24} {event.title}  [{event.kind}]"]
    if event.participants:
        lines.append("    participants: " + ", ".join(event.participants))
    if event.places:
        lines.append("    place: " + ", ".join(event.places))
    if event.date is None and event.reason:
        lines.append(f"    why undated: {event.reason}")
    lines += [_source_line(s, articles_by_id) for s in event.sources]
    return lines


def render_text(timeline: Timeline, articles_by_id: Mapping[str, Article]) -> str:
    """A readable plain-text timeline: each event, then the sentences that report it."""
    lines = [f"Timeline: {len(timeline.events)} dated event(s), {len(timeline.undated)} undated"]
    for event in timeline.events:
        lines += ["", *_event_lines(event, articles_by_id)]
    if timeline.undated:
        lines += ["", "Undated (the sources do not give a date):"]
        for event in timeline.undated:
            lines += ["", *_event_lines(event, articles_by_id)]
    if timeline.conflicts:
        lines += ["", "Same event, different dates (another occurrence, or sources disagree):"]
        for conflict in timeline.conflicts:
            lines.append(f"    {conflict.name} [{conflict.kind}]: {', '.join(conflict.dates)}")
    if timeline.figure_conflicts:
        lines += ["", "Sources disagree on a figure:"]
        for figure in timeline.figure_conflicts:
            versions = "; ".join(
                f"{'~' if v['approximate'] else ''}{v['value']} "
                f"({', '.join(sorted({s['doc'] for s in v['sources']}))})"
                for v in figure.versions
            )
            lines.append(f"    {figure.title} [{figure.unit}]: {versions}")
    return "\n".join(lines)
