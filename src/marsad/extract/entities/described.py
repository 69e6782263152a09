"""A definite description standing alone for a person the report named before.

"وقال الوزير الأمريكي" after "وزير الدفاع الأمريكي آشتون كارتر", "ورأى الخبير
الاستراتيجي" after "الخبير الاستراتيجي العميد المتقاعد نزار عبد القادر", "ويتابع مستشار
الجيش الليبي" after "المستشار القانوني للجيش الليبي صلاح الدين عبد الكريم": the short
form's words (their stems: no clitic, article or suffix) describe that person where the
report named them, its head heading that description; a nationality after the short
form is in the description too ("الوزير الأمريكي" is no Saudi minister). When the report
described two people so, the short form is left unresolved: a wrong name is worse than
none.

Not a description of one person: a rank or honorific shared by many (الأمير، الملك،
الشيخ), the head of a body's name (المحكمة، الحركة، المرصد), a document (البيان), a plural,
and a short form with a name after it ("السناتور توم كوتون" names someone new).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from marsad.arabic.charsets import charset, letter
from marsad.arabic.clitics import proclitic_letters
from marsad.arabic.view import TextView
from marsad.extract.entities.compose import body_head
from marsad.extract.entities.context import Placed
from marsad.extract.entities.titles import TitleMention
from marsad.extract.lexicon import demonym_at, speaker_nouns, titles

_DESCRIPTOR_REACH = 10  # words before a name that may describe the person
_QUALIFIERS = 2  # definite nouns and adjectives after the head of a short form
_OPEN_CLASSES = frozenset({"noun", "adj"})


def described_person(
    sc: TextView,
    found_titles: Sequence[TitleMention],
    placed: Sequence[Placed],
    at: int,
    before: int,
) -> tuple[str, int] | None:
    """(the person named before token ``before`` whom the definite description at token
    ``at`` stands for, the token after the description); None when it is no such
    description or no one fits."""
    short = short_form(sc, at)
    if short is None:
        return None
    stems, country, end = short
    classes = sc.word_classes
    found: list[tuple[int, str]] = []
    for title in found_titles:
        if title.person is None or title.first >= before or classes[title.first].stem != stems[0]:
            continue
        free = any(classes[k].pos == "particle" for k in range(title.first + 1, title.end))
        if not free and _describes(sc, title.first, title.end, stems, country):
            found.append((title.first, title.person))
    for item in placed:
        if item.entity.type != "PER" or item.first >= before or item.first <= at < item.end:
            continue
        if stems[0] in {classes[index].stem for index in range(item.first, item.end)}:
            continue  # the name itself holds the word ("رسول الله")
        start, bounded = _descriptor_start(sc, placed, item)
        for index in range(start, item.first):
            after = classes[index - 1] if index else None
            heads = (index == start and bounded) or (
                index > start and after is not None and after.pos not in _OPEN_CLASSES
            )
            if heads and classes[index].stem == stems[0]:  # not "مدير |المرصد|"
                # "المدير الطبي في مستشفى الدكتور سليمان الحبيب": the hospital's name
                # after a free particle, not the one the title describes
                free = any(classes[k].pos == "particle" for k in range(index + 1, item.first))
                if not free and _describes(sc, index, item.first, stems, country):
                    found.append((index, item.entity.canonical))
                break
    people = {person for _at, person in found}
    return (people.pop(), end) if len(people) == 1 else None  # two such people: no telling


def short_form(sc: TextView, at: int) -> tuple[tuple[str, ...], str | None, int] | None:
    """(the stems of a definite description opening at token ``at``, its country, the
    token after it): a definite noun ("الوزير") or one made definite by the noun after it
    ("مستشار الجيش"), with up to ``_QUALIFIERS`` definite nouns and adjectives after it
    ("الخبير الاستراتيجي") and a nationality ("الأمريكي"), followed by no name. None for
    any other word (see the module doc)."""
    classes = sc.word_classes
    word = classes[at]
    if word.pos != "noun" or not word.stem or word.number in ("du", "pl") or word.plural:
        return None
    if not set(word.proclitic) <= proclitic_letters("conjunction"):
        return None  # "للوزير" is no subject; "والوزير" may be
    if word.gender == "f" or word.stem.endswith(letter("ta-marbuta")):
        return None  # "الزيارة", "الحركة": a feminine noun is rarely the person's title
    if _shared(sc, at):
        return None
    if at > 0 and classes[at - 1].pos == "verb" and classes[at - 1].gender == "f":
        return None  # "وأوضحت المصادر": a verb before its subject agrees with it
    stems = [word.stem]
    country = None
    index = at + 1
    while index < len(sc.words) and not sc.gap(index - 1, index).strip():
        found = classes[index]
        country = demonym_at(sc, index)
        if country is not None:
            index += 1
            break
        if len(stems) > _QUALIFIERS or not found.definite or found.proclitic:
            break
        if found.pos not in _OPEN_CLASSES or not found.stem:
            break
        stems.append(found.stem)
        index += 1
    if not word.definite and len(stems) == 1:
        return None  # "مستشار" alone is no description of anyone named
    if not _subject_ends(sc, index):
        return None  # more description or a name follows: someone named here, not before
    return tuple(stems), country, index


def _subject_ends(sc: TextView, at: int) -> bool:
    """Nothing of the subject goes on at token ``at``: the text ends, a mark stands
    before it, or it is a particle, a verb or a word after a preposition ("لعكاظ")."""
    if at >= len(sc.words) or sc.gap(at - 1, at).strip():
        return True
    found = sc.word_classes[at]
    if found.pos in ("particle", "verb"):
        return True
    return not set(found.proclitic).isdisjoint(proclitic_letters("preposition"))


def _shared(sc: TextView, at: int) -> bool:
    """Token ``at`` opens a rank or honorific, a body's name or a document noun."""
    rank = titles().match(sc, at)
    if rank is not None and rank.value.kind == "rank":
        return True
    noun = speaker_nouns().match(sc, at)
    if noun is not None and noun.value.kind in ("document", "anaphor", "parties"):
        return True
    return body_head(sc.words[at]) is not None


def _describes(
    sc: TextView, first: int, end: int, stems: Sequence[str], country: str | None
) -> bool:
    """Tokens ``[first, end)`` hold every stem of the short form and its country."""
    classes = sc.word_classes
    held = {classes[index].stem for index in range(first, end)}
    if not set(stems) <= held:
        return False
    return country is None or any(demonym_at(sc, index) == country for index in range(first, end))


def _descriptor_start(sc: TextView, placed: Sequence[Placed], item: Placed) -> tuple[int, bool]:
    """(the first token that may describe the person of ``item``, whether something
    bounds it): at most ``_DESCRIPTOR_REACH`` words before the name, after any sentence
    end, colon or other person before it (bounded), or the text's start."""
    start = max(0, item.first - _DESCRIPTOR_REACH)
    bounded = start == 0
    for other in placed:
        if other.entity.type == "PER" and start <= other.end <= item.first and other is not item:
            start, bounded = other.end, True
    stops = _stops()
    for index in range(item.first - 1, start - 1, -1):
        if any(c in stops for c in sc.gap(index, index + 1)):
            return index + 1, True
    return start, bounded


@cache
def _stops() -> frozenset[str]:
    return charset("sentence-end") | frozenset(":")
