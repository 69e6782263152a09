"""A person's name the gazetteer lacks, right after a title ("قال وزير الخارجية عادل
الجبير إن"): the shape of a name's words and where it ends."""

from __future__ import annotations

from functools import cache

from marsad.arabic.charsets import charset, letter
from marsad.arabic.clitics import (
    definite_article,
    enclitics,
    enclitics_of_person,
    proclitic_letters,
    readings,
    rules,
)
from marsad.arabic.normalize import normalize
from marsad.arabic.view import TextView
from marsad.arabic.wordclass import WordClass, listed_classes
from marsad.extract.cues import cue_at
from marsad.extract.entities.compose import names_after_head
from marsad.extract.entities.context import EntityContext, Placed, source_span
from marsad.extract.entities.latin import is_given_name
from marsad.extract.entities.titles import TitleMention, past_ranks, separated
from marsad.extract.lexicon import (
    after_family,
    demonym_at,
    gazetteer,
    honorifics,
    patronymic,
    stopwords,
    titles,
)
from marsad.extract.quantities.numbers import number_words
from marsad.model import Entity
from marsad.ner.features import common_words
from marsad.resources import load_lines

_MAX_NAME_TOKENS = 4


@cache
def name_enders() -> frozenset[str]:
    """Words that may follow a name the gazetteer lacks: quote content openers, the
    same list the quote reader opens content with (quote_introducers.txt)."""
    return frozenset(normalize(line) for line in load_lines("quote_introducers.txt"))


def inflected_word(sc: TextView, at: int, after_cue: bool = False) -> bool:
    """A word the lexicon reads only as a common word with a third-person pronoun on it
    ("هويته" his identity, "وقتها" its time, "بقوله") or after a preposition letter
    ("بطريقة علمية", "للصحافة"): no name alone. Names that end as a pronoun would (حمزه،
    طلحه with ة folded) have a name reading and stay. After a preposition the rest must be
    a common word, since foreign names open on ب، ل، ك too (لاريجاني، باندرا، كروج); right
    after a verb of saying (``after_cue``) any noun after ل will do: "أفاد لمحادثه" is
    whom he told."""
    found = sc.word_class(at)
    if found.source != "lexicon" or "name" in found.alternatives:
        return False
    if found.enclitic in enclitics_of_person(3):
        # right after a verb of saying, a name may end in a written ta marbuta ("وقال
        # علي عيدة"); elsewhere the folded reading stands
        return not (after_cue and _written_feminine(sc, at, found))
    if proclitic_letters("preposition").isdisjoint(found.proclitic):
        return False
    # after a verb of saying ل says to whom ("أفاد لمحادثه"); ب may open a name there
    # ("وأشار بقنة إلى أن")
    told = after_cue and found.proclitic.endswith(letter("la"))
    return found.pos in ("noun", "adj") and (told or found.stem in common_words())


def _written_feminine(sc: TextView, at: int, found: WordClass) -> bool:
    """The "pronoun" is a ta marbuta as written on a word without the article that the
    lexicon lists as no common noun ("عيدة" folds as عيد + ه, his feast): a feminine
    ending, no pronoun."""
    ta_marbuta = letter("ta-marbuta")
    if found.enclitic != ta_marbuta or found.definite:
        return False  # "الخارجية": a definite feminine noun, no name
    if listed_classes(found.stem + ta_marbuta) & {"noun", "adj"}:
        return False  # "فترة": the common noun as written
    return written_ta_marbuta(sc, at)


def written_ta_marbuta(sc: TextView, at: int) -> bool:
    """Token ``at`` ends in ta marbuta as written (folding makes it ه)."""
    return sc.written_letters(at).endswith(letter("ta-marbuta", folded=False))


def formula_or_count(sc: TextView, at: int) -> bool:
    """A blessing or the praise of God (name_honorifics.txt: "رضوان الله عليهم"، "جل
    وعلا") or a number word ("تسعة فقط") opens at token ``at``: no one's name."""
    return (
        honorifics().match(sc, at, clitics=False) is not None
        or number_words().match(sc, at) is not None
    )


def name_word(word: str, position: int) -> bool:
    """Can ``word`` be word ``position`` of a person's name? Rules out common shapes of
    other words: pronoun endings ("تجزيهم"), a fused لل, an accusative adverb ("أخيرا")."""
    if word in stopwords() or not word.isalpha() or len(word) < 2:
        return False
    if (word.endswith(enclitics("not-a-name")) and len(word) > 4) or word.startswith(
        rules().fused_article
    ):
        return False
    if position == 0:
        return not word.startswith(definite_article())
    accusative = word.endswith(letter("alef")) and len(word) >= 5
    clitic_word = word[0] in proclitic_letters(use="opens-a-word") and len(word) >= 5
    return not accusative and not clitic_word


_VERB_ONLY = frozenset({"verb"})


def _has_name_word(sc: TextView, first: int, end: int) -> bool:
    """Some word of ``[first, end)`` can be a name: one the lexicon reads as a name, or
    does not know (a foreign name, a rare one); not only common words ("الرئيس الشاب
    قدم رؤية مختلفة")."""
    return any(_name_like(sc, at) for at in range(first, end))


def _speaks(ctx: EntityContext, mention: TitleMention, end: int) -> bool:
    """The titled name is the subject of a verb of saying, right before the content it
    opens ("وقال مخرج المسرحية فطيس بقنة إن"): there a name of common words is still a
    name, as between verb and content little else can stand."""
    words = ctx.sc.words
    if mention.first == 0 or end >= len(words) or words[end] not in name_enders():
        return False
    return cue_at(words[mention.first - 1]) is not None


def _unknown_name(ctx: EntityContext, at: int, after_title: bool = False) -> int:
    """End token of a plausible person's name starting at ``at`` (``at`` when none);
    ``after_title``: right after a definite title, where an indefinite nationality word
    that is a given name opens the name ("الدكتور تركي العيار")."""
    words = ctx.sc.words
    end = at
    while end < len(words) and end - at < _MAX_NAME_TOKENS:
        word = words[end]
        # a given name written as one ("ابوبكر علي،"), though it folds as a preposition
        # (the first word too: "علي عيدة" is a name, though علي folds as the preposition)
        named = name_word(word, end - at) or is_given_name(ctx.sc.written(end))
        if ctx.taken[end] or not named or word in name_enders():
            break  # "اندي بيرك |بأنه": what opens a quote's content ends the name
        if ctx.sc.word_class(end).alternatives == _VERB_ONLY:
            break  # "ربيعة |كتبت بعناية": a word with no reading but a verb's
        if end == at and after_title and _joined_given_name(ctx.sc, end):
            break  # "، وصقر الجروشي": و and the name Saqer, not a name "Wasaqar"
        if end == at and (
            _nationality(ctx.sc, end, after_title) or _starts_phrase(word) or patronymic(word)
        ):
            break  # "بن علي القرني" is the end of a name whose start is elsewhere
        if end > at and ctx.gap(end - 1, end) != " ":
            break
        title = titles().match(ctx.sc, end, clitics=False)
        if title is not None and not after_family(ctx.sc, end):
            break
        if honorifics().match(ctx.sc, end, clitics=False) is not None:
            break
        end += 1
        if word.startswith(definite_article()) and end - at >= 2:
            break  # a family name with the article ends the name: "ثابت العباسي"
    if end - at < 2:
        return at
    # The name must end where the clause does: punctuation, the end of the text, or the
    # content of a quote ("قال وزير الخارجية عادل الجبير إن"). A looser boundary lets
    # common words pass for names ("رئيس أركان الجيش لعقد محادثات").
    if end < len(words):
        gap = ctx.gap(end - 1, end).strip()
        # a detached ل opens whom the speaker told: "علي عيدة لـ"الرياض" ان"
        told = words[end] == letter("la") and end + 1 < len(words)
        # ... or a title set after the name: "تركي العيار |الملحق الثقافي بالسفارة"
        apposed = _office_after(ctx.sc, end)
        if gap == "" and words[end] not in name_enders() and not told and not apposed:
            return at
        if apposed and gap == "":  # "|مستشارة| المدير", "غندور |بحضور| الرئيس"
            while end - at > 2 and _no_name_end(ctx.sc, end - 1):
                end -= 1
            if _no_name_end(ctx.sc, end - 1):
                return at
        if gap and all(mark in charset("name-quotes") for mark in gap):
            # a quoted word follows, not the clause's end: the name ends at its last
            # word that can be a name ("وسام حمدان |جدارة "الأخضر" بصدارة")
            while end - at > 2 and not _name_like(ctx.sc, end - 1):
                end -= 1
            if not _name_like(ctx.sc, end - 1):
                return at
    return end


_ANNEXED = 3  # nouns of an annexation chain read for its definite end


def _office_after(sc: TextView, end: int) -> bool:
    """A definite office set after the name ending before token ``end`` ("الرائد علي
    عجمي |مدير إعلام شرطة المحافظة|"): the name's end, as a comma would be."""
    if end >= len(sc.words) or sc.gap(end - 1, end).strip():
        return False
    office = titles().match(sc, end, clitics=False)
    return (
        office is not None
        and office.value.kind != "rank"
        and _definite_phrase(sc, end)
        and not after_family(sc, end)
        and not patronymic(sc.words[end - 1])  # "مسفر بن |سفير|": a name, not a title
    )


def _definite_phrase(sc: TextView, at: int) -> bool:
    """The noun at token ``at`` is definite, by its article or by the definite noun its
    chain of annexed nouns ends in ("مدير الإعلام", "مدير إعلام شرطة المحافظة")."""
    for index in range(at, min(len(sc.words), at + _ANNEXED + 1)):
        found = sc.word_class(index)
        if found.definite:
            return True
        if (
            found.pos != "noun"
            or found.proclitic
            or (index > at and sc.gap(index - 1, index).strip())
        ):
            return False
    return False


def _nationality(sc: TextView, at: int, after_title: bool) -> bool:
    """Token ``at`` is a nationality word, and not, after a title, the given name it
    also spells: "الدكتور تركي" is Turki."""
    if demonym_at(sc, at) is None:
        return False
    return not (after_title and is_given_name(sc.written(at)) and not sc.word_class(at).definite)


def _joined_given_name(sc: TextView, at: int) -> bool:
    """Token ``at`` is a conjunction glued to a given name ("وصقر")."""
    written = sc.written(at)
    return (
        written[:1] in proclitic_letters("conjunction")
        and not is_given_name(written)
        and is_given_name(written[1:])
    )


def _no_name_end(sc: TextView, at: int) -> bool:
    """A word no name ends on before a title: an indefinite common noun in ة ("مستشارة",
    not "حمزة" or "البنيان") or a word after a preposition ("بحضور")."""
    found = sc.word_class(at)
    if found.source != "lexicon" or is_given_name(sc.written(at)):
        return False
    if not set(found.proclitic).isdisjoint(proclitic_letters("preposition")):
        return True
    return (
        found.pos == "noun" and not found.definite and sc.words[at].endswith(letter("ta-marbuta"))
    )


def _name_like(sc: TextView, at: int) -> bool:
    found = sc.word_class(at)
    return "name" in found.alternatives or found.source != "lexicon"


def _starts_phrase(word: str) -> bool:
    """A clitic word whose rest begins a known name or title: "لمجلس" (ل + مجلس ...)."""
    for prefix, rest in readings(word)[1:]:
        if prefix and (gazetteer().starts(rest) or titles().starts(rest)):
            return True
    return False


def _carries_preposition(ctx: EntityContext, at: int) -> bool:
    word = ctx.sc.words[at]
    prepositions = proclitic_letters("preposition")
    return word[0] in prepositions and any(p == 1 for p, _ in ctx.sc.readings(at)[1:])


_MAX_BODY_TOKENS = 5


def _after_body(ctx: EntityContext, at: int) -> int | None:
    """The token after the body of an office that opens at token ``at`` where a given
    name starts (a word the word classes know as a name), within a few words with no
    punctuation, verb or title between; None when there is none."""
    sc = ctx.sc
    if not sc.word_class(at).proclitic:
        return None
    for index in range(at + 1, min(len(sc.words), at + 1 + _MAX_BODY_TOKENS)):
        if ctx.gap(index - 1, index) != " ":
            return None
        found = sc.word_class(index)
        if found.pos == "verb" or titles().match(sc, index, clitics=False) is not None:
            return None
        if found.pos == "name" and not found.proclitic and not ctx.taken[index]:
            return past_ranks(sc, index)
    return None


def names_after_titles(ctx: EntityContext, mentions: list[TitleMention]) -> list[Placed]:
    """Persons the gazetteer lacks, named right after a title."""
    added: list[Placed] = []
    for mention in mentions:
        if mention.person is not None or mention.end >= len(ctx.sc.tokens):
            continue
        at = mention.end
        if at == 0 or not separated(ctx, at - 1, at):
            continue
        if mention.first > 0 and names_after_head(ctx.sc.words[mention.first - 1]):
            continue  # "مطار الملك خالد الدولي": a place named after someone
        at = past_ranks(ctx.sc, at)
        if at >= len(ctx.sc.tokens):
            continue
        if _carries_preposition(ctx, at) and ctx.sc.word_class(at).pos != "name":
            # "المدير التنفيذي لسوق عكاظ": the body of an office, not a person; the
            # holder may be named after it ("الناطق الإعلامي بصحة عسير سعيد النقير أن")
            found = _after_body(ctx, at)
            if found is None:
                continue
            at = found
        opening = ctx.sc.word_class(at)
        if opening.pos == "particle" and not is_given_name(ctx.sc.written(at)):
            continue  # "مخرج مثل أليخاندرو": a director like him, not one named so
        if opening.proclitic and opening.pos != "name":
            continue  # "القيادي في تنظيم داعش، واعتقال آخرين": و + a noun opens no name
        end = _unknown_name(ctx, at, after_title=True)
        name = ctx.sc.token_span(at, end) if end > at else None
        if name is not None and any(name.overlaps(t.span) for t in ctx.article.timexes):
            continue  # "مأمون حميدة مارس الماضي": a date is no part of a name
        named = _has_name_word(ctx.sc, at, end) or _speaks(ctx, mention, end)
        if end == at or not (named or _office_after(ctx.sc, end)):
            continue
        span = source_span(ctx.sc, at, 0, False, end)
        if ctx.article.is_boilerplate(span):
            continue
        text = span.slice(ctx.article.text)
        entity = Entity(span, text, "PER", "", rule="translit")  # named by identity
        added.append(Placed(entity, at, end))
        ctx.taken[at:end] = b"\x01" * (end - at)
    return added
