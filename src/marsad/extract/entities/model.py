"""Names the gazetteer lacks, from the NER model."""

from __future__ import annotations

from marsad.arabic.charsets import charset
from marsad.arabic.clitics import definite_article
from marsad.arabic.view import TextView
from marsad.extract.cues import cue_tokens
from marsad.extract.entities.context import EntityContext, Placed
from marsad.extract.entities.latin import is_given_name
from marsad.extract.entities.names import formula_or_count, inflected_word
from marsad.extract.entities.short_forms import leave_short_forms
from marsad.extract.lexicon import (
    after_family,
    definite_ordinals,
    demonym_at,
    gazetteer,
    honorifics,
    name_particles,
    speaker_nouns,
    stopwords,
    titles,
)
from marsad.model import Entity, Span
from marsad.ner.features import common_words, is_currency, strip_clitics
from marsad.ner.model import tag_ranges


def model_names(ctx: EntityContext, found: list[Placed]) -> list[Placed]:
    """Names the gazetteer lacks, from the NER model run over every body sentence. A model
    span that overlaps a known name, or is a stopword, a digit string or one very common
    word is dropped: a missed name costs less than a wrong one."""
    sc, article = ctx.sc, ctx.article
    ranges = [(s.span.start, s.span.end) for s in article.sentences]
    if not ranges:
        return []
    verbs = cue_tokens()
    added: list[Placed] = []
    spans = list(tag_ranges(sc, ranges))
    for start, end, kind in spans:
        folded_start = sc.folded_index(start)
        first = sc.token_containing(folded_start)
        stop = sc.token_at(sc.folded_index(end))
        if first < 0 or stop <= first:
            continue
        if any(ctx.taken[first:stop]):
            rest = _after_known(ctx, first, stop, kind)
            if rest is None:
                continue
            first, start = rest, sc.token_start(rest)
        cut = folded_start - sc.starts[first]
        if (
            cut > 0
            and not _article_after(sc, first, folded_start)
            and not _after_proclitic(sc, first, stop, cut)
        ):
            # The model cut a letter off the word: "ف|وزي", "ك|ردستان" are names whole
            continue
        if formula_or_count(sc, first):
            continue  # "رضوان الله عليهم", "جل وعلا", "تسعة فقط": no one's name
        cut, cut_end = _before_dash(sc, article.text, first, stop, end)
        if cut < stop:  # the words after the dash are a name of their own
            spans.append((sc.token_start(cut), end, kind))
            stop, end = cut, cut_end
        stop, end = _before_honorific(sc, first, stop, end)
        if kind == "PER" and stop < len(sc.words) and after_family(sc, stop):
            stop, end = stop + 1, sc.token_end(stop)  # "عبداللطيف آل| الشيخ": the family
        trimmed = _name_start(sc, first, stop, verbs)
        if trimmed != first:
            first, start = trimmed, sc.token_start(trimmed)
        if kind == "PER":
            stop, end = _before_inflected(sc, first, stop, end)
        if first >= stop:
            continue
        if not _plausible_name(sc, first, stop) or gazetteer().match(sc, first):
            continue  # the gazetteer knows a name here and left it out on purpose
        if stop - first == 1 and demonym_at(sc, first) is not None:
            continue  # "الأفغاني" alone is the adjective: the nested pass links its country
        if all(is_currency(sc.tokens[at].text) for at in range(first, stop)):
            continue  # "دولارا"، "جنيه": a unit of money, which the figures layer reads
        noun = speaker_nouns().match(sc, first) or definite_ordinals().match(sc, first)
        if noun is not None and noun.end >= stop:
            # "سموه"، "المصدر"، "الرابعة": a word that stands for someone, not a name
            continue
        span = Span(start, end)
        text = span.slice(article.text)
        if text.split() and not article.is_boilerplate(span):
            # the Latin name is written once per person, by identity, not per mention
            added.append(Placed(Entity(span, text, kind, "", rule="ner"), first, stop))
            ctx.taken[first:stop] = b"\x01" * (stop - first)
    return leave_short_forms(sc, ctx.placed + found + added, added)


def _before_dash(sc: TextView, text: str, first: int, stop: int, end: int) -> tuple[int, int]:
    """A model span that runs over a dash between two words ends before it: "محمد حسين ــ
    جمعان الدوسري" lists two people (the folded text drops a tatweel dash)."""
    dashes = charset("range-dash")
    for at in range(first + 1, stop):
        if any(char in dashes for char in text[sc.token_end(at - 1) : sc.token_start(at)]):
            return at, sc.token_end(at - 1)
    return stop, end


def _after_known(ctx: EntityContext, first: int, stop: int, kind: str) -> int | None:
    """Where a person's name starts inside a model span that runs on from a known body
    or place ("جامعة الملك [سعود محمد الحربي]", "وسفير [فنلندا بيكا فاوتيلاينين]"): the
    first token past it, when two or more untaken tokens follow to the span's end and
    the first is no name particle or blessing ("الملك عبدالله الثاني بن الحسين" is one
    name); None otherwise."""
    taken, sc = ctx.taken, ctx.sc
    rest = first
    while rest < stop and taken[rest]:
        rest += 1
    if kind != "PER" or rest == first or stop - rest < 2 or any(taken[rest:stop]):
        return None
    known = ctx.by_end.get(rest)
    if known is None or known.entity.type not in ("ORG", "LOC"):
        return None
    if sc.words[rest] in name_particles() or honorifics().match(sc, rest) is not None:
        return None
    return rest


def _article_after(sc: TextView, first: int, folded_start: int) -> bool:
    """The model's span starts at an article inside token ``first`` ("و|الشبلي"), with
    a word of three letters after it: "ف|الح" of "فالح" is no article."""
    the = definite_article()
    rest = sc.folded[folded_start : sc.ends[first]]
    return rest.startswith(the) and len(rest) - len(the) >= 3


def _after_proclitic(sc: TextView, first: int, stop: int, cut: int) -> bool:
    """The ``cut`` letters before a model span are the proclitic the word classes read
    ("و|منيرة صالح" in a list of names, "ل|دانيال ديفو"), with a name of two words or a
    word the classes know as a name ("و|عمان"; not "ف|ريم", a verb), and a rest of three
    letters or more ("ف|الح" of "فالح" is not)."""
    found = sc.word_class(first)
    rest = sc.words[first][cut:]
    return (
        len(found.proclitic) == cut
        and len(rest) >= 3
        and not rest.startswith(definite_article())
        and (stop - first > 1 or found.pos == "name")
    )


def _before_honorific(sc: TextView, first: int, stop: int, end: int) -> tuple[int, int]:
    """Cut a span before a blessing inside it ("فيصل -رحمه الله-" -> "فيصل")."""
    for at in range(first + 1, stop):
        if honorifics().match(sc, at, clitics=False) is not None:
            return at, sc.token_end(at - 1)
    return stop, end


def _before_inflected(sc: TextView, first: int, stop: int, end: int) -> tuple[int, int]:
    """Cut a person's span before a last word that is a common word with a pronoun or a
    preposition on it ("وفق عبد الرحمن لوجودها": Abdulrahman, then "for its presence")."""
    particles = name_particles()
    while stop - first > 1 and inflected_word(sc, stop - 1):
        if sc.words[stop - 2] in particles:
            break  # "راجح بن شباب بن جروه": after بن a father's name, whatever it reads as
        stop -= 1
        end = sc.token_end(stop - 1)
    return stop, end


def _name_start(sc: TextView, first: int, stop: int, verbs: frozenset[str]) -> int:
    """The first token of a model span that belongs to the name: the model sometimes
    takes in the verb, title or kin noun before it ("يرى لانديس", "الرئيس السيسي",
    "الدكتور ...", "والد أفراح")."""
    while first < stop - 1:
        title = titles().match(sc, first, clitics=False)
        kin = speaker_nouns().match(sc, first)
        if title is not None and title.end < stop:
            first = title.end
        elif kin is not None and kin.value.kind == "kin" and kin.end < stop:
            first = kin.end  # "والد أفراح": Afrah, whose father speaks
        elif sc.words[first] in verbs or _function_word(sc, first):
            first += 1
        else:
            break
    return first


def _function_word(sc: TextView, at: int) -> bool:
    """A stopword, bare or after a clitic ("فإن", "وأن")."""
    return sc.words[at] in stopwords() or any(
        prefix and len(word) > 1 and word in stopwords() for prefix, word in sc.readings(at)
    )


def _plausible_name(sc: TextView, first: int, stop: int) -> bool:
    words = sc.words[first:stop]
    if not words or all(word.isdigit() for word in words):
        return False
    if any(
        word in stopwords() and not is_given_name(sc.written(at))
        for at, word in enumerate(words, start=first)
    ):
        return False  # "على" is no name; "علي" as written is Ali
    if len(words) == 1 and inflected_word(sc, first):
        return False
    return len(words) > 1 or strip_clitics(words[0])[1] not in common_words()
