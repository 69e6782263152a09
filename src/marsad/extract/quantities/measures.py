"""What a figure measures, by the word before it that names an attribute: "بطول 72
كيلومترا" is a length, "بتكلفة 8 مليارات دولار" a cost, "إيرادات القناة 5.3 مليار دولار"
a revenue (``measure_attributes.tsv``).

``attribute_at`` finds the attribute word; ``measured_subject`` the words that say what
the figure measures, shown as the figure's subject: the attribute and the noun it is
annexed to ("قيمة التداولات 3.9 مليار ريال"), or, when the attribute modifies the noun
before it ("صفقة قيمتها", "ارتفع المؤشر بنسبة 2%"), that noun phrase; with no attribute
word, the subject between a verb of change and the figure ("وهبط مؤشر سوق دبي 1.2 في
المائة", ``quantity_change_verbs.txt``). The corpus stage reads the same attributes (not
the verbs) to tell which figures of a story measure one thing.
"""

from __future__ import annotations

from functools import cache

from marsad.arabic.clitics import proclitic_letters
from marsad.arabic.view import TextView
from marsad.extract.lexicon import PhraseIndex, phrase
from marsad.extract.quantities.categories import crosses_clause
from marsad.extract.quantities.lexicons import variants
from marsad.extract.quantities.numbers import number_words
from marsad.resources import load_lines, load_tsv

NOTHING = "-"  # the row of words that say nothing of what is measured
LOOK_BACK = 5  # words between an attribute and its figure ("يبلغ طولها نحو 160")
_CHANGED_WORDS = 4  # words between a verb of change and its figure ("المؤشر العام لسوق أبوظبي")
_THING_WORDS = 3  # words of the noun phrase an attribute modifies ("المؤشر العام للسوق")
_NOMINAL = frozenset({"noun", "adj", "name"})


@cache
def attributes() -> PhraseIndex[str]:
    entries: list[tuple[tuple[str, ...], str]] = []
    for attribute, forms, *_ in load_tsv("measure_attributes.tsv", columns=2):
        for form in forms.split():
            entries.extend((words, attribute) for words in variants(phrase(form.replace("_", " "))))
    return PhraseIndex(entries)


def attribute_at(view: TextView, first: int) -> tuple[str, int] | None:
    """(the attribute a word nearest before token ``first`` in its clause names, the
    token that word starts at)."""
    index = attributes()
    at = first - 1
    while at >= 0 and first - at <= LOOK_BACK:
        if crosses_clause(view, at, at + 1):
            return None
        found = index.match(view, at)
        if found is not None and found.end <= first and found.value != NOTHING:
            return found.value, at
        if view.words[at][-1:].isdigit():
            return None  # another figure's words
        at -= 1
    return None


def modifies_before(view: TextView, start: int) -> bool:
    """The attribute word at token ``start`` modifies the noun before it: with a pronoun
    ("طولها"), a preposition ("بطول") or after a particle ("على طول")."""
    word = view.word_class(start)
    after_particle = start > 0 and view.word_class(start - 1).pos == "particle"
    preposition = set(word.proclitic) & proclitic_letters(kind="preposition")
    return bool(word.enclitic or preposition or after_particle)


def measured_subject(view: TextView, first: int) -> tuple[int, int] | None:
    """Token range of what the figure at token ``first`` measures (see the module doc);
    None when neither an attribute word nor a verb of change says it, or the words around
    it do not say clearly what it is of: a wrong subject misleads more than none."""
    found = attribute_at(view, first)
    if found is None:
        return _changed(view, first)
    start = found[1]
    if not modifies_before(view, start):
        return _annexed(view, start, first)
    return _modified(view, start)


def _annexed(view: TextView, start: int, first: int) -> tuple[int, int] | None:
    """The attribute noun and the definite nouns annexed to it ("قيمة التداولات", "أسعار
    النفط"); None for an attribute with none ("زيادة قدرها")."""
    if view.word_class(start).pos != "noun":
        return None  # "وعرض على فولفسبورغ": a verb's reading
    index = attributes()
    end = start + 1
    while end < first:
        word = view.word_class(end)
        said = index.match(view, end)
        if said is not None and said.value == NOTHING:
            break  # "قيمة التداولات |بلغت|"
        if crosses_clause(view, end - 1, end) or word.pos not in _NOMINAL:
            break
        if not word.definite or _has_preposition(view, end):
            break
        end += 1
    return (start, end) if end > start + 1 else None


def _modified(view: TextView, start: int) -> tuple[int, int] | None:
    """The noun phrase right before an attribute that modifies it ("ارتفع المؤشر
    بنسبة"، "قاده قطاع الفنادق والسياحة بنسبة"): it must open after a verb, a mark or
    the clause's start, and open on a definite noun, a name, or a noun annexed to one;
    not after a particle ("إلى العراق بقيمة": the aid's value, not Iraq's) nor a number
    ("207 ريال بقيمة")."""
    at = start
    while at > 0 and start - at < _THING_WORDS:
        word = view.word_class(at - 1)
        if crosses_clause(view, at - 1, at) or word.pos not in _NOMINAL:
            break
        if view.words[at - 1][-1:].isdigit() or attributes().match(view, at - 1) is not None:
            break
        at -= 1
    if at == start:
        return None
    if at > 0 and not crosses_clause(view, at - 1, at):
        before = view.word_class(at - 1)
        opening = before.pos in _NOMINAL or before.pos in ("particle", "digit", "number")
        if opening and not _after_change_verb(view, at):
            return None  # no clear opening: "في وادي العرج شمال محافظة الطائف"
        if view.words[at - 1][-1:].isdigit():
            return None
    head = view.word_class(at)
    if _has_preposition(view, at) or head.pos == "adj":
        return None
    annexed = at + 1 < start and view.word_class(at + 1).definite
    if not (head.definite or head.pos == "name" or annexed):
        return None  # "، مقارنة بأرباح"
    return at, start


@cache
def change_verbs() -> PhraseIndex[bool]:
    """Verbs of change whose subject a figure after it measures (quantity_change_verbs.txt)."""
    return PhraseIndex(
        (words, True)
        for line in load_lines("quantity_change_verbs.txt")
        for words in variants(phrase(line))
    )


def _after_change_verb(view: TextView, at: int) -> bool:
    """Token ``at`` follows a verb of change ("وتراجع| قطاع الخدمات")."""
    verb = change_verbs().match(view, at - 1) if at > 0 else None
    return verb is not None and verb.end == at


def _changed(view: TextView, first: int) -> tuple[int, int] | None:
    """The subject between a verb of change and the figure at token ``first`` with no
    attribute word ("وهبط مؤشر سوق دبي 1.2 في المائة"): a definite noun phrase, a name
    or a noun annexed to one, of ``_CHANGED_WORDS`` words at most, right after the verb."""
    start = first
    while start > 0:  # "بنحو 9 في المائة"، "قرابة 15%"، "أكثر من 1 في المائة"
        said = attributes().match(view, start - 1)
        if said is not None and (said.value != NOTHING or said.end != start):
            return None
        skipped = start - 1 if said is not None else _approximator_before(view, start)
        if skipped is None:
            break
        start = skipped
    at = start
    while not _after_change_verb(view, at):
        if at == 0 or start - at >= _CHANGED_WORDS or crosses_clause(view, at - 1, at):
            return None
        if view.words[at - 1][-1:].isdigit() or view.word_class(at - 1).pos not in _NOMINAL:
            return None
        at -= 1
    if at == start:
        return None
    head = view.word_class(at)
    if _has_preposition(view, at) or head.pos == "adj":
        return None  # "وزاد في السوق الفورية 0.3 %": where, not what
    # "مؤشر سوق دبي": an indefinite head annexed to a definite noun or a name
    annexed = any(
        view.word_class(i).definite or view.word_class(i).pos == "name"
        for i in range(at + 1, start)
    )
    return (at, start) if head.definite or head.pos == "name" or annexed else None


def _approximator_before(view: TextView, end: int) -> int | None:
    """The first token of an approximator ending right before token ``end``."""
    for at in (end - 1, end - 2, end - 3):
        found = number_words().match(view, at) if at >= 0 else None
        if found is not None and found.end == end and found.value.kind == "approx":
            return at
    return None


def _has_preposition(view: TextView, at: int) -> bool:
    return not set(view.word_class(at).proclitic).isdisjoint(proclitic_letters("preposition"))
