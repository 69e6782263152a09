"""Figures that the reports of one story give differently: conflicts across outlets.

Reports of a story seldom recount one happening in sentences that merge into one timeline
event, so the conflicts inside one event (``timeline._slot_conflicts``) miss most of the
figures outlets disagree on. Here a figure gets a frame, what it measures:

- a casualty or violence count by its category ("killed", "arrested");
- a measure or an amount by the attribute word before it (``measure_attributes.tsv``:
  "بطول 72 كيلومترا" is a length in km, "بقيمة 5.2 مليار يورو" a value in money).

The figure a change ends on ("زيادة دخل القناة من 5.3 مليار دولار إلى 11.7 مليار") takes the
attribute of the figure it starts from, as the value after the change ("revenue-after"),
never compared with the value before it.

A figure framed by its unit or counted noun alone is left out: market reports repeat one
sentence with a new count every day, and measured on the 5,996-article sample nearly all
such pairs were two facts. Two figures of one frame are two versions of one fact when
they come from different reprint groups, are of one day (a standing fact such as a
length or a cost: published within a month), share another figure of their sentences
("مقتل 27 شخصا وإصابة 227" and "مقتل 26 شخصا وإصابة 227") or, for a standing fact, three
words of their sentences, share much of the wording around them, and lie no further
apart than half the smaller value. Where both name the thing measured, by the noun an
attribute with a pronoun or a preposition follows ("قناة جديدة طولها 37", "القناة الأساسية
على طول 35"), it is one thing: a report giving two lengths of two things is compared thing
by thing. One amount in two
currencies ("5.2 مليار يورو" and "5.2 مليار دولار" for one deal) is a conflict of unit.
A conflict is shown when a report gives one version without the other and another report
the other without the first, and those two agree on no other version: a report giving
35 and 37 km gives two lengths, not a disagreement.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date as Day
from typing import Any

from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components

from marsad.arabic.view import TextView
from marsad.corpus.shingles import content_terms
from marsad.extract.events import clause_of
from marsad.extract.quantities.categories import crosses_clause
from marsad.extract.quantities.lexicons import (
    counted_labels,
    currencies,
    head_phrases,
    unit_codes,
)
from marsad.extract.quantities.measures import (
    LOOK_BACK,
    NOTHING,
    attribute_at,
    attributes,
    modifies_before,
)
from marsad.model import Article, Quantity, Span
from marsad.temporal.calendar import day_of

_MEASURED_WORDS = 2  # content words before the attribute that name what it measures
_SAME_THING = 0.5  # Jaccard of those, at least, when both figures name a thing
_NEAR_BEFORE = 6  # clause words around a figure that word its account
_NEAR_AFTER = 4
_NEAR_TERMS = 2  # at least, on each side: "وإصابة 7 آخرين" alone tells no account
_SIMILAR = 0.2  # Jaccard of those terms, at least
_SHARED_ANCHORS = 2  # sentence terms two candidates share
_SHARED_CURRENCY = 3  # ... and one amount in two currencies
_STANDING_ANCHORS = 3  # ... and a standing fact told with no other figure in common
_LONGEST_POSTING = 400  # figures of one frame a term may stand beside and still tell
_SMALLEST_TELLING = 2  # other figures above this tell one account from another ...
_TELLING_ALONE = 10  # ... one of them alone when at least this
_MAX_RATIO = 1.5  # further apart, two figures measure two things (or one is a slip)
_SAME_EXACT = 0.005  # 13.2 and 13.226 billion are one figure rounded
_SAME_APPROXIMATE = 0.2  # "نحو 10 آلاف" and 13 ألف differ; "أكثر من 60" and 61 do not
_WINDOW_DAYS = 30  # reports of one story published within a month
# A standing fact (a canal's length, a project's cost) stays one over a story's weeks;
# every other figure (a toll, a count, a market's rate or value) is one of a day, and two
# figures of two days are two facts, not two versions of one.
_STANDING = frozenset(
    {"length", "width", "depth", "area", "cost", "budget", "capacity", "population", "revenue"}
)


@dataclass(frozen=True, slots=True)
class FigureVersion:
    value: Any  # a number, or [low, high]
    unit: str | None
    passages: tuple[tuple[str, Span], ...]  # (article id, the figure's clause)
    approximate: bool


@dataclass(frozen=True, slots=True)
class FigureConflict:
    """One fact the reports of a story give differently: ``frame`` is what it measures
    (``length:km``, ``killed``, ``value:money``), ``unit`` its unit when every version has
    the same."""

    frame: str
    unit: str | None
    versions: tuple[FigureVersion, ...]

    @property
    def article_ids(self) -> set[str]:
        return {a for v in self.versions for a, _span in v.passages}


@dataclass(slots=True)
class _Figure:
    article: Article
    quantity: Quantity
    frame: str
    money: bool  # an amount, whose currency is part of its value
    low: float
    high: float
    anchors: frozenset[str]  # the terms of its sentence
    near: frozenset[str]  # the terms of the words around it in its clause
    others: frozenset[float]  # the values of the other figures of its sentence
    measured: frozenset[str]  # the terms of the thing it measures, if it says (_measured)
    passage: Span
    group: str
    day: Day | None  # of its sentence's date, or of its report
    published: Day | None

    @property
    def value(self) -> Any:
        q = self.quantity
        return list(q.bounds) if q.bounds is not None else q.value


def _attribute(view: TextView, first: int) -> str | None:
    """The attribute a word nearest before token ``first`` in its clause names."""
    found = attribute_at(view, first)
    return found[0] if found is not None else None


def _measured(view: TextView, first: int) -> frozenset[str]:
    """The terms of the thing a figure at token ``first`` measures, when its attribute
    word modifies the noun before it: with a pronoun ("قناة جديدة طولها 37 كلم") or after
    a preposition ("بطول", "على طول 35 كلم"): the content words right before it. Empty
    for an attribute that heads its own noun phrase ("إيرادات القناة 5.3", "أرباحا لمصر
    قدرها"), whose thing is not before it."""
    found = attribute_at(view, first)
    if found is None:
        return frozenset()
    start = found[1]
    if not modifies_before(view, start):
        return frozenset()
    index = attributes()
    terms: list[str] = []
    at = start - 1
    while at >= 0 and len(terms) < _MEASURED_WORDS and start - at <= LOOK_BACK:
        if crosses_clause(view, at, at + 1) or view.words[at][-1:].isdigit():
            break
        said = index.match(view, at)
        if said is None or said.value != NOTHING:  # "يبلغ طولها": the verb says nothing
            terms.extend(content_terms([view.words[at]]))
        at -= 1
    return frozenset(terms)


_AFTER = "-after"  # the figure a change ends on: "من 5.3 مليار دولار إلى 13.2 مليار"
_CHANGE_GAP = 2  # words between the first figure of a change and its "إلى" ("سنويا")


def _changed_to(view: TextView, first: int, ends: Mapping[int, int]) -> str | None:
    """The attribute of the figure a change starts from, for the figure it ends on at
    token ``first`` ("زيادة دخل القناة من 5.3 مليار دولار سنويا إلى 11.7 مليار"): the two
    measure one thing, before and after. ``ends`` maps the token after each figure to its
    first token."""
    index = attributes()
    at = first - 1
    while at >= 0:  # "إلى نحو 11"
        found = index.match(view, at)
        if found is None or found.value != NOTHING or found.end != at + 1:
            break
        at -= 1
    found_to = head_phrases("range-to").match(view, at, clitics=False) if at >= 0 else None
    if found_to is None or found_to.end > first:
        return None
    for back in range(at, max(-1, at - _CHANGE_GAP - 1), -1):
        if crosses_clause(view, back - 1, back) or view.words[back][-1:].isdigit():
            return None
        start = ends.get(back)
        if start is None:
            continue
        opened = start > 0 and head_phrases("range-from").match(view, start - 1) is not None
        return _attribute(view, start) if opened else None
    return None


def _anchor_words(view: TextView, low: int, high: int, skip: set[int]) -> list[str]:
    """The words of tokens ``[low, high)`` that may say what a figure belongs to: not a
    figure's own, not a digit, not an attribute word."""
    index = attributes()
    out: list[str] = []
    at = low
    while at < high:
        found = index.match(view, at)
        if found is not None:
            at = found.end
            continue
        word = view.words[at]
        if at not in skip and not any(char.isdigit() for char in word):
            out.append(word)
        at += 1
    return out


def _reach(tokens: range, skip: set[int], count: int, default: int) -> int:
    """The last of ``tokens`` that ``count`` words not of a figure take ("من 5.3 مليار
    دولار إلى": the words of the figure a change starts from are not counted)."""
    last = default
    for at in tokens:
        if count == 0:
            break
        last = at
        count -= at not in skip
    return last


def _sentence_day(article: Article, sentence: Span) -> Day | None:
    """The one day the sentence's dates name ("أمس الاثنين"), if they name one."""
    days = {
        timex.value[:10]
        for timex in article.timexes
        if sentence.start <= timex.span.start < sentence.end
        and timex.type == "DATE"
        and timex.value
        and len(timex.value) == 10
    }
    return day_of(days.pop()) if len(days) == 1 else None


def _others(article: Article, quantity: Quantity, sentence: Span) -> frozenset[float]:
    """The values of the sentence's other figures that could tell it from another (not
    one or two, which every other sentence has)."""
    return frozenset(
        float(other.value)
        for other in article.quantities
        if other is not quantity
        and other.value is not None
        and other.value > _SMALLEST_TELLING
        and sentence.start <= other.span.start < sentence.end
    )


def _telling(shared: frozenset[float]) -> bool:
    """Other figures two sentences share that make them one account ("و227 جريحا"): one
    of ten or more, or two."""
    return len(shared) > 1 or any(value >= _TELLING_ALONE for value in shared)


def _range(quantity: Quantity) -> tuple[float, float] | None:
    if quantity.bounds is not None:
        return float(quantity.bounds[0]), float(quantity.bounds[1])
    if quantity.value is None:
        return None
    return float(quantity.value), float(quantity.value)


def _frame(view: TextView, quantity: Quantity, first: int, ends: Mapping[int, int]) -> str | None:
    """What a figure measures, or None when only its unit or counted noun says it: a
    market report repeats "ارتفاع أسهم 143 شركة" every day with a new count."""
    if quantity.category:
        return quantity.category
    if quantity.unit not in unit_codes():
        return None  # a counted noun: "عرض" is a show, "دخل" entered, before "3 حلقات"
    attribute = _attribute(view, first)
    if attribute is None:
        attribute = _changed_to(view, first, ends)
        attribute = attribute + _AFTER if attribute is not None else None
    if attribute is None:
        return None
    money = quantity.unit in currencies()  # amounts of one attribute meet across currencies
    return f"{attribute}:{'money' if money else quantity.unit}"


def _figures_of(article: Article, view: TextView, group: str) -> Iterable[_Figure]:
    """The article's figures with a frame."""
    skip: set[int] = set()  # every figure's own tokens, with its unit and head
    ends: dict[int, int] = {}  # the token after each figure -> its first token
    for quantity in article.quantities:
        for span in (quantity.span, quantity.head):
            tokens = view.char_span(span.start, span.end) if span is not None else None
            if tokens is not None:
                skip.update(range(*tokens))
        tokens = view.char_span(quantity.span.start, quantity.span.end)
        if tokens is not None:
            ends[tokens[1]] = tokens[0]
    published = day_of(article.published.value)
    for quantity in article.quantities:
        found = _range(quantity)
        if found is None or quantity.vague or quantity.unit is None or found[0] <= 0:
            continue
        tokens = view.char_span(quantity.span.start, quantity.span.end)
        if tokens is None:
            continue
        first, stop = tokens
        frame = _frame(view, quantity, first, ends)
        if frame is None:
            continue
        sentence = quantity.sentence or Span(0, len(article.text))
        clause = clause_of(view, sentence, quantity.span)
        clause_tokens = view.char_span(clause.start, clause.end)
        if clause_tokens is None:
            continue
        low = _reach(range(first - 1, clause_tokens[0] - 1, -1), skip, _NEAR_BEFORE, first)
        high = _reach(range(stop, clause_tokens[1]), skip, _NEAR_AFTER, stop - 1) + 1
        whole = view.char_span(sentence.start, sentence.end) or clause_tokens
        yield _Figure(
            article,
            quantity,
            frame,
            not quantity.category and quantity.unit in currencies(),
            found[0],
            found[1],
            frozenset(content_terms(_anchor_words(view, *whole, skip))),
            frozenset(content_terms(_anchor_words(view, low, high, skip))),
            _others(article, quantity, sentence),
            _measured(view, first),
            clause,
            group,
            _sentence_day(article, sentence) or published,
            published,
        )


def _read(
    articles: Sequence[Article], groups: Mapping[str, str] | Callable[[], Mapping[str, str]]
) -> list[_Figure]:
    """Every framed figure, one view per article at a time, with its reprint group
    (``groups`` found only when some figure has a frame)."""
    figures: list[_Figure] = []
    for article in articles:
        if article.quantities:
            view = article.transient_view()
            figures.extend(_figures_of(article, view, article.id))
    if figures:
        found = groups() if callable(groups) else groups
        for figure in figures:
            figure.group = found.get(figure.article.id, figure.article.id)
    return figures


def _candidates(figures: list[_Figure]) -> Iterable[tuple[int, int]]:
    """Pairs of one frame from two reports sharing enough anchors, found through an
    index of anchors (a term on too many figures of a frame says nothing of which)."""
    postings: dict[tuple[str, str], list[int]] = {}
    for at, figure in enumerate(figures):
        for term in figure.anchors:
            postings.setdefault((figure.frame, term), []).append(at)
    for at, figure in enumerate(figures):
        shared: Counter[int] = Counter()
        for term in figure.anchors:
            members = postings[(figure.frame, term)]
            if len(members) <= _LONGEST_POSTING:
                shared.update(other for other in members if other > at)
        for other, count in shared.items():
            if count >= _SHARED_ANCHORS and figures[other].group != figure.group:
                yield at, other


def _same(left: _Figure, right: _Figure) -> bool:
    """The two give one value (ranges that overlap, one figure rounded, or approximate
    figures close together), in one currency for amounts (a count's unit is its noun as
    written: "قتيلا" and "شخصا" killed are one)."""
    if left.money and left.quantity.unit != right.quantity.unit:
        return False
    return _same_number(left, right)


def _same_number(left: _Figure, right: _Figure) -> bool:
    if left.low <= right.high and right.low <= left.high:
        return True
    approximate = left.quantity.approximate or right.quantity.approximate
    return _one_value((left.low, left.high), (right.low, right.high), approximate)


def _one_value(left: tuple[float, float], right: tuple[float, float], approximate: bool) -> bool:
    """Two figures ``(low, high)`` that overlap or differ by rounding (13.2 and 13.226
    billion), or, when one is approximate, by less than a fifth."""
    if left[0] <= right[1] and right[0] <= left[1]:
        return True
    gap = max(left[0], right[0]) - min(left[1], right[1])
    top = max(abs(left[1]), abs(right[1]))
    return gap <= (_SAME_APPROXIMATE if approximate else _SAME_EXACT) * top


def _comparable(left: _Figure, right: _Figure) -> bool:
    """Two figures of one frame sharing anchors (``_candidates``) give one fact: of one
    day (or, for a standing fact, a month), in sentences that tell one account (other
    figures in common, much of the wording around), with close values."""
    if left.article.id == right.article.id:
        return False
    currencies = left.money and left.quantity.unit != right.quantity.unit
    if currencies and not (_coded(left) and _coded(right)):
        return False  # "87.1 ألف دينار" is the Bahraini dinar of "87150 دينارا بحرينيا"
    standing = _standing(left.frame)
    if currencies or standing:
        days = _days_apart(left.published, right.published)
        if days is not None and days > _WINDOW_DAYS:
            return False
    elif left.day is None or left.day != right.day:
        return False
    if currencies:  # one amount in two currencies: of one deal if the sentences say so
        shared = len(left.anchors & right.anchors)
        return _same_number(left, right) and shared >= _SHARED_CURRENCY
    if not _telling(left.others & right.others) and not (
        standing and len(left.anchors & right.anchors) >= _STANDING_ANCHORS
    ):
        return False  # one account: other figures in common, or a standing fact's words
    if min(len(left.near), len(right.near)) < _NEAR_TERMS:
        return False
    if left.measured and right.measured and _jaccard(left.measured, right.measured) < _SAME_THING:
        return False  # the length of "قناة جديدة" and of "القناة الأساسية": two things
    if _jaccard(left.near, right.near) < _SIMILAR:
        return False
    if left.quantity.unit != right.quantity.unit and not (
        {left.quantity.unit, right.quantity.unit} <= counted_labels()
    ):
        return False  # "230 مدنيا" and "170 سنيا": a count of other people
    return max(left.high, right.high) <= _MAX_RATIO * min(left.low, right.low)


def _standing(frame: str) -> bool:
    return frame.partition(":")[0].removesuffix(_AFTER) in _STANDING


def _coded(figure: _Figure) -> bool:
    """An ISO 4217 currency ("EGP"), not a name that many share ("pound", "dinar")."""
    unit = figure.quantity.unit or ""
    return len(unit) == 3 and unit.isupper()


def _days_apart(left: Day | None, right: Day | None) -> int | None:
    return abs((left - right).days) if left is not None and right is not None else None


def _jaccard(left: frozenset[str], right: frozenset[str]) -> float:
    union = len(left | right)
    return len(left & right) / union if union else 0.0


def _versions(members: list[_Figure]) -> list[list[_Figure]]:
    """The figures of one fact grouped by the value they give (in order of first mention)."""
    out: list[list[_Figure]] = []
    for figure in members:
        for version in out:
            if _same(version[0], figure):
                version.append(figure)
                break
        else:
            out.append([figure])
    return out


def _disagree(versions: list[list[_Figure]]) -> bool:
    """Two versions, each given by a report that gives not the other, and those two
    reports agree on no other version: two reports sharing one figure of a fact and each
    giving one more ("35 km, and 27 km of one bypass") give parts, not two versions."""
    groups = [{f.group for f in version} for version in versions]
    given: dict[str, set[int]] = {}
    for at, members in enumerate(groups):
        for group in members:
            given.setdefault(group, set()).add(at)
    for i, left in enumerate(groups):
        for j in range(i + 1, len(groups)):
            right = groups[j]
            for one in left - right:
                if any(not (given[one] & given[other]) for other in right - left):
                    return True
    return False


def _spread(members: list[_Figure]) -> bool:
    return max(f.high for f in members) > _MAX_RATIO * min(f.low for f in members)


def figure_conflicts(
    articles: Sequence[Article], groups: Mapping[str, str] | Callable[[], Mapping[str, str]]
) -> list[FigureConflict]:
    """The facts the reports give different figures for. ``groups`` maps an article id to
    its reprint group (or finds that map, when some figure needs it): copies of one text
    are one report."""
    figures = _read(articles, groups)
    pairs = [pair for pair in _candidates(figures) if _comparable(*(figures[i] for i in pair))]
    facts: dict[int, list[_Figure]] = {}
    if pairs:
        left, right = zip(*pairs, strict=True)
        edges = coo_matrix(([1] * len(pairs), (left, right)), shape=(len(figures),) * 2)
        _count, labels = connected_components(edges, directed=False)
        for at in sorted(set(left) | set(right)):
            facts.setdefault(int(labels[at]), []).append(figures[at])
    out: list[FigureConflict] = []
    for members in facts.values():
        if _spread(members):
            continue  # a chain of near figures that ends far away: several facts
        found = _conflict(members)
        if found is not None:
            out.append(found)
    return out


def _conflict(members: list[_Figure]) -> FigureConflict | None:
    """The conflict the figures of one fact make, if they give two versions."""
    versions = _versions(members)
    if len(versions) < 2 or not _disagree(versions):
        return None
    units = {f.quantity.unit for f in members}
    return FigureConflict(
        members[0].frame,
        members[0].quantity.unit if len(units) == 1 else None,
        tuple(
            FigureVersion(
                version[0].value,
                version[0].quantity.unit,
                tuple((f.article.id, f.passage) for f in version),
                any(f.quantity.approximate for f in version),
            )
            for version in versions
        ),
    )
