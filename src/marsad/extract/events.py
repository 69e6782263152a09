"""Event mentions: a trigger word or a named event, and the date that belongs to it.

A sentence yields event mentions only when it carries a temporal expression that can date
something (a DATE/TIME with a value, or a relative one whose value the text leaves open).
Each such timex goes to the one *governor* it belongs to: the nearest event word or named
event before it ("الحوار ... الذي عقد يومي 7 و8 آب 2023", "البيان المشترك الصادر في 27
سبتمبر 2024"), or, failing that, one right after it ("وفي سبتمبر الماضي، أعلن ...").
Vague expressions (PRESENT_REF, FUTURE_REF) and durations never date an event. Triggers
and their affixes live in ``resources/event_triggers.tsv``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from marsad.arabic.charsets import char_class
from marsad.arabic.normalize import normalize
from marsad.arabic.sentences import body_sentences
from marsad.arabic.view import TextView
from marsad.extract.places import event_place
from marsad.model import Article, Entity, EventMention, Span, Timex
from marsad.resources import load_tsv

TRIGGERS_FILE = "event_triggers.tsv"

# A timex dates the nearest governor before it within this many words, else one after it
# within _MAX_WORDS_AFTER words ("في 2014 سيطر", "وفي سبتمبر الماضي، أعلن").
_MAX_WORDS_BEFORE = 10
_MAX_WORDS_AFTER = 3
# Snippet titles: words kept around the trigger, inside its clause.
_SNIPPET_BEFORE = 6
_SNIPPET_AFTER = 10

# Punctuation that closes a clause (orthography, not vocabulary).
_CLAUSE_MARKS = re.compile(char_class("clause") + r"|\s-\s")
_ISO_DATE = re.compile(r"^\d{4}(?:-|$|T|/)")
# Branch order matters: stop forms ("بيانات") and exact multi-word forms ("البيان المشترك")
# are tried before single nouns.
_FORMS = ("stop", "exact", "noun", "verb")
_NOT_A_TRIGGER = "-"
# The outlet reading a statement: owns the date beside it, yet is not an event itself.
COVERAGE = "coverage"


@dataclass(frozen=True, slots=True)
class Lexicon:
    """The compiled trigger table: one regex over normalised text, and its lookups."""

    pattern: re.Pattern[str]
    kinds: dict[str, str]  # normalised stem (single spaces) -> kind
    blockers: dict[str, frozenset[str]]  # normalised stem -> words that cancel it
    requires: dict[str, frozenset[str]]  # normalised stem -> one of them must follow it
    bodies: dict[str, str]  # normalised body noun -> kind
    clause_words: frozenset[str]
    noun_prefixes: tuple[str, ...]


def _alternation(items: list[str]) -> str:
    ordered = sorted(set(items), key=len, reverse=True)
    return "|".join(re.escape(item).replace(r"\ ", r"\s+") for item in ordered)


def _words(cell: str, sets: dict[str, list[str]]) -> frozenset[str]:
    """A |-separated word list of the table, with $name expanded from an @set row."""
    out: set[str] = set()
    for word in cell.split("|"):
        if word.startswith("$"):
            out.update(sets[word[1:]])
        elif word and word != "-":
            out.add(normalize(word))
    return frozenset(out)


@cache
def lexicon() -> Lexicon:
    """Load and compile ``event_triggers.tsv`` once."""
    rows = load_tsv(TRIGGERS_FILE, columns=3)
    affixes: dict[tuple[str, str], list[str]] = {}
    sets: dict[str, list[str]] = {}
    for row in rows:
        if row[0] == "@set":
            sets[row[1]] = [normalize(w) for w in row[2].split("|") if w]
        elif row[0].startswith("@"):
            affixes[(row[0][1:], row[1])] = [normalize(a) for a in row[2].split("|") if a]
    stems: dict[str, list[str]] = {form: [] for form in _FORMS}
    kinds: dict[str, str] = {}
    blockers: dict[str, frozenset[str]] = {}
    requires: dict[str, frozenset[str]] = {}
    bodies: dict[str, str] = {}
    clause_words: set[str] = set()
    for row in rows:
        if row[0].startswith("@"):
            continue
        surface, kind, form = " ".join(normalize(row[0]).split()), row[1], row[2]
        if form == "body":
            bodies[surface] = kind
        elif form == "clause":
            clause_words.add(surface)
        elif form in stems:
            stems[form].append(surface)
            kinds[surface] = kind
            if len(row) > 3 and _words(row[3], sets):
                blockers[surface] = _words(row[3], sets)
            if len(row) > 4 and _words(row[4], sets):
                requires[surface] = _words(row[4], sets)
        else:
            raise ValueError(f"{TRIGGERS_FILE}: unknown form {form!r} in {row!r}")
    branches = []
    for form in _FORMS:
        if not stems[form]:
            continue
        prefix = _alternation(affixes.get((form, "prefix"), []))
        suffix = _alternation(affixes.get((form, "suffix"), []))
        branch = f"(?:{prefix})?" if prefix else ""
        branch += f"(?P<{form}>{_alternation(stems[form])})"
        branch += f"(?:{suffix})?" if suffix else ""
        branches.append(branch)
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(branches) + r")(?!\w)")
    noun_prefixes = tuple(sorted(affixes.get(("noun", "prefix"), []), key=len, reverse=True))
    return Lexicon(
        pattern, kinds, blockers, requires, bodies, frozenset(clause_words), noun_prefixes
    )


@dataclass(slots=True)
class _Trigger:
    span: Span  # the word without its proclitics
    kind: str


@dataclass(slots=True)
class _Governor:
    """Something a date can belong to: a trigger, a named event, or both together."""

    span: Span
    kind: str
    trigger: Span
    name: str | None = None
    entity: Entity | None = None
    speaker: str | None = None
    rule: str = ""


def find_triggers(view: TextView, within: Span) -> list[tuple[Span, str]]:
    """Trigger words in ``within``: (span without proclitics, kind), in order."""
    return [(t.span, t.kind) for t in _triggers(view, within)]


def _triggers(view: TextView, within: Span) -> list[_Trigger]:
    lex = lexicon()
    base, stop = view.folded_range(within)
    folded = view.folded[base:stop]  # its own string: no look-behind sees past ``within``
    found: list[_Trigger] = []
    for match in lex.pattern.finditer(folded):
        form = next(f for f in _FORMS if match.group(f) is not None)
        stem = " ".join(match.group(form).split())
        kind = lex.kinds[stem]
        if kind == _NOT_A_TRIGGER:
            continue
        blocked, required = lex.blockers.get(stem), lex.requires.get(stem)
        if blocked or required:
            after = view.token_at(base + match.end())
            following = (
                view.words[after] if after < len(view.words) and view.starts[after] < stop else ""
            )
            if (blocked and following in blocked) or (required and following not in required):
                continue
        # the word's trailing marks (tanween) belong to it: "بياناً"
        found.append(_Trigger(view.source_span(base + match.start(form), base + match.end()), kind))
    return found


def _strip_prefix(word: str, prefixes: tuple[str, ...]) -> list[str]:
    """The word and its forms with one proclitic group removed (longest first)."""
    return [word] + [word[len(p) :] for p in prefixes if word.startswith(p) and len(word) > len(p)]


def _named_kind(view: TextView, entity: Entity, inner: list[_Trigger]) -> str | None:
    """The kind of event an entity names, or None when it is not an event-like name.

    EVENT names are events; MISC names only with an event word inside (agreements, not
    currencies); ORG names only when they start with a body noun (committees, summits).
    """
    if entity.type == "EVENT":
        return inner[0].kind if inner else "meeting"
    if entity.type == "MISC":
        return inner[0].kind if inner else None
    if entity.type == "ORG":
        lex = lexicon()
        first = view.fold_range(entity.span.start, entity.span.end).split(maxsplit=1)
        if first:
            for form in _strip_prefix(first[0], lex.noun_prefixes):
                if form in lex.bodies:
                    return lex.bodies[form]
    return None


def named_kind(article: Article, entity: Entity) -> str | None:
    """The kind of event or body an entity names ("meeting", "agreement", ...), or None."""
    return _named_kind(article.view, entity, _triggers(article.view, entity.span))


def _only_space(text: str, start: int, end: int) -> bool:
    return start <= end and not text[start:end].strip()


def _governors(article: Article, sentence: Span) -> list[_Governor]:
    text = article.text
    triggers = _triggers(article.view, sentence)
    entities = [e for e in article.entities if sentence.contains(e.span)]
    governors: list[_Governor] = []
    used: set[int] = set()  # indexes of triggers taken by a named event
    for entity in entities:
        inner = [t for t in triggers if entity.span.contains(t.span)]
        kind = _named_kind(article.view, entity, inner)
        if kind is None:
            continue
        used.update(id(t) for t in inner)
        trigger = inner[0].span if inner and entity.type != "ORG" else entity.span
        # "بإطلاق اللجنة ..", "تشكيل لجنة ..": the trigger says what happened to the body.
        before = next(
            (
                t
                for t in triggers
                if id(t) not in used and _only_space(text, t.span.end, entity.span.start)
            ),
            None,
        )
        if before is not None:
            used.add(id(before))
            governors.append(
                _Governor(
                    Span(before.span.start, entity.span.end),
                    before.kind,
                    before.span,
                    entity.canonical,
                    entity,
                    rule="trigger+named",
                )
            )
        else:
            governors.append(
                _Governor(entity.span, kind, trigger, entity.canonical, entity, rule="named")
            )
    for trig in triggers:
        if id(trig) in used or any(g.span.overlaps(trig.span) for g in governors):
            continue
        governors.append(_Governor(trig.span, trig.kind, trig.span, rule="trigger"))
    for quote in article.quotes:
        cue = quote.cue_span
        if sentence.contains(cue) and not any(g.span.overlaps(cue) for g in governors):
            governors.append(
                _Governor(cue, "statement", cue, speaker=quote.speaker, rule="quote-cue")
            )
    governors.sort(key=lambda g: g.span.start)
    return governors


def _dating_timexes(article: Article, sentence: Span) -> list[Timex]:
    """Timexes that can date an event: valued DATE/TIME, or relative ones left open."""
    dateline = article.published.span
    out = []
    for timex in article.timexes:
        if not sentence.contains(timex.span) or timex.vague:
            continue
        if timex.type not in {"DATE", "TIME"}:
            continue
        if dateline is not None and dateline.overlaps(timex.span):
            continue
        if timex.value is None or _ISO_DATE.match(timex.value):
            out.append(timex)
    return out


class _Words:
    """Distances in words as written (clitics and punctuation attached)."""

    def __init__(self, view: TextView) -> None:
        self.view = view

    def between(self, start: int, end: int) -> int:
        """Number of whole words lying in ``[start, end)``."""
        return self.view.count_written(start, end)


def _clause_initial(text: str, sentence: Span, timex: Timex, words: _Words) -> bool:
    """True when at most one word ("وفي") stands between the last punctuation and the timex."""
    start = sentence.start
    for mark in _CLAUSE_MARKS.finditer(text, sentence.start, timex.span.start):
        start = mark.end()
    return words.between(start, timex.span.start) <= 1


def _owner(
    text: str, sentence: Span, timex: Timex, governors: list[_Governor], words: _Words
) -> _Governor | None:
    after = [g for g in governors if g.span.start >= timex.span.end]
    following = min(after, key=lambda g: g.span.start) if after else None
    if following is not None and words.between(timex.span.end, following.span.start) > (
        _MAX_WORDS_AFTER
    ):
        following = None
    # A clause that opens with its date ("وفي سبتمبر الماضي، أعلن") dates what follows.
    if following is not None and _clause_initial(text, sentence, timex, words):
        return following
    before = [g for g in governors if g.span.end <= timex.span.start]
    if before:
        nearest = max(before, key=lambda g: g.span.end)
        if words.between(nearest.span.end, timex.span.start) <= _MAX_WORDS_BEFORE:
            return nearest
    return following


def clause_of(view: TextView, sentence: Span, span: Span) -> Span:
    """The clause of ``sentence`` around ``span``: bounded by punctuation and clause words."""
    lex = lexicon()
    text = view.text
    start, end = sentence.start, sentence.end
    for mark in _CLAUSE_MARKS.finditer(text, sentence.start, sentence.end):
        if mark.end() <= span.start:
            start = max(start, mark.end())
        elif mark.start() >= span.end:
            end = min(end, mark.start())
            break
    for word in view.written_words(start, end):
        if view.fold_range(word.start, word.end) not in lex.clause_words:
            continue
        if word.end <= span.start:
            start = max(start, word.start)
        elif word.start >= span.end:
            end = min(end, word.start)
            break
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end)


_SHORTEST_TITLE = 3  # words


def title_span(view: TextView, sentence: Span, trigger: Span) -> Span:
    """A short exact stretch of the sentence around a trigger, for a timeline title."""
    clause = clause_of(view, sentence, trigger)
    words = view.written_words(clause.start, clause.end)
    if len(words) < _SHORTEST_TITLE:  # "وقال،": the clause alone says nothing
        words = view.written_words(sentence.start, sentence.end)
    if not words:
        return trigger
    at = next((i for i, w in enumerate(words) if w.end > trigger.start), len(words) - 1)
    first = max(0, at - _SNIPPET_BEFORE)
    last = min(len(words) - 1, at + _SNIPPET_AFTER)
    return Span(words[first].start, words[last].end)


def _participants(
    article: Article, sentence: Span, governor: _Governor, named: list[Entity]
) -> list[str]:
    """Canonical names of the entities in the governor's clause, other named events aside."""
    clause = clause_of(article.view, sentence, governor.span)
    names: list[str] = []
    if governor.speaker:
        names.append(governor.speaker)
    for entity in article.entities:
        if not clause.contains(entity.span) or any(entity is n for n in named):
            continue
        if entity.type in {"EVENT", "MISC"} or entity.canonical == governor.name:
            continue
        if entity.canonical not in names:
            names.append(entity.canonical)
    return names


def _place(
    article: Article, sentence: Span, governor: _Governor, governors: list[_Governor]
) -> str | None:
    """Where the governor's event happened: a place name its clause ties to it."""
    start = governor.span.end
    mark = _CLAUSE_MARKS.search(article.text, start, sentence.end)
    window = Span(start, mark.start() if mark else sentence.end)
    others = [g.span for g in governors if g is not governor]
    return event_place(
        article, window, governor.kind, governor.trigger, others, lexicon().clause_words
    )


def _undated_reason(timex: Timex) -> str:
    if timex.anchor == "publication":
        return f"'{timex.text}' is relative to a publication date the text does not give"
    return f"the date of '{timex.text}' cannot be determined from the text"


def _sentences(article: Article) -> list[Span]:
    if article.sentences:
        return [s.span for s in article.sentences]
    return body_sentences(article.text, article.body_spans())


def annotate_events(article: Article) -> None:
    """Fill ``article.events``: event mentions with the date that belongs to each."""
    events: list[EventMention] = []
    for sentence in _sentences(article):
        if article.is_boilerplate(sentence):
            continue
        timexes = _dating_timexes(article, sentence)
        if not timexes:
            continue
        governors = _governors(article, sentence)
        if not governors:
            continue
        words = _Words(article.view)
        named = [g.entity for g in governors if g.entity is not None]
        for timex in timexes:
            owner = _owner(article.text, sentence, timex, governors, words)
            if owner is None or owner.kind == COVERAGE:
                continue
            events.append(
                EventMention(
                    kind=owner.kind,
                    trigger=owner.trigger,
                    trigger_text=owner.trigger.slice(article.text),
                    sentence=sentence,
                    date=timex.value,
                    timex=timex.span,
                    participants=_participants(article, sentence, owner, named),
                    name=owner.name,
                    undated_reason=None if timex.value else _undated_reason(timex),
                    rule=owner.rule,
                    place=_place(article, sentence, owner, governors),
                )
            )
    events.extend(_statements(article, events))
    events.sort(key=lambda e: (e.trigger.start, e.timex.start if e.timex else 0))
    article.events = events


def _statements(article: Article, found: list[EventMention]) -> list[EventMention]:
    """Statements the quote layer dates (same occasion, or the same statement dated in
    another report) whose sentence gave no date of its own; and the report's lead
    statement when nothing dates it, listed as undated with the reason."""
    extra: list[EventMention] = []
    sentences = _sentences(article)
    ordered = sorted(article.quotes, key=lambda q: q.cue_span.start)
    lead = next((q for q in ordered if q.speaker and not article.is_boilerplate(q.cue_span)), None)
    for quote in ordered:
        if article.is_boilerplate(quote.cue_span):
            continue
        if quote.date is None and quote is not lead:
            continue
        sentence = next((s for s in sentences if s.contains(quote.cue_span)), None)
        if sentence is None or any(
            e.sentence == sentence and e.kind == "statement" for e in found + extra
        ):
            continue
        governors = _governors(article, sentence)
        cue = next((g for g in governors if g.span.contains(quote.cue_span)), None)
        reason = None
        if quote.date is None:
            reason = "the report does not say when this statement was made"
            if article.published.value is None:
                reason += ", and gives no publication date"
        extra.append(
            EventMention(
                kind="statement",
                trigger=quote.cue_span,
                trigger_text=quote.cue_span.slice(article.text),
                sentence=sentence,
                date=quote.date,
                participants=[quote.speaker] if quote.speaker else [],
                undated_reason=reason,
                rule="quote-date" if quote.date else "lead-statement",
                place=None if cue is None else _place(article, sentence, cue, governors),
            )
        )
    return extra
