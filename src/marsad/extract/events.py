"""Event mentions: the predicates of a clause, the date that belongs to each, its slots.

Open detection on the text view: every finite verb of a clause (a past-tense or
imperfect verb of the word-class lexicon, not كان and its sisters) is a candidate event,
and so is an event noun or a named event (``resources/event_triggers.tsv``, whose rows
take the clitics and inflections their form allows). The trigger table gives the kind
(meeting, visit, arrival, statement, condemnation, attack ...); an open verb with no row
is ``other``.

A date belongs to its clause, not to the nearest word. A sentence is cut into clauses
at commas, semicolons, colons and dashes (outside dates), at clause words (حيث، بعدما،
relative pronouns, the إن/أن that opens what is said) and before a verb joined by و/ف.
In the clause of a temporal expression:

1. an event noun or named event right before it owns it ("الحوار ... في تموز 2021",
   "البيان المشترك الصادر في 27 سبتمبر 2024"); when a "during" word (خلال، أثناء)
   ties the noun to the clause's verb, the verb's event shares the date;
2. a relative clause ("الذي عقد يومي 7 و8 آب") dates the event noun it follows;
3. else the clause's first verb owns it, wherever the date stands in the clause;
4. else an event noun after it; a clause with no predicate at all ("وفي سبتمبر الماضي،")
   dates the next clause when it opens with و or the sentence, otherwise the one before.

Vague expressions (PRESENT_REF, FUTURE_REF) and durations date nothing. A report's lead
sentence with a past-tense predicate and no date of its own is dated ``reported``: the
article's day, a bound (on or before), never a point the text gives. Every mention keeps
its slots: the predicate as written, the actor (the entity the verb or noun governs) and
the object words, from which the timeline writes its titles.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta
from functools import cache

from marsad.arabic.charsets import char_class, charset
from marsad.arabic.clitics import proclitic_letters
from marsad.arabic.normalize import normalize
from marsad.arabic.sentences import body_sentences, quoted_spans
from marsad.arabic.view import TextView
from marsad.arabic.wordclass import WordClass
from marsad.extract.lexicon import stopwords
from marsad.extract.places import event_place
from marsad.extract.quantities.lexicons import time_words
from marsad.model import Article, Entity, EventMention, PublishedSource, Span, Timex
from marsad.resources import load_tsv
from marsad.temporal.calendar import day_of

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
_PART_OF_DAY = re.compile(r"(\d{4}-\d{2}-\d{2})T[A-Z]{2}$")  # TIMEX3 MO, AF, EV, NI ...
# Branch order matters: stop forms ("بيانات") and exact multi-word forms ("البيان المشترك")
# are tried before single nouns.
_FORMS = ("stop", "exact", "noun", "verb")
_NOT_A_TRIGGER = "-"
# The outlet reading a statement: owns the date beside it, yet is not an event itself.
COVERAGE = "coverage"
OTHER = "other"  # an open verb with no row in the trigger table
_TENSES = frozenset({"perfect", "imperfect"})
_SHORTEST_VERB = 3  # letters: shorter "verbs" are mostly misread particles
_CONJUNCTIONS = proclitic_letters("conjunction")


@dataclass(frozen=True, slots=True)
class Lexicon:
    """The compiled trigger table: one regex over normalised text, and its lookups."""

    pattern: re.Pattern[str]
    kinds: dict[str, str]  # normalised stem (single spaces) -> kind
    blockers: dict[str, frozenset[str]]  # normalised stem -> words that cancel it
    requires: dict[str, frozenset[str]]  # normalised stem -> one of them must follow it
    bodies: dict[str, str]  # normalised body noun -> kind
    clause_words: frozenset[str]  # every word that opens a clause (relatives included)
    noun_prefixes: tuple[str, ...]
    relatives: frozenset[str] = frozenset()  # open a relative clause
    content_words: frozenset[str] = frozenset()  # open what is said (إن، أن)
    during: frozenset[str] = frozenset()  # put the clause's event inside a noun's
    statives: frozenset[str] = frozenset()  # verbs that are no happening, inflected
    bounds: frozenset[str] = frozenset()  # make a date after them a bound of the event


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
    roles: dict[str, set[str]] = {
        "relative": set(),
        "content": set(),
        "during": set(),
        "bound": set(),
    }
    statives: set[str] = set()
    feminine = affixes.get(("verb", "feminine"), [])
    for row in rows:
        if row[0].startswith("@"):
            continue
        surface, kind, form = " ".join(normalize(row[0]).split()), row[1], row[2]
        if form == "body":
            bodies[surface] = kind
        elif form == "clause":
            clause_words.add(surface)
        elif form == "stative":
            forms = {surface}
            if len(feminine) == 2 and surface.startswith(feminine[0]):
                forms.add(feminine[1] + surface[len(feminine[0]) :])
            suffixes = ["", *affixes.get(("verb", "suffix"), [])]
            statives.update(f + suffix for f in forms for suffix in suffixes)
        elif form in roles:
            roles[form].add(surface)
            if form not in ("during", "bound"):
                clause_words.add(surface)
        elif form in stems:
            stems[form].append(surface)
            kinds[surface] = kind
            if form == "verb" and len(feminine) == 2 and surface.startswith(feminine[0]):
                other = feminine[1] + surface[len(feminine[0]) :]  # يستقبل -> تستقبل
                if other not in kinds:
                    stems[form].append(other)
                    kinds[other] = kind
                    _copy_columns(row, other, sets, blockers, requires)
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
        pattern,
        kinds,
        blockers,
        requires,
        bodies,
        frozenset(clause_words),
        noun_prefixes,
        frozenset(roles["relative"]),
        frozenset(roles["content"]),
        frozenset(roles["during"]),
        frozenset(statives),
        frozenset(roles["bound"]),
    )


def _copy_columns(
    row: Sequence[str],
    surface: str,
    sets: dict[str, list[str]],
    blockers: dict[str, frozenset[str]],
    requires: dict[str, frozenset[str]],
) -> None:
    if len(row) > 3 and _words(row[3], sets):
        blockers[surface] = _words(row[3], sets)
    if len(row) > 4 and _words(row[4], sets):
        requires[surface] = _words(row[4], sets)


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
    verbal: bool = False  # a finite verb (else an event noun or a named event)


class _Layers:
    """An article's entities and timexes ordered by start, to take those inside a span
    by bisection (a sentence or clause at a time, not a scan of the article each time)."""

    def __init__(self, article: Article) -> None:
        self.entities = sorted(article.entities, key=lambda e: (e.span.start, e.span.end))
        self.entity_starts = [e.span.start for e in self.entities]
        self.timexes = sorted(article.timexes, key=lambda t: (t.span.start, t.span.end))
        self.timex_starts = [t.span.start for t in self.timexes]

    def entities_in(self, span: Span) -> list[Entity]:
        first = bisect_left(self.entity_starts, span.start)
        last = bisect_left(self.entity_starts, span.end, first)
        return [e for e in self.entities[first:last] if e.span.end <= span.end]

    def timexes_in(self, span: Span) -> list[Timex]:
        first = bisect_left(self.timex_starts, span.start)
        last = bisect_left(self.timex_starts, span.end, first)
        return [t for t in self.timexes[first:last] if t.span.end <= span.end]


_LAYERS: dict[int, _Layers] = {}  # the article being annotated (id -> its layers)


def _layers(article: Article) -> _Layers:
    found = _LAYERS.get(id(article))
    return found if found is not None else _Layers(article)


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
        if form == "verb" and not _may_be_verb(view, base + match.start(form)):
            continue  # "وزارة" is a ministry, not و + زار + ة
        # the word's trailing marks (tanween) belong to it: "بياناً"
        found.append(_Trigger(view.source_span(base + match.start(form), base + match.end()), kind))
    return found


def _may_be_verb(view: TextView, folded: int) -> bool:
    """True when the word-class lexicon reads the token at ``folded`` as a verb, or does
    not know it (a rule or a guess decides nothing)."""
    index = view.token_containing(folded)
    if index < 0:
        return True
    word = view.word_class(index)
    return "verb" in word.alternatives or word.source in _UNSURE


_UNSURE = frozenset({"guess", "rule"})


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
    entities = _layers(article).entities_in(sentence)
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
        elif sentence.contains(cue):  # the trigger of a quote's cue: its speaker acts
            for governor in governors:
                if governor.span.overlaps(cue) and governor.speaker is None:
                    governor.speaker = quote.speaker
    view = article.view
    for governor in governors:
        if governor.entity is None:
            governor.verbal = _is_verb(view, governor.trigger)
    governors += _open_verbs(view, sentence, governors)
    governors.sort(key=lambda g: g.span.start)
    return governors


def strip_proclitics(view: TextView, span: Span) -> Span:
    """``span`` without the proclitics (و، ف، س ...) its first word begins with."""
    index = view.token_containing(view.folded_index(span.start))
    if index < 0 or view.token_start(index) != span.start:
        return span
    clitic = view.word_class(index).proclitic
    if not clitic or view.ends[index] - view.starts[index] <= len(clitic):
        return span
    start = view.source_index(view.starts[index] + len(clitic))
    return Span(start, span.end) if start < span.end else span


def _is_verb(view: TextView, span: Span) -> bool:
    index = view.token_containing(view.folded_index(span.start))
    if index < 0:
        return False
    return _finite(view.word_class(index))


def _finite(word: WordClass) -> bool:
    return (
        word.pos == "verb"
        and word.tense in _TENSES
        and word.source != "closed-class"
        and len(word.stem) >= _SHORTEST_VERB
    )


def _open_verbs(view: TextView, sentence: Span, taken: list[_Governor]) -> list[_Governor]:
    """Every finite verb of the sentence that no trigger or named event covers: an event
    of kind ``other``; its trigger is the verb without its proclitics (و، ف، س)."""
    found = view.char_span(sentence.start, sentence.end, "contract")
    if found is None:
        return []
    out = []
    classes = view.word_classes
    statives = lexicon().statives
    for index in range(*found):
        word = classes[index]
        if not _finite(word) or word.stem in statives:
            continue
        start = view.starts[index] + len(word.proclitic)
        span = view.source_span(start, view.ends[index])
        if any(g.span.overlaps(span) for g in taken):
            continue
        out.append(_Governor(span, OTHER, span, rule="verb", verbal=True))
    return out


def _dating_timexes(article: Article, sentence: Span) -> list[Timex]:
    """Timexes that can date an event: valued DATE/TIME, or relative ones left open."""
    dateline = article.published.span
    out = []
    for timex in _layers(article).timexes_in(sentence):
        if timex.vague:
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


@dataclass(frozen=True, slots=True)
class _Clause:
    span: Span
    opener: str  # start | mark | clause | relative | content | conjunction


_BRACKETS = frozenset('()[]"')


@cache
def _quote_marks() -> frozenset[str]:
    return charset("quote-open") | charset("quote-close") | _BRACKETS


def _abbreviated(folded: str, end: int) -> bool:
    """The word ending at folded offset ``end`` is a letter group of a dotted
    abbreviation ("إن.بي.سي")."""
    return folded[end : end + 1] == "." and folded[end + 1 : end + 2].isalpha()


def _clauses(article: Article, sentence: Span) -> list[_Clause]:
    """The clauses of a sentence, each with what opened it.

    Cut at clause punctuation outside dates (quotation marks and brackets hold names and
    asides, not clauses), at clause words, and before a verb joined by و/ف."""
    view, text = article.view, article.text
    lex = lexicon()
    timexes = [t.span for t in _layers(article).timexes_in(sentence)]
    cuts: list[tuple[int, int, str]] = []  # (where the cut is, where the clause starts, opener)
    quotes = _quote_marks()
    for mark in _CLAUSE_MARKS.finditer(text, sentence.start, sentence.end):
        if mark.group().strip() in quotes or any(t.contains(Span(*mark.span())) for t in timexes):
            continue
        cuts.append((mark.start(), mark.end(), "mark"))
    found = view.char_span(sentence.start, sentence.end, "contract")
    if found is not None:
        classes = view.word_classes
        for index in range(*found):
            word = view.words[index]
            start = view.token_start(index)
            if _abbreviated(view.folded, view.ends[index]):
                continue  # "إن.بي.سي" is NBC, not the particle إن
            if word in lex.relatives:
                cuts.append((start, start, "relative"))
            elif word in lex.content_words:
                cuts.append((start, start, "content"))
            elif word in lex.clause_words:
                cuts.append((start, start, "clause"))
            elif classes[index].proclitic[:1] in _CONJUNCTIONS and _finite(classes[index]):
                cuts.append((start, start, "conjunction"))
    cuts.sort()
    out: list[_Clause] = []
    start, opener = sentence.start, "start"
    for cut, resume, kind in cuts:
        if cut > start and text[start:cut].strip():  # "، عندما": no clause between
            out.append(_Clause(Span(start, cut), opener))
        if cut >= start:
            start, opener = resume, kind
        elif kind != "mark":
            opener = kind
    if start < sentence.end:
        out.append(_Clause(Span(start, sentence.end), opener))
    return out


def _in(clause: _Clause, governor: _Governor) -> bool:
    return clause.span.start <= governor.span.start < clause.span.end


def _main(clause: _Clause, governors: list[_Governor]) -> _Governor | None:
    """The clause's predicate: its first verb, else its first event noun."""
    inside = [g for g in governors if _in(clause, g)]
    return next((g for g in inside if g.verbal), inside[0] if inside else None)


def _during(view: TextView, governor: _Governor, clause: _Clause) -> bool:
    """True when a "during" word stands right before the noun ("خلال افتتاح")."""
    lex = lexicon()
    before = view.written_words(clause.span.start, governor.span.start)
    if not before:
        return False
    return _one_of(view.fold_range(before[-1].start, before[-1].end), lex.during)


def _one_of(word: str, words: frozenset[str]) -> bool:
    """The folded ``word``, bare or after و/ف, is one of ``words``."""
    return word in words or any(
        word[len(p) :] in words for p in _CONJUNCTIONS if word.startswith(p)
    )


_BOUND_REACH = 2  # words from "منذ" to the date it bounds ("منذ «ثورة 25 يناير")


def _bound(article: Article, timex: Timex, clause: _Clause) -> bool:
    """A "since" word stands before the date, right before it or one word before ("منذ
    ثورة 2011"), and the date is a calendar one, not time ago ("منذ يومين")."""
    if timex.relative is not None and timex.relative.kind in ("shift", "day", "weekday"):
        return False
    view, lex = article.view, lexicon()
    before = view.written_words(clause.span.start, timex.span.start)[-_BOUND_REACH:]
    return any(_one_of(view.fold_range(w.start, w.end), lex.bounds) for w in before)


def _owners(
    article: Article,
    timex: Timex,
    clauses: list[_Clause],
    governors: list[_Governor],
    words: _Words,
) -> list[_Governor]:
    """The events a date belongs to, by the clause it stands in (see the module doc)."""
    at = next((i for i, c in enumerate(clauses) if c.span.contains(timex.span)), None)
    if at is None:
        at = next((i for i, c in enumerate(clauses) if c.span.start <= timex.span.start), 0)
    clause = clauses[at]
    inside = [g for g in governors if _in(clause, g)]
    # 1. an event noun or named event right before the date, with no verb between
    nominal = None
    for governor in inside:
        if governor.span.end > timex.span.start:
            break
        if governor.verbal:
            nominal = None
        elif words.between(governor.span.end, timex.span.start) <= _MAX_WORDS_BEFORE:
            nominal = governor
        else:
            nominal = None
    verbal = next((g for g in inside if g.verbal), None)
    if nominal is not None:
        if (
            verbal is not None
            and verbal.span.start < nominal.span.start
            and _during(article.view, nominal, clause)
        ):
            return [nominal, verbal]
        return [nominal]
    # 2. a relative clause dates the event noun it follows
    if clause.opener == "relative" and at > 0:
        previous = [g for g in governors if _in(clauses[at - 1], g)]
        if previous and not previous[-1].verbal:
            antecedent = previous[-1]
            if words.between(antecedent.span.end, clause.span.start) <= _MAX_WORDS_BEFORE:
                return [antecedent]
    if _bound(article, timex, clause):
        return []  # "خسرت مصر المليارات منذ ثورة 2011": since then, not on that day
    # 3. the clause's first verb, 4. an event noun after the date
    if verbal is not None:
        return [verbal]
    after = [g for g in inside if g.span.start >= timex.span.end]
    if after and words.between(timex.span.end, after[0].span.start) <= _MAX_WORDS_AFTER:
        return [after[0]]
    if inside:
        return []  # a noun before the date but too far: nothing clear
    # a clause with no predicate: the next clause when it opens the sentence or with و.
    # A clause word opening that one takes the date before it ("في عام 1964، عندما
    # تدهورت العلاقات"، "أواخر عام 2004 حين استهدفت"), unless a word joined by و stands
    # between: "قاتل عمر بن الخطاب سنة 20 هجرية وبالخوارج حين قتلوا" is another conjunct
    ahead = clauses[at + 1] if at + 1 < len(clauses) else None
    if ahead is not None and ahead.opener == "clause":
        between = article.view.char_span(timex.span.end, ahead.span.start, "contract")
        classes = article.view.word_classes
        if between is not None and any(
            classes[index].proclitic[:1] in _CONJUNCTIONS for index in range(*between)
        ):
            ahead = None
    # what is said ("قال ... إن الهدف ... بحلول 2023") never dates the saying before it
    behind = clauses[at - 1] if at > 0 and clause.opener != "content" else None
    fronted = clause.opener == "start" or _opens_with_conjunction(article.view, clause)
    order = (ahead, behind) if fronted else (behind, ahead)
    for other in order:
        if other is None:
            continue
        main = _main(other, governors)
        if main is not None:
            return [main]
    return []


def _same_quotation(owners: list[_Governor], timex: Timex, quoted: list[Span]) -> list[_Governor]:
    """A date inside quotation marks dates only what is inside them: a headline's
    "غدا" (حملت الأهرام عنوانا يقول «غدا .. مصر تعبر») or a quoted speaker's "أمس" is
    not the day of the verb that reports it."""
    inside = next((q for q in quoted if q.contains(timex.span)), None)
    if inside is None:
        return owners
    return [owner for owner in owners if inside.contains(owner.span)]


def _opens_with_conjunction(view: TextView, clause: _Clause) -> bool:
    found = view.char_span(clause.span.start, clause.span.end, "contract")
    if found is None:
        return False
    return view.word_class(found[0]).proclitic[:1] in _CONJUNCTIONS


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


def title_span(view: TextView, sentence: Span, trigger: Span, dates: Sequence[Span] = ()) -> Span:
    """A short exact stretch of the sentence around a trigger, for a timeline title: it
    neither begins nor ends with a function word or a date (``dates``; the timeline
    shows the date beside it), unless that leaves nothing."""
    clause = clause_of(view, sentence, trigger)
    stop = _loose_words()

    def loose(word: Span) -> bool:  # a word a title does not begin or end with
        folded = view.fold_range(word.start, word.end)
        return folded in stop or any(d.overlaps(word) for d in dates)

    def around(words: list[Span]) -> tuple[int, int, int]:
        at = next((i for i, w in enumerate(words) if w.end > trigger.start), len(words) - 1)
        first = max(0, at - _SNIPPET_BEFORE)
        last = min(len(words) - 1, at + _SNIPPET_AFTER)
        while last > at and loose(words[last]):
            last -= 1
        while first < at and loose(words[first]):
            first += 1
        return first, last, sum(not loose(w) for w in words[first : last + 1])

    words = view.written_words(clause.start, clause.end)
    if not words or around(words)[2] < _SHORTEST_TITLE:  # "وقال،"، "التي اندلعت يوم"
        words = view.written_words(sentence.start, sentence.end) or words
    if not words:
        return trigger
    first, last, _count = around(words)
    return Span(words[first].start, words[last].end)


def _participants(
    article: Article,
    clause: Span,
    governor: _Governor,
    named: list[Entity],
    entities: Sequence[Entity],
) -> list[str]:
    """Canonical names of the entities in the governor's clause (``entities``: those
    inside it), other named events aside."""
    names: list[str] = []
    if governor.speaker:
        names.append(governor.speaker)
    for entity in entities:
        if any(entity is n for n in named):
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


def _basis(article: Article, timex: Timex) -> str:
    if timex.anchor is None:
        return "explicit"
    if article.published.source == PublishedSource.DATELINE:
        return "dateline"  # relative to the day the text's own dateline gives
    return "relative"


def _report_day(article: Article) -> str | None:
    value = article.published.value
    return value[:10] if value and len(value) >= _DAY else None


def _event_date(value: str | None) -> str | None:
    """An event is dated by its day: "مساء أمس" (2015-08-05TEV) is the 5th, so reports that
    say "in the evening" and reports that do not give one date; a clock time stays."""
    found = _PART_OF_DAY.match(value) if value else None
    return found.group(1) if found else value


def _mention(
    article: Article,
    sentence: Span,
    owner: _Governor,
    governors: list[_Governor],
    named: list[Entity],
    timex: Timex | None,
) -> EventMention:
    date = _event_date(timex.value) if timex is not None else _report_day(article)
    clause = clause_of(article.view, sentence, owner.span)
    entities = _layers(article).entities_in(clause)
    basis: str | None = None
    if timex is None:
        basis = "dateline" if article.published.source == PublishedSource.DATELINE else "reported"
    elif timex.value:
        basis = _basis(article, timex)
    mention = EventMention(
        kind=owner.kind,
        trigger=owner.trigger,
        trigger_text=owner.trigger.slice(article.text),
        sentence=sentence,
        date=date,
        timex=None if timex is None else timex.span,
        participants=_participants(article, clause, owner, named, entities),
        name=owner.name,
        undated_reason=None if date else _undated_reason(timex) if timex else None,
        rule=owner.rule if timex is not None else f"{owner.rule}+reported",
        place=_place(article, sentence, owner, governors),
        date_basis=basis,
    )
    _fill_slots(article, clause, owner, mention, entities)
    return mention


def annotate_events(article: Article) -> None:
    """Fill ``article.events``: event mentions with the date that belongs to each."""
    _LAYERS[id(article)] = _Layers(article)
    try:
        _annotate_events(article)
    finally:
        _LAYERS.pop(id(article), None)


def _annotate_events(article: Article) -> None:
    events: list[EventMention] = []
    lead_done = False
    words = _Words(article.view)
    for sentence in _sentences(article):
        if article.is_boilerplate(sentence):
            continue
        timexes = _dating_timexes(article, sentence)
        if not timexes and lead_done:
            continue  # nothing dates it and the lead is found: no event to make here
        governors = _governors(article, sentence)
        if not governors:
            continue
        named = [g.entity for g in governors if g.entity is not None]
        if not timexes:
            if not lead_done:
                lead_done = True
                lead = _lead(article, sentence, governors)
                if lead is not None:
                    events.append(_mention(article, sentence, lead, governors, named, None))
            continue
        clauses = _clauses(article, sentence)
        quoted = quoted_spans(article.text, sentence)
        seen: set[tuple[int, str | None]] = set()
        for timex in timexes:
            owners = _owners(article, timex, clauses, governors, words)
            for owner in _same_quotation(owners, timex, quoted):
                if owner.kind == COVERAGE or (owner.trigger.start, timex.value) in seen:
                    continue
                seen.add((owner.trigger.start, timex.value))
                events.append(_mention(article, sentence, owner, governors, named, timex))
        if not lead_done:  # the lead's own news, when its dates are another event's
            owned = {start for start, _value in seen}
            lead = _lead_verb(article, clauses, governors, owned)
            dated, recent = _lead_day(article, timexes) if lead is not None else (False, None)
            if lead is not None and dated:
                events.append(_mention(article, sentence, lead, governors, named, recent))
        lead_done = True
    events.extend(_statements(article, events))
    events.sort(key=lambda e: (e.trigger.start, e.timex.start if e.timex else 0))
    article.events = events


def _lead(article: Article, sentence: Span, governors: list[_Governor]) -> _Governor | None:
    """The lead sentence's predicate when it reports a past happening: its first clause's
    main predicate, a past-tense verb or an event noun of the trigger table."""
    if _report_day(article) is None:
        return None
    clauses = _clauses(article, sentence)
    for clause in clauses:
        main = _main(clause, governors)
        if main is None:
            continue
        if main.kind == COVERAGE:
            return None
        if main.verbal:
            return main if _perfect(article.view, main) else None
        return main if main.kind != OTHER else None
    return None


def _lead_verb(
    article: Article, clauses: list[_Clause], governors: list[_Governor], owned: set[int]
) -> _Governor | None:
    """The lead sentence's main verb when its dates belong to other events ("قبيل أسبوعين
    على الافتتاح المقرر في 6 أغسطس، أعلن الجيش حالة الاستنفار"): the first clause's verb in
    the perfect, of a clause the sentence opens with or one cut at a mark, that owns no
    date and is no quote's cue (``_lead_day`` says what dates it)."""
    for clause in clauses:
        if clause.opener not in ("start", "mark"):
            continue
        verb = next((g for g in governors if _in(clause, g) and g.verbal), None)
        if verb is None:
            continue
        if verb.trigger.start in owned or verb.kind in (COVERAGE, OTHER):
            return None
        if any(q.cue_span.overlaps(verb.trigger) for q in article.quotes):
            return None  # a quote's cue: the quote layer dates its statement
        return verb if _perfect(article.view, verb) else None
    return None


def _perfect(view: TextView, verb: _Governor) -> bool:
    """The verb is in the perfect: it tells a past happening."""
    index = view.token_containing(view.folded_index(verb.trigger.start))
    return view.word_class(index).tense == "perfect"


_RECENT_DAYS = 7  # a date this close before the report's day is the lead's own news day


def _lead_day(article: Article, timexes: list[Timex]) -> tuple[bool, Timex | None]:
    """(whether the lead verb ``_lead_verb`` found may be dated, by what): a date of its
    sentence in the week before the report ("أعلن النادي ... أمس الأحد" though a noun took
    the date), else the report's day (None). Not when the sentence names an older date,
    which the verb may well be of ("في بيان الثاني من شوال، أعلن فيه"); later dates are
    what is to come ("المقرر في 6 أغسطس المقبل") and leave the verb the report's day."""
    report = day_of(_report_day(article))
    if report is None:
        return False, None
    oldest = report - timedelta(days=_RECENT_DAYS)
    recent: Timex | None = None
    for timex in timexes:
        if timex.value is None:
            return False, None  # "في ديسمبر من العام نفسه": a date the text leaves open
        day = day_of(timex.value)
        if day is None:  # a year or a month: one that ended before the week is older
            if (
                _ISO_DATE.match(timex.value)
                and timex.value < oldest.isoformat()[: len(timex.value)]
            ):
                return False, None
            continue
        if day < oldest:
            return False, None
        if day <= report and recent is None and "/" not in timex.value:
            recent = timex  # one day, not a period that starts then
    return True, recent


# -- slots: who acts, what it acts on ---------------------------------------------------

_ACTOR_TYPES = frozenset({"PER", "ORG", "LOC"})
_ACTOR_ORDER = ("PER", "ORG", "LOC")
_AGENT_TYPES = frozenset({"PER", "ORG"})
_ACTOR_GAP = 3  # words between the predicate and its actor ("استقبل الرئيس المصري أمس")
_OBJECT_WORDS = 5
_DAY = 10  # characters of an ISO day


def _fill_slots(
    article: Article,
    clause: Span,
    owner: _Governor,
    mention: EventMention,
    inside: Sequence[Entity],
) -> None:
    """The predicate as written, its actor and its object words, inside its clause (whose
    entities are ``inside``)."""
    view = article.view
    mention.predicate = owner.trigger
    if owner.entity is not None:
        return  # a named event: its name says what it is
    entities = [e for e in inside if e.type in _ACTOR_TYPES and not e.span.overlaps(owner.span)]
    actor: Entity | None = None
    thing: Entity | None = None  # a place or thing the noun governs: its object
    after = [
        e
        for e in entities
        if e.span.start >= owner.span.end
        and view.count_written(owner.span.end, e.span.start) <= _ACTOR_GAP
    ]
    for wanted in _ACTOR_ORDER:  # a person before a body, a body before a place
        actor = next((e for e in after if e.type == wanted), None)
        if actor is not None:
            break
    if actor is not None and not owner.verbal and actor.type not in _AGENT_TYPES:
        thing, actor = actor, None  # "افتتاح قناة السويس": what is opened, not who
    if actor is None and owner.verbal:
        before = [e for e in entities if e.span.end <= owner.span.start]
        if before and view.count_written(before[-1].span.end, owner.span.start) == 0:
            actor = before[-1]
    if owner.speaker:
        mention.actor = owner.speaker
        quote = next((q for q in article.quotes if q.cue_span.overlaps(owner.span)), None)
        mention.actor_ar = quote.speaker_ar if quote is not None else None
    elif actor is not None:
        mention.actor = actor.canonical
        mention.actor_ar = actor.canonical_ar or actor.text
    start = owner.span.end
    if actor is not None and actor.span.start >= owner.span.end:
        start = actor.span.end
    if thing is not None:
        start = thing.span.start
    mention.object = _object(article, clause, start, mention.timex)


def _object(article: Article, clause: Span, start: int, timex: Span | None) -> Span | None:
    """Up to ``_OBJECT_WORDS`` words after the predicate (and its actor), stopping at a
    date, a clause's end or a word that opens another clause."""
    view = article.view
    lex = lexicon()
    kept: list[Span] = []
    dates = [t.span for t in _layers(article).timexes_in(clause)]
    if timex is not None:
        dates.append(timex)
    for word in view.written_words(start, clause.end):
        if any(d.overlaps(word) for d in dates):
            _drop_function_words(view, kept)  # "في" of "في الخامس من أغسطس"
            if kept:
                break
            continue  # the date first, the object after it: "افتتح السيسي في ... أعمال"
        if view.fold_range(word.start, word.end) in lex.clause_words:
            break
        kept.append(word)
        if len(kept) >= _OBJECT_WORDS:
            break
    _drop_function_words(view, kept)
    if not kept:
        return None
    return Span(kept[0].start, kept[-1].end)


def _drop_function_words(view: TextView, words: list[Span]) -> None:
    """Drop the words a title may not end with: a preposition or another function word
    left before a date or at the object's end ("أطلقه السيسي في"), or a time unit."""
    loose = _loose_words()
    while words and view.fold_range(words[-1].start, words[-1].end) in loose:
        words.pop()


@cache
def _loose_words() -> frozenset[str]:
    """Words a title neither begins nor ends with: function words, and time units whose
    date the timeline shows beside it ("حصل عليها عام" of "عام 1956")."""
    return stopwords() | time_words()


def _quote_basis(article: Article, date: str | None) -> str | None:
    """A statement dated through the quote layer: by its own words, or another report's."""
    if date is None:
        return None
    return "explicit" if len(date) >= _DAY or article.published.value is None else "relative"


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
                date_basis=_quote_basis(article, quote.date),
                actor=quote.speaker,
                actor_ar=quote.speaker_ar,
                predicate=strip_proclitics(article.view, quote.cue_span),
            )
        )
    return extra
