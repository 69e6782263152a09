"""Load and check a gold file in the ``marsad-gold/1`` format (see ../shared/gold/README.md).

The loader checks the structure first (``load_gold``), then, once the documents are read,
that every answer points at real text (``check_against_texts``): a timex's ``text`` must
occur ``occurrence`` times, a quote's ``line`` must exist. Problems are collected and
raised together, so a broken gold file is fixed in one pass.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from marsad.model import Span

GOLD_FORMAT = "marsad-gold/1"
TIMEX_TYPES = frozenset({"DATE", "TIME", "DURATION", "SET"})
ENTITY_TYPES = frozenset({"PER", "ORG", "LOC", "EVENT", "MISC"})


class GoldError(ValueError):
    """The gold file is malformed or does not fit the documents it names."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        shown = "\n  ".join(problems[:20])
        more = f"\n  … and {len(problems) - 20} more" if len(problems) > 20 else ""
        super().__init__(f"gold: {len(problems)} problem(s):\n  {shown}{more}")


@dataclass(frozen=True, slots=True)
class GoldTimex:
    text: str
    occurrence: int
    type: str
    value: str | None
    anchor: str | None = None
    anchored_value: str | None = None
    vague: bool = False

    @property
    def category(self) -> str:
        """absolute | vague | anchored: the three kinds scored apart."""
        if self.value is None:
            return "anchored"
        return "vague" if self.vague else "absolute"


@dataclass(frozen=True, slots=True)
class GoldQuote:
    speaker: str
    cue: str
    line: int
    implicit: bool = False


@dataclass(frozen=True, slots=True)
class GoldQuantity:
    text: str
    value: float | None
    unit: str | None = None
    occurrence: int = 1


@dataclass(frozen=True, slots=True)
class GoldEntity:
    name: str
    type: str
    mentions: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class GoldDocument:
    doc: str
    published: str | None
    published_inferable: str | None
    timexes: tuple[GoldTimex, ...]
    quotes: tuple[GoldQuote, ...]
    quantities: tuple[GoldQuantity, ...]
    entities: tuple[GoldEntity, ...]

    @property
    def prefix(self) -> str:
        """The 3-character prefix the timeline uses to name this document."""
        return self.doc[:3]


@dataclass(frozen=True, slots=True)
class GoldEvent:
    id: str
    date: str | None
    docs: tuple[str, ...]
    derivable: bool = True
    what: str = ""


@dataclass(slots=True)
class GoldSet:
    corpus: str
    documents: list[GoldDocument]
    timeline: list[GoldEvent] = field(default_factory=list)
    path: str = ""

    def doc_names(self) -> list[str]:
        return [d.doc for d in self.documents]


def _occurrences(text: str, needle: str, whole_words: bool) -> list[int]:
    starts: list[int] = []
    start = text.find(needle)
    while start >= 0:
        end = start + len(needle)
        before = text[start - 1] if start else " "
        after = text[end] if end < len(text) else " "
        if not whole_words or not (before.isalnum() or after.isalnum()):
            starts.append(start)
        start = text.find(needle, start + 1)
    return starts


def locate(text: str, needle: str, occurrence: int) -> Span | None:
    """The ``occurrence``-th (1-based) occurrence of ``needle`` in ``text``.

    Occurrences are counted as whole words ("المستقبل" is not found inside
    "المستقبلية"), as annotators count them; a needle that is never a whole word
    falls back to plain substring counting.
    """
    if not needle:
        return None
    starts = _occurrences(text, needle, whole_words=True) or _occurrences(
        text, needle, whole_words=False
    )
    if occurrence > len(starts):
        return None
    start = starts[occurrence - 1]
    return Span(start, start + len(needle))


def line_of(text: str, offset: int) -> int:
    """1-based line number of a character offset."""
    return text.count("\n", 0, offset) + 1


# --- structure --------------------------------------------------------------------------


class _Checker:
    def __init__(self) -> None:
        self.problems: list[str] = []

    def need(self, record: Mapping[str, Any], key: str, kinds: tuple[type, ...], where: str) -> Any:
        if key not in record:
            self.problems.append(f"{where}: missing {key!r}")
            return None
        value = record[key]
        if not isinstance(value, kinds) or (isinstance(value, bool) and bool not in kinds):
            self.problems.append(f"{where}: {key!r} has type {type(value).__name__}")
            return None
        return value

    def optional(
        self, record: Mapping[str, Any], key: str, kinds: tuple[type, ...], where: str
    ) -> Any:
        if record.get(key) is None:
            return None
        return self.need(record, key, kinds, where)


def _timex(c: _Checker, raw: Mapping[str, Any], where: str) -> GoldTimex | None:
    text = c.need(raw, "text", (str,), where)
    occurrence = c.optional(raw, "occurrence", (int,), where) or 1
    kind = c.need(raw, "type", (str,), where)
    if "value" not in raw:
        c.problems.append(f"{where}: missing 'value' (use null when the text does not say)")
    value = c.optional(raw, "value", (str,), where)
    anchor = c.optional(raw, "anchor", (str,), where)
    if kind is not None and kind not in TIMEX_TYPES:
        c.problems.append(f"{where}: type {kind!r} is not one of {sorted(TIMEX_TYPES)}")
    if occurrence < 1:
        c.problems.append(f"{where}: occurrence must be >= 1")
    if text is None or kind is None:
        return None
    return GoldTimex(
        text=text,
        occurrence=occurrence,
        type=kind,
        value=value,
        anchor=anchor,
        anchored_value=c.optional(raw, "anchored_value", (str,), where),
        vague=bool(raw.get("vague", False)),
    )


def _quote(c: _Checker, raw: Mapping[str, Any], where: str) -> GoldQuote | None:
    speaker = c.need(raw, "speaker", (str,), where)
    cue = c.need(raw, "cue", (str,), where)
    line = c.need(raw, "line", (int,), where)
    if speaker is None or cue is None or line is None:
        return None
    if line < 1:
        c.problems.append(f"{where}: line must be >= 1")
    return GoldQuote(speaker, cue, line, bool(raw.get("implicit_speaker", False)))


def _quantity(c: _Checker, raw: Mapping[str, Any], where: str) -> GoldQuantity | None:
    text = c.need(raw, "text", (str,), where)
    value = c.optional(raw, "value", (int, float), where)
    if text is None:
        return None
    return GoldQuantity(
        text=text,
        value=value,
        unit=c.optional(raw, "unit", (str,), where),
        occurrence=c.optional(raw, "occurrence", (int,), where) or 1,
    )


def _entity(c: _Checker, raw: Mapping[str, Any], where: str) -> GoldEntity | None:
    name = c.need(raw, "name", (str,), where)
    kind = c.need(raw, "type", (str,), where)
    mentions = c.optional(raw, "mentions", (list,), where) or []
    if kind is not None and kind not in ENTITY_TYPES:
        c.problems.append(f"{where}: type {kind!r} is not one of {sorted(ENTITY_TYPES)}")
    if any(not isinstance(m, str) for m in mentions):
        c.problems.append(f"{where}: mentions must be strings")
        mentions = []
    if name is None or kind is None:
        return None
    return GoldEntity(name, kind, tuple(mentions))


def _published(c: _Checker, raw: Mapping[str, Any], where: str) -> tuple[str | None, str | None]:
    published = c.optional(raw, "published", (str,), where)
    inferable = c.optional(raw, "published_inferable", (dict,), where)
    inferable_value = None
    if inferable is not None:
        inferable_value = c.optional(inferable, "value", (str,), f"{where}.published_inferable")
    return published, inferable_value


def _items(c: _Checker, raw: Mapping[str, Any], key: str, where: str) -> list[Mapping[str, Any]]:
    items = c.optional(raw, key, (list,), where) or []
    good: list[Mapping[str, Any]] = []
    for index, item in enumerate(items):
        if isinstance(item, dict):
            good.append(item)
        else:
            c.problems.append(f"{where}.{key}[{index}]: not an object")
    return good


def _document(c: _Checker, raw: Mapping[str, Any], where: str) -> GoldDocument | None:
    doc = c.need(raw, "doc", (str,), where)
    if doc is None:
        return None
    where = f"document {doc}"
    published, inferable = _published(c, raw, where)

    def parse(key: str, build: Any) -> tuple[Any, ...]:
        parsed = (
            build(c, item, f"{where} {key}[{i}]")
            for i, item in enumerate(_items(c, raw, key, where))
        )
        return tuple(p for p in parsed if p is not None)

    return GoldDocument(
        doc=doc,
        published=published,
        published_inferable=inferable,
        timexes=parse("timexes", _timex),
        quotes=parse("quotes", _quote),
        quantities=parse("quantities", _quantity),
        entities=parse("entities", _entity),
    )


def _event(c: _Checker, raw: Mapping[str, Any], where: str) -> GoldEvent | None:
    event_id = c.need(raw, "id", (str,), where)
    date = c.optional(raw, "date", (str,), where)
    docs = c.need(raw, "docs", (list,), where)
    derivable = raw.get("derivable", True) is not False
    if event_id is None or docs is None:
        return None
    if derivable and date is None:
        c.problems.append(f"{where}: derivable event without a date (set derivable: false)")
    return GoldEvent(event_id, date, tuple(str(d) for d in docs), derivable, raw.get("what", ""))


def parse_gold(data: Any, path: str = "") -> GoldSet:
    """Check and convert a decoded gold JSON object; raises GoldError listing every problem."""
    c = _Checker()
    if not isinstance(data, dict):
        raise GoldError(["top level is not a JSON object"])
    if data.get("format") != GOLD_FORMAT:
        c.problems.append(f"format is {data.get('format')!r}, expected {GOLD_FORMAT!r}")
    documents = [
        d
        for i, raw in enumerate(_items(c, data, "documents", "gold"))
        if (d := _document(c, raw, f"documents[{i}]")) is not None
    ]
    if not documents:
        c.problems.append("gold has no documents")
    names = [d.doc for d in documents]
    for name in {n for n in names if names.count(n) > 1}:
        c.problems.append(f"document {name} appears twice")
    timeline = [
        e
        for i, raw in enumerate(_items(c, data, "timeline", "gold"))
        if (e := _event(c, raw, f"timeline[{i}]")) is not None
    ]
    prefixes = {d.prefix for d in documents}
    for event in timeline:
        for prefix in event.docs:
            if prefix not in prefixes:
                c.problems.append(f"timeline {event.id}: doc {prefix!r} is not a gold document")
    if c.problems:
        raise GoldError(c.problems)
    return GoldSet(str(data.get("corpus", "")), documents, timeline, path)


def load_gold(path: Path) -> GoldSet:
    """Read and check a ``marsad-gold/1`` file."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8-sig"))
    except json.JSONDecodeError as exc:
        raise GoldError([f"{path}: not JSON ({exc})"]) from exc
    return parse_gold(data, str(path))


# --- against the texts ------------------------------------------------------------------


def check_against_texts(gold: GoldSet, texts: Mapping[str, str]) -> None:
    """Every gold answer must point at real text; raises GoldError listing every miss."""
    problems: list[str] = []
    for document in gold.documents:
        text = texts.get(document.doc)
        if text is None:
            problems.append(f"document {document.doc}: not found among the inputs")
            continue
        lines = text.count("\n") + 1
        for timex in document.timexes:
            if locate(text, timex.text, timex.occurrence) is None:
                problems.append(
                    f"{document.doc}: timex {timex.text!r} occurrence {timex.occurrence} "
                    "is not in the text"
                )
        for quantity in document.quantities:
            if locate(text, quantity.text, quantity.occurrence) is None:
                problems.append(f"{document.doc}: quantity {quantity.text!r} is not in the text")
        for quote in document.quotes:
            if quote.line > lines:
                problems.append(f"{document.doc}: quote line {quote.line} > {lines} lines")
    if problems:
        raise GoldError(problems)
