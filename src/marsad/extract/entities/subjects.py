"""The name that speaks: a person's name right after a reporting verb and right before
what is said ("وقال الكندي إن", "وأشار بقنة إلى أن", "وأكد علي الكندي أن"), where the
gazetteer and the model found none. Word for word it is no more than a name's shape, but
between a verb of saying and the opening of its content little else can stand.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

from marsad.arabic.clitics import proclitic_letters
from marsad.arabic.normalize import DROPPED, normalize
from marsad.arabic.view import TextView
from marsad.arabic.wordclass import WordClass, listed_classes
from marsad.extract.cues import cue_at
from marsad.extract.entities.context import EntityContext, Placed, source_span
from marsad.extract.entities.latin import attested
from marsad.extract.entities.names import (
    formula_or_count,
    inflected_word,
    name_enders,
    name_word,
    written_ta_marbuta,
)
from marsad.extract.lexicon import definite_ordinals, speaker_nouns, stopwords, titles
from marsad.model import Entity
from marsad.ner.features import common_words, strip_clitics
from marsad.resources import load_lines

SUBJECT = "subject"
_MAX_WORDS = 3
_OPENING_MARKS = frozenset(':«"“')
_COMMAS = frozenset("،,")
_SENTENCE_ENDS = frozenset(".؟?!:\n")
_DESCRIPTION_WORDS = 25
_LEXICON_SOURCES = frozenset({"lexicon", "closed-class"})  # word classes the lexicon gave


def subject_names(ctx: EntityContext) -> list[Placed]:
    """Persons named between a reporting verb and the content it opens."""
    sc, article = ctx.sc, ctx.article
    words = sc.words
    added: list[Placed] = []
    for verb, word in enumerate(words[:-1]):
        if cue_at(word) is None:
            continue
        first = verb + 1
        end = _name_end(ctx, first, added)
        if end == first:
            continue
        span = source_span(sc, first, 0, False, end)
        if article.is_boilerplate(span):
            continue
        text = span.slice(article.text)
        entity = Entity(span, text, "PER", "", rule=SUBJECT)  # named by identity
        added.append(Placed(entity, first, end))
        ctx.taken[first:end] = b"\x01" * (end - first)
    return added


def _name_end(ctx: EntityContext, first: int, added: list[Placed]) -> int:
    """The token after a name starting at ``first`` that a quote's content follows."""
    sc = ctx.sc
    words = sc.words
    if formula_or_count(sc, first):
        return first  # "يقول جل وعلا:", "قال تسعة فقط إنهم": praise of God, a count
    end = first
    while end < len(words) and end - first < _MAX_WORDS:
        word = words[end]
        # a lone family name with the article speaks too: "وقال الكندي إن"
        shaped = name_word(word, end - first) or (end == first and name_word(word, 1))
        if not shaped and end == first and _name_not_stopword(sc, end):
            shaped = True  # "وأوضح علي الكندي": Ali, which folds as the preposition على
        if ctx.taken[end] or not shaped or word in name_enders() or inflected_word(sc, end, True):
            break  # "كما أفاد لمحادثه": to the one he spoke with, no name
        if end > first and sc.gap(end - 1, end).strip():
            break
        if titles().starts(word) or speaker_nouns().starts(word) or cue_at(word):
            break
        if end == first and definite_ordinals().match(sc, end) is not None:
            break  # "وقالت الرابعة:": the fourth one, unnamed
        end += 1
    if end == first or end >= len(words):
        return first
    titled = _titled(ctx, end) and not any(_feminine_noun(sc, at) for at in range(first, end))
    described = _set_off(ctx, end) or titled
    if not _opens_content(ctx, end) and not (end - first > 1 and described):
        return first
    if end - first == 1 and not _one_word_name(sc, first, lambda: _family_names(ctx, added)):
        return first
    if end - first > 1 and not _several_word_name(sc, first, end):
        return first
    return end


@cache
def _written_stopwords() -> dict[str, frozenset[str]]:
    """Folded stopword -> the spellings the stopword list gives it."""
    found: dict[str, set[str]] = {}
    for line in load_lines("name_stopwords.txt"):
        found.setdefault(normalize(line), set()).add(DROPPED.sub("", line))
    return {folded: frozenset(forms) for folded, forms in found.items()}


def _name_not_stopword(sc: TextView, at: int) -> bool:
    """A word that folds as a function word but is written otherwise, followed by a
    name's next word ("علي الكندي": the name Ali, not على)."""
    forms = _written_stopwords().get(sc.words[at])
    if forms is None or at + 1 >= len(sc.words):
        return False
    written = sc.written_letters(at)
    return written not in forms and name_word(sc.words[at + 1], 1)


def _opens_content(ctx: EntityContext, at: int) -> bool:
    """Content opens at token ``at``: a quote opener word ("إن", "أن"), "إلى أن", or a
    colon or quote mark right before it."""
    sc = ctx.sc
    if any(mark in sc.gap(at - 1, at) for mark in _OPENING_MARKS):
        return True
    word = sc.words[at]
    if word in name_enders():
        return True
    following = at + 1 < len(sc.words) and sc.words[at + 1] in name_enders()
    return word in stopwords() and following and len(word) <= 3  # "إلى أن", "على أن"


def _set_off(ctx: EntityContext, at: int) -> bool:
    """A description set off by a comma follows the name ("وقال باتريك سكينر، مسؤول
    سابق في ...، إن"): a title, or a noun the lexicon knows, after the comma."""
    sc = ctx.sc
    if not any(mark in sc.gap(at - 1, at) for mark in _COMMAS):
        return False
    if titles().match(sc, at) is not None:
        return True  # "كشف بهاء الأعرجي، نائب رئيس الوزراء": a title says who
    found = sc.word_class(at)
    noun = found.pos == "noun" and found.source == "lexicon" and not found.proclitic
    return noun and _content_later(sc, at)


def _titled(ctx: EntityContext, at: int) -> bool:
    """An office follows the name with no comma, and what is said opens after it in the
    same sentence ("وقال علي عيدة القيادي البارز في المقاومة الشعبية: إن", "وقال لوري والاش
    مدير منظمة ... في واشنطن إن"): the name and its title in apposition."""
    sc = ctx.sc
    if sc.gap(at - 1, at) != " " or titles().match(sc, at) is None:
        return False
    if set(sc.word_class(at).proclitic) & proclitic_letters("preposition"):
        return False  # "نواقض الإسلام للشيخ": for the sheikh, no apposition
    return _content_later(sc, at, commas=False)


def _feminine_noun(sc: TextView, at: int) -> bool:
    """A word written with the feminine ending that is a noun, not a name: with the
    article ("وكيل الخارجية البحرينية السفير": an office before a title), or a common noun
    the lexicon lists with no name reading ("فترة حكم الرئيس")."""
    if not written_ta_marbuta(sc, at):
        return False
    found = sc.word_class(at)
    if found.definite:
        return True
    listed = listed_classes(sc.words[at])
    return bool(listed & {"noun", "adj"}) and "name" not in listed


def _content_later(sc: TextView, at: int, commas: bool = True) -> bool:
    """The description ends in the same sentence with what is said ("، إن"; with a comma
    before it unless ``commas`` is false)."""
    for index in range(at + 1, min(at + _DESCRIPTION_WORDS, len(sc.words))):
        gap = sc.gap(index - 1, index)
        if not commas and any(mark in gap for mark in _OPENING_MARKS):
            return True  # "القيادي في المقاومة: إن"
        if any(mark in gap for mark in _SENTENCE_ENDS):
            return False
        if sc.words[index] not in name_enders():
            continue
        if not commas or any(mark in gap for mark in _COMMAS):
            return True
    return False


def _family_names(ctx: EntityContext, added: list[Placed]) -> set[str]:
    """The last words of the persons named in full so far."""
    return {
        ctx.sc.words[item.end - 1]
        for item in [*ctx.placed, *added]
        if item.entity.type == "PER" and item.end - item.first > 1
    }


def _one_word_name(sc: TextView, at: int, family_names: Callable[[], set[str]]) -> bool:
    """A lone word as a name: the family name of someone named in full, or a word that is
    not one of the commonest of the corpus, nor a plural or a dual, nor a word the lexicon
    reads first as anything but a name. Between a verb of saying and its content such a
    word is a noun that refers back ("وقالت المحطة"، "وبينت الإحصائية", the station, the
    statistics), not a person; a surname the lexicon also knows as a noun ("بقنة"،
    "الخنجر"، "غليون") speaks as the family name of someone the article names in full."""
    word = sc.words[at]
    if word in family_names():
        return True
    if strip_clitics(word)[1] in common_words():
        return False
    found = sc.word_class(at)
    if found.number not in (None, "sg"):
        return False  # "المسؤولون" are not a name
    return _unknown_or_name(found) or _after_a_given_name(sc, at)


def _after_a_given_name(sc: TextView, at: int) -> bool:
    """The word of token ``at`` stands elsewhere in the article right after a given name
    ("برهان غليون" before "وشدد غليون"): a family name, whether or not the name in full
    was found as an entity. A given name: a word the lexicon reads first as a name, or can
    read as one and the romaniser has a spelling of; not a title ("رئيس المحطة")."""
    word, words = sc.words[at], sc.words
    if not name_word(word, 1):
        return False  # "كما فاخر خالد دائماً": an adverb after a name
    for index in range(1, len(words)):
        if index == at or words[index] != word or sc.gap(index - 1, index) != " ":
            continue
        given = words[index - 1]
        if given in stopwords() or titles().starts(given) or speaker_nouns().starts(given):
            continue
        found = sc.word_class(index - 1)
        if not found.definite and not found.proclitic and _name_reading(sc, index - 1):
            return True
    return False


def _several_word_name(sc: TextView, first: int, end: int) -> bool:
    """Words ``[first, end)`` as one name: no dual or plural among them, no article on the
    first ("الزعيمان الكرديان"، "الشاب المعتكف" are noun phrases; a name with the article
    alone, "الكندي", is a lone word), no preposition on it ("بعاطفة قوية"), and one word at
    least that reads as a name: "حصيلة رسمية"، "قوة المهام"، "صاحبة منشأة خاصة" are noun
    phrases the lexicon knows word by word."""
    opening = sc.word_class(first)
    if opening.definite or set(opening.proclitic) & proclitic_letters("preposition"):
        return False
    if not all(sc.word_class(at).number in (None, "sg") for at in range(first, end)):
        return False
    return any(_reads_as_a_name(sc, at) for at in range(first, end))


def _reads_as_a_name(sc: TextView, at: int) -> bool:
    """The lexicon does not know the word, or can read it as a name (``_name_reading``)."""
    return _unknown_or_name(sc.word_class(at)) or _name_reading(sc, at)


def _unknown_or_name(found: WordClass) -> bool:
    """A word the lexicon does not know (a foreign or rare name) or reads first as a name."""
    return found.pos == "name" or found.source not in _LEXICON_SOURCES


def _name_reading(sc: TextView, at: int) -> bool:
    """The lexicon reads the word first as a name, or can read it as one and the
    romaniser has a spelling of it ("برهان", also a noun: proof)."""
    found = sc.word_class(at)
    return found.pos == "name" or ("name" in found.alternatives and attested(sc.written(at)))
