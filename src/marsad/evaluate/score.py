"""Matching system output to gold answers, and the counts behind P/R/F1 and accuracies.

Every scorer takes one document at a time (``add``) and sums counts over documents
(micro-averaging), so a long document weighs more than a short one. Matching is
one-to-one: one system item can match at most one gold item and the other way round.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from marsad.arabic.normalize import normalize
from marsad.evaluate.gold import (
    GoldDocument,
    GoldEntity,
    GoldEvent,
    GoldQuantity,
    GoldQuote,
    GoldTimex,
    line_of,
    locate,
)
from marsad.model import Entity, Quantity, Quote, Span, Timex

ROUND = 3


def _ratio(numerator: int, denominator: int) -> float:
    return numerator / denominator if denominator else 0.0


@dataclass(slots=True)
class Counts:
    """Detection counts: matched pairs, system items, gold items."""

    tp: int = 0
    system: int = 0
    gold: int = 0

    @property
    def precision(self) -> float:
        return _ratio(self.tp, self.system)

    @property
    def recall(self) -> float:
        return _ratio(self.tp, self.gold)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, tp: int, system: int, gold: int) -> None:
        self.tp += tp
        self.system += system
        self.gold += gold

    def to_json(self) -> dict[str, Any]:
        return {
            "precision": round(self.precision, ROUND),
            "recall": round(self.recall, ROUND),
            "f1": round(self.f1, ROUND),
            "tp": self.tp,
            "system": self.system,
            "gold": self.gold,
        }


@dataclass(slots=True)
class Ratio:
    """An accuracy: ``correct`` out of ``total``."""

    correct: int = 0
    total: int = 0

    @property
    def value(self) -> float:
        return _ratio(self.correct, self.total)

    def add(self, correct: bool) -> None:
        self.correct += int(correct)
        self.total += 1

    def to_json(self) -> dict[str, Any]:
        return {"accuracy": round(self.value, ROUND), "correct": self.correct, "total": self.total}


def match_overlap(gold: Sequence[Span], system: Sequence[Span]) -> dict[int, int]:
    """One-to-one matching of overlapping spans, largest overlap first: gold -> system index."""
    pairs = []
    for g, gold_span in enumerate(gold):
        for s, system_span in enumerate(system):
            if gold_span.overlaps(system_span):
                shared = min(gold_span.end, system_span.end) - max(
                    gold_span.start, system_span.start
                )
                pairs.append((-shared, g, s))
    pairs.sort()
    matched: dict[int, int] = {}
    used: set[int] = set()
    for _, g, s in pairs:
        if g not in matched and s not in used:
            matched[g] = s
            used.add(s)
    return matched


def count_exact(gold: Sequence[Span], system: Sequence[Span]) -> int:
    """How many gold spans have a system span with exactly the same offsets (one-to-one)."""
    remaining: dict[Span, int] = {}
    for span in system:
        remaining[span] = remaining.get(span, 0) + 1
    hits = 0
    for span in gold:
        if remaining.get(span, 0):
            remaining[span] -= 1
            hits += 1
    return hits


def same_value(gold: str | None, system: str | None) -> bool:
    """Equal TIMEX values; null only equals null (a confident date for a null is wrong)."""
    if gold is None or system is None:
        return gold is None and system is None
    return gold.strip().upper() == system.strip().upper()


def compatible_value(gold: str | None, system: str | None) -> bool:
    """Equal at the coarser granularity of the two: "2008" ~ "2008-11-23", "2024-01-26T02:43"
    ~ "2024-01-26". Lenient on purpose, to compare with tools that always print a full date
    (it credits a day guessed from the clock); the strict ``same_value`` is the headline.
    """
    if same_value(gold, system) or gold is None or system is None:
        return same_value(gold, system)
    a, b = gold.strip().upper(), system.strip().upper()
    longer, shorter = (a, b) if len(a) > len(b) else (b, a)
    return longer.startswith(shorter) and longer[len(shorter)] in "-T:"


def _clean_name(name: str | None) -> str:
    return " ".join((name or "").split()).casefold()


# --- timexes -------------------------------------------------------------------------------


@dataclass(slots=True)
class AnchoredCounts:
    """Gold timexes whose value depends on an unknown publication date (gold value null)."""

    total: int = 0
    detected: int = 0
    kept_null: int = 0  # detected and left without a value: right without an inferred date
    resolved: int = 0  # resolved against a correctly inferred publication date: right
    invented: int = 0  # detected and given any other confident value: wrong

    def to_json(self) -> dict[str, Any]:
        return {
            "total": self.total,
            "detected": self.detected,
            "kept_null": self.kept_null,
            "resolved_by_inferred_date": self.resolved,
            "invented": self.invented,
        }


@dataclass(slots=True)
class TimexScores:
    strict: Counts = field(default_factory=Counts)
    lenient: Counts = field(default_factory=Counts)
    value_f1: Counts = field(default_factory=Counts)
    value_accuracy: Ratio = field(default_factory=Ratio)
    compatible: Ratio = field(default_factory=Ratio)  # see compatible_value
    by_category: dict[str, Ratio] = field(
        default_factory=lambda: {"absolute": Ratio(), "vague": Ratio(), "anchored": Ratio()}
    )
    anchored: AnchoredCounts = field(default_factory=AnchoredCounts)
    errors: list[dict[str, Any]] = field(default_factory=list)

    def add(
        self,
        doc: str,
        text: str,
        gold: Sequence[GoldTimex],
        system: Sequence[Timex],
        inferred_published: str | None = None,
    ) -> None:
        """Score one document; with ``inferred_published`` (the system inferred the date the
        gold calls inferable), an anchored gold timex expects its ``anchored_value``."""
        gold_spans = [locate(text, g.text, g.occurrence) or Span(0, 0) for g in gold]
        system_spans = [t.span for t in system]
        exact = count_exact(gold_spans, system_spans)
        matched = match_overlap(gold_spans, system_spans)
        self.strict.add(exact, len(system), len(gold))
        self.lenient.add(len(matched), len(system), len(gold))
        correct_pairs = 0
        for g, answer in enumerate(gold):
            found = system[matched[g]] if g in matched else None
            expected = answer.value
            if answer.category == "anchored" and inferred_published and answer.anchored_value:
                expected = answer.anchored_value
            correct = found is not None and same_value(expected, found.value)
            correct_pairs += correct
            self.value_accuracy.add(correct)
            self.compatible.add(found is not None and compatible_value(answer.value, found.value))
            self.by_category[answer.category].add(correct)
            if answer.category == "anchored":
                self._add_anchored(found, expected)
            if not correct:
                self.errors.append(
                    {
                        "doc": doc,
                        "text": answer.text,
                        "gold": answer.value,
                        "system": None if found is None else found.value,
                        "system_text": None if found is None else found.text,
                        "missed": found is None,
                    }
                )
        self.value_f1.add(correct_pairs, len(system), len(gold))

    def _add_anchored(self, found: Timex | None, expected: str | None) -> None:
        self.anchored.total += 1
        if found is None:
            return
        self.anchored.detected += 1
        if found.value is None:
            self.anchored.kept_null += 1
        elif expected is not None and same_value(expected, found.value):
            self.anchored.resolved += 1
        else:
            self.anchored.invented += 1

    def to_json(self, with_errors: bool = False) -> dict[str, Any]:
        out: dict[str, Any] = {
            "detection_strict": self.strict.to_json(),
            "detection_lenient": self.lenient.to_json(),
            "value_f1": self.value_f1.to_json(),
            "value_accuracy": self.value_accuracy.to_json(),
            "value_accuracy_compatible": self.compatible.to_json(),
            "value_accuracy_by_kind": {k: r.to_json() for k, r in self.by_category.items()},
            "anchored": self.anchored.to_json(),
        }
        if with_errors:
            out["errors"] = self.errors
        return out


# --- quotes --------------------------------------------------------------------------------


def same_cue(gold: str, system: str) -> bool:
    """Normalised cues equal, allowing one leading conjunction letter on either side."""
    a, b = normalize(gold).strip(), normalize(system).strip()
    if a == b:
        return True
    longer, shorter = (a, b) if len(a) > len(b) else (b, a)
    return bool(shorter) and len(longer) == len(shorter) + 1 and longer.endswith(shorter)


@dataclass(slots=True)
class QuoteScores:
    detection: Counts = field(default_factory=Counts)
    speaker: Ratio = field(default_factory=Ratio)
    implicit: Ratio = field(default_factory=Ratio)
    errors: list[dict[str, Any]] = field(default_factory=list)

    def add(self, doc: str, text: str, gold: Sequence[GoldQuote], system: Sequence[Quote]) -> None:
        lines = [line_of(text, q.cue_span.start) for q in system]
        used: set[int] = set()
        for answer in gold:
            hit = next(
                (
                    s
                    for s, quote in enumerate(system)
                    if s not in used and lines[s] == answer.line and same_cue(answer.cue, quote.cue)
                ),
                None,
            )
            if hit is None:
                self.errors.append({"doc": doc, "line": answer.line, "cue": answer.cue})
                continue
            used.add(hit)
            quote = system[hit]
            right = _clean_name(quote.speaker) == _clean_name(answer.speaker)
            self.speaker.add(right)
            self.implicit.add(quote.implicit == answer.implicit)
            if not right:
                self.errors.append(
                    {
                        "doc": doc,
                        "line": answer.line,
                        "cue": answer.cue,
                        "gold_speaker": answer.speaker,
                        "system_speaker": quote.speaker,
                    }
                )
        self.detection.add(len(used), len(system), len(gold))

    def to_json(self, with_errors: bool = False) -> dict[str, Any]:
        out: dict[str, Any] = {
            "detection": self.detection.to_json(),
            "speaker_accuracy": self.speaker.to_json(),
            "implicit_accuracy": self.implicit.to_json(),
        }
        if with_errors:
            out["errors"] = self.errors
        return out


# --- entities ------------------------------------------------------------------------------


@dataclass(slots=True)
class EntityScores:
    typed: Counts = field(default_factory=Counts)  # (canonical name, type) sets per document
    names: Counts = field(default_factory=Counts)  # canonical names only, type ignored
    mentions: Ratio = field(default_factory=Ratio)  # gold surface forms among system texts
    canonical: Ratio = field(default_factory=Ratio)  # found mentions linked to the gold entity
    errors: list[dict[str, Any]] = field(default_factory=list)

    def add(self, doc: str, gold: Sequence[GoldEntity], system: Sequence[Entity]) -> None:
        gold_typed = {(_clean_name(e.name), e.type) for e in gold}
        system_typed = {(_clean_name(e.canonical), e.type) for e in system}
        self.typed.add(len(gold_typed & system_typed), len(system_typed), len(gold_typed))
        gold_names = {name for name, _ in gold_typed}
        system_names = {name for name, _ in system_typed}
        self.names.add(len(gold_names & system_names), len(system_names), len(gold_names))
        linked: dict[str, set[str]] = {}
        for e in system:
            linked.setdefault(normalize(e.text).strip(), set()).add(_clean_name(e.canonical))
        for entity in gold:
            for mention in entity.mentions:
                names = linked.get(normalize(mention).strip())
                self.mentions.add(names is not None)
                if names is not None:
                    self.canonical.add(_clean_name(entity.name) in names)
        missed = sorted(f"{n} ({t})" for n, t in gold_typed - system_typed)
        extra = sorted(f"{n} ({t})" for n, t in system_typed - gold_typed)
        if missed or extra:
            self.errors.append({"doc": doc, "missed": missed, "extra": extra})

    def to_json(self, with_errors: bool = False) -> dict[str, Any]:
        out: dict[str, Any] = {
            "typed": self.typed.to_json(),
            "names": self.names.to_json(),
            "mention_recall": self.mentions.to_json(),
            "mention_canonical_accuracy": self.canonical.to_json(),
        }
        if with_errors:
            out["errors"] = self.errors
        return out


# --- quantities ----------------------------------------------------------------------------


def same_number(gold: float | None, system: float | None) -> bool:
    if gold is None or system is None:
        return gold is None and system is None
    return abs(gold - system) <= 1e-9 * max(1.0, abs(gold))


@dataclass(slots=True)
class QuantityScores:
    detection: Counts = field(default_factory=Counts)
    value: Ratio = field(default_factory=Ratio)  # over gold quantities: found with equal value
    unit: Ratio = field(default_factory=Ratio)  # over matched quantities with a gold unit
    errors: list[dict[str, Any]] = field(default_factory=list)

    def add(
        self, doc: str, text: str, gold: Sequence[GoldQuantity], system: Sequence[Quantity]
    ) -> None:
        gold_spans = [locate(text, g.text, g.occurrence) or Span(0, 0) for g in gold]
        matched = match_overlap(gold_spans, [q.span for q in system])
        self.detection.add(len(matched), len(system), len(gold))
        for g, answer in enumerate(gold):
            found = system[matched[g]] if g in matched else None
            right = found is not None and same_number(answer.value, _as_float(found.value))
            self.value.add(right)
            if found is not None and answer.unit is not None:
                self.unit.add(_clean_name(found.unit) == _clean_name(answer.unit))
            if not right:
                self.errors.append(
                    {
                        "doc": doc,
                        "text": answer.text,
                        "gold": answer.value,
                        "system": None if found is None else found.value,
                    }
                )

    def to_json(self, with_errors: bool = False) -> dict[str, Any]:
        out: dict[str, Any] = {
            "detection": self.detection.to_json(),
            "value_accuracy": self.value.to_json(),
            "unit_accuracy": self.unit.to_json(),
        }
        if with_errors:
            out["errors"] = self.errors
        return out


def _as_float(value: float | int | None) -> float | None:
    return None if value is None else float(value)


# --- publication dates ---------------------------------------------------------------------


@dataclass(slots=True)
class PublishedScores:
    """Publication dates: the text's own date where it gives one, else none (or inferred)."""

    stated: Ratio = field(default_factory=Ratio)  # gold has a date: system gives the same
    unstated: Ratio = field(default_factory=Ratio)  # gold has none: system none (or inferable)
    inferred: Ratio = field(default_factory=Ratio)  # gold says inferable: system inferred it
    invented: int = 0  # gold has none and the system gives another date

    def add(self, gold: GoldDocument, system: str | None) -> None:
        if gold.published is not None:
            self.stated.add(same_value(gold.published, system))
            return
        inferable = gold.published_inferable
        if inferable is not None:
            self.inferred.add(same_value(inferable, system))
        right = system is None or (inferable is not None and same_value(inferable, system))
        self.unstated.add(right)
        self.invented += not right

    def to_json(self) -> dict[str, Any]:
        return {
            "stated": self.stated.to_json(),
            "unstated": self.unstated.to_json(),
            "inferred": self.inferred.to_json(),
            "invented": self.invented,
        }


# --- timeline ------------------------------------------------------------------------------


@dataclass(slots=True)
class TimelineScores:
    """Timeline dates against the gold events (see score_timeline)."""

    recall: Ratio = field(default_factory=Ratio)
    dated_events: int = 0
    dated_matching_gold_date: int = 0
    undated_events: int = 0
    invented: list[dict[str, Any]] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)

    def to_json(self, with_errors: bool = False) -> dict[str, Any]:
        out: dict[str, Any] = {
            "gold_date_recall": self.recall.to_json(),
            "system_dated_events": self.dated_events,
            "system_undated_events": self.undated_events,
            "dated_precision_proxy": round(
                _ratio(self.dated_matching_gold_date, self.dated_events), ROUND
            ),
            "invented_dates": len(self.invented),
        }
        if with_errors:
            out["missed"] = self.missed
            out["invented"] = self.invented
        return out


def _unsupported_lines(
    document: GoldDocument, text: str
) -> tuple[set[int], dict[int, set[str | None]]]:
    """Lines holding an unanchorable gold timex, and the gold values found on each line."""
    unanchored: set[int] = set()
    values: dict[int, set[str | None]] = {}
    for timex in document.timexes:
        span = locate(text, timex.text, timex.occurrence)
        if span is None:
            continue
        line = line_of(text, span.start)
        values.setdefault(line, set()).add(timex.value)
        if timex.value is None:
            unanchored.add(line)
    return unanchored, values


def score_timeline(
    timeline: Mapping[str, Any],
    events: Iterable[GoldEvent],
    documents: Sequence[GoldDocument],
    texts: Mapping[str, str],
) -> TimelineScores:
    """Score a ``build_timeline(...).to_json()`` dict against the gold timeline.

    Recall: a derivable gold event is found when some system event has exactly its date
    and sources covering all of its documents (by 3-character prefix). Precision proxy:
    the share of system dated events whose date is some gold event's date. An invented
    date is a system dated event all of whose sources lie on a line of a document that
    has an underivable gold event, where that line holds a gold timex the text cannot
    anchor and no gold timex with the event's date.
    """
    scores = TimelineScores()
    system_events = list(timeline.get("events", []))
    scores.undated_events = len(timeline.get("undated", []))
    dated = [e for e in system_events if e.get("date")]
    scores.dated_events = len(dated)
    gold_events = list(events)
    gold_dates = {e.date for e in gold_events if e.derivable and e.date}

    def prefixes(event: Mapping[str, Any]) -> set[str]:
        return {str(src.get("doc", ""))[:3] for src in event.get("sources", [])}

    for answer in gold_events:
        if not answer.derivable or answer.date is None:
            continue
        found = any(
            same_value(answer.date, e["date"]) and set(answer.docs) <= prefixes(e) for e in dated
        )
        scores.recall.add(found)
        if not found:
            scores.missed.append(f"{answer.id} {answer.date} {sorted(answer.docs)}")
    scores.dated_matching_gold_date = sum(
        any(same_value(d, e["date"]) for d in gold_dates) for e in dated
    )

    by_prefix = {d.prefix: d for d in documents}
    risky = {p for e in gold_events if not e.derivable for p in e.docs}
    lines_cache: dict[str, tuple[set[int], dict[int, set[str | None]]]] = {}
    for event in dated:
        sources = list(event.get("sources", []))
        if not sources:
            continue
        unsupported = 0
        for source in sources:
            document = by_prefix.get(str(source.get("doc", ""))[:3])
            if document is None or document.prefix not in risky or document.doc not in texts:
                break
            text = texts[document.doc]
            if document.doc not in lines_cache:
                lines_cache[document.doc] = _unsupported_lines(document, text)
            unanchored, values = lines_cache[document.doc]
            line = line_of(text, int(source.get("start", 0)))
            supported = any(same_value(v, event["date"]) for v in values.get(line, set()) if v)
            if line not in unanchored or supported:
                break
            unsupported += 1
        if unsupported == len(sources):
            scores.invented.append(
                {"id": event.get("id"), "date": event["date"], "title": event.get("title")}
            )
    return scores
