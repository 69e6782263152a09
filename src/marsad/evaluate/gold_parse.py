"""Read a ``marsad-gold/1`` file into ``gold`` data classes, checking its structure.

Every problem is collected and raised together (``GoldError``), so a broken gold file
is fixed in one pass. Fields the README does not define are ignored.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any, TypeVar

from marsad.evaluate.gold import (
    DATE_BASES,
    ENTITY_TYPES,
    GOLD_FORMAT,
    SCOPES,
    TIMEX_TYPES,
    GoldConflict,
    GoldDocument,
    GoldDuplicate,
    GoldEntity,
    GoldError,
    GoldEvent,
    GoldInferableDate,
    GoldQuantity,
    GoldQuote,
    GoldSet,
    GoldTimex,
    GoldVersion,
    QuantityValue,
)

T = TypeVar("T")
Kinds = tuple[type, ...]


class _Record:
    """One JSON object of the gold file, read field by field; problems go to a shared list."""

    def __init__(self, raw: Mapping[str, Any], where: str, problems: list[str]) -> None:
        self.raw, self.where, self.problems = raw, where, problems

    def problem(self, message: str) -> None:
        self.problems.append(f"{self.where}: {message}")

    def _typed(self, key: str, kinds: Kinds) -> Any:
        value = self.raw[key]
        if (isinstance(value, bool) and bool not in kinds) or not isinstance(value, kinds):
            self.problem(f"{key!r} has type {type(value).__name__}")
            return None
        return value

    def required(self, key: str, kinds: Kinds) -> Any:
        if key not in self.raw:
            self.problem(f"missing {key!r}")
            return None
        return self._typed(key, kinds)

    def optional(self, key: str, kinds: Kinds, default: Any = None) -> Any:
        if self.raw.get(key) is None:
            return default
        value = self._typed(key, kinds)
        return default if value is None else value

    def text(self, key: str) -> str | None:
        value: str | None = self.optional(key, (str,))
        return value

    def flag(self, key: str, default: bool = False) -> bool:
        return bool(self.optional(key, (bool,), default))

    def strings(self, key: str, required: bool = False) -> tuple[str, ...] | None:
        items = self.required(key, (list,)) if required else self.optional(key, (list,), [])
        if items is None:
            return None
        if not all(isinstance(item, str) for item in items):
            self.problem(f"{key!r} must be a list of strings")
            return None
        return tuple(items)

    def one_of(self, key: str, allowed: frozenset[str]) -> str | None:
        value = self.text(key)
        if value is not None and value not in allowed:
            self.problem(f"{key} {value!r} is not one of {sorted(allowed)}")
        return value

    def occurrence(self) -> int:
        occurrence: int = self.optional("occurrence", (int,), 1)
        if occurrence < 1:
            self.problem("occurrence must be >= 1")
        return occurrence

    def items(self, key: str, build: Callable[[_Record], T | None]) -> list[T]:
        """The objects of the list field ``key``, each built by ``build``."""
        built: list[T] = []
        for index, item in enumerate(self.optional(key, (list,), [])):
            where = f"{self.where} {key}[{index}]"
            if not isinstance(item, dict):
                self.problems.append(f"{where}: not an object")
            elif (value := build(_Record(item, where, self.problems))) is not None:
                built.append(value)
        return built


# --- the answers of one document ------------------------------------------------------------


def _timex(r: _Record) -> GoldTimex | None:
    text, kind = r.required("text", (str,)), r.required("type", (str,))
    if "value" not in r.raw:
        r.problem("missing 'value' (use null when the text does not say)")
    if kind is not None and kind not in TIMEX_TYPES:
        r.problem(f"type {kind!r} is not one of {sorted(TIMEX_TYPES)}")
    if not text:
        if text == "":
            r.problem("empty 'text'")
        return None
    occurrence = r.occurrence()
    if kind is None:
        return None
    return GoldTimex(
        text=text,
        type=kind,
        value=r.text("value"),
        occurrence=occurrence,
        vague=r.flag("vague"),
        hijri=r.text("hijri"),
        mod=r.text("mod"),
        role=r.text("role"),
        anchor=r.text("anchor"),
        anchored_value=r.text("anchored_value"),
        note=r.text("note"),
    )


def _quote(r: _Record) -> GoldQuote | None:
    speaker, cue = r.required("speaker", (str,)), r.required("cue", (str,))
    line = r.required("line", (int,))
    if line is not None and line < 1:
        r.problem("line must be >= 1")
    if speaker is None or cue is None or line is None:
        return None
    return GoldQuote(
        speaker=speaker,
        cue=cue,
        line=line,
        speaker_ar=r.text("speaker_ar"),
        implicit_speaker=r.flag("implicit_speaker"),
        note=r.text("note"),
    )


def _entity(r: _Record) -> GoldEntity | None:
    name, kind = r.required("name", (str,)), r.required("type", (str,))
    if kind is not None and kind not in ENTITY_TYPES:
        r.problem(f"type {kind!r} is not one of {sorted(ENTITY_TYPES)}")
    mentions = r.strings("mentions")
    if name is None or kind is None or mentions is None:
        return None
    return GoldEntity(
        name=name,
        type=kind,
        mentions=mentions,
        name_ar=r.text("name_ar"),
        role=r.text("role"),
        note=r.text("note"),
    )


def _quantity_value(r: _Record) -> QuantityValue:
    value = r.raw.get("value")
    number = (int, float)
    if value is None or (isinstance(value, number) and not isinstance(value, bool)):
        return value
    if (
        isinstance(value, list)
        and len(value) == 2
        and all(isinstance(v, number) and not isinstance(v, bool) for v in value)
    ):
        return (value[0], value[1])
    r.problem(f"'value' {value!r} is not a number, [low, high] or null")
    return None


def _quantity(r: _Record) -> GoldQuantity | None:
    text = r.required("text", (str,))
    if not text:
        if text == "":
            r.problem("empty 'text'")
        return None
    return GoldQuantity(
        text=text,
        value=_quantity_value(r),
        occurrence=r.occurrence(),
        unit=r.text("unit"),
        subject=r.text("subject"),
        approximate=r.flag("approximate"),
        vague=r.flag("vague"),
        note=r.text("note"),
    )


def _inferable(r: _Record) -> GoldInferableDate | None:
    raw = r.optional("published_inferable", (dict,))
    if raw is None:
        return None
    inner = _Record(raw, f"{r.where} published_inferable", r.problems)
    value = inner.required("value", (str,))
    return None if value is None else GoldInferableDate(value, inner.text("how"))


def _document(r: _Record) -> GoldDocument | None:
    doc = r.required("doc", (str,))
    if doc is None:
        return None
    r.where = f"document {doc}"
    return GoldDocument(
        doc=doc,
        outlet=r.text("outlet"),
        crawled=r.text("crawled"),
        published=r.text("published"),
        published_inferable=_inferable(r),
        title=r.text("title"),
        note=r.text("note"),
        timexes=tuple(r.items("timexes", _timex)),
        quotes=tuple(r.items("quotes", _quote)),
        quantities=tuple(r.items("quantities", _quantity)),
        entities=tuple(r.items("entities", _entity)),
    )


# --- story files: timeline, conflicts, duplicates -------------------------------------------


def _event(r: _Record) -> GoldEvent | None:
    event_id, docs = r.required("id", (str,)), r.strings("docs", required=True)
    date = r.text("date")
    derivable = r.flag("derivable", default=True)
    if derivable and date is None:
        r.problem("derivable event without a date (set derivable: false)")
    if event_id is None or docs is None:
        return None
    return GoldEvent(
        id=event_id,
        date=date,
        docs=docs,
        derivable=derivable,
        date_basis=r.one_of("date_basis", DATE_BASES),
        what=r.text("what") or "",
        scope=r.one_of("scope", SCOPES),
        evidence_doc=r.text("evidence_doc"),
        evidence=r.text("evidence") or "",
        note=r.text("note"),
    )


def _version(r: _Record) -> GoldVersion | None:
    version, docs = r.required("version", (str,)), r.strings("docs", required=True)
    return None if version is None or docs is None else GoldVersion(version, docs)


def _conflict(r: _Record) -> GoldConflict | None:
    conflict_id, event = r.required("id", (str,)), r.required("event", (str,))
    versions = tuple(r.items("versions", _version))
    if conflict_id is None or event is None:
        return None
    return GoldConflict(conflict_id, event, r.text("type"), r.text("what") or "", versions)


def _duplicate(r: _Record) -> GoldDuplicate | None:
    group_id, ids = r.required("id", (str,)), r.strings("ids", required=True)
    if group_id is None or ids is None:
        return None
    return GoldDuplicate(group_id, r.text("kind"), ids, r.text("note"))


def names_document(reference: str, doc: str) -> bool:
    """A timeline's reference to a document: its full name, or (seeds) its first 3 characters."""
    return reference in (doc, doc[:3])


def _check_references(gold: GoldSet, problems: list[str]) -> None:
    names = gold.doc_names()

    def unknown(where: str, references: tuple[str, ...], prefixes: bool) -> None:
        for ref in references:
            if not any(names_document(ref, n) if prefixes else ref == n for n in names):
                problems.append(f"{where}: doc {ref!r} is not a gold document")

    events = {e.id for e in gold.timeline}
    for event in gold.timeline:
        unknown(f"timeline {event.id}", event.docs, prefixes=True)
        if event.evidence_doc is not None:
            unknown(f"timeline {event.id} evidence_doc", (event.evidence_doc,), prefixes=False)
    for conflict in gold.conflicts:
        if conflict.event not in events:
            problems.append(
                f"conflict {conflict.id}: event {conflict.event!r} is not in the timeline"
            )
        for version in conflict.versions:
            unknown(f"conflict {conflict.id}", version.docs, prefixes=False)
    for group in gold.duplicates:
        unknown(f"duplicates {group.id}", group.ids, prefixes=False)
    for name in sorted({n for n in names if names.count(n) > 1}):
        problems.append(f"document {name} appears twice")


def parse_gold(data: Any, path: str = "") -> GoldSet:
    """Check and convert a decoded gold JSON object; raises GoldError listing every problem."""
    if not isinstance(data, dict):
        raise GoldError(["top level is not a JSON object"])
    problems: list[str] = []
    top = _Record(data, "gold", problems)
    if data.get("format") != GOLD_FORMAT:
        problems.append(f"format is {data.get('format')!r}, expected {GOLD_FORMAT!r}")
    gold = GoldSet(
        corpus=top.text("corpus") or "",
        documents=top.items("documents", _document),
        timeline=top.items("timeline", _event),
        conflicts=top.items("conflicts", _conflict),
        duplicates=top.items("duplicates", _duplicate),
        story=top.text("story"),
        path=path,
    )
    if not gold.documents:
        problems.append("gold has no documents")
    _check_references(gold, problems)
    if problems:
        raise GoldError(problems)
    return gold


def load_gold(path: Path) -> GoldSet:
    """Read and check a ``marsad-gold/1`` file."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8-sig"))
    except json.JSONDecodeError as exc:
        raise GoldError([f"{path}: not JSON ({exc})"]) from exc
    return parse_gold(data, str(path))


def gold_document_ids(paths: Iterable[Path]) -> set[str]:
    """The ``doc`` ids of the gold files at ``paths``: what a script that counts or builds
    from a corpus leaves out, so that the dev and test scores stay a measure."""
    return {document.doc for path in paths for document in load_gold(path).documents}
