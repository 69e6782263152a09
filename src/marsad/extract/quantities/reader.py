"""The quantities of one article: every figure with what it counts.

A figure (``numbers``) counts when something follows that says what it counts
(``heads``): a unit, a percent sign, a counted noun, a partitive or an elliptic head.
Besides, a figure with no head counts the noun of "عدد القتلى" / "حصيلة" before it;
a definite cardinal after its noun counts it ("الأطراف الأربعة"), as do واحد and اثنان
after a noun ("شرطي واحد") and a dual of a person, a casualty or a weapon ("القياديان").
Two figures make a range ``[low, high]`` ("900 إلى 1000 دولار", "بين 32 و35"); a word
such as "نحو" before a figure, or "على الأقل" after it, makes it approximate. A figure
that overlaps a timex or boilerplate, or stands inside a name, is dropped.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, replace
from functools import cache, cached_property
from itertools import compress

from marsad.arabic.charsets import charset, letter
from marsad.arabic.clitics import without_article
from marsad.arabic.normalize import normalize
from marsad.arabic.view import TextView
from marsad.arabic.wordclass import WordClass
from marsad.extract.lexicon import demonym_at
from marsad.extract.quantities import categories
from marsad.extract.quantities.heads import (
    Head,
    counted_label,
    head_after,
    is_head_word,
    modifiers,
    plain_gap,
    written_cut,
)
from marsad.extract.quantities.lexicons import (
    Unit,
    category_heads,
    category_words,
    counted_duals,
    counted_singulars,
    elliptic,
    head_phrases,
    head_words,
    one_word_units,
    single_time_words,
    time_words,
    unit_codes,
    units,
)
from marsad.extract.quantities.measures import measured_subject
from marsad.extract.quantities.numbers import (
    Figure,
    Number,
    continued,
    digits_at,
    leading_words,
    number_words,
    scaled,
    vague_words,
    words_at,
)
from marsad.model import Article, Quantity, Span

QuantityValue = float | int | tuple[float | int, float | int] | None

_CHANGE_GAP = 2  # words between a change's first figure and "إلى" ("سنويا", "يوميا الآن")
_COUNT_OF_REACH = 6  # words from "عدد القتلى" to its figure ("ارتفع عدد القتلى إلى 30")
_PEOPLE_KINDS = frozenset({"counted", "partitive", "elliptic"})
_ADJACENT = frozenset(" \t\u00a0")
_DIGIT_RUN = re.compile(r"\d+")
_LABEL_GAP = frozenset(" \t\u00a0(")  # "المادة (236)"


@dataclass(frozen=True, slots=True)
class _Found:
    start: int  # folded
    stop: int  # folded
    value: QuantityValue
    head: Head | None
    first: int  # first token of the figure
    end: int  # token after the whole quantity
    approximate: bool = False
    vague: bool = False
    subject: tuple[int, int] | None = None
    unit: str | None = None
    category: str | None = None


def _round(value: float | int) -> Number:
    if isinstance(value, float):
        value = round(value, 6)
        return int(value) if value.is_integer() else value
    return value


_NUMBER_KINDS = frozenset({"cardinal", "tens", "hundreds", "scale", "fraction"})


@cache
def _one_words() -> tuple[frozenset[str], frozenset[str]]:
    """Folded واحد/واحدة and اثنان/اثنين forms (number_words.tsv rows of value 1, 2)."""
    from marsad.arabic.normalize import normalize
    from marsad.resources import load_tsv

    ones, twos = set(), set()
    for value, kind, surface, *_ in load_tsv("number_words.tsv", columns=3):
        if kind == "cardinal" and " " not in surface:
            if value == "1":
                ones.add(normalize(surface))
            elif value == "2":
                twos.add(normalize(surface))
    alef = letter("alef")
    ones |= {form + alef for form in ones}
    return frozenset(ones), frozenset(twos)


class Reader:
    def __init__(self, article: Article) -> None:
        self.article = article
        self.view: TextView = article.view
        view = self.view
        spans = [t.span for t in article.timexes] + [b.span for b in article.boilerplate]
        self.blocked_ranges = sorted(view.folded_range(span) for span in spans)
        self.names = sorted(view.folded_range(e.span) for e in article.entities)
        self.sentences = sorted((s.span for s in article.sentences), key=lambda s: s.start)
        self.sentence_starts = [s.start for s in self.sentences]
        self._long_ranges: dict[int, list[tuple[int, int]]] = {}
        self._leading: list[int] = []  # tokens that may open a number in words
        self._previous: _Found | None = None  # the figure read last, for a change's end

    # -- what no figure may touch -----------------------------------------------------------

    def _overlaps(self, ranges: list[tuple[int, int]], start: int, stop: int) -> bool:
        """Whether folded ``[start, stop)`` overlaps one of ``ranges`` (sorted): the few
        that start just before it, or a long one (a boilerplate block) further back."""
        index = bisect_right(ranges, (stop, stop))
        for left, right in ranges[max(0, index - 8) : index]:
            if left < stop and start < right:
                return True
        return any(left < stop and start < right for left, right in self._long(ranges))

    def _long(self, ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
        found = self._long_ranges.get(id(ranges))
        if found is None:
            found = self._long_ranges[id(ranges)] = [r for r in ranges if r[1] - r[0] > 400]
        return found

    def blocked_token(self, at: int) -> bool:
        return self._overlaps(self.blocked_ranges, self.view.starts[at], self.view.ends[at])

    # -- the passes -------------------------------------------------------------------------

    def read(self) -> list[Quantity]:
        view = self.view
        found: list[_Found] = []
        used_until = 0
        for at in self._candidates():
            if at < used_until:
                continue
            item = self._figure_at(at)
            if item is not None:
                found.append(item)
                used_until = item.end
                self._previous = item
        found += self._postposed()
        found += self._duals()
        found += self._unit_duals()
        found.sort(key=lambda f: (f.start, -f.stop))
        out: list[Quantity] = []
        last: _Found | None = None
        for item in found:
            if last is not None and item.start < last.stop:
                continue  # overlaps a figure already read
            if last is not None and self._joined_to(last, item):
                item = replace(item, category=last.category)  # "مقتل 230 مدنيا و115 مسلحا"
            quantity = self._emit(item)
            if quantity is not None:
                out.append(quantity)
                last = item
        del view
        return _antecedents(out)

    def _joined_to(self, last: _Found, item: _Found) -> bool:
        """``item`` continues a casualty count with و: it shares its category."""
        if last.category is None or item.category not in (None, "attackers"):
            return False
        if item.head is not None and item.head.kind not in _PEOPLE_KINDS:
            return False
        view = self.view
        gap = view.folded[last.stop : item.start]
        return gap.strip() in ("", letter("wa")) and (
            view.words[item.first][:1] == letter("wa") or gap.strip() == letter("wa")
        )

    def _candidates(self) -> list[int]:
        """Tokens holding a digit, and those that may open a number in words."""
        view = self.view
        digits = {view.token_containing(m.start()) for m in _DIGIT_RUN.finditer(view.folded)}
        self._leading = leading_words().hits(view)
        spelled = set(self._leading) | set(vague_words().hits(view))
        return sorted((digits - {-1}) | spelled)

    def _number(self, at: int) -> Figure | None:
        view = self.view
        if not any(char.isdigit() for char in view.words[at]):
            vague = vague_at_start(view, at)
            if vague is not None:
                return vague
            figure = words_at(view, at)
            if figure is None and not (at > 0 and self._number_before(at)):
                figure = _scale_alone(view, at)  # not "الخمسين مليون": 50 million
        else:
            figure = digits_at(view, at)
            figure = scaled(view, figure) if figure is not None else None
        if figure is None or self.blocked_token(at):
            return None
        return figure

    def _figure_at(self, at: int) -> _Found | None:
        view = self.view
        figure = self._number(at)
        if figure is None or not self._may_lead(figure):
            return None
        head = head_after(view, figure, self.blocked_token)
        leading_definite = figure.words and figure.definite and not figure.vague
        if leading_definite and (
            head is None or head.kind != "counted" or head.first != figure.end
        ):
            return None  # "الخمسة" alone, "العشرين من"
        if head is not None and figure.plain and not self._year_may_count(figure, head):
            return None
        if figure.ambiguous and (head is None or head.kind != "counted"):
            return None  # "584.376 طنا": 584 tonnes and a fraction, or 584,376
        ranged = self._range(figure, head)
        if ranged is not None:
            return ranged
        if head is None:
            if figure.vague:
                return self._bare_vague(figure) or self._coordinated_vague(figure)
            if figure.plain and _year_like(figure):
                return None
            return (
                self._count_of(figure)
                or self._before_verb(figure)
                or self._after_trigger(figure)
                or self._change_end(figure)
            )
        return self._make(figure, figure.value, head)

    def _may_lead(self, figure: Figure) -> bool:
        """Whether a number can open a quantity at all."""
        view = self.view
        first = figure.first
        if figure.words and not figure.vague:
            if figure.value == 1:
                return False  # "واحد من" is "one of"; a count of one is "شرطي واحد"
            if figure.definite and (figure.kind == "tens" or figure.value == 2):
                return False  # "العشرين", "الاثنين" (Monday)
            joined = (
                view.words[first][:1] == letter("wa")
                and first > 0
                and plain_gap(view, view.ends[first - 1], first, _ADJACENT)
            )
            if joined and view.words[first - 1] in _ordinals():
                return False  # "الثالثة والعشرون": the 23rd
            if joined and self._number_before(first):
                return False  # "واحدا وثلاثين": 31, not 30
        joined = view.words[first][:1] == letter("wa") and first > 0
        if figure.fraction_only and joined and self._number_before(first):
            return False  # "مليار ونصف مليار" is read whole; never a half alone
        after = figure.end
        if (
            figure.fraction_only
            and joined
            and after < len(view.words)
            and view.word_class(after).definite
        ):
            return False  # "مترين ونصف المتر": the half of the measure before it
        if figure.plain and first > 0 and self._label_before(first):
            return False  # "الفرقة 11", "المادة 5", "الدقيقة 52"
        if figure.plain and _year_like(figure) and first > 0:
            previous = view.words[first - 1]
            if previous in _time_words() or view.words[first - 1].isdigit():
                return False  # "عام 2003", "2007 - 2014"
            if view.folded[figure.stop : figure.stop + 1] == ")":
                return False  # "(1996)"
        return True

    def _number_before(self, first: int) -> bool:
        view = self.view
        previous = first - 1
        word = view.words[previous]
        ones, twos = _one_words()
        if word[-1:].isdigit() or word in ones or word in twos:
            return True
        found = number_words().match(view, previous)
        # a number, not an approximator or a percent word ("نحو مليون" is one million)
        return found is not None and found.value.kind in _NUMBER_KINDS

    def _label_before(self, first: int) -> bool:
        """ "الفرقة 11", "البند رقم 6", "عام 64": the figure names, it does not count."""
        view = self.view
        previous = first - 1
        wc = view.word_class(previous)
        if not plain_gap(view, view.ends[previous], first, _LABEL_GAP):
            return False
        if not wc.definite:
            return wc.stem in head_words("label-bare") or wc.stem in single_time_words()
        return wc.stem in head_words("label") or view.words[previous] in _time_words()

    def _year_may_count(self, figure: Figure, head: Head) -> bool:
        """A figure that could be a year ("2014") counts only a unit or a listed noun."""
        if not _year_like(figure):
            return True
        if head.kind in ("unit", "percent"):
            return True
        if head.category is not None or self._approximate(figure.first, head.end):
            return True
        return counted_label(self.view, head.first) is not None

    def _headless(self, figure: Figure, category: str | None) -> _Found:
        """A figure with no head of its own: what it counts is said around it."""
        return _Found(
            figure.start,
            figure.stop,
            figure.value,
            None,
            figure.first,
            figure.end,
            figure.approximate or self._approximate(figure.first, figure.end),
            vague=figure.vague,
            category=category,
        )

    def _before_verb(self, figure: Figure) -> _Found | None:
        """ "11 شخصا قتلوا و32 أصيبوا": a bare figure right before a casualty verb."""
        view = self.view
        if figure.value is None or figure.end >= len(view.words):
            return None
        if not plain_gap(view, figure.stop, figure.end, _ADJACENT):
            return None
        found = category_words("after").match(view, figure.end, clitics=False)
        if found is None:
            return None
        return self._headless(figure, found.value)

    def _after_trigger(self, figure: Figure) -> _Found | None:
        """ "أسفر عن مقتل اثنين وإصابة 20": a casualty word right before a bare figure."""
        view = self.view
        if figure.value is None or figure.first == 0:
            return None
        start = figure.first
        for length in (4, 3, 2, 1):
            at = start - length
            found = number_words().match(view, at) if at >= 0 else None
            if found is not None and found.end == start and found.value.kind == "approx":
                start = at
                break
        category = categories.before(view, start, reach=1)
        if category is None or category in ("weapons", "attacks"):
            return None
        return self._headless(figure, category)

    def _make(
        self,
        figure: Figure,
        value: QuantityValue,
        head: Head,
        last: Figure | None = None,
        approximate: bool = False,
    ) -> _Found:
        view = self.view
        start = figure.start
        if figure.minus is not None and head.unit == "degree Celsius":
            start = figure.minus
            if isinstance(value, int | float):
                value = -value
        end = max(head.end, (last or figure).end)
        if head.unit == "kg" and self._kilometres(figure.first, head):
            head = replace(head, unit="km")
        category = None
        if head.kind in _PEOPLE_KINDS or figure.vague:
            after_end = head.end if head.end > head.first else end
            category = categories.category(view, head.category, figure.first, after_end)
        approximate = (
            approximate
            or figure.approximate
            or head.approximate
            or self._approximate(figure.first, end)
        )
        return _Found(
            start,
            head.stop,
            value,
            head,
            figure.first,
            end,
            approximate,
            figure.vague,
            head.subject,
            head.unit,
            category,
        )

    def _kilometres(self, first: int, head: Head) -> bool:
        """ "كيلو" alone after a word of distance or before a direction: kilometres."""
        view = self.view
        if head.end != head.first + 1 or view.words[head.first] not in head_words("kilo"):
            return False
        if head.end < len(view.words) and head_phrases("kilo-direction").match(view, head.end):
            return True
        for at in range(first - 1, max(-1, first - 5), -1):
            if categories.crosses_clause(view, at, at + 1):
                return False
            if head_phrases("kilo-distance").match(view, at) is not None:
                return True
        return False

    # -- ranges -------------------------------------------------------------------------------

    def _range(self, low: Figure, head: Head | None) -> _Found | None:
        """ "900 إلى 1000 دولار", "6 أمتار إلى 33 متراً", "بين 32 و35", "5 أو 6 قتلى"."""
        view = self.view
        if low.vague or low.value is None:
            return None
        after = head.end if head is not None and head.kind in ("unit", "percent") else low.end
        stop = head.stop if head is not None and head.kind in ("unit", "percent") else low.stop
        if head is not None and head.kind not in ("unit", "percent"):
            return None
        if after >= len(view.words):
            return None
        joiner: str | None
        if self._dash(stop, view.starts[after]) and view.words[after][:1].isdigit():
            joiner, at = "to", after  # "( 50 - 500 ) ريال", "75 ـــ 85 دولارا"
        elif not plain_gap(view, stop, after, _ADJACENT):
            return None
        else:
            joiner, at = self._joiner(after)
        if joiner is None or at >= len(view.words):
            return None
        if joiner == "or" and head is not None:
            return None  # "14.5 مم أو 23 مم": two figures each with its unit, not a range
        if joiner == "and" and not self._range_before(low.first):
            return None
        high = self._number(at) if joiner != "and" or view.words[at][0].isdigit() else None
        if high is None and joiner == "and" and view.words[at][1:2].isdigit():
            high = self._number(at)
        if high is None or high.vague or high.value is None or high.fraction_only:
            return None
        high_head = head_after(view, high, self.blocked_token)
        if high_head is None or high_head.kind not in ("unit", "percent", "counted"):
            return None
        if head is not None and head.unit != high_head.unit:
            return None
        low_value = low.value
        if head is None and high.end > high.first + 1 and not low.words and high.value > 0:
            ratio = _scale_of(view, high)
            if ratio and low_value * ratio <= high.value:
                low_value = low_value * ratio  # "3 إلى 5 ملايين"
        if joiner == "to" and self._change_before(low.first, head is not None):
            return None  # "ارتفع من 5 إلى 8"
        if joiner == "to" and not low_value < high.value and not self._range_before(low.first):
            return None  # a descending pair is a range only after "بين": "ما بين 1.72% إلى 0.36%"
        pair = sorted((_round(low_value), _round(high.value)))
        return self._make(low, (pair[0], pair[1]), high_head, last=high)

    def _dash(self, start: int, end: int) -> bool:
        """The text between folded ``start`` and ``end`` is a dash alone, as written: the
        folding drops a run of tatweel used as one ("75 ـــ 85")."""
        view = self.view
        written = view.text[view.source_index(start) : view.source_index(end)].strip()
        return bool(written) and set(written) <= charset("range-dash") and len(set(written)) == 1

    def _joiner(self, at: int) -> tuple[str | None, int]:
        """The word joining a range at token ``at`` and the token of the second figure."""
        view = self.view
        word = view.words[at]
        if word == letter("wa"):
            return "and", at + 1
        if word[:1] == letter("wa") and word[1:2].isdigit():
            return "and", at
        found = head_phrases("range-to").match(view, at, clitics=False)
        if found is not None:
            return "to", found.end
        found = head_phrases("range-or").match(view, at, clitics=False)
        if found is not None:
            return "or", found.end
        return None, at

    def _range_before(self, first: int) -> bool:
        for at in range(max(0, first - 3), first):
            found = head_phrases("range-before").match(self.view, at)
            if found is not None and found.end == first:
                return True
        return False

    def _change_before(self, first: int, own_unit: bool) -> bool:
        """ "ارتفع من 5 إلى 8", "زيادة الإيرادات من 5.3 مليار دولار إلى 13.2 مليار": a
        change between two figures, not a range; after a change noun only when "من" stands
        before the first figure and it has its own unit ("بزيادة قدرها من 15 إلى 25%" is
        a range of the rise), or when "من" follows the change noun at once."""
        view = self.view
        from_before = first > 0 and head_phrases("range-from").match(view, first - 1) is not None
        after_from = own_unit and from_before
        for at in range(first - 1, max(-1, first - 7), -1):
            if categories.crosses_clause(view, at, at + 1):
                return False
            found = head_phrases("change").match(view, at)
            if found is None:
                continue
            if view.word_class(at).pos == "verb" or after_from:
                return True
            # "زيادة من 13 إلى 23 في المائة": "من" right after the change noun, whatever
            # the units; "بزيادة (قدرها) من 15 إلى 25%" is by how much: a range of the rise
            if from_before and found.end == first - 1 and not _by(view, at):
                return True
        return False

    # -- figures with no head of their own ------------------------------------------------------

    def _change_end(self, figure: Figure) -> _Found | None:
        """ "من 5.3 مليار دولار سنويا إلى 11.7 مليار", "من 18 مقاتلا إلى 70": the figure
        a change ends on, its unit (and category) left to the figure it starts from (a
        word or two between that figure and "إلى", in one clause)."""
        view = self.view
        start = self._previous
        if (
            start is None
            or start.head is None
            or start.head.kind not in ("unit", "percent", "counted")
        ):
            return None
        if figure.value is None or figure.first < start.end + 1 or start.first == 0:
            return None
        if head_phrases("range-from").match(view, start.first - 1) is None:
            return None
        to = head_phrases("range-to").match(view, figure.first - 1, clitics=False)
        if to is None or to.end != figure.first:
            return None
        between = range(start.end, figure.first - 1)
        if len(between) > _CHANGE_GAP or any(
            categories.crosses_clause(view, at - 1, at) for at in range(start.end, figure.first)
        ):
            return None
        if any(char.isdigit() for at in between for char in view.words[at]):
            return None
        return replace(self._headless(figure, start.category), unit=start.unit)

    def _bare_vague(self, figure: Figure) -> _Found | None:
        """ "العشرات", "المئات": a definite vague count stands for its noun."""
        if not figure.definite:
            return None
        view = self.view
        category = categories.category(view, None, figure.first, figure.end)
        return self._headless(figure, category)

    def _coordinated_vague(self, figure: Figure) -> _Found | None:
        """ "مئات وآلاف من الكيلومترات": a vague count joined to the next one by و."""
        view = self.view
        at = figure.end
        if at >= len(view.words) or not plain_gap(view, figure.stop, at, _ADJACENT):
            return None
        found = vague_words().match(view, at)
        if found is None or found.prefix != 1 or view.words[at][:1] != letter("wa"):
            return None
        category = categories.category(view, None, figure.first, figure.end)
        return self._headless(figure, category)

    def _count_of(self, figure: Figure) -> _Found | None:
        """ "ارتفعت حصيلة القتلى إلى 30": the figure counts the noun after عدد/حصيلة."""
        view = self.view
        if figure.words or figure.value is None:
            return None
        for at in range(figure.first - 1, max(-1, figure.first - _COUNT_OF_REACH), -1):
            if categories.crosses_clause(view, at, at + 1) or view.words[at][-1:].isdigit():
                return None
            wc = view.word_class(at)
            if wc.stem not in head_words("count-of") or at + 1 >= figure.first:
                continue
            noun = at + 1
            if not view.word_class(noun).definite or not is_nominal_definite(view, noun):
                return None
            end = min(modifiers(view, noun, self.blocked_token, True), figure.first)
            counted = counted_label(view, noun)
            label = counted.label if counted is not None else None
            category = counted.category if counted is not None else None
            if category in (None, "attackers"):
                category = categories.before(view, at + 1) or category
            return replace(self._headless(figure, category), subject=(noun, end), unit=label)
        return None

    # -- numerals after their noun, duals --------------------------------------------------------

    def _postposed(self) -> list[_Found]:
        """ "الأطراف الأربعة", "شرطي واحد", "لاعبين اثنين": the numeral after its noun."""
        view = self.view
        ones, twos = _one_words()
        out: list[_Found] = []
        hits = set(self._leading)  # a superset of the bare hits: match below reads bare
        small = ones | twos
        hits.update(compress(range(len(view.words)), map(small.__contains__, view.words)))
        for at in sorted(hits):
            if at == 0 or self.blocked_token(at) or self.blocked_token(at - 1):
                continue
            word = view.words[at]
            found = number_words().match(view, at, clitics=False)
            if found is not None and found.end != at + 1:
                continue
            value = found.value if found is not None else None
            if (
                value is not None
                and value.definite
                and value.kind == "cardinal"
                and 3 <= value.value <= 10
            ):
                item = self._after_definite(at, int(value.value))
            elif (value is None or not value.definite) and (word in ones or word in twos):
                if word in ones and not self._written_one(at):
                    continue  # "وأحد جوانبها": و + أحد folds like واحد
                item = self._after_indefinite(at, 1 if word in ones else 2)
            else:
                item = None
            if item is not None:
                out.append(item)
        return out

    def _written_one(self, at: int) -> bool:
        """واحد as written, not وأحد: its second letter is a bare alef."""
        view = self.view
        start = view.token_start(at)
        return view.text[start + 1 : start + 2] == letter("alef", folded=False)

    def _after_definite(self, at: int, value: int) -> _Found | None:
        view = self.view
        following = at + 1
        if (
            following < len(view.words)
            and view.words[following][:1] == letter("wa")
            and number_words().match(view, following) is not None
        ):
            return None  # "الأربع والعشرين": a compound numeral, read before it
        if following < len(view.words) and is_head_word(view, following, value):
            return None  # "العشر دول": a numeral before its counted noun
        first = at
        while first > 0 and at - first < 4:
            previous = first - 1
            wc = view.word_class(previous)
            if not plain_gap(view, view.ends[previous], first, _ADJACENT):
                break
            if wc.pos not in ("noun", "adj") or not view.words[previous].isalpha():
                break
            if view.words[previous] in _time_words():
                return None  # "السنوات الثلاث": a duration
            if not wc.definite and wc.pos != "noun":
                break
            if view.words[previous] in head_words("not-head"):
                break  # "إحدى الدول الخمس": the five, not إحدى
            if not wc.definite and wc.number == "sg":
                break  # "ترتيب اللاعبات العشر": the ten players, not the ranking
            first = previous  # definite words, and the construct nouns that open them
            if wc.proclitic:
                break  # "والأطراف"
        if first == at:
            return None
        head = first
        if "noun" not in view.word_class(head).alternatives:
            return None
        if view.word_class(head).stem in head_words("label"):
            return None  # "دور الثمانية": the quarter-final round
        if view.words[head] in head_words("not-head"):
            return None
        if view.word_class(head).stem in head_words("not-head"):
            return None
        return self._numeral_after(head, at, value)

    def _after_indefinite(self, at: int, value: int) -> _Found | None:
        view = self.view
        head = at - 1
        wc = view.word_class(head)
        if not plain_gap(view, view.ends[head], at, _ADJACENT) or wc.definite:
            return None
        if (
            view.words[head] in elliptic()
            and head > 0
            and plain_gap(view, view.ends[head - 1], head, _ADJACENT)
            and view.word_class(head - 1).pos in ("noun", "adj")
            and not view.word_class(head - 1).definite
        ):
            head, wc = head - 1, view.word_class(head - 1)  # "عسكريين آخرين اثنين"
        elif (
            (wc.pos == "adj" or demonym_at(view, head) is not None)
            and not wc.proclitic
            and head > 0
            and plain_gap(view, view.ends[head - 1], head, _ADJACENT)
        ):
            noun = view.word_class(head - 1)
            nouns = ("noun", "adj") if demonym_at(view, head) is not None else ("noun",)
            if noun.pos in nouns and not noun.definite and not noun.proclitic:
                head, wc = head - 1, noun  # "ملعقة كبيرة واحدة", "عسكريين تركيين اثنين"
        if wc.pos not in ("noun", "adj") or not view.words[head].isalpha():
            return None
        if wc.stem in head_words("not-head") or view.words[head] in head_words("not-head"):
            return None
        if value == 1 and head > 0:
            head, wc = self._agreeing(head, at)
        if value == 1 and (wc.stem in head_words("one-idiom") or wc.number not in (None, "sg")):
            return None
        if value == 2 and wc.number not in ("pl", "du"):
            return None
        if categories.before(view, at, reach=1) is not None:
            return None  # "مقتل اثنين من": "اثنين" leads its own partitive
        return self._numeral_after(head, at, value)

    def _agreeing(self, head: int, at: int) -> tuple[int, WordClass]:
        """The noun واحد/واحدة agrees with in gender: "واجهة تشغيل واحدة" counts واجهة."""
        view = self.view
        wc = view.word_class(head)
        feminine = view.words[at].rstrip(letter("alef")).endswith(letter("ta-marbuta"))
        wanted = "f" if feminine else "m"
        if wc.gender in (None, wanted) or not plain_gap(view, view.ends[head - 1], head, _ADJACENT):
            return head, wc
        before = view.word_class(head - 1)
        if before.pos == "noun" and before.gender == wanted and not before.definite:
            return head - 1, before
        return head, wc

    def _numeral_after(self, head: int, at: int, value: int) -> _Found:
        view = self.view
        counted = counted_label(view, head)
        unit = units().match(view, head)
        label = counted.label if counted is not None else _written_head(view, head)
        if unit is not None and unit.end == at:
            label = unit.value.code  # "كيلومتر واحد"
        category = categories.category(view, counted.category if counted else None, head, at + 1)
        start, stop = view.starts[head] + written_cut(view, head), view.ends[at]
        return _Found(
            start,
            stop,
            value,
            None,
            head,
            at + 1,
            self._approximate(head, at + 1),
            subject=(head, at),
            unit=label,
            category=category,
        )

    @cached_property
    def _dual_tokens(self) -> set[int]:
        """Tokens ending in a dual ending: the duals of nouns and of units are read there."""
        view = self.view
        return {view.token_containing(m.start()) for m in _dual_ending_re().finditer(view.folded)}

    def _duals(self) -> list[_Found]:
        """A dual of a person, casualty or weapon noun: "ضابطين", "القياديان"."""
        view = self.view
        out: list[_Found] = []
        singulars = counted_singulars()
        listed = counted_duals()
        ends = self._dual_tokens
        word_classes = view.word_classes
        for at in sorted(ends | set(listed.hits(view))):
            if len(view.words[at]) < 5:
                continue
            wc = word_classes[at]
            if wc.pos not in ("noun", "adj"):
                continue
            before = word_classes[at - 1] if at > 0 else None
            if before is not None and before.number == "du" and before.pos in ("noun", "adj"):
                continue  # an adjective agreeing with a dual noun before it (not "نفذتا")
            match = listed.match(view, at)
            if match is not None:
                counted, end, prefix = match.value, match.end, match.prefix
            else:
                # a feminine nisba dual counts women only as a noun: "العسكريتين" (the
                # two military bases) agrees with a noun before it
                # "-ين" is the dual's and the plural's: a dual verb after it says which
                # ("إن انتحاريين اخترقا تجمعا")
                after = word_classes[at + 1] if at + 1 < len(word_classes) else None
                dual = wc.number == "du" or (
                    after is not None and after.pos == "verb" and after.number == "du"
                )
                found = _dual_reading(view, at, dual, wc.pos == "noun" and not wc.definite)
                if found is None:
                    continue
                counted, end, prefix = singulars[found[1]], at + 1, found[0]
            if self.blocked_token(at) or any(
                word in head_words("not-dual") for _, word in view.readings(at)
            ):
                continue  # "لطالبان"
            category = categories.category(view, counted.category, at, end)
            start = view.starts[at] + prefix
            out.append(
                _Found(
                    start,
                    view.ends[end - 1],
                    2,
                    None,
                    at,
                    end,
                    subject=(at, end),
                    unit=counted.label,
                    category=category,
                )
            )
        return out

    def _unit_duals(self) -> list[_Found]:
        """The dual of a unit is two of it ("كيلوجرامين", "مترين", "دولارين"), and with "بين"
        before it and "و" + a figure of that unit after, the low end of a range: "بين
        كيلوجرامين وثلاثة كيلوجرامات" is [2, 3] kg."""
        view = self.view
        out: list[_Found] = []
        for at in sorted(self._dual_tokens):
            dual = _dual_unit(view, at)
            if dual is None or self.blocked_token(at) or "name" in view.word_class(at).alternatives:
                continue  # "ميلان" is Milan, not two miles
            if self._described(at):
                continue  # "كيلومترين مربعين", "برميلين متفجرين": not the unit alone
            prefix, unit = dual
            found = _Found(
                view.starts[at] + prefix, view.ends[at], 2, None, at, at + 1, unit=unit.code
            )
            ranged = self._dual_range(found, unit)
            out.append(ranged or found)
        return out

    def _described(self, at: int) -> bool:
        """A dual adjective follows token ``at``, agreeing with it."""
        view = self.view
        if at + 1 >= len(view.words) or not plain_gap(view, view.ends[at], at + 1, _ADJACENT):
            return False
        after = view.word_class(at + 1)
        return after.pos == "adj" and (
            after.number == "du" or _dual_ending_re().search(view.words[at + 1]) is not None
        )

    def _dual_range(self, low: _Found, unit: Unit) -> _Found | None:
        view = self.view
        at = low.end
        if at >= len(view.words) or not self._range_before(low.first):
            return None
        joiner, at = self._joiner(at)
        if joiner is None and view.words[at][:1] == letter("wa"):
            joiner = "and"  # "وثلاثة كيلوجرامات": و on a number in words
        high = self._number(at) if joiner == "and" and at < len(view.words) else None
        if high is None or high.vague or not isinstance(high.value, int | float):
            return None
        head = head_after(view, high, self.blocked_token)
        if head is None or head.unit != unit.code or not high.value > 2:
            return None
        return replace(low, value=(2, _round(high.value)), stop=head.stop, end=head.end)

    # -- output ---------------------------------------------------------------------------------

    def _approximate(self, first: int, end: int) -> bool:
        view = self.view
        for length in (1, 2, 3, 4):
            at = first - length
            if at < 0:
                break
            found = number_words().match(view, at)
            if found is not None and found.end == first and found.value.kind == "approx":
                return True
        if end < len(view.words):
            found = number_words().match(view, end, clitics=False)
            if found is not None and found.value.kind == "approx-after":
                return True
        return False

    def _in_timex(self, at: int) -> bool:
        """Token ``at`` is inside a date or time expression ("الأسبوع الماضي")."""
        start = self.view.token_start(at)
        return any(t.span.start <= start < t.span.end for t in self.article.timexes)

    def _emit(self, item: _Found) -> Quantity | None:
        view = self.view
        if item.stop <= item.start:
            return None
        if self._overlaps(self.blocked_ranges, item.start, item.stop):
            return None
        if self._overlaps(self.names, view.starts[item.first], view.ends[item.first]):
            return None  # a number inside a name ("خليجي 23")
        span = view.source_span(item.start, item.stop)
        value, bounds = (None, item.value) if isinstance(item.value, tuple) else (item.value, None)
        text = span.slice(self.article.text)
        subject = head_span = None
        if item.subject is None and item.unit in unit_codes():
            # a currency, a measure or a share: what it measures, when a word says it
            measured = measured_subject(view, item.first)
            if measured is not None and self._in_timex(measured[0]):
                measured = None  # "يتراجع الأسبوع الماضي نحو ألف دولار": when, not what
            if measured is not None:
                first, end = measured
                start = view.starts[first] + written_cut(view, first)  # "ودبي": Dubai
                subject = view.source_span(start, view.ends[end - 1]).slice(self.article.text)
        if item.subject is not None and item.subject[1] > item.subject[0]:
            first, end = item.subject
            start = view.starts[first] + written_cut(view, first)
            if first == item.first:
                start = max(start, item.start)  # a clitic the word class missed
            head_span = view.source_span(start, view.ends[end - 1])
            subject = head_span.slice(self.article.text)
        return Quantity(
            span,
            text,
            value,
            item.unit,
            subject,
            item.approximate,
            item.vague,
            item.category,
            head_span,
            self._sentence(span),
            bounds,
        )

    def _sentence(self, span: Span) -> Span | None:
        index = bisect_right(self.sentence_starts, span.start) - 1
        if index >= 0 and self.sentences[index].contains(span):
            return self.sentences[index]
        return None


def is_nominal_definite(view: TextView, at: int) -> bool:
    wc = view.word_class(at)
    return wc.definite and not wc.proclitic and wc.pos in ("noun", "adj")


def vague_at_start(view: TextView, at: int) -> Figure | None:
    from marsad.extract.quantities.numbers import vague_at

    return vague_at(view, at)


def _scale_alone(view: TextView, at: int) -> Figure | None:
    """ "ألف ريال", "مليون دولار", "الألف حاج": a scale word is one of it."""
    found = number_words().match(view, at)
    if found is None or found.value.kind != "scale":
        return None
    start = view.starts[at] + found.prefix
    value, end = continued(view, found.value.value, found.value.value, found.end)
    return Figure(
        _round(value),
        at,
        end,
        start,
        view.ends[end - 1],
        words=True,
        definite=found.value.definite,
    )


def _scale_of(view: TextView, figure: Figure) -> Number | None:
    found = number_words().match(view, figure.end - 1, clitics=False)
    return found.value.value if found is not None and found.value.kind == "scale" else None


def _year_like(figure: Figure) -> bool:
    return isinstance(figure.value, int) and 1800 <= figure.value <= 2100


def _time_words() -> frozenset[str]:
    return time_words()


@cache
def _ordinals() -> frozenset[str]:
    """Folded ordinals of number_words.tsv, bare and with the article ("الثالثه")."""
    from marsad.arabic.clitics import definite_article
    from marsad.arabic.normalize import normalize
    from marsad.resources import load_tsv

    rows = load_tsv("number_words.tsv", columns=3)
    forms = {normalize(row[2]) for row in rows if row[1] == "ordinal" and " " not in row[2]}
    return frozenset(forms | {definite_article() + form for form in forms})


def _dual_unit(view: TextView, at: int) -> tuple[int, Unit] | None:
    """(clitic length, unit) of a dual unit at token ``at``: "كيلوجرامين" -> kg,
    "بدولارين" -> USD."""
    _, masculine = _dual_endings()
    units_by_form = one_word_units()
    for prefix, word in view.readings(at):
        for ending in masculine:
            if word.endswith(ending) and len(word) > len(ending) + 2:
                unit = units_by_form.get(word[: -len(ending)])
                if unit is not None:
                    return prefix, unit
    return None


def _dual_reading(view: TextView, at: int, dual: bool, noun: bool = True) -> tuple[int, str] | None:
    """(clitic length, singular) of a dual of a counted noun: "عبوتين" -> "عبوه" (ة +
    تين is always a dual), "انتحاريتان" -> "انتحاري" when ``noun``, and where the word
    class reads a dual, "والقياديان" -> "قيادي"."""
    feminine, masculine = _dual_endings()
    singulars = counted_singulars()
    for prefix, word in view.readings(at):
        stem = without_article(word, keep=4)
        for ending in feminine:
            if not stem.endswith(ending):
                continue
            base = stem[: -len(ending)]
            if base + letter("ta-marbuta") in singulars:
                return prefix, base + letter("ta-marbuta")
            if base.endswith(letter("ya")) and base in singulars and noun:
                return prefix, base  # "انتحاريتان": two women of a nisba noun (انتحاري)
        if dual:
            for ending in masculine:
                if stem.endswith(ending) and stem[: -len(ending)] in singulars:
                    return prefix, stem[: -len(ending)]
    return None


@cache
def _dual_ending_re() -> re.Pattern[str]:
    """A word ending in a dual ending: the tokens worth reading as duals."""
    endings = sorted(_dual_endings()[0] + _dual_endings()[1], key=len, reverse=True)
    return re.compile("(?:" + "|".join(map(re.escape, endings)) + r")(?![^\W_])")


@cache
def _dual_endings() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Feminine (تان تين) and masculine (ان, and ين which the dual shares with the
    plural) noun endings of wordclass_affixes.tsv."""
    from marsad.arabic.wordclass_affixes import affix_rows
    from marsad.arabic.wordclass_affixes import letter as affix_letter

    rows = affix_rows()["rule_noun_ending"]
    feminine = tuple(r[0] for r in rows if r[3] == "du" and r[2] == "f")
    masculine = tuple(r[0] for r in rows if r[3] == "du" and r[2] == "m")
    oblique = tuple(
        r[0]
        for r in rows
        if r[1] == "noun" and r[2] == "m" and r[3] == "pl" and r[0][0] == affix_letter("ya")
    )
    return feminine, masculine + oblique


def _written_head(view: TextView, at: int) -> str:
    from marsad.extract.quantities.heads import _written

    return _written(view, at)


def _antecedents(quantities: list[Quantity]) -> list[Quantity]:
    """An elliptic head ("وجرح 104 آخرين"، "36 منهم") counts the noun of the nearest count
    before it in its sentence ("مقتل 32 شخصا"): that noun, as written there, is its
    subject."""
    ellipses = elliptic()
    for at, quantity in enumerate(quantities):
        if quantity.subject is None or normalize(quantity.subject) not in ellipses:
            continue
        for earlier in reversed(quantities[:at]):
            if earlier.sentence != quantity.sentence:
                break
            if earlier.subject is None or earlier.unit in unit_codes():
                continue
            noun = normalize(earlier.subject)
            if noun in ellipses:
                continue
            if noun not in category_heads():  # "مقتل 58 قتيلا وإصابة 78 آخرين": not dead
                quantity.subject, quantity.head = earlier.subject, earlier.head
            break
    return quantities


def annotate_quantities(article: Article) -> None:
    """Fill ``article.quantities`` with the figures of the text and what they count."""
    article.quantities = Reader(article).read()


def _by(view: TextView, at: int) -> bool:
    """Token ``at`` is written with the preposition ب ("بزيادة": by an increase of)."""
    return letter("ba") in view.word_class(at).proclitic
