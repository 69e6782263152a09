"""The place of an event: a place name that a preposition ties to the event's trigger.

"الحوار ... الذي عقد في واشنطن العاصمة", "حوار ... في واشنطن العاصمة", "انفجار بمدينة
الموصل": the first LOC entity after the event's governor, in the same clause, introduced by
في / ب (possibly through a place noun, "في مدينة"), with at most ``MAX_GAP`` words between
that are not names or dates, none of them another event's trigger or a word that opens what
is said or what the event is about. Anything less clear gives no place: a wrong place is
worse than none. The words live in ``resources/event_places.tsv``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from marsad.arabic.normalize import normalize
from marsad.arabic.view import TextView
from marsad.model import Article, Span
from marsad.resources import load_tsv

PLACES_FILE = "event_places.tsv"
# Words (other than names and dates) allowed between the trigger and the preposition:
# "عقدت يوم الأحد في الرياض" (0), "في مؤتمر صحفي في الرياض" (3).
MAX_GAP = 3
# After a statement verb the words are mostly what was said ("أعلن فيها تكفير الحكم في
# السعودية"): only the speaker, dates and one more word may stand before the place.
MAX_STATEMENT_GAP = 1
STATEMENT = "statement"


@dataclass(frozen=True, slots=True)
class PlaceWords:
    prepositions: frozenset[str]
    proclitics: tuple[str, ...]  # longest first
    nouns: frozenset[str]
    relatives: frozenset[str]
    stops: frozenset[str]
    topics: frozenset[str]
    topic_kinds: frozenset[str]


@cache
def place_words() -> PlaceWords:
    """Load ``event_places.tsv`` once."""
    roles: dict[str, set[str]] = {}
    topic_kinds: set[str] = set()
    for row in load_tsv(PLACES_FILE, columns=2):
        if row[0] == "@topic":
            topic_kinds.update(kind for kind in row[1].split("|") if kind)
            continue
        roles.setdefault(row[1], set()).add(normalize(row[0]))
    known = {"word", "proclitic", "noun", "relative", "stop", "topic"}
    if set(roles) - known:
        raise ValueError(f"{PLACES_FILE}: unknown role(s) {sorted(set(roles) - known)}")
    return PlaceWords(
        frozenset(roles.get("word", ())),
        tuple(sorted(roles.get("proclitic", ()), key=len, reverse=True)),
        frozenset(roles.get("noun", ())),
        frozenset(roles.get("relative", ())),
        frozenset(roles.get("stop", ())),
        frozenset(roles.get("topic", ())),
        frozenset(topic_kinds),
    )


def _only_space(text: str, start: int, end: int) -> bool:
    return start <= end and not text[start:end].strip()


def _introducer(view: TextView, window: Span, loc: Span, words: PlaceWords) -> int | None:
    """Where the preposition before the place name starts, or None when there is none."""
    folded_start = view.folded_index(loc.start)
    token = view.token_containing(folded_start)
    if token >= 0 and view.ends[token] > folded_start and view.starts[token] < folded_start:
        # "بالرياض": the preposition is written on the name
        attached = view.folded[view.starts[token] : folded_start]
        start = view.token_start(token)
        return start if start >= window.start and attached in words.proclitics else None
    found = view.char_span(window.start, loc.start, "contract")
    if found is None:
        return None
    first, stop = found
    last = view.words[stop - 1]
    if last in words.prepositions:
        return view.token_start(stop - 1)
    for proclitic in ("", *words.proclitics):  # "في مدينة الموصل", "بمدينة الموصل"
        if last.startswith(proclitic) and last[len(proclitic) :] in words.nouns:
            if proclitic:
                return view.token_start(stop - 1)
            if stop - 1 > first and view.words[stop - 2] in words.prepositions:
                return view.token_start(stop - 2)
    return None


def event_place(
    article: Article,
    window: Span,
    kind: str,
    trigger: Span,
    others: Sequence[Span],
    clause_words: frozenset[str],
) -> str | None:
    """The canonical place of the event whose governor ends at ``window.start``, or None.

    ``window`` runs from the end of the event's governor to the end of its clause;
    ``others`` are the spans of the sentence's other event governors; ``clause_words``
    open a new clause (relative pronouns right after the trigger excepted).
    """
    text, view = article.text, article.view
    loc = next((e for e in article.entities if e.type == "LOC" and window.contains(e.span)), None)
    if loc is None:
        return None
    words = place_words()
    intro = _introducer(view, window, loc.span, words)
    if intro is None:
        return None
    named = [e for e in article.entities if window.start <= e.span.start < intro]
    if any(e.type in {"PER", "ORG"} and _only_space(text, e.span.end, intro) for e in named):
        return None  # "جهاز مكافحة الإرهاب في العراق": the place qualifies the name
    covered = [e.span for e in named]
    covered += [q.speaker_span for q in article.quotes if q.speaker_span is not None]
    covered += [t.span for t in article.timexes if window.start <= t.span.start < intro]
    stops = words.stops | (words.topics if kind in words.topic_kinds else frozenset())
    gap = 0
    between = view.char_span(window.start, intro, "contract")
    for position, index in enumerate(range(*between) if between else ()):
        word = view.words[index]
        if position == 0 and word in words.relatives:
            continue  # "الذي عقد": the clause still describes the event
        if word in stops or word in clause_words:
            return None
        span = view.token_span(index, index + 1)
        if not any(c.contains(span) for c in covered):
            gap += 1
    if gap > (MAX_STATEMENT_GAP if kind == STATEMENT else MAX_GAP):
        return None
    if any(window.start <= o.start < intro for o in others):
        return None  # another event stands between: the place is its own
    for quote in article.quotes:  # a place inside what was said is not where it was said
        content = quote.content_span
        if content.contains(loc.span) and not content.contains(trigger):
            return None
    return loc.canonical
