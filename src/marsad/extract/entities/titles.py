"""Titles: a title (titles.tsv) gives the person next to it a role ("وزير الدفاع الأمريكي
لويد ج. أوستن", "جون كيربي، المتحدث باسم وزارة الدفاع")."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from marsad.arabic.charsets import chars, letter
from marsad.arabic.clitics import proclitic_letters
from marsad.arabic.normalize import normalize
from marsad.arabic.view import TextView
from marsad.extract.entities.compose import compose_portfolio
from marsad.extract.entities.context import EntityContext, context, source_span
from marsad.extract.entities.latin import romanise
from marsad.extract.lexicon import (
    Match,
    Title,
    after_family,
    body_links,
    countries,
    demonym_at,
    gap_ok,
    short_name,
    titles,
)
from marsad.model import Article, Entity, Span
from marsad.resources import load_lines


@cache
def _no_commas() -> dict[int, None]:
    """A translate table that deletes commas (Arabic and Latin)."""
    return {ord(char): None for char in chars("comma")}


@dataclass(frozen=True, slots=True)
class TitleMention:
    """A title as written, the role it gives, and the person it names (if found)."""

    first: int
    end: int  # token after the title (and its nationality or body spoken for)
    span: Span
    role: str
    kind: str
    person: str | None


_LONGEST_FIELD = 3  # words of a minister's field composed in English ("الشؤون الاجتماعية")
_WITH_BODY = frozenset({"spokesman", "office-of", "occupation-of", "office-field"})
_BODIES = frozenset({"ORG", "LOC", "EVENT"})


@cache
def _title_links() -> frozenset[str]:
    """ "باسم": the word ending a spokesman's title before the body spoken for."""
    return frozenset(normalize(line) for line in load_lines("title_links.txt"))


def _qualifies_title(ctx: EntityContext, at: int) -> bool:
    """Token ``at`` is a definite adjective of the title before it, a link word after it:
    "القيادي |السابق| في", "القيادي |البارز| في"."""
    sc = ctx.sc
    if at + 1 >= len(sc.words) or not _plain(ctx, at) or not _linked(ctx, at + 1):
        return False
    found = sc.word_class(at)
    return found.pos == "adj" and found.definite and not found.proclitic


def _linked(ctx: EntityContext, at: int) -> bool:
    """Token ``at`` is a free link word (no clitic on it) with a word after it."""
    sc = ctx.sc
    return at + 1 < len(sc.words) and sc.words[at] in body_links() and _plain(ctx, at + 1)


_MAX_BODY_WORDS = 8
_UNNAMED_BODY = "title-body"
_NAME_SOURCES = frozenset({"guess", "rule"})  # a word the lexicon does not know


def _body_phrase(ctx: EntityContext, at: int) -> int:
    """The end of the body an office names when no pass found it as a name: the noun
    phrase right after the office, in construct or after a preposition ("مدير إدارة
    شؤون القطاع الصحي الخاص بصحة جدة", "المدير التنفيذي لسوق عكاظ"), up to eight words;
    it ends at a rank or title, a person's name (a known person, or a word the lexicon
    knows only as a name or does not know, written without the article), punctuation,
    a verb or a function word. ``at`` when there is none."""
    sc = ctx.sc
    end = at
    while end < len(sc.words) and end - at < _MAX_BODY_WORDS:
        if not _plain_gap(ctx, end) or _body_stops(ctx, end, first=end == at):
            break
        end += 1
    return end


def _body_stops(ctx: EntityContext, at: int, first: bool) -> bool:
    sc = ctx.sc
    item = ctx.by_first.get(at)
    if item is not None and item.entity.type == "PER":
        return True
    if titles().match(sc, at, clitics=False) or ctx.in_timex(at):
        return True  # "عضو في رئاسة الاتحاد الإسلامي الكردستاني الأربعاء": not the body's
    found = sc.word_class(at)
    if found.pos in ("particle", "pronoun", "digit") or (
        found.pos == "verb" and found.alternatives == {"verb"}
    ):
        return True
    if not first and _after_closed_construct(sc, at):
        return True
    if first or not _bare_name(sc, at):
        return False
    # A person's name has a second word ("محمد الصفيان"); a one-word proper noun inside
    # the body is followed by a rank or the end of the chain ("لسوق عكاظ الدكتور").
    following = at + 1
    if following >= len(sc.words) or not _plain_gap(ctx, following):
        return False
    if titles().match(sc, following, clitics=False) is not None:
        return False
    after = sc.word_class(following)
    return _bare_name(sc, following) or (after.definite and "name" in after.alternatives)


def _after_closed_construct(sc: TextView, at: int) -> bool:
    """A word without the article right after one with it: a definite noun closes a
    construct and its adjectives take the article too, so the word is no part of the body
    ("مخرج المسرحية |فطيس بقنة إن": the director's name), unless the noun is a title
    that takes a name ("جامعة الملك سعود")."""
    found = sc.word_class(at)
    if found.definite or found.proclitic or found.pos not in ("noun", "adj", "name"):
        return False
    if sc.words[at].endswith(letter("alef")):
        return False  # an accusative adverb may stand in the chain: "الجيوش التونسية سابقا"
    before = sc.word_class(at - 1)
    if not before.definite or before.proclitic:
        return False
    return titles().match(sc, at - 1, clitics=False) is None  # "جامعة الملك سعود"


def _bare_name(sc: TextView, at: int) -> bool:
    """A word written without the article or a clitic that the lexicon knows only as a
    name, or does not know."""
    found = sc.word_class(at)
    if found.definite or found.proclitic:
        return False
    return found.source in _NAME_SOURCES or found.alternatives == {"name"}


def _plain_gap(ctx: EntityContext, at: int) -> bool:
    return at > 0 and ctx.gap(at - 1, at).strip() == ""


def _unnamed_body(ctx: EntityContext, first: int, end: int) -> Entity:
    """The body a title names but no pass found, as an entity for the role's wording."""
    sc = ctx.sc
    prepositions = proclitic_letters("preposition")
    carried = sc.words[first][0] in prepositions and any(p == 1 for p, _ in sc.readings(first))
    span = source_span(sc, first, 1 if carried else 0, False, end)
    text = span.slice(ctx.article.text)
    english = compose_portfolio(sc, first, end) or romanise(text) or text
    return Entity(span, text, "ORG", english, rule=_UNNAMED_BODY)


def _field(ctx: EntityContext, first: int, end: int) -> Entity | None:
    """The field of a minister no title row names ("الخدمة المدنية": Civil Service), in
    English from the glossary; None when a word of it is not there (a field is never
    romanised: "Minister of Al-Shauoun" is no name a reader accepts)."""
    if end - first > _LONGEST_FIELD:
        return None  # "لشؤون مكافحة الإرهاب والاستخبارات المالية": no word-for-word English
    english = compose_portfolio(ctx.sc, first, end)
    if english is None:
        return None
    span = source_span(ctx.sc, first, 0, False, end)
    return Entity(span, span.slice(ctx.article.text), "ORG", english, rule="title-field")


def _role(title: Title, nationality: str | None, org: Entity | None) -> str:
    template = title.templates[0][1]
    for country, text in title.templates:
        if country is None:
            template = text
    for country, text in title.templates:
        if country is not None and country == nationality:
            template = text
    if "{nat}" in template:
        info = countries().get(nationality or "")
        template = template.replace("{nat}", info.adjective if info else "").strip()
    if title.kind == "occupation-of" and org is not None and org.rule == _UNNAMED_BODY:
        org = None  # "مدرب فريق تشيلسي الإنجليزي لكرة القدم": a coach, not of a guessed name
    if "{org}" in template:
        if org is None:
            template = template.replace(" of {org}", "").replace("{org}", "").strip()
        elif org.type == "PER":
            template = template.replace("{org} ", "") + " for " + org.canonical
        else:
            template = template.replace("{org}", short_name(org.canonical))
    return template


def separated(ctx: EntityContext, left: int, right: int) -> bool:
    """A space or a comma between a title and the name it introduces."""
    return ctx.gap(left, right).translate(_no_commas()).strip() == ""


def past_ranks(sc: TextView, at: int) -> int:
    """The token after the chain of ranks and honorifics starting at ``at`` ("صاحب
    السمو الملكي الأمير", "معالي ... الأستاذ"): where the name starts."""
    while at < len(sc.words):
        rank = titles().match(sc, at, clitics=False)
        if rank is None or rank.value.kind != "rank":
            break
        if rank.end < len(sc.words) and not gap_ok(sc, rank.end - 1, rank.end):
            break
        at = rank.end
    return at


def find_titles(article: Article, ctx: EntityContext | None = None) -> list[TitleMention]:
    """Titles in the article body with the role they give and the person they name; a
    chain of titles and ranks before one name ("معالي وزير الخارجية الأستاذ عادل ...")
    is one title whose role is its office's."""
    if ctx is None:
        ctx = context(article)
    out: list[TitleMention] = []
    next_free = 0
    for at in titles().hits(ctx.sc):
        if at < next_free or ctx.taken[at]:
            continue
        match = titles().match(ctx.sc, at)
        if match is None or match.value.kind == "head" or after_family(ctx.sc, at):
            continue
        mention = _title_at(ctx, match)
        if mention is not None:
            if out and out[-1].end == mention.first and _plain(ctx, mention.first):
                mention = _chained(out.pop(), mention)
            out.append(mention)
            next_free = mention.end
        else:
            next_free = match.end
    return out


_STRONG = {
    "office": 2,
    "office-of": 2,
    "office-field": 2,
    "spokesman": 2,
    "occupation-of": 1,
    "rank": 1,
}


def _plain(ctx: EntityContext, at: int) -> bool:
    """Only spaces between token ``at`` and the one before it."""
    return at > 0 and ctx.gap(at - 1, at).strip() == ""


def _chained(before: TitleMention, after: TitleMention) -> TitleMention:
    """Two titles in a row naming one person: the chain's role is the strongest one's
    (an office outranks a rank), its person the one after the last."""
    main = before if _STRONG.get(before.kind, 0) >= _STRONG.get(after.kind, 0) else after
    span = Span(before.span.start, after.span.end)
    return TitleMention(before.first, after.end, span, main.role, main.kind, after.person)


def _agrees(sc: TextView, title: int, adjective: int) -> bool:
    """An adjective after the title's last word agrees with it in definiteness: after
    "الدكتور" an indefinite "تركي" is the name Turki, not "Turkish" (that is "التركي")."""
    return sc.word_class(adjective).definite or not sc.word_class(title).definite


def _title_at(ctx: EntityContext, match: Match[Title]) -> TitleMention | None:
    sc, tokens = ctx.sc, ctx.sc.tokens
    title, end = match.value, match.end
    nationality: str | None = None
    org: Entity | None = None
    if end < len(tokens) and gap_ok(sc, end - 1, end) and _agrees(sc, end - 1, end):
        nationality = demonym_at(sc, end)
        if nationality is not None:
            end += 1
    if title.kind in _WITH_BODY and end < len(tokens):
        item = ctx.by_first.get(end)
        if title.kind == "office-field":
            # the field in English, or no title: "وزير خارجيته" is a row's office with a
            # pronoun, and a guessed "Minister" would hide what the gazetteer knows
            field_end = item.end if item is not None else _body_phrase(ctx, end)
            org = _field(ctx, end, field_end) if field_end > end else None
            if org is None:
                return None
            end = field_end
        elif item is not None and (title.kind == "spokesman" or item.entity.type in _BODIES):
            org, end = item.entity, item.end
        elif title.kind in ("office-of", "occupation-of"):
            if _qualifies_title(ctx, end):
                end += 1  # "القيادي السابق في الجماعة": the title's adjective, then its body
            start = end + 1 if _linked(ctx, end) else end  # "عضو في رئاسة الاتحاد ..."
            item = ctx.by_first.get(start)
            if item is not None and item.entity.type in _BODIES:
                org, end = item.entity, item.end
            else:
                body_end = _body_phrase(ctx, start)
                if body_end > start:  # a body no pass named: "لسوق عكاظ"
                    org = _unnamed_body(ctx, start, body_end)
                    end = body_end
        elif sc.words[match.end - 1] in _title_links():
            end += 1  # a body the gazetteer lacks: "باسم الخارجية"
            if demonym_at(sc, end) is not None:
                end += 1
    if title.kind in ("office", "office-of", "office-field") and nationality is None:
        nationality = ctx.nationality_near(match.first)
    role = _role(title, nationality, org)
    span = source_span(sc, match.first, match.prefix, match.fused, min(end, len(tokens)))
    if ctx.article.is_boilerplate(span):
        return None
    person = _person_after(ctx, end)
    if person is None and _holder_after_body(ctx, match, end):
        # "الأمين العام لمجلس التعاون ... الدكتور عبداللطيف الزياني": the office's body,
        # then the person who holds it
        body = ctx.by_first[end]
        person = _person_after(ctx, body.end)
        if person is not None:
            end = body.end
            span = source_span(sc, match.first, match.prefix, match.fused, end)
            role = f"{short_name(body.entity.canonical)} {role}"
    if person is None and match.first > 0:
        before = ctx.by_end.get(match.first)
        named = before is not None and before.entity.type == "PER"
        if before is not None and named and separated(ctx, match.first - 1, match.first):
            person = before.entity.canonical
    return TitleMention(match.first, end, span, role, title.kind, person)


def _holder_after_body(ctx: EntityContext, match: Match[Title], end: int) -> bool:
    """An office title followed at once by the body it is an office of, the title not
    itself what another noun is of ("للأمين العام"، "ممثل الأمين العام")."""
    sc = ctx.sc
    if match.value.kind != "office" or match.prefix or end >= len(sc.tokens):
        return False
    if match.first > 0 and gap_ok(sc, match.first - 1, match.first):
        before = sc.word_class(match.first - 1)
        if before.pos == "noun" and not before.definite:
            return False  # "ممثل الأمين العام للأمم المتحدة، برناردينو ليون": his envoy
    body = ctx.by_first.get(end)
    return body is not None and body.entity.type == "ORG" and gap_ok(sc, end - 1, end)


def _person_after(ctx: EntityContext, at: int) -> str | None:
    tokens = ctx.sc.tokens
    if at >= len(tokens) or at == 0 or not separated(ctx, at - 1, at):
        return None
    at = past_ranks(ctx.sc, at)
    item = ctx.by_first.get(at)
    if item is not None:
        return item.entity.canonical if item.entity.type == "PER" else None
    return None
