"""Quotes: a reporting verb (cue), who speaks, and the content it reports.

For each reporting verb (cues.py) in a body sentence:
- the speaker is parsed right after the verb ("قال وزير الدفاع الأمريكي لويد ج. أوستن",
  "أكد جون كيربي، المتحدث باسم ...", "وأكد البيان", "وأفاد مسؤول في البنتاغون") or, for a
  verb without و, at the start of the sentence ("بيان وزارة الخارجية العراقية لفت");
- the content opens with أن/إن/بأن, a colon or a quote mark within a few words; a statement
  as speaker may also report a noun phrase ("وأكد البيان إطلاق اللجنة");
- the one told is passed over ("قال لرويترز"، "قال له"، "لـ«الشرق الأوسط»"): never the
  speaker, who may follow it ("قال لرويترز مسؤول أمريكي");
- with no speaker written ("وأضاف أن"، "كما أكد أن"), the last speaker goes on
  (``implicit``); but a bare verb after its own subject ("لكن طهران تقول"، "وكان المعلم
  أكد"، "ليفني، ...، التي أشارت") takes that subject, and a subject that is not a known
  speaker ("المراقبون يؤكدون أن") leaves the speaker unknown, never the previous one
  (quote_before_verb.tsv).

A statement ("البيان") stands for whoever issued it: the body named with it ("بيان وزارة
الخارجية"), the speaker who spoke "في بيان", or a joint statement named by its parties'
countries ("US-Iraq joint statement"). Nothing found leaves the speaker None.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from functools import cache, cached_property
from itertools import compress

from marsad.arabic.charsets import chars, letter
from marsad.arabic.clitics import (
    definite_article,
    proclitic_letters,
    readings,
    rules,
    without_article,
)
from marsad.arabic.normalize import normalize
from marsad.arabic.wordclass import classify
from marsad.arabic.wordclass_affixes import affix_rows
from marsad.extract.cues import Cue, cue_at, cue_tokens, participle_forms
from marsad.extract.entities import EntityContext, Placed, TitleMention, context, find_titles
from marsad.extract.entities.called import naming_words
from marsad.extract.entities.compose import body_head
from marsad.extract.entities.context import source_span
from marsad.extract.entities.described import described_person
from marsad.extract.entities.heads import heads
from marsad.extract.lexicon import (
    Match,
    body_links,
    countries,
    definite_ordinals,
    demonym_at,
    lexicon_glossary,
    nisba_endings,
    outlet_nouns,
    quote_attributions,
    quote_resumptives,
    short_name,
    speaker_nouns,
    speaker_words,
    stopwords,
    titles,
)
from marsad.model import Article, Quote, Span
from marsad.ner.features import common_words
from marsad.resources import load_lines, load_tsv

_NOMINAL = frozenset({"noun", "adj", "name"})
_PHRASE_WORDS = 8  # the longest subject read as a phrase no lexicon knows
_PHRASE_GAP = frozenset(' \t\u00a0«»"“”')  # between its words: spaces and quote marks
_OPENERS = {"“": "”", "«": "»", '"': '"', "”": "”"}
# speakers shown in Arabic as written when no entity names them ("التقرير", "الوزارة")
_WRITTEN_KINDS = frozenset({"unnamed", "title", "document", "anaphor"})
_MARKS = "".join(sorted({*_OPENERS, *_OPENERS.values()})) + " "
_INTRODUCER_WINDOW = 14  # words between the verb (or its speaker) and the content
_PLACE_WINDOW = 24  # ... when a named speaker is followed by where he spoke ("في مؤتمر")
_SPEAKER_TYPES = frozenset({"PER", "ORG", "LOC"})
_PASSED = frozenset({"carry", "connector", "clause"})  # words before a stretch's subject
UNNAMED = "(unnamed)"  # how the label of a speaker no name was read for ends


_NOMINAL_RUN = 6  # tokens of a noun phrase an office after a name may run on over
_SAYING_BACK = 12  # tokens from a saying ("قوله") back to the "عن" before its speaker
_GROUP_WORDS = 4  # words of the group after "أحد" ("أحد الدبلوماسيين الإيرانيين")
_NAMED_BY_NOUN = 6  # tokens from an unnamed-speaker noun within which its name may start


@cache
def _introducers() -> frozenset[str]:
    return frozenset(normalize(line) for line in load_lines("quote_introducers.txt"))


@cache
def _nonsubjects() -> frozenset[str]:
    return frozenset(normalize(line) for line in load_lines("quote_nonsubjects.txt"))


@cache
def _nonagents() -> frozenset[str]:
    return frozenset(normalize(line) for line in load_lines("quote_nonagents.txt"))


@cache
def _fillers() -> frozenset[str]:
    return frozenset(normalize(line) for line in load_lines("quote_fillers.txt"))


@cache
def _addressees() -> frozenset[str]:
    """ "له"، "للصحفيين"، "لوكالة": to whom the statement was made (never its speaker)."""
    return frozenset(normalize(line) for line in load_lines("quote_addressees.txt"))


@cache
def _sayings(kind: str) -> frozenset[str]:
    """Folded words of quote_sayings.tsv of one kind: "saying" (قوله) or "from" (عن)."""
    rows = load_tsv("quote_sayings.tsv", columns=2)[1:]  # a header row first
    return frozenset(normalize(word) for word, row_kind, *_ in rows if row_kind == kind)


@cache
def _before_verb() -> dict[str, str]:
    """Word before a bare reporting verb -> "carry" or "relative" (quote_before_verb.tsv)."""
    rows = load_tsv("quote_before_verb.tsv", columns=2)[1:]  # a header row first
    return {normalize(word): kind for word, kind, *_ in rows}


@cache
def _editorial() -> frozenset[str]:
    """ "يذكر أن": the outlet's background note when no subject stands before "أن"."""
    return frozenset(normalize(line) for line in load_lines("quote_editorial.txt"))


@cache
def _subject_proclitics() -> frozenset[str]:
    """No proclitic, or only و/ف: a subject takes no preposition."""
    return frozenset({"", *proclitic_letters("conjunction")})


@cache
def _nominative_plural() -> str:
    """The folded ending of the masculine sound plural in the nominative (ون)."""
    return next(row[1] for row in affix_rows()["sound"] if row[0] == "masculin_plural")


@cache
def _unnamed_nouns() -> dict[str, str]:
    """Folded one-word unnamed speaker nouns -> their English noun ("مصدر" -> "source")."""
    rows = load_tsv("speaker_nouns.tsv", columns=2)
    return {normalize(row[0]): row[2] for row in rows if row[1] == "unnamed" and len(row) > 2}


@cache
def _anonymous_nouns() -> frozenset[str]:
    """Folded unnamed speaker nouns that keep their holder unnamed ("مصدر", "مسؤول")."""
    rows = load_tsv("speaker_nouns.tsv", columns=2)
    return frozenset(normalize(row[0]) for row in rows if row[3:4] == ("anonymous",))


def _same_office(role: str | None, office: str, body: set[str]) -> bool:
    """``role`` is ``office`` of a body whose words hold, or are held by, ``body``."""
    their_office, _of, their_body = (role or "").partition(" of ")
    if their_office != office or not their_body:
        return False
    theirs = set(their_body.split())
    return theirs <= body or body <= theirs


@dataclass(slots=True)
class _Speaker:
    label: str | None
    span: Span | None
    end: int  # token after the speaker phrase
    kind: str  # entity | title | document | parties | anaphor | unnamed | unknown
    feminine: bool = False
    described: Span | None = None  # where an unnamed speaker was described, when earlier


# how the n-th unnamed speaker of a report is shown
_ORDINAL_WORDS = [
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
    "twentieth",
]


def _english_ordinal(value: int) -> str:
    if 1 <= value <= len(_ORDINAL_WORDS):
        return _ORDINAL_WORDS[value - 1]
    return f"{value}th"


@dataclass(slots=True)
class _State:
    """What the article has said so far: the last speaker, the last statement's issuer."""

    last: _Speaker | None = None
    issuer: str | None = None
    joint: bool = False
    unnamed: dict[str, _Speaker] = field(default_factory=dict)  # English noun -> the last
    # the person the sentence just read opened on as the subject of a verb that reports
    # nothing ("هنأ الدكتور ... الطلاب."), and that verb's token: who a bare "وقال" in the
    # next sentence is
    scene: tuple[_Speaker, int] | None = None


class _Reader:
    def __init__(self, article: Article) -> None:
        self.article = article
        self.ctx: EntityContext = context(article)
        self.sc = self.ctx.sc
        self.tokens = self.sc.tokens
        self.title_list = find_titles(article, self.ctx)
        self.titles: dict[int, TitleMention] = {t.first: t for t in self.title_list}
        self.state = _State()
        self.unknown_subject = False  # set by quote_at for the quote it returns
        self.marker_starts: list[int] = []  # tokens where a quote_attributions marker may start
        self.saying_at: list[int] = []  # tokens of a saying ("قوله"): quote_sayings.tsv
        self.identities: dict[str, tuple[str, str, str]] = {}  # canonical -> (type, ar, id)
        for item in self.ctx.placed:
            found = item.entity
            self.identities.setdefault(found.canonical, (found.type, found.canonical_ar, found.id))

    # -- helpers over tokens -------------------------------------------------------------

    def span(self, first: int, end: int) -> Span:
        return self.sc.token_span(first, end)

    def gap(self, left: int, right: int) -> str:
        """Folded text between token ``left`` and token ``right``."""
        return self.sc.folded[self.sc.ends[left] : self.sc.starts[right]]

    def in_timex(self, at: int) -> bool:
        return self.ctx.in_timex(at)

    def skip_fillers(self, at: int, end: int) -> int:
        while at < end and (self.sc.words[at] in _fillers() or self.in_timex(at)):
            at += 1
        return at

    def token_range(self, span: Span) -> tuple[int, int]:
        folded_start, folded_end = self.sc.folded_range(span)
        return self.sc.token_at(folded_start), self.sc.token_at(folded_end)

    # -- speakers ------------------------------------------------------------------------

    def joint_label(self, parties: set[str]) -> str:
        ordered = sorted(parties, key=lambda name: countries()[name].order)
        if len(ordered) < 2:
            return "joint statement"
        return "-".join(countries()[name].short for name in ordered) + " joint statement"

    def demonyms_from(self, at: int, end: int) -> tuple[set[str], int]:
        parties: set[str] = set()
        while at < end:
            country = demonym_at(self.sc, at)
            if country is None:
                break
            parties.add(country)
            at += 1
        return parties, at

    def parties_between(self, first: int, end: int) -> set[str]:
        """Countries named or implied (adjectives, country names) in tokens [first, end)."""
        parties = set()
        for at in range(first, end):
            country = demonym_at(self.sc, at)
            if country is not None:
                parties.add(country)
        for item in self.ctx.placed:
            if first <= item.first < end and item.entity.canonical in countries():
                parties.add(item.entity.canonical)
        return parties

    def person_with_role(self, role: str, before: int) -> str | None:
        """The person the article gave this role; else the last one before token
        ``before`` whose role is it with a nationality ("وزير الخارجية" after "وزير
        الخارجية القطري خالد العطية")."""
        for item in self.ctx.placed:
            if item.entity.type == "PER" and item.entity.role == role:
                return item.entity.canonical
        for item in reversed(self.ctx.placed):
            found = item.entity.role or ""
            if item.first < before and item.entity.type == "PER" and found.endswith(" " + role):
                return item.entity.canonical
        # one office of a body named shorter or longer ("Director General of Organization",
        # "... of Grain Silos and Flour Mills Organization"): the only such person before
        office, _of, body = role.partition(" of ")
        if not body:
            return None
        wanted = set(body.split())
        people = {
            item.entity.canonical
            for item in self.ctx.placed
            if item.first < before
            and item.entity.type == "PER"
            and _same_office(item.entity.role, office, wanted)
        }
        return people.pop() if len(people) == 1 else None

    def quoted_subject(self, at: int, end: int) -> _Speaker | None:
        """ "قال «المرصد السوري لحقوق الإنسان»: إنه": a known name in quote marks right
        after the verb, the marks closing right after it and the content opening there
        (a colon, أن/إن), is the subject, not the start of what is said."""
        found = self.entity_at(at)
        if found is None or found[1] >= end:
            return None
        canonical, stop, kind = found
        opening = next((c for c in self.gap(at - 1, at) if c in _OPENERS), None)
        if opening is None or _OPENERS[opening] == opening:
            return None  # a straight '"' closing the name would open the content too
        closing = _OPENERS[opening]
        if closing not in self.gap(stop - 1, stop) or self.content_after(stop, end, True) is None:
            return None
        return _Speaker(canonical, self.span(at, stop), stop, "entity", kind == "ORG")

    def is_person(self, label: str | None) -> bool:
        """``label`` names a person of this article (not a body, place or no one)."""
        known = self.identities.get(label) if label is not None else None
        return known is not None and known[0] == "PER"

    def entity_at(self, at: int) -> tuple[str, int, str] | None:
        item = self.ctx.by_first.get(at)
        if item is None or item.entity.type not in _SPEAKER_TYPES:
            return None
        return item.entity.canonical, item.end, item.entity.type

    def one_of_speaker(self, at: int, end: int) -> _Speaker | None:
        """ "وقال أحد المسؤولين"، "ويقول أحد الدبلوماسيين الإيرانيين": one of a group,
        unnamed, unless the person is named after it ("أحد سكان سوروتش ويدعى محمد
        جيليك"); the group's English from the unnamed speaker nouns, else "person"."""
        marker = speaker_words("one-of").match(self.sc, at)
        if marker is None or marker.end >= end:
            return None
        named = self.named_after(marker.end, end)
        if named is not None:
            return self.person_speaker(named)
        stop = marker.end
        while stop < end and stop - marker.end < _GROUP_WORDS and self.group_word(stop):
            stop += 1
        if stop == marker.end:
            return None
        head = self.sc.words[marker.end]
        group = _unnamed_nouns().get(without_article(head)) or _unnamed_nouns().get(head)
        label = f"one of the {group} {UNNAMED}" if group else f"person {UNNAMED}"
        return _Speaker(label, self.span(at, stop), stop, "unnamed")

    def some_of_speaker(self, at: int, end: int) -> _Speaker | None:
        """ "وأكد عدد من المتخصصين أن"، "وزعم بعض المسؤولين الإيرانيين أن": some of a
        group of persons, unnamed. The group is an unnamed speaker noun ("بعض الخبراء",
        "بعض وسائل الإعلام") or a masculine sound plural, the grammar's mark of persons;
        "وفق مجموعة من الإجراءات" names no one who speaks. In English by the speaker noun,
        else shown as written only."""
        marker = speaker_words("some-of").match(self.sc, at)
        if marker is None or marker.end >= end:
            return None
        head = marker.end
        noun = speaker_nouns().match(self.sc, head)
        if noun is not None and noun.value.kind == "unnamed" and noun.end <= end:
            speaker = self.unnamed_speaker(head, noun.end, end, noun.value.value)
        else:
            found = self.sc.word_class(head)
            english = _unnamed_nouns().get(without_article(self.sc.words[head]))
            persons = english is not None or (found.plural == "sound" and found.gender == "m")
            if found.pos not in ("noun", "adj") or not persons or found.proclitic:
                return None
            speaker = self.unnamed_speaker(head, head + 1, end, english)
        return replace(speaker, span=self.span(at, speaker.end))

    def group_word(self, at: int) -> bool:
        """Token ``at`` goes on describing a group ("الدبلوماسيين الإيرانيين"): a noun,
        adjective or name right after the word before, not what opens the content."""
        word = self.sc.words[at]
        if self.gap(at - 1, at).strip() or word in _introducers() or cue_at(word):
            return False
        return self.sc.word_class(at).pos in ("noun", "adj", "name", "unknown")

    def topic_verb(self, k: int, first: int, prefix: int) -> bool:
        """The verb at token ``k`` carries ف and its sentence opens with a clause word
        (quote_before_verb.tsv): "أما ... فقال"."""
        if prefix != 1 or k <= first + 1 or self.sc.word_class(k).proclitic != letter("fa"):
            return False
        return _before_verb().get(self.sc.words[first]) == "clause"

    def group_speaker(self, at: int, end: int) -> _Speaker | None:
        """ "وقال المتظاهرون إن", "ويقول منتقدون لتركيا إن": a masculine sound plural in
        the nominative (-ون) as the verb's subject is people who speak unnamed: that plural
        is the grammar's mark of persons. Shown in English by the lexicon's gloss where it
        is sure of one ("demonstrators (unnamed)"), else as written only."""
        found = self.sc.word_class(at)
        if (
            found.pos not in ("noun", "adj")
            or "verb" in found.alternatives
            or found.proclitic not in _subject_proclitics()
            or found.enclitic
            or found.plural != "sound"
            or found.gender != "m"
            or not found.stem.endswith(_nominative_plural())
        ):
            return None
        gloss = lexicon_glossary().get(found.stem)
        english = gloss[1] if gloss is not None and gloss[0] == "noun" else None
        speaker = self.unnamed_speaker(at, at + 1, end, english)
        if found.proclitic:  # "والمتظاهرون": not its و
            span = source_span(self.sc, at, len(found.proclitic), False, speaker.end)
            speaker = replace(speaker, span=span)
        return speaker

    def phrase_speaker(self, at: int, end: int) -> _Speaker | None:
        """ "وصرح مندوب ثان بأنه", "وقالت ممثلة الهند إنها", "أكد الطلاب المتضررون من
        إلغاء «التعليم الموازي» أن": a noun phrase no lexicon knows, filling the place
        between the verb and its content, is the verb's subject: shown as written, its
        English unknown. It opens on a noun or a name, goes on in nouns, adjectives and
        names (a link word such as "لدى" between them), and ends where the content opens,
        past a time ("أعلنت اجهزة الامن الروسية، اليوم (الاحد)، أنّها")."""
        sc = self.sc
        verb = at - 1
        describing = (
            verb > 0
            and cue_at(sc.words[verb]) is not None
            and not sc.word_class(verb).proclitic
            and not self.gap(verb - 1, verb).strip()
            and self.nominal(verb - 1)
        )
        if describing:
            return None  # "دبلوماسي يتابع الأحداث": a verb describing the noun before it
        head = sc.word_class(at)
        if head.pos not in _NOMINAL or sc.words[at] in stopwords() or head.enclitic:
            return None  # a participle heads one too: "ناطق بلسان الجيش"
        if head.proclitic not in _subject_proclitics() or sc.words[at - 1] in _nonsubjects():
            return None  # "يقول للتحالف", "وقالوا لـ«المدينة»", "بشكل واضح": no subject
        stop = at + 1
        core: int | None = None  # where the speaker ends, before a phrase of where or when
        while stop < end and stop - at < _PHRASE_WORDS:
            gap = self.gap(stop - 1, stop)
            if any(char not in _PHRASE_GAP for char in gap) or self.in_timex(stop):
                break
            word = sc.words[stop]
            if word in body_links() and stop + 1 < end:
                if core is None and self.ctx.by_first.get(stop + 1) is None:
                    core = stop  # "في بداية الاستقبال": where or when, unless a body
                stop += 1
                continue
            if word in stopwords() or cue_at(word) or word in _introducers():
                break
            if word in _nonsubjects() or word in participle_forms():
                break  # "حديثه قائلا": the participle goes on to the content
            if not self.nominal(stop):
                break
            if speaker_words("statement").match(sc, stop) is not None:
                break  # "في بيان": where it was said, not who
            stop += 1
        if sc.words[stop - 1] in body_links():
            stop -= 1
        if any(self.person_from(i) for i in range(at, stop)):
            return None  # "ويرى القاص صلاح القرشي": the person, read by the named paths
        opening = self.skip_fillers(stop, end)
        if opening + 1 < end and sc.words[opening] in body_links():
            said = speaker_words("statement").match(sc, opening + 1)  # "في بيان"
            opening = self.skip_fillers(said.end, end) if said is not None else opening
        if stop >= end or self.content_after(opening, end, True) is None:
            return None  # the phrase does not reach the content: not surely the subject
        speaker = core if core is not None and core < stop else stop
        if speaker == at + 1 and head.pos != "name" and not head.definite:
            return None  # "وأكد ضرورة أن": one indefinite noun is what is said, not who
        return _Speaker(None, self.span(at, speaker), stop, "unnamed")

    def person_from(self, at: int) -> bool:
        item = self.ctx.by_first.get(at)
        return item is not None and item.entity.type == "PER"

    def nominal(self, at: int) -> bool:
        """Token ``at`` may be a noun, an adjective or a name: so read, or read so among
        others ("ثان"), or carrying the article, which no verb does ("الامن")."""
        found = self.sc.word_class(at)
        if found.pos in ("noun", "adj", "name", "unknown") or found.alternatives & _NOMINAL:
            return True
        return found.definite or self.sc.words[at].startswith(definite_article())

    def ordinal_speaker(self, at: int, end: int) -> _Speaker | None:
        """ "وقالت الرابعة:": an ordinal standing alone before the content is the n-th of
        the people a report lets speak in turn, unnamed (never a name "Al-Rabaa")."""
        found = self.ordinal_at(at)
        if found is None or found.end >= end or len(self.turns) < 2:
            return None  # one alone may be "the former" or "the ancients" ("قال الأُوَل:")
        label = f"{_english_ordinal(found.value)} speaker {UNNAMED}"
        return _Speaker(label, self.span(at, found.end), found.end, "unnamed")

    def ordinal_at(self, at: int) -> Match[int] | None:
        """A definite ordinal at token ``at`` with a colon or quote mark after it."""
        found = definite_ordinals().match(self.sc, at)
        if found is None or found.end >= len(self.sc.words):
            return None
        if not any(c == ":" or c in _OPENERS for c in self.gap(found.end - 1, found.end)):
            return None
        return found

    @cached_property
    def turns(self) -> frozenset[int]:
        """The values of the ordinals that speak right after a reporting verb ("قالت
        الأولى: ... وقالت الثانية:"): people a report lets speak in turn, two at least."""
        words = self.sc.words
        return frozenset(
            found.value
            for at in range(1, len(words))
            if cue_at(words[at - 1]) is not None and (found := self.ordinal_at(at)) is not None
        )

    def speech_owner(self, first: int, k: int) -> _Speaker | None:
        """Whose speech a resumptive pronoun after the verb at token ``k`` points back to
        ("قال فيها"): the person or body named right after the speech noun ("تغريدة
        للغفيلي"، "محاضرة للمؤرخ طلال الطريفي"), else the one named last before it ("ألقى
        الوزير عادل الجبير كلمة"), in the sentence from token ``first``."""
        kinds = ("speech", "statement", "issued")  # "بيان أصدره الأمين العام ... قال فيه"
        issued = speaker_words("issued-by")
        for at in range(k - 1, first - 1, -1):
            noun = next(
                (found for kind in kinds if (found := speaker_words(kind).match(self.sc, at))),
                None,
            )
            if noun is None or noun.end > k:
                continue
            index = noun.end
            body: Placed | None = None
            issuer = False  # the word before ``index`` ends "صادر عن", "أصدره"
            while index < k:
                # up to the verb, past a title in quotes ("محاضرة بعنوان «...» للمؤرخ د.
                # طلال الطريفي") and who issued it ("بيان أصدره"), not past another verb;
                # a person named after a body is its office holder ("كلمة رئيس مجلس إدارة
                # جمعية «كفى» عبدالعزيز السيف")
                item = self.ctx.by_first.get(index)
                if item is not None and index > noun.end and not issuer and self.medium(index):
                    item = None  # "شريط فيديو على تويتر أعلنت فيه": where, not whose
                if item is not None and item.entity.type == "PER":
                    return self.person_speaker(item)
                if item is not None and item.entity.type == "ORG" and body is None:
                    body = item
                by = issued.match(self.sc, index)
                issuer = by is not None
                if by is not None:
                    index = by.end
                    continue
                word = self.sc.word_class(index)
                if word.pos == "verb" and word.alternatives == {"verb"}:
                    break
                index += 1
            if body is not None:
                return self.person_speaker(body)
            if noun.end < k and letter("la") in self.sc.word_class(noun.end).proclitic:
                return None  # "تغريدة للغفيلي": its owner is named, but not known
            for stop in range(at, first, -1):
                item = self.ctx.by_end.get(stop)
                if item is not None and item.entity.type in ("PER", "ORG"):
                    return self.person_speaker(item)
            return None
        return None

    def medium(self, at: int) -> bool:
        """A preposition standing alone before token ``at``, or before the outlet noun
        before it ("على تويتر", "على موقع «تويتر»"): what follows says where a speech was
        given, not whose it is."""
        before = at - 1
        if self.ctx.by_end.get(at) is not None:
            return False  # a name right before it ("جمعية «كفى» عبدالعزيز السيف")
        if before > 0 and self.sc.words[before] in outlet_nouns():
            before -= 1
        if self.sc.word_class(before).pos != "particle":
            return False
        return all(not self.gap(i, i + 1).strip(_MARKS) for i in range(before, at))

    def named_after_head(self, at: int, end: int) -> tuple[str, int, str] | None:
        """ "وذكرت صحيفة حرييت", "وذكرت شركة جوجل": the body named right after an
        indefinite outlet or body head noun (outlet_nouns.txt, entity_heads.tsv) speaks."""
        if at + 1 >= end or self.sc.gap(at, at + 1).strip(_MARKS):
            return None
        word = self.sc.words[at]
        if word not in outlet_nouns() and heads().match(self.sc, at) is None:
            return None
        found = self.entity_at(at + 1)
        return found if found is not None and found[2] == "ORG" else None

    def proclitic(self, item: Placed, at: int) -> str:
        """What stands before the name in its token ("ل" in "لرويترز", and in "للقاهرة"
        where the article's alef fused with it), folded."""
        prefix = self.sc.fold_range(self.sc.token_start(at), item.entity.span.start)
        clitic = rules()
        if not prefix and self.sc.words[at].startswith(clitic.fused_article):
            name = self.sc.fold_range(item.entity.span.start, item.entity.span.end)
            the = len(clitic.article)
            if name.startswith(clitic.article) and self.sc.words[at][the:] == name[the:]:
                return clitic.fusing
        return prefix

    def told(self, item: Placed, at: int) -> bool:
        """True when the name at token ``at`` carries the preposition ل ("لرويترز": told
        Reuters): the one spoken to, not the speaker nor their body."""
        return self.proclitic(item, at).endswith(letter("la"))

    def addressee_end(self, at: int, end: int) -> int | None:
        """The token after a "to whom" phrase opening at token ``at`` ("له"، "لرويترز"،
        "لوكالة فرانس برس"، "لصحيفة «الحياة»"), or None when none opens there."""
        if at >= end:
            return None
        item = self.ctx.by_first.get(at)
        if item is not None and self.told(item, at):
            return item.end
        word = self.sc.words[at]
        if word not in _addressees() and not self.told_someone(at):
            return None
        if item is not None and item.end - at > 1:  # "قال لي كيشيانغ": a name, not "to me"
            return None
        stop = at + 1
        named = self.ctx.by_first.get(stop) if stop < end else None
        if named is not None:  # "لوكالة فرانس برس": the outlet's name
            return named.end
        # "لـ«عكاظ»", "لصحيفة «الحياة»": the outlet's name in marks after the bare ل or an
        # outlet's head; after "لرويترز" or "لمحادثه" a mark opens what was said
        outlet = len(word) == 1 or any(
            size and rest in outlet_nouns() for size, rest in readings(word)
        )
        if outlet and stop < end and any(c in _OPENERS for c in self.gap(at, stop)):
            for index in range(stop + 1, min(end, stop + 6)):
                if any(c in _OPENERS.values() for c in self.gap(index - 1, index)):
                    return index
        for index in range(stop + 1, min(end, stop + 4)):  # "لشبكة سكاي سبورتس «...»"
            if self.sc.words[index - 1] in _introducers() or cue_at(self.sc.words[index - 1]):
                break
            gap = self.gap(index - 1, index)
            if any(c in _OPENERS for c in gap) and gap[:1].isspace():
                return index
        return stop

    def told_someone(self, at: int) -> bool:
        """Token ``at`` is ل + an indefinite noun, not a name: to whom it was said ("قال
        لمحادثه"، "لشبكة سكاي سبورتس"، "لصحيفته")."""
        found = self.sc.word_class(at)
        return (
            found.proclitic == letter("la")
            and found.pos in ("noun", "adj")
            and not found.definite
            and self.ctx.by_first.get(at) is None
        )

    def speaker_at(self, at: int, end: int, cue_at_token: int) -> _Speaker | None:
        """The speaker phrase starting at token ``at`` (before ``end``), if any."""
        if at >= end:
            return None
        title = self.titles.get(at)
        if title is not None:
            return self.title_speaker(title, end)
        found = self.entity_at(at) or self.named_after_head(at, end)
        if found is not None:
            canonical, stop, kind = found
            stop = self.apposition(stop, end, canonical)
            return _Speaker(canonical, self.span(at, stop), stop, "entity", kind == "ORG")
        called = self.called_speaker(at, end)
        if called is not None:
            return called
        noun = speaker_nouns().match(self.sc, at)
        if noun is None or noun.end > end:
            return (
                self.unnamed_anaphor(at, end)
                or self.described_subject(at, end, cue_at_token)
                or self.body_speaker(at, end, cue_at_token)
                or self.ordinal_speaker(at, end)
                or self.one_of_speaker(at, end)
                or self.some_of_speaker(at, end)
                or self.group_speaker(at, end)
                or self.phrase_speaker(at, end)
            )
        kind, value = noun.value.kind, noun.value.value
        if kind == "document":
            return self.document_speaker(at, noun.end, end, value or "statement")
        if kind == "parties":
            label = self.state.issuer if self.state.joint else None
            return _Speaker(label, self.span(at, noun.end), noun.end, "parties")
        if kind == "anaphor" and value is not None:
            label = self.antecedent(normalize(value), cue_at_token)
            if label is None:  # "وأعلنت القيادة المشتركة": no such body named before
                return (
                    self.body_speaker(at, end, cue_at_token)
                    or self.phrase_speaker(at, end)
                    or _Speaker(None, self.span(at, noun.end), noun.end, "anaphor", True)
                )
            return _Speaker(label, self.span(at, noun.end), noun.end, "anaphor", True)
        if kind == "person-anaphor":  # "وأكد معاليه": the person last named
            label = self.person_before(cue_at_token, value)
            return _Speaker(label, self.span(at, noun.end), noun.end, kind)
        if kind == "role-anaphor" and value is not None:
            label = self.role_antecedent(value, cue_at_token)
            if label is None and self.named_after(at, end) is None:
                label = self.described(at, cue_at_token)
            return _Speaker(label, self.span(at, noun.end), noun.end, kind)
        if kind == "unnamed" and value is not None:
            return self.named_by_noun(at, end) or self.unnamed_speaker(at, noun.end, end, value)
        if kind == "kin" and value is not None:
            return self.kin_speaker(at, noun.end, end, value)
        return None

    def called_speaker(self, at: int, end: int) -> _Speaker | None:
        """ "وقال متطوع يدعى أبو زهراء البصراوي إن": a noun, maybe its adjective, a naming
        word, and the person so named; not "قالوا إنه يدعى راندال سميث", what he is called."""
        if self.sc.word_class(at).pos not in ("noun", "adj"):
            return None
        for naming in range(at + 1, min(at + 3, end)):
            if self.sc.words[naming] not in naming_words():
                continue
            found = self.entity_at(naming + 1)
            if found is None or found[2] != "PER" or found[1] > end:
                return None
            canonical, stop, _ = found
            return _Speaker(canonical, self.span(at, stop), stop, "entity", False)
        return None

    def kin_speaker(self, at: int, stop: int, end: int, noun: str) -> _Speaker | None:
        """ "وقال والد مايكل براون": the relative of the person named after the kin noun
        (a rank may stand between: "شقيق العقيد حسان الشيخ"), who is the person the
        article set that phrase beside ("إبراهيم علوي - والد أفراح -"), else unnamed
        ("Michael Brown's father (unnamed)"). "والده" written with the pronoun is "his
        father", whose name follows it: not read here."""
        written = self.sc.written(at)
        if self.sc.words[at].endswith(letter("ta-marbuta")) and not written.endswith(
            letter("ta-marbuta", folded=False)
        ):
            return None
        probe = stop
        title = self.titles.get(probe)
        if title is not None and title.end < end:
            probe = title.end
        item = self.ctx.by_first.get(probe)
        if item is None and title is not None and title.person is not None:
            item = next(
                (
                    found
                    for found in self.ctx.placed
                    if title.first < found.first <= title.end
                    and found.entity.canonical == title.person
                ),
                None,
            )
        if item is not None and (item.entity.type != "PER" or self.proclitic(item, probe)):
            item = None
        if item is not None:
            stop = item.end
        elif stop < end and self.sc.word_class(stop).pos in ("noun", "name"):
            stop += 1  # "والد الشهيد"، "والدة إحدى الضحايا"، "والد أفراح"
        span = self.span(at, stop)
        referent = self.kin_referent(at, stop) if probe < stop else None
        if referent is not None:
            return _Speaker(referent, span, stop, "entity")
        if item is not None:
            return _Speaker(f"{item.entity.canonical}'s {noun} {UNNAMED}", span, stop, "unnamed")
        return _Speaker(f"{noun} {UNNAMED}", span, stop, "unnamed")

    def kin_referent(self, at: int, stop: int) -> str | None:
        """The person the article named right before the same kin phrase (tokens ``[at,
        stop)``), set off by a dash or comma ("إبراهيم علوي - والد أفراح -")."""
        words, by_end = self.sc.words, self.ctx.by_end
        phrase = words[at:stop]
        size = len(phrase)
        for earlier in range(1, at):
            if words[earlier : earlier + size] != phrase:
                continue
            person = by_end.get(earlier)
            if (
                person is not None
                and person.entity.type == "PER"
                and self.gap(earlier - 1, earlier).strip()
            ):
                return person.entity.canonical
        return None

    def body_speaker(self, at: int, end: int, cue_at_token: int) -> _Speaker | None:
        """ "وأشار الجيش إلى أن", "وأضافت الصحيفة": a body by its definite head noun
        (org_glossary.tsv) speaks; it is the last body named with that head before, else
        the body the head and a nationality name ("الجيش النيجيري" Nigerian Army), else an
        unnamed one of its kind."""
        word = self.sc.words[at]
        if not word.startswith(definite_article()):
            return None
        english = body_head(word)
        if english is None:
            return None
        bare = without_article(word)
        stop = at + 1
        country = demonym_at(self.sc, stop) if stop < end else None
        if country is not None:
            stop += 1
        elif stop < end and self.modifies(stop):
            # "الجيش النيجيري" with a nationality the lexicon lacks: only that body
            wanted = self.sc.words[stop]
            stop += 1
            found = self.antecedent(bare, cue_at_token, None, wanted)
            named = found or f"{english.lower()} (unnamed)"
            return _Speaker(named, self.span(at, stop), stop, "anaphor", True)
        label = self.antecedent(bare, cue_at_token, country)
        if label is None:
            adjective = countries()[country].adjective if country is not None else None
            kind = f"{adjective} {english.lower()}" if adjective else english.lower()
            label = f"{kind} (unnamed)"
        return _Speaker(label, self.span(at, stop), stop, "anaphor", True)

    def modifies(self, at: int) -> bool:
        """An adjective after a head noun, or a definite nisba ("النيجيري")."""
        word = self.sc.words[at]
        if word in stopwords():
            return False  # "الى"
        endings = (letter("ya"), *(letter("ya") + ending for ending in nisba_endings()))
        nisba = word.startswith(definite_article()) and word.endswith(endings)
        return nisba or self.sc.word_class(at).pos == "adj"

    def apposition(self, stop: int, end: int, canonical: str) -> int:
        """Extend a name over ", the spokesman for ...," that describes it, or over the
        office that follows it up to the verb ("طلال الطريفي أستاذ كرسي ... أكد")."""
        if stop < end:
            title = self.titles.get(stop)
            if title is None or title.person not in (canonical, None):
                return stop
            if self.comma_between(stop - 1, stop):
                return min(title.end, end)
            if self.nominal_run(title.end, end):
                return end
        return stop

    def nominal_run(self, start: int, end: int) -> bool:
        """Tokens ``[start, end)`` only continue a noun phrase: nouns, adjectives and
        names with nothing but spaces between them ("... أستاذ كرسي الملك عبدالعزيز
        لدراسات تاريخ المملكة أكد"), at most a few."""
        if end - start > _NOMINAL_RUN:
            return False
        classes = self.sc.word_classes
        return all(
            classes[at].pos in ("noun", "adj", "name") and not self.gap(at - 1, at).strip()
            for at in range(start, end)
        )

    def title_speaker(self, title: TitleMention, end: int) -> _Speaker:
        stop = min(title.end, end)
        person = title.person
        if person is not None:
            # The person named right after the title ends the phrase.
            for at in range(title.end, min(title.end + 4, end)):
                item = self.ctx.by_first.get(at)
                if item is not None and item.entity.canonical == person:
                    stop = self.apposition(item.end, end, person)
                    break
        else:
            named = self.named_after(title.end, end)  # "مدير عام إدارة ... محمد الصفيان"
            if named is not None:
                person, stop = named.entity.canonical, named.end
            else:
                person = self.person_with_role(title.role, title.first) or self.described(
                    title.first, title.first
                )
        label = person or (f"{title.role} (unnamed)" if title.role else None)
        return _Speaker(label, self.span(title.first, stop), stop, "title")

    def named_after(self, at: int, end: int) -> Placed | None:
        """The person named after a description of them that opens at token ``at``
        ("مدرب المنتخب جورج ايفانوف"، "النائب العام لمدينة ديار بكر، رمضان صولماز"):
        the first person before the content opens, with nothing between that ends a
        noun phrase: no free-standing particle ("مع نظيره"، "في مؤتمر"), verb, reporting
        verb, opener, colon or quote mark."""
        classes = self.sc.word_classes
        for index in range(at, min(end, at + _INTRODUCER_WINDOW)):
            if index > at and any(c == ":" or c in _OPENERS for c in self.gap(index - 1, index)):
                return None
            item = self.ctx.by_first.get(index)
            if item is not None and item.entity.type == "PER":
                return None if self.told(item, index) else item
            word = self.sc.words[index]
            found = classes[index]
            if word in _introducers() or cue_at(word) is not None or found.pos == "verb":
                return None
            if found.pos == "particle" and not found.proclitic and word in stopwords():
                return None  # a free particle; not a name the lexicon also reads as one (أمين)
        return None

    def named_by_noun(self, at: int, end: int) -> _Speaker | None:
        """ "وقال المحامي التشادي X", "قال خبير الأرصاد X": the person an unnamed-speaker
        noun names within five words after it; a plural noun names no one person
        ("اعتبر محللون سياسيون تصريحات المالكي")."""
        if self.sc.word_class(at).number == "pl":
            return None
        named = self.named_after(at, min(end, at + _NAMED_BY_NOUN))
        if named is None or self.ends_in_preposition(named.first - 1):
            return None  # "متحدث باسم هيلاري كلينتون": the one he speaks for
        return self.person_speaker(named)

    def ends_in_preposition(self, at: int) -> bool:
        """Token ``at`` makes what follows the object of a phrase: a particle, or a
        preposition letter on a noun, in the word class read or in another reading
        ("باسم" is ب + اسم, though also the adjective "smiling")."""
        found = self.sc.word_class(at)
        prepositions = proclitic_letters("preposition")
        if found.pos == "particle" or not prepositions.isdisjoint(found.proclitic):
            return True
        word = self.sc.words[at]
        return any(
            size and word[size - 1] in prepositions and classify(rest).pos == "noun"
            for size, rest in readings(word)
        )

    def described_speaker(self, at: int, end: int) -> _Speaker | None:
        """ "وأكد مدرب المنتخب جورج ايفانوف أن": a person after words describing them that
        no title row knows."""
        named = self.named_after(at, end)
        return None if named is None else self.person_speaker(named)

    def person_speaker(self, named: Placed) -> _Speaker:
        span = self.span(named.first, named.end)
        return _Speaker(named.entity.canonical, span, named.end, "entity")

    def document_speaker(self, at: int, stop: int, end: int, english: str) -> _Speaker:
        joint = english.startswith("joint")
        parties, stop = self.demonyms_from(stop, end)
        marker = speaker_words("joint-marker").match(self.sc, stop) if stop < end else None
        if marker is not None:
            joint, stop = True, marker.end
        label: str | None
        if joint:
            if len(parties) >= 2:
                label = self.joint_label(parties)
            elif self.state.joint and self.state.issuer:
                label = self.state.issuer
            else:
                label = self.joint_label(parties)
            self.state.issuer, self.state.joint = label, True
        else:
            issuer = self.issuer_after(stop, end, at)
            if issuer is not None:
                label, stop = issuer
                self.state.issuer, self.state.joint = label, False
            elif self.refers_back(at):  # "وأضاف التقرير": the one issued last
                label = self.state.issuer or f"{english} {UNNAMED}"
            else:  # "وقال تقرير": a report not issued by the last issuer
                label = f"{english} {UNNAMED}"
        return _Speaker(label, self.span(at, stop), stop, "document")

    def refers_back(self, at: int) -> bool:
        """True when the statement noun at token ``at`` is definite ("البيان"، "بيانها"):
        a statement named before."""
        found = self.sc.word_class(at)
        return found.definite or bool(found.enclitic)

    def issuer_after(self, at: int, end: int, cue_at_token: int) -> tuple[str, int] | None:
        """(who issued the statement named before token ``at``, the token after them):
        "بيان صادر عن البيت الأبيض", "تقرير أصدرته وزارة الخزانة", "بيان أصدره المتحدث
        باسم المجلس، نيد برايس", "تقرير الهيئة العامة للسياحة", "بيان للشرطة"."""
        if at >= end:
            return None
        issued = speaker_words("issued-by").match(self.sc, at)
        if issued is not None and issued.end < end:
            found = self.speaker_at(issued.end, end, cue_at_token)
            if found is not None and found.label and found.kind != "document":
                return found.label, found.end
            # "بيان صادر عن قيادة الجيش اللبناني": the body after one head noun of it
            inner = self.entity_at(issued.end + 1) if issued.end + 1 < end else None
            heads_it = self.sc.word_class(issued.end).pos == "noun"
            if inner is not None and inner[2] == "ORG" and heads_it:
                return inner[0], inner[1]
            return None
        entity = self.entity_at(self.past_outlet_noun(at, end))
        if entity is not None and entity[2] in ("ORG", "PER"):
            return entity[0], entity[1]
        body = self.body_issuer(at, cue_at_token)
        return (body, at + 1) if body is not None else None

    def past_outlet_noun(self, at: int, end: int) -> int:
        """The token after "لـ" or an outlet noun with ل ("تقرير لـ«رويترز»", "تقرير
        لوكالة رويترز"), where the outlet's name stands; ``at`` otherwise."""
        if at + 1 >= end or self.gap(at, at + 1).strip(_MARKS):
            return at
        word = self.sc.words[at]
        if word == letter("la"):
            return at + 1
        found = self.sc.word_class(at)
        outlet = found.proclitic == letter("la") and found.stem in outlet_nouns()
        return at + 1 if outlet else at

    def body_issuer(self, at: int, cue_at_token: int) -> str | None:
        """ "بيان للشرطة": the body a definite head noun after ل names (org_glossary.tsv),
        the last one named with that head before, else an unnamed one of its kind."""
        word = self.sc.words[at]
        if not word.startswith(letter("la")):
            return None
        for _length, reading in readings(word):
            english = body_head(reading) if reading.startswith(definite_article()) else None
            if english is not None:
                found = self.antecedent(without_article(reading), cue_at_token)
                return found or f"{english.lower()} {UNNAMED}"
        return None

    def antecedent(
        self, head: str, before: int, country: str | None = None, word: str | None = None
    ) -> str | None:
        """The last organisation before token ``before`` whose name starts with ``head``
        (with or without the article), of ``country`` when one is given."""
        for item in reversed(self.ctx.placed):
            if item.first >= before or item.entity.type != "ORG":
                continue
            # the head opens the name ("الجيش التركي") or stands before it ("صحيفة ديلي ميل")
            words = [self.sc.words[item.first]]
            if item.first > 0:
                words.append(self.sc.words[item.first - 1])
            if not any(without_article(w) == head for token in words for _, w in readings(token)):
                continue
            # a nationality must not contradict: "الجيش النيجيري" is not "الجيش التركي"
            if word is not None and word not in self.sc.words[item.first : item.end]:
                continue
            named = {demonym_at(self.sc, at) for at in range(item.first, item.end)} - {None}
            if country is None or not named or country in named:
                return item.entity.canonical
        return None

    def person_before(self, before: int, never: str | None = None) -> str | None:
        """The person an honorific pronoun ("سموه"، "معاليه") stands for: the last speaker
        when a person, else the last person named before token ``before``; never one
        whose name or role opens with the title ``never`` (سموه is no king)."""

        def fits(name: str, role: str | None) -> bool:
            return never is None or not (name.startswith(never) or (role or "").startswith(never))

        label = self.state.last.label if self.state.last is not None else None
        if label is not None and self.is_person(label) and fits(label, None):
            return label
        for item in reversed(self.ctx.placed):
            entity = item.entity
            if item.first < before and entity.type == "PER" and fits(entity.canonical, entity.role):
                return entity.canonical
        return None

    def last_person(self, before: int, holds: Callable[[str], bool]) -> str | None:
        """The last person before token ``before`` whose role ``holds``."""
        for item in reversed(self.ctx.placed):
            role = item.entity.role or ""
            if item.first < before and item.entity.type == "PER" and holds(role):
                return item.entity.canonical
        return None

    def office_holder(self, noun: str, before: int) -> str | None:
        """The last person whose role has the English ``noun`` as a word ("UN spokesman"
        for "spokesman")."""
        return self.last_person(before, lambda role: noun in role.lower().split())

    def role_antecedent(self, word: str, before: int) -> str | None:
        return self.last_person(before, lambda role: word in role)

    def described_subject(self, at: int, end: int, before: int) -> _Speaker | None:
        """ "ويتابع مستشار الجيش الليبي": a short description of a person named before
        (with no one named after it)."""
        found = self.described_at(at, before)
        if found is None or self.named_after(at, end) is not None:
            return None
        person, stop = found
        return _Speaker(person, self.span(at, min(stop, end)), min(stop, end), "anaphor")

    def described(self, at: int, before: int) -> str | None:
        found = self.described_at(at, before)
        return found[0] if found is not None else None

    def described_at(self, at: int, before: int) -> tuple[str, int] | None:
        """(the person named before token ``before`` that the short description at token
        ``at`` stands for, the token after the description): "وقال الوزير الأمريكي" after
        "وزير الدفاع الأمريكي آشتون كارتر"; None when a person is named after it before
        the content ("أعلن قائد العمليات في بابل اللواء رياض الخيكاني أن")."""
        found = described_person(self.sc, self.title_list, self.ctx.placed, at, before)
        if found is None or self.names_ahead(at):
            return None  # the description test first: most words are none
        return found

    def names_ahead(self, at: int) -> bool:
        """A person or a rank stands after token ``at`` before what opens the content."""
        for index in range(at + 1, min(len(self.sc.words), at + _INTRODUCER_WINDOW)):
            gap = self.gap(index - 1, index)
            if ":" in gap or any(c in _OPENERS for c in gap):
                return False
            item = self.ctx.by_first.get(index)
            if item is not None and item.entity.type == "PER":
                return True
            rank = titles().match(self.sc, index)
            if rank is not None and rank.value.kind == "rank":
                return True
            if self.sc.words[index] in _introducers() or cue_at(self.sc.words[index]):
                return False
        return False

    def unnamed_anaphor(self, at: int, end: int) -> _Speaker | None:
        """ "وقال المصدر:": the unnamed speaker of that noun described before ("مصدر مسؤول
        في مكتب البعثة"), else one more of its kind."""
        word = self.sc.words[at]
        if not word.startswith(definite_article()):
            return None
        noun = _unnamed_nouns().get(without_article(word))
        if noun is None:
            return None
        described = self.named_by_noun(at, end)
        if described is not None:
            return described
        following = at + 1
        country = demonym_at(self.sc, following) if following < len(self.sc.words) else None
        end = following + 1 if country is not None else following
        span = self.span(at, end)
        earlier = self.state.unnamed.get(noun)
        if earlier is None or country is not None:
            # "وأوضح المتحدث" after "المتحدث باسم الأمم المتحدة فرحان حق": the person
            # last named in that office
            holder = self.office_holder(noun, at) if country is None else None
            if holder is None and without_article(word) not in _anonymous_nouns():
                holder = self.described(at, at)
            if holder is not None:
                return _Speaker(holder, span, end, "anaphor")
            kind = f"{countries()[country].adjective} {noun}" if country is not None else noun
            return _Speaker(f"{kind} (unnamed)", span, end, "unnamed")
        return _Speaker(earlier.label, span, end, "unnamed", described=earlier.span)

    def describes_unnamed(self, at: int) -> bool:
        """An indefinite word standing on its own after an unnamed speaker noun ("مصدر
        مسؤول"، "مصادر مطلعة"، "مصدر دبلوماسي غربي"): a listed modifier, or an adjective
        or noun the word classes give with no clitic and no article."""
        found = self.sc.word_class(at)
        word = self.sc.words[at]
        return (
            found.pos in ("adj", "noun")
            and not found.definite
            and not found.proclitic
            and word not in stopwords()
            and word not in body_links()
            and cue_at(word) is None
            and self.ctx.by_first.get(at) is None
            and demonym_at(self.sc, at) is None  # the nationality is read after these
            and not self.gap(at - 1, at).strip()
        )

    def unnamed_speaker(self, at: int, stop: int, end: int, noun: str | None) -> _Speaker:
        """The unnamed speaker whose noun is tokens ``[at, stop)``, with what describes it
        after (a modifier, a nationality, the body it is of); labelled "{body} {noun}
        (unnamed)", or not at all when ``noun`` (its English) is None."""
        described = 0
        while stop < end:
            modifier = speaker_words("modifier").match(self.sc, stop, clitics=False)
            if modifier is not None:
                stop = modifier.end
            elif described < 2 and self.describes_unnamed(stop):
                described, stop = described + 1, stop + 1
            else:
                break
        country = demonym_at(self.sc, stop) if stop < end else None
        if country is not None:
            stop += 1
            while stop < end:  # "مسؤولين أميركيين رفيعي المستوى"
                modifier = speaker_words("modifier").match(self.sc, stop, clitics=False)
                if modifier is None:
                    break
                stop = modifier.end
        body: str | None = None
        linked = stop < end and self.sc.words[stop] in body_links()
        probe = stop + 1 if linked else stop
        item = self.ctx.by_first.get(probe)
        if item is not None and self.told(item, probe):
            item = None  # "مسؤول أمريكي لرويترز": told Reuters, not one of its staff
        if item is not None and probe < end and item.entity.type in ("ORG", "LOC"):
            body, stop = short_name(item.entity.canonical), item.end
        elif country is not None:
            body = countries()[country].adjective
        if noun is None:
            return _Speaker(None, self.span(at, stop), stop, "unnamed")
        label = f"{body} {noun} (unnamed)" if body else f"{noun} (unnamed)"
        speaker = _Speaker(label, self.span(at, stop), stop, "unnamed")
        self.state.unnamed[noun] = speaker
        return speaker

    # -- content -------------------------------------------------------------------------

    def content_after(
        self, at: int, end: int, strict: bool, window: int = _INTRODUCER_WINDOW
    ) -> tuple[int, int] | None:
        """Folded ``(start, token)`` where content opens: after أن/إن, a colon or a mark."""
        limit = min(end, at + (1 if strict else window))
        for index in range(at, limit):
            gap = self.gap(index - 1, index)
            for offset, char in enumerate(gap):
                # A quote mark opens content right after the verb or speaker, or after
                # punctuation; elsewhere it marks a name ("لـ«التحالف»").
                # (past the usual window only a colon or أن opens it: a mark there is
                # more often a name's, "أعلن ... عن مقتل القيادي، المكنى "الحلبي"")
                opens = (
                    char in _OPENERS
                    and window <= _INTRODUCER_WINDOW
                    and (index == at or any(c in gap for c in chars("content-opener-after")))
                )
                if char == ":" and self.sc.words[index] in _introducers():
                    return self.sc.ends[index], index + 1  # "وأضاف البيان: إن ..."
                if char == ":" or opens:
                    return self.sc.ends[index - 1] + offset + 1, index
            word = self.sc.words[index]
            if word in _introducers():
                return self.sc.ends[index], index + 1
            if index > at and (cue_at(word) is not None):
                return None  # the content there is that word's ("وأكد ...، مبيناً أن")
            if window > _INTRODUCER_WINDOW and index > at and word in participle_forms():
                return None  # "وأفادت الرئاسة إلى استمرار ...، لافتة إلى أن": the participle's
        return None

    def content_span(self, folded_start: int, sentence: Span) -> Span | None:
        text = self.article.text
        start = self.sc.source_index(folded_start)
        while start < sentence.end and text[start] in chars("content-leading"):
            start += 1
        stop = sentence.end
        if start < stop and text[start] in _OPENERS:
            closer = _OPENERS[text[start]]
            start += 1
            line_end = text.find("\n", start)
            close = text.find(closer, start, len(text) if line_end == -1 else line_end)
            if close != -1:
                stop = close
        while stop > start and text[stop - 1] in chars("quote-trailing") + '»”"':
            stop -= 1
        return Span(start, stop) if stop > start else None

    # -- one cue -------------------------------------------------------------------------

    def quote_at(
        self, k: int, first: int, end: int, prefix: int, cue: Cue, sentence: Span
    ) -> Quote | None:
        if cue.strict and k != first:
            return None
        resumptive = (
            quote_resumptives().match(self.sc, k + 1)
            if k + 1 < end and not self.gap(k, k + 1).strip()
            else None
        )
        after = self.skip_fillers(resumptive.end if resumptive else k + 1, end)
        told = self.addressee_end(after, end)
        if told is not None:  # "قال لرويترز [مسؤول] إن": the speaker follows, if anyone
            after = self.skip_fillers(told, end)
        speaker = None
        gap_after_cue = self.gap(k, k + 1) if k + 1 < len(self.tokens) else ""
        if after < end and not any(c == ":" or c in _OPENERS for c in gap_after_cue):
            speaker = self.speaker_at(after, end, k) or self.described_speaker(after, end)
        elif after == k + 1 and ":" not in gap_after_cue:
            speaker = self.quoted_subject(after, end)
        if speaker is None and self.topic_verb(k, first, prefix):
            # "أما مدير مرور المنطقة العميد عقلا خلف العنزي فقال:": the topic speaks
            topic = self.speaker_at(first + 1, k, k)
            if topic is not None and self.skip_fillers(topic.end, k) == k:
                speaker = topic
        if speaker is None and prefix == 0 and k > first:
            before = self.speaker_at(first, k, k)
            if before is not None and self.skip_fillers(before.end, k) == k:
                speaker = before
            else:  # "وكانت الحكومة التركية أكدت، تزامناً مع الغارات، أنها"
                # a word after the verb may be an unknown subject ("تقول إحداهن"): a
                # name before it counts only when it opens its stretch ("وكان المعلم أكد")
                _, stretch = self.stretch_before(k, first)
                if not self.opens_adverbial(stretch):
                    speaker = self.speaker_ending_at(k, first, stretch, only_opening=True)
        # "وقال لرويترز «...»": with no speaker, the mark after the one told opens the content
        told_end = after if told is not None else k + 1
        start = speaker.end if speaker and speaker.end > k else told_end
        if speaker is not None and speaker.end > k:
            # "وقال مورينيو لشبكة سكاي سبورتس «...»": the one told, then the content
            told_after = self.addressee_end(start, end)
            if told_after is not None:
                start = self.skip_fillers(told_after, end)
        opening = self.content_after(start, end, cue.strict)
        named = speaker is not None and speaker.end > k and not cue.strict
        if opening is None and named and start < end and self.ends_in_preposition(start):
            # "وقال الجبير في مؤتمر صحفي عقده مع وزير الخارجية الألماني فرانك فالتر
            # شتاينماير في برلين اليوم إنه": a named speaker, then where he said it
            opening = self.content_after(start, end, False, _PLACE_WINDOW)
        if opening is None:
            if speaker is None or speaker.kind != "document" or speaker.end >= end:
                if speaker is not None and speaker.label and speaker.kind != "parties":
                    # "شددت الهيئة على أهمية ...": no quote, but a later bare "وأشارت
                    # إلى أن" goes on with the one who spoke here
                    self.state.last = speaker
                return None
            opening = (self.sc.starts[speaker.end], speaker.end)
        content = self.content_span(opening[0], sentence)
        if content is None:
            return None
        if self.nonagent_subject(k, first, prefix):
            return None  # "وتشير المعلومات إلى أن": what information shows, said by no one
        if self.adjectival(k, prefix):
            return None  # "موقفا حذرا"، "أمرا مؤكدا أن": an adjective, not a verb
        implicit = False
        editorial = self.sc.words[k][prefix:] in _editorial()
        if speaker is None and editorial and self.subjectless(k, after, end, opening[1]):
            return None  # "يذكر أن الاجتماع تضمن ...": the outlet's note
        if speaker is None and self.subjectless(k, after, end, opening[1]):
            written: _Speaker | None
            if resumptive is not None:  # "قال فيها": the speech's owner, or no one known
                written = self.speech_owner(first, k) or _Speaker(None, None, k, "unknown")
                self.unknown_subject = written.label is None
            else:
                written = self.subject_before(k, first, prefix)
            if written is None:
                implicit = True
                speaker = self.implicit_speaker(cue, first, k)
            elif written.label is not None:
                speaker = self.state.last = written
        elif speaker is not None and speaker.label is not None:
            self.state.last = speaker
        elif speaker is not None and speaker.kind == "unnamed" and speaker.span is not None:
            self.state.last = speaker  # "ويشير المتضررون إلى أن": they go on speaking
        else:
            self.unknown_subject = True  # a subject after the verb that nobody could name
        if speaker is not None and speaker.kind not in ("document", "parties"):
            # "قالت الوزارة في بيان": later "البيان" stands for this speaker.
            between = range(max(speaker.end if not implicit else k + 1, k + 1), opening[1])
            if any(speaker_words("statement").match(self.sc, i) for i in between):
                self.state.issuer, self.state.joint = speaker.label, False
        return self.quote(k, speaker, content, implicit)

    def quote(self, cue: int, speaker: _Speaker | None, content: Span, implicit: bool) -> Quote:
        """The quote of the verb at token ``cue``: its speaker named as the reader names them
        (an implicit speaker has no span of its own in this sentence)."""
        cue_span = self.span(cue, cue + 1)
        speaker_ar, speaker_id = self.identify(speaker)
        return Quote(
            speaker=speaker.label if speaker else None,
            cue=cue_span.slice(self.article.text),
            cue_span=cue_span,
            content_span=content,
            speaker_span=None if implicit or speaker is None else speaker.span,
            implicit=implicit,
            speaker_ar=speaker_ar,
            speaker_id=speaker_id,
        )

    def identify(self, speaker: _Speaker | None) -> tuple[str | None, str | None]:
        """(speaker_ar, speaker_id): the named entity's Arabic name and id; for a speaker
        the article does not name ("مصدر مسؤول في الوزارة"، "وزير الخارجية") the phrase as
        written, also when no English could be given it ("مهندسون متطوعون"); None when
        nobody is known."""
        if speaker is None or (speaker.label is None and speaker.kind != "unnamed"):
            return None, None
        known = self.identities.get(speaker.label) if speaker.label is not None else None
        if known is not None:
            return known[1] or None, known[2] or None
        written = speaker.described or speaker.span
        if written is not None and speaker.kind in _WRITTEN_KINDS:
            return written.slice(self.article.text), None
        return None, None

    def subjectless(self, k: int, after: int, end: int, content_token: int) -> bool:
        """True when nothing after the verb can be its subject ("وأضاف أن", "ولفت إلى أن")."""
        if after >= end or after >= content_token:
            return True
        word = self.sc.words[after]
        return word in _nonsubjects() or word in _introducers()

    def nonagent_subject(self, k: int, first: int, prefix: int) -> bool:
        """The verb at token ``k`` has a subject that is no one (quote_nonagents.txt):
        right after it, or right before a verb without و ("المؤشرات تؤكد أن", past one
        adjective: "التحريات الأولية تشير")."""
        words = self.sc.words
        after = self.skip_fillers(k + 1, len(words))
        if after < len(words) and self.nonagent(after):
            return True
        if prefix or k == first:
            return False
        before = k - 1
        if before > first and self.sc.word_class(before).pos == "adj":
            before -= 1
        return not self.gap(before, before + 1).strip() and self.nonagent(before)

    def adjectival(self, k: int, prefix: int) -> bool:
        """The cue at token ``k`` agrees as an adjective with the indefinite accusative
        noun right before it ("تلتزم موقفا حذرا"، "ليس أمرا مؤكدا أن"، "عنوانا لافتا"):
        both end in the alef of the accusative, the noun is one of the commonest words and
        the cue can be read as a noun or an adjective; a verb's dual or plural ending
        ("عنصرًا قالوا") is no adjective."""
        if prefix or k == 0 or self.gap(k - 1, k).strip():
            return False
        alef = letter("alef")
        cue, noun = self.sc.words[k], self.sc.words[k - 1]
        if not cue.endswith(alef) or cue.endswith(letter("wa") + alef) or not noun.endswith(alef):
            return False
        said, before = self.sc.word_class(k), self.sc.word_class(k - 1)
        if not said.alternatives & {"adj", "noun"}:
            return False
        common = before.stem in common_words()  # "ابوبكر سيلا مؤكدا": a name, not سيل
        return before.pos == "noun" and not before.definite and common

    def nonagent(self, at: int) -> bool:
        found = self.sc.word_class(at)
        if found.proclitic not in _subject_proclitics():
            return False  # "بالمعلومات": not the subject
        word = self.sc.words[at][len(found.proclitic) :]
        return word in _nonagents()

    def subject_before(self, k: int, first: int, prefix: int) -> _Speaker | None:
        """The subject written before a bare verb with none after it, as a speaker whose
        label may be None (a subject not known as a speaker: "المراقبون يؤكدون أن"); None
        when no subject is written there ("وأضاف"، "كما أكد"، "وفي المؤتمر قال")."""
        if prefix or k == first:
            return None
        kind = _before_verb().get(self.sc.words[k - 1])
        if kind == "carry" or self.in_timex(k - 1):
            return None
        if kind == "relative":  # "ليفني، وزيرة العدل السابقة، التي أشارت": the name
            return self.antecedent_of(k - 1, first)
        start, opening = self.stretch_before(k, first)
        if self.opens_adverbial(opening):
            return None  # "وفي بلدة داريا بغوطة دمشق، قال": not a subject
        comma = self.comma_between(k - 1, k)
        if comma and any(cue_at(word) for word in self.sc.words[start : k - 1]):
            return None  # "أعلن الجبير أن ...، أكد عبر حسابه": the same subject
        named = self.speaker_ending_at(k, first, opening)  # "لكن المسؤول الحكومي قال"
        if named is None and comma and start > first:
            named = self.set_off_name(start)
        return named or _Speaker(None, None, k, "unknown")

    def speaker_ending_at(
        self, k: int, first: int, opening: int, only_opening: bool = False
    ) -> _Speaker | None:
        """A known speaker phrase ending right before token ``k`` (a subject before its
        verb), the longest such, not inside a prepositional phrase ("نظرية عن داعش
        تقول"، "بغوطة دمشق، قال"); tried without leaving any trace in the reader's state.
        A place speaks for its government ("لكن طهران تقول") only when it opens the
        stretch before the verb (from token ``opening``): "نازح إلى ريف الرقة يقول" is
        not Raqqa speaking."""
        for at in [opening] if only_opening else range(max(first, k - 14), k):
            if at > first and self.opens_adverbial(at - 1):
                continue
            item = self.ctx.by_first.get(at)
            if item is not None and not proclitic_letters("preposition").isdisjoint(
                self.proclitic(item, at)
            ):
                continue
            if item is not None and item.entity.type == "LOC" and at != opening:
                continue
            if item is not None and at > first + 1 and self.outlet_in_phrase(at):
                continue  # "على موقع «تويتر» يقول": the site's name, not who speaks
            issuer, joint = self.state.issuer, self.state.joint
            found = self.speaker_at(at, k, k)
            if found is not None and found.label and self.skip_fillers(found.end, k) == k:
                return found
            self.state.issuer, self.state.joint = issuer, joint
        return None

    def outlet_in_phrase(self, at: int) -> bool:
        """Token ``at`` names an outlet after its head noun in a prepositional phrase
        ("على موقع «تويتر»"): where something was said, not who said it ("صحيفة «واشنطن
        بوست» ذكرت" speaks)."""
        return (
            self.sc.words[at - 1] in outlet_nouns() and self.sc.word_class(at - 2).pos == "particle"
        )

    @cached_property
    def comma_tokens(self) -> list[int]:
        """Tokens with a comma between them and the token before, ascending."""
        sc, found = self.sc, []
        for comma in chars("comma"):
            at = sc.folded.find(comma)
            while at >= 0:
                index = bisect.bisect_right(sc.starts, at)
                if 0 < index < len(sc.starts) and sc.ends[index - 1] <= at:
                    found.append(index)
                at = sc.folded.find(comma, at + 1)
        return sorted(set(found))

    def after_comma(self, before: int, first: int) -> int:
        """The last token in ``(first, before]`` that a comma precedes, else ``first``:
        where a clause that ends at ``before`` starts (a lookup, not a walk back: a long
        text without commas stays linear)."""
        commas = self.comma_tokens
        index = bisect.bisect_right(commas, before) - 1
        return commas[index] if index >= 0 and commas[index] > first else first

    def stretch_before(self, k: int, first: int) -> tuple[int, int]:
        """(start, opening) of the words right before token ``k``: back to the sentence
        start or a comma; the opening is past "ثم"، "لكن"، "إلا أن" and the like."""
        start = max(self.after_comma(k - 1, first), first) if k - 1 > first else k - 1
        start = self.after_connector(start, k - 1)
        opening = start
        while opening < k - 1 and _before_verb().get(self.sc.words[opening]) in _PASSED:
            opening += 1
        return start, opening

    def after_connector(self, start: int, last: int) -> int:
        """Where the clause of token ``last`` opens within ``[start, last]``: at the last
        connector that opens one ("... بشن هجمات لكن موسكو تؤكد", "... غير أن الجماعة
        تؤكد"), else ``start``."""
        words, kinds = self.sc.words, _before_verb()
        for at in range(last - 1, start, -1):
            kind, opener = kinds.get(words[at]), words[at] not in _introducers()
            if kind == "clause" or (
                kind == "connector" and opener and words[at + 1] in _introducers()
            ):
                return at  # not at "أن" itself ("سي إن إن"، "... أن أنه")
        return start

    def comma_between(self, left: int, right: int) -> bool:
        gap = self.gap(left, right)
        return any(comma in gap for comma in chars("comma"))

    def opens_adverbial(self, at: int) -> bool:
        word = self.sc.words[at]
        kinds = _before_verb()
        return kinds.get(word) == "adverbial" or (
            word[:1] in proclitic_letters("conjunction") and kinds.get(word[1:]) == "adverbial"
        )

    def set_off_name(self, description: int) -> _Speaker | None:
        """ "الشيخ سعيد، أحد أبناء مدينة ودان، يقول": the person or body named just before
        the comma-set description that opens at token ``description``."""
        item = self.ctx.by_end.get(description)
        if item is None or item.entity.type not in ("PER", "ORG"):
            return None
        if self.opens_adverbial(description) or self.sc.words[description][:1] == letter("wa"):
            return None  # "مع أوباما، ومع وزير الخارجية، قال": not a description
        return _Speaker(item.entity.canonical, self.span(item.first, item.end), item.end, "entity")

    def antecedent_of(self, relative: int, first: int) -> _Speaker:
        """The person or body a relative pronoun at token ``relative`` hangs on: the name
        right before it, or before a comma-set description of it; else unknown."""
        opening = self.after_comma(relative - 1, first) if relative - 1 > first else relative - 1
        direct = self.speaker_ending_at(relative, first, opening)  # "المصدر الذي أكد"
        if direct is not None:
            return direct
        if self.comma_between(relative - 1, relative):
            start = self.after_comma(relative - 1, first) if relative - 1 > first else relative - 1
            if start > first:
                named = self.set_off_name(start)
                if named is not None:
                    return named
        return _Speaker(None, None, relative, "unknown")

    def implicit_speaker(self, cue: Cue, first: int, k: int) -> _Speaker | None:
        opener = self.sentence_subject(first, k)
        if opener is not None:
            return opener
        scene = self.state.scene
        if k == first and scene is not None and not self.plural_verb(k) and self.agree(scene[1], k):
            return scene[0]  # "هنأ د. ... بالإنجاز. وقال:": the one who congratulated
        last = self.state.last
        if last is not None:
            if self.plural_verb(k) and self.is_person(last.label):
                return None  # "وقالوا" after one person spoke: they, not he
            if self.shown_as_written(last):
                # shown as written: carried only to a verb that opens its sentence, and
                # that agrees ("ويشيرون" after "ممثلة الهند" is not she; "وكانت قوات
                # الدفاع ... دانت ... وقالت" has a subject of its own before it)
                opening = all(self.sc.word_class(i).pos != "verb" for i in range(first, k))
                if not opening or not self.same_number(last, k):
                    return None
            return last
        # No speaker yet: the subject of this sentence's first verb, when it is a name
        # (not one person for a plural verb: "وأصيب أصدقاء عبد العزيز ... وقالوا").
        kinds = ("ORG",) if self.plural_verb(k) else ("PER", "ORG")
        for item in self.ctx.placed:
            if first <= item.first < k and item.entity.type in kinds:
                return _Speaker(item.entity.canonical, None, item.end, "entity")
        return None

    def same_number(self, speaker: _Speaker, verb: int) -> bool:
        """A speaker shown as written and a later verb that agree: a plural head for a
        plural verb, a singular one for a singular verb, and one gender where both are
        read ("الفيدرالية العالمية" then "وقال": not her)."""
        if speaker.span is None:
            return False
        head = self.sc.word_class(self.token_range(speaker.span)[0])
        if (head.number == "pl") != self.plural_verb(verb):
            return False
        said = self.sc.word_class(verb)
        return head.gender is None or said.gender is None or head.gender == said.gender

    def plural_verb(self, at: int) -> bool:
        found = self.sc.word_class(at)
        return found.pos == "verb" and found.number == "pl"

    def agree(self, verb: int, other: int) -> bool:
        """Two verbs that may share a subject: of one gender where the word classes read
        both. A verb before its subject is singular even for a group, so number is not
        compared; it only keeps a subject from being shared, never drops a speaker."""
        classes = self.sc.word_class(verb), self.sc.word_class(other)
        if any(found.pos != "verb" for found in classes):
            return True  # "ورأت" read as a noun: nothing to compare
        first, second = (found.gender for found in classes)
        return first is None or second is None or first == second

    def sentence_subject(self, first: int, k: int) -> _Speaker | None:
        """ "استنكرت الأمانة العامة لمنظمة التعاون الإسلامي تصريحات المالكي وقالت إنها":
        a verb with no subject of its own, in a sentence that opens on a verb that agrees
        with it ("ووصل المعلم ... طهران التي تحدثت ... وقالت" is not المعلم) and the name of
        its subject, shares that subject."""
        if k - first < 3 or self.plural_verb(k):
            return None  # "وأصيب أصدقاء عبد العزيز ... وقالوا"
        clause = self.after_connector(first, k - 1)
        if clause > first:
            return None  # "... لكن الحزب ينكر ... ويؤكد"
        for verb in self.coordinated_verbs(first, k):
            if not self.agree(verb, k):
                return None
            found = self.subject_after(verb, k, opening=verb == first)
            if found is None:
                continue  # "وأشاد بالجهود ... وأضاف": that verb shares an earlier subject
            if found.kind == "anaphor":
                return found  # "ووجهت الهيئة انتقادات ... وقالت": the body referred to
            if found.label is None or found.label.endswith(UNNAMED):
                return None  # an office whose holder was not read is no subject to share
            return _Speaker(found.label, None, found.end, found.kind)
        return None

    def subject_after(self, verb: int, k: int, opening: bool) -> _Speaker | None:
        """The subject written right after the verb at token ``verb``, read as after a
        reporting verb, without leaving a trace in the reader's state; one with no label
        when it is not a name to share, None when no subject is written. After a verb inside
        the sentence only a person is read so: a titled name ("وعبر مدير المنتخب خالد
        مطر عن سعادته وقال") or a person's name; a body or a place there is as often
        the object ("وأيد العراق في دخول الكويت، وقال")."""
        issuer, joint = self.state.issuer, self.state.joint
        if opening:
            found = self.speaker_at(verb + 1, k, k) or self.described_speaker(verb + 1, k)
        else:
            found = self.speaker_at(verb + 1, k, k)
        self.state.issuer, self.state.joint = issuer, joint
        if found is None:
            return None
        unshared = _Speaker(None, None, found.end, "unknown")
        if opening and found.kind == "anaphor" and found.span is not None:
            return found  # a body referred back to, right after the sentence's verb
        if found.kind not in ("entity", "title"):
            return unshared
        if not opening and found.kind == "entity":
            item = self.ctx.by_first.get(verb + 1)
            if item is None or item.entity.type != "PER" or self.proclitic(item, verb + 1):
                return unshared
        return found

    def coordinated_verbs(self, first: int, k: int) -> Iterator[int]:
        """The verbs before token ``k`` that may share its subject, nearest first: each
        verb with و/ف of its own ("... وعبر مدير المنتخب خالد مطر عن سعادته وقال"), and
        the verb the sentence opens on, past "كما" and the like. A verb inside a relative
        clause ("طهران التي تحدثت") has no و and is passed."""
        opening = first
        while (
            opening < k - 1
            and self.sc.word_class(opening).pos != "verb"
            and _before_verb().get(self.sc.words[opening]) == "carry"
        ):
            opening += 1  # past "كما"، "ثم", not past "وكان" ("وكان البنتاغون قد أفاد")
        conjunctions = proclitic_letters("conjunction")
        for at in range(k - 3, opening - 1, -1):
            if self.sc.words[at] in cue_tokens():
                return  # "وقالت: أرى ...، ورأت": the speaker goes on from that quote
            found = self.sc.word_class(at)
            if at == opening:
                if found.pos == "verb":
                    yield at
            elif (
                "verb" in found.alternatives
                and found.proclitic[:1] in conjunctions
                and (found.pos == "verb" or self.sc.word_class(at + 1).pos in ("noun", "name"))
            ):
                yield at

    def note_statement(self, first: int, end: int, nouns: list[int]) -> None:
        """ "أصدرت وزارة الدفاع العراقية ونظيرتها الأميركية بياناً مشتركاً": a joint issuer."""
        for at in nouns[bisect.bisect_left(nouns, first) : bisect.bisect_left(nouns, end)]:
            noun = speaker_words("statement").match(self.sc, at) or speaker_words("issued").match(
                self.sc, at
            )
            if noun is None or noun.end >= end:
                continue
            parties, stop = self.demonyms_from(noun.end, end)
            marker = speaker_words("joint-marker").match(self.sc, stop) if stop < end else None
            if marker is None:
                issuer = self.issuer_before(first, at)
                if issuer is not None:
                    self.state.issuer, self.state.joint = issuer, False
                continue
            if len(parties) < 2:
                parties |= self.parties_between(first, at)
            if len(parties) >= 2:
                self.state.issuer, self.state.joint = self.joint_label(parties), True
            return

    def issuer_before(self, first: int, at: int) -> str | None:
        """The body or person last named before the statement object at token ``at``
        ("أصدرت وزارة الصحة تقريرا") in its sentence (from token ``first``)."""
        if speaker_words("issued").match(self.sc, at) is None:
            return None
        for stop in range(at, first, -1):
            item = self.ctx.by_end.get(stop)
            if item is not None and item.entity.type in ("ORG", "PER"):
                return item.entity.canonical
        return None

    def read(self) -> list[Quote]:
        quotes: list[Quote] = []
        words = self.sc.words
        cues = list(compress(range(len(words)), map(cue_tokens().__contains__, words)))
        self.marker_starts = quote_attributions().hits(self.sc)
        self.saying_at = list(
            compress(range(len(words)), map(_sayings("saying").__contains__, words))
        )
        if (
            not cues
            and participle_forms().keys().isdisjoint(words)
            and not self.marker_starts
            and not self.saying_at
        ):
            return quotes
        nouns = sorted(
            {*speaker_words("statement").hits(self.sc), *speaker_words("issued").hits(self.sc)}
        )
        for sentence in self.article.sentences:
            if self.article.is_boilerplate(sentence.span):
                continue
            first, end = self.token_range(sentence.span)
            self.note_statement(first, end, nouns)
            before = len(quotes)
            attributed, used = self.attributions(first, end, sentence.span)
            quotes += attributed + self.sayings(first, end, sentence.span)
            for k in cues[bisect.bisect_left(cues, first) : bisect.bisect_left(cues, end)]:
                if k in used:
                    continue
                found = cue_at(words[k])
                quote = None
                self.unknown_subject = False
                if found is not None:
                    quote = self.quote_at(k, first, end, found[0], found[1], sentence.span)
                if quote is not None and quotes:
                    previous = quotes[-1].content_span
                    if previous.overlaps(quote.cue_span):
                        if self.article.text[previous.start - 1] in _OPENERS:
                            quote = None  # a verb inside a quotation reports nothing new
                        else:
                            self.truncate(quotes, quote)
                if quote is not None:
                    quotes.append(quote)
                    if self.unknown_subject:
                        # "وقال ممثل المرجعية ... الكربلائي:" with a subject written but not
                        # known: a later bare "وأضاف" is that one, not whoever spoke before
                        self.state.last = _Speaker(None, None, k, "unknown")
            if len(quotes) == before:
                carried = self.participle_quote(first, end, sentence.span)
                if carried is not None:
                    quotes.append(carried)
            self.state.scene = self.scene_of(first, end) if len(quotes) == before else None
            if (
                len(quotes) == before
                and self.shown_as_written(self.state.last)
                and self.opens_on_subject(first, end)
            ):  # "وكانت قوات الدفاع ... دانت القصف. وقالت": another subject since
                self.state.last = _Speaker(None, None, first, "unknown")
        return quotes

    @staticmethod
    def shown_as_written(speaker: _Speaker | None) -> bool:
        return speaker is not None and speaker.label is None and speaker.kind == "unnamed"

    def opens_on_subject(self, first: int, end: int) -> bool:
        """The sentence opens on a verb (past كان) with a subject written after it."""
        at = self.skip_fillers(first, end)
        if at < end and _before_verb().get(self.sc.words[at]) == "carry":
            at += 1
        if at + 1 >= end or self.sc.word_class(at).pos != "verb":
            return False
        if self.sc.word_class(at + 1).pos == "verb":
            at += 1  # "وكانت دانت" is no Arabic; "كانت" is read as the verb
        if at + 1 >= end:
            return False
        after = self.sc.word_class(at + 1)
        word = self.sc.words[at + 1]
        return (
            after.pos in _NOMINAL
            and after.proclitic in _subject_proclitics()
            and word not in stopwords()
            and word not in _nonsubjects()
        )

    def scene_of(self, first: int, end: int) -> tuple[_Speaker, int] | None:
        """The named person a sentence opens on as the subject of its first verb, a verb
        of one person ("هنأ د. عبدالعزيز بن طالب المبتعث ..."), with that verb's token.
        Read only for a sentence that gave no quote, so a reporting verb counts too
        ("وأكد ... على دور الأسرة" reports nothing, but its subject speaks next)."""
        at = self.skip_fillers(first, end)
        if at >= end:
            return None
        found = self.sc.word_class(at)
        if found.pos != "verb":
            # "وأهاب العليان"، "وعبّر الأمير": a form the lexicon also reads as a noun,
            # opening the sentence before a person's name, is the verb
            if "verb" not in found.alternatives:
                return None
        elif found.number != "sg" or found.person not in (None, 3) or found.tense == "imperative":
            return None  # narrative present too: "ويفنّد عضو الائتلاف ... سيدا ... ويقول"
        subject = self.subject_after(at, end, opening=True)
        if subject is None or not self.is_person(subject.label):
            return None
        return _Speaker(subject.label, None, subject.end, "entity"), at

    def sayings(self, first: int, end: int, sentence: Span) -> list[Quote]:
        """ "نقلت وكالة رويترز عن مسؤول عسكري قوله إن ...": the one named after "عن"
        speaks, and the content follows the saying (quote_sayings.tsv)."""
        words, sources = self.sc.words, _sayings("from")
        found: list[Quote] = []
        sayings = self.saying_at
        for at in sayings[
            bisect.bisect_left(sayings, first + 2) : bisect.bisect_left(sayings, end - 1)
        ]:
            start = next(
                (
                    i
                    for i in range(at - 1, max(first, at - _SAYING_BACK) - 1, -1)
                    if words[i] in sources
                ),
                None,
            )
            speaker = self.speaker_at(start + 1, at, at) if start is not None else None
            if speaker is None or speaker.label is None:
                continue
            if speaker.end < at and not self.nominal_run(speaker.end, at):
                continue  # "عن الشيخ طلال الفهد رئيس الاتحاد قوله": an office may follow
            opening = self.content_after(at + 1, end, False) or (self.sc.starts[at + 1], at + 1)
            content = self.content_span(opening[0], sentence)
            if content is None:
                continue
            self.state.last = speaker
            found.append(self.quote(at, speaker, content, False))
        return found

    def attributions(self, first: int, end: int, sentence: Span) -> tuple[list[Quote], set[int]]:
        """Quotes that a marker attributes (quote_attributions.tsv): "...، حسبما أفاد
        المرصد"، "وفق عبد الرحمن"، "وجاء في البيان أن"; and the reporting verbs they used."""
        found: list[Quote] = []
        used: set[int] = set()
        markers = quote_attributions()
        starts = self.marker_starts
        after = first
        for at in starts[bisect.bisect_left(starts, first) : bisect.bisect_left(starts, end)]:
            match = markers.match(self.sc, at) if at >= after else None
            if match is None or match.end >= end:
                continue
            quote, cue = self.attributed(at, match.end, match.value, first, end, sentence)
            if quote is not None:
                found.append(quote)
                if cue is not None:
                    used.add(cue)
            after = match.end
        return found, used

    def attributed(
        self, marker: int, stop: int, kind: str, first: int, end: int, sentence: Span
    ) -> tuple[Quote | None, int | None]:
        """One attribution: its cue token (the verb, or the marker's first word), speaker
        and content; (None, None) when no speaker the passes know follows."""
        cue = marker
        after = stop
        if kind == "tail":  # "حسب ما نقلت الوكالة": any verb of saying or reporting
            if cue_at(self.sc.words[stop]) is None and self.sc.word_class(stop).pos != "verb":
                return None, None
            cue, after = stop, self.skip_fillers(stop + 1, end)
        issuer, joint = self.state.issuer, self.state.joint
        speaker = self.speaker_at(after, end, cue) if after < end else None
        if speaker is None and kind == "tail" and after < end:
            speaker = self.described_speaker(after, end)
        unknown = speaker is not None and speaker.label is None and kind != "document"
        if speaker is None or unknown or speaker.kind == "parties":
            self.state.issuer, self.state.joint = issuer, joint
            return None, None
        if kind == "document" and speaker.kind != "document":
            self.state.issuer, self.state.joint = issuer, joint
            return None, None
        if kind == "according" and any(
            cue_at(word) for word in self.sc.words[speaker.end : min(end, speaker.end + 3)]
        ):
            # "وحسب وكالة الأنباء العراقية «واع»، أوضح البيان أن": the verb reports, with
            # its own speaker; the attribution only says where it was read
            self.state.issuer, self.state.joint = issuer, joint
            return None, None
        content = self.attributed_content(marker, speaker.end, first, end, sentence, kind)
        if content is None:
            return None, None
        if speaker.kind != "document":  # "وجاء في البيان" need not name who issued it
            self.state.last = speaker
        return self.quote(cue, speaker, content, False), cue if kind == "tail" else None

    def attributed_content(
        self, marker: int, after: int, first: int, end: int, sentence: Span, kind: str
    ) -> Span | None:
        """What an attribution reports: the clause before its marker ("قتل 3 مدنيين،
        حسبما أفاد المرصد"), else what opens after its speaker ("وجاء في البيان أن ...",
        "وبحسب القرار فإن ...", "وبحسب المصدر، ...")."""
        if kind != "document" and marker > first:
            if any(cue_at(word) for word in self.sc.words[first:marker]):
                return None  # "ونقل موقع ... عن الدبلوماسي قوله، بحسب مصادر": not its own
            start = self.sc.token_start(first)
            stop = self.sc.token_start(marker)
            text = self.article.text
            while stop > start and text[stop - 1] in chars("quote-trailing") + " ":
                stop -= 1
            return Span(start, stop) if stop > start else None
        if after >= end:
            return None
        opening = self.content_after(after, end, strict=False)
        if opening is None and kind != "document":
            if self.sc.words[after][1:] in _introducers():  # "فإن"
                opening = (self.sc.ends[after], after + 1)
            elif self.comma_between(after - 1, after):
                opening = (self.sc.starts[after], after)
        if opening is None:
            return None
        return self.content_span(opening[0], sentence)

    def participle_quote(self, first: int, end: int, sentence: Span) -> Quote | None:
        """ "وأكد شتاينماير تفهمه قلق الرياض، مبيناً أن": in a sentence no reporting verb
        made a quote of, a reporting participle right before its content reports what the
        subject of its clause said (``clause_subject``)."""
        forms = participle_forms()
        for k in range(first + 1, end):
            if self.sc.words[k] not in forms or self.adjectival(k, 0):
                continue
            opening = self.content_after(k + 1, min(end, k + 3), strict=False)
            if opening is None:
                continue
            content = self.content_span(opening[0], sentence)
            if content is None:
                return None
            # "مؤكدا سموه أن": the honorific after the participle names who speaks
            named = speaker_nouns().match(self.sc, k + 1) if k + 1 < opening[1] else None
            if named is not None and named.value.kind == "person-anaphor":
                label = self.person_before(k, named.value.value)
                speaker: _Speaker | None = _Speaker(
                    label, self.span(k + 1, named.end), named.end, "person-anaphor"
                )
                implicit = False
            else:
                speaker, implicit = self.clause_subject(first, k)
            if speaker is not None and not implicit:
                self.state.last = speaker
            return self.quote(k, speaker, content, implicit and speaker is not None)
        return None

    def clause_subject(self, first: int, k: int) -> tuple[_Speaker | None, bool]:
        """(subject, carried over) of the sentence a participle at token ``k`` goes with:
        its first person or body not spoken to nor governed by a preposition ("وأكد
        شتاينماير"، "تركزت محادثات وزير الخارجية الروسي سيرجي لافروف"), or a place right
        after its opening verb ("استنكرت مملكة البحرين"); with none, in a sentence that
        opens on a verb ("وتطرق إلى"), the last speaker carried over. The word classes
        do not tell a verb from a noun well enough to find the clause's own verb."""
        said = self.said_from(first, k)
        for item in self.ctx.placed:
            if not first <= item.first < min(k, said) or item.entity.type not in _SPEAKER_TYPES:
                continue
            if item.entity.type == "LOC" and not self.state_after_verb(first, item.first):
                continue
            clitic = self.proclitic(item, item.first)
            if self.told(item, item.first) or not proclitic_letters("preposition").isdisjoint(
                clitic
            ):
                continue
            if item.first > first and self.sc.word_classes[item.first - 1].pos == "particle":
                continue  # "مع نظرائه"، "في الرياض": governed by a preposition
            span = self.span(item.first, item.end)
            return _Speaker(item.entity.canonical, span, item.end, "entity"), False
        # a sentence that opens on a verb, or says something before the participle, goes
        # on with the last speaker
        if (self.opens_on_verb(first) or said < k) and self.state.last is not None:
            return self.state.last, True
        return None, False

    def said_from(self, first: int, k: int) -> int:
        """Where what is said opens between tokens ``first`` and ``k`` (``k`` when it does
        not): a participle, or a word opening content right after a reporting verb
        ("موضحا أن ... رغم أنف هيكل، مؤكدا"): a name after it is inside the content, no
        subject of the participle at ``k``."""
        forms, introducers = participle_forms(), _introducers()
        for at in range(first, k):
            word = self.sc.words[at]
            if word in forms:
                return at
            if word in introducers and any(
                cue_at(self.sc.words[before]) or self.sc.words[before] in forms
                for before in range(max(first, at - 2), at)
            ):
                return at  # "قال إن", not "والأهم أن"
        return k

    def state_after_verb(self, first: int, at: int) -> bool:
        """The place at token ``at`` is the clause's subject: right after its opening verb
        ("استنكرت البحرين"), or after one noun that it is the state of ("استنكرت مملكة
        البحرين"، "أكدت حكومة البحرين"); not after a title or a plural ("مصادر")."""
        if at == first + 1:
            return True
        head = self.sc.word_class(first + 1)
        if at != first + 2 or head.pos != "noun" or head.number not in (None, "sg"):
            return False
        if head.definite or head.proclitic:
            return False
        word = self.sc.words[first + 1]
        return not titles().starts(word) and not speaker_nouns().starts(word)

    def opens_on_verb(self, first: int) -> bool:
        """ "وتطرق إلى ..."، "كما أشاد بـ...": the sentence opens on a verb (after و/كما)
        with no subject after it: a preposition follows ("وحذرت الخبيرة" has one)."""
        classes = self.sc.word_classes
        for at in range(first, min(first + 2, len(self.tokens) - 1)):
            if classes[at].pos == "verb":
                after = classes[at + 1]
                return after.pos == "particle" or bool(after.proclitic)
            if classes[at].pos != "particle":
                return False
        return False
        return False

    def truncate(self, quotes: list[Quote], quote: Quote) -> None:
        """A later quote in the same sentence ends the content of the one before it."""
        previous = quotes[-1]
        text = self.article.text
        stop = quote.cue_span.start
        while stop > previous.content_span.start and text[stop - 1] in chars("quote-trailing"):
            stop -= 1
        if stop > previous.content_span.start:
            previous.content_span = Span(previous.content_span.start, stop)
        else:
            quotes.pop()


def annotate_quotes(article: Article) -> None:
    """Fill ``article.quotes`` from the body sentences (``annotate_entities`` runs first)."""
    article.quotes = _Reader(article).read()
