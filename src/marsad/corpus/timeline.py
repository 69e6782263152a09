"""The timeline: event mentions from many articles merged into dated, sourced events.

One event per happening. Mentions are compared by what they say and when:

- **date**: the same date, one inside the other ("2015-08" holds "2015-08-06"), or a
  report-day bound (``reported``: on or before the article's day) with a date up to
  ``_REPORTED_WINDOW`` days before it. Two different days up to ``_NEAR_DAYS`` apart meet
  only when the wording is very close (``_SAME_HAPPENING``); the event then keeps the date
  most reports give and the other days are a date conflict.
- **content**: the cosine of the TF-IDF vectors of the source sentences' content terms
  (IDF over the sentences of the corpus, so the story's common words weigh little), plus
  the same kind, the same predicate and shared participants.
- **reports**: a reprint (``marsad.corpus.duplicates``) adds a source to the event of its
  original sentence, never an event; two clauses of one sentence with different
  predicates are two events.

Candidates come from an inverted index of the clusters' rarest terms, so each mention is
compared with a bounded number of clusters and the stage stays near-linear.

A merged event's title is written from its slots: the predicate as written, the actor
(Arabic name, with the English name where known) and the object words. ``reports``
counts articles. Conflicts are the slots the reports of one event disagree on: figures
of one category and counted noun (tolls, costs, lengths), dates, times of day, places
and who attended; each version with its sources. Events dated more than
``_BACKGROUND_DAYS`` days before their earliest report, or after
``_FUTURE_YEARS`` years past their latest, are ``background`` (history recalled, far
plans), with the rule written on the event. A mention whose date the text does not give
goes under ``undated`` with the reason, never a guess.
"""

from __future__ import annotations

import hashlib
import itertools
import math
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date as Day
from datetime import timedelta
from functools import cache, partial
from typing import Any

from marsad.arabic.charsets import chars
from marsad.arabic.view import TextView
from marsad.corpus.figure_conflicts import FigureConflict, figure_conflicts
from marsad.corpus.shingles import content_terms
from marsad.extract.events import OTHER, clause_of, strip_proclitics, title_span
from marsad.extract.quotes import UNNAMED
from marsad.model import Article, EventMention, Quantity, Span
from marsad.temporal.dateline import find_dateline

# Unnamed mentions of the same kind and date merge when their participants overlap this much.
_MIN_PARTICIPANT_OVERLAP = 0.5
# ... or when their sentences share this much wording (word trigrams, Jaccard): one wire
# sentence reprinted by several papers is one event, whatever entities each one tagged.
_MIN_WORDING_OVERLAP = 0.5
_WORDING_SIZE = 3
_SOURCE_TEXT_CHARS = 160
# Coreference: a mention joins the most similar compatible cluster scoring at least this.
_SAME_EVENT = 0.35
_SAME_HAPPENING = 0.6  # ... when the two give different days
_SENTENCE_WEIGHT = 0.3  # a term of the sentence outside the mention's clause
_NEAR_DAYS = 3
_REPORTED_WINDOW = 3  # a report-day bound meets a date up to this many days before it
_KIND_BONUS = 0.15
_PREDICATE_BONUS = 0.1
_PARTICIPANT_BONUS = 0.15
# Reports of one happening repeat its figures: a figure of the same measure and value in
# both (97 ships a day, $5.3 billion) is evidence of one event, once per mention.
_FIGURE_BONUS = 0.25
_FRAME_TERMS = 2  # object terms two mentions of one predicate share to be one happening
_INDEX_TERMS = 6  # a mention looks clusters up by its rarest terms
_MAX_CANDIDATES = 60  # clusters read from one posting list
_SCORED = 15  # candidates scored in full
_BACKGROUND_DAYS = 365
_FUTURE_YEARS = 5
_TITLE_WORDS = 14
_DAY = 10  # characters of an ISO day


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
    date_basis: str | None = None  # explicit | relative | dateline | reported | inferred
    scope: str = "story"  # story | background
    scope_rule: str | None = None  # why an event is background, in words

    @property
    def place(self) -> str | None:
        return self.places[0] if self.places else None

    @property
    def reports(self) -> int:
        """Distinct articles that report the event (not sentences)."""
        return len({source.article_id for source in self.sources})

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": self.id,
            "date": self.date,
            "date_basis": self.date_basis,
            "title": self.title,
            "kind": self.kind,
            "participants": list(self.participants),
        }
        if self.places:
            out["place"] = self.places[0]
        if len(self.places) > 1:  # the sources name different places: all of them
            out["places"] = list(self.places)
        out["reports"] = self.reports
        if self.scope != "story":
            out["scope"] = self.scope
            out["scope_rule"] = self.scope_rule
        out |= {
            "sources": [s.to_json() for s in self.sources],
            "quotes": [q.to_json() for q in self.quotes],
        }
        if self.date is None:
            out["reason"] = self.reason or "the sources do not give a date"
        return out


@dataclass(slots=True)
class NameDates:
    """One named event given different dates by different events (another round of a
    dialogue, or a dispute): shown beside the events, not a conflict inside one."""

    name: str
    kind: str
    event_ids: list[str]
    dates: list[str]

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "kind": self.kind, "events": self.event_ids, "dates": self.dates}


@dataclass(slots=True)
class Version:
    """One value the sources give for a slot, with the passages that give it."""

    value: Any
    sources: list[dict[str, Any]]  # {"doc", "start", "end", "text"}
    approximate: bool = False
    unit: str | None = None  # when the versions differ in unit (5.2 billion euros, dollars)

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"value": self.value, "sources": self.sources}
        if self.approximate:
            out["approximate"] = True
        if self.unit:
            out["unit"] = self.unit
        return out

    @property
    def docs(self) -> list[str]:
        return sorted({s["doc"] for s in self.sources})


@dataclass(slots=True)
class Conflict:
    """The reports of one event disagreeing on one slot: each version with its sources.

    ``field`` is ``date``, ``time``, ``place``, ``attendance`` or ``figure:<what>`` (the
    figure's category or unit and its counted noun, e.g. ``figure:km``)."""

    event_id: str
    field: str
    title: str
    versions: list[Version]
    unit: str | None = None

    @property
    def event_ids(self) -> list[str]:
        return [self.event_id]

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "event": self.event_id,
            "field": self.field,
            "title": self.title,
            "versions": [v.to_json() for v in self.versions],
        }
        if self.unit:
            out["unit"] = self.unit
        return out


@dataclass(slots=True)
class Timeline:
    events: list[Event] = field(default_factory=list)  # dated, in date order
    undated: list[Event] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)  # inside one event
    name_dates: list[NameDates] = field(default_factory=list)  # one name, several events

    def to_json(self, with_conflicts: bool = True) -> dict[str, Any]:
        """The public timeline JSON of DESIGN.md, conflicts included."""
        out: dict[str, Any] = {
            "events": [e.to_json() for e in self.events],
            "undated": [e.to_json() for e in self.undated],
        }
        if with_conflicts:
            out["conflicts"] = [c.to_json() for c in self.conflicts]
        return out

    def conflicts_of(self, event_id: str) -> list[Conflict]:
        return [c for c in self.conflicts if c.event_id == event_id]


# -- mentions as items ------------------------------------------------------------------


@dataclass(slots=True)
class _Item:
    article: Article
    mention: EventMention
    _wording: frozenset[tuple[str, ...]] | None = None
    terms: dict[str, float] = field(default_factory=dict)
    predicate: str = ""  # the folded predicate, for matching
    title: str = ""
    figures: list[tuple[str, Quantity]] = field(default_factory=list)  # (what, figure)
    theme: frozenset[str] = frozenset()  # the content terms of the predicate's object

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

    @property
    def key(self) -> tuple[str, int]:
        return self.article.id, self.mention.sentence.start


def _prepare_all(items: Iterable[_Item]) -> None:
    """Everything the merge needs from the text, with one view per article at a time
    (views are not kept: a corpus of views would hold the corpus twice)."""
    by_article: dict[str, list[_Item]] = {}
    for item in items:
        by_article.setdefault(item.article.id, []).append(item)
    for members in by_article.values():
        view = members[0].article.transient_view()
        for item in members:
            _prepare(item, view)


def _prepare(item: _Item, view: TextView) -> None:
    """The mention's terms (its clause's in full, the rest of its sentence lightly), its
    predicate, wording, title and the figures of its sentence."""
    mention = item.mention
    words = view.words_in(mention.sentence)
    size = _WORDING_SIZE
    item._wording = frozenset(tuple(words[i : i + size]) for i in range(len(words) - size + 1))
    item.title = _title(item, view)
    sentence_span = mention.sentence
    for figure in item.article.quantities:
        if sentence_span.start <= figure.span.start < sentence_span.end:
            key = _figure_key(view, figure)
            if key is not None:
                item.figures.append((key, figure))
    if mention.date is None or mention.name:
        return
    sentence = content_terms(words)
    clause = Counter(
        content_terms(view.words_in(clause_of(view, mention.sentence, mention.trigger)))
    )
    terms: dict[str, float] = {t: float(n) for t, n in clause.items()}
    for term in sentence:
        if term not in clause:
            terms[term] = terms.get(term, 0.0) + _SENTENCE_WEIGHT
    item.terms = terms
    span = strip_proclitics(view, mention.predicate or mention.trigger)  # وقال = قال
    item.predicate = view.fold_range(span.start, span.end)
    if mention.object is not None:
        item.theme = frozenset(content_terms(view.words_in(mention.object)))


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


def _day(date: str | None) -> Day | None:
    if not date or len(date) < _DAY or "/" in date:
        return None
    try:
        return Day.fromisoformat(date[:_DAY])
    except ValueError:
        return None


def _date_fit(item: _Item, dates: Counter[str], bounds: list[str]) -> str | None:
    """How a mention's date meets a cluster's: "same", "near" (a few days apart), or None.

    ``dates`` are the cluster's own dates (bounds excluded), ``bounds`` its report days."""
    mine = item.mention.date or ""
    reported = item.mention.date_basis in _BOUNDS
    if reported:
        day = _day(mine)
        if not dates:
            return "same" if mine in bounds else None
        for other in dates:
            other_day = _day(other)
            if day and other_day and timedelta(0) <= day - other_day <= _WINDOW:
                return "same"
        return None
    if not dates:  # a cluster of report-day bounds only
        day = _day(mine)
        return (
            "same"
            if day
            and any((b := _day(bound)) and timedelta(0) <= b - day <= _WINDOW for bound in bounds)
            else None
        )
    fit = None
    for other in dates:
        if other == mine or _within(mine, other) or _within(other, mine):
            return "same"
        a, b = _day(mine), _day(other)
        if a and b and abs((a - b).days) <= _NEAR_DAYS:
            fit = "near"
    return fit


_BOUNDS = frozenset({"reported", "dateline-bound"})
_WINDOW = timedelta(days=_REPORTED_WINDOW)


@dataclass(slots=True)
class _Cluster:
    items: list[_Item] = field(default_factory=list)
    vector: dict[str, float] = field(default_factory=dict)
    norm: float = 0.0
    dates: Counter[str] = field(default_factory=Counter)  # own dates, bounds apart
    bounds: list[str] = field(default_factory=list)
    kinds: Counter[str] = field(default_factory=Counter)
    predicates: set[str] = field(default_factory=set)
    participants: Counter[str] = field(default_factory=Counter)
    figures: set[tuple[str, Any]] = field(default_factory=set)  # (what, value)
    sentences: dict[tuple[str, int], set[int]] = field(default_factory=dict)
    articles: set[str] = field(default_factory=set)
    groups: set[str] = field(default_factory=set)
    # (days from the report's day, the report's day) of its relative mentions
    offsets: set[tuple[int, Day]] = field(default_factory=set)

    def add(self, item: _Item, vector: dict[str, float], group: str | None) -> None:
        self.items.append(item)
        squares = self.norm * self.norm
        for term, weight in vector.items():
            old = self.vector.get(term, 0.0)
            self.vector[term] = old + weight
            squares += (old + weight) ** 2 - old * old
        self.norm = math.sqrt(max(squares, 0.0))
        mention = item.mention
        if mention.date_basis in _BOUNDS:
            self.bounds.append(mention.date or "")
        else:
            self.dates[mention.date or ""] += 1
        self.kinds[mention.kind] += 1
        self.predicates.add(item.predicate)
        self.participants.update(set(mention.participants))
        self.figures.update(_figure_facts(item))
        self.sentences.setdefault(item.key, set()).add(mention.trigger.start)
        self.articles.add(item.article.id)
        if group:
            self.groups.add(group)
        offset = _offset(item)
        if offset is not None:
            self.offsets.add(offset)


class _Coreference:
    """Incremental clustering of dated unnamed mentions (see the module doc)."""

    def __init__(self, items: Sequence[_Item], groups: Mapping[str, str]) -> None:
        self.groups = groups
        frequency: Counter[str] = Counter()
        seen: set[tuple[str, int]] = set()
        for item in items:
            if item.key not in seen:
                seen.add(item.key)
                frequency.update(set(item.terms))
        total = max(1, len(seen))
        self.idf = {t: math.log((1 + total) / (1 + n)) + 1.0 for t, n in frequency.items()}
        self.clusters: list[_Cluster] = []
        self.index: dict[tuple[str, str], list[int]] = defaultdict(list)
        self.sentence_items: dict[tuple[str, int], list[_Item]] = defaultdict(list)
        for item in items:
            self.sentence_items[item.key].append(item)

    def sibling_fits(self, item: _Item, cluster: _Cluster) -> bool:
        """Another predicate of the item's sentence has the cluster's main day, and the
        item another day: "لدى وصوله القاهرة امس للمشاركة في افتتاح القناة اليوم" names the
        opening by its day, and the arrival a day before is another event however alike
        the words."""
        if not cluster.dates:
            return False
        main = cluster.dates.most_common(1)[0][0]
        mine, theirs = _day(item.mention.date), _day(main)
        if mine is None or theirs is None or mine == theirs:
            return False  # no two days: a year and a month in it may be one event
        return any(
            other.mention.trigger.start != item.mention.trigger.start and other.mention.date == main
            for other in self.sentence_items[item.key]
        )

    def vector(self, item: _Item) -> dict[str, float]:
        raw = {
            t: (n if n < 1 else 1 + math.log(n)) * self.idf.get(t, 1.0)
            for t, n in item.terms.items()
        }
        norm = math.sqrt(sum(w * w for w in raw.values())) or 1.0
        return {t: w / norm for t, w in raw.items()}

    def similarity(self, item: _Item, vector: dict[str, float], cluster: _Cluster) -> float:
        if not cluster.norm:
            return 0.0
        score = sum(w * cluster.vector.get(t, 0.0) for t, w in vector.items()) / cluster.norm
        kind = item.mention.kind
        if kind != OTHER and cluster.kinds.get(kind):
            score += _KIND_BONUS
        if item.predicate in cluster.predicates:
            score += _PREDICATE_BONUS
        names = set(item.mention.participants)
        if names and cluster.participants:
            shared = len(names & set(cluster.participants)) / len(names | set(cluster.participants))
            score += _PARTICIPANT_BONUS * shared
        if cluster.figures and not cluster.figures.isdisjoint(_figure_facts(item)):
            score += _FIGURE_BONUS
        return score

    def add(self, item: _Item) -> None:
        vector = self.vector(item)
        group = self.groups.get(item.article.id)
        keys = _lookup_keys(item)
        # candidates: clusters of a compatible date sharing the clause's terms, ranked by
        # the weight they share; only the best few are scored in full
        own = [t for t, n in item.terms.items() if n >= 1] or list(item.terms)
        facts = [f"#{what}={value}" for what, value in sorted(_figure_facts(item), key=str)]
        hits: dict[int, float] = defaultdict(float)
        for key in keys:
            for term in own:
                for index in self.index.get((key, term), ())[-_MAX_CANDIDATES:]:
                    hits[index] += vector[term]
            for fact in facts:  # a figure both give finds the cluster too
                for index in self.index.get((key, fact), ())[-_MAX_CANDIDATES:]:
                    hits[index] += _FIGURE_BONUS
        best, best_score = None, 0.0
        for index in sorted(hits, key=lambda i: -hits[i])[:_SCORED]:
            cluster = self.clusters[index]
            taken = cluster.sentences.get(item.key)
            if taken is not None and item.mention.trigger.start not in taken:
                continue  # another predicate of the same sentence: another event
            fit = _date_fit(item, cluster.dates, cluster.bounds)
            if fit is None:
                continue
            score = self.similarity(item, vector, cluster)
            reprint = group is not None and group in cluster.groups
            if (
                reprint
                and item.article.id not in cluster.articles
                and any(_same_wording(member, item) for member in cluster.items[:8])
            ):
                score = max(score, 1.0)  # a reprint's sentence: a source, not an event
            if fit == "near" and score < 1.0 and _recurring(item, cluster):
                continue
            if self.sibling_fits(item, cluster):
                continue
            needed = _SAME_EVENT if fit == "same" else _SAME_HAPPENING
            if score >= needed and score > best_score:
                best, best_score = index, score
        if best is None:
            best = len(self.clusters)
            self.clusters.append(_Cluster())
        cluster = self.clusters[best]
        cluster.add(item, vector, group)
        for key in _index_keys(item):
            for term in own + facts:
                postings = self.index[(key, term)]
                if not postings or postings[-1] != best:
                    postings.append(best)


def _frames(cluster: _Cluster) -> set[tuple[str, frozenset[str]]]:
    """(predicate, object terms) of the cluster's mentions with an object of
    ``_FRAME_TERMS`` terms at least ("افتتاح" + "قناة السويس الجديدة")."""
    return {
        (item.predicate, item.theme)
        for item in cluster.items
        if item.predicate and len(item.theme) >= _FRAME_TERMS
    }


def _same_frames(clusters: list[_Cluster]) -> list[list[_Item]]:
    """The clusters' mentions, with clusters of one day that name one predicate of one
    object joined: the one-pass clustering reads a happening's reports in order, and a
    report whose words differ from the first ones opens a second cluster of it ("بدأت
    الوفود ... بالتوافد لحضور افتتاح قناة السويس الجديدة", "تشهد مصر اليوم افتتاح
    قناة السويس الجديدة"). Two clusters with another predicate of one sentence each are
    two events, as in the clustering."""
    parent = list(range(len(clusters)))

    def root(at: int) -> int:
        while parent[at] != at:
            parent[at] = parent[parent[at]]
            at = parent[at]
        return at

    frames = [_frames(cluster) for cluster in clusters]
    by_day: dict[tuple[str, str], list[int]] = defaultdict(list)
    for at, cluster in enumerate(clusters):
        date = _cluster_date(cluster.items)[0] if frames[at] else None
        if date is not None and len(date) == _DAY:
            for predicate, theme in frames[at]:
                for term in theme:
                    by_day[(date, predicate + " " + term)].append(at)
    for members in by_day.values():
        for left, right in itertools.combinations(sorted(set(members)), 2):
            a, b = root(left), root(right)
            if a != b and _one_frame(clusters, frames, left, right):
                parent[max(a, b)] = min(a, b)
    joined: dict[int, list[_Item]] = {}
    for at, cluster in enumerate(clusters):
        joined.setdefault(root(at), []).extend(cluster.items)
    return list(joined.values())


def _one_frame(
    clusters: list[_Cluster], frames: list[set[tuple[str, frozenset[str]]]], left: int, right: int
) -> bool:
    """Clusters ``left`` and ``right`` name one predicate of one object (``_FRAME_TERMS``
    object terms shared), and no sentence gives each of them another predicate."""
    if not any(
        p == q and len(a & b) >= _FRAME_TERMS for p, a in frames[left] for q, b in frames[right]
    ):
        return False
    for key, triggers in clusters[left].sentences.items():
        other = clusters[right].sentences.get(key)
        if other is not None and other != triggers:
            return False
    return True


def _offset(item: _Item) -> tuple[int, Day] | None:
    """A relative day mention's distance from its report's day, and that day."""
    if item.mention.date_basis not in _RELATIVE:
        return None
    day, published = _day(item.mention.date), _day(item.article.published.value)
    if day is None or published is None:
        return None
    return (day - published).days, published


_RELATIVE = frozenset({"relative", "dateline"})


def _recurring(item: _Item, cluster: _Cluster) -> bool:
    """True when a mention gives another day than the cluster by the same words counted
    from another report's day ("اليوم" in two daily reports): another occurrence."""
    offset = _offset(item)
    if offset is None:
        return False
    return any(o == offset[0] and day != offset[1] for o, day in cluster.offsets)


def _prefixes(date: str) -> list[str]:
    """A date and the coarser dates holding it: "2015-08-06", "2015-08", "2015"."""
    start = date.partition("/")[0]
    out = [date]
    for size in (_DAY, 7, 4):
        if len(start) > size and start[:size] not in out:
            out.append(start[:size])
    return out


def _index_keys(item: _Item) -> list[str]:
    """A cluster is found under its mention's own date, and under "in:" each coarser date
    holding it (for a coarser mention looking for its finer event)."""
    date = item.mention.date or ""
    return [date] + [f"in:{p}" for p in _prefixes(date)[1:]]


def _lookup_keys(item: _Item) -> list[str]:
    """The date keys under which clusters a mention may join are indexed: its own date
    and the coarser ones, the days around it, and a coarse date's finer days (through
    the same keys, since finer clusters are indexed under their month and year)."""
    date = item.mention.date or ""
    keys = [*_prefixes(date), f"in:{date}"]
    day = _day(date)
    if day is not None:
        reach = _REPORTED_WINDOW if item.mention.date_basis in _BOUNDS else _NEAR_DAYS
        for offset in range(-reach, reach + 1):
            if offset:
                keys.append((day + timedelta(days=offset)).isoformat())
    return keys


def _overlap(left: list[str], right: list[str]) -> float:
    a, b = set(left), set(right)
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


def _stable_id(*parts: str) -> str:
    digest = hashlib.sha1("\x1f".join(parts).encode("utf-8"), usedforsecurity=False)
    return digest.hexdigest()[:12]


# -- titles from slots ------------------------------------------------------------------


def _slot_title(item: _Item, view: TextView) -> str | None:
    """ "<predicate> <actor> (<English name>) <object>", from the mention's slots."""
    mention = item.mention
    text = item.article.text
    if mention.predicate is None:
        return None
    predicate = strip_proclitics(view, mention.predicate).slice(text)
    parts = [predicate]
    if mention.actor_ar:
        name = mention.actor_ar
        english = mention.actor
        if english and english != name and english.isascii() and not _unnamed(english):
            name += f" ({english})"
        parts.append(name)
    elif mention.actor and not _unnamed(mention.actor):
        parts.append(f"({mention.actor})")
    if mention.object is not None:
        parts.append(" ".join(mention.object.slice(text).split()))
    words = " ".join(parts).split()
    if len(words) < 2:
        return None
    return " ".join(words[:_TITLE_WORDS]).strip(_title_trim())


def _unnamed(actor: str) -> bool:
    """An actor shown by what they are, not a name ("report (unnamed)"): the Arabic as
    written says it in a title."""
    return actor.endswith(UNNAMED)


@cache
def _title_trim() -> str:
    """Punctuation a title does not begin or end with (a closing bracket it may end with)."""
    marks = set(chars("clause") + chars("sentence-end") + " -'")
    return "".join(sorted(marks - {")"}))


def _title(item: _Item, view: TextView) -> str:
    mention = item.mention
    if mention.name:
        return mention.name
    made = _slot_title(item, view)
    if made:
        return made
    dates = [t.span for t in item.article.timexes if t.span.overlaps(mention.sentence)]
    span = title_span(view, mention.sentence, mention.trigger, dates)
    return span.slice(item.article.text)


def _representative(items: list[_Item]) -> _Item:
    """The mention whose slots say most: an actor and an object, from the most reported
    predicate, earliest report first."""
    predicates = Counter(item.predicate for item in items)

    def rank(item: _Item) -> tuple[int, int, int, str, int]:
        mention = item.mention
        slots = (mention.actor is not None) + (mention.object is not None)
        return (
            -slots,
            -predicates[item.predicate],
            int(mention.kind == OTHER),
            item.article.doc,
            mention.sentence.start,
        )

    return min(items, key=rank)


# -- events from clusters ---------------------------------------------------------------

_BASIS_WEIGHT = {"explicit": 3, "dateline": 2, "relative": 2, "inferred": 2}


def _cluster_date(items: list[_Item]) -> tuple[str | None, str | None]:
    """The date most reports give (each article votes once, explicit dates weigh most; a
    finer date inside it wins), and its basis. Report-day bounds count only alone."""
    votes: Counter[str] = Counter()
    basis: dict[str, str] = {}
    voted: set[tuple[str, str]] = set()
    for item in items:
        mention = item.mention
        if mention.date is None or mention.date_basis in _BOUNDS:
            continue
        if (item.article.id, mention.date) in voted:
            continue
        voted.add((item.article.id, mention.date))
        votes[mention.date] += _BASIS_WEIGHT.get(mention.date_basis or "", 1)
        basis.setdefault(mention.date, mention.date_basis or "explicit")
    if not votes:
        bounds = Counter(i.mention.date for i in items if i.mention.date)
        if not bounds:
            return None, None
        chosen = max(bounds, key=lambda d: (bounds[d], d))
        found = next(i.mention.date_basis for i in items if i.mention.date == chosen)
        return chosen, found
    best = max(votes, key=lambda d: (votes[d], _granularity(d), d))
    finer = [d for d in votes if _within(d, best)]
    if len({d for d in finer}) == 1:
        best = finer[0]
    return best, basis.get(best)


def _event(
    items: list[_Item], date: str | None, reason: str | None = None, basis: str | None = None
) -> Event:
    items = sorted(items, key=lambda i: (i.article.doc, i.mention.sentence.start))
    first = items[0].mention
    participants: list[str] = []
    for item in items:
        participants += [p for p in item.mention.participants if p not in participants]
    sources = list(dict.fromkeys(item.source for item in items))
    places = Counter(item.mention.place for item in items if item.mention.place)
    head = _representative(items) if not first.name else items[0]
    title = head.title
    kinds = Counter(i.mention.kind for i in items if i.mention.kind != OTHER)
    kind = kinds.most_common(1)[0][0] if kinds else first.kind
    key = first.name or title
    event_id = _stable_id(key, kind, date or "", "" if date else items[0].article.id)
    return Event(
        event_id,
        date,
        title,
        kind,
        first.name,
        participants,
        sources,
        reason,
        _attached_quotes(items),
        [place for place, _ in places.most_common()],
        basis,
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


def _date_clusters(dates: Iterable[str]) -> dict[str, str]:
    """Map each date to the date it merges into: itself, or the one finer date it contains."""
    distinct = sorted(set(dates), key=_granularity, reverse=True)
    target: dict[str, str] = {}
    for date in distinct:
        finer = {target[d] for d in target if _within(d, date)}
        target[date] = finer.pop() if len(finer) == 1 else date
    return target


def _group_named(items: list[_Item]) -> list[list[_Item]]:
    groups: dict[tuple[str, str], list[_Item]] = {}
    for item in items:
        key = (item.mention.name or "", item.mention.kind)
        groups.setdefault(key, []).append(item)
    out: list[list[_Item]] = []
    for members in groups.values():
        target = _date_clusters(m.mention.date or "" for m in members)
        by_date: dict[str, list[_Item]] = {}
        for member in members:
            by_date.setdefault(target[member.mention.date or ""], []).append(member)
        out.extend(by_date.values())
    return out


def _same_wording(left: _Item, right: _Item) -> bool:
    if left.article.id == right.article.id:
        return False  # two sentences of one report are two mentions, not copies
    a, b = left.wording, right.wording
    if not a or not b or min(len(a), len(b)) < _MIN_WORDING_OVERLAP * max(len(a), len(b)):
        return False  # the Jaccard overlap cannot reach the bar: no set built
    shared = len(a & b)
    return shared / (len(a) + len(b) - shared) >= _MIN_WORDING_OVERLAP


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
    # Prefix filtering (Chaudhuri et al. 2006): two wordings with Jaccard >= t share one of
    # the rarest |w| - ceil(t|w|) + 1 trigrams of each, so only members sharing one of those
    # can match. Template notes share their common trigrams with every cluster; indexing
    # only the rare ones keeps the merge near-linear, and the first cluster that holds a
    # match (in the order clusters were made) is the same as comparing with every cluster.
    heads = [group[0] for group in groups.values() if not group[0].mention.name]
    rarity = Counter(gram for head in heads for gram in head.wording)
    by_gram: dict[tuple[str, tuple[str, ...]], dict[int, list[_Item]]] = {}
    for group in groups.values():
        head = group[0]
        if head.mention.name:
            merged.append(group)
            continue
        kind = head.mention.kind
        near: dict[int, list[_Item]] = {}
        for gram in _prefix(head.wording, rarity):
            for index, members in by_gram.get((kind, gram), {}).items():
                near.setdefault(index, []).extend(members)
        for index in sorted(near):
            candidates = {id(member): member for member in near[index]}.values()
            if any(_same_wording(member, head) for member in candidates):
                merged[index].extend(group)
                break
        else:
            index = len(merged)
            merged.append(group)
        for member in group:
            for gram in _prefix(member.wording, rarity):
                by_gram.setdefault((kind, gram), {}).setdefault(index, []).append(member)
    return [_event(group, None, _reasons(group)) for group in merged]


def _prefix(
    wording: frozenset[tuple[str, ...]], rarity: Counter[tuple[str, ...]]
) -> list[tuple[str, ...]]:
    """The rarest trigrams of a wording that any wording at the Jaccard bar must share."""
    keep = len(wording) - math.ceil(_MIN_WORDING_OVERLAP * len(wording)) + 1
    return sorted(wording, key=lambda gram: (rarity[gram], gram))[:keep]


def _reasons(items: list[_Item]) -> str | None:
    ordered = sorted(items, key=lambda i: (i.article.doc, i.mention.sentence.start))
    reasons = dict.fromkeys(i.mention.undated_reason for i in ordered if i.mention.undated_reason)
    return "; ".join(reasons) or None


def _name_dates(events: list[Event]) -> list[NameDates]:
    by_name: dict[tuple[str, str], list[Event]] = {}
    for event in events:
        if event.name and event.date:
            by_name.setdefault((event.name, event.kind), []).append(event)
    out = []
    for (name, kind), group in by_name.items():
        if len(group) > 1:
            dates = [e.date for e in group if e.date]
            out.append(NameDates(name, kind, [e.id for e in group], dates))
    return out


def _unique_ids(events: list[Event]) -> None:
    seen: dict[str, int] = {}
    for event in events:
        count = seen.get(event.id, 0)
        seen[event.id] = count + 1
        if count:
            event.id = f"{event.id}-{count + 1}"


# -- conflicts over the slots of one event ----------------------------------------------


def _passage(article: Article, span: Span) -> dict[str, Any]:
    return {
        "doc": article.doc,
        "start": span.start,
        "end": span.end,
        "text": " ".join(span.slice(article.text).split()),
        "article_id": article.id,
    }


def _versions(found: dict[Any, tuple[list[dict[str, Any]], set[str], bool]]) -> list[Version]:
    return [
        Version(value, sources, approximate)
        for value, (sources, _articles, approximate) in found.items()
    ]


_Versions = dict[Any, tuple[list[dict[str, Any]], set[str], bool]]


def _disagree(found: dict[Any, tuple[list[dict[str, Any]], set[str], bool]]) -> bool:
    """Two versions at least, and two of them from reports that do not give both."""
    groups = [articles for _sources, articles, _approximate in found.values()]
    return len(groups) > 1 and any(
        not (a & b) for i, a in enumerate(groups) for b in groups[i + 1 :]
    )


def _one_reprint(
    found: dict[Any, tuple[list[dict[str, Any]], set[str], bool]], groups: Mapping[str, str]
) -> bool:
    """True when every version comes from copies of one text: a relative date anchored on
    each copy's own day, not sources that disagree."""
    articles = {a for _sources, arts, _x in found.values() for a in arts}
    found_groups = {groups.get(a) for a in articles}
    return len(found_groups) == 1 and None not in found_groups


def _figure_key(view: TextView, figure: Quantity) -> str | None:
    """What a figure measures: its category (killed, injured ...) or unit, and its counted
    noun's first content term, so that 72 km of canal and 35 km of it meet, and a toll
    never meets a cost."""
    if figure.value is None and figure.bounds is None:
        return None
    if figure.unit is None or figure.vague:
        return None
    what = figure.category or figure.unit
    if figure.head is not None:
        terms = content_terms(view.words_in(figure.head))
        if terms and not figure.category:
            return f"{what}:{terms[0]}"
    return what


def _figure_value(figure: Quantity) -> Any:
    return list(figure.bounds) if figure.bounds is not None else figure.value


def _figure_facts(item: _Item) -> set[tuple[str, Any]]:
    """The (what, value) pairs of the figures of a mention's sentence (exact figures)."""
    out: set[tuple[str, Any]] = set()
    for key, figure in item.figures:
        if figure.approximate:
            continue
        value = _figure_value(figure)
        out.add((key, tuple(value) if isinstance(value, list) else value))
    return out


# Relative meanings that write the day or month out ("في الخامس من أغسطس الماضي"); a
# deictic day ("اليوم", "أمس", "الأربعاء") is counted from a publication day that reports
# and reprints may fix differently, so two reports giving two such days do not disagree.
_WRITTEN_RELATIVE = frozenset({"daymonth", "monthofyear", "month", "monthrange"})


def _written_date(item: _Item) -> bool:
    """The mention's date is written out in its text, not counted from a report's day,
    and is no dateline ("تبوك 25 شوال 1436 هـ"): that dates the report, not the event."""
    span = item.mention.timex
    if span is None:
        return False
    dateline = item.article.published.span
    if dateline is None:  # the report's day came from elsewhere: its dateline still dates it
        found = find_dateline(item.article.text, item.article.timexes)
        dateline = found.span if found is not None else None
    if dateline is not None and dateline.overlaps(span):
        return False
    for timex in item.article.timexes:
        if timex.span == span:
            if timex.anchor is None:
                return True
            return timex.relative is not None and timex.relative.kind in _WRITTEN_RELATIVE
    return False


_CLOSE_DAYS = 7  # written days of one happening that reports give, at most this apart


def _close_days(dates: Mapping[str, Any]) -> bool:
    """Days, each written out, close together: "في الخامس من أغسطس" against "في السادس
    من أغسطس" is a dispute over one happening's day; dates months apart, or a month
    against a day, are two happenings one event has merged."""
    days = [_day(date) if len(date) == _DAY else None for date in dates]
    if any(day is None for day in days):
        return False
    known = [day for day in days if day is not None]
    return (max(known) - min(known)).days <= _CLOSE_DAYS


def _slot_conflicts(
    event: Event, items: list[_Item], groups: Mapping[str, str] | None = None
) -> list[Conflict]:
    """The days and times the reports of one event give differently. Places are not
    compared: on the 5,996-article sample every place conflict read (22) was a city
    against its region or two happenings one event had merged; the event lists its
    places, and without a map of which place lies in which no dispute can be told."""
    if len({i.article.id for i in items}) < 2:
        return []
    groups = groups or {}
    out: list[Conflict] = []
    written = {id(item) for item in items if _written_date(item)}
    # dates: the days the reports of one happening give (bounds and coarser dates agree)
    dates: dict[Any, tuple[list[dict[str, Any]], set[str], bool]] = {}
    times: dict[Any, tuple[list[dict[str, Any]], set[str], bool]] = {}
    for item in items:
        mention = item.mention
        if not mention.date or mention.date_basis in _BOUNDS or id(item) not in written:
            continue
        if event.date and (_within(event.date, mention.date) or mention.date == event.date):
            continue
        if event.date and _within(mention.date, event.date) and "T" not in mention.date:
            continue
        if "T" in mention.date and event.date and mention.date.startswith(event.date):
            target = times
        else:
            target = dates
        span = mention.timex or mention.sentence
        sources, articles, _ = target.setdefault(mention.date, ([], set(), False))
        sources.append(_passage(item.article, span))
        articles.add(item.article.id)
    if dates and event.date:
        dates.setdefault(event.date, ([], set(), False))
        for item in items:
            if item.mention.date == event.date and id(item) in written:
                sources, articles, _ = dates[event.date]
                sources.append(_passage(item.article, item.mention.timex or item.mention.sentence))
                articles.add(item.article.id)
        dates = {date: version for date, version in dates.items() if version[1]}
        if _disagree(dates) and not _one_reprint(dates, groups) and _close_days(dates):
            out.append(Conflict(event.id, "date", event.title, _versions(dates)))
    if len(times) > 1 and _disagree(times):
        out.append(Conflict(event.id, "time", event.title, _versions(times)))
    return out


# -- figures the reports of the story give differently -----------------------------------


def _attach(found: FigureConflict, events: Sequence[Event]) -> Event | None:
    """The event whose sources hold the conflict's passages (else share its reports);
    on a tie the one with more reports, then the smaller id."""
    passages = [(a, span) for v in found.versions for a, span in v.passages]
    articles = found.article_ids
    ranked: list[tuple[int, int, str, Event]] = []
    for event in events:
        inside = sum(
            1
            for s in event.sources
            for a, span in passages
            if s.article_id == a and s.start <= span.start < s.end
        )
        shared = len({s.article_id for s in event.sources} & articles)
        if inside or shared:
            ranked.append((-(2 * inside + shared), -event.reports, event.id, event))
    return min(ranked, key=lambda r: r[:3])[3] if ranked else None


def _story_conflicts(
    corpus: Sequence[Article],
    groups: Mapping[str, str] | Callable[[], Mapping[str, str]],
    events: Sequence[Event],
) -> list[Conflict]:
    """The figure conflicts across reports (``figure_conflicts``), each shown with the
    event that holds its passages. One event's figures are not compared among themselves:
    an event that merged the reports of a week holds the tolls of several attacks."""
    by_id = {article.id: article for article in corpus}
    out: list[Conflict] = []
    for found in figure_conflicts(corpus, groups):
        event = _attach(found, events)
        if event is None:
            continue
        mixed = found.unit is None
        versions = [
            Version(
                version.value,
                [_passage(by_id[a], span) for a, span in version.passages],
                version.approximate,
                version.unit if mixed else None,
            )
            for version in found.versions
        ]
        first = versions[0].sources[0]["text"].split()
        title = " ".join(first[:_TITLE_WORDS])
        out.append(Conflict(event.id, f"figure:{found.frame}", title, versions, found.unit))
    return out


# -- background -------------------------------------------------------------------------


def _report_days(event: Event, by_id: Mapping[str, Article]) -> list[Day]:
    days = []
    for source in event.sources:
        article = by_id.get(source.article_id)
        value = article.published.value if article is not None else None
        day = _day(value)
        if day is not None:
            days.append(day)
    return days


def _first_day(date: str) -> Day | None:
    start = date.partition("/")[0]
    parts = start[:_DAY].split("-")
    try:
        year = int(parts[0])
        month = int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else 1
        day = int(parts[2]) if len(parts) > 2 and parts[2][:2].isdigit() else 1
        return Day(year, month, day)
    except (ValueError, IndexError):
        return None


def _last_day(date: str) -> Day | None:
    end = date.rpartition("/")[2]
    parts = end[:_DAY].split("-")
    try:
        year = int(parts[0])
        if len(parts) == 1 or not parts[1].isdigit():
            return Day(year, 12, 31)
        month = int(parts[1])
        if len(parts) == 2 or not parts[2][:2].isdigit():
            following = Day(year + month // 12, month % 12 + 1, 1)
            return following - timedelta(days=1)
        return Day(year, month, int(parts[2][:2]))
    except (ValueError, IndexError):
        return None


def _background(event: Event, by_id: Mapping[str, Article]) -> None:
    """Mark an event far outside the days its reports were published as background."""
    if not event.date:
        return
    days = _report_days(event, by_id)
    if not days:
        return
    last, first = _last_day(event.date), _first_day(event.date)
    earliest, latest = min(days), max(days)
    if last is not None and (earliest - last).days > _BACKGROUND_DAYS:
        event.scope = "background"
        event.scope_rule = (
            f"dated more than {_BACKGROUND_DAYS} days before its earliest report "
            f"({earliest.isoformat()})"
        )
    elif first is not None and first.year > latest.year + _FUTURE_YEARS:
        event.scope = "background"
        event.scope_rule = (
            f"dated more than {_FUTURE_YEARS} years after its latest report ({latest.isoformat()})"
        )


# -- the timeline -----------------------------------------------------------------------


def _reprint_groups(articles: Sequence[Article]) -> dict[str, str]:
    """Article id -> the id of its reprint group (``marsad.corpus.duplicates``)."""
    from marsad.corpus.duplicates import find_duplicates

    out: dict[str, str] = {}
    for group in find_duplicates(articles):
        for member in group.members:
            out[member.article_id] = group.id
    return out


def build_timeline(
    articles: Iterable[Article], reprints: Mapping[str, str] | None = None
) -> Timeline:
    """Merge the event mentions of ``articles`` into one timeline.

    ``reprints`` maps an article id to its reprint group's id; found here when not given."""
    corpus = list(articles)
    named: list[_Item] = []
    unnamed: list[_Item] = []
    undated: list[_Item] = []
    by_id: dict[str, Article] = {}
    for article in corpus:
        by_id[article.id] = article
        for mention in article.events:
            item = _Item(article, mention)
            if mention.date is None:
                undated.append(item)
            elif mention.name:
                named.append(item)
            else:
                unnamed.append(item)
    groups = dict(reprints) if reprints is not None else _reprint_groups(corpus) if unnamed else {}
    _prepare_all(named + unnamed + undated)
    unnamed.sort(
        key=lambda i: (
            i.mention.date_basis in _BOUNDS,  # dated mentions first: bounds join them
            i.article.published.value or "",
            i.article.doc,
            i.mention.sentence.start,
            i.mention.trigger.start,
        )
    )
    coreference = _Coreference(unnamed, groups)
    for item in unnamed:
        coreference.add(item)
    clusters = _group_named(named) + _same_frames(coreference.clusters)
    dated: list[Event] = []
    conflicts: list[Conflict] = []
    for members in clusters:
        date, basis = _cluster_date(members)
        event = _event(members, date, basis=basis)
        _background(event, by_id)
        dated.append(event)
    undated_events = sorted(_undated(undated), key=lambda e: (e.sources[0].doc, e.sources[0].start))
    _unique_ids(dated + undated_events)
    for event, members in zip(dated, clusters, strict=True):
        conflicts += _slot_conflicts(event, members, groups)
    found: Mapping[str, str] | Callable[[], Mapping[str, str]] = groups
    if reprints is None and not unnamed:
        found = partial(_reprint_groups, corpus)  # found only if some figure needs it
    conflicts += _story_conflicts(corpus, found, dated + undated_events)
    order = sorted(
        range(len(dated)),
        key=lambda i: (date_key(dated[i].date or ""), dated[i].title, dated[i].id),
    )
    dated = [dated[i] for i in order]
    return Timeline(dated, undated_events, conflicts, _name_dates(dated))


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
    basis = f" ({event.date_basis})" if event.date and event.date_basis else ""
    head = f"{(event.date or 'undated') + basis:<24} {event.title}  [{event.kind}]"
    lines = [f"{head}  {event.reports} report(s)"]
    if event.participants:
        lines.append("    participants: " + ", ".join(event.participants))
    if event.places:
        lines.append("    place: " + ", ".join(event.places))
    if event.scope != "story" and event.scope_rule:
        lines.append(f"    background: {event.scope_rule}")
    if event.date is None and event.reason:
        lines.append(f"    why undated: {event.reason}")
    lines += [_source_line(s, articles_by_id) for s in event.sources]
    return lines


def conflict_line(conflict: Conflict) -> str:
    """One line per conflict: the event, the slot, each version with its documents."""
    versions = "; ".join(
        f"{'~' if v.approximate else ''}{value_text(v.value)}{' ' + v.unit if v.unit else ''}"
        f" ({', '.join(v.docs)})"
        for v in conflict.versions
    )
    return f"    {conflict.title} [{conflict.field}]: {versions}"


def value_text(value: Any) -> str:
    """A version's value as text: a range "low–high", else the value."""
    if isinstance(value, list):
        return "–".join(str(v) for v in value)
    return str(value)


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
        lines += ["", "Sources disagree (one event or one fact, different versions):"]
        lines += [conflict_line(c) for c in timeline.conflicts]
    if timeline.name_dates:
        lines += ["", "Same name, different dates (another occurrence, or sources disagree):"]
        for named in timeline.name_dates:
            lines.append(f"    {named.name} [{named.kind}]: {', '.join(named.dates)}")
    return "\n".join(lines)
